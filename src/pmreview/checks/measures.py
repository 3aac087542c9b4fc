"""The measures' facts: their section, whether they say what to improve, and their tasks with
the owner, ticket and due date each names (text/task_parts.py, as the action-item rules read
them)."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.views import measure_blocks, measure_items, sections_of
from ..text.task_parts import assignment
from . import semantics as sem
from .record import Measures, TaskFact, place
from .semantics import find_sentence

_MARKER = re.compile(r"^\s*(?:[-*+•●]|\d+[.)]|\|)?\s*(?:\[[ xX]\]\s*)?")


def measures(doc: Document) -> Measures:
    secs = sections_of(doc, "measures", "action_items")
    blocks = measure_blocks(doc)
    text = "\n".join(b.text for b in blocks)
    tasks = [t for b in measure_items(doc) if (t := _task(doc, b)) is not None]
    return {
        "present": place(secs[0]) if secs else None,
        "improvements": (
            find_sentence(blocks, re.compile(r"\b\w{4,}\b")) if sem.words(text) >= 6 else None
        ),
        "tasks": tasks,
    }


def _task(doc: Document, block: Block) -> TaskFact | None:
    """A list item or table row of two words or more (its first line, markers removed)."""
    text = _MARKER.sub("", block.text.split("\n")[0]).strip()
    if sem.words(text) < 2:
        return None
    found = assignment(doc, block)
    return {
        "line": block.line,
        "text": text[:160],
        "owner": found.owner,
        "ticket": found.ticket,
        "due": found.due,
    }
