"""Derived views on a Document that checks and rules share: "the summary", "the measures"."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Block, Document, Section, TimeRef, per_document
from ..resources import load_toml
from ..text.borrowed import borrowed_blocks
from .fact_sheet import names_the_document
from .labelled import (
    SUMMARY_PART,
    closed_record,
    facts_only,
    incident_facts,
    listed_fact,
    told_or_stated,
    without_headers,
)
from .opening import says_something, tells
from .summary_parts import leading_parts, own_parts
from .titles import kinds_of, normalise_title

_KINDS = load_toml("sections.toml")["kinds"]
_KNOWN = frozenset(_KINDS)
_SUMMARY_TITLES = [re.compile(t) for t in _KINDS["summary"]["summary_titles"]]
_SUMMARY_TITLE = re.compile("|".join(_KINDS["summary"]["summary_titles"]))


@per_document  # the facts record, the summary span and PM303 ask, several times each
def summary_sections(doc: Document) -> list[Section]:
    """The summary as spec/checks.md defines it.

    The summary section(s) with the Impact, Duration or Root-cause sections that follow before
    the timeline; with no summary section, everything before the first section of a known kind.
    A section that is a summary only by its words ("What happened") is the story, not the
    summary, below an opening that tells the incident or after a titled summary.
    """
    secs = doc.sections
    strong = _titled_summaries(secs)
    start = strong[0] if strong else next((i for i, s in enumerate(secs) if s.has("summary")), None)
    if (
        start is not None
        and not strong
        and (told := _told_opening(secs[:start], _title_level(secs)))
    ):
        return told  # "What happened" below a telling opening is the story, not the summary
    if start is None and (parts := leading_parts(secs)):
        return parts
    if start is None:
        out: list[Section] = []
        for s in secs:
            if out and _part_fact(s):
                out.append(replace(s, blocks=[b for b in s.blocks if b.line == s.line]))
                continue  # "**Duration:** 2 h (03:02 to 05:12 WAT)" under the title: a fact
            if (s.kinds & _KNOWN and s.style != "fact") or (s.style == "fact" and _fact_body(s)):
                break
            if out and _chapter(s, secs):  # "## 02:14", "## Down the wrong rabbit hole"
                said = [b for o in out for b in o.blocks if says_something(b)]
                if not said:
                    return []  # no text before the first section: no summary
                if any(tells(b) for b in said):
                    break  # the opening tells the incident: the chapters are the story
            out.append(replace(s, blocks=without_headers(s.blocks)))
        return [s for s in out if s.blocks or s.title.strip()]
    if start == 0 and not strong and _title_tells(secs):
        return [secs[0], *own_parts(secs[1:])]
    opening = _opening(secs[:start], _title_level(secs), _stands_alone(secs))
    above = opening or (_facts_above(secs, start) if strong else [])
    return [*above, secs[start], *_following(secs, start, bool(strong))]


def _facts_above(secs: list[Section], start: int) -> list[Section]:
    """Labelled facts right above the Summary heading under a summary title of their own
    ("### Incident Overview" over "**Date of incident:** …", "**Duration:** 2 hours", then
    "### Summary"): part of the summary (spec/checks.md). A section above it that tells
    anything in sentences ("Project Overview") is not."""
    out: list[Section] = []
    for s in reversed(secs[:start]):
        facts = bool(s.blocks) and all(b.kind != "row" and facts_only(b) for b in s.blocks)
        if _fact_part(s) or (facts and s.style == "inline") or listed_fact(s):
            out.insert(0, s)
        elif s.has("summary") and (facts or (not s.blocks and out)):
            return [s, *out]
        else:
            break
    return []


def _chapter(sec: Section, secs: list[Section]) -> bool:
    """A chapter of a story told under titles that name no part ("## 02:14", "## Down the
    wrong rabbit hole", "**ACT I**"), followed by another such chapter: with no text above it
    under the document's title, the document has no summary (spec/checks.md: the text before
    the first section), and the story is not one. A lone subtitle over the opening text ("# My
    first postmortem" then "## An outage I caused", then "## Timeline") is the opening."""
    if not _untitled_part(sec):
        return False
    after = secs[secs.index(sec) + 1 :]
    return bool(after) and _untitled_part(after[0]) and after[0].level == sec.level


def _untitled_part(sec: Section) -> bool:
    return sec.style in ("atx", "setext", "bold") and not sec.kinds and bool(sec.blocks)


def _title_tells(secs: list[Section]) -> bool:
    """A document title whose words name a summary ("# What happened when the replica
    stopped") over opening text that tells the incident: that text is the summary, and the
    sections under the title ("## The story", "## Background") are not, unless their own
    titles say so (they take the title's kinds only as sub-sections)."""
    return _stands_alone(secs) and any(tells(b) for b in secs[0].blocks if says_something(b))


def _title_level(secs: list[Section]) -> int:
    """The heading level of the document's title: 1, or that of a first heading that stands
    alone at the document's top level (a post titled "## …" whose sections are "### …")."""
    return secs[0].level if _stands_alone(secs) else 1


def _stands_alone(secs: list[Section]) -> bool:
    """Whether the first section is a heading above all the others ("# Outage" over "##")."""
    heads = [s for s in secs if s.style in ("atx", "setext")]
    return bool(heads) and heads[0] is secs[0] and all(s.level > heads[0].level for s in heads[1:])


def _following(secs: list[Section], start: int, strong: bool) -> list[Section]:
    """The sections after the summary section that belong to it: its Impact, Duration and
    Root-cause parts, its untitled sub-sections, and (after an untitled-kind summary) further
    summaries."""
    out = []
    # a summary title over labelled facts only ("INCIDENT SUMMARY" above "Ref: …") heads the
    # report: its first summary section by words ("1. Description") is the summary proper
    heads = strong and all(facts_only(b) for b in secs[start].blocks)
    for s in secs[start + 1 :]:
        if s.has("timeline"):
            break
        if (
            s.has("summary")
            and (not strong or heads or _SUMMARY_TITLE.search(normalise_title(s.title)))
            or s.kinds & SUMMARY_PART
            or (not s.kinds and s.level > secs[start].level)
        ):
            out.append(s)
        elif s.kinds:
            break
    return out


def _opening(before: list[Section], title: int, alone: bool) -> list[Section]:
    """The opening text under the document's title, above the summary section (part of the
    summary by spec/checks.md): its labelled facts (list items, "Start: 10:05 UTC" lines, the
    rows of a "Field | Value" table) and the paragraphs that tell the incident with a date or
    time, not a title, a link, a word about the write-up itself or the assignment's own
    text. A first heading above all the others titles the document even when its words name a
    kind ("# Outage", "# Incident report")."""
    heads = {
        id(s)
        for s in before
        if _heads_document(s, before) or (alone and s is before[0]) or _letterhead(s, before)
    }
    parts = [s for s in before if not _fact_part(s) and id(s) not in heads]
    # a heading with no words ("##" alone) titles nothing: its text is the opening's
    if len(parts) > 2 or any(
        s.kinds or (s.style != "opening" and s.level != title and s.title.strip()) for s in parts
    ):
        return []
    borrowed = borrowed_blocks(b for s in before for b in s.blocks)
    record = closed_record([b for s in before for b in s.blocks])
    told = [
        replace(
            s,
            blocks=[
                fact
                for b in s.blocks
                if id(b) not in borrowed
                for fact in incident_facts(b, record)
                if told_or_stated(fact, record)
            ],
            kinds=frozenset() if id(s) in heads else _own_kinds(s),
        )
        for s in before
    ]
    return [s for s in told if s.blocks]


def _own_kinds(sec: Section) -> frozenset[str]:
    """A labelled line's kinds save the summary's ("**Incident:** INC-7" is a fact of the
    summary, not the summary section); another section's kinds as they are."""
    return sec.kinds - {"summary"} if sec.style == "inline" else sec.kinds


def _heads_document(sec: Section, before: list[Section]) -> bool:
    """The document's title written as a bold first line, which names the document even when
    its words name a kind ("**Incident report - expired certificate on shop.example**")."""
    return sec is before[0] and sec.style == "bold" and names_the_document(sec.title, 1)


def _letterhead(sec: Section, before: list[Section]) -> bool:
    """A bold line right under the title whose words name no part, over labelled facts only
    ("**Acme Networks — Operations**" above "**Window:** …"): who wrote the report, not a
    section of it, so the facts under it are the summary's."""
    return (
        len(before) > 1
        and sec is before[1]
        and sec.style == "bold"
        and not kinds_of(sec.title)
        and bool(sec.blocks)
        and all(b.kind == "paragraph" and facts_only(b) for b in sec.blocks)
    )


def _part_fact(sec: Section) -> bool:
    """A labelled line of a summary part, read as an inline section ("**Impact:** …")."""
    return sec.style == "inline" and bool(sec.kinds) and sec.kinds <= SUMMARY_PART


def _fact_part(sec: Section) -> bool:
    """A labelled fact written as its own line, which the parser reads as an inline section:
    of a summary part ("**Duration:** 75 min", "Impact: …"), or of any kind when the line is
    all the section holds ("**Date of event:** 9 May", "**Incident window:** 14:02–14:40")."""
    if sec.style != "inline":
        return False
    if _part_fact(sec):
        return True
    return len(sec.blocks) == 1 and sec.blocks[0].line == sec.line and facts_only(sec.blocks[0])


def _titled_summaries(secs: list[Section]) -> list[int]:
    """The sections titled as a summary proper, by the first title of the table that any
    matches ("Summary" before "Overview": a "Project Overview" above the "Issue Summary")."""
    for title in _SUMMARY_TITLES:
        found = [
            i
            for i, s in enumerate(secs)
            if s.has("summary") and title.search(normalise_title(s.title))
        ]
        if found:
            return found
    return []


def _told_opening(before: list[Section], title: int) -> list[Section]:
    """The document's opening text (under its title, before the first section) when it tells
    the incident: then a section that is a summary only by its words ("What happened") is the
    story that follows, and the opening is the summary (spec/checks.md). Its paragraphs count
    whole once one of them tells the incident with a date or time."""
    first = before[:1]
    if not first or first[0].kinds or (first[0].style != "opening" and first[0].level != title):
        return []
    borrowed = borrowed_blocks(first[0].blocks)
    own = [b for b in first[0].blocks if id(b) not in borrowed and says_something(b)]
    return [replace(first[0], blocks=own)] if any(tells(b) for b in own) else []


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
