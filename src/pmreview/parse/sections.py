"""Blocks -> sections: each titled part with its kinds (untitled documents: paragraphs.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..models import Block, Section
from ..resources import load_toml
from ..text.entry_times import leading_time
from ..text.post_titles import is_posts_title, is_status_title, is_updates_title
from ..text.task_parts import is_done, is_imperative
from ..text.tasks import task_of
from ..text.times import has_date
from .fact_sheet import document_title
from .timeline import has_time
from .titles import Mark, kinds_of, normalise_title


def sectionize(blocks: list[tuple[Block, Mark | None]]) -> list[Section]:
    opening = Section("", frozenset(), 0, 1, "opening", 0)
    sections = [opening]
    parent: Section | None = None  # the last section with a kind, for untitled sub-sections
    timeline: int | None = None  # the level of the heading titled as the timeline, under it
    title = document_title(blocks)
    for i, (block, mark) in enumerate(blocks):
        if mark is None:
            sections[-1].blocks.append(block)
            continue
        own = _title_kinds(blocks, i) if i == title else mark.kinds
        timeline = _timeline_level(sections, timeline, mark)
        kinds = own
        if timeline is not None and _timed_chapter(mark, timeline):
            own, kinds = frozenset(), frozenset({"timeline"})  # "### 10:45 AM: Fix testing"
        elif not kinds and parent is not None and mark.level > parent.level:
            kinds = parent.kinds
        sec = Section(
            mark.title.strip(),
            kinds,
            mark.line,
            mark.column,
            mark.style,  # type: ignore[arg-type]
            mark.level,
        )
        sections.append(sec)
        if own:
            parent = sec
        elif mark.level <= (parent.level if parent else 0):
            parent = None
    _timeline_subsections(sections)
    _planned_remediation(sections)
    return [s for s in sections if s.style != "opening" or s.blocks]


def _timeline_level(sections: list[Section], level: int | None, mark: Mark) -> int | None:
    """The level of the heading titled as the timeline that `mark` is under, if any."""
    if mark.style not in ("atx", "setext"):
        return level
    if level is not None and mark.level > level:
        return level
    last = sections[-1]
    if last.style in ("atx", "setext") and "timeline" in kinds_of(last.title):
        return last.level if mark.level > last.level else None
    return None


def _timed_chapter(mark: Mark, level: int) -> bool:
    """A heading under the timeline's that opens with a clock time ("### 10:45-11:37 AM: Fix
    development & testing", "### ~9:43 AM: Identifying the issue"): a stretch of the
    timeline named by what happened in it, not a section of the kind its words name."""
    return (
        mark.level > level
        and mark.style in ("atx", "setext")
        and leading_time(mark.title.strip().lstrip("~≈").strip()) is not None
    )


def posts_unmarked(blocks: list[tuple[Block, Mark | None]]) -> list[tuple[Block, Mark | None]]:
    """Under a heading that holds a status page's posts ("Status updates"), a post's status
    ("**Resolved** — This incident has been resolved.", "**Monitoring**") opens no section:
    it labels a post, and the posts stay the record the heading quotes."""
    out: list[tuple[Block, Mark | None]] = []
    level: int | None = None  # the level of the heading over the posts
    for block, mark in blocks:
        if mark is not None and mark.style in ("atx", "setext"):
            if level is not None and mark.level <= level:
                level = None
            if is_posts_title(mark.title) or is_updates_title(mark.title):
                level = mark.level
        elif mark is not None and level is not None and is_status_title(mark.title):
            if not mark.inline:  # a status on a line of its own: a line of the post
                out.append((replace(block, kind="paragraph"), None))
            continue
        out.append((block, mark))
    return out


def facts_unmarked(blocks: list[tuple[Block, Mark | None]]) -> list[tuple[Block, Mark | None]]:
    """A heading that is a labelled fact with nothing under it ("## Date: 12 March 2023" over
    "## Time: 05:13 UTC"), not the document's first: a fact shown large (above the Summary
    heading, a fact of the summary, spec/checks.md), not a section. Its label names no part
    ("## Timeline: 14:00-15:00 UTC" is one) and its value gives a date or a clock time."""
    first = next((i for i, (_, m) in enumerate(blocks) if m is not None), None)
    out: list[tuple[Block, Mark | None]] = []
    for i, (block, mark) in enumerate(blocks):
        nxt = blocks[i + 1][1] if i + 1 < len(blocks) else None
        if (
            mark is not None
            and i != first
            and mark.style in ("atx", "setext")
            and (nxt is not None or i + 1 == len(blocks))
            and (fact := _heading_fact(mark))
        ):
            out.append((Block("paragraph", mark.line, mark.line, fact, mark.column), None))
            continue
        out.append((block, mark))
    return out


def _heading_fact(mark: Mark) -> str | None:
    """The title "Time: 05:13:57 UTC" as a fact, None for any other."""
    m = _LABELLED.match(mark.title.strip())
    if m is None or mark.kinds or kinds_of(m["label"]):
        return None
    return mark.title.strip() if has_date(m["value"]) or has_time(m["value"]) else None


_LABELLED = re.compile(r"^(?P<label>[A-Za-z][\w ()/&.-]{0,30}):\s+(?P<value>\S.*)$")


def _title_kinds(blocks: list[tuple[Block, Mark | None]], title: int) -> frozenset[str]:
    """The kinds of the document's title ("# Root cause analysis: the lost uploads") that no
    section below names: where a "## Root cause" follows, the title names the document, and
    that section is the root cause. A title that names the summary keeps it: the summary
    is read from the title down (`views.summary_sections`)."""
    below = frozenset().union(*(m.kinds for _, m in blocks[title + 1 :] if m is not None))
    mark = blocks[title][1]
    return frozenset() if mark is None else mark.kinds - (below - {"summary"})


def end_lines(sections: list[Section]) -> list[Section]:
    """Each section ends where the next begins (the last one at its last block)."""
    for sec, nxt in zip(sections, [*sections[1:], None], strict=False):
        last = max((b.end_line for b in sec.blocks), default=sec.line)
        sec.end_line = (nxt.line - 1) if nxt is not None else last
    return sections


_TIMELINE_PARTS = {"detection", "escalation", "misleading", "resolution"}


def _timeline_subsections(sections: list[Section]) -> None:
    """An empty "Timeline" title followed by "Detection", "Actions taken", "Escalation"…
    parts: those parts are the timeline's sub-sections."""
    for i, sec in enumerate(sections):
        if not sec.has("timeline") or sec.blocks:
            continue
        for sub in sections[i + 1 :]:
            if (
                sub.level < sec.level
                or (sub.kinds - _TIMELINE_PARTS)
                or (sub.style in ("atx", "setext") and sub.level == sec.level)
            ):
                break
            sub.kinds = sub.kinds | {"timeline"}


def _planned_remediation(sections: list[Section]) -> None:
    """A section whose title names the fix or the work after it ("Remediation", "Mitigation
    and prevention") and whose items are all work still to do ("Add an alert on …", "We will
    move …") is the measures only: it tells no fix. One that lists what was done stays the
    resolution too."""
    either = _either_titles()
    for sec in sections:
        if not sec.has("resolution") or not (
            sec.has("measures") or either.search(normalise_title(sec.title))
        ):
            continue
        items = [t for b in sec.blocks if b.kind == "item" and b.depth == 0 and (t := task_of(b))]
        if len(items) >= 2 and all(is_imperative(t) and not is_done(t) for t in items):
            sec.kinds = (sec.kinds - {"resolution"}) | {"measures"}


@cache
def _either_titles() -> re.Pattern[str]:
    spec = load_toml("sections.toml")["kinds"]["resolution"]
    return re.compile("|".join(spec["either_titles"]))
