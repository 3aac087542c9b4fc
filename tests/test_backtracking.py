"""No regular expression of pmreview's readers and rules (the phrase tables in data/*.toml
included) backtracks catastrophically: each runs against long runs of what it repeats and
near-misses (tests/_backtracking.py) within 6 times its linear time. The rewritten title
patterns of parse/titles.py find what their backtracking forms found."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys

import pytest
from _backtracking import blow_ups, worst_cases
from _support import DATA, REPO

from pmreview.parse import titles

# Quadratic under a search from every position (a run that each start reads to its end), on
# near-misses of thousands of characters built for them: each is left, with the reason no
# rewrite that keeps its matches was made (pattern -> reason), listed so that no new one joins
# them unnoticed. Those rewritten: tests/test_backtracking_rewrites.py.
KNOWN = frozenset(json.loads((REPO / "tests" / "_backtracking_known.json").read_text("utf-8")))


def _patterns() -> list[tuple[str, int]]:
    documents = sorted(str(p) for p in [*REPO.glob("examples/*.md"), *DATA.glob("*.md")])
    out = subprocess.run(
        [sys.executable, str(REPO / "tests" / "_collect_patterns.py"), *documents],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src")},
    ).stdout
    return [(p, f) for p, f in json.loads(out)]


def test_the_patterns_are_collected() -> None:
    texts = {p for p, _ in _patterns()}
    assert len(texts) > 300  # rules, readers, and the phrase tables
    assert any("pmreview-" in p for p in texts)  # the directives reader


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"<!--\s*([^>]*?)\s*-->", r"\s*x"])
def test_the_audit_catches_a_bad_pattern(pattern: str) -> None:
    assert blow_ups(pattern)  # exponential, cubic, quadratic under a search


def test_the_audit_passes_a_linear_pattern() -> None:
    assert worst_cases(r"\bfoo\s+bar\b", 0, 100)
    assert not blow_ups(r"\bfoo\s+bar\b")
    assert not blow_ups(r"\([^)]*+\)?")


def test_no_pattern_blows_up() -> None:
    slow = {p: blow_ups(p, f) for p, f in _patterns() if p not in KNOWN}
    assert {p: s for p, s in slow.items() if s} == {}


_OLD_BOLD = re.compile(
    r"^\s{0,3}(?:\*\*|__)\s*\*?\s*(?P<t>[^*_\n]{1,80}?)\s*\*?\s*:?\s*(?:\*\*|__)\s*:?\s*$"
)
_OLD_LABEL = re.compile(r"^\s{0,3}[-=~]*\s*(?P<t>[A-Za-z0-9][^:\n.!?]{0,60}?)\s*[-=~]*\s*:\s*$")
_OLD_INLINE = re.compile(
    r"^\s{0,3}(?:(?:\*\*|__)(?P<b>[^*_\n]{1,50}?)\s*:?\s*(?:\*\*|__)\s*[:\-–—]?"
    r"|(?P<c>[A-Za-z][^:\n.!?*]{0,40}?):)\s+\S"
)


def _groups(m: re.Match[str] | None, *names: str) -> tuple[str | None, ...] | None:
    return None if m is None else tuple(m.group(n) for n in names)


def test_the_title_patterns_find_what_their_backtracking_forms_found() -> None:
    pieces = [" ", " ", "\t", "*", "**", "_", "__", ":", "a", "x y", "A1", "-", "=", "~", "—", "."]
    rnd = random.Random(12)
    for _ in range(20_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        if rnd.random() < 0.1:
            line = line.replace(rnd.choice(" a-"), rnd.choice(" a-") * rnd.randint(5, 20))
        old = _OLD_BOLD.match(line)
        assert titles._bold_title(line) == (old and old.group("t")), line
        assert _groups(titles._LABEL_LINE.match(line), "t") == _groups(
            _OLD_LABEL.match(line), "t"
        ), line
        assert _groups(titles._INLINE_LABEL.match(line), "b", "c") == _groups(
            _OLD_INLINE.match(line), "b", "c"
        ), line
