"""No regular expression of pmreview's readers and rules (the phrase tables in data/*.toml
included) backtracks catastrophically: each runs against long runs of what it repeats and
near-misses (tests/_backtracking.py) within 20 times its linear time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from _backtracking import blow_ups, worst_cases
from _support import DATA, REPO

# Quadratic today, on one line of thousands of characters built for it; each is left for a
# rewrite that keeps its matches (listed so that no new one joins them unnoticed).
KNOWN = {  # parse/titles.py: the bold title, the label and the inline label of a line
    r"^\s{0,3}(?:\*\*|__)\s*\*?\s*(?P<t>[^*_\n]{1,80}?)\s*\*?\s*:?\s*(?:\*\*|__)\s*:?\s*$",
    r"^\s{0,3}[-=~]*\s*(?P<t>[A-Za-z0-9][^:\n.!?]{0,60}?)\s*[-=~]*\s*:\s*$",
    r"^\s{0,3}(?:(?:\*\*|__)(?P<b>[^*_\n]{1,50}?)\s*:?\s*(?:\*\*|__)\s*[:\-–—]?"
    r"|(?P<c>[A-Za-z][^:\n.!?*]{0,40}?):)\s+\S",
}


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


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"<!--\s*([^>]*?)\s*-->"])
def test_the_audit_catches_a_bad_pattern(pattern: str) -> None:
    assert blow_ups(pattern)


def test_the_audit_passes_a_linear_pattern() -> None:
    assert worst_cases(r"\bfoo\s+bar\b", 0, 100)
    assert not blow_ups(r"\bfoo\s+bar\b")


@pytest.mark.skipif(
    not os.environ.get("PMREVIEW_REGEX_AUDIT"),
    reason="minutes of CPU while known blow-ups remain: set PMREVIEW_REGEX_AUDIT=1",
)
def test_no_pattern_blows_up() -> None:
    slow = {p: blow_ups(p, f) for p, f in _patterns() if p not in KNOWN}
    assert {p: s for p, s in slow.items() if s} == {}
