"""Code blocks: an indented one read as the text it almost always is, a fenced one only where
it is the author's own timeline.

Code is not the author's account (a pasted log, a config, a command), so a fenced block
becomes no block at all, except one that holds timed entries written as lines of text
("2024-03-02 10:14 - first 500 in the access log") under a Timeline title: authors copy
their notes so, and a reader sees a timeline written in the wrong form (spec/checks.md:
lines that start with times but are not list items fail `timeline.format`). A quoted log
(`2024-03-02T10:14:03Z ERROR …`, JSON records) is not such a block.
"""

from __future__ import annotations

import re

from ..models import Block, Section
from ..text.borrowed import log_line
from ..text.entry_times import leading_time
from .timeline import has_time
from .titles import Mark

_INDENTED_ITEM = re.compile(r"^\s*(?:[-*+•●]|\d+[.)])\s+")
FENCE = "```"  # the marker of a block read from a fenced code block


def timed_fence(lines: tuple[str, ...], s: int, e: int, markup: str) -> Block | None:
    """The lines inside a fence (lines s to e, from 0, e excluded, the fence lines included)
    as one paragraph when most of them are timed entries (three or more, at least 60% of its
    lines) and few are a machine's or a chat's; None otherwise."""
    end = e - 1 if e - s > 1 and lines[e - 1].strip().startswith(markup) else e
    body = [n for n in range(s + 1, end) if lines[n].strip()]
    timed = [n for n in body if leading_time(lines[n].strip()) is not None]
    quoted = [n for n in body if _quoted(lines[n])]
    if len(timed) < 3 or len(timed) < 0.6 * len(body) or 2 * len(quoted) >= len(body):
        return None
    first, last = body[0], body[-1]
    text = "\n".join(lines[first : last + 1])
    return Block("paragraph", first + 1, last + 1, text, marker=FENCE)


# a machine's time stamp, with seconds ("2024-03-02T10:14:03Z", "10:14:03"), or a chat
# line's speaker after its time ("[4:22 PM] dana: …", "10:31 <dana> …")
_MACHINE = re.compile(r"^\W*+(?:\d{4}[-/]\d\d[-/]\d\d[T ])?\d{1,2}:\d\d:\d\d")
_CHAT = re.compile(
    r"^\W*+(?:\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d(?:\s*+[AaPp][Mm])?[\])]?\s*+"
    r"(?:<[^>\n]{1,30}>|[@\w][\w.@ -]{0,29}:(?!\d))"
)


def _quoted(line: str) -> bool:
    """A log record or a chat message: what a machine or someone else wrote."""
    return log_line(line) or bool(_MACHINE.match(line) or _CHAT.match(line))


def fences_in_timelines(sections: list[Section]) -> list[Section]:
    """Keep the timed fences that are a timeline section's entries: in a timeline section
    that has no other timed lines (where it has, the fence is a record quoted beside them)."""
    for sec in sections:
        fenced = [b for b in sec.blocks if b.marker == FENCE]
        if fenced and (not sec.has("timeline") or any(_timed(b) for b in sec.blocks)):
            sec.blocks = [b for b in sec.blocks if b.marker != FENCE]
    return sections


def _timed(block: Block) -> bool:
    """A block of the author's (not a fence) whose first line holds a clock time."""
    return block.marker != FENCE and has_time(block.text.split("\n", 1)[0])


def indented(lines: tuple[str, ...], s: int, e: int) -> list[tuple[Block, Mark | None]]:
    """An indented code block: in postmortems almost always prose or a list indented by
    accident, so its lines are read as list items (with a marker) or one-line paragraphs."""
    out: list[tuple[Block, Mark | None]] = []
    for n in range(s, e):
        if lines[n].strip():
            kind = "item" if _INDENTED_ITEM.match(lines[n]) else "paragraph"
            out.append((Block(kind, n + 1, n + 1, lines[n]), None))  # type: ignore[arg-type]
    return out
