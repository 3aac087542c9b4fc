"""Clock times, dates, durations and timezones in free text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..models import TimeRef
from .prefilter import Lazy
from .runs import RunSearch
from .zones import BOUNDED_ZONE, OUTSIDE_LONG_ZONE, ZONE, ZONE_RE, loose_zone_after, zone_offset

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# a weekday's whole name, in lower case (for patterns read with re.I)
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH_DAY = rf"{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
# an ISO date may be typeset with en dashes ("2023–12–18"), as editors do with hyphens
_NUMERIC_DATE = r"\d{4}-\d{2}-\d{2}|\d{4}–\d{2}–\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
_DAY_MONTH = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:,?\s+\d{{4}})?"
DATE = rf"(?:{_NUMERIC_DATE}|(?:{_DAY}[a-z]*,?\s+)?{_MONTH_DAY}|{_DAY_MONTH})"
# DATE, searched reading each run of letters once: a weekday may start inside a run ("xMonday,
# May 3" is a date from "M"), and its [a-z]* reads the run to its end from every such start
DATE_RE = RunSearch(
    rest=re.compile(
        rf"{_NUMERIC_DATE}|(?:(?<![a-z]){_DAY}[a-z]*+,?\s+)?{_MONTH_DAY}|{_DAY_MONTH}", re.I
    ),
    runs=((re.compile(rf"(?<=[a-z]){_DAY}", re.I), re.compile("[a-z]*", re.I)),),
    alternative=re.compile(rf"{_DAY}[a-z]*+,?\s+{_MONTH_DAY}", re.I),
)
_DIGIT = re.compile(r"\d")
# Every date holds a digit followed by "/", "." or "-", or a month's name: text with neither
# has no date, and this finds that out several times faster than DATE_RE itself.
_DATE_PART = re.compile(rf"\d[/.–-]|(?=[jfmasond]){MONTHS}", re.IGNORECASE)


def may_hold_date(text: str) -> bool:
    """False when `text` holds no date: no digit (every date holds one), or no date part."""
    return _DIGIT.search(text) is not None and _DATE_PART.search(text) is not None


def has_date(text: str) -> bool:
    """`DATE_RE.search(text)`, skipped when text cannot hold a date (may_hold_date)."""
    return may_hold_date(text) and DATE_RE.search(text) is not None


_AMPM = r"(?P<ampm>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z])"
# a zone that makes "14.30" a time ("14.30 UTC", "(WAT)"): not a word that is also a tax or a
# scan or a ton ("12.00 GST", "4.20 CT", "3.50 MT"), nor a price's
_DOT_ZONE = rf"\s?\(?(?!(?:ET|CT|MT|PT|Z|GST)\b)(?:{ZONE})"
# a time with a dot: before AM/PM or such a zone, or in a range whose end has one ("14.05 to
# 14.40 UTC"); a version ("1.24"), a price ("14.30 EUR") or a section ("4.2") has neither
# UTC or GMT written against the time, with no space: "12:39UTC", "12.39UTC", "0930GMT"
_GLUED = r"(?:UTC|GMT)(?:[+\-−]\d{1,2}(?::?\d\d)?)?(?![A-Za-z\d])"
_DOT = (
    rf"\.(?P<m3>[0-5]\d)(?=\s?[AaPp]\.?[Mm]|{_DOT_ZONE}|{_GLUED}"
    rf"|\s?(?:[-–—]|to|until|till|and)\s?[0-2]?\d\.[0-5]\d{_DOT_ZONE})"
)
# "2h30m", "~24h40m" are lengths: no clock time ends in "m" or "min"
_CLOCK = (
    rf"(?<![\d:.,/$€£¥+±])(?P<h>[01]?\d|2[0-4])"
    rf"(?::\s?(?P<m>[0-5]\d)|{_DOT}|h(?P<m2>[0-5]\d)(?!\s?m(?:ins?|inutes?)?\b))"
    r"(?::[0-5]\d(?:\.\d+)?)?"
    rf"(?:[\s-]?{_AMPM})?(?!\d|:\d)"
)
_BARE_AMPM = r"(?<![\d:.,/])(?P<h3>1[0-2]|0?[1-9])\s?(?P<ampm3>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z])"
_ISO = (
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<h4>[01]\d|2[0-3]):(?P<m4>[0-5]\d)(?::\d{2}(?:\.\d+)?)?"
    r"(?P<z>Z|[+\-]\d{2}:?\d{2})?"
)
# military "0300hrs", "1400 UTC", and a range's first: "between 1900 and 2100 UTC"
_MILITARY = (
    r"(?<![\d:.,/])(?P<h5>[01]\d|2[0-3])(?P<m5>[0-5]\d)(?:\s?(?:hrs?|hours)\b|(?=\s?\(?(?:UTC|GMT|Z)\b)"
    r"|(?=\s?(?:-|–|—|to|and|until|till)\s?(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs?\b|hours\b|\(?(?:UTC|GMT|Z)\b)))"
)
TIME_RE = re.compile(rf"{_ISO}|{_CLOCK}|{_BARE_AMPM}|{_MILITARY}")


@lru_cache(maxsize=1024)
def without_dates_and_times(text: str) -> str:
    """`TIME_RE.sub(" ", DATE_RE.sub(" ", text))`, kept for the several markers a sentence is
    tested for (text without a digit holds neither); the times found by time_matches."""
    if _DIGIT.search(text) is None:
        return text
    dateless = _blanked(text, DATE_RE.finditer(text)) if _DATE_PART.search(text) else text
    return _blanked(dateless, time_matches(dateless))


def _blanked(text: str, matches: Iterator[re.Match[str]]) -> str:
    """`text` with each match's span (found in it, or in a copy of the same length) a space."""
    out, last = [], 0
    for m in matches:
        out += [text[last : m.start()], " "]
        last = m.end()
    return "".join(out) + text[last:]


# What may stand between a time and its zone: "10:30 UTC", "10:30 (UTC+1)", "10:30 in GMT",
# "14:30 hrs IST", "14:30 hours (UTC)".
# "10:30-UTC", "11:26-am-GMT": a time tied to its zone by a hyphen, as in a slug.
_TO_ZONE = re.compile(r"(?:\s?(?:hrs?|hours)\b)?(?:-(?=[A-Z]))?\s?\(?\s?(?:in\s+)?")


def zone_after(text: str, end: int) -> re.Match[str] | None:
    """The zone right after a time that ends at `end`: what `\\s?\\(?\\s?(?:in\\s+)?(ZONE)`
    matched there, without compiling ZONE a second time. No zone starts with white space, "("
    or a lower-case letter, so that pattern can match only where _TO_ZONE's greedy match
    ends. A dash and a time right after a clock time ("10:00-10:40") end a range, not an
    offset: an offset written so ("10:00:00-05:00") follows a time with seconds."""
    lead = _TO_ZONE.match(text, end)
    assert lead is not None  # every part of the pattern is optional
    zone = ZONE_RE.match(text, lead.end())
    if zone and lead.end() == end and text.startswith("-", end):
        return zone if _SECONDS.search(text, 0, end) else None
    return zone


_SECONDS = re.compile(r":\d\d:\d\d(?:\.\d+)?$")  # a time that ends with its seconds


def _zone_next(text: str, end: int) -> re.Match[str] | None:
    """The zone after a time (zone_after, else loose_zone_after); a place with no fixed
    offset gives way to the zone its bracket closes with ("21:30 (Berlin time, CEST)")."""
    after = zone_after(text, end)
    if after is None or zone_offset(after.group(0)) is None:
        return loose_zone_after(text, end) or after
    return after


# The whole pattern that _zone_ending searches with ZONE_RE, for the one case that cannot.
_ZONE_BEFORE = Lazy(rf"(?P<tz>{ZONE})\s?$")
_ZONE_START = re.compile(r"[A-Z+\-]")  # where a zone can start (zones.toml's test checks)


def _zone_ending(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The span of the zone in `_ZONE_BEFORE.search(text, lo, end)` (a zone, perhaps one
    white-space character, the end), found with ZONE_RE instead of compiling ZONE again.
    A zone never ends with white space, so it can end at one place only, `z`; the leftmost
    start from which ZONE_RE matches exactly up to `z` is the pattern's. Where a white-space
    character other than " " or "\\n" follows `z`, ZONE's look-ahead after "US Eastern" would
    see it, not the end of the text: that case searches with the whole pattern."""
    z = end
    if z > lo and text[z - 1].isspace():
        z -= 1
        if text[end - 1] == "\n" and z > lo and text[z - 1].isspace():
            z -= 1
    if z == lo or text[z - 1].isspace():
        return None
    if z < end and text[z] not in " \n":
        m = _ZONE_BEFORE.compiled.search(text, lo, end)
        return m.span("tz") if m else None
    for start in _ZONE_START.finditer(text, lo, z):
        if ZONE_RE.fullmatch(text, start.start(), z):
            return start.start(), z
    return None


def _hour(h: int, ampm: str | None) -> int:
    if ampm is None:
        return h % 24
    if ampm.lower() == "p":
        return h % 12 + 12
    return h % 12


# Where a TIME_RE match can start: a digit that no digit, ":", ".", "," or "/" comes right before
# (its look-behinds), or the ISO branch's date, which has none ("12024-03-05 10:00"). It opens
# with the digit, so `re` skips to the next digit; a run of digits is one start, not many.
_TIME_START = re.compile(r"\d(?:(?<![\d:.,/]\d)|(?=\d{3}-\d{2}-\d{2}[T ]))")


def time_matches(text: str) -> Iterator[re.Match[str]]:
    """What `TIME_RE.finditer(text)` yields, found about eight times faster.

    Every branch of TIME_RE starts its match on a digit, but it opens with look-behinds, so
    `re` cannot skip ahead to the next digit by itself and tries the whole alternation at
    every character (~100 ns each; a third of the parse went here). So: jump from start to
    start (_TIME_START, which `re` skips to at C speed) and try TIME_RE only there. A match
    at a position still sees the text before it (look-behinds), as in finditer."""
    pos = 0
    while (start := _TIME_START.search(text, pos)) is not None:
        m = TIME_RE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
        else:
            yield m
            pos = m.end()  # never empty: a match holds a digit


def _zone_before(text: str, end: int, backwards: str) -> str | None:
    """The zone written right before `end`: `_ZONE_BEFORE.search(text, 0, end)`, searched only
    from where such a zone can start (BOUNDED_ZONE back, or the start of the run of letters and
    spaces before `end`, found in `backwards`, the text reversed). Searching from 0 for every
    time on a line of thousands of times was quadratic; the runs before different times do
    not overlap (each time holds a digit), so a line's searches are linear in its length."""
    stop = OUTSIDE_LONG_ZONE.search(backwards, len(text) - end)  # the last one before `end`
    run = len(text) - stop.start() if stop else 0
    span = _zone_ending(text, max(0, min(run, end - BOUNDED_ZONE)), end)
    return text[span[0] : span[1]] if span else None


def _clock_of(text: str, m: re.Match[str]) -> tuple[int, int, str | None, str] | None:
    """Hour, minute, AM/PM and clock of a TIME_RE match; None for no time (a year after a
    month, "17:30 AM")."""
    g = m.groupdict()
    if g["h4"] is not None:
        return int(g["h4"]), int(g["m4"]), None, "24h"
    if g["h5"] is not None:
        return None if _a_year(text, m) else (int(g["h5"]), int(g["m5"]), None, "24h")
    if g["h"] is not None:
        ampm = g["ampm"]
        hour, minute = int(g["h"]), int(g["m"] or g["m2"] or g["m3"])
        if ampm and 13 <= hour <= 23 and ampm.lower() == "p":
            ampm = None  # "20:30 PM": a 24-hour time with a needless PM
        if ampm and not 1 <= hour <= 12:
            return None
        return hour, minute, ampm, "12h" if ampm else "24h"
    return int(g["h3"]), 0, g["ampm3"], "12h"


def find_times(text: str, line: int = 1, column: int = 1) -> Iterator[TimeRef]:
    """Every clock time in `text` (a single line), with the zone written next to it."""
    backwards: str | None = None  # the text reversed, for the first time with no zone after it
    for m in time_matches(text):
        g = m.groupdict()
        read = _clock_of(text, m)
        if read is None:
            continue
        hour, minute, ampm, clock = read
        tz = g.get("z") or _zulu(text, m.end())
        if not tz:
            after = _zone_next(text, m.end())
            if after:
                tz = after.group(0)
            else:
                if backwards is None:
                    backwards = text[::-1]
                tz = _zone_before(text, m.start(), backwards)
        yield TimeRef(
            raw=m.group(0),
            line=line,
            column=column + m.start(),
            hour=_hour(hour, ampm),
            minute=minute,
            tz=tz,
            date=g["date"],
            clock=clock,  # type: ignore[arg-type]
        )


# the end of a date written before a year ("November 28, 2025 (UTC)", "28 Nov 2025 UTC",
# "March 2025 GMT"): the four digits are the year, not a military time
_DATE_BEFORE_YEAR = re.compile(
    rf"(?:\b{MONTHS}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{MONTHS}\.?),?\s*$",
    re.IGNORECASE,
)


def _a_year(text: str, m: re.Match[str]) -> bool:
    """A military time that is this century's year after a month ("Nov 28, 2025 (UTC)")."""
    if m.group("h5") != "20" or int(m.group("m5")) >= 40:
        return False
    return _DATE_BEFORE_YEAR.search(text, max(0, m.start() - 30), m.start()) is not None


_ZULU = re.compile(r"Z(?!\w)")


def _zulu(text: str, end: int) -> str | None:
    """A "Z" written right after a time ("1429Z", "14:29Z"): UTC, which the zone pattern, kept
    from reading a letter inside a word, passes over."""
    return "Z" if _ZULU.match(text, end) else None


def with_zone(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of a time at `text[start:end]` widened to the zone written right next to it
    ("10:30 UTC", "3:30 PM (UTC)", "GMT 14:00"), as find_times reads it."""
    after = _zone_next(text, end)
    if after:
        stop = after.end()
        if "(" in text[end:stop] and text[stop : stop + 1] == ")":
            stop += 1
        return start, stop
    before = _zone_ending(text, 0, start)
    return (before[0], end) if before else (start, end)
