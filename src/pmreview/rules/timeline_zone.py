"""The zone that governs the timeline's times, wherever the document states it.

An author states the zone once and expects the reader to carry it: on the entries, in a
document-wide "All times in PDT", in the Timeline heading ("Timeline (UTC)"), on a line of the
timeline that only names it ("Timezone: PST", a table header "Time (PST)"), or in the summary,
whose "10:00-11:30 UTC" governs a timeline that starts at 10:00, as does a zone named once on
the summary's line of times ("from 22:10 on 3 May to 01:40 on 4 May (UTC)"). PM303 and the
consistency rules read the timeline's zone here."""

from __future__ import annotations

import re

from ..models import Document, TimeRef, per_document
from ..parse.views import summary_times
from ..text.span import summary_span
from ..text.times import find_times
from ..text.zones import ZONE_RE, zone_offset

_CAPITAL = re.compile("[A-Z]")


def _named(m: re.Match[str]) -> bool:
    """A zone by name or abbreviation; a bare offset ("-1234" in "OPS-1234") is not one."""
    return not m.group(0).startswith(("+", "-"))


def _zone_line(doc: Document) -> str | None:
    """A zone named on a line of a timeline section that writes no clock time: "Timezone:
    PST", a table header "| Time (PST) | Event |", "_(all in EAT)_"."""
    lines = doc.source.lines
    for sec in doc.of_kind("timeline"):
        if not sec.blocks:
            continue
        for n in range(sec.line, sec.blocks[-1].end_line + 1):
            text = lines[n - 1]
            if _CAPITAL.search(text) is None:
                continue  # a zone by name starts with one (tests/test_times.py checks)
            m = next((m for m in ZONE_RE.finditer(text) if _named(m)), None)
            if m is not None and next(find_times(text, n), None) is None:
                return m.group(0)
    return None


def _key(tz: str) -> str:
    offset = zone_offset(tz)
    return str(offset) if offset is not None else re.sub(r"\s", "", tz).upper()


def _document_zone(doc: Document, entries: list[TimeRef]) -> str | None:
    """The zone of the document's other clock times: the only one they are written in, or the
    zone of a time the timeline writes too (the same clock)."""
    zoned = [t for t in doc.times if t.tz and t.hour is not None]
    if not zoned:
        return None
    if len({_key(t.tz or "") for t in zoned}) == 1 and not _two_clocks(doc):
        return zoned[0].tz
    clocks = {t.minutes for t in entries}
    for t in zoned:
        if t.minutes in clocks:
            return t.tz
    return None


def _two_clocks(doc: Document) -> bool:
    """Whether the summary writes a time on two clocks, one without a zone: "01:00 local
    time (22:00 GMT)" leaves the timeline's clock open."""
    span = summary_span(doc)
    stated = [x for x in (span.start, span.end) if x is not None]
    return any(len({bool(t.tz) for t in x.all}) == 2 for x in stated)


@per_document  # PM303 and the two consistency rules ask
def governing_zone(doc: Document) -> str | None:
    """The zone the timeline's times are in, as the document states it, or None."""
    entries = [e.time for e in doc.timeline if e.time is not None and e.time.minutes is not None]
    own = next((t.tz for t in entries if t.tz), None)
    return (
        own
        or doc.zone_statement
        or _zone_line(doc)
        or _document_zone(doc, entries)
        or _summary_line_zone(doc)
    )


def _summary_line_zone(doc: Document) -> str | None:
    """One zone named on the summary's lines of clock times (in digits, or the outage's in
    words), though not right after a time: "from 22:10 on 3 May to 01:40 on 4 May (UTC)",
    "between 9:05 and 9:50 this morning, UTC", "at a quarter past nine (West Africa Time)"."""
    if _two_clocks(doc):
        return None
    span = summary_span(doc)
    told = [x.time for x in (span.start, span.end) if x is not None]  # "at ten past eight"
    lines = {t.line for t in [*summary_times(doc), *told]}
    zones = [
        m.group(0)
        for n in sorted(lines)
        for m in ZONE_RE.finditer(doc.source.lines[n - 1])
        if _named(m)
    ]
    return zones[0] if zones and len({_key(z) for z in zones}) == 1 else None


@per_document  # PM301 asks
def _mixed_offsets(doc: Document) -> bool:
    """Whether the timeline's entries are written in more than one zone, each on its
    entry ("13:02 UTC" from the logs, "14:09 WAT" from a phone)."""
    found = {zone_offset(e.time.tz) for e in doc.timeline if e.time is not None and e.time.tz}
    return len(found - {None}) > 1


def compared(doc: Document, t: TimeRef | None) -> TimeRef | None:
    """A timeline time as PM301 compares it: in UTC in a timeline of two zones ("13:22 UTC"
    after "14:18 WAT" is in order), else as written."""
    return _in_utc(t) if t is not None and _mixed_offsets(doc) else t


def as_said(doc: Document, t: TimeRef | None) -> str:
    """A timeline time as a message names it: with its zone in a timeline of two zones."""
    assert t is not None
    mixed = _mixed_offsets(doc) and t.tz and t.tz not in t.raw
    return f"{t.raw} {t.tz}" if mixed else t.raw


def _in_utc(t: TimeRef) -> TimeRef:
    """The time moved to UTC by the zone written on it; a time with no known zone as it is."""
    offset = zone_offset(t.tz)
    if offset is None or t.minutes is None:
        return t
    hour, minute = divmod((t.minutes - offset) % 1440, 60)
    return TimeRef(t.raw, t.line, t.column, hour, minute, "UTC", t.date, t.clock)
