"""The summary's timezone: a zone written with its times, or stated over them (in the
summary's title, in the header of the table that holds them, or once for the document)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Document
from ..parse.timeline import ZoneWords, zone_words
from ..parse.views import summary_blocks, summary_sections, summary_times
from ..text.prefilter import Lazy
from ..text.span import Span
from ..text.zones import ZONE, search_zone_statement
from .record import ZoneFact, time_fact

# a zone alone in brackets in a title or a table's label: "Summary (UTC)", "Start [EAT]"
_BRACKETED = Lazy(rf"[(\[]\s*(?P<tz>{ZONE})\s*[)\]]")
# a zone written after a time's label: "Time UTC", "Start, EAT", "When (in GMT)"
_LABELLED = Lazy(rf"\b(?:times?|start|end|when|date|clock)\W{{0,3}}(?:in\s+)?(?P<tz>{ZONE})", re.I)
_SEPARATOR = re.compile(r"^\s*+\|?\s*+:?-{3}")  # the line under a table's header row


def summary_zone(doc: Document, span: Span) -> ZoneFact | None:
    """The outage's start or end written with a zone, else the first summary time written
    with one (not an example window's "00:00-01:00" before the outage's "10:00 AEDT"), else
    (when the summary has a time at all) a zone stated over its times: in a summary title
    ("Summary (all times UTC)"), a table's header or label cell ("| Start (UTC) | 10:00 |"),
    or the document's zone statement outside the timeline ("All times in PDT")."""
    own = [p.time for p in (span.start, span.end) if p and p.time.tz]
    # written with its zone beside it ("11:15 UTC"), not a start that only shares it
    own = [t for t in own if len(time_fact(doc, t)["text"]) > len(t.raw)]
    zoned = own[0] if own else span.zoned
    if zoned:
        return {**time_fact(doc, zoned), "timezone": zoned.tz or ""}
    if not (summary_times(doc) or span.start or span.end):  # "at midnight" is a time too
        return None
    found = _in_title(doc) or _in_table(doc)
    if found:
        return found
    words = zone_words(doc.source, doc.sections, timeline=False) or _for_the_report(doc)
    if words is None:
        return None
    return {"text": words.text, "line": words.line, "column": words.column, "timezone": words.tz}


# a statement that names the whole document as its scope: "All times in this report are
# UTC", "Times throughout this document are EAT", not "All times in this timeline are UTC"
_WHOLE = Lazy(
    r"\b(?:(?:this|the|our)\s+(?:report|document|postmortem|post-mortem|review|write-?up"
    r"|retrospective|analysis)|throughout)\b",
    re.I,
)


def _for_the_report(doc: Document) -> ZoneWords | None:
    """A zone statement under the timeline that says it holds for the whole report."""
    words = zone_words(doc.source, doc.sections)
    return words if words and _WHOLE.compiled.search(words.text) else None


def _in_title(doc: Document) -> ZoneFact | None:
    """A zone stated in a summary section's title: "Summary (all times UTC)", "Summary (EAT)"."""
    for sec in summary_sections(doc):
        m = search_zone_statement(sec.title) or _BRACKETED.compiled.search(sec.title)
        if m and 0 < sec.line <= len(doc.source.lines):
            return _fact(doc.source.lines[sec.line - 1], sec.line, m.group(0), m.group("tz"))
    return None


def _in_table(doc: Document) -> ZoneFact | None:
    """A zone over a summary table's times: in its header ("| Time (EAT) | What |") or in the
    label cell of the row that holds the time ("| Start (UTC) | 10:00 |")."""
    lines = doc.source.lines
    timed = {t.line for t in summary_times(doc)}
    for b in summary_blocks(doc):
        if b.kind != "row" or b.line not in timed:
            continue
        head = _header(lines, b.line)
        places = [(b.line, lines[b.line - 1].strip().strip("|").split("|")[0])]
        places += [(head, _cells(lines[head - 1]))] if head else []
        for at, cells in places:
            m = _BRACKETED.compiled.search(cells) or _LABELLED.compiled.search(cells)
            if m:
                return _fact(lines[at - 1], at, m.group(0), m["tz"])
    return None


def _header(lines: Sequence[str], row: int) -> int | None:
    """The line of the header row of the table that holds line `row` (1-based), if it has
    one: the row above the separator line at the table's top."""
    top = row
    while top > 1 and lines[top - 2].lstrip().startswith("|"):
        top -= 1
    if top + 1 < row and _SEPARATOR.match(lines[top]):
        return top
    return None


def _cells(line: str) -> str:
    """A header row's cells, one after another (the bars between them as spaces)."""
    return " ".join(c.strip() for c in line.strip().strip("|").split("|"))


def _fact(line: str, at: int, words: str, tz: str) -> ZoneFact:
    return {"text": words, "line": at, "column": max(line.find(words) + 1, 1), "timezone": tz}
