"""Borrowed text: words in a postmortem that are not the author's account of the incident, so
no verdict may rest on them (spec/checks.md: "a timestamp inside a quoted log line does not
count").

- a quoted log line: a line that is a JSON object (`{"level":"error","time":"…"}`), or a log
  record (a machine timestamp with seconds followed by a level, `2024-01-01T10:00:00Z ERROR …`;
  in a blockquote, any line that opens with such a timestamp);
- the assignment's own text: requirements pasted into the document ("Issue Summary … must
  contain: duration of the outage with start and end times (including timezone)…") and the
  list items such a requirement introduces;
- a question ("What was the root cause?") states nothing about the incident.

Code is handled where it is read: fenced code blocks never become blocks (parse/blocks.py) and
inline code spans are blanked before times are read (parse/timeline.py). Times are collected
(parse/timeline.py) and evidence sentences chosen (checks/) through this module only, so the
facts record and the rules skip the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from ..models import Block
from .prefilter import Lazy
from .sentences import sentences

_QUOTE = Lazy(r"^\s*(?:>\s*)+")
_LEAD = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_JSON_OBJECT = re.compile(r"^\{\s*\"[^\"\n]+\"\s*:.*\}\s*,?\s*$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# a machine timestamp, always with seconds: ISO 8601, "2024/01/01 10:00:00", syslog's
# "Jan  1 10:00:00", Apache's "[Mon Jan 01 10:00:00.123 2024]"
_STAMP = (
    r"\[?(?:\d{4}-\d{2}-\d{2}[T ]|\d{4}/\d{2}/\d{2} |(?:\w{3} )?" + _MONTH + r" +\d{1,2} )"
    r"\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: ?\d{4})?(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?\]?"
)
_STAMP_RE = re.compile(_STAMP)
_LEVEL = Lazy(
    r"[\s:|-]*(?:\[\s*(?:\w+:)?(?:error|warn(?:ing)?|info|debug|fatal|crit(?:ical)?|notice"
    r"|alert|emerg|trace)\s*\]|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|CRIT(?:ICAL)?|NOTICE"
    r"|ALERT|EMERG|TRACE|SEVERE)\b|level=)",
    re.IGNORECASE,
)
# What a pasted assignment says of the postmortem's parts ("Issue Summary … must contain:",
# "The postmortem must be written in English"), or "the following requirements:".
_REQUIREMENT = re.compile(
    r"\b(?:summary|timeline|post-?mortems?|documents?|report|sections?|root cause|resolution"
    r"|measures|write-?up)\b[^.\n]{0,100}?\b(?:must|should|shall|needs? to|has to)\s+"
    r"(?:contain|include|cover|have|be|state|describe|explain|give|list)\b"
    r"|\b(?:following|these|the) requirements\s*:",
    re.IGNORECASE,
)


def log_line(line: str) -> bool:
    """Whether a line of the document is a quoted log line (see the module's docstring)."""
    body = _LEAD.sub("", line, count=1).strip()
    if _JSON_OBJECT.match(body):
        return True
    stamp = _STAMP_RE.match(body)
    if stamp is None:
        return False
    return (
        _QUOTE.compiled.match(line) is not None
        or _LEVEL.compiled.match(body, stamp.end()) is not None
    )


_MODAL = re.compile(r"must|should|shall|need|has to|requirements")  # on lower-cased text


def on_log_line(text: str, offset: int) -> bool:
    """Whether the line of `text` that holds `offset` is a quoted log line."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return log_line(text[start : end if end >= 0 else len(text)])


def requirement(block: Block) -> bool:
    """Whether a paragraph or list item states what a postmortem must contain."""
    return _MODAL.search(block.lower) is not None and _REQUIREMENT.search(block.text) is not None


def borrowed_blocks(blocks: Iterable[Block]) -> set[int]:
    """The ids of the blocks that are the assignment's own text: a requirement, and the list
    items right after one that ends with a colon (the requirements it introduces)."""
    out: set[int] = set()
    intro: Block | None = None
    for b in blocks:
        if b.kind == "heading":
            intro = None
            continue
        if (
            intro is not None
            and b.kind == "item"
            and (intro.kind != "item" or b.depth > intro.depth)
        ):
            out.add(id(b))
            continue
        intro = None
        if requirement(b):
            out.add(id(b))
            intro = b if b.text.rstrip().endswith(":") else None
    return out


def own_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks that are not the assignment's own text."""
    borrowed = borrowed_blocks(blocks)
    return [b for b in blocks if id(b) not in borrowed]


_OWN: WeakKeyDictionary[Block, list[tuple[int, int]]] = WeakKeyDictionary()


def own_sentences(block: Block) -> list[tuple[int, int]]:
    """The (start, end) offsets of a block's sentences that may be evidence: not on a quoted
    log line, not a question. Worked out once per block: the facts record asks of the whole
    document's blocks about ten times."""
    found = _OWN.get(block)
    if found is None:
        found = _OWN[block] = _own_sentences(block)
    return found


def _own_sentences(block: Block) -> list[tuple[int, int]]:
    logs = _log_offsets(block)
    out = []
    for s, e in sentences(block):
        if block.text[s:e].rstrip(" *_)\"'").endswith("?"):
            continue
        if logs and any(a <= s < b for a, b in logs):
            continue
        out.append((s, e))
    return out


def _log_offsets(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets of the block's lines that are quoted log lines."""
    out = []
    start = 0
    for line in block.text.split("\n"):
        if ("{" in line or ":" in line) and log_line(line):
            out.append((start, start + len(line) + 1))
        start += len(line) + 1
    return out
