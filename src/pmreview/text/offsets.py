"""Times an entry gives as an offset from a moment the document states ("All offsets are from
T+0 = 14:02 UTC" over "- **T+6 min** — alert fires"): the clock time the offset lands on."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import TimeRef
from .times import find_times

# the moment the offsets count from: "T+0 = 14:02 UTC", "T0 is 09:15", "T = 21:40 WAT"
_ANCHOR = re.compile(r"\bT\s?(?:\+\s?0|0|zero)?[*_]*+\s*+(?:=|is|was|:)\s*+[*_]*+\s?(?=\d)")
# an offset at the entry's start: "T+6 min", "**T+1 h 17 min**", "T+00:12", "T-5m"
_OFFSET = re.compile(
    r"^[\s*_`\[(]*T\s?(?P<sign>[+\-−])\s?(?:(?P<hh>\d{1,2}):(?P<mm>[0-5]\d)"
    r"|(?P<bare>0)\b(?!\s?(?:h|hr|hrs|hours?|m|min|mins|minutes?)\b)|(?:(?P<h>\d{1,3})\s?(?:h|hr|hrs|hours?)\b)?\s?(?:(?P<m>\d{1,4})\s?(?:m|min|mins|minutes?)\b)?"
    r")"
)


def offset_anchor(texts: Iterable[str]) -> TimeRef | None:
    """The clock time the document says its offsets count from."""
    for text in texts:
        for m in _ANCHOR.finditer(text):
            t = next(find_times(text[m.end() : m.end() + 40]), None)
            if t is not None and t.hour is not None and text[m.end() :].startswith(t.raw):
                return t
    return None


def offset_time(text: str, anchor: TimeRef) -> TimeRef | None:
    """The clock time of an entry that opens with an offset from `anchor`."""
    m = _OFFSET.match(text)
    if m is None or anchor.hour is None or not any(m.group(g) for g in ("hh", "h", "m", "bare")):
        return None
    minutes = (
        int(m["hh"]) * 60 + int(m["mm"]) if m["hh"] else int(m["h"] or 0) * 60 + int(m["m"] or 0)
    )
    if m["sign"] != "+":
        minutes = -minutes
    total = (anchor.hour * 60 + anchor.minute + minutes) % (24 * 60)
    raw = text[m.start() : m.end()].strip(" *_`[(")
    column = text.find(raw) + 1
    return TimeRef(raw, 1, column, total // 60, total % 60, anchor.tz, None, "24h")
