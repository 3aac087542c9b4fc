"""Readings of words that tell how the incident unfolded, not the author's final account of
its size or its cause (rules/vague_context.py).

PM102's words (skip `unfolding`), not how big or how long the impact was:

- a vague count of parts of the system or of places ("still retried on some pods", "a
  handful of internal IPs", "reports came from some regions first") in the timeline, in the
  cause, or in a sentence that explains why, when the document states the share of the
  affected users or requests where it states the impact: the count tells the mechanism, and
  the size of the impact is answered.
- a relative time ("within a few minutes", "shortly after") in the root cause: the order of
  the mechanism's steps ("within a few minutes the cluster was evicting"); the timeline and
  the summary give the clock, and are read as they are.
- `detection`: a count of the people who noticed or told first ("a few people in my cohort
  noticed before I did", "some users let us know"): how it was detected, not how many were
  affected ("some users noticed errors" is the impact still); who found it after what they
  were doing ("some developers had been pairing, identified the issue"), not who was hit
  and told.

PM101's words:
- `theory`: a hedge in a timeline entry ("13:25 we think the new endpoint has an N+1 query")
  is what the team believed at that time, a step of the investigation, in a document whose
  root-cause section gives the cause.
- `located`: the area of the cause ("found the issue was with the firewall") in the timeline
  of a document with a root-cause section: where the search led at that step.
- `explained`: a fault named by its kind ("11:00 misconfiguration detected and fixed") in the
  timeline or the summary of a document whose root-cause section names the setting (code, a
  file, a path, or the setting's kind: "the replication factor"): the timeline tells the
  step and the summary recaps, the root cause names the setting; one whose root cause names
  no setting either is vague still.
- `headline`: a cause named by its kind ("caused by a time synchronisation problem on two of
  the servers"; not a bare "a bug") in the first sentence of a root-cause paragraph whose
  next sentences tell the mechanism (at least two, naming a concrete thing or an amount).
- `asked`: a sentence that is a question ("Maybe the disk filled up somehow?") weighs a
  hypothesis; `observation`: a hedge on when or by whom something was seen, with no reason.
"""

from __future__ import annotations

import re

from ..checks.semantics import specific_terms
from ..text.prefilter import Lazy
from .vague_markers import TESTS, markers
from .vague_place import CLAUSE_END, Place
from .vague_roles import CAUSE_KINDS, IMPACT_KINDS, explains

# parts of a system and places in it, which a count of the affected does not count
_PARTS = Lazy(
    r"(?:pods?|nodes?|hosts?|servers?|instances?|machines?|vms|containers?|clusters?|shards?"
    r"|partitions?|replicas?|workers?|brokers?|queues?|keys?|ips?|addresses|regions?|zones?"
    r"|edges?|data ?cent(?:er|re)s?|racks?|disks?|volumes?|buckets?|caches?|processes"
    r"|threads?|databases?)"
)
_WORD = re.compile(r"[a-z][a-z-]*")
# the words before the counted noun that are no noun ("other internal IPs"): these, and
# words in -al, -ed and -ing
_MODIFIERS = frozenset({"of", "the", "our", "their", "its", "other", "more"})
_QUANTIFIERS = frozenset(
    {"a", "some", "few", "quite", "handful", "several", "many", "most", "couple", "lot", "lots"}
    | {"number"}
)
_RELATIVE = Lazy(r"within a few|shortly")
# a cause named by its kind: a word that is no mere degree before the noun ("a time
# synchronisation problem", not "a bug" or "a serious issue")
_KIND = Lazy(
    r"\b(?:a|an|some)\s+(?!(?:minor|small|big|major|serious|strange|weird|odd|critical"
    r"|unexpected|unknown|technical|hidden|sneaky|nasty|subtle|simple|new)\b)[a-z][\w-]+\s+"
    r"(?:[\w-]+\s+)?(?:bug|issue|problem|error|malfunction|failure|mistake)\b"
)
_BELIEF = Lazy(
    r"\b(?:think|believe|suspect|probably|maybe|perhaps|might|could|seems?|appears?|likely"
    r"|possibly)\b"
)


def unfolds(place: Place) -> bool:
    """Whether PM102's words tell how the failure unfolded (its two readings above)."""
    kinds = place.section.kinds
    if _RELATIVE.compiled.match(place.words):
        return bool(kinds & CAUSE_KINDS) and not kinds & IMPACT_KINDS
    if not place.impact_stated or not _counts_part(place):
        return False
    told = kinds & CAUSE_KINDS or "timeline" in kinds
    return bool(told) or explains(place.block.lower[slice(*place.sentence)])


def _counts_part(place: Place) -> bool:
    """The words count parts of the system or places: the first word after the quantifier
    that is no modifier names one ("a handful of other internal IPs")."""
    clause = CLAUSE_END.split(place.after, maxsplit=1)[0]
    words: list[str] = [*_WORD.findall(place.words), *_WORD.findall(clause)[:4]]
    for word in words[1:]:
        if _PARTS.compiled.fullmatch(word):
            return True
        if not (word in _MODIFIERS or word.endswith(("al", "ed", "ing")) or word in _QUANTIFIERS):
            return False
    return False


# who noticed or told first: the verb, then the incident at most, then the end of the clause,
# "before", "first" or whom they told ("… noticed before I did", "… told us on Slack")
_NOTICED = Lazy(
    r"^(?:\s+[\w'’-]+){0,5}?\s+(?:noticed|spotted|pointed\s+(?:it\s+|this\s+)?out|told"
    r"|messaged|pinged|texted|e-?mailed|let\s+(?:me|us)\s+know)\b(?:\s+(?:it|this|that"
    r"|the\s+(?:outage|issue|problem|incident|downtime)))?(?=\s*(?:$|[,.;:!)]|(?:before|first"
    r"|and|in|on|via|through|over|me|us)\b))"
)


# who found the incident, after what they were doing ("Some developers had been pairing in the
# office, identified the issue, …"), or who reported "the same" after a first report: the
# verb and the incident, then the end of the clause
_FOUND_IT = Lazy(
    r"^((?:\s+[\w'’-]+,?){0,10}?)\s+(?:identified|found|discovered|detected|diagnosed|caught"
    r"|reported|flagged|raised)\s+(?:of\s+|about\s+)?(?:it|this|that|the\s+(?:outage|issue|problem"
    r"|incident|bug|fault|cause)|the\s+same(?:\s+(?:issue|problem|thing|fault|outage))?)"
    r"(?=\s*(?:$|[,.;:!)]|(?:and|in|on|via|through|to|with|before|first)\b))"
)


def detection(place: Place) -> bool:
    """PM102's words count the people who noticed or told first (the readings above), not
    people who were hit and then told ("Several customers could not pay and reported the
    issue")."""
    if _NOTICED.compiled.match(place.after) is not None:
        return True
    found = _FOUND_IT.compiled.match(place.after)
    return found is not None and markers()["harm"].search(found.group(1)) is None


# a belief held then, in the past tense, that the words' clause goes on to state ("I assumed
# nginx was somehow serving the old certificate")
_HELD = Lazy(
    r"\b(?:assumed|suspected|thought|figured|guessed|believed|was\s+sure|were\s+sure"
    r"|was\s+convinced|were\s+convinced)\b(?:\s+that)?(?:\s+[\w./-]+){0,8}?\s*$"
)


def theory(place: Place) -> bool:
    """A hedge on a belief ("we think", "probably"; not "there was something about"), or words
    of not knowing inside a belief held then ("I assumed nginx was somehow serving it"), in
    the timeline of a document that has a root-cause section."""
    if not located(place):
        return False
    held = _HELD.compiled.search(CLAUSE_END.split(place.before)[-1]) is not None
    return held or _BELIEF.compiled.search(place.words) is not None


def located(place: Place) -> bool:
    """The words stand in the timeline ("14:30 found the issue was with the firewall") of a
    document that has a root-cause section: where the search led at that step, which the root
    cause tells in full."""
    if "timeline" not in place.section.kinds or place.doc is None:
        return False
    return any(s.kinds & CAUSE_KINDS and s.blocks for s in place.doc.sections)


def explained(place: Place) -> bool:
    """The words stand in the timeline or the summary of a document whose root-cause section
    names the setting (the reading above)."""
    kinds = place.section.kinds
    recap = "summary" in kinds and not kinds & CAUSE_KINDS
    if not (recap or located(place)) or place.doc is None:
        return False
    told = (b.lower for s in place.doc.sections if s.kinds & CAUSE_KINDS for b in s.blocks)
    return any(TESTS["named"](text) or TESTS["parameter"](text) for text in told)


def headline(place: Place) -> bool:
    """The words open a root-cause paragraph that goes on to tell the mechanism."""
    kinds, spans = place.section.kinds, place.spans
    if not kinds & CAUSE_KINDS or place.block.kind != "paragraph" or len(spans) < 3:
        return False
    if place.sentence != spans[0] or not _KIND.compiled.search(place.words):
        return False
    rest = place.block.text[spans[1][0] :]
    return bool(specific_terms(rest)) or TESTS["quantity"](rest.lower())


# seeing, noticing or starting: when or by whom something was seen, not why it happened
_OBSERVED = re.compile(
    r"\b(?:see|saw|seen|seeing|notic\w+|observ\w+|report\w*|spott\w+|start(?:ed|ing)|began"
    r"|begun)\b"
)


def observation(place: Place) -> bool:
    """A hedge on when or by whom something was seen ("users probably started seeing the error
    in the morning") and on no cause: the sentence gives no reason."""
    sentence = place.block.lower[slice(*place.sentence)]
    return _OBSERVED.search(sentence) is not None and not explains(sentence)


def is_asked(place: Place) -> bool:
    """The sentence is a question ("Maybe the disk filled up somehow?"): a hypothesis the
    author weighed, not the cause stated."""
    return place.block.text[slice(*place.sentence)].rstrip(" *_)").endswith("?")
