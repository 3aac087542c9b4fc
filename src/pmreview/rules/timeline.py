"""Timeline rules: entries in order, in one clock format, with a timezone, and short.

The order (PM301) is read in timeline_order.py, the length (PM304) in timeline_length.py; the
formats and the zone here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from ..models import Document, Hit, TimelineEntry, TimeRef
from ..parse.views import summary_blocks, summary_times
from ..text.times import DATE_RE, may_hold_date
from . import Option, Rule, section_of
from .timeline_length import check_too_long
from .timeline_order import check_unordered, entry_dates, timed
from .timeline_ranges import range_end
from .timeline_zone import governing_zone

# -- PM302 ---------------------------------------------------------------------------------------


def _odd_one(classes: list[str]) -> int | None:
    """The index of the first entry whose class differs from the majority, if mixed."""
    counts = Counter(classes)
    if len(counts) < 2:
        return None
    majority = max(counts, key=lambda c: (counts[c], -classes.index(c)))
    return next(i for i, c in enumerate(classes) if c != majority)


def _clock_of(t: TimeRef | None) -> str:
    """ "12h", "24h", or "either" for a time without AM/PM that either clock can read
    ("9:15", "10:05", "half past two"; "09:15" and "21:15" are the 24-hour clock's)."""
    if t is None or t.clock != "12h" and t.hour is None:
        return "24h"
    if t.clock == "12h":
        return "12h"
    hours = _HOURS.match(t.raw)
    if hours is None and t.hour is not None:
        return "either"  # a time in words ("twenty to three") is on neither clock
    return "24h" if not hours or hours[1].startswith("0") or int(hours[1]) > 12 else "either"


_HOURS = re.compile(r"\D*(\d+)")


def _unclear(entries: list[TimelineEntry], classes: list[str]) -> int | None:
    """The first time without AM/PM whose half of the day the entries before it do not tell.
    Written once, AM/PM carries on: "9:15" after "9:10 PM" is 9:15 PM, "12:10" after
    "11:45 AM" is past noon; a time is clear when one of its two readings is a step forward
    of at most _CLEAR_STEP minutes from the time before it (itself clear)."""
    known: int | None = None
    for i, (e, c) in enumerate(zip(entries, classes, strict=True)):
        m = e.time.minutes if e.time is not None else None
        if c != "either" or m is None:
            known = m if c == "12h" else None
            continue
        pair = (m % 720, m % 720 + 720)
        steps = [((r - known) % 1440, r) for r in pair] if known is not None else []
        step = min(steps, default=None)
        if step is None or step[0] > _CLEAR_STEP:
            return i
        known = step[1]
    return None


_CLEAR_STEP = 180


def _entry_clock(e: TimelineEntry) -> str:
    """The clock of the entry's time, or of the span it opens when AM/PM is written once at
    its end ("08:02 - 10:30 AM ET" is on the 12-hour clock)."""
    until = range_end(e)
    return "12h" if until is not None and until.clock == "12h" else _clock_of(e.time)


def _clock_mix(entries: list[TimelineEntry]) -> Hit | None:
    classes = [_entry_clock(e) for e in entries]
    bare = "24h" not in classes and "12h" in classes  # AM/PM times, and times without
    if bare:
        i = _unclear(entries, classes)
    else:
        i = _odd_one(["24h" if c == "either" else c for c in classes])
    if i is None:
        return None
    t = entries[i].time
    assert t is not None
    other = "24-hour" if classes[i] == "12h" else "12-hour (AM/PM)"
    message = (
        f"Some of the timeline's times have AM/PM and this one has none: {t.raw}."
        if bare
        else "The timeline mixes 12-hour and 24-hour times: most entries use the "
        f"{other} clock, this one is written {t.raw}."
    )
    return Hit(
        t.line,
        t.column,
        t.line,
        t.column + len(t.raw),
        message,
        quote=t.raw,
        question=f"Is {t.raw} in the morning or the afternoon?",
        suggestion=f"TODO: write every timeline time on the {other} clock.",
    )


def _date_mix(
    doc: Document, entries: list[TimelineEntry], dates: list[tuple[date | None, bool]]
) -> Hit | None:
    """The first entries of a timeline that spans several days, when they carry no date (in
    the entry or a heading above it): the reader cannot tell which day they are on. An
    undated entry after a dated one is on that day, or the next after midnight, in a timeline
    read top to bottom ("9 Oct, 07:45" then "07:52"), however the dates are spread."""
    days = {(day.month, day.day) for day, _ in dates if day is not None}
    if len(days) < 2 or dates[0][0] is not None:
        return None
    first_dated = next(i for i, (day, _) in enumerate(dates) if day is not None)
    if _day_told(doc, entries[0], entries[first_dated]):
        return None
    t = entries[0].time
    assert t is not None
    return Hit(
        t.line,
        t.column,
        t.line,
        t.column + len(t.raw),
        f"The timeline spans {len(days)} days, but its first {_entries(first_dated)} "
        f"(up to line {entries[first_dated - 1].line}) carry no date; a reader cannot tell "
        "which day they belong to.",
        quote=t.raw,
        question="Which day is each entry on?",
        suggestion="TODO: write the date once per day (a '### 2024-03-16' line above that "
        "day's entries, or on the first entry of each day).",
    )


def _day_told(doc: Document, first: TimelineEntry, dated: TimelineEntry) -> bool:
    """Whether the reader knows the opening entries' day all the same: the summary writes the
    incident's date, or the first dated entry is in another section ("### Background")."""
    if section_of(doc, first.line) != section_of(doc, dated.line):
        return True
    return any(may_hold_date(b.text) and DATE_RE.search(b.text) for b in summary_blocks(doc))


def _entries(n: int) -> str:
    return "entry" if n == 1 else f"{n} entries"


def check_mixed(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    entries = timed(doc)
    if len(entries) < 2:
        return
    for hit in (_clock_mix(entries), _date_mix(doc, entries, entry_dates(doc))):
        if hit is not None:
            yield hit


# -- PM303 ---------------------------------------------------------------------------------------


def check_timezone(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    entries = timed(doc)
    if not entries or governing_zone(doc) is not None:
        return
    zones = Counter(t.tz for t in summary_times(doc) if t.tz)
    zone = zones.most_common(1)[0][0] if zones else "UTC"
    t = entries[0].time
    assert t is not None
    yield Hit(
        t.line,
        t.column,
        t.line,
        t.column + len(t.raw),
        f"The timeline's times ({len(entries)} entries) have no timezone, and the document "
        f"{_unnamed_zone(doc)}.",
        quote=t.raw,
        question="Which timezone are the timeline's times in?",
        suggestion=f"TODO: write the zone once: 'All times {zone}' under the Timeline heading.",
    )


def _unnamed_zone(doc: Document) -> str:
    """What the document says of the zone: nothing, or only "local time", which names none."""
    for n, line in enumerate(doc.source.lines, 1):
        m = _LOCAL_TIME.search(line)
        if m is not None:
            return f'says only "{m.group(0)}" (line {n}), which names no zone'
    return "does not say which zone they are in"


_LOCAL_TIME = re.compile(r"\b(?:local|our|my)\s+time\b", re.I)


RULES: list[Rule] = [
    Rule(
        id="PM301",
        name="timeline-unordered",
        category="timeline",
        severity="warning",
        summary="A timeline entry is earlier than the one before it.",
        what="Reads the timeline's times in order and reports an entry that goes back in time. "
        "Crossing midnight is fine (23:50 then 00:10) when the gap is under "
        "`max_overnight_gap_minutes` (default 720), an evening entry is followed by a morning "
        "one (21:00 then 10:05), or the dates advance; entries with dates are compared by "
        "date first, and an undated entry after one that writes its own date may be on "
        'another day; "1:00" after "12:45" is read as 1 PM unless the timeline is on the '
        '24-hour clock ("10:00" after "22:00" is the next morning); a span '
        '("09:40–10:05") that holds the entry before it is in place, and a new weekday '
        '("Monday, 09:10" after "Sunday, 23:40") starts a new day. A timeline that writes '
        'its entries in two zones ("13:02 UTC" from logs, "14:09 WAT" from a phone) is '
        "compared in UTC.",
        why="A timeline is read top to bottom as the story of the incident. An entry out of "
        "place, or a typo in a time, makes the reader doubt every other time and breaks the "
        "time-to-detect and time-to-mitigate figures taken from it.",
        example="- 10:45 UTC: Rolled back deploy 4.2.\n- 10:40 UTC: Error rate back to normal.",
        instead="- 10:45 UTC: Rolled back deploy 4.2.\n- 10:50 UTC: Error rate back to normal.",
        cites=("sre-book", "sre-example"),
        check=check_unordered,
        options=(
            Option(
                "max_overnight_gap_minutes",
                "integer",
                720,
                "The longest gap, in minutes, read as crossing midnight (23:50 then 00:10).",
            ),
        ),
    ),
    Rule(
        id="PM302",
        name="timeline-mixed-formats",
        category="timeline",
        severity="info",
        summary="The timeline mixes 12-hour and 24-hour times, or leaves its first day unsaid.",
        what="Reports at the first entry that differs from the majority when some entries "
        "use AM/PM and others the 24-hour clock (a time without AM/PM that follows within "
        'three hours of the one before it is read in that half of the day: "9:15" after '
        '"9:10 PM", "12:10" after "11:45 AM"), and (separately, once) when a timeline that '
        "spans several days opens with entries that carry no date, in the entry or in a "
        "heading above it, while the summary writes no date and the first dated entry is in "
        "the same section (an undated entry after a dated one is on that day).",
        why='Mixed formats make the reader stop and convert: is "2:00" two in the morning '
        "or two in the afternoon? One format for the whole timeline removes the doubt.",
        example="- 9:40 AM: Alert fired.\n- 14:05: Fix deployed.",
        instead="- 09:40: Alert fired.\n- 14:05: Fix deployed.",
        cites=("iso8601", "sre-example"),
        check=check_mixed,
    ),
    Rule(
        id="PM303",
        name="timeline-missing-timezone",
        category="timeline",
        severity="warning",
        summary="The timeline's times have no timezone and the document states none.",
        what="Reports once, at the first timed entry, when the document nowhere says which "
        "zone the timeline's times are in: no entry carries a zone, and there is no "
        'statement such as "All times UTC", no "Timeline (UTC)" heading, no line of the '
        'timeline naming one ("Timezone: PST", a "Time (PST)" column), and the document\'s '
        "other clock times are not all in one zone nor in a zone the timeline shares a time "
        'with (a summary "from 10:00 to 11:30 WAT" governs a timeline starting at 10:00), nor '
        "named once on the summary's line of times (\"from 22:10 on 3 May to 01:40 on 4 May "
        '(UTC)"). A zone given only as "local time" is quoted: it names none.',
        why="Responders, readers and log timestamps are often in different zones; a time "
        "without one cannot be matched to graphs or logs. State one zone (usually UTC) "
        'once, as the SRE book\'s example postmortem does with "all times UTC".',
        example="## Timeline\n- 10:02: Alert fired for disk usage on db-1.",
        instead="## Timeline\nAll times UTC.\n- 10:02: Alert fired for disk usage on db-1.",
        cites=("sre-example", "iso8601"),
        check=check_timezone,
    ),
    Rule(
        id="PM304",
        name="timeline-entry-too-long",
        category="timeline",
        severity="info",
        summary="A timeline entry is longer than two sentences.",
        what='Counts the sentences of each timeline entry (not splitting at "e.g.", '
        "decimals, versions, file names or times) and reports the part after the second "
        "sentence; option `max_sentences` (default 2). Entries run together on one line are "
        'counted one by one ("… detected. 12:06pm EAT: …" starts the next).',
        why="A timeline is scanned, not read: one line per event, with the time first. Long "
        "entries hide the sequence; the explanation belongs in the root-cause and "
        "resolution sections (the ALX postmortem brief asks for 1 or 2 sentences).",
        example="- 10:02: Alert fired. Bob looked at the graphs. He saw the disk was full. "
        "He paged Ana.",
        instead="- 10:02: Disk-usage alert fired for db-1; the on-call paged the DB team.",
        cites=("requirements", "sre-example"),
        check=check_too_long,
        options=(
            Option("max_sentences", "integer", 2, "The most sentences a timeline entry may have."),
        ),
    ),
]
