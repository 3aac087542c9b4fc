"""The time a timeline entry opens with: "**10:30 UTC** -", "[2024-03-16 01:20]", "March 3,
10:30", "Monday, 10:15 AM", "15.25 PST -", "Twenty to three:"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..models import TimeRef
from .times import DATE, DATE_RE, TIME_RE, WEEKDAY, find_times, zone_after
from .word_times import clock_of, said_of_day, words_head

_LEAD = re.compile(r"^[\s>*_`~\[(|#-]*")  # markup before an entry's time
# a date without its year, only before an entry's time: "[03-26 23:04]", "12/05 16:21"
_SHORT_DATE = re.compile(r"\d{1,2}[/-]\d{1,2}(?=\s+\d{1,2}[:h.]\d\d)")
_DATE_TIME_SEP = re.compile(r"^[\s,@*_`]*(?:at\s+|[-–—]\s*|T)?")
# a weekday written as the entry's date ("Monday, 10:15 AM", "Tue 09:40"): a date and a time
_WEEKDAY = re.compile(
    rf"(?:{WEEKDAY}|mon|tue|wed|thu|fri|sat|sun)\.?"
    rf"(?:,?\s+{DATE})?(?=[\s,])",
    re.IGNORECASE,
)


# Room for every line of the largest document a review reads: the timeline's entries are read
# by several passes (which sections are timelines, their entries, the facts record).
@lru_cache(maxsize=32768)
def leading_time(text: str) -> TimeRef | None:
    """The time an entry starts with ("**10:30 UTC** -", "[2024-03-16 01:20]", "March 3, 10:30",
    "Monday, 10:15 AM")."""
    stripped = _LEAD.match(text)
    start = stripped.end() if stripped else 0
    rest = text[start:]
    date = DATE_RE.match(rest) or _SHORT_DATE.match(rest) or _WEEKDAY.match(rest)
    if date and not rest.startswith("T", date.end()):  # "2024-05-02T10:30Z": one ISO time
        rest2 = rest[date.end() :]
        sep = _DATE_TIME_SEP.match(rest2)
        offset = date.end() + (sep.end() if sep else 0)
        if TIME_RE.match(rest, offset):
            start += offset
            rest = text[start:]
    if not TIME_RE.match(rest):
        return _dot_time(rest, start) or _words_time(rest, start)
    return next(find_times(rest, column=1 + start), None)


# an entry's time written with a dot ("15.25 PST -", "09.40 – …"): a time where a zone or, after
# a two-digit hour, a dash follows it (in running text "2.14" is a version or a number)
_DOT_TIME = re.compile(r"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?!\d|\.\d)")
_DOT_DASH = re.compile(r"(?<!\s)\s*+[-–—]\s")


def _dot_time(rest: str, start: int) -> TimeRef | None:
    """The dot-written time `rest` starts with, read as the same time with a colon."""
    m = _DOT_TIME.match(rest)
    if m is None:
        return None
    dashed = len(m["h"]) == 2 and _DOT_DASH.match(rest, m.end()) is not None
    if not (dashed or zone_after(rest, m.end())):
        return None
    colon = f"{rest[: m.start('m') - 1]}:{rest[m.start('m') :]}"
    t = next(find_times(colon, column=1 + start), None)
    return None if t is None else replace(t, raw=rest[: len(t.raw)])


def leading_date_only(text: str) -> bool:
    stripped = _LEAD.match(text)
    rest = text[stripped.end() if stripped else 0 :]
    return bool(DATE_RE.match(rest)) and leading_time(text) is None


def _words_time(rest: str, start: int) -> TimeRef | None:
    """The time in words `rest` opens with ("Twelve minutes past two: …"); on no 24-hour
    clock, and without "in the morning" or "pm" as open to both readings as "2:12" is."""
    m = words_head(rest)
    if m is None:
        return None
    hour, minute = clock_of(m)
    zone = zone_after(rest, m.end("time"))
    tz = zone.group(0) if zone else None
    at = 1 + start + m.start("time")
    if said_of_day(m):
        return TimeRef(m["time"], 1, at, hour, minute, tz, None, "12h")
    return TimeRef(m["time"], 1, at, hour, minute, tz, None, "24h")
