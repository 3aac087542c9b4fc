"""PM301's reading of the timeline: each entry's date (its own or a day heading's) and
whether each time may follow the one before it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from ..models import Document, Hit, TimelineEntry, TimeRef, per_document
from ..parse.timeline import newest_first
from ..text.dates import align, date_near, parse_date
from ..text.prefilter import Lazy
from ..text.times import DATE, DATE_RE
from .timeline_days import either_reading, later_day
from .timeline_ranges import range_end
from .timeline_zone import as_said, compared

# A new day said without a date: a "Day 2" or "Tuesday" heading, "(next day)" on an entry.
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# a line that is only a date, a weekday before it or not ("- **Tuesday 4 June**", "2024-06-04:")
_DATE_LINE = re.compile(
    rf"^[\s#*_>|-]*(?:(?:{_WEEKDAY}|mon|tue|wed|thu|fri|sat|sun),?\s+)?(?P<date>{DATE})"
    r"[\s*_:|.-]*$",
    re.I,
)
_DAY_LINE = Lazy(
    rf"^[\s#*_>|-]*(?:day\s+\d+|{_WEEKDAY}|(?:the\s+)?(?:next|following|second|third)\s+day)"
    r"\b[^\d\n]{0,30}$",
    re.I,
)
_NEXT_DAY = Lazy(
    r"\b(?:(?:the\s+)?(?:next|following)\s+(?:day|morning)|the\s+day\s+after|overnight)\b", re.I
)


@per_document  # the timeline rules all ask
def timed(doc: Document) -> list[TimelineEntry]:
    return [e for e in doc.timeline if e.time is not None and e.time.minutes is not None]


def _own_date(e: TimelineEntry) -> date | None:
    """A date written on the entry itself, next to its time."""
    t = e.time
    if t is None:
        return None
    if t.date:
        return parse_date(t.date)
    first = e.block.text.split("\n", 1)[0]
    start = t.column - e.block.column
    if e.block.kind == "row":  # a date column: "| 2024-03-04 | 08:00 | …"
        cell = DATE_RE.search(first[:start])
        if cell and "|" in first[cell.end() : start]:
            return parse_date(cell.group(0))
    return date_near(first, start, start + len(t.raw))


def _day_breaks(doc: Document) -> list[int]:
    """Lines of the timeline where a new day starts without a date: "### Day 2", "Tuesday:"."""
    out: list[int] = []
    day_line = _DAY_LINE.compiled.match
    for sec in doc.of_kind("timeline"):
        if day_line(sec.title):
            out.append(sec.line)
        for b in sec.blocks:
            out.extend(b.line + n for n, x in enumerate(b.text.split("\n")) if day_line(x))
    return out


def _context_dates(doc: Document) -> list[tuple[int, date]]:
    """(line, date) of day headings in the timeline: "### 2024-03-16", "March 16:" alone."""
    out: list[tuple[int, date]] = []
    for sec in doc.of_kind("timeline"):
        title_date = DATE_RE.search(sec.title)
        if title_date:
            d = parse_date(title_date.group(0))
            if d:
                out.append((sec.line, d))
        for b in sec.blocks:
            for n, text in enumerate(b.text.split("\n")):
                m = _DATE_LINE.match(text)
                d = parse_date(m.group("date")) if m else None
                if d:
                    out.append((b.line + n, d))
    return sorted(out)


@per_document  # PM301 and PM302 ask
def entry_dates(doc: Document) -> list[tuple[date | None, bool]]:
    """Each timed entry's date and whether the entry itself writes it (else from a day
    heading)."""
    entries = timed(doc)
    context = _context_dates(doc)
    lines = [line for line, _ in context]
    out: list[tuple[date | None, bool]] = []
    for e in entries:
        own = _own_date(e)
        if own is not None:
            out.append((own, True))
            continue
        before = bisect_left(lines, e.line)  # the day headings above the entry
        out.append((context[before - 1][1] if before else None, False))
    return out


def on_24h_clock(entries: list[TimelineEntry]) -> bool:
    """Whether the timeline writes a time only the 24-hour clock reads: "22:00", "09:15"."""
    return any(
        e.time.clock == "24h"
        and e.time.hour is not None
        and (e.time.hour >= 13 or e.time.raw.startswith("0"))
        for e in entries
        if e.time is not None
    )


def _readings(t: TimeRef, prev: int, clock24: bool) -> list[int]:
    """ "1:00" with no AM/PM after 11:xx or 12:xx is most likely 1 PM, and "12:10" after
    "11:55 PM" is ten past midnight, unless the timeline is on the 24-hour clock ("10:00"
    after "22:00" is the next morning)."""
    assert t.minutes is not None
    if (
        not clock24
        and t.clock == "24h"
        and t.hour is not None
        and 1 <= t.hour <= 12
        and prev >= 660
        and not t.raw.startswith("0")
    ):
        return [t.minutes, (t.minutes + 720) % 1440]
    return [t.minutes]


def _in_order(
    prev: tuple[int, date | None], t: TimeRef, day: date | None, limits: tuple[int, bool]
) -> tuple[bool, int]:
    """Whether `t` may follow `prev` (minutes, date), and the minutes it is read as."""
    prev_m, prev_day = prev
    if prev_day is not None and day is not None:
        prev_day, day = align(prev_day, day)
    if prev_day is not None and day is not None and prev_day != day:
        return day > prev_day, t.minutes or 0
    max_gap, clock24 = limits
    readings = _readings(t, prev_m, clock24)
    same = [m for m in readings if m >= prev_m]
    if same:
        return True, min(same)
    if prev_day is not None and day is not None:
        return False, readings[0]
    forward = min(readings, key=lambda m: (m - prev_m) % 1440)
    if _slipped_back(prev_m, readings, forward):
        return False, readings[0]
    overnight = prev_m >= _EVENING and forward < _NOON  # "21:00" then "10:05": a night passed
    return overnight or (forward - prev_m) % 1440 <= max_gap, forward


_EVENING, _NOON = 18 * 60, 12 * 60


def _slipped_back(prev_m: int, readings: list[int], forward: int) -> bool:
    """Whether a bare time read 12 hours later past midnight ("12:50" after "1:10" read as
    1:10 PM: 00:50) is more plausibly a step back as written: the step back is shorter than
    the step forward the later reading makes (20 minutes back against 11 h 40 min on)."""
    if forward == readings[0]:
        return False
    back = (prev_m - readings[0]) % 1440
    return back < (forward - prev_m) % 1440


def _new_day(breaks: list[int], prev: TimelineEntry, e: TimelineEntry) -> bool:
    """A new day begins between two entries without a date saying so: a "Day 2" heading
    between them (`breaks`, sorted), or the entry says "next day"."""
    first = e.block.text.split("\n", 1)[0]
    if _NEXT_DAY.compiled.search(first):
        return True
    day = _weekday(first)
    if day is not None and day != _weekday(prev.block.text.split("\n", 1)[0]):
        return True  # "- Monday, 09:00 …" after "- Sunday, 23:10 …"
    return bisect_right(breaks, e.line) > bisect_right(breaks, prev.line)


_ENTRY_WEEKDAY = Lazy(rf"^[\s>*_`~\[(|#-]*({_WEEKDAY}|mon|tue|wed|thu|fri|sat|sun)\b", re.I)


def _weekday(first: str) -> str | None:
    """The weekday an entry opens with ("Monday, 10:15 AM"), by its first three letters."""
    m = _ENTRY_WEEKDAY.compiled.match(first)
    return m.group(1)[:3].lower() if m else None


def _accepted(
    breaks: list[int], prev_entry: TimelineEntry, e: TimelineEntry, days: tuple[date | None, ...]
) -> bool:
    """An entry read as out of order that the document explains: a new day, or numeric dates
    read the other way round."""
    if _new_day(breaks, prev_entry, e):
        return True
    prev_day, day = days
    return prev_day is not None and day is not None and either_reading(prev_entry, e, prev_day, day)


def _spans(e: TimelineEntry, prev_minutes: int) -> bool:
    """Whether the entry opens with a span of time ("09:40–10:05") that ends at or after the
    entry before it: the span's start placed before an event within it is no disorder."""
    until = range_end(e)
    return until is not None and until.minutes is not None and until.minutes >= prev_minutes


def check_unordered(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    entries = timed(doc)
    if newest_first([e.time.minutes for e in entries if e.time and e.time.minutes is not None]):
        return  # read bottom to top, as a status page's history is
    yield from _steps_back(doc, options)


def _new_list(doc: Document, before: TimelineEntry, entry: TimelineEntry) -> bool:
    """Whether a line of prose or a heading stands between two entries ("Earlier that
    morning, for context:", "### Background"), so that the second opens a table or list of
    its own and may go back in time; a list's sub-items and a table's rows do not. (An entry
    after one that wrote its own date, with none of its own, may be on another day.)"""
    lines = doc.source.lines[before.block.end_line : entry.block.line - 1]
    return any(line.strip() and _PROSE.match(line) for line in lines)


_PROSE = re.compile(r"(?![\s|>]|[-*+•]\s|\d{1,9}[.)]\s)")


def _steps_back(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    entries = timed(doc)
    dates = entry_dates(doc)
    breaks = sorted(_day_breaks(doc))
    limits: tuple[int, bool] = (options["max_overnight_gap_minutes"], on_24h_clock(entries))
    prev: tuple[int, date | None] | None = None
    prev_entry: TimelineEntry | None = None
    prev_own = False
    written: date | None = None  # the last date an entry wrote itself
    for e, (day, own) in zip(entries, dates, strict=True):
        t = compared(doc, e.time)
        assert t is not None and t.minutes is not None
        if prev is None or prev_entry is None or prev_entry.time is None:
            prev, prev_entry, prev_own = (t.minutes, day), e, own
            written = day if own else written
            continue
        if day == prev[1] and not (own and prev_own):
            # one day heading over both: after its last entry the clock may pass midnight
            prev = (prev[0], None)
            ok, read = _in_order(prev, t, None, limits)
        else:
            ok, read = _in_order(prev, t, day, limits)
        if not ok and _spans(e, prev[0]):
            continue  # "09:40–10:05 …" after "09:41 …": a span that holds the entry before
        ok = ok or (prev_own and day is None) or _new_list(doc, prev_entry, e)  # see _new_list
        # the first date the timeline writes, after entries with none, marks a day change
        ok = ok or (own and prev[1] is None and (written is None or later_day(written, day)))
        if not ok and not _accepted(breaks, prev_entry, e, (prev[1], day)):
            yield _stepped_back(doc, t, e, prev_entry)
        prev, prev_entry, prev_own = (read, day), e, own
        written = day if own else written


def _stepped_back(doc: Document, t: TimeRef, e: TimelineEntry, before: TimelineEntry) -> Hit:
    """The finding on entry `e` (its time `t`), earlier than the entry `before` it."""
    return Hit(
        t.line,
        t.column,
        t.line,
        t.column + len(t.raw),
        f"This entry ({as_said(doc, e.time)}) is earlier than the one before it "
        f"({as_said(doc, before.time)}, line "
        f"{before.line}); a reader follows the timeline top to bottom.",
        quote=t.raw,
        question=f"Is {t.raw} a typo, or does this entry belong before line {before.line}?",
        suggestion="TODO: correct the time or move the entry to its place in the "
        "timeline (write the date on entries after midnight).",
    )
