"""The timeline entries and their times, every time written in the blocks, the stated zone."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Block, Section, Source, TimelineEntry, TimeRef
from ..text.borrowed import borrowed_blocks, log_line, on_log_line
from ..text.entry_times import leading_date_only, leading_time
from ..text.offsets import offset_anchor, offset_time
from ..text.times import find_times
from ..text.zones import search_zone_statement

_CODE_SPAN = re.compile(r"`[^`\n]*`")
# a code span that holds only a date and time is a timestamp set in code type ("Resolved |
# `2022-04-29 12:01`", "failing since `2022-04-20 19:48`"), not code: its time is the
# author's; a bare `12:00` may be a setting's value, one with seconds a log's record
_STAMP_SPAN = re.compile(
    r"`\s*\d{4}-\d\d-\d\d[ T][0-2]?\d:[0-5]\d(?![:\d])"
    r"(?:\s?(?:UTC|GMT|Z|[+-]\d\d:?\d\d))?\s*`"
)
_DIGIT = re.compile(r"\d")


def timeline_entries(sections: list[Section]) -> list[TimelineEntry]:
    """The entries of the timeline sections: those titled so, and those whose list items are
    mostly timed events (a "Context" or "Key facts" list of timed bullets; with no titled
    timeline, any such section)."""
    titled = any(s.has("timeline") for s in sections)
    for s in sections:
        if (not titled or not s.kinds) and _looks_like_timeline(s):
            s.kinds = s.kinds | {"timeline"}
    secs = [s for s in sections if s.has("timeline")]
    anchor = _anchor(sections, secs)
    entries: list[TimelineEntry] = []
    for sec in secs:
        items = [b for b in sec.blocks if b.kind == "item"]
        top = min((b.depth for b in items), default=0)
        timed_top = [b for b in items if b.depth == top and _entry_time(b)]
        use_depth = (
            top
            if timed_top or not items
            else min((b.depth for b in items if _entry_time(b)), default=top)
        )
        for b in sec.blocks:
            if b.kind == "item" and b.depth == use_depth:
                if not _ZONE_NOTE.match(_ITEM_MARKER.sub("", b.text)):
                    entries.append(TimelineEntry(b, _entry_time(b) or _offset(b, anchor), True))
            elif b.kind in ("paragraph", "row"):
                for n, text in enumerate(b.text.split("\n")):
                    cells = _strip_cells(text)
                    t = _leading(cells)
                    if t is None and b.kind == "row":
                        cells = _after_date_cell(cells)
                        t = _leading(cells) if cells else None
                    if t is not None:
                        at = _at(t, b.line + n, text, len(text) - len(cells))
                        entries.append(TimelineEntry(_told_at(b, n, text), at, False))
    _dotted_between(entries)
    return entries


def _anchor(sections: list[Section], secs: list[Section]) -> TimeRef | None:
    """The clock time the timeline's offsets count from ("T+0 = 14:02 UTC"), when its items
    open with offsets ("- T+6 min — …")."""
    items = [b for s in secs for b in s.blocks if b.kind == "item" and "T" in b.text[:12]]
    if not items:
        return None
    return offset_anchor(b.text for s in sections for b in s.blocks)


def _offset(b: Block, anchor: TimeRef | None) -> TimeRef | None:
    if anchor is None:
        return None
    first = b.text.split("\n", 1)[0]
    body = _ITEM_MARKER.sub("", first)
    return _at(offset_time(body, anchor), b.line, first, len(first) - len(body))


def _told_at(b: Block, n: int, text: str) -> Block:
    """The event a paragraph's timed line n tells: the line itself, or, for a line that is
    only the time (a status post's "Apr 9, 14:31 UTC" under its text), the lines above it."""
    if n == 0 or _WORDS_AFTER_STAMP.search(_TAG.sub(_untag, text)):
        return Block(b.kind, b.line + n, b.line + n, text)
    above = b.text.split("\n")[: n + 1]
    return Block(b.kind, b.line, b.line + n, "\n".join(above))


# a word that is not part of a date or time stamp ("Apr 9, 2024 - 14:31 UTC" has none)
_WORDS_AFTER_STAMP = re.compile(
    r"\b(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\b|[ap]\.?m\b|at\b|utc\b"
    r"|gmt\b|[a-z]{2,4}t\b|posted\b)[a-z]{2,}",
    re.IGNORECASE,
)


def _dotted_between(entries: list[TimelineEntry]) -> None:
    """An item that opens with a one-digit hour written with a dot and a dash ("9.35 — …"),
    which alone may be a version ("2.14 - released"), is timed when it falls between the
    times of the timed entries around it (09:20, 9.35, 09:38)."""
    timed = [(i, m) for i, e in enumerate(entries) if e.time and (m := e.time.minutes) is not None]
    for i, e in enumerate(entries):
        if e.time is not None or not e.is_item or not timed:
            continue
        t = _dotted(e.block)
        before = [m for k, m in timed if k < i]
        after = [m for k, m in timed if k > i]
        if t and t.minutes is not None and before and after and before[-1] <= t.minutes <= after[0]:
            e.time = t


_DOTTED = re.compile(r"(?P<h>\d)\.(?P<m>[0-5]\d)(?=\s*+[-–—:]\s)")


def _dotted(b: Block) -> TimeRef | None:
    first = b.text.split("\n", 1)[0]
    body = _ITEM_MARKER.sub("", first).lstrip("*_ ")
    m = _DOTTED.match(body)
    t = leading_time(f"{m['h']}:{m['m']}{body[m.end() :]}") if m else None
    if m is None or t is None:
        return None
    shift = len(first) - len(body)
    return TimeRef(m[0], b.line, shift + 1, t.hour, t.minute, t.tz, t.date, t.clock)


def _strip_cells(text: str) -> str:
    return text.lstrip(" |")


def _after_date_cell(cells: str) -> str:
    """A table row's cells after a first cell that is only a date ("| 2024-03-04 | 08:00 |
    …": the time of the event is in its own column); "" when the first cell is no date."""
    first, bar, rest = cells.partition("|")
    return _strip_cells(rest) if bar and leading_date_only(first) else ""


_ITEM_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


# a note on the timeline's zone written as an item ("- **Timezone:** PST"), not an event
_ZONE_NOTE = re.compile(r"^[\s*_]*(?:time ?zone|all times)\b", re.IGNORECASE)
# a tag up to its ">"; with no ">" the run to the end of the line, taken once and kept (a
# search from each "<" would read it again each time)
_TAG = re.compile(r"</?[A-Za-z][^>]*+>?")


def _untag(m: re.Match[str]) -> str:
    """A tag is read as nothing, a table cell's as the space between two cells."""
    if m[0][-1] != ">":
        return m[0]
    return " " if _CELL_TAG.match(m[0]) else ""


_CELL_TAG = re.compile(r"</?t[dh]\b", re.IGNORECASE)


def _leading(text: str) -> TimeRef | None:
    """The time a line starts with, HTML tags around it ignored
    (`**<span style="…">08:00 AM:</span>**`), or a status post's stamp ("*Posted Oct 8, 2024
    - 17:04 UTC*"); its column is in the line as written."""
    posted = _POSTED.match(text)
    if "<" not in text and posted is None:
        return leading_time(text)
    bare = _TAG.sub(_untag, text) if "<" in text else text
    posted = _POSTED.match(bare)
    t = leading_time(bare[posted.end() :] if posted else bare)
    if t is None:
        return None
    return TimeRef(t.raw, t.line, text.find(t.raw) + 1, t.hour, t.minute, t.tz, t.date, t.clock)


# the word a status page writes before a post's stamp
_POSTED = re.compile(r"^[\s*_]*+(?:posted|updated)(?: on| at)?\s++(?=[*_]*+\w)", re.IGNORECASE)


def _entry_time(b: Block) -> TimeRef | None:
    first = b.text.split("\n", 1)[0]
    body = _ITEM_MARKER.sub("", first)
    t = _leading(body)
    return _at(t, b.line, first, len(first) - len(body)) if t else None


def _at(t: TimeRef | None, line: int, text: str, shift: int = 0) -> TimeRef | None:
    if t is None:
        return None
    return TimeRef(t.raw, line, t.column + shift, t.hour, t.minute, t.tz, t.date, t.clock)


def _looks_like_timeline(sec: Section) -> bool:
    """Mostly timed items: of all the list's items, or of its top-level items alone (the
    events, "- **14:30 UTC: Detection**", each over untimed sub-items that tell it)."""
    if sec.style == "opening" and not sec.blocks:
        return False
    items = [b for b in sec.blocks if b.kind in ("item", "row")]
    top = min((b.depth for b in items), default=0)
    return _mostly_timed(items) or _mostly_timed([b for b in items if b.depth == top])


def _mostly_timed(items: list[Block]) -> bool:
    timed = [b for b in items if _entry_time(b) or _leading(_strip_cells(b.text))]
    return len(timed) >= 3 and len(timed) >= 0.6 * max(len(items), 1)


def times_in(blocks: list[Block]) -> list[TimeRef]:
    """Every clock time the author wrote: not in code spans, quoted log lines or the
    assignment's own text (text/borrowed.py)."""
    out: list[TimeRef] = []
    borrowed = borrowed_blocks(blocks)
    for b in blocks:
        if not _DIGIT.search(b.text) or id(b) in borrowed:
            continue  # every time holds a digit (most blocks have none)
        for n, text in enumerate(b.text.split("\n")):
            if log_line(text):
                continue
            clean = _CODE_SPAN.sub(_spaces, text) if "`" in text else text
            col = b.column if n == 0 else 1
            out.extend(find_times(clean, b.line + n, col))
    return out


def _spaces(m: re.Match[str]) -> str:
    if _STAMP_SPAN.fullmatch(m.group(0)):
        return " " + m.group(0)[1:-1] + " "
    return " " * len(m.group(0))


class ZoneWords(NamedTuple):
    """A document-wide zone statement: its words as written, where they start, the zone."""

    text: str
    line: int
    column: int
    tz: str


def zone_statement(source: Source, sections: list[Section]) -> str | None:
    """A document-wide zone: "All times in PDT", "Timeline (UTC)" (in code spans: no)."""
    found = zone_words(source, sections)
    return found.tz if found else None


def zone_words(source: Source, sections: list[Section], timeline: bool = True) -> ZoneWords | None:
    """The zone statement and where it is: a timeline title's, else the first in the text
    (not in code spans, quoted log lines or the assignment's own text). Without `timeline`,
    only a statement for the whole document: a zone the timeline's title or text gives is
    the timeline's ("Timeline (EAT)"), not the summary's (spec/checks.md)."""
    for sec in sections if timeline else ():
        m = search_zone_statement(sec.title) if sec.has("timeline") else None
        if m:
            title = source.lines[sec.line - 1] if 0 < sec.line <= len(source.lines) else ""
            column = max(title.find(m.group(0)) + 1, 1)
            return ZoneWords(m.group(0), sec.line, column, m.group("tz"))
    blocks = [b for sec in sections if timeline or not sec.has("timeline") for b in sec.blocks]
    borrowed = borrowed_blocks(blocks)
    for b in blocks:
        if id(b) in borrowed:
            continue
        text = _CODE_SPAN.sub(_spaces, b.text) if "`" in b.text else b.text
        m = search_zone_statement(text)
        if m and not on_log_line(text, m.start()):
            at, col = b.position(m.start())
            return ZoneWords(b.text[m.start() : m.end()], at, col, m.group("tz"))
    return None


def has_time(text: str) -> bool:
    """Whether some line of `text` holds a clock time (the first one found is enough)."""
    return any(next(find_times(line), None) is not None for line in text.split("\n"))


def newest_first(minutes: list[int]) -> bool:
    """A timeline written newest first (a status page's history, each post above the one
    before it): three times or more, each earlier than the one above it."""
    return len(minutes) >= 3 and all(a > b for a, b in zip(minutes, minutes[1:], strict=False))
