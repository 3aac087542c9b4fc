"""What answers a vague time (PM102's time entries in data/vague.toml): the clock around it.

"for a while", "shortly after" or "last week" ask when, or for how long. The question is
answered where the words stand on the clock already: in a timeline entry stamped with a time,
whose neighbours give the span ("14:31 — spent a while diffing the config" before "14:44 —
…"); for words of sequence, in a sentence that gives the clock time they follow ("at 14:52
the metadata service stopped, and shortly after that …"); and, for a day told only relative
to now ("last week"), in a document that names the incident's day itself, where such a day
dates something else (an earlier problem) or repeats the day given; for a length ("took a
while"), in a sentence that gives its two ends on the clock ("(14:40–15:05)").
"""

from __future__ import annotations

import re

from ..models import Document, per_document
from ..parse.views import summary_sections
from ..text.joins import range_join
from ..text.times import TIME_RE, has_date
from .vague_place import Place


def timed(place: Place) -> bool:
    """The words stand in a timeline entry (a list item, a row or a line) stamped with a
    clock time: the timeline's times bound how long it took."""
    if "timeline" not in place.section.kinds:
        return False
    text = place.block.text
    if place.block.kind not in ("item", "row"):  # a paragraph of entries: the words' line
        end = text.find("\n", place.span[1])
        text = text[text.rfind("\n", 0, place.span[0]) + 1 : end if end >= 0 else None]
    return TIME_RE.search(text) is not None


def clocked(place: Place) -> bool:
    """The words' sentence gives a clock time: words of sequence ("shortly after") follow
    an event placed on the clock. In a timeline, only their own entry counts: "shortly
    after" standing for an entry's time places it nowhere."""
    if "timeline" in place.section.kinds:
        return timed(place)
    return TIME_RE.search(place.block.text[slice(*place.sentence)]) is not None


def spanned(place: Place) -> bool:
    """The words' sentence gives a range of two clock times ("it took a while to drain the
    queue (14:40–15:05)"): how long is on the clock."""
    text = place.block.text[slice(*place.sentence)]
    times = list(TIME_RE.finditer(text))
    pairs = zip(times, times[1:], strict=False)
    return any(range_join().match(text[a.end() : b.start()]) for a, b in pairs)


# a day of the week names the day ("on Thursday at 4:20pm"), as a date does
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def dated(place: Place) -> bool:
    """The document names the incident's day (a date or a day of the week) in its summary
    or its timeline."""
    return place.doc is not None and _dates_incident(place.doc)


@per_document
def _dates_incident(doc: Document) -> bool:
    told = [s for s in doc.sections if "timeline" in s.kinds] + summary_sections(doc)
    return any(has_date(b.text) or _WEEKDAY.search(b.text) for s in told for b in s.blocks)
