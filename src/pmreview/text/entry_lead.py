"""The time of a timeline entry that opens with a word leading to it rather than with the time
itself: "At 11:00 AM: …", "Around 14:05 UTC, …", "**Midnight (SAST):** …". The entry still
begins with its time for a reader (spec/checks.md, timeline.format); the timeline's own reading
of which lines are entries is left to `leading_time`."""

from __future__ import annotations

import re

from ..models import TimeRef
from .entry_times import leading_time
from .times import zone_after

_MARKUP = r"^[\s>*_`\[(|#-]*+"
_LEAD_IN = re.compile(_MARKUP + r"(?:at|around|about|approx(?:imately|\.)?|circa)\s++", re.I)
_NAMED = re.compile(_MARKUP + r"(?P<word>midnight|noon|midday)\b", re.I)


def led_time(text: str) -> TimeRef | None:
    """The time an entry gives right after a leading word ("At", "Around") or by its name
    ("Midnight"); not a time written later in the entry ("Deployed 2.3 at 14:00 …"). A named
    event followed by its stamp ("First detected: 2023-01-11 14:22") does not begin with its
    time (spec/checks.md)."""
    first = text.partition("\n")[0]
    if m := _LEAD_IN.match(first):
        return leading_time(first[m.end() :])
    if m := _NAMED.match(first):
        word = m["word"]
        zone = zone_after(first, m.end())
        hour = 0 if word.lower() == "midnight" else 12
        return TimeRef(word, 1, m.start("word") + 1, hour, 0, zone.group(0) if zone else None)
    return None
