"""PM101–PM105: vague statements, from the phrase table in data/vague.toml, each judged in
its context (rules/vague_context.py: quoted text, what answers it, purpose clauses …)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..models import Block, Document, Hit, Section, per_document
from ..parse.views import summary_sections
from ..resources import load_toml
from ..text.phrase_end import whole_phrase
from ..text.phrases import Live, Phrases, index
from ..text.prefilter import lower_case
from ..text.sentences import sentences
from ..text.verb_forms import verbs
from . import Rule
from ._text import blocks, hit_at
from .vague_context import Context, is_vague_here
from .vague_markers import answers_share
from .vague_place import Place
from .vague_roles import IMPACT_KINDS


@dataclass(frozen=True)
class Entry:
    rule: str
    patterns: tuple[str, ...]
    message: str
    question: str
    suggestion: str
    context: Context
    asks: str  # what the words leave open; a sentence gets one finding per rule and question


@cache
def table() -> tuple[Entry, ...]:
    return tuple(
        Entry(
            e["rule"],
            tuple(lower_case(e["patterns"], f"vague.toml:{e['rule']}")),
            e["message"],
            e["question"],
            e["suggestion"],
            Context.of(e),
            e.get("asks", "what"),
        )
        for e in load_toml("vague.toml")["entry"]
    )


@cache
def _phrases() -> tuple[Phrases, tuple[int, ...]]:
    """Every entry's patterns as one table, and the entry of each pattern."""
    entries = table()
    return (
        Phrases([p for e in entries for p in e.patterns]),
        tuple(k for k, e in enumerate(entries) for _ in e.patterns),
    )


# a line break between two statements the sentence splitter read as one: after a full stop or
# a colon before a capital ("… is needed.⏎Review and Update: …"), or before a dash item; a
# sentence wrapped over lines ("for some reason⏎hook did not") stays one claim
_STATEMENT_BREAK = re.compile(r"(?<=[.:!?])[ \t*_]*\n(?=[ \t>*_#]*[A-Z0-9])|\n(?=[ \t]*[—–•-]\s)")
# context words a pattern needs but the quote does not ("was some framework problem")
_LEAD = re.compile(r"(?:due to|caused by|because of|result of|was|by|from)\s+(?=\S)")


@per_document  # the five vague rules share one scan
def _hits(doc: Document) -> dict[str, list[Hit]]:
    """All vague hits of a document, at most one per rule and question in a sentence (the
    table's order decides)."""
    out: dict[str, list[Hit]] = {}
    phrases, _ = _phrases()
    live = phrases.within(index(doc.lower))  # blocks: whole lines
    stated = _impact_stated(doc)
    for sec, block in blocks(doc):
        if block.kind == "heading" and block.text.lstrip().startswith("#"):
            continue
        found = live.candidates(block.line, block.end_line)
        for rule, hit in _block_hits(doc, sec, block, live, found, stated) if found else ():
            out.setdefault(rule, []).append(hit)
    for hits in out.values():
        hits.sort(key=lambda h: (h.line, h.column))
    return out


def _impact_stated(doc: Document) -> bool:
    """Whether the summary (an untitled opening included) or the impact section says how many
    users or requests were hit."""
    told = [
        b for s in summary_sections(doc) if not s.kinds - {"summary", "impact"} for b in s.blocks
    ]
    return any(answers_share(block.lower) for block in told) or any(
        answers_share(block.lower) for _, block in blocks(doc, IMPACT_KINDS)
    )


def _block_hits(
    doc: Document, sec: Section, block: Block, live: Live, found: list[int], impact_stated: bool
) -> Iterator[tuple[str, Hit]]:
    """The vague hits of one block, from the patterns `found` in it: one finding per rule
    and question per statement of a sentence ("for a while … most people left" asks how long
    and how many; lines the sentence splitter joins, "Monitoring: Improve monitoring.⏎Process:
    Be more careful", make a claim each), never twice on the same words; the table's order
    decides."""
    entry_of = _phrases()[1]
    entries = table()
    by_entry: dict[int, list[int]] = {}
    for i in found:
        by_entry.setdefault(entry_of[i], []).append(i)
    spans = sentences(block)
    starts = [s for s, _ in spans]
    claims = _Claims()
    flat = block.lower.replace("\n", " ")  # a phrase wrapped over two lines is still the phrase
    for k in sorted(by_entry):
        entry = entries[k]
        for _, m in live.among(flat, by_entry[k]):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= spans[i][1]:
                continue
            at = (i, _statement(block.text, spans[i], m.start()))
            if not claims.free(entry, at, m.span()):
                continue
            place = Place(sec, block, spans[i], m.span(), impact_stated, tuple(spans), doc)
            if not is_vague_here(entry.context, place):
                continue
            claims.take(entry, at, m.span())
            yield entry.rule, _hit(block, entry, m, whole_phrase(flat, m.end(), spans[i][1]))


def _hit(block: Block, entry: Entry, m: re.Match[str], end: int) -> Hit:
    """The finding of `entry` on the words `m` (up to `end`), without the context words its
    pattern needs ("was some framework problem")."""
    lead = _LEAD.match(m.group(0))  # _LEAD is lower-case too
    start = m.start() + (lead.end() if lead else 0)
    return hit_at(
        block, start, end, entry.message, question=entry.question, suggestion=entry.suggestion
    )


def _statement(text: str, sentence: tuple[int, int], start: int) -> int:
    """Which statement of its sentence the words at `start` stand in (0 for the first)."""
    breaks = [b.start() for b in _STATEMENT_BREAK.finditer(text, *sentence)]
    return sum(b < start for b in breaks + _instructions(text, sentence))


# a sentence's first word, after a list marker, a checkbox and an opening label
_FIRST = re.compile(
    r"\A[\s>#+•—–-]*+(?:\d+[.)]\s*)?(?:\[[ xX]\]\s*)?"
    r"(?:\*\*[^*\n]{1,60}\*\*:?\s*|[A-Z][\w ]{0,40}:\s+)?[*_]*([A-Za-z]+)"
)
_NEXT = re.compile(r",\s+(?:and\s+)?([A-Za-z]+)")


def _instructions(text: str, sentence: tuple[int, int]) -> list[int]:
    """Where a sentence of instructions ("Conduct security audits, enforce device policies.")
    goes on to its next instruction: at each comma before a verb, when the sentence opens
    with a verb; each instruction is a measure of its own."""
    first = _FIRST.match(text[slice(*sentence)])
    if first is None or first.group(1).lower() not in verbs():
        return []
    found = _NEXT.finditer(text, *sentence)
    return [m.start() for m in found if m.group(1).lower() in verbs()]


# where a claim stands in a block: its sentence, and its statement in the sentence
Where = tuple[int, int]


class _Claims:
    """What a block's findings have claimed: a rule's question in a statement of a sentence,
    and the words."""

    def __init__(self) -> None:
        self.asked: set[tuple[str, str, Where]] = set()
        self.words: dict[str, list[tuple[int, int]]] = {}

    def free(self, entry: Entry, at: Where, span: tuple[int, int]) -> bool:
        if (entry.rule, entry.asks, at) in self.asked:
            return False
        return not any(s < span[1] and span[0] < e for s, e in self.words.get(entry.rule, ()))

    def take(self, entry: Entry, at: Where, span: tuple[int, int]) -> None:
        self.asked.add((entry.rule, entry.asks, at))
        self.words.setdefault(entry.rule, []).append(span)


def _family(rule_id: str) -> Any:
    def check(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
        yield from _hits(doc).get(rule_id, [])

    return check


RULES = [
    Rule(
        "PM101",
        "vague-cause",
        "vague",
        "warning",
        "A cause that names nothing: 'a glitch', 'some framework problem', 'a misconfiguration'.",
        what="Flags causes that do not name the component, change or mechanism that failed.",
        why="A cause nobody can check cannot be fixed or prevented. The Google SRE book's "
        "postmortem review asks whether the root cause was dug deep enough to act on.",
        example="There was some framework problem which caused the glitch.",
        instead="The 4.2.0 release of payments-gateway dropped the Host header, "
        "so nginx returned 502.",
        cites=("sre-book", "pagerduty"),
        check=_family("PM101"),
    ),
    Rule(
        "PM102",
        "vague-impact",
        "vague",
        "warning",
        "An impact that is not quantified: 'several users', 'a lot of money', "
        "'a significant outage'.",
        what="Flags impact statements with no number: how many users, how long, how much.",
        why="Impact decides severity and priority; PagerDuty's postmortem guide asks for "
        "the number of affected customers and the duration.",
        example="Several users could not log in, which caused a lot of frustration.",
        instead="Login failed for 12% of users (about 3,000 of 25,000) for 47 minutes.",
        cites=("pagerduty", "atlassian", "requirements"),
        check=_family("PM102"),
    ),
    Rule(
        "PM103",
        "vague-fix",
        "vague",
        "warning",
        "A fix that cannot be verified: 'it was fixed', 'the settings were adjusted'.",
        what="Flags resolutions that do not say what was changed or how it was verified.",
        why="A fix described only as 'fixed' cannot be reviewed, repeated in the next incident, "
        "or turned into an automated guard.",
        example="After the main cause was known, it was fixed.",
        instead="Rolled back payments-gateway to 4.1.3 at 15:12 UTC; the 5xx rate fell to 0.1%.",
        cites=("requirements", "sre-workbook"),
        check=_family("PM103"),
    ),
    Rule(
        "PM104",
        "vague-measure",
        "vague",
        "warning",
        "A measure that is a wish, not a task: 'be cautious', 'improve monitoring'.",
        what="Flags corrective measures that name no concrete task, component or done condition.",
        why="A measure gets done only when someone can pick it up, finish it and show it is "
        "done; 'be careful' changes nothing, and the same outage comes back.",
        example="- Be cautious when updating system",
        instead="- Add a canary stage to the deploy pipeline that halts on a 1% error rate "
        "(owner: SRE)",
        cites=("sre-workbook", "requirements"),
        check=_family("PM104"),
    ),
    Rule(
        "PM105",
        "vague-investigation",
        "vague",
        "info",
        "An investigation that names nothing: 'a few checks were run', "
        "'the issue was investigated'.",
        what="Flags investigation steps that do not say what was looked at.",
        why="The timeline is how the next responder learns where to look; "
        "unnamed checks teach nothing.",
        example="- 10:40 - A few quick checks were run.",
        instead="- 10:40 UTC - Checked nginx error.log on web-01: "
        "'upstream timed out' on every request.",
        cites=("requirements", "pagerduty"),
        check=_family("PM105"),
    ),
]
