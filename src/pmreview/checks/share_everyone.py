"""Everyone of a group as the summary names them, affected: "anyone who tried to register got
an error", "nobody could log in" (checks/share.py reads the share of users with these)."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_sentences
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from .semantics import Evidence


def evidence(block: Block, start: int, end: int) -> Evidence:
    """The matched words as they stand (unlike semantics.evidence, not a whole sentence)."""
    line, col = block.position(start)
    return {"quote": block.text[start:end], "line": line, "column": col}


def nobody_could(blocks: list[Block]) -> Evidence | None:
    """Totality said as its negation: "nobody on our team could open a session", "no customer
    was able to pay", "none of our users could log in"; not "nobody noticed" or "no one could
    have known" (a failure nobody met, a hindsight)."""
    for b in blocks:
        for s, e in own_sentences(b):
            m = _NOBODY.compiled.search(b.text, s, e)
            if (
                m
                and not lexicon("hedge").search(b.text, s, m.start())
                and not (NEARLY.compiled.search(b.text, max(s, m.start() - 14), m.start()))
            ):
                return evidence(b, m.start(), m.end())
    return None


# the people a service serves, by what they are to it: "no veterans could check in", "none of
# the farmers were paid"
_PEOPLE = (
    r"(?:users?|customers?|clients?|visitors?|players?|merchants?|members?|subscribers?"
    r"|students?|testers?|learners?|patients?|passengers?|riders?|drivers?|tenants?|shoppers?"
    r"|buyers?|sellers?|guests?|viewers?|readers?|employees?|developers?|veterans?|farmers?"
    r"|residents?|citizens?|participants?|applicants?|patrons?|donors?|parents?|teachers?)"
)
_NOBODY = Lazy(
    rf"\b(?:nobody|no one|no-one|not (?:a single|one) (?={_PEOPLE}\b)\w+"
    rf"|none of (?:us|them|(?:our|the|its) (?:\w+ )?(?={_PEOPLE}\b)\w+)"
    rf"|no (?:\w+ )?{_PEOPLE})"
    r"(?: (?:on|in|from|at) (?:our|the|their) (?:\w+ )?\w+)?"
    r" (?:could(?:n[’']t)?(?! have\b)|was able|were able|managed|succeeded|got (?:in|through))\b",
    re.IGNORECASE,
)


def anyone_failed(blocks: list[Block]) -> Evidence | None:
    """All of a group named by what they did, in a sentence that says they met the failure:
    "Anyone who tried to register got an error page", "a 504 error for anyone trying to open
    the site"; not thanks, apologies or compensation ("thanks to everyone who wrote in",
    "everyone who logged in gets 3 days free")."""
    for b in blocks:
        for s, e in own_sentences(b):
            m = _ANYONE.compiled.search(b.text, s, e)
            sentence = b.text[s:e]
            if m and NEARLY.compiled.search(b.text, max(s, m.start() - 14), m.start()):
                continue  # "pretty much everyone who went there": not all of them
            if m and MET_FAILURE.compiled.search(sentence) and not KIND.compiled.search(sentence):
                return evidence(b, m.start(), m.end())
    return None


NEARLY = Lazy(
    r"\b(?:pretty much|almost|nearly|virtually|practically|basically|more or less)\s+$",
    re.IGNORECASE,
)
_ANYONE = Lazy(
    r"\b(?:anyone|anybody|everyone|everybody)\s+(?:who\s+\w+|trying|attempting|\w+ing)\b",
    re.IGNORECASE,
)
MET_FAILURE = Lazy(
    r"\b(?:errors?|fail\w*|[45]\d\d|could(?:n[\'’]t| not)|unable|timed? out|was hit|were hit"
    r"|locked out|got an?|blocked"
    # "every visitor got the 'Your connection is not private' page"
    r"|got the\b[^.;]{0,60}?\b(?:page|screen|message|warning))\b",
    re.IGNORECASE,
)
# thanks, apologies and amends are said to everyone, affected or not
KIND = Lazy(
    r"\b(?:thank|apolog|sorry|gets? (?:a )?(?:free|credit|refund)|free\b|credit|compensat)",
    re.IGNORECASE,
)


def counted_vaguely(blocks: list[Block]) -> bool:
    """Whether the summary counts the people the failure met with a word of size, not a
    number: "a handful of classmates were hit", "Many users could not log in", "Most of our
    beta testers were affected"; not people it did not meet ("many users rely on it") or
    things ("many jobs were retried")."""
    for b in blocks:
        if not _VAGUE_PEOPLE.compiled.search(b.text):
            continue
        for s, e in own_sentences(b):
            m = _VAGUE_PEOPLE.compiled.search(b.text, s, e)
            if m and (
                MET_FAILURE.compiled.search(b.text, s, e) or _MET.compiled.search(b.text, s, e)
            ):
                return True
    return False


_VAGUE_PEOPLE = Lazy(
    r"\b(?:most|many|some|several|a few|quite a few|a couple|a handful|a bunch|a lot|lots"
    r"|a number|plenty|a (?:good|large|small|fair|significant|substantial) (?:number|portion"
    r"|part|share|chunk))(?: of)?\s+(?:(?:our|the|my|their|your|its|those|these)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:users?|customers?|clients?|people|visitors?|testers?|classmates"
    r"|students?|learners?|players?|members?|merchants?|subscribers?|shoppers?|buyers?|sellers?"
    r"|guests?|viewers?|readers?|riders?|drivers?|passengers?|patients?|tenants?|accounts?"
    r"|friends|peers|colleagues|teammates|employees|staff|you)\b",
    re.IGNORECASE,
)
# met the failure, in words MET_FAILURE does not hold: "the people it hit", "were affected"
_MET = Lazy(
    r"\b(?:hit|affected|impacted|noticed|saw|experienced|ran into|stuck|down|broken"
    r"|locked out|lost)\b",
    re.IGNORECASE,
)
