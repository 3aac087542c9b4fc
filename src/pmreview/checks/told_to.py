"""An escalation told in the present, as many timelines are written ("Marta pages the
database on-call", "I call Abebe", "we inform our mentor", "the monitor alerts the DBA team"):
a verb of lexicon.toml's `escalation_present` read as a verb, and whom it went to as its
object, the words after it up to the end of the phrase.

Most of these words are nouns as well ("error pages", "a call with", "the alerts"), so a
word counts as a verb only when no determiner or preposition stands before it and an object
follows it: a determiner or possessive ("pages the…", "informs our…") or a capitalised name
("calls Abebe"). A base form ("call", "inform") needs a subject before it ("I call", "we then
inform"): after "to" or "will" it is a plan, not a call made, and so is one under a condition
("if it recurs, we page the DBA"). A denied one ("nobody pages the DBA", "we do not inform
the owner") is none."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Block
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from ..text.sentences import sentences
from . import semantics as sem
from .semantics import Evidence

# a noun reading: "the page", "a call with", "error pages", "on call"
_NOUN_BEFORE = Lazy(
    r"(?:^|\b(?:a|an|the|this|that|these|those|our|my|your|his|her|their|its|every|each|any"
    r"|some|no|on|in|of|for|to|with|by|from|via|during|after|before|per|error|web|status"
    r"|landing|home|api|phone|conference|video|zoom|slack|teams|email|e-mail|text|sms|voice"
    r"|will|would|should|must|can|could|may|might|shall)\s+)$"
)
# who calls, in a base form's clause: "I call", "we then inform", "they also page"
_SUBJECTS = frozenset({"i", "we", "they"})
_BETWEEN = frozenset({"then", "also", "now", "both", "immediately", "quickly", "finally"})
# a person or the responders as the subject of a verb in the present ("she pages", "the NOC
# pages", "the on-call lead then calls"), or an alarm that pages ("the disk alert pages");
# detection.py reads the same subjects as someone paging another, not an alarm
_PERSON = (
    r"i|we|they|he|she|who|someone|noc|soc|teams?|engineers?|on-?call|lead|commander|managers?"
    r"|sre|operators?|desk|staff|admins?|dba"
)
PERSON_BEFORE = Lazy(rf"\b(?:{_PERSON})\s+(?:(?:then|also|now|immediately|\w+ly)\s+)?$")
ALARM_BEFORE = Lazy(
    r"(?:\b(?:alert|alarm|monitor|check|probe|rule|slo|pagerduty|opsgenie|bot)s?|`)"
    r"\s+(?:(?:then|also|now|immediately|\w+ly)\s+)?$"
)
_IF = Lazy(r"\b(?:if|whenever|unless|in case)\b")
# a denial a few words before a verb: "nobody pages", "we do not inform", "no alert fired"
# (detection.py reads it too); searched only in the words before the verb
DENIED = Lazy(
    r"(?:\b(?:nobody|no one|no-one|nothing|never|not|no|without)\b|n[’']t\b"
    # the apostrophe left out, as hurried notes do: "didnt notice"
    r"|\b(?:did|do|does|was|were|had|have|has|could|would|is|are)nt\b)"
    r"[ \t]+(?:[\w-]+[ \t]+){0,2}$"
)
# what starts an object: a determiner or possessive ("the", "our") or, in the text as
# written, a capitalised word or a handle ("Abebe", "@dana")
_OBJECT_START = Lazy(r"(?<!\s)\s+(?:(?:the|our|my|their|his|her|its|your)\b|@)")
_NAME_START = Lazy(r"(?<!\s)\s+[A-Z][a-z]")
# where the object ends: a clause mark or a word that starts what follows it
_OBJECT_END = Lazy(
    r"[,;:()\[\]!?]|\.(?:\s|$)|\s(?:to|for|about|with|from|by|that|who|which|and|because|as|so"
    r"|while|when|after|before|if|at|since|but)\b"
)


def present_verbs(text: str, low: str) -> Iterator[tuple[int, int]]:
    """Where in a sentence (`text` as written, `low` lower-cased the same length) a verb of
    escalation_present is used as a verb with an object: for each, where the object names
    whom (after the verb, or past a possessive) and where it ends."""
    for m in lexicon("escalation_present").finditer(low):
        before = low[max(0, m.start() - 40) : m.start()]
        if before[-1:] not in ("", " ") or _NOUN_BEFORE.compiled.search(before):
            continue  # part of a name ("#shop-alerts") or a noun ("the pages")
        if denied(low, m.start()) or _conditional(low[: m.start()]):
            continue  # "nobody pages…"; "if it recurs, we page…": a rule, not a page made
        if not _made_by_someone(text, before, m):
            continue  # "the frontend calls Stripe": a program calling a service
        at = m.end()
        if _OBJECT_START.compiled.match(low, at) or _NAME_START.compiled.match(text, at):
            stop = _OBJECT_END.compiled.search(low, at + 1)
            end = stop.start() if stop else len(low)
            if low[end : end + 1] != "?" and not _THING_END.compiled.search(low, at, end):
                yield _owned(low, at, end), end  # not asked ("we notify X? no") nor a thing


def denied(low: str, at: int) -> bool:
    """Whether a denial stands in the few words before `at` ("nobody pages", "never alerted")."""
    return DENIED.compiled.search(low, max(0, at - 48), at) is not None


def _made_by_someone(text: str, before: str, m: re.Match[str]) -> bool:
    """Whether a verb's subject is a person, the responders or an alarm: a base form needs
    "I", "we" or "they" before it; a form in -s a name, a person's role or an alarm ("Kwesi
    pages", "the team lead then pages", "the disk alert pages", "…fails and pages"), not a
    part of the system ("the frontend calls Stripe", "the balancer forwards Kubernetes…")."""
    if not m.group(0).endswith("s"):
        return _has_subject(before)
    words = text[max(0, m.start() - 40) : m.start()].split()
    if not words or words[-1][:1].isupper() or words[-1] == "and":
        return True
    return bool(
        PERSON_BEFORE.compiled.search(before)
        or ALARM_BEFORE.compiled.search(before)
        or lexicon("escalation_target").search(words[-1].lower())
    )


# an object that is a thing, not whom: "the leadership page", "the Security module"
_THING_END = Lazy(
    r"\b(?:pages?|modules?|apis?|services?|endpoints?|traffic|dashboards?|sites?|functions?"
    r"|librar(?:y|ies)|servers?|databases?|queues?|buckets?|urls?|requests?|keys?)\s*$"
)


def _conditional(before: str) -> bool:
    """Whether the words `before` a verb open the main clause of a condition ("if it recurs,
    we page…"; not "we check if the disk is full and call…")."""
    head, comma, tail = before.rpartition(",")
    if not comma or len(tail.split()) > 2:
        return False
    return _IF.compiled.search(re.split(r"[.;:]", head)[-1]) is not None


def _has_subject(before: str) -> bool:
    """Whether the words before a base form are its subject: "I", "we then", or a pronoun
    earlier in the sentence and "and" ("I check the logs and call…")."""
    words = before.split()
    if words[-1:] == ["and"]:
        return not _SUBJECTS.isdisjoint(words)
    if words and (words[-1] in _BETWEEN or words[-1].endswith("ly")):
        words.pop()
    return bool(words) and words[-1] in _SUBJECTS


def _owned(low: str, start: int, end: int) -> int:
    """Where the object start..end names what it is, past its last possessive: in "calls
    Apple's API" the API, in "messages the provider's support desk" the support desk."""
    owner = max(low.rfind("'s ", start, end), low.rfind("’s ", start, end))
    return owner + 2 if owner >= 0 else start


def asked_by_mention(blocks: list[Block]) -> Evidence | None:
    """A person asked for help by name in a chat message ("@yaw can you look at this?",
    "@dana, please check the disk"): the incident brought to them. The request is a question,
    which other readings skip as evidence; "@here" and "@channel" name nobody."""
    for b in blocks:
        if "@" not in b.text:
            continue
        for s, e in sentences(b):
            if _MENTION_ASKED.compiled.search(b.lower, s, e):
                return sem.evidence(b, s, e)
    return None


_MENTION_ASKED = Lazy(
    r"(?:^|(?<=\s))@(?!here\b|channel\b|everyone\b)[\w.-]+[,:]?\s+"
    r"(?:(?:can|could|would) you|please|pls|help|any idea)\b"
)
