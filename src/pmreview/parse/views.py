"""Derived views on a Document that checks and rules share: "the summary", "the measures"."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Block, Document, Section, TimeRef, per_document
from ..resources import load_toml
from ..text.borrowed import borrowed_blocks
from ..text.times import has_date
from .timeline import find_times_in
from .titles import kinds_of, normalise_title

_KINDS = load_toml("sections.toml")["kinds"]
_KNOWN = frozenset(_KINDS)
_SUMMARY_PART = frozenset(k for k, spec in _KINDS.items() if spec.get("summary_part"))
_SUMMARY_TITLE = re.compile("|".join(_KINDS["summary"]["summary_titles"]))


@per_document  # the facts record, the summary span and PM303 ask, several times each
def summary_sections(doc: Document) -> list[Section]:
    """The summary as spec/checks.md defines it.

    The summary section(s) with the Impact, Duration or Root-cause sections that follow before
    the timeline; with no summary section, everything before the first section of a known kind.
    """
    secs = doc.sections
    strong = [
        i
        for i, s in enumerate(secs)
        if s.has("summary") and _SUMMARY_TITLE.search(normalise_title(s.title))
    ]
    start = strong[0] if strong else next((i for i, s in enumerate(secs) if s.has("summary")), None)
    if start is None:
        out = []
        for s in secs:
            if (s.kinds & _KNOWN and s.style != "fact") or (s.style == "fact" and _fact_body(s)):
                break
            out.append(s)
        return out
    out = [*_opening(secs[:start]), secs[start]]
    for s in secs[start + 1 :]:
        if s.has("timeline"):
            break
        if (
            s.has("summary")
            or s.kinds & _SUMMARY_PART
            or (not s.kinds and s.level > secs[start].level)
        ):
            out.append(s)
        elif s.kinds:
            break
    return out


def _opening(before: list[Section]) -> list[Section]:
    """The opening text under the document's title, above the summary section (part of the
    summary by spec/checks.md): its labelled facts and the paragraphs that tell the incident
    with a date or time, not a title, a link, a word about the write-up itself or the
    assignment's own text."""
    if len(before) > 2 or any(s.kinds for s in before):
        return []
    if any(s.style != "opening" and s.level != 1 for s in before):
        return []
    borrowed = borrowed_blocks(b for s in before for b in s.blocks)
    told = [
        replace(s, blocks=[b for b in s.blocks if _tells(b) and id(b) not in borrowed])
        for s in before
    ]
    return [s for s in told if s.blocks]


def _tells(block: Block) -> bool:
    if block.kind == "item":
        return True
    words = re.sub(r"\S+://\S+|<[^>]*>", " ", block.text)
    return len(re.findall(r"[A-Za-z]{2,}", words)) >= 12 and (
        has_date(words) or bool(find_times_in(words))
    )


_BODY_PARTS = frozenset({"root_cause", "resolution", "measures", "action_items", "lessons"})


def _fact_body(sec: Section) -> bool:
    """A fact-sheet part that tells the incident rather than stating one of its facts: the
    root cause, the fix, the measures, or an untitled-kind list ("Context"). The facts above
    the first of these ("Key events", "Time to repair", "Impact") are the summary."""
    kinds = kinds_of(sec.title)
    items = sum(1 for b in sec.blocks if b.kind == "item")
    return bool(kinds & _BODY_PARTS) or (not kinds and items >= 2)


def summary_blocks(doc: Document) -> list[Block]:
    return [b for s in summary_sections(doc) for b in s.blocks]


def lines_of(blocks: list[Block]) -> set[int]:
    return {n for b in blocks for n in range(b.line, b.end_line + 1)}


def summary_times(doc: Document) -> list[TimeRef]:
    """Clock times written in the summary (not in quoted log lines or code)."""
    lines = lines_of(summary_blocks(doc))
    return [t for t in doc.times if t.line in lines]


def sections_of(doc: Document, *kinds: str) -> list[Section]:
    return [s for s in doc.sections if s.kinds & set(kinds)]


def measure_blocks(doc: Document) -> list[Block]:
    return [b for s in sections_of(doc, "measures", "action_items") for b in s.blocks]


def measure_items(doc: Document) -> list[Block]:
    """The list items and table rows of the measures sections: the tasks."""
    return [b for b in measure_blocks(doc) if b.kind in ("item", "row")]
