"""Which of the summary's times may be the outage's start: the words before a time, the order
of two times, and the times told as the detection's (text/span.py reads the span with them)."""

from __future__ import annotations

from ..models import Document
from . import span_cues as cues
from .stated import Stated


def may_start(doc: Document, clusters: list[Stated], ends: list[bool]) -> list[int]:
    """The times that may be the start: not an end, and not the detection's unless nothing
    else is told as early ("First detected: 13:42 … Incident declared: 15:12": the detection
    is the earliest the outage is known to have begun)."""
    told = [i for i, e in enumerate(ends) if not e]
    found = [i for i in told if detected(doc, clusters, i)]
    starts = [i for i in told if i not in found]
    if found and starts and all(is_later(clusters[found[0]], clusters[i]) for i in starts):
        return sorted([found[0], *starts])
    return starts


def detected(doc: Document, clusters: list[Stated], i: int) -> bool:
    """A time labelled or told as the detection's ("| **Detected** | 10:34 |", "Reported:
    09:12", "was reported on 5 May, 18:00", "At 21:28 we received a report"): when the outage
    was found, not when it began."""
    before = words_before(doc, clusters, i)
    if cues.DETECTED_LABEL.compiled.search(before) or cues.REPORTED_BEFORE.compiled.search(before):
        return True
    c = clusters[i].all[-1]
    text = doc.source.lines[c.line - 1]
    after = cues.REPORTED_AFTER.compiled.match(text, c.column - 1 + len(c.raw))
    return after is not None and cues.FAILURE.compiled.search(after["gap"]) is None


def is_later(a: Stated, b: Stated) -> bool:
    """Whether b is after a: later on the same day (neither dated, or both on the same date),
    or on a later date."""
    x, y = a.time.minutes, b.time.minutes
    if a.date is not None and b.date is not None and a.date != b.date:
        return b.date > a.date
    return x is not None and y is not None and a.date == b.date and y > x


def words_before(doc: Document, clusters: list[Stated], i: int) -> str:
    """The words before cluster i on its line, after the previous time there."""
    c = clusters[i]
    text = doc.source.lines[c.time.line - 1]
    prev = clusters[i - 1].all[-1] if i else None
    begin = prev.column - 1 + len(prev.raw) if prev and prev.line == c.time.line else 0
    return text[begin : c.time.column - 1]
