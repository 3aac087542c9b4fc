"""Helpers shared by rule families: searching block text with exact positions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property

from ..models import Block, Document, Hit, Section


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


def blocks(doc: Document, kinds: Iterable[str] | None = None) -> Iterator[tuple[Section, Block]]:
    """(section, block) pairs, optionally only in sections of the given kinds."""
    wanted = set(kinds) if kinds is not None else None
    for sec in doc.sections:
        if wanted is not None and not (sec.kinds & wanted):
            continue
        for b in sec.blocks:
            yield sec, b


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


def hit_at(block: Block, start: int, end: int, message: str, **kw: str) -> Hit:
    """A Hit covering text[start:end] of the block, with exact 1-based positions."""
    line, col = block.position(start)
    end_line, end_col = block.position(end)
    return Hit(line, col, end_line, end_col, message, quote=block.text[start:end], **kw)


def search(
    doc: Document, pattern: re.Pattern[str], kinds: Iterable[str] | None = None
) -> Iterator[tuple[Section, Block, re.Match[str]]]:
    """Every match of `pattern` in the document's blocks (code, HTML and comments are not
    blocks)."""
    for sec, b in blocks(doc, kinds):
        for m in pattern.finditer(b.text):
            yield sec, b, m
