"""An entry that opens with a span of time ("09:40–10:05", "08:02 - 10:30 AM ET"): where the
span ends, read by PM301 (a span that holds the entry before it is no disorder) and PM302 (AM
or PM written once, at the span's end, holds for both of its ends)."""

from __future__ import annotations

from ..models import TimelineEntry, TimeRef
from ..text.entry_times import leading_time

_RANGE_TO = ("-", "–", "—", "to ", "until ", "till ")


def range_end(e: TimelineEntry) -> TimeRef | None:
    """The time the entry's opening span ends at, if its time opens one."""
    t = e.time
    if t is None:
        return None
    first = e.block.text.split("\n", 1)[0]
    rest = first[t.column - e.block.column + len(t.raw) :].lstrip()
    sep = next((x for x in _RANGE_TO if rest.startswith(x)), None)
    return leading_time(rest[len(sep) :]) if sep else None
