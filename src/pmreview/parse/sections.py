"""Blocks -> sections: each titled part with its kinds; untitled documents cut by paragraph."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..models import Block, Section
from ..resources import load_toml
from ..text.task_parts import is_done, is_imperative
from ..text.tasks import task_of
from .fact_sheet import document_title, names_the_document
from .timeline import has_time
from .titles import Mark, normalise_title


def sectionize(blocks: list[tuple[Block, Mark | None]]) -> list[Section]:
    opening = Section("", frozenset(), 0, 1, "opening", 0)
    sections = [opening]
    parent: Section | None = None  # the last section with a kind, for untitled sub-sections
    title = document_title(blocks)
    for i, (block, mark) in enumerate(blocks):
        if mark is None:
            sections[-1].blocks.append(block)
            continue
        own = _title_kinds(blocks, i) if i == title else mark.kinds
        kinds = own
        if not kinds and parent is not None and mark.level > parent.level:
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


@cache
def _paragraph_kinds() -> list[tuple[str, re.Pattern[str]]]:
    """The kinds a paragraph's words give it in a document with no section titles."""
    data = load_toml("sections.toml")["kinds"]
    return [
        (kind, re.compile("|".join(spec["paragraph_patterns"]), re.I))
        for kind, spec in data.items()
        if "paragraph_patterns" in spec
    ]


def paragraph_sections(sections: list[Section]) -> list[Section]:
    """A document with no section titles is judged on its paragraphs: the first real paragraph
    is the summary; the others get the kinds their words say (timed ones are the timeline)."""
    titled = [s for s in sections if s.style != "opening"]
    if not sections or len(titled) > 1 or (titled and not _document_title(titled[0])):
        return sections
    # no section title, or only the document's title: a top heading, which names the
    # document even when its words name a kind ("Summary of the … event")
    opening = sections[-1]
    out = [*sections[:-1], replace(opening, blocks=[], kinds=frozenset())]
    summary_seen = False
    for b in opening.blocks:
        words = len(re.findall(r"[A-Za-z]{2,}", b.text))
        kinds: set[str] = set()
        if not summary_seen and (words >= 15 or _summary_open(out)):
            kinds.add("summary")
            # a word to the reader ("We want to give you more detail about the outage on
            # May 3.") opens the summary; the paragraph that tells the incident joins it
            summary_seen = not addresses_reader(b.text)
        elif summary_seen:
            if has_time(b.text):
                kinds.add("timeline")
            kinds |= {k for k, p in _paragraph_kinds() if p.search(b.text)}
        if not kinds:
            out[-1].blocks.append(b)
            continue
        out.append(Section("", frozenset(kinds), b.line, 1, "paragraph", 9, [b], b.end_line))
    _cause_in_summary(out[len(sections) - 1 :])
    return [s for s in out if s.style != "opening" or s.blocks]


def _summary_open(out: list[Section]) -> bool:
    """Whether the last section so far is a summary paragraph waiting for the incident."""
    return out[-1].has("summary")


def addresses_reader(text: str) -> bool:
    """A paragraph that speaks to the reader rather than telling the incident: a greeting
    ("Dear customers,"), a byline ("Posted by the platform team"), or sentences that only
    say what the reader is given ("We want to provide you with more information about the
    outage on May 3."); a clock time means it tells the incident."""
    if has_time(text):
        return False
    told = [t.strip() for t in re.split(r"(?<=[.!?])\s+", text.strip()) if t.strip()]
    return bool(told) and all(_TO_READER.search(t) for t in told)


_TO_READER = re.compile(
    r"^\W*(?:(?:dear|hi|hello|hey|greetings)\b[^.!?]{0,60}$|(?:posted|written|published) by\b"
    r"|(?:we|i)(?:'d| would| want(?:ed)?| wish)?(?: like)?(?: to)? (?:provide|give|share|offer"
    r"|send|update|inform|tell|let)\b[^.!?]*\b(?:you|customers|users)\b)",
    re.IGNORECASE,
)


def _document_title(sec: Section) -> bool:
    """A heading that names no kind, or one that names the whole document."""
    return sec.style in ("atx", "setext") and (
        not sec.kinds or names_the_document(sec.title, sec.level)
    )


def _cause_in_summary(paragraphs: list[Section]) -> None:
    """Where no later paragraph states the cause, the summary paragraph that does ("… was
    caused by …") is the root-cause part too."""
    if any(s.has("root_cause") for s in paragraphs):
        return
    pattern = dict(_paragraph_kinds())["root_cause"]
    for sec in paragraphs:
        if sec.has("summary") and pattern.search(sec.blocks[0].text):
            sec.kinds = sec.kinds | {"root_cause"}
