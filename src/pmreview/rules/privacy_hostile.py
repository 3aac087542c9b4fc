"""Whether a detail in a document is an attacker's, named so by its line, its section's title
or the line that introduces its list: listed so that others can block it, not a person's to
protect (the privacy rules pass such details over)."""

from __future__ import annotations

import re

from ..models import Block, Document, Section, per_document
from .privacy_patterns import HOSTILE


def hostile(doc: Document, sec: Section, block: Block, line: int) -> bool:
    """Whether an address on `line` is named as an attacker's: by its line, its section's
    title, or the line that introduces its list or table."""
    if hostile_line(doc, line) or HOSTILE.compiled.search(sec.title):
        return True
    if block.kind not in ("item", "row"):
        return False
    intro = _read(doc).intro(line - 1)
    return intro > 0 and hostile_line(doc, intro)


def hostile_line(doc: Document, line: int) -> bool:
    """Whether `line` says hostile words, searched once per line (a line of thousands of
    addresses asks for each of them)."""
    said = _read(doc).hostile
    if line not in said:
        said[line] = HOSTILE.compiled.search(doc.source.lines[line - 1]) is not None
    return said[line]


class _Lines:
    """What `hostile` has read of a document's lines, kept while the document lives."""

    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines
        self.hostile: dict[int, bool] = {}
        self.intros: dict[int, int] = {}

    def intro(self, n: int) -> int:
        """The last line up to `n` that is neither blank nor a list item or table row (0 if
        none): the line that introduces the list holding line n + 1. Each line is walked
        over once, however many items of one list ask."""
        walked = []
        while n > 0 and n not in self.intros:
            text = self.lines[n - 1]
            if text.strip() and not _LIST_LINE.match(text):
                self.intros[n] = n
                break
            walked.append(n)
            n -= 1
        found = self.intros.get(n, 0)
        self.intros.update(dict.fromkeys(walked, found))
        return found


@per_document
def _read(doc: Document) -> _Lines:
    return _Lines(doc.source.lines)


_LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\|)")
