"""A fix told across two sentences: the change acts on "it", "them", "that machine", and the
sentence before names what that is ("The disk in db-2 had failed. We replaced it with a new
one."). The change is read as made to the things the sentence before names: those checks/
changes.py would count as named had they been written in place of the pronoun."""

from __future__ import annotations

import re

from ..models import Block
from ..text.borrowed import own_sentences
from ..text.lexicon import lexicon
from . import semantics as sem
from .proper_names import named_things

# a change made to what the sentence before told: "replaced it", "rebooted that machine"
_ON_IT = re.compile(
    r"\b(?:replac|restart|reboot|remov|delet|reinstall|rebuil|upgrad|downgrad|swap|rotat|renew"
    r"|disabl|enabl|revert|roll(?:ed|ing)? back|get rid of|got rid of|decommission|rais|increas)"
    r"\w*\s+(?P<it>it|them|(?:that|this|those|these|the same) (?!(?:issue|problem|error|bug"
    r"|change|fix|outage|incident|mistake)s?\b)[\w-]+)\b"
)


def with_antecedent(b: Block, s: int, e: int) -> str:
    """The sentence, with the thing a change acts on by a pronoun replaced by what the sentence
    before (in the same paragraph) names; the sentence as written when there is none."""
    sentence = b.text[s:e]
    m = _ON_IT.search(sentence.lower())
    if not m:
        return sentence
    spans = own_sentences(b)
    before = [x for x in spans if x[1] <= s]
    if not before:
        return sentence
    prev = b.text[before[-1][0] : before[-1][1]]
    named = sorted(sem.specific_terms(prev) | named_things(prev))
    named += [x.group(0) for x in lexicon("system_part").finditer(prev.lower())]
    if not named:
        return sentence
    return sentence[: m.start("it")] + " and ".join(named) + sentence[m.end("it") :]


def applies_unnamed(told: list[tuple[Block, int, int]], n: int) -> bool:
    """A restart or reload that only applies a change an earlier sentence left unnamed ("Applied
    the right configuration. With a restart of the authentication service, it was back."), as
    "fixed the config and restarted nginx" does in one sentence: the restart names no change."""
    b, s, e = told[n]
    changes = [m.group().lower() for m in sem.CONCRETE_CHANGE.finditer(b.text[s:e])]
    if not changes or not all(_APPLY.match(c) for c in changes):
        return False
    return any(_UNNAMED_CORRECTION.search(x.lower[xs:xe]) for x, xs, xe in told[:n])


# what applies a change made elsewhere, or runs it again
_APPLY = re.compile(r"(?:restart|reboot|reload|re-?ran|re-?start)")
# a correction that says it was right, not what it was: "applied the right configuration",
# "restored the correct replication configuration", "corrected the syntax error"
_UNNAMED_CORRECTION = re.compile(
    r"\b(?:appl|restor|put|deploy|push)\w* (?:back )?(?:the |a )?(?:correct|right|proper|fixed"
    r"|corrected|updated|new|working)\b"
    r"|\b(?:correct|fix|revis|adjust|tweak)\w* (?:the |a |an |our )?(?:[\w-]+ )?(?:syntax )?"
    r"(?:errors?|mistakes?|issues?|problems?|misconfigurations?|config(?:uration)?s?|settings?"
    r"|scripts?|code)\b"
)
