"""A timeline section whose events are timed in a way the clock-time reader does not take
alone: times in words in its story ("the first calls came around half past one, and by two
o'clock…"), or lines that open with a time written with a dot ("14.05 pushed the config",
"14.12 checker failed"). Either makes the section a timeline (spec: "a section of timed
events"); neither is a list of entries that each begin with a time, which timeline.format
asks for."""

from __future__ import annotations

import re

from ..models import Block
from ..text.span_cues import named_times

# a line that opens with a two-digit hour, a dot and minutes, then words ("14.05 pushed…");
# "1.24 released" (a version) and "4.2 Scope" (a section) have one digit before the dot
_DOT_LINE = re.compile(
    r"^[\s>*_-]*+(?P<h>[01]\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.])[\s:,–—-]+[A-Za-z]"
)


def timed_otherwise(blocks: list[Block]) -> bool:
    """Two clock times in words or by name, or three lines or more opening with a dot-written
    time, each no earlier than the one before it."""
    lines = [line for b in blocks for line in b.text.split("\n")]
    said = sum(1 for n, line in enumerate(lines) for _ in named_times(line, n + 1))
    return said >= 2 or _dot_run(lines)


def _dot_run(lines: list[str]) -> bool:
    clock = [int(m["h"]) * 60 + int(m["m"]) for x in lines if (m := _DOT_LINE.match(x))]
    ordered = all(a <= b for a, b in zip(clock, clock[1:], strict=False))
    return len(clock) >= 3 and ordered
