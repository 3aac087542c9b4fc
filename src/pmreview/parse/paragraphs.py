"""A document with no section titles, judged on its paragraphs (spec/checks.md): the opening
paragraph(s) are the summary, the others get the kinds their words say."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..models import Block, Section
from ..resources import load_toml
from .fact_sheet import names_the_document
from .opening import mail_header
from .timeline import has_time


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
    is the summary; the others get the kinds their words say (timed ones are the timeline). A
    single run-in label that opens a paragraph ("The fix was simple: …") titles that paragraph
    only: the paragraphs after it are judged by their own words."""
    titled = [s for s in sections if s.style != "opening"]
    # one run-in label is a paragraph's opening words; several ("Q: What happened?", "Q: Why?")
    # are the document's titles
    if sum(s.style == "inline" for s in titled) == 1:
        titled = [s for s in titled if s.style != "inline"]
    if not sections or len(titled) > 1 or (titled and not _document_title(titled[0])):
        return sections
    # no section title, or only the document's title: a top heading, which names the
    # document even when its words name a kind ("Summary of the … event")
    first = next(i for i, s in enumerate(sections) if s.style == "inline" or s is sections[-1])
    if sections[first].style == "inline":
        first = max(first - 1, 0)
    out = sections[:first]
    summary_seen = False
    for sec in sections[first:]:
        if sec.style == "inline":
            out.append(replace(sec, blocks=sec.blocks[:1]))
            blocks = sec.blocks[1:]
        else:
            out.append(replace(sec, blocks=[], kinds=frozenset()))
            blocks = sec.blocks
        summary_seen = _judge_paragraphs(blocks, out, summary_seen)
    _drop_weak_kinds(out[first:])
    _cause_in_summary(out[first:])
    return [s for s in out if s.style != "opening" or s.blocks]


def _judge_paragraphs(blocks: list[Block], out: list[Section], summary_seen: bool) -> bool:
    """Append each paragraph of `blocks` to `out` as a section of the kinds its words give
    (or to the last section, when they give none); returns whether the summary was seen."""
    for b in blocks:
        words = len(re.findall(r"[A-Za-z]{2,}", b.text))
        kinds: set[str] = set()
        if gives_contact(b.text) or mail_header(b.text):  # how to reach the writer, or when
            # the e-mail was sent: no part of the postmortem
            out.append(Section("", frozenset(), b.line, 1, "paragraph", 9, [b], b.end_line))
            continue
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
    return summary_seen


@cache
def _weak_kinds() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """The kinds with weak paragraph patterns: (kind, all its patterns but the weak, weak)."""
    data = load_toml("sections.toml")["kinds"]
    out = []
    for kind, spec in data.items():
        weak = spec.get("weak_paragraph_patterns", [])
        if weak:
            strong = [p for p in spec["paragraph_patterns"] if p not in weak]
            out.append((kind, re.compile("|".join(strong), re.I), re.compile("|".join(weak), re.I)))
    return out


def _drop_weak_kinds(paragraphs: list[Section]) -> None:
    """A kind that a paragraph has only by a weak pattern goes where another paragraph has it
    by a strong one."""
    for kind, strong, _ in _weak_kinds():
        judged = [s for s in paragraphs if s.style == "paragraph" and s.has(kind)]
        by_strong = [s for s in judged if any(strong.search(b.text) for b in s.blocks)]
        if by_strong:
            for sec in judged:
                if sec not in by_strong:
                    sec.kinds = sec.kinds - {kind}


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
    # what the letter gives ("…, so here is an honest account of what went wrong")
    r"|[^.!?]{0,150}?\bhere(?:'s| is) (?:an?|our|the|my)\b[^.!?]{0,150}?\b(?:account|update"
    r"|explanation|details|write-?up|report|summary|post-?mortem|what (?:happened|went wrong))\b"
    r"|(?:we|i)(?:'d| would| want(?:ed)?| wish)?(?: like)?(?: to)? (?:provide|give|share|offer"
    r"|send|update|inform|tell|let)\b[^.!?]*\b(?:you|customers|users)\b)",
    re.IGNORECASE,
)


def gives_contact(text: str) -> bool:
    """A paragraph that tells the reader how to reach the writer ("If you have any questions,
    please contact the help desk on (555) 010-2290, 8:00 a.m. to 5:00 p.m."): its times are
    office hours, its number a phone's, not the incident's."""
    return _CONTACT.search(text) is not None


_CONTACT = re.compile(
    r"\b(?:if you (?:have|had) (?:any )?(?:questions|concerns)|please (?:contact|get in touch"
    r"|call|write to|e-?mail|reach out)|(?:contact|call|e-?mail|write to) (?:us|our)\b|get in touch"
    # a number given to call: "Phone: +44 20 7946 0018", "tel. (555) 010-4477"
    r"|\b(?:(?:tele)?phone(?: number)?|tel\.?)\s*+:?\s*+(?:is\s++|on\s++)?\+?\(?\d)",
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
