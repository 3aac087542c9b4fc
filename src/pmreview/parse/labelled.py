"""Labelled lines ("Start: 10:05 UTC", "| Impact | … |") at the top of a report: which state
the incident's facts (part of the summary, spec/checks.md) and which are about the report
or the e-mail that carries it. parse/views.py reads the summary with these."""

from __future__ import annotations

import re

from ..models import Block, Section
from ..resources import load_toml
from ..text.times import has_date
from .opening import mail_header, tells
from .timeline import has_time
from .titles import kinds_of

# the kinds that are parts of the summary (Impact, Duration, Root cause): parse/views.py too
SUMMARY_PART = frozenset(
    k for k, spec in load_toml("sections.toml")["kinds"].items() if spec.get("summary_part")
)


def incident_facts(block: Block, record: bool = False) -> list[Block]:
    """A block of labelled facts whose lines also name the write-up ("**Impact:** …" above
    "**Written by:** …") split into its lines, those about the write-up left out; any other
    block as it is. In an incident's record (`record`, see closed_record) "Created" is not
    about the write-up."""
    lines = block.text.split("\n")
    if block.kind != "paragraph" or len(lines) < 2 or not facts_only(block):
        return [block]
    if not any(_write_up(n.split(":", 1)[0], record) for n in lines):
        return [block]
    return [
        Block("paragraph", block.line + i, block.line + i, n, block.column if i == 0 else 1)
        for i, n in enumerate(lines)
        if n.strip() and not _write_up(n.split(":", 1)[0], record)
    ]


def closed_record(blocks: list[Block]) -> bool:
    """Whether labelled lines say when the incident was closed ("Resolved: 04:51 UTC", as a
    paging tool exports it): then their "Created: 03:14 UTC" is when the incident opened,
    not when the write-up was."""
    return any(
        _CLOSED.match(line) and _dated(line)
        for b in blocks
        if b.kind == "paragraph"
        for line in b.text.splitlines()
    )


def _write_up(label: str, record: bool) -> bool:
    return bool(_WRITE_UP_LABEL.search(label)) and not (record and _OPENED.fullmatch(label))


_OPENED = re.compile(r"^[\s*_-]*+(?:created|opened|triggered)(?: (?:at|on))?[*_ ]*", re.I)
_CLOSED = re.compile(r"^[\s*_-]*+(?:resolved|closed|mitigated|ended)(?: (?:at|on))?[*_ ]*:", re.I)


def without_headers(blocks: list[Block]) -> list[Block]:
    """A section's blocks without an e-mail's header lines ("From: …", "To: All Staff") and
    without a block of labelled lines about the report that states no fact of the incident
    ("Submitted to: the regulator" over "Contact: …" and "Author: …"); a lone line stays (a
    sentence with a colon reads like a label: "Every client saw errors: 3 of 40")."""
    return [
        fact
        for b in blocks
        if not mail_header(b.text)
        for fact in incident_facts(b)
        if told_or_stated(fact) or fact is b and (b.line == b.end_line or not facts_only(b))
    ]


def told_or_stated(block: Block, record: bool = False) -> bool:
    return tells(block) or states_facts(block, record)


def facts_only(block: Block) -> bool:
    """Every line of the block a labelled fact ("Ref: INC-4", "Prepared by: IT Risk")."""
    return all(_FACT.match(line) for line in block.text.splitlines() if line.strip())


_FACT = re.compile(r"^[\s*_-]*+[A-Z][\w ()/&.-]{0,30}[*_]*:[*_]*\s")
# a table row of two cells whose first is a short label: "| Start | 2024-06-11 18:22 CEST |"
_FACT_ROW = re.compile(
    r"^\|?[*_ ]*+([A-Za-z][\w()/&.'-]*+(?: [\w()/&.'-]++){0,5})[*_ ]*+\|([^|]++)\|?$"
)
# labels of facts about the write-up, whose times are not the incident's
_WRITE_UP_LABEL = re.compile(
    r"\b(?:review|meeting|publish\w*|updated?|report\w*|prepar\w*|authors?|written|writ\w*"
    r"|revis\w*|drafts?|created|modified|retro\w*|post-?mortem)\b",
    re.I,
)


def states_facts(block: Block, record: bool = False) -> bool:
    """A block of labelled facts: a row of a "Field | Value" table, or lines that are all
    "Label: value" (not an e-mail's header; a lone line only when it gives a date or time or
    names a part of the summary, "Duration: 75 min", not a title "Incident: Login outage").
    A fact about the write-up ("Review meeting", "Published", "Author") is not the
    incident's: such a row is left out, and so is a paragraph that holds one."""
    if block.kind == "row":
        m = _FACT_ROW.match(block.text.strip())
        return m is not None and not _WRITE_UP_LABEL.search(m[1])
    if block.kind != "paragraph" or not facts_only(block) or mail_header(block.text):
        return False
    lines = [n for n in block.text.splitlines() if n.strip()]
    labels = [n.split(":", 1)[0] for n in lines]
    if not lines or any(_write_up(label, record) for label in labels):
        return False
    return len(lines) > 1 or _dated(lines[0]) or bool(kinds_of(labels[0]) & SUMMARY_PART)


def _dated(text: str) -> bool:
    return has_date(text) or has_time(text)


def listed_fact(sec: Section) -> bool:
    """A labelled fact of a summary part whose value is a short list ("**Affected
    services:**" over "- payments-api", "- the checkout page"): names, not sentences."""
    if sec.style not in ("bold", "label", "inline") or not sec.kinds <= SUMMARY_PART:
        return False
    items = [b for b in sec.blocks if b.line != sec.line]
    return (
        bool(sec.kinds)
        and 1 <= len(items) <= 5
        and all(b.kind == "item" and _A_NAME.match(b.text.strip()) for b in items)
    )


# a list item that names something in a few words, with no sentence in it
_A_NAME = re.compile(r"^[-*+]\s+(?!.*[.!?]\s)[^\n]{1,80}$")
