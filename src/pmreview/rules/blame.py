"""Blame rules: a blameless postmortem names what the system allowed, not who slipped."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from ..models import Document, Hit
from ..resources import load_toml
from ..text.anchors import known_anchors
from ..text.prefilter import Lazy, lower_case, might_match
from . import Rule
from ._text import blocks, hit_at

_CAPITAL = re.compile(r"@[A-Za-z][\w-]*|\b[A-Z][a-z]+\b")
_STOP = {
    "the",
    "this",
    "that",
    "our",
    "we",
    "it",
    "they",
    "there",
    "then",
    "when",
    "after",
    "before",
    "one",
    "team",
    "all",
    "each",
    "some",
    "a",
    "an",
}
_SELF = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|my|me|myself)\b")


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@cache
def _table() -> dict[str, Any]:
    return load_toml("blame.toml")


@cache
def _patterns() -> dict[str, Lazy]:
    """Each compiled when first used: most documents name no one, so only the two that find
    names introduced in the text are needed."""
    t = _table()
    roles = _alt(t["roles"])
    return {
        "after": Lazy(
            rf"^\s+(?:had\s+|has\s+|then\s+|just\s+)?(?:(?:{_alt(t['strong_verbs'])})\b|"
            rf"(?:{_alt(t['adverbs'])})\s+[a-z]+)",
            re.I,
        ),
        "owned": Lazy(rf"^['’]s\s+(?:[a-z]+\s+)?(?:{_alt(t['fault_nouns'])})\b", re.I),
        "change": Lazy(
            r"^['’]s\s+(?:[a-z]+\s+){0,2}(?:change|commit|PR|pull request|deploy(?:ment)?|push|"
            r"script|update|config(?:uration)?|migration)\s+(?:broke|caused|took down|brought "
            r"down|crashed)\b",
            re.I,
        ),
        "before": Lazy(
            r"(?:\b(?:caused|triggered|broken|brought down|taken down)\s+by|"
            r"\bfault\s+of|\bblame[ds]?\s+(?:on|goes\s+to))\s+$",
            re.I,
        ),
        "intro_after": Lazy(
            rf"\b(?P<name>[A-Z][a-z]{{2,}}),\s+(?:one\s+of\s+)?(?:our|the|a|an)\s+"
            rf"(?:[a-z-]+\s+){{0,2}}(?:{roles})s?\b"
        ),
        "intro_before": Lazy(
            rf"\b(?:our|the|a|an)\s+(?:[a-z-]+\s+)?(?:{roles}),?\s+(?P<name>[A-Z][a-z]{{2,}})\b"
        ),
    }


def people(doc: Document) -> set[str]:
    """Lower-cased given names: the common ones and those the document introduces."""
    found = set(_table()["names"])
    p = _patterns()
    for _, b in blocks(doc):
        for key in ("intro_after", "intro_before"):
            for m in p[key].compiled.finditer(b.text):
                if m.group("name").lower() not in _STOP:
                    found.add(m.group("name").lower())
    return found


def _is_person(token: str, names: set[str]) -> bool:
    return token.startswith("@") or token.lower() in names


def check_named(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    names = people(doc)
    p = _patterns()
    for _, b in blocks(doc):
        for m in _CAPITAL.finditer(b.text):
            if not _is_person(m.group(0), names):
                continue
            span = _blamed(b.text, m.start(), m.end(), p)
            if span is None:
                continue
            who = m.group(0)
            yield hit_at(
                b,
                span[0],
                span[1],
                f"This names {who} as the cause. A blameless postmortem describes what the "
                "system allowed, not who slipped; naming people makes the next incident "
                "harder to report honestly.",
                question="What in the process or tooling let this action cause an outage?",
                suggestion='TODO: rewrite without the name ("a config change was deployed '
                'without review") and add the missing safeguard as an action item.',
            )


def _blamed(text: str, start: int, end: int, p: dict[str, Lazy]) -> tuple[int, int] | None:
    """The span to report when the name at text[start:end] is blamed, else None. Each pattern
    is tried only where the character it needs next to the name is (most names have none):
    "after" opens with a space, "owned" and "change" with an apostrophe, "before" ends with
    a space."""
    rest = text[end : end + 80]
    lead = rest[:1]
    for key in ("after",) if lead.isspace() else ("owned", "change") if lead in ("'", "’") else ():
        m = p[key].compiled.match(rest)
        if m:
            return start, end + m.end()
    window = text[max(0, start - 40) : start]
    before = p["before"].compiled.search(window) if window[-1:].isspace() else None
    if before:
        return max(0, start - 40) + before.start(), end
    return None


def _self_directed(text: str, start: int) -> bool:
    """ "I was lazy" is the author's own call; only judgements of others are reported."""
    sentence = re.split(r"[.!?](?:\s|$)|\n\s*\n", text[:start])[-1]
    return bool(_SELF.search(sentence))


def _no_judgement(text: str, start: int, end: int) -> bool:
    """The words deny the judgement ("This was not human error", "Nobody was negligent",
    "rather than careless"), mention it ('our "human error" category', a `careless_mode`
    flag), or are part of a compound name ("careless-mode"): none of them judges anyone."""
    before = re.split(r"[.!?;:,](?:\s|$)|\n", text[max(0, start - 60) : start])[-1]
    if _DENIED_BEFORE.search(before) or _DENIED_AFTER.match(text, end):
        return True
    around = text[start - 1 : start], text[end : end + 1]
    return around[0] in _QUOTES and around[1] in _QUOTES or "-" in around or "_" in around


_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|no|nobody|no one|none of (?:us|them)|neither|nor|rather than|instead of"
    r"|without|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b(?:\W+(?!but\b|yet\b)\w+){0,3}\W*$",
    re.IGNORECASE,
)
# "Human error was not the cause", "carelessness is not the point"
_DENIED_AFTER = re.compile(
    r"(?<=\w)\W*+(?:(?:is|was)\s+(?:not|never)|isn['’]t|wasn['’]t)\b", re.IGNORECASE
)
_QUOTES = "\"'“”‘’`"


@cache
def _phrases() -> tuple[re.Pattern[str], list[dict[str, str]]]:
    """All blaming phrases as one regex over lower-cased text, a named group per phrase."""
    table = _table()["phrases"]
    lower_case([ph["pattern"] for ph in table], "blame.toml")  # rejects upper-case literals
    combined = "|".join(f"(?P<p{i}>{ph['pattern']})" for i, ph in enumerate(table))
    return re.compile(combined), table


@cache
def _hints() -> tuple[str, ...] | None:
    """Literals one of which any blaming phrase contains (None: no such cheap test)."""
    found = [known_anchors(ph["pattern"]) for ph in _table()["phrases"]]
    if any(a is None for a in found):
        return None
    return tuple(sorted({lit.text for a in found if a for lit in a}))


def check_language(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    if not might_match(doc.lower, _hints()):
        return  # none of the phrases' words is in the document
    pattern, table = _phrases()
    for _, b in blocks(doc):
        for m in pattern.finditer(b.lower):
            ph = table[int(str(m.lastgroup)[1:])]
            if _self_directed(b.text, m.start()) or _no_judgement(b.text, m.start(), m.end()):
                continue
            yield hit_at(
                b,
                m.start(),
                m.end(),
                f'"{b.text[m.start() : m.end()]}" judges people rather than describing what '
                "happened; blame makes people hide mistakes in the next incident.",
                question=ph["question"],
                suggestion=ph["suggestion"],
            )


RULES: list[Rule] = [
    Rule(
        id="PM701",
        name="blame-named-person",
        category="blame",
        severity="warning",
        summary="A named person is presented as the cause of the incident.",
        what="Finds a person's name (a common given name, an @handle, or a name the document "
        'introduces as "Dana, our on-call engineer") with a blaming verb: "John broke '
        '…", "Mike forgot to …", "Sarah accidentally …", "caused by Sarah\'s '
        'change", "Ana\'s mistake". Product and team names are not names.',
        why='Blameless postmortems (Google SRE book, "Postmortem Culture: Learning from '
        'Failure"; PagerDuty postmortem guide) assume everyone acted reasonably with the '
        "information they had. Naming a person as the cause stops the search for the "
        "system gap and teaches people to hide mistakes.",
        example="John forgot to run the migration before deploying.",
        instead="The deploy pipeline does not check that migrations have run; the deploy went "
        "out before the migration.",
        cites=("allspaw", "sre-book", "pagerduty"),
        check=check_named,
    ),
    Rule(
        id="PM702",
        name="blame-language",
        category="blame",
        severity="warning",
        summary='Blaming or insulting language: "careless", "negligent", "human error".',
        what="Finds judging words from `data/blame.toml` (careless, stupid, incompetent, "
        'negligent, sloppy, lazy, "should have known", "fault of the engineer", '
        '"human error"). Self-criticism in the first person singular is left alone, and so is '
        'a judgement the text denies ("This was not human error"), quotes as a term (\'our '
        '"human error" label\') or uses inside a compound name ("careless-mode").',
        why="Judgements explain nothing a reader can fix, and they make the next responder "
        'less willing to speak up. "Human error" is where an investigation should start, '
        'not end (Allspaw, "Blameless PostMortems and a Just Culture").',
        example="The outage was caused by a careless engineer who should have known better.",
        instead="The outage was caused by a manual edit to nginx.conf that no check validated.",
        cites=("allspaw", "sre-book"),
        check=check_language,
    ),
]
