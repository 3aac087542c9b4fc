"""Wrong theories as people tell them (timeline.misleading's readings beyond the lexicon): a
theory that the next sentences show wrong ("We suspected the CDN. It was healthy."); time
spent on a theory or on a suspect cleared ("lost half an hour assuming…", "spent 30 minutes
rolling back the release. It was not related."); and, told without the word "wrong", a first
investigation that focused on a cause ("the initial investigation focused on a network issue
with a partner bank") or a theory in a timeline entry about a cause the root cause never
names ("Thought it was their internet.", when the root cause is a full disk): the incident
went on, so the theory was a path followed that turned out wrong."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.lexicon import lexicon
from ..text.prefilter import SPACE_RUN, Lazy, run_end
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
    r"|treated (?:it |this )?as"
    # a theory an act was done on, or one an investigation came to: "reverted the update,
    # suspecting it as the cause", "joined, suspecting network issues", "initial investigation
    # by the IT team suggested a server overload", "… pointed fingers at the database"
    r"|suspecting"
    r"|(?:investigation|triage|diagnosis)(?: by [^.;,]{0,30}?)?"
    r" (?:suggested|pointed (?:fingers )?(?:at|to)|indicated)"
    # a verdict jumped to: "so I decide the problem is her laptop's clock"
    r"|decid(?:e|es|ed) (?:that )?the (?:problem|issue|cause) (?:is|was)"
    # a conclusion drawn as a clause: "decided the PHP upgrade had broken it", "we decide it
    # is the app release" ("decided to roll back" is an action)
    r"|decid(?:e|es|ed) (?:that )?(?!to\b)(?:the|a|an|our|my|their|it|this|that)"
    r" (?:[\w'’/.-]+ ){0,3}?(?:is|was|were|are|had|has|must|caused|broke))\b"
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


def theory_end(low: str) -> int | None:
    """Where a sentence's (lower case) theory about the cause ends, if it tells one."""
    return _theory(low)


def confirmed(low: str) -> bool:
    """Whether a sentence (lower case) confirms a theory ("confirmed the leak", "indeed")."""
    return _CONFIRMED.compiled.search(low) is not None


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


def theory_then_wrong(blocks: list[Block]) -> Evidence | None:
    """A theory ("we assumed…", "suspecting…", "thinking it might be…") that the same or one
    of the next two sentences, in this block or the next (a timeline's next entry), says was
    wrong ("but no issues were found", "the certificate was valid", "errors continued"). A
    suspicion that was right ("as suspected, the log showed…") is no path."""
    wrong = lexicon("wrongness")
    own = own_blocks(blocks)
    may = {id(b) for b in gated(own, lexicon("suspicion"), _THEORY.compiled)}
    if not may:
        return None  # no block tells a theory
    told = [(b, s, e) for b in own for s, e in own_sentences(b)]
    for i, (b, s, e) in enumerate(told):
        at = _theory(b.lower[s:e]) if id(b) in may else None
        if at is None or _STANDING.compiled.search(b.lower, s, e):
            continue
        # in the theory's own sentence, only what a later clause says ("…, but it was fine"):
        # "I think the app was not getting the right values" is the theory, not its refutation
        clause = _CLAUSE.compiled.search(b.lower, s + at, e)
        later = [
            x.lower[xs:xe] if x is b else _FOUND_FAULT.compiled.sub(" ", x.lower[xs:xe])
            for x, xs, xe in told[i + 1 : i + 3]
        ]
        refuted = [b.lower[clause.start() : e] if clause else "", *later]
        if any(wrong.search(x) for x in refuted) or any(
            _UNTIL.compiled.search(x) for x in (b.lower[s + at : e], *later)
        ):
            return sem.evidence(b, s, e)
    return None


# a wrong assumption that was the cause (built into a setting or a design), not a path
# followed: "the misconfiguration stemmed from an incorrect assumption that…"
CAUSE_ASSUMPTION = (
    r"\b(?:stemm\w*|result\w*|came|arose|originated|caused by|due to|based on)"
    r" (?:from )?(?:an? |the )?(?:incorrect|wrong|mistaken|false|faulty) assumption\b"
)
# a theory still held as the report is written ("our best guess at this point is…", "our
# assumption is that…", "it is considered…") or a judgement of what should have been ("should
# have been considered illiquid"): no path followed and dropped
_STANDING = Lazy(
    CAUSE_ASSUMPTION + r"|\b(?:our|my) (?:best |current )?(?:guess|assumption|belief)"
    r"(?: at this (?:point|time)| so far| for now)? (?:is|remains)\b"
    + r"|\b(?:it|this|that) is (?:considered|believed|thought|assumed|suspected)\b"
    r"|\b(?:should|would|could|must) have been (?:considered|thought|assumed|treated)\b"
)


# in the next entry, "wrong" and "incorrect" tell what was found ("created in the wrong
# namespace"), not that the theory was wrong
_FOUND_FAULT = Lazy(r"\b(?:wrong|incorrect\w*|false|delay\w*)\b")


def _theory(low: str) -> int | None:
    """Where a sentence's theory about the cause ends, if it holds one: a suspicion word (or
    "thinking it might be…", "written off as…") that is not negated ("weren't considered"),
    not confirmed ("as suspected"), not an intention ("I thought I would…") and not an action
    weighed ("considered hiring…")."""
    found = list(lexicon("suspicion").finditer(low)) + list(_THEORY.compiled.finditer(low))
    ends = [
        m.end()
        for m in found
        if not _NOT_THEORY_BEFORE.compiled.search(low, 0, m.start())
        and not _intention_after(low, m.end())
        and not _FORECAST.compiled.match(low, m.end())
    ]
    return min(ends) if ends else None


# where a sentence goes on to another clause: a comma, a semicolon, a dash, "but", "however",
# or a full stop the sentence reader kept inside ("…restarted it 3 times. didnt help")
_CLAUSE = Lazy(r"[,;]|\.\s|\s[-–—]\s|\b(?:but|however|though|yet)\b")


_THEORY = Lazy(
    r"\bthinking (?:that|it|they|this|the|we|there)\b|\bwritten off as\b|\bchalked up to\b"
    r"|\bblam(?:e|ed|ing) (?:it )?on\b"
    # "attributes the declines to the card scheme"
    r"|\battribut(?:es|ed|ing) (?:it|this|that|these|those|the)\b[^.;]{0,40}?\bto\b"
    r"|\b(?:our|the) (?:first|initial|working) (?:guess|theory|hypothesis|suspicion)\b"
    # where the search went first: "at first we looked at the database container"
    r"|\b(?:at first|initially),? (?:we|i|they|the team) (?:looked at|went after|dug into)\b"
    # what it first looked like: "at first the graph looked exactly like a DDoS", "initially
    # it seemed to be the CDN"
    r"|\b(?:at first|initially),? [^.;]{0,40}?\b(?:looked|seemed|appeared|sounded)"
    r" (?:exactly |just |a lot )?(?:like|to be)\b"
)
# "…until we realised they were innocent": the theory held until something showed it wrong
_UNTIL = Lazy(r"\buntil (?:we|they|i|the team|someone) (?:realis|realiz|found|discover|notic|saw)")
_NOT_THEORY_BEFORE = Lazy(r"(?:\bas\s+|n[o\'’]t\s+|\bnever\s+|\bnot\s+been\s+)$")
# "I thought I would…" (an intention), "we assumed it would renew by itself", "thought the
# failover will take over" (an expectation of how the system behaves, not a theory about the
# cause; "thought it would be a DNS issue" is one)
_NOT_THEORY_AFTER = Lazy(
    r"(?:i|we)(?:\s+would|\s+should|'d)\b"
    r"|(?:that\s+)?(?:it|this|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:would|will)\b(?!\s+be\b)"
)
_GERUND = Lazy(r"\b\w++(?<=\wing)")  # a word ending in "ing", matched where a word starts


def _intention_after(low: str, end: int) -> bool:
    """Whether an intention ("… I would"), an expectation ("… it would renew") or, after
    "considered", an action weighed follows
    `end`, past one or more spaces."""
    start = run_end(SPACE_RUN, low, end)
    if start == end:
        return False
    if _NOT_THEORY_AFTER.compiled.match(low, start):
        return True
    return low.endswith("considered", 0, end) and _GERUND.compiled.match(low, start) is not None


# "we think this will help": a forecast about a measure
_FORECAST = Lazy(
    r"(?<=think)\s+(?:that\s+)?(?:this|these|it|they|we|i)\s+(?:will|would|should|can|need)\b"
)
