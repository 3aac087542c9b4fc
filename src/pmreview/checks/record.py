"""The facts record's parts as typed values; the record itself is JSON as it stands.

`schemas/facts.schema.json` describes the same record for profile authors; a test validates
the facts of every test and corpus document against it.
"""

from __future__ import annotations

from typing import TypedDict

from ..models import Document, Section, TimeRef
from ..text.sentences import without_tags
from ..text.times import with_zone
from .semantics import Evidence


class Place(TypedDict):
    """Where a section starts, its title as written, and the words at `line` that show it
    (the title; for untitled text, its first words)."""

    line: int
    title: str
    text: str


class TimeFact(TypedDict):
    """A clock time as written (with the zone written next to it), where, and its zone (None:
    none written next to it)."""

    text: str
    line: int
    column: int
    timezone: str | None


class ZoneFact(TypedDict):
    """The summary's timezone: a zoned time, or the document's zone statement, as written."""

    text: str
    line: int
    column: int
    timezone: str


class Summary(TypedDict):
    present: Place | None
    start_time: TimeFact | None
    end_time: TimeFact | None
    duration: Evidence | None
    timezone: ZoneFact | TimeFact | None
    impact: Evidence | None
    affected_share: Evidence | None
    root_cause: Evidence | None


class Zone(TypedDict):
    """The timeline's zone: the words that state it (the zone statement, or the first timed
    entry's time and zone) and where they start."""

    text: str
    line: int
    column: int
    timezone: str


class Entry(TypedDict):
    """A timeline entry: its first line (up to 120 characters) and its form."""

    line: int
    text: str
    list_item: bool
    time: str | None
    timezone: str | None
    sentences: int
    single: bool


class Timeline(TypedDict):
    present: Place | None
    timezone: Zone | None
    entries: list[Entry]
    detection: Evidence | None
    actions: Evidence | None
    misleading: Evidence | None
    escalation: Evidence | None
    resolution: Evidence | None


class Part(TypedDict):
    """The root cause or the resolution: its section, and the sentence that gives detail."""

    present: Place | None
    detail: Evidence | None


class TaskFact(TypedDict):
    """A task of the measures (its first line, up to 160 characters) and what it names."""

    line: int
    text: str
    owner: str | None
    ticket: str | None
    due: str | None
    concrete: bool


class Measures(TypedDict):
    present: Place | None
    improvements: Evidence | None
    tasks: list[TaskFact]


class Facts(TypedDict):
    sections: dict[str, Place]
    summary: Summary
    timeline: Timeline
    root_cause: Part
    resolution: Part
    measures: Measures
    zone_statement: str | None
    lines: int


def place(sec: Section) -> Place:
    """Where a section is: its title's line, or for untitled text its first line with words
    (an HTML tag alone, `<p class="lead">`, is none)."""
    first = next((b for b in sec.blocks if b.text.strip()), None)
    if sec.title or first is None:
        return {"line": sec.line, "title": sec.title, "text": sec.title}
    lines = first.text.split("\n")
    at = next((i for i, t in enumerate(lines) if without_tags(t).strip()), 0)
    words = lines[at].strip()[:120]
    return {"line": (sec.line or first.line) + at, "title": sec.title, "text": words}


def shown_place(doc: Document, secs: list[Section], *kinds: str) -> Place:
    """Where the first of `secs` is; the document's title is a section of a kind only by
    accident of its words ("Incident report: `todo-api` pods…" is not the action items), so
    another of `secs` whose own title names one of `kinds` shows it when there is one."""
    title = doc.sections[0] if doc.sections and doc.sections[0].level == 1 else None
    named = (s for s in secs if s is not title and s.kinds.intersection(kinds))
    return place(next(named, secs[0]))


def time_fact(doc: Document, t: TimeRef) -> TimeFact:
    """A clock time with the zone written next to it, as the document has them."""
    line = doc.source.lines[t.line - 1]
    start, end = with_zone(line, t.column - 1, t.column - 1 + len(t.raw))
    return {"text": line[start:end], "line": t.line, "column": start + 1, "timezone": t.tz}
