"""The outage span the summary states: its start and end clock times and any stated duration.

Shared by the consistency rules and the profile checks, so that "the summary's start time"
means one thing everywhere. Pure functions over a Document; no findings here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..models import Document, TimeRef, per_document
from ..parse.views import summary_blocks, summary_times
from . import span_cues as cues
from .dates import date_near, parse_date
from .joins import is_alternative, range_join
from .other_times import not_the_outage
from .span_starts import is_later, may_start, words_before
from .stated import Stated, end_by_length, fits, minutes_between, start_by_length
from .stated_durations import Duration, stated_durations
from .times import may_hold_date


@dataclass(frozen=True, eq=False, repr=False)
class Span:
    """The outage as the summary states it: when it started and ended (either may be None),
    the first time written with a zone, and the lengths stated for it."""

    start: Stated | None
    end: Stated | None
    zoned: TimeRef | None
    durations: tuple[Duration, ...]


def usable(t: TimeRef) -> bool:
    """A clock time worth comparing: "14.04" or "1.15" with no zone or AM/PM is a version,
    unless the times read it as the start of a range whose end has one ("14.05 to 14.40 UTC")."""
    dotted = "." in t.raw and t.clock == "24h" and not t.tz and not _DOTTED.fullmatch(t.raw)
    return t.hour is not None and not dotted


_DOTTED = re.compile(r"\d{1,2}\.\d\d")  # what TIME_RE reads with a dot only before a zone


def _clusters(doc: Document, counting: bool = True) -> list[Stated]:
    """The summary's clock times in order, same-instant alternatives grouped."""
    lines = {n for b in summary_blocks(doc) for n in range(b.line, b.end_line + 1)}
    out: list[Stated] = []
    dated: dict[int, bool] = {}  # per line: whether it may hold a date at all
    skipped: TimeRef | None = None
    for t in (t for t in _written(doc, lines) if usable(t)):
        text = doc.source.lines[t.line - 1]
        if _not_outage(doc, t, skipped, counting):
            skipped = t
            continue
        if t.line not in dated:
            dated[t.line] = may_hold_date(text)
        prev = out[-1].all[-1] if out else None
        if prev is not None and prev.line == t.line and _same_instant(text, prev, t):
            out[-1] = Stated(out[-1].time, (*out[-1].alternatives, t), out[-1].date)
            continue
        start = t.column - 1
        day = _date_of(t, text, start) if t.date or dated[t.line] else None
        out.append(Stated(t, (), day))
    return out


def _written(doc: Document, lines: set[int]) -> list[TimeRef]:
    """The clock times on the summary's lines, in digits or by name ("at midnight")."""
    named = [t for n in sorted(lines) for t in cues.named_times(doc.source.lines[n - 1], n)]
    times = [t for t in doc.times if t.line in lines]
    return sorted([*times, *named], key=lambda t: (t.line, t.column)) if named else times


def _not_outage(doc: Document, t: TimeRef, skipped: TimeRef | None, counting: bool) -> bool:
    """A schedule, an example or a quotation, or the end of a range whose start is one
    ("supposed to run between 01:00 and 02:00")."""
    text = doc.source.lines[t.line - 1]
    if not_the_outage(text, t.column - 1, t.column - 1 + len(t.raw), counting):
        return True
    if skipped is None or skipped.line != t.line:
        return False
    return range_join().match(_between(text, skipped, t)) is not None


def _same_instant(text: str, a: TimeRef, b: TimeRef) -> bool:
    """Whether the words between two times on a line make the second the first in another
    zone ("14:00 UTC (16:00 CEST)")."""
    return is_alternative(_between(text, a, b))


def _date_of(t: TimeRef, text: str, start: int) -> date | None:
    if t.date:
        return parse_date(t.date)
    return date_near(text, start, start + len(t.raw))


def _between(text: str, a: TimeRef, b: TimeRef) -> str:
    return text[a.column - 1 + len(a.raw) : b.column - 1]


def _inherit(start: Stated, end: Stated) -> Stated:
    """A range's start takes the zone (and AM/PM) written only after its end."""
    t = start.time
    tz = t.tz or end.time.tz
    hour = t.hour
    if t.clock == "24h" and end.time.clock == "12h" and hour is not None and hour < 12:
        pm = end.time.hour is not None and end.time.hour >= 12
        if pm and hour + 12 <= (end.time.hour or 0):
            hour += 12
    new = TimeRef(t.raw, t.line, t.column, hour, t.minute, tz, t.date, t.clock)
    return Stated(new, start.alternatives, start.date or end.date)


@per_document  # the span and PM403 ask
def stated_times(doc: Document) -> list[Stated]:
    """The clock times the summary states, in order, same-instant alternatives grouped; a
    window for counting is the outage's when the summary gives no other time."""
    return _clusters(doc) or _clusters(doc, counting=False)


def outage_times(doc: Document) -> list[Stated]:
    """The stated times told of the outage itself: with a start cue, words of failure or an
    end cue around them ("slow from 14:05", "restored at 16:50"), not "the status page was
    updated at 13:00"."""
    times = stated_times(doc)
    return [c for i, c in enumerate(times) if _tied(doc, times, i) or _is_end(doc, times, i)]


@per_document  # the facts record and three rules ask
def summary_span(doc: Document) -> Span:
    """The outage as the summary states it: the one reading the facts record and the
    consistency rules share."""
    times = stated_times(doc)
    durations = tuple(stated_durations(doc))
    start, end = _ends(doc, times, durations)
    if start is not None and end is None:
        end = end_by_length(times, start, durations)
    elif start is not None and end is not None:
        start = start_by_length(times, start, end, durations)
    zoned = next((t for t in summary_times(doc) if t.tz), None)
    return Span(start, end, zoned, durations)


def _ends(
    doc: Document, clusters: list[Stated], durations: tuple[Duration, ...]
) -> tuple[Stated | None, Stated | None]:
    """A range ("from 10:00 to 11:30"), else the first time and the first after an end cue.
    Of several ranges, the one the stated length spans ("Between 02:00 and 02:14 the job
    ran … From 02:14 to 11:52 (9 hours 38 minutes) clinics saw…"); where none does, a start
    and an end told by cues that it spans ("Start of impact: 02:14. Restored: 06:52. Total:
    4 hours 38 minutes", over calls counted "between 02:14 and 12:00")."""
    ranges = [
        (_inherit(a, b), b)
        for a, b in zip(clusters, clusters[1:], strict=False)
        if (gap := _gap(doc, a.all[-1], b.time)) is not None and range_join().match(gap)
    ]
    if not ranges:
        return _by_cues(doc, clusters)
    if not durations:
        return ranges[0]
    spanned = [r for r in ranges if fits(minutes_between(*r), durations)]
    if spanned:
        return spanned[0]
    start, end = _by_cues(doc, clusters)
    if start and end and fits(minutes_between(start, end), durations):
        return start, end
    return ranges[0]


def _gap(doc: Document, a: TimeRef, b: TimeRef) -> str | None:
    """The words between two times on one line, or across one line break ("from 14:08 to
    \n16:44 UTC" in a wrapped paragraph)."""
    lines = doc.source.lines
    if a.line == b.line:
        return _between(lines[a.line - 1], a, b)
    if b.line == a.line + 1:
        return (
            lines[a.line - 1][a.column - 1 + len(a.raw) :]
            + "\n"
            + lines[b.line - 1][: b.column - 1]
        )
    return None


def _by_cues(doc: Document, clusters: list[Stated]) -> tuple[Stated | None, Stated | None]:
    """The first time that is not an end, and the first end after it (with no such time, the
    first end: a summary may give only when service was restored)."""
    ends = [_is_end(doc, clusters, i) for i in range(len(clusters))]
    starts = may_start(doc, clusters, ends)
    first = starts[0] if starts else None
    if first is not None and not _tied(doc, clusters, first):
        first = next((i for i in starts if _is_start(doc, clusters, i)), first)
    if first is not None and not _is_start(doc, clusters, first):
        first = _earlier_start(doc, clusters, first, starts)
    start = clusters[first] if first is not None else None
    after = -1 if first is None else first
    end = next((c for i, c in enumerate(clusters) if ends[i] and i > after), None)
    if end is None and start is not None:  # "down until 16:45 … The problem started at 15:30"
        later = (c for i, c in enumerate(clusters) if ends[i] and is_later(start, c))
        end = next(later, None)
    if start is not None and end is not None and end.time.line == start.time.line:
        return _inherit(start, end), end
    return start, end


def _earlier_start(doc: Document, clusters: list[Stated], first: int, starts: list[int]) -> int:
    """A time written later but said to be the start, and earlier on the clock, rather than
    the first time ("At 11:02 an alert fired; the outage had started at 10:48")."""
    said = (i for i in starts if i > first and _outage_began(doc, clusters, i))
    return next((i for i in said if is_later(clusters[i], clusters[first])), first)


def _outage_began(doc: Document, clusters: list[Stated], i: int) -> bool:
    return cues.OUTAGE_BEGAN.compiled.search(words_before(doc, clusters, i)[-60:]) is not None


def _is_start(doc: Document, clusters: list[Stated], i: int) -> bool:
    """Whether the words around a time say the outage began then ("began at", "since", "At
    09:20 checkout began failing")."""
    if cues.START_CUE.compiled.search(words_before(doc, clusters, i)[-60:]):
        return True
    c = clusters[i].all[-1]
    text = doc.source.lines[c.line - 1]
    return cues.START_AFTER.compiled.match(text, c.column - 1 + len(c.raw)) is not None


def _tied(doc: Document, clusters: list[Stated], i: int) -> bool:
    """Whether the sentence around a time ties it to the outage: a start cue before it, or
    words of failure next to it ("At 01:38 the site went down"). The first time of a summary
    that is not tied gives way to a later one said to be the start ("A config change on
    Friday at 17:00 went unnoticed; on Monday logins began failing at 09:12")."""
    c = clusters[i].all[-1]
    text = doc.source.lines[c.line - 1]
    after = re.split(r"[.;]\s", text[c.column - 1 + len(c.raw) :][:80])[0]
    before = re.split(r"[.;]\s", words_before(doc, clusters, i)[-60:])[-1]
    return (
        _is_start(doc, clusters, i)
        or cues.FAILURE.compiled.search(before + " " + after) is not None
    )


def _is_end(doc: Document, clusters: list[Stated], i: int) -> bool:
    """Whether the words around a time say the outage ended then: an end cue before it
    (after the previous time on its line), or after it in the same sentence when no other
    time follows in that sentence ("At 12:16, service was restored")."""
    c = clusters[i]
    text = doc.source.lines[c.time.line - 1]
    # in the time's own sentence, the end said nearer the time than any start ("… returned
    # 5xx. Impact began at 14:32" is a start)
    before = re.split(r"[.;!?]\s", words_before(doc, clusters, i)[-60:])[-1]
    end_cue = [m.end() for m in cues.END_CUE.compiled.finditer(before)]
    start_cue = cues.START_CUE.compiled.search(before)
    if (
        end_cue
        and not (start_cue and start_cue.start() >= end_cue[-1])
        or cues.END_BY.search(before)
    ):
        return True
    stop = c.all[-1].column - 1 + len(c.all[-1].raw)
    nxt = clusters[i + 1].time if i + 1 < len(clusters) else None
    followed = nxt is not None and nxt.line == c.time.line
    after = text[stop : nxt.column - 1] if nxt is not None and followed else text[stop:]
    m = cues.END_AFTER.compiled.match(after)
    # words that lead on to the next time are its cue ("… and was resolved by 14:45")
    return m is not None and (not followed or "." in after[m.end() :])
