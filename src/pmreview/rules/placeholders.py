"""Placeholder rule: template text left in a document that is about to be shared."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..models import Block, Document, Hit, Section
from ..text.prefilter import Lazy, may_match
from . import Rule
from ._text import blocks, hit_at

_TASK_KINDS = {"measures", "action_items"}
_NEAR_FORMAT = Lazy(r"\b(?:format|formatted|as in|like|e\.g\.?|i\.e\.?)[\sA-Z:/.-]{0,24}$")
_CODE = re.compile(r"`[^`\n]*`")

# (pattern, what it is, where it does not count, strings one of which every match contains:
# see text.prefilter.may_match)
_TABLE: tuple[tuple[Lazy, str, str, tuple[str, ...]], ...] = (
    (Lazy(r"\bTB[DAC]\b"), "an undecided value", "tasks", ("TB",)),
    (
        Lazy(r"\bTODO\b(?!\s+list)(?=\s*[:\-–—(]|\s*$|\s+\w)", re.M),
        "a to-do note",
        "tasks",
        ("TODO",),
    ),
    (Lazy(r"\bFIXME\b|\bXXX\b"), "a fix-me note", "", ("FIXME", "XXX")),
    (Lazy(r"\blorem ipsum\b", re.I), "filler text", "", ("lorem",)),
    (
        Lazy(r"(?<![\w?])\?{3,}(?![\w?])|\?\?:\?\?"),
        "question marks standing in for a value",
        "",
        ("??",),
    ),
    (
        Lazy(r"\b(?:XX|xx):(?:XX|xx)\b|\bHH:MM(?::SS)?\b"),
        "a time pattern",
        "format",
        ("X:", "x:", "HH:MM"),
    ),
    (
        Lazy(
            r"\b(?:YYYY|yyyy)[-/.](?:MM|mm)[-/.](?:DD|dd)\b|"
            r"\b(?:DD|dd|MM|mm)[-/.](?:MM|mm|DD|dd)[-/.](?:YYYY|yyyy|YY|yy)\b"
        ),
        "a date pattern",
        "format",
        ("YY", "yy"),
    ),
    (
        Lazy(
            r"\[(?:insert|add|enter|fill(?:\s+in)?|your|describe|placeholder|tbd|todo|"
            r"name of|link to|link here|date|time)\b[^\]\n]{0,100}\](?!\()",
            re.I,
        ),
        "a bracketed placeholder",
        "",
        ("[",),
    ),
    (
        Lazy(
            r"<(?:date|time|name|owner|link|url|service|team|company|insert[^<>\n]*|"
            r"your[^<>\n]*|tbd|todo|placeholder|description|timezone|duration|number|"
            r"value|details?|[a-z]+ here)>",
            re.I,
        ),
        "an angle-bracket placeholder",
        "",
        ("<",),
    ),
    (
        Lazy(
            r"\bX{1,3}(?:\.X+)?\s?%|\bX{1,3} (?:minutes|hours|users|customers|requests|"
            r"servers|percent)\b"
        ),
        "a number written as X",
        "",
        ("%", "X "),
    ),
)
# ... and whether the pattern ignores case
_PLACEHOLDERS = tuple((*entry, bool(entry[0].flags & re.I)) for entry in _TABLE)


def _masked(text: str) -> str:
    if "`" not in text:
        return text
    return _CODE.sub(lambda m: " " * len(m.group(0)), text)


def _skip(
    sec: Section, block: Block, text: str, start: int, where: str, outer: frozenset[str]
) -> bool:
    if block.kind == "heading" and where == "tasks":
        return True  # "## TODO" titles a list of tasks; "# [insert a title]" is still a gap
    if where == "tasks" and sec.kinds & _TASK_KINDS and sec.style != "inline":
        return True  # "Owner: TBD" in an action list is a known open state; "TODO:" a task
    if where == "tasks" and outer & _TASK_KINDS and _labels(sec, text, start):
        return True  # "TODO: Add an alert on …" under "Tasks:": the author's own task label
    if where != "format":
        return False
    return bool(_NEAR_FORMAT.compiled.search(text[max(0, start - 20) : start]))


def _outer(doc: Document) -> dict[int, frozenset[str]]:
    """For each section, the kinds of the section it stands in: its own, or for an inline
    section ("TODO: Add …" on a line of its own) those of the titled section above it."""
    out: dict[int, frozenset[str]] = {}
    kinds: frozenset[str] = frozenset()
    for sec in doc.sections:
        if sec.style != "inline":
            kinds = frozenset(sec.kinds)
        out[id(sec)] = kinds
    return out


def _labels(sec: Section, text: str, start: int) -> bool:
    """The word is the label of a line of a task list, with its task after it: the title of an
    inline section of the list ("TODO: Update the runbook of web-01") under a task title."""
    line_start = text.rfind("\n", 0, start) + 1
    title = sec.title.strip(" *_:")
    return (
        sec.style == "inline"
        and bool(title)
        and text[start : start + len(title)].upper() == title.upper()
        and not text[line_start:start].strip(" *_-")
    )


def _titles(doc: Document) -> Iterator[tuple[Section, Block]]:
    """Each section's title line, as a heading block (titles are not among the blocks)."""
    for sec in doc.sections:
        if sec.line and sec.style in ("atx", "setext", "bold"):
            line = doc.source.lines[sec.line - 1]
            yield sec, Block("heading", sec.line, sec.line, line)


def check_placeholder(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    # blocks and titles are lines of the source: what none of its lines holds, none of them do
    source = doc.source.text
    wanted = [p for p in _PLACEHOLDERS if may_match(p[3], p[4], source, doc.lower)]
    if not wanted:
        return
    outer = _outer(doc)
    for sec, b in (*_titles(doc), *blocks(doc)):
        text = _masked(b.text)  # masking adds only spaces: b.text holds what `text` holds
        for pattern, what, where, needs, caseless in wanted:
            if not may_match(needs, caseless, b.text, b.lower):
                continue
            for m in pattern.compiled.finditer(text):
                if _skip(sec, b, text, m.start(), where, outer.get(id(sec), frozenset())):
                    continue
                yield hit_at(
                    b,
                    m.start(),
                    m.end(),
                    f'"{m.group(0)}" is {what} left in the text; readers will take the '
                    "document as unfinished.",
                    question="What should go here?",
                    suggestion=f'TODO: replace "{m.group(0)}" with the real value, or remove '
                    "the sentence if it is not known.",
                )


RULES: list[Rule] = [
    Rule(
        id="PM801",
        name="placeholder-left",
        category="placeholder",
        severity="error",
        summary="Template text left in the document: TBD, TODO:, XX:XX, [insert …], Lorem ipsum.",
        what='Finds placeholders in the prose: TBD/TBA, "TODO:", FIXME, "???", XX:XX, '
        'YYYY-MM-DD, "[insert …]", "[Your Name]", "<date>", "X%" and Lorem ipsum. '
        'Inline code, TBD or TODO in a section title, "TODO list", a date format being described '
        '("format YYYY-MM-DD") and TBD or TODO inside action-item sections (an open owner '
        'or a task, "TODO:" labelling the lines of a task list) are not reported.',
        why="A postmortem with placeholders is read as unfinished, and the missing value is "
        "usually the one a reader needed (a time, an owner, a number).",
        example="The alert fired at XX:XX and paged [insert team].",
        instead="The alert fired at 10:42 UTC and paged the storage on-call.",
        cites=("sre-book",),
        check=check_placeholder,
    ),
]
