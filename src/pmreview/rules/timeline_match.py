"""Where a time the summary states falls on the timeline: the zone the timeline is in, the
distance between two clock times, and the entry a stated start or end is held against."""

from __future__ import annotations

import re
from datetime import date

from ..models import Document, TimelineEntry, TimeRef
from ..parse.timeline import newest_first
from ..text.prefilter import Lazy
from ..text.stated import Stated
from ..text.zones import zone_offset
from .timeline_order import entry_dates, timed

# A first entry before the stated start that is the change which set things off, not the outage.
_TRIGGER = re.compile(
    r"\b(?:deploy\w*|merged?|push(?:ed)?|releas\w*|rolled out|roll-?out|updat\w*|upgrad\w*|"
    r"migrat\w*|maintenance|tun(?:ed|ing)|config(?:uration)? change|scheduled|"
    r"started? (?:a|the))\b",
    re.I,
)
# A last entry after the stated end that is follow-up work, not the outage.
_AFTERMATH = Lazy(
    r"\b(?:monitor\w*|post-?mortem|retro\w*|review\w*|report\w*|communicat\w*|announc\w*|"
    r"notif\w*|e-?mail\w*|publish\w*|document\w*|follow-?ups?|observ\w*|watch\w*|status page)\b",
    re.I,
)


def _same_zone(a: str, b: str) -> bool:
    na, nb = re.sub(r"\s", "", a).upper(), re.sub(r"\s", "", b).upper()
    if na == nb:
        return True
    oa, ob = zone_offset(a), zone_offset(b)
    return oa is not None and oa == ob


def in_zone(stated: Stated, zone: str | None) -> TimeRef | None:
    """The written form of a stated time in `zone` (converted when both offsets are known)."""
    if zone is None:
        return next((t for t in stated.all if not t.tz), stated.time)
    for t in stated.all:
        if t.tz and _same_zone(t.tz, zone):
            return t
    bare = next((t for t in stated.all if not t.tz), None)
    if bare is not None:
        return bare
    target = zone_offset(zone)
    for t in stated.all:
        own = zone_offset(t.tz)
        if own is not None and target is not None and t.minutes is not None:
            m = (t.minutes - own + target) % 1440
            return TimeRef(t.raw, t.line, t.column, m // 60, m % 60, zone, t.date, t.clock)
    return None


def readings(t: TimeRef) -> list[int]:
    """Minutes of the day a timeline time may mean: "1:00" with no AM/PM may be 13:00."""
    if t.minutes is None:
        return []
    if t.clock == "12h" or t.hour is None or t.hour > 12:
        return [t.minutes]
    other = (t.minutes + 720) % 1440
    return [t.minutes, other]


def gap(a: TimeRef, entry: TimeRef) -> int | None:
    """Signed minutes from `a` to the nearest reading of `entry`, within half a day."""
    if a.minutes is None:
        return None
    best: int | None = None
    for m in readings(entry):
        d = (m - a.minutes + 720) % 1440 - 720
        if best is None or abs(d) < abs(best):
            best = d
    return best


def _first_event(entries: list[TimelineEntry], start: TimeRef) -> TimelineEntry:
    i = 0
    while i + 1 < len(entries) and _TRIGGER.search(entries[i].block.text):
        d = gap(start, entries[i].time)  # type: ignore[arg-type]
        if d is None or d >= 0:
            break
        i += 1
    return entries[i]


def _last_event(entries: list[TimelineEntry], end: TimeRef) -> TimelineEntry:
    i = len(entries) - 1
    while i > 0 and _AFTERMATH.compiled.search(entries[i].block.text):
        d = gap(end, entries[i].time)  # type: ignore[arg-type]
        if d is None or d <= 0:
            break
        i -= 1
    return entries[i]


def timeline_times(doc: Document) -> list[TimeRef]:
    """Every clock time written in the timeline sections, entries or not."""
    lines = {
        n
        for sec in doc.of_kind("timeline")
        for b in sec.blocks
        for n in range(b.line, b.end_line + 1)
    }
    own = [e.time for e in timed(doc) if e.time is not None]
    return own + [t for t in doc.times if t.line in lines and t.hour is not None]


def reference_entry(
    doc: Document, t: TimeRef, which: str, day: date | None = None
) -> TimelineEntry | None:
    """The timeline entry to hold the stated time against, if the entries are all timed.
    With the stated time's date known, entries dated another day are passed over: a change
    the day before the outage, or a follow-up the day after, is not its start or end."""
    if not doc.timeline:
        return None
    entries, dates, listed = timed(doc), entry_dates(doc), doc.timeline
    if newest_first([e.time.minutes for e in entries if e.time and e.time.minutes is not None]):
        # a status page's posts, each above the one before it: the first is at the bottom
        entries, dates, listed = entries[::-1], dates[::-1], listed[::-1]
    edge = listed[0] if which == "start" else listed[-1]
    if len(entries) < 2 or edge.time is None:
        return None
    if day is not None:
        entries = [e for e, (d, _) in zip(entries, dates, strict=True) if d in (None, day)]
        if not entries:
            return None
    return _first_event(entries, t) if which == "start" else _last_event(entries, t)
