"""Helpers shared by rule families: searching block text with exact positions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..models import Block, Document, Hit, Section


def blocks(doc: Document, kinds: Iterable[str] | None = None) -> Iterator[tuple[Section, Block]]:
    """(section, block) pairs, optionally only in sections of the given kinds."""
    wanted = set(kinds) if kinds is not None else None
    for sec in doc.sections:
        if wanted is not None and not (sec.kinds & wanted):
            continue
        for b in sec.blocks:
            yield sec, b


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
