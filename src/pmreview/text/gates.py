"""Block gates: in a long document, the blocks a sentence search can match in at all.

A search of every sentence of every block costs 10-40 µs a sentence; a block whose lower-cased
text holds none of a pattern's anchors (text/anchors.py: literals one of which every match
contains) cannot hold a match in any of its sentences, and a substring test rules it out in
well under a microsecond. The anchors of a pattern that data/anchors.json does not ship are read
on first use (0.1-0.4 ms a pattern), so a document of fewer than GATED_BLOCKS blocks, where
that costs more than it saves, is searched block by block as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate

from ..models import Block
from .anchors import known_anchors
from .phrases import Alternation
from .prefilter import Searcher

GATED_BLOCKS = 512


def gated(blocks: list[Block], *searchers: Searcher, unicode_lower: bool = False) -> list[Block]:
    """The `blocks` whose `lower` text one of `searchers` may match in (a search of it, or of
    any part of it, as written: no flags); all of them when there are fewer than GATED_BLOCKS
    or a searcher's anchors are not known. With `unicode_lower` the searches are of parts of
    `text.lower()`, which turns a few non-ASCII letters into ASCII ones (the Kelvin sign into
    "k"): a block with a non-ASCII character is then kept."""
    if len(blocks) < GATED_BLOCKS:
        return blocks
    needs: set[str] = set()
    for searcher in searchers:
        found = _needs(searcher)
        if found is None:
            return blocks
        needs.update(found)
    if any(not n or "\0" in n for n in needs):
        return blocks
    holding = _holding(blocks, needs)
    return [
        b for k, b in enumerate(blocks) if k in holding or (unicode_lower and not b.lower.isascii())
    ]


def _holding(blocks: list[Block], needs: set[str]) -> set[int]:
    """The indexes of the blocks whose `lower` holds one of `needs` (none holds a NUL): each
    string found through the blocks joined by NULs, from each block where one is found on to
    the next block (a string-by-string test of every block cost ~2 µs a block)."""
    joined = "\0".join(b.lower for b in blocks)
    starts = list(accumulate((len(b.lower) + 1 for b in blocks), initial=0))
    found: set[int] = set()
    for need in needs:
        at = joined.find(need)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            found.add(k)
            at = joined.find(need, starts[k + 1])
    return found


def _needs(searcher: Searcher) -> frozenset[str] | None:
    """Strings one of which every match of `searcher` contains, or None when not known (a
    pattern with flags: re.IGNORECASE or re.VERBOSE change what its literals match)."""
    if isinstance(searcher, Alternation):
        return _alternation_needs(searcher)
    if isinstance(searcher, re.Pattern) and searcher.flags == re.UNICODE:
        return _pattern_needs(searcher.pattern)
    return None


@cache
def _alternation_needs(alternation: Alternation) -> frozenset[str] | None:
    found = alternation.table.anchors
    if any(lits is None for lits in found):
        return None
    return frozenset(lit.text for lits in found for lit in lits or ())


@cache
def _pattern_needs(pattern: str) -> frozenset[str] | None:
    found = known_anchors(pattern)
    return None if found is None else frozenset(lit.text for lit in found)
