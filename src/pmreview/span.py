"""The outage span the summary states: its start and end clock times and any stated duration.

Shared by the consistency rules and the profile checks, so that "the summary's start time"
means one thing everywhere. Pure functions over a Document; no findings here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from .models import Document, TimeRef, per_document
from .times import DATE_RE, MONTHS, ZONE
from .views import summary_blocks, summary_sections

_HOURS = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "UTC0": 0,
    "WET": 0,
    "BST": 60,
    "IST": 330,
    "WAT": 60,
    "CET": 60,
    "WEST": 60,
    "CAT": 120,
    "SAST": 120,
    "EET": 120,
    "CEST": 120,
    "WAST": 120,
    "EAT": 180,
    "EEST": 180,
    "MSK": 180,
    "GST": 240,
    "PKT": 300,
    "ICT": 420,
    "WIB": 420,
    "SGT": 480,
    "HKT": 480,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
    "AEDT": 660,
    "ACST": 570,
    "AWST": 480,
    "NZST": 720,
    "NZDT": 780,
    "BRT": -180,
    "ART": -180,
    "CLT": -240,
    "COT": -300,
    "PET": -300,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}
_NAMED = {
    "greenwich mean time": 0,
    "coordinated universal time": 0,
    "west africa": 60,
    "central africa": 120,
    "east africa": 180,
    "south africa": 120,
}
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$")


@cache
def _alternative() -> re.Pattern[str]:
    """A time and the same instant in another zone: "01:00 local time (22:00 GMT)",
    "9:00 / 08:00 UTC". (Compiled when first needed, as are the next two: they are long, and
    many documents never need them.)"""
    return re.compile(rf"^[\s*_]*(?:local(?:\s+time)?|{ZONE})?[\s*_]*[(/\[][\s*_]*$", re.I)


@cache
def _range() -> re.Pattern[str]:
    """What joins the two ends of a range: "10:00 to 11:30", "9 PM UTC on May 3 until"."""
    return re.compile(
        rf"^[\s)\]*_,]*(?:\(?{ZONE}\)?)?[\s)\]*_,]*(?:on\s+{DATE_RE.pattern}[\s,]*)?"
        rf"(?:to|until|till|through|thru|and|-|–|—|->|→|~)[\s*_]*(?:{DATE_RE.pattern}[\s,]*"
        rf"(?:at\s+)?)?[\s(*_]*(?:approximately\s+|about\s+|around\s+)?$",
        re.I,
    )


@cache
def _zone_then_on() -> re.Pattern[str]:
    """What may stand between a time and a date written after it: a zone, "on"."""
    return re.compile(rf"[\s,)*_]*(?:\(?{ZONE}\)?)?[\s,)*_]*(?:on\s+)?")


_END_CUE = re.compile(
    r"\b(?:end(?:ed|s|ing)?|restored|resolved|repaired|recovered|mitigated|fixed|"
    r"back (?:online|up|to normal)|returned|until|till|up and running|fully operational|"
    r"concluded)\b",
    re.I,
)

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}
_UNIT_MINUTES = {"d": 1440, "h": 60, "m": 1}
_PART = (
    r"(?P<n>\d+(?:\.\d+)?|(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"))(?P<half>\s+and\s+(?:a\s+)?half)?[\s-]*(?P<u>days?|hours?|hrs?|h|minutes?|mins?|m)"
    r"(?![\w:])"
)
# The look-ahead (a character a number can start with) changes no match; it lets re reject
# most positions at once instead of trying every number word there (1.7 times faster).
_FIRST = "".join(sorted({w[0] for w in _NUMBER_WORDS}))  # "aefnost"
_PART_RE = re.compile(rf"(?=[\d{_FIRST}])" + _PART, re.I)
_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?", re.I)


@dataclass(frozen=True)
class Stated:
    """A clock time the summary states, with the same instant written in other zones."""

    time: TimeRef
    alternatives: tuple[TimeRef, ...] = ()
    date: date | None = None

    @property
    def all(self) -> tuple[TimeRef, ...]:
        return (self.time, *self.alternatives)


@dataclass(frozen=True)
class Duration:
    """A stated length ("2 hours and 15 minutes") and where it is written."""

    minutes: int
    line: int
    column: int  # 1-based
    raw: str


@dataclass(frozen=True)
class Span:
    start: Stated | None
    end: Stated | None


def zone_offset(tz: str | None) -> int | None:
    """Minutes east of UTC for a zone as written ("WAT", "UTC+1", "GMT +03:00"), or None."""
    if not tz:
        return None
    key = tz.strip().upper()
    if key in _HOURS:
        return _HOURS[key]
    m = _OFFSET.match(key)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        return sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))
    low = tz.lower()
    return next((v for k, v in _NAMED.items() if low.startswith(k)), None)


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
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
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
    for m in DATE_RE.finditer(text[max(0, start - 40) : start]):
        gap = text[max(0, start - 40) + m.end() : start]
        if re.fullmatch(r"[\s,@*_(\[]*(?:at\s+|T|[-–—]\s*)?[\s*_]*", gap, re.I):
            return parse_date(m.group(0))
    after = _zone_then_on().match(text[end:])
    following = DATE_RE.match(text, end + (after.end() if after else 0))
    return parse_date(following.group(0)) if following else None


def durations_in(text: str) -> list[tuple[int, int, int]]:
    """(start, end, minutes) of each duration phrase; "1 hour 30 minutes" is one phrase."""
    out: list[tuple[int, int, int]] = []
    last_unit = 0
    for m in _PART_RE.finditer(text):
        n = m.group("n").lower()
        value = float(_NUMBER_WORDS[n]) if n in _NUMBER_WORDS else float(n)
        if m.group("half"):
            value += 0.5
        unit = m.group("u").lower()
        if n in ("a", "an") and unit in ("h", "m"):
            continue
        minutes = int(value * _UNIT_MINUTES[unit[0]])
        unit_minutes = _UNIT_MINUTES[unit[0]]
        if out and last_unit > unit_minutes and _JOIN.fullmatch(text[out[-1][1] : m.start()]):
            s, _, total = out.pop()
            out.append((s, m.end(), total + minutes))
        else:
            out.append((m.start(), m.end(), minutes))
        last_unit = unit_minutes
    return out


def usable(t: TimeRef) -> bool:
    """A clock time worth comparing: "14.04" or "1.15" with no zone or AM/PM is a version."""
    return t.hour is not None and not ("." in t.raw and t.clock == "24h" and not t.tz)


def _clusters(doc: Document) -> list[Stated]:
    """The summary's clock times in order, same-instant alternatives grouped."""
    lines = {n for b in summary_blocks(doc) for n in range(b.line, b.end_line + 1)}
    out: list[Stated] = []
    for t in (t for t in doc.times if t.line in lines and usable(t)):
        text = doc.source.lines[t.line - 1]
        prev = out[-1].all[-1] if out else None
        if (
            prev is not None
            and prev.line == t.line
            and _alternative().match(_between(text, prev, t))
        ):
            out[-1] = Stated(out[-1].time, (*out[-1].alternatives, t), out[-1].date)
            continue
        start = t.column - 1
        out.append(Stated(t, (), _date_of(t, text, start)))
    return out


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


@per_document  # three rules ask
def summary_span(doc: Document) -> Span:
    """The outage's start and end as the summary states them (either may be None)."""
    clusters = _clusters(doc)
    for a, b in zip(clusters, clusters[1:], strict=False):
        last = a.all[-1]
        if last.line == b.time.line:
            text = doc.source.lines[last.line - 1]
            if _range().match(_between(text, last, b.time)):
                return Span(_inherit(a, b), b)
    return _by_cues(doc, clusters)


def _by_cues(doc: Document, clusters: list[Stated]) -> Span:
    start: Stated | None = None
    end: Stated | None = None
    prev_line, prev_end = 0, 0
    for c in clusters:
        text = doc.source.lines[c.time.line - 1]
        begin = prev_end if prev_line == c.time.line else 0
        before = text[begin : c.time.column - 1][-60:]
        if _END_CUE.search(before) and start is not None and end is None:
            end = c
        elif start is None and not _END_CUE.search(before):
            start = c
        prev_line, prev_end = c.time.line, c.all[-1].column - 1 + len(c.all[-1].raw)
    if start is not None and end is not None and end.time.line == start.time.line:
        return Span(_inherit(start, end), end)
    return Span(start, end)


@cache
def _duration_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cue = re.compile(
        r"\b(?:last(?:ed|ing)?|for|duration|persisted|outage of|downtime of|"
        r"down for|spann(?:ed|ing)|total of)\b[^.;:]{0,25}$",
        re.I,
    )
    after = re.compile(r"^[\s-]*(?:long\b|of\s+(?:downtime|outage)|outage|downtime)", re.I)
    return cue, after


def stated_durations(doc: Document) -> list[Duration]:
    """Durations the summary states as the outage's length ("lasted 2 hours", "Duration: 45m")."""
    cue, after = _duration_cues()
    out: list[Duration] = []
    for sec in summary_sections(doc):
        for b in sec.blocks:
            for s, e, minutes in durations_in(b.text):
                ok = sec.has("duration") or cue.search(b.text[max(0, s - 40) : s])
                if ok or after.match(b.text[e:]) or _parenthesised(b.text, s, e):
                    line, col = b.position(s)
                    out.append(Duration(minutes, line, col, b.text[s:e]))
    return out


def _parenthesised(text: str, s: int, e: int) -> bool:
    return text[:s].rstrip().endswith("(") and text[e:].lstrip().startswith(")")


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
