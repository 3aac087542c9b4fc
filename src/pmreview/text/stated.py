"""The clock times the summary states, and the lengths between them: the minutes from one
to another, and which of them the stated length of the outage runs between."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import TimeRef
from .dates import align
from .stated_durations import Duration
from .zones import zone_offset


@dataclass(frozen=True, eq=False, repr=False)
class Stated:
    """A clock time the summary states, with the same instant written in other zones."""

    time: TimeRef
    alternatives: tuple[TimeRef, ...] = ()
    date: date | None = None

    @property
    def all(self) -> tuple[TimeRef, ...]:
        return (self.time, *self.alternatives)


def end_by_length(
    times: list[Stated], start: Stated, durations: tuple[Duration, ...]
) -> Stated | None:
    """With no word that marks an end, the later time that the stated length puts after the
    start: "published at 09:12 UTC and yanked at 13:47 UTC (4 h 35 min)"."""
    later = times[times.index(start) + 1 :] if start in times else []
    return next((c for c in later if fits(minutes_between(start, c), durations)), None)


def start_by_length(
    times: list[Stated], start: Stated, end: Stated, durations: tuple[Duration, ...]
) -> Stated:
    """When the stated length does not run from the first time to the end, the later time
    it does run from: "at 22:14 I pushed the key …, the account was suspended at 22:51. From
    then until 09:30 (about 10 hours 40 minutes)" started at 22:51."""
    if not durations or fits(minutes_between(start, end), durations):
        return start
    at = [(c.time.line, c.time.column) for c in times]
    first, last = (at.index((p.time.line, p.time.column)) for p in (start, end))
    later = times[first + 1 : last]
    return next((c for c in later if fits(minutes_between(c, end), durations)), start)


def fits(gap: int | None, durations: tuple[Duration, ...]) -> bool:
    """Whether a gap in minutes is one of the stated lengths (to a twentieth, or 2 minutes)."""
    return (
        gap is not None
        and gap > 0
        and any(abs(gap - d.minutes) <= max(2, d.minutes // 20) for d in durations)
    )


def minutes_between(start: Stated, end: Stated) -> int | None:
    """End minus start in minutes, across midnight or days when the dates say so."""
    a, b = start.time.minutes, end.time.minutes
    if a is None or b is None:
        return None
    shift = 0
    oa, ob = zone_offset(start.time.tz), zone_offset(end.time.tz)
    if oa is not None and ob is not None:
        shift = oa - ob
    diff = b - a + shift
    if start.date and end.date:
        first, last = align(start.date, end.date)
        diff += (last - first).days * 1440
    elif diff < 0:
        diff += 1440
    return diff
