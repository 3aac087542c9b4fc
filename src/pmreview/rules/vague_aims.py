"""Readings of PM104 on what a measure is for and what it aims at (rules/vague_context.py):

- `aim` (skip): the words stand in the purpose or the reason of the task before them: an
  infinitive after the task's object ("Put a balancer in front of the API nodes to optimise the
  overall performance") or a reason that looks ahead ("…, since that would increase the number
  of reviewers"). The task is judged by its own words. An infinitive after the people told
  ("Remind engineers to be more careful"), after a verb ("we have to improve …") or of being
  ("… to be clearer") is the measure itself.
- `target` (answer): a broad measure whose infinitive names a concrete target ("Strengthen
  alerting to detect failed nightly backups", "Update the runbook to include the new rotation
  steps"), or that says what it watches and where ("monitoring for checksum mismatches in the
  artifacts bucket"): it can be shown done. A generic target ("issues", "the changes",
  "abnormal behaviour") leaves it open.
- `rephrased` (answer): a wish restated as a task after "i.e.", "aka", "in other words"
  ("Be more careful with migrations, i.e. run each one against a copy of production first").
"""

from __future__ import annotations

import re

from ..text.verb_forms import action_words, gerund_of, past_of, verbs
from .vague_place import Place

_WORD = re.compile(r"[a-z][a-z'’-]*")
# an infinitive, or a reason that looks ahead ("since that would …", "because it will …")
_INFINITIVE = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_REASON = re.compile(
    r"\b(?:since|because|as)\s+(?:this|that|it|doing so|these|they)\s+"
    r"(?:would|will|should|could|may|might|can)\b"
)
# words before "to" that make it no purpose: the verbs and adjectives that take an infinitive
# ("have to", "make sure to", "be able to") and the people told what to do
_NOT_AFTER = action_words("purpose_blockers")
# infinitives of being: "… to be clearer" asks for a quality, it names no purpose
_BEING = frozenset({"be", "become", "stay", "remain", "get", "feel", "seem", "look", "do"})
# a main clause about unnamed measures ("The following measures will be put in place to …")
# states no task its purpose could follow
_UNNAMED = re.compile(r"\b(?:measures|steps|actions|changes|improvements|things|efforts?)\b")
# a new clause between the purpose and the words ("…; we will also …")
_BREAK = re.compile(
    r"[;:]\s|[.!?](?:\s|$)|\s[—–-]\s|,\s+(?:and|but|so|then)\s+(?:we|i|they|the team)\b"
)


def in_aim(place: Place) -> bool:
    """The words stand in the purpose or reason clause of a task stated before them."""
    before = place.before + place.words.split(" ", 1)[0]  # "… to optimise the performance"
    reason = [m.end() for m in _REASON.finditer(before)]
    aims = [m.start() for m in _INFINITIVE.finditer(before) if _purpose_at(before, m)]
    at = max(reason + aims, default=-1)
    if at < 0 or _BREAK.search(before, at):
        return False
    task = before[:at]
    return len(_WORD.findall(task)) >= 3 and not _UNNAMED.search(task)  # a task before it


# verbs of purpose that open no action item (data/verbs.txt lists those)
_PURPOSES = action_words("purpose_verbs")


def _purpose_at(before: str, m: re.Match[str]) -> bool:
    verb = m.group(1)
    if verb not in verbs() | _PURPOSES or verb in _BEING:
        return False
    previous = _WORD.findall(before[: m.start()])[-1:]
    if not previous:
        return False
    word = previous[0]
    if word in _NOT_AFTER or word in verbs() or word.endswith(("ing", "ed")):
        return False
    return past_of(word) is None and gerund_of(word) is None


# what a measure catches or what a document gains, after the words
_AIMED = re.compile(
    r"\bto\s+(?:[a-z]+ly\s+)?(?:detect|catch|flag|spot|find|identify|surface|alert (?:on|about)"
    r"|check for|(include|cover|describe|document|list))\s+"
    r"(?:(?:and|or|&)\s+(?:[a-z]+ly\s+)?[a-z]+(?:\s+(?:to|on|about|for))?\s+)?(.+)"
)
# what a document is: only a document gains what it is to include ("… to include the steps")
_DOCUMENT = re.compile(
    r"\b(?:documentation|docs?|runbooks?|playbooks?|wiki|readme|guides?|checklists?|manuals?"
    r"|handbook|procedures? document)\b"
)
# what a monitor or a test watches, and where ("for checksum mismatches in the bucket")
_WATCHED = re.compile(
    r"^\s*(?:and\s+[\w-]+\s+)?for\s+((?:[\w'’-]+\s+){1,6}?)(?:in|on|across|under|within|at)\s+"
    r"(?:the|all|each|every|our|its)\s+[\w./-]+"
)
# where a target's noun phrase ends
_CUT = re.compile(
    r"\s(?:in|on|at|for|from|to|of|between|among|around|before|after|during|across|within|related|that|which|who|when"
    r"|whenever|if|so|by|with|as|than|through|via|quickly|early|earlier|sooner|faster)\s|[,;.()]"
)
# words that name no target: kinds of trouble, kinds of change, the system at large, and the
# determiners and adjectives that leave them unnamed
_GENERIC = action_words("generic_targets")
# the kinds of trouble a check is to catch: named so, a target names no check ("query
# performance issues", "load balancing anomalies")
_TROUBLE = action_words("trouble_targets")


def _concrete(phrase: str) -> bool:
    """The noun phrase names a target: one of its parts ("A and B") names a thing that is no
    kind of trouble ("configuration inconsistencies", "permission issues" name no check) nor
    of change, nor the system at large."""
    head = _CUT.split(" " + phrase + " ", maxsplit=1)[0]
    for part in re.split(r"\s(?:and|or|&)\s", " " + head + " "):
        words = [w for w in _WORD.findall(part) if not w.endswith("ly")]
        if words and words[-1] not in _TROUBLE and any(w not in _GENERIC for w in words):
            return True
    return False


def names_target(place: Place) -> bool:
    """The measure names what it catches or gains, or what it watches and where."""
    after = place.after
    aimed = _AIMED.search(after)
    if aimed is not None and not _BREAK.search(after, 0, aimed.start()):
        if aimed.group(1) and not _DOCUMENT.search(place.words):
            return False
        return _concrete(aimed.group(2))
    watched = _WATCHED.match(after)
    if watched is not None:
        return _concrete(watched.group(1))
    checked = _CHECKED.match(after)  # "tests that exercise the uploader/worker handoff"
    named = _STATE.split(checked.group(1).replace("/", " and "))[0] if checked else ""
    return bool(named) and _concrete(named)


# what a test or a check verifies, told in a clause right after it ("checks that ensure the
# index and the table hold the same rows"), and where the thing it names ends (its state)
_CHECKED = re.compile(
    r"^\s*(?:that|which)\s+(?:will\s+|would\s+|can\s+)?(?:ensure|verify|validate|confirm|check"
    r"|exercise|compare|cover|test|assert)s?\s+(?:that\s+|whether\s+|if\s+)?(.+)"
)
_STATE = re.compile(
    r"\s(?:is|are|was|were|be|stays?|remains?|hold|holds|match(?:es)?|works?|runs?|behaves?"
    r"|parses?|loads?|starts?|stay)\s"
)


# a restatement of the wish ("i.e.", "aka", "in other words") and its first words
_RESTATED = re.compile(
    r"(?:[,(]|\s[—–-])\s*(?:aka|a\.k\.a\.?|i\.e\.?|ie|in other words|that is|meaning|namely)"
    r",?\s+(?:(?:we|i)\s+(?:should|will|must|need to)\s+)?([a-z]+)\b"
)
_NO_TASK = _BEING | {"try", "pay", "take", "do", "keep", "think", "care", "watch"}


def rephrased(place: Place) -> bool:
    """The wish is restated as a task: after "i.e." or "aka", a verb of doing."""
    found = _RESTATED.search(place.after)
    verb = found.group(1) if found else ""
    return verb in verbs() | {"have"} and verb not in _NO_TASK


_RECOUNTS = re.compile(
    r"\bwent (?:well|wrong|poorly|badly|right)\b|\b(?:got|were) lucky\b"
    r"|\b(?:didn[’']t|did not) go (?:well|right|smoothly|as planned)\b",
    re.I,
)


def recounts(title: str) -> bool:
    """The section's title asks what happened ("What went well", "Where we got lucky"): what
    it says is the account of the incident, not a measure or a lesson to guard by."""
    return _RECOUNTS.search(title) is not None
