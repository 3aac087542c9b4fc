"""Which day a timeline entry is on, where PM301 asks: a date the entry writes after undated
entries, and numeric dates that read either way round (03/04/2024)."""

from __future__ import annotations

import re
from datetime import date

from ..models import TimelineEntry
from ..text.dates import align


def later_day(written: date | None, day: date | None) -> bool:
    """Whether an entry that writes its own date ("| 4 July, 10:00 |") is on a later day than
    the last date written above it, the undated entries between being on that earlier day."""
    if written is None or day is None:
        return False
    written, day = align(written, day)
    return day > written


_SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def _swapped(d: date) -> date:
    """The other reading of a numeric date such as 03/04/2024 (day and month swapped); a
    date with one reading only (30/04/2024) is itself."""
    return date(d.year, d.day, d.month) if d.day <= 12 else d


def either_reading(a: TimelineEntry, b: TimelineEntry, da: date, db: date) -> bool:
    """Whether two numeric dates (03/04/2024) read the other way round are in order."""
    if not all(_SLASH_DATE.search(e.block.text.split("\n", 1)[0]) for e in (a, b)):
        return False
    return _swapped(da) <= _swapped(db)
