"""When a timeline entry is told, beyond a clock time of its own: the time of the entry it
belongs to (a nested bullet under a timed bullet, a sentence continuing a timed paragraph), or
a time written in words or as an offset ("around twenty to twelve:", "T+1 h 05 min —", "ten
minutes later:"). Read by checks/ended.py: the resolution is told when as much as how."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy
from .events import MARKER, Event

_HOUR = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight"
    r"|\d{1,2})(?: o['’]clock)?"
)
_COUNT = r"(?:a few|a couple of|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|\d+)"
# at the head of an entry, after its list marker and any emphasis
_SPOKEN = Lazy(
    r"^\s*(?:(?:[-*+•●]|\d+[.)/])\s+)?[*_]*(?:at |about |around |roughly |approximately |~)?"
    r"(?:t\s?[+-]\s?\d"
    r"|(?:just |shortly |a little |a bit )?(?:before|after|past) " + _HOUR + r"\b"
    r"|(?:a quarter|quarter|half|twenty-five|twenty|ten|five|\d{1,2} minutes) (?:past|to|after"
    r"|before) " + _HOUR + r"\b"
    r"|" + _HOUR + r" (?:in the (?:morning|afternoon|evening)|at night|sharp)\b"
    r"|" + _COUNT + r" (?:(?:more|further) )?(?:minutes?|mins?|hours?|hrs?)(?: and a half)?"
    r" (?:later|after(?: that)?)\b"
    r"|half an hour (?:later|after(?: that)?)\b)",
    re.IGNORECASE,
)


def told_when(evs: list[Event]) -> list[Event]:
    """The events, each `timed` when it has a time of its own, a time in words, or the time of
    the entry it belongs to."""
    out: list[Event] = []
    for e in evs:
        when = e.timed or bool(_SPOKEN.compiled.search(e.text)) or _of_parent(out, e)
        out.append(e._replace(timed=when))
    return out


def _of_parent(before: list[Event], e: Event) -> bool:
    """A line continuing the paragraph of the event before it, or a bullet nested under a
    bullet, is told at that event's or that bullet's time."""
    if not before:
        return False
    if not MARKER.compiled.match(e.text):
        # a continuation: a line of the paragraph of the event before it (not a sentence
        # further along a line of prose, which a time told earlier in the prose does not date)
        last = before[-1]
        return last.block is e.block and last.timed and e.line > last.line and e.column == 1
    depth = _indent(e.text)
    parent = next(
        (p for p in reversed(before) if MARKER.compiled.match(p.text) and _indent(p.text) < depth),
        None,
    )
    return parent is not None and parent.timed


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))
