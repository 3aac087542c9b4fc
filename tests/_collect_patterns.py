"""Print (as JSON) every regular expression pmreview's readers and rules compile: run as a
script in a fresh interpreter (re's own cache would hide patterns compiled before)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

SEEN: dict[tuple[str, int], None] = {}
_compile = re._compile  # type: ignore[attr-defined]


def _recording(pattern: Any, flags: Any) -> Any:
    if isinstance(pattern, str) and _ours(sys._getframe(1)):
        for each in _alternatives(pattern, sys._getframe(1)):
            SEEN[(each, int(flags))] = None
    return _compile(pattern, flags)


def _alternatives(pattern: str, frame: Any) -> list[str]:
    """A gated alternation compiled whole (text/phrases.py, past its gated searches) is
    audited alternative by alternative: a search with `a|b` costs a search with `a` plus one
    with `b`, so it is linear when each is, and a slow one is told apart on its own worst
    cases (the joined pattern's timings are those of fifty-odd alternatives)."""
    while frame is not None:
        owner = frame.f_locals.get("self")
        if type(owner).__name__ == "Alternation" and owner.pattern == pattern:
            return list(owner.table.patterns)
        frame = frame.f_back
    return [pattern]


def _ours(frame: Any) -> bool:
    """Whether the first caller outside the re package is pmreview (not markdown-it...)."""
    while frame is not None and f"{Path('re')}" in Path(frame.f_code.co_filename).parts[-2:-1]:
        frame = frame.f_back
    return frame is not None and "pmreview" in Path(frame.f_code.co_filename).parts


def _toml_patterns() -> list[str]:
    """The phrase tables in data/*.toml: every string under a key that holds patterns."""
    from pmreview.resources import load_toml

    out: list[str] = []

    def walk(value: Any, key: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and ("pattern" in key or key in ("veto", "summary_titles")):
            out.append(value)

    for name in ("vague.toml", "blame.toml", "sections.toml"):
        walk(load_toml(name), "")
    return out


def main(documents: list[str]) -> None:
    re._compile = _recording  # type: ignore[attr-defined]
    import pmreview.rules as rules
    from pmreview.models import Report
    from pmreview.pipeline import review_text
    from pmreview.render import render

    for doc in documents:
        review = review_text(Path(doc).read_text(encoding="utf-8"), doc)
        render(Report(profile="default", documents=[review], errors=[]), "json")
    ours = [m for m in list(sys.modules.values()) if m.__name__.startswith("pmreview.")]
    for module in ours:
        _force_lazy(vars(module).values())
    from pmreview.rules.blame import _patterns as blame_patterns

    _force_lazy(blame_patterns().values())  # tried only where a name is next to their start
    for pattern in _toml_patterns():
        SEEN[(pattern, 0)] = None
    del rules
    matched = _matched_only(ours)
    json.dump([(rf"\A(?:{p})" if p in matched else p, f) for p, f in SEEN], sys.stdout)


def _matched_only(modules: list[Any]) -> set[str]:
    """The patterns pmreview only matches at a start, never searches (RunSearch alternatives,
    text/runs.py): audited anchored there, as a search's cost is none of pmreview's."""
    from pmreview.text.runs import RunSearch

    values = [v for m in modules for v in vars(m).values()]
    return {v.alternative.pattern for v in values if isinstance(v, RunSearch)}


def _force_lazy(values: Any, depth: int = 0) -> None:
    from pmreview.text.prefilter import Lazy

    for value in values:
        if isinstance(value, Lazy):
            value.compiled  # noqa: B018
        elif isinstance(value, tuple) and depth < 3:
            _force_lazy(value, depth + 1)


if __name__ == "__main__":
    main(sys.argv[1:])
