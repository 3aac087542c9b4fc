"""The patterns rewritten to run in linear time (tests/test_backtracking.py audits them) find
what their backtracking forms found: those are kept in tests/_backtracking_old.json, by the
name of what replaced them in pmreview, and both are run on texts made for each, random
ones and ones hypothesis makes from the old pattern (tests/_same_matches.py)."""

from __future__ import annotations

import importlib
import json
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from _same_matches import _pieces, found, made_for, searches, texts
from _support import REPO
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from pmreview.text.prefilter import Lazy
from pmreview.text.runs import RunSearch

OLD: dict[str, list[Any]] = json.loads(
    (REPO / "tests" / "_backtracking_old.json").read_text("utf-8")
)
TEXTS = 500  # random texts a pattern is tried on, each searched from every position
# derandomized: the same texts each run; not shrunk, which searching every position of each
# candidate from both forms of a long pattern would make take minutes
MADE = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
)


def _old(name: str) -> re.Pattern[str]:
    pattern, flags = OLD[name]
    return re.compile(pattern, flags)


def _new(name: str) -> Any:
    """What `name` ("text.span._range") is in pmreview: a pattern (a Lazy one compiled, one
    made by a function made), or a function."""
    module, attr = name.rsplit(".", 1)
    value = getattr(importlib.import_module(f"pmreview.{module}"), attr)
    if isinstance(value, Lazy):
        return value.compiled
    return value() if getattr(value, "cache_info", None) else value


def _matched_at(old: re.Pattern[str], text: str) -> list[bool]:
    return [old.match(text, pos) is not None for pos in range(len(text) + 1)]


def _at(new: Callable[[str, int], bool]) -> Callable[[str], list[bool]]:
    return lambda text: [new(text, pos) for pos in range(len(text) + 1)]


def _xs(m: re.Match[str]) -> str:
    return "x" * len(m.group(0))


def _masking(new: re.Pattern[str]) -> Callable[[str], str]:
    return lambda text: new.sub(_new("text.sentences._xs"), text)


# the patterns replaced by a few lines of code (named by the function): what the old pattern
# did in the function's place, and the function's answer for the same text
CODE: dict[str, tuple[Callable[[re.Pattern[str], str], Any], Callable[[Any], Any]]] = {
    "checks.timeline.without_remark": (lambda old, text: old.sub("", text), lambda new: new),
    # whether the old pattern matched at a position (a run before the rest is skipped first)
    "text.stated_durations._length_after": (_matched_at, _at),
    "checks.changes._how_follows": (_matched_at, _at),
    "checks.theories._intention_after": (_matched_at, _at),
    "text.borrowed._level_after": (_matched_at, _at),
    # a pattern that also passes over an unclosed run, and the code that leaves that as it is
    "text.sentences.TAG": (lambda old, text: old.sub(_xs, text), _masking),
    "text.sentences._TARGET": (lambda old, text: old.sub(_xs, text), _masking),
    "rules.vague_roles.untagged": (lambda old, text: old.sub(" ", text), lambda new: new),
}


# the patterns used only from the start of a string: matched there, or searched from there
# (those rewritten start where a search from inside a run they repeat would not)
MATCHED_AT_START = {"rules.vague_place._LABEL", "rules.vague_roles._LEAD_IN"}
SEARCHED_FROM_START = {"text.sentences._LAST_WORD"}
# the patterns only asked whether they match at all (from a position, up to an end): their
# rewrites may find another match, but one wherever the old form found one
FOUND = {"checks.not_made.UNDONE", "checks.story._NONE"}


def _found_from(p: re.Pattern[str]) -> Callable[[str], list[tuple[bool, bool]]]:
    """Whether `p` finds a match from every position, and before each."""
    return lambda text: [
        (p.search(text, pos) is not None, p.search(text, 0, pos) is not None)
        for pos in range(len(text) + 1)
    ]


def _views(name: str) -> tuple[Callable[[str], Any], Callable[[str], Any]]:
    """What the old form found in a text, and what its replacement finds: every position's
    search for a pattern, what the code does for code."""
    old, new = _old(name), _new(name)
    if name in MATCHED_AT_START:
        return (lambda text: found(old.match(text))), (lambda text: found(new.match(text)))
    if name in SEARCHED_FROM_START:
        return (lambda text: found(old.search(text))), (lambda text: found(new.search(text)))
    if name in FOUND:
        return _found_from(old), _found_from(new)
    if name not in CODE:
        assert old.pattern != new.pattern
        return searches(old), searches(new)
    before, after = CODE[name]
    return (lambda text: before(old, text)), after(new)


@pytest.mark.parametrize("name", sorted(OLD))
def test_a_rewrite_finds_what_the_old_form_found_in_random_texts(name: str) -> None:
    old, new = _views(name)
    assert [repr(t) for t in texts(_old(name), TEXTS) if old(t) != new(t)] == []


@pytest.mark.parametrize("name", sorted(OLD))
@given(data=st.data())
@MADE
def test_a_rewrite_finds_what_the_old_form_found_in_texts_made_for_it(
    name: str, data: st.DataObject
) -> None:
    text = data.draw(made_for(_old(name)))
    old, new = _views(name)
    assert old(text) == new(text)


def _scans(p: re.Pattern[str] | RunSearch) -> Callable[[str], Any]:
    """A scan from the start (what finditer and sub give), a search and a match from each
    position."""
    return lambda text: (
        searches(p)(text),
        [found(m) for m in p.finditer(text)],
        p.sub("<>", text),
        [found(p.match(text, pos)) for pos in range(len(text) + 1)],
    )


# the rewrites that search through text/runs.py: a scan keeps what it learnt from one match
# to the next (the runs whose inner starts failed)
RUNS = sorted(name for name in OLD if isinstance(_new(name), RunSearch))


def test_the_run_searches_are_compared() -> None:
    assert len(RUNS) >= 5


def _run_texts(name: str) -> list[str]:
    """Texts of the old pattern's pieces, many of them single characters runs are made of
    (where the rewrite differs)."""
    pieces = _pieces(_old(name))
    runs = [c for c in pieces if len(c) == 1 and any(r.fullmatch(c) for _, r in _new(name).runs)]
    runs *= 8
    rnd = random.Random(12)
    return [
        "".join(rnd.choice(pieces + runs) for _ in range(rnd.randint(0, 16))) for _ in range(TEXTS)
    ]


@pytest.mark.parametrize("name", RUNS)
def test_a_run_search_scans_and_matches_as_the_old_form_did(name: str) -> None:
    old, new = _scans(_old(name)), _scans(_new(name))
    made = texts(_old(name), TEXTS) + _run_texts(name)
    assert [repr(t) for t in made if old(t) != new(t)] == []
