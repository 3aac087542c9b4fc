"""The words around a clock time that say the outage started or ended then ("began at",
"restored at", "At 09:20 checkout began failing"), or that tie the time to the outage ("the
site went down"): read by the summary span (text/span.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import TimeRef
from .prefilter import Lazy
from .times import zone_after
from .word_times import NOT_AFTER, WORDS_TIME, clock_of

END_CUE = Lazy(
    r"\b(?:end(?:ed|s|ing)?|restored|resolved|repaired|recovered|mitigated|fixed|"
    r"back (?:online|up|to normal)|(?:fully|was|were|is) back|returned|until|till|up and running|"
    r"fully operational|completed|(?:work(?:ed|ing)|succeed\w*|available|online) again|"
    r"concluded|c[ao]me back|comes back|closed(?= ?(?:at|on)? ?:)"
    r"|(?:errors?|failures?|alerts?|impact|outage|timeouts?)\s+(?:had\s+)?(?:stopped|ceased|subsided"
    r"|cleared|disappeared|went away))\b",
    re.I,
)
# A start said before the time, in its clause: "began at", "starting around", "since".
START_CUE = Lazy(
    r"\b(?:began|begun|begin(?:s|ning)?|start(?:ed|ing|s)?|since|onset|commenc\w*)\b[^.;]{0,40}$",
    re.I,
)
# a start said right after the time: "At 09:20 checkout began failing", "10:48, when the
# errors started"
START_AFTER = Lazy(
    r"[^.;]{0,40}?\b(?:(?:began|begun|started|starting)\s+(?:to\s+)?(?:fail|error|return|time"
    r"|drop|reject|crash|slow|hang|throw)\w*|(?:outage|incident|problem|issue|impact|errors?"
    r"|failures?|degradation|downtime)\s+(?:had\s+)?(?:began|begun|started|starts|begins))\b",
    re.I,
)
# the label of a fact that gives when the outage was found: "| **Detected** | ", "Reported:"
DETECTED_LABEL = Lazy(
    r"^[\s|*_>-]*+(?:(?:first\s+)?(?:detected|discovered|reported|noticed|identified)"
    r"|detection(?:\s+time)?|time\s+(?:detected|of\s+detection))[\s*_]*+[|:][\s*_`]*+"
    r"(?:[\w,. -]{0,24}?\b(?:at|on)\s+)?$",
    re.I,
)
# a time told as when the outage was reported or found, in its clause: "was reported on 5
# May, 18:00", "at 21:28 UTC we received a report from a user" (not "at 09:12 checkout
# failed and we noticed": the failure is told first)
REPORTED_BEFORE = Lazy(
    r"\b(?:was|were)\s+(?:first\s+)?(?:reported|detected|noticed|discovered)\b[^.;]{0,40}$",
    re.I,
)
REPORTED_AFTER = Lazy(
    r"(?P<gap>[^.;]{0,25}?)\b(?:(?:we|I)\s+(?:first\s+)?(?:received\s+(?:a\s+|the\s+first\s+)?"
    r"reports?|noticed|discovered|were\s+alerted)|(?:was|were)\s+(?:first\s+)?reported)\b",
    re.I,
)
FAILURE = Lazy(
    r"\b(?:went down|down|outages?|unavailable|fail(?:ed|ing|ures?|s)?|errors?|broke|crash\w*"
    r"|degraded|disrupt\w*|stopped working|impact\w*|affected|detected|first|could ?n[o']t"
    r"|cannot|can't|unable|no longer|timed? ?out|slow\w*|5\d\d|alert\w*)\b",
    re.I,
)
# An end written right before the time: "completed by 15:56", "by about 9:40".
END_BY = re.compile(r"\bby\s+(?:approx\w*\s+|about\s+|around\s+|~\s*)?$", re.I)
# An end said after the time, in the same sentence: "At 12:16, service was restored".
END_AFTER = Lazy(
    r"^[^.\n]{0,40}?\b(?:was|were|got|been|is)?\s*(?:fully\s+)?"
    r"(?:restored|resolved|recovered|back (?:up|online|to normal)"
    r"|fixed|mitigated|up and running|operational)\b",
    re.I,
)
# the outage itself said to have begun at the time ("the outage had started at 10:48"), not
# a part of it ("uploads had been failing since 03:20")
OUTAGE_BEGAN = Lazy(
    r"\b(?:outage|incident|problem|issue|impact|errors?|failures?|downtime|degradation)\s+"
    r"(?:had\s+)?(?:actually\s+)?(?:began|begun|started|start)\s+(?:at\s+|around\s+|about\s+)*$",
    re.I,
)


# a clock time told by its name: "at midnight", "from noon" (not "around noon" or "before
# midnight": a time of day, as "in the evening" is)
_NAMED_TIME = Lazy(r"\b(?:at|from|since)\s+(?P<time>mid-?night|noon|midday)\b", re.I)
# a clock time in words (text/word_times.py) after a cue: "at ten past eight", "until twenty-five
# minutes to five", "around a quarter past nine in the evening". "to" after a cue only, and no
# count after it: "from five to ten", "ten to twelve people"
_WORDS_TIME = Lazy(
    r"\b(?P<cue>at|by|until|till|about|around|approximately|before|after|since|from|between|to)"
    rf"\s+(?:(?:about|around|approximately|roughly|just)\s+)?(?P<time>{WORDS_TIME})\b{NOT_AFTER}",
    re.I,
)


# a bare hour opening a range whose end carries AM/PM: "from 1 to 3 am", "between 9 and 11 PM"
# (the start takes the end's half of the day and zone: span._inherit); not "from 2 to 5 retries"
_BARE_START = Lazy(
    r"\b(?:from|between)\s+(?P<time>1[0-2]|0?[1-9])\s*+(?:to|and|until|till|-|–|—)\s*+"
    r"(?=(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?[ap]\.?\s?m\b)",
    re.I,
)


def named_times(text: str, line: int) -> Iterator[TimeRef]:
    """The clock times `text` (a single line) tells by name ("at midnight" is 00:00, "from
    noon" 12:00) or in words ("ten past eight", "a quarter to nine in the evening"), with the
    zone written after them ("at midnight (PST)")."""
    for m in _NAMED_TIME.compiled.finditer(text) if "n" in text else ():
        zone = zone_after(text, m.end())
        hour = 0 if "night" in m["time"].lower() else 12
        tz = zone.group(0) if zone else None
        yield TimeRef(m["time"], line, m.start("time") + 1, hour, 0, tz, None, "12h")
    for m in _BARE_START.compiled.finditer(text) if "m" in text.lower() else ():
        yield TimeRef(m["time"], line, m.start("time") + 1, int(m["time"]), 0, None, None, "24h")
    for m in _WORDS_TIME.compiled.finditer(text) if " " in text else ():
        if m["rel"] and m["rel"].lower() == "to" and m["cue"].lower() in ("from", "between"):
            continue  # "from five to ten": a range of numbers
        zone = zone_after(text, m.end())
        hour, minute = clock_of(m)
        tz = zone.group(0) if zone else None
        yield TimeRef(m["time"], line, m.start("time") + 1, hour, minute, tz, None, "12h")
