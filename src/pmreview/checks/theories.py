"""Wrong theories told without the word "wrong": a first investigation that focused on a cause
("the initial investigation focused on a network issue with a partner bank"), and a theory in
a timeline entry about a cause the root cause never names ("Thought it was their internet.",
when the root cause is a full disk): the incident went on, so the theory was a path followed
that turned out wrong."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_blocks, own_sentences
from ..text.prefilter import Lazy
from . import semantics as sem
from .semantics import Evidence

# the first line of investigation, aimed at a cause: "the initial investigation focused on a
# network issue", "early triage centred on a possible DDoS", "… focused on the previous day's
# release" ("the initial focus was on understanding why…" aims at no cause)
_FIRST_FOCUS = Lazy(
    r"\b(?:initial|first|early|original)\s+(?:investigation|focus|response|triage|efforts?|work)"
    r"\s+(?:was\s+)?(?:focused|focussed|centred|centered|concentrated)\s+(?:on|around)\s+"
    r"[^.;]{0,60}?\b(?:issues?|problems?|faults?|failures?|bugs?|outages?|attacks?|ddos"
    r"|leaks?|regressions?|misconfiguration|errors?|releases?|deploy(?:ment)?s?"
    r"|(?:config(?:uration)? )?changes?)\b"
)
# a theory about the cause, told in the past or, as timelines tell it, the present: "thought
# it was…", "suspected the…", "we think the endpoint has…", "NOC suspects DDoS", "treated as a
# network issue"
_THEORY_OF = Lazy(
    r"(?<!\bas )(?<!not )(?<!n't )(?<!never )\b(?:thought|assumed|suspected|believed|guessed"
    # a base form after its subject, or, in a terse entry, with none: "…, suspect that it is…"
    r"|(?:(?<=\bi )|(?<=\bwe )|(?<=\band )|(?<=, )|^)(?:think|assume|suspect|believe)"
    r"|(?:thinks|assumes|suspects|believes)"
    r"|treated (?:it |this )?as)\b"
    r"(?:\s+(?:that|it|this|the issue|the problem)\b)?(?:\s+(?:was|were|is|might be|could be|had))?"
)
# a theory told as one, which the account goes on to drop: "our first theory was a DDoS",
# "the initial suspicion fell on the CDN", "at first we thought the disk was full"
_TOLD_THEORY = Lazy(
    r"\b(?:first|initial|early|original|working|leading) (?:theory|theories|guess|suspicion"
    r"|hypothes[ie]s|assumption)\b"
    r"|\b(?:initially|at first|first) (?:(?:we|i|they|the team|engineers) )?(?:thought|suspected"
    r"|assumed|believed|blamed)\b"
)


def told_as_theory(low: str) -> bool:
    """Whether a sentence (lower case) tells a first theory: not the cause, whatever it says."""
    return _TOLD_THEORY.compiled.search(low) is not None


_WORD = re.compile(r"[a-z][a-z0-9-]{3,}")
_STOP = frozenset(
    {
        *("that", "this", "those", "these", "their", "there", "them", "they", "with", "from"),
        *("into", "onto", "about", "just", "only", "some", "also", "been", "were", "have"),
        *("having", "maybe", "might", "could", "would", "because", "issue", "problem", "cause"),
        *("caused", "something", "thing", "things", "side", "your", "what", "when", "which"),
        *("while", "then", "than", "it's"),
    }
)


def first_focus(blocks: list[Block]) -> Evidence | None:
    """A sentence that says the first investigation focused on a cause."""
    for b in own_blocks(blocks):
        for s, e in own_sentences(b):
            if _FIRST_FOCUS.compiled.search(b.lower[s:e]):
                return sem.evidence(b, s, e)
    return None


def unconfirmed_theory(entries: list[Block], cause: str) -> Evidence | None:
    """A timeline entry's theory about the cause whose words the root cause (`cause`, lower
    case) never uses, and that the same or the next two sentences do not confirm ("Suspected
    a memory leak. Confirmed: heap grew 2 GB an hour."): a theory the incident proved wrong."""
    if not cause.strip():
        return None
    told = [(b, s, e) for b in own_blocks(entries) for s, e in own_sentences(b)]
    for i, (b, s, e) in enumerate(told):
        low = b.lower[s:e]
        m = _THEORY_OF.compiled.search(low)
        if m is None or any(
            _CONFIRMED.compiled.search(x.lower[xs:xe]) for x, xs, xe in told[i : i + 3]
        ):
            continue
        words = [w for w in _WORD.findall(low[m.end() :]) if w not in _STOP]
        if words and not any(w[:5] in cause for w in words):
            return sem.evidence(b, s, e)
    return None


def time_on_theory(blocks: list[Block]) -> Evidence | None:
    """Time told as spent on a path: a theory followed, in the same or the next sentence, by
    the time it took ("I assumed the new code broke the mailer. Spent an hour stepping through
    it"), or time spent on something that the same or the next sentence clears ("We spent 30
    minutes rolling back the release. It was not related."; "We spent a while looking at the
    pods. All healthy."). Time spent on a fix that did not work, with no theory and nothing
    cleared, is no path (spec/checks.md)."""
    told = [(b, s, e) for b in own_blocks(blocks) for s, e in own_sentences(b)]
    for i, (b, s, e) in enumerate(told):
        low = b.lower[s:e]
        window = [x.lower[xs:xe] for x, xs, xe in told[i : i + 2]]
        if any(_CONFIRMED.compiled.search(x) for x in window):
            continue
        spent = any(_SPENT.compiled.search(x) for x in window)
        if (spent and _THEORY_OF.compiled.search(low)) or _spent_in_vain(low, window):
            return sem.evidence(b, s, e)
    return None


def _spent_in_vain(low: str, window: list[str]) -> bool:
    """Whether the sentence `low` tells time spent on something that it or the next sentence
    clears: not the cause, or, where it was looked at, found healthy."""
    if not _SPENT.compiled.search(low):
        return False
    if any(_NOT_IT.compiled.search(x) for x in window):
        return True
    looked = _LOOKING.compiled.search(low) is not None
    return looked and any(_HEALTHY.compiled.search(x) for x in window[1:])


# time spent or lost: "spent about an hour", "lost ~40 minutes", "wasted half an hour",
# "spent a while"
_SPENT = Lazy(
    r"\b(?:spent|spend|spends|lost|wasted|burned) (?:~|about |around |nearly |almost |over |some "
    r"|roughly |a good )?(?:half an? |an? |[\w.-]+ )(?:minutes?|mins?|hours?|hrs?)\b"
    r"|\bspent (?:a while|some time|time)\b"
)
# the suspect cleared: "it was not related", "it wasn't that", "unrelated", "not the cause"
_NOT_IT = Lazy(
    r"\b(?:it|this|that|they|which)\s+(?:was|were|is|turned out)(?:n[’']t|\s+not)"
    r"\s+(?:related|it|that|them|the (?:cause|culprit|problem|issue))\b"
    r"|\bunrelated\b|\bnot (?:related|the (?:cause|culprit))\b"
)
_LOOKING = Lazy(r"\b(?:looking|checking|investigating|examining|inspecting|debugging|digging)\b")
# a sentence (or a timeline entry, after its time) that finds what was looked at sound: "All
# healthy.", "10:20 - The pods were fine." (not "healthy again", "fine now": a recovery)
_HEALTHY = Lazy(
    r"(?:^|[-–—:|]\s)\W*(?:(?:all|both|everything|it|they|these|those|the [\w-]+(?: [\w-]+)?)\s+)?"
    r"(?:(?:is|was|were|are|looked|looks|seemed|seems)\s+)?(?:all\s+)?"
    r"(?:healthy|fine|normal|green)\b(?!\s+(?:again|now))"
)


# the theory held: "confirmed the leak", "as suspected", "indeed"
_CONFIRMED = Lazy(
    r"\b(?:confirm(?:ed|s|ing)|indeed|as (?:suspected|expected))\b"
    r"(?! no\b| not\b| nothing\b)"
)
