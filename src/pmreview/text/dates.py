"""Calendar dates in free text: parsing them, finding the one written next to a time."""

from __future__ import annotations

import re
from datetime import date

from .prefilter import Lazy
from .times import DATE_RE, MONTHS, may_hold_date
from .zones import ZONE_AT_START, ZONE_RE

_GAPS = re.compile(r"[\s,)*_]*")
# the words between a time (and its zone) and a date written after it: "on", a weekday
# ("07:31 UTC on Friday 14 June", "11:05 on Sat, 15 June")
_GAPS_THEN_ON = re.compile(
    r"[\s,)*_]*(?:on\s+)?(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)"
    r"(?:day)?\.?,?\s+)?",
    re.I,
)
_ZONE_AT_START = Lazy(ZONE_AT_START)  # for "10:00UTC", which ZONE_RE's look-behind refuses


def _after_time(text: str, end: int) -> int:
    r"""Where the words after a time (a zone, "on") end: what the pattern
    `[\s,)*_]*(?:\(?ZONE\)?)?[\s,)*_]*(?:on\s+)?` matches of `text[end:]`, found with
    ZONE_RE (compiled once) and without copying the rest of the line for each time
    (quadratic on a line of many times).

    Every part is optional and no zone starts with white space, ",", ")", "*", "_" or "(",
    so the pattern matches as each part does greedily in turn. In the copy nothing stands
    before `end`: an abbreviation right there ("10:00UTC") is a zone; further on, the gap or
    "(" before a zone is no word character in the text either."""
    gaps = _GAPS.match(text, end)
    assert gaps is not None  # every part of these patterns is optional
    at = gaps.end()
    paren = text.startswith("(", at)
    at_start = at == end and "A" <= text[at : at + 1] <= "Z"
    zone = (_ZONE_AT_START.compiled if at_start else ZONE_RE).match(text, at + paren)
    if zone is not None:
        at = zone.end() + text.startswith(")", zone.end())
    rest = _GAPS_THEN_ON.match(text, at)
    assert rest is not None
    return rest.end()


UNKNOWN_YEAR = 2000  # the year parse_date gives a date written without one (a leap year)


def align(a: date, b: date) -> tuple[date, date]:
    """Two dates made comparable: one written without a year takes the other's."""
    if (a.year == UNKNOWN_YEAR) == (b.year == UNKNOWN_YEAR):
        return a, b
    try:
        if a.year == UNKNOWN_YEAR:
            return a.replace(year=b.year), b
        return a, b.replace(year=a.year)
    except ValueError:  # 29 February in a year that has none
        return a, b


def parse_date(text: str) -> date | None:
    """A calendar date from text DATE_RE matched; the year is UNKNOWN_YEAR when not written."""
    m = re.match(r"(\d{4})[-–](\d{2})[-–](\d{2})", text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", text)
        if m:
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            month, day = (b, a) if a > 12 else (a, b)
            return date(y + 2000 if y < 100 else y, month, day)
        month_m = re.search(MONTHS, text, re.I)
        if month_m is None:
            return None
        month = _month_number(month_m.group(0))
        day_m = re.search(r"(?<!\d)(\d{1,2})(?!\d)", text)
        year_m = re.search(r"\b(\d{4})\b", text)
        if day_m is None:
            return None
        year = int(year_m.group(1)) if year_m else UNKNOWN_YEAR
        return date(year, month, int(day_m.group(1)))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return names.index(name[:3].lower()) + 1


def date_near(text: str, start: int, end: int) -> date | None:
    """The date written right before text[start:end] (a time) or right after it."""
    before = text[max(0, start - 40) : start]
    for m in DATE_RE.finditer(before) if may_hold_date(before) else ():
        gap = before[m.end() :]
        if re.fullmatch(r"[\s,@*_(\[]*(?:at\s+|T|[-–—]\s*)?[\s*_]*", gap, re.I):
            return parse_date(m.group(0))
    at = _after_time(text, end)
    day = _WEEKDAY.match(text, at)  # "on Monday 3 March": DATE_RE reads a weekday only before
    following = DATE_RE.match(text, at) or (DATE_RE.match(text, day.end()) if day else None)
    return parse_date(following.group(0)) if following else None


_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.I)
