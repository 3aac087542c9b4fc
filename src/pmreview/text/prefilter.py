"""Prefilters: cheap tests that let a pattern skip text it cannot match, and patterns compiled
only when first needed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from itertools import groupby
from typing import Protocol


class Searcher(Protocol):
    """What searches a text: a compiled regex, or a gated alternation (text/phrases.py)."""

    def search(self, text: str, /) -> re.Match[str] | None: ...


class Lazy:
    """A regular expression compiled when first used. Compiling costs 0.1-0.6 ms a pattern
    (re's parser is pure Python), which a one-document run pays at start-up, and most
    documents never get as far as most privacy and placeholder patterns (see may_match)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


# The non-ASCII letters that re.IGNORECASE matches to ASCII ones: İ and ı to i, ſ to s, K
# (Kelvin) to k (tests/rules/test_gates.py checks that there are no others).
CASE_VARIANTS = "\u0130\u0131\u017f\u212a"


def may_match(needs: tuple[str, ...], caseless: bool, text: str, lower: str) -> bool:
    """Whether `text` holds one of `needs`, strings one of which every match of a pattern
    contains: a test much cheaper than running the pattern, which most text then skips.
    For a case-insensitive pattern (`caseless`, lower-case `needs`) the test is on `lower`,
    the text lower-cased (str.lower, Block.lower or Document.lower); text with a CASE_VARIANTS
    letter always passes, since re.I matches it to an ASCII letter that a lower-casing may not
    give at the same place (Block.lower leaves it as it is; str.lower turns İ into two
    characters)."""
    if caseless:
        if not text.isascii() and any(c in text for c in CASE_VARIANTS):
            return True
        text = lower
    return any(map(text.__contains__, needs))  # twice as fast as a generator here


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")
_ESCAPE = re.compile(r"\\[A-Za-z]")


def lower_case(patterns: list[str], where: str) -> list[str]:
    """The patterns, checked to be written in lower case (they are matched against
    `Block.lower`, or any text lower-cased the same way, without re.IGNORECASE)."""
    for p in patterns:
        if _UPPER_LITERAL.search(_ESCAPE.sub("", p)):
            raise ValueError(
                f"{where}: patterns are matched on lower-cased text; write {p!r} in lower case"
            )
    return patterns


def might_match(lower_text: str, hints: tuple[str, ...] | None) -> bool:
    """False only when none of the patterns behind `hints` can match the text."""
    return hints is None or any(h in lower_text for h in hints)


SPACE_RUN = re.compile(r"\s*+")


def run_end(run: re.Pattern[str], text: str, pos: int) -> int:
    """Where `run`, a possessive repeat (SPACE_RUN: it matches anywhere), ends from `pos`.
    A pattern that starts with such a run and is matched at a position is split there: the
    run, then the rest from where it ends. Whole, it would read a long run again from every
    position in it that a search starts at (tests/test_backtracking.py searches so)."""
    m = run.match(text, pos)
    return pos if m is None else m.end()


def boundary_first(patterns: Sequence[str]) -> str:
    """The alternation `p1|p2|…` with each run of alternatives that open with `\\b` written
    `\\b(?:…|…)`: the same matches (the alternatives are tried in the same order at each
    place), but `re` tests the boundary once a character, not once an alternative, and
    most characters stand inside a word (a search of PM104's hundred-odd wishes: ~15 times
    faster). An alternative with a `|` outside its groups is kept as it is."""
    parts = []
    for bounded, run in groupby(patterns, key=_boundary_first):
        alts = list(run)
        parts.append("\\b(?:" + "|".join(p[2:] for p in alts) + ")" if bounded else "|".join(alts))
    return "|".join(parts)


def _boundary_first(pattern: str) -> bool:
    """Whether `pattern` opens with `\\b` and has no `|` outside its groups and classes."""
    if not pattern.startswith("\\b"):
        return False
    depth, i, in_class = 0, 2, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if pattern.startswith("^", i + 1) else 0
            i += 1 if pattern.startswith("]", i + 1) else 0  # a "]" first is no end
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


_LITERAL_RUN = re.compile(r"\\b([a-z0-9 ]+)")


def literal_first(pattern: str) -> str:
    """`pattern` ("\\bhuman error\\b") with the literal words after its opening `\\b` moved
    before it ("human error(?<=\\bhuman error)\\b"): the same matches, but `re` skips to
    the next place the literal occurs instead of trying the pattern at every character (a
    pattern that opens with an assertion has no prefix to skip with)."""
    m = _LITERAL_RUN.match(pattern)
    if m is None:
        return pattern
    lit = m.group(1)
    if pattern[m.end() : m.end() + 1] in ("?", "*", "+", "{"):
        lit = lit[:-1]  # the quantifier takes the last character
    if not lit.strip():
        return pattern
    return f"{lit}(?<=\\b{lit}){pattern[2 + len(lit) :]}"
