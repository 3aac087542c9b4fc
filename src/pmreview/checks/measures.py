"""The measures' facts: their section, whether they say what to improve, and their tasks with
the owner, ticket and due date each names (text/task_parts.py, as the action-item rules read
them)."""

from __future__ import annotations

import re

from ..models import Block, Document
from ..parse.titles import kinds_of
from ..parse.views import sections_of
from ..text.borrowed import assignment_section
from ..text.prefilter import Lazy
from ..text.task_parts import assignment
from . import semantics as sem
from .record import Measures, TaskFact, place
from .semantics import find_sentence

_MARKER = re.compile(r"^\s*(?:[-*+•●]|\d+[.)]|\|)?\s*(?:\[[ xX]\]\s*)?")


def measures(doc: Document) -> Measures:
    """The measures sections' facts; a section that is the assignment's own text (a README's
    "Tasks": what to write) is none of them."""
    secs = [
        s for s in sections_of(doc, "measures", "action_items") if not assignment_section(s.blocks)
    ]
    blocks = [b for s in secs for b in s.blocks]
    text = "\n".join(b.text for b in blocks)
    items = [b for b in blocks if b.kind in ("item", "row")]
    tasks = [t for b in items if (t := _task(doc, b)) is not None]
    return {
        "present": place(secs[0]) if secs else None,
        "improvements": (
            find_sentence(blocks, re.compile(r"\b\w{4,}\b"), unless=_LABEL.compiled)
            if sem.words(text) >= 6
            else None
        ),
        "tasks": tasks,
    }


def _subheading(text: str) -> bool:
    """A label that titles a part of the measures ("Tasks to address the issue:"), not a
    task named by its topic ("Automated testing: add tests for the pool settings")."""
    label = text.rstrip("*_ ")
    return label.endswith(":") and bool(kinds_of(label[:-1]) & {"measures", "action_items"})


# a label or a title alone ("**Improvements/Fixes:**", "**My first postmortem**"): it
# introduces what follows and says nothing itself
_LABEL = Lazy(r"^[\s>*+•●-]*(?:\d+[.)]\s*)?(?:\*\*[^*\n]+\*\*|__[^_\n]+__|[^:\n]{1,60}:)[\s*_:]*$")


def _task(doc: Document, block: Block) -> TaskFact | None:
    """A list item or table row of two words or more (its first line, markers removed); a
    sub-heading of the measures set as an item ("- **Improvements/Fixes:**") is none."""
    text = _MARKER.sub("", block.text.split("\n")[0]).strip()
    if sem.words(text) < 2 or _subheading(text):
        return None
    found = assignment(doc, block)
    return {
        "line": block.line,
        "text": text[:160],
        "owner": found.owner,
        "ticket": found.ticket,
        "due": found.due,
    }
