"""The facts record's parts as typed values; the record itself is JSON as it stands.

`schemas/facts.schema.json` describes the same record for profile authors; a test validates
the facts of every test and corpus document against it.
"""

from __future__ import annotations

from typing import TypedDict

from .semantics import Evidence


class Place(TypedDict):
    """Where a section starts, and its title as written."""

    line: int
    title: str


class TimeFact(TypedDict):
    """A clock time as written, where, and its zone (None: none written next to it)."""

    text: str
    line: int
    column: int
    timezone: str | None


class ZoneFact(TypedDict):
    """The summary's timezone: a zoned time, or the document's statement (no position)."""

    text: str
    line: int | None
    column: int | None
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
    text: str


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


def place(line: int, title: str) -> Place:
    return {"line": line, "title": title}
