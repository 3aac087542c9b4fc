"""Readings of PM104's words that tell what already happened, not a measure to take
(rules/vague_context.py):

- `record`: the record of a review or an approval held ("Reviewed at the Problem Board on 3
  March 2025.", "Approved by the CAB on 2025-03-11", "This report was reviewed by the platform
  leads on 12 May"): a participle of reviewing with no object, the body that held it and a
  date; "Reviewed and improved the alerting" or "Review the process on 3 March" are measures.
- `narrated`: a vague time in the story of the incident ("At some point after lunch the
  database stopped working"): the words' sentence goes on in the past tense and nothing in the
  sentence looks ahead; "At some point we should migrate …", "At some point, add …" are
  measures put off.

- `reported`: what a check or a review found ("Extensive monitoring confirmed the scope",
  "Additional testing revealed no loss of data"): the words are the subject of a verb of
  finding in the past, a step of the response; "Increased monitoring was implemented" is a
  measure told as done.
- `conducted`: how the team acted ("Proactively contacted by email", "Failed to proactively
  notify partners"): the words qualify a verb in the past or a failure, in a sentence that
  looks ahead to nothing; "We will proactively notify partners" is a measure.

And PM103's words that are no fix told:

- `found`: a state the investigation found ("it became clear that the campus network was
  working normally", "tests showed that the VPN was working fine"): the words are what a verb
  of finding says was so, a step of the search, not how the incident was fixed.
- `told_elsewhere`: a change referred to by its result ("with the corrected configuration",
  "with the updated settings") in a document that gives, in another block, which setting and
  what value: the reader can look it up.

And PM105's `feedback`: what some people told the team is about its own communication ("some
of you told us that our updates weren't telling you much"), not the failure they noticed.
"""

from __future__ import annotations

import re

from ..text.times import has_date
from ..text.verb_forms import past_of, verbs
from .vague_markers import TESTS, markers
from .vague_place import Place

# a participle of reviewing, its subject and auxiliary before it at most, and who held it
_RECORD = re.compile(
    r"^(?:[\w'’ -]{0,60}?\b(?:was|were|has been|have been|had been)\s+)?"
    r"(?:reviewed|approved|signed off|accepted|ratified|endorsed|discussed|presented)"
    r"\s+(?:at|by|in|during|with)\b"
)
_LEAD = re.compile(r"^[\s>*_#+•—–-]*(?:\d+[.)]\s*)?")
# words before a past form that make it no finite verb ("the updated config", "a failed job")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "its", "my"})
# the past forms of being and of the verbs a story of an outage tells most, besides -ed forms
_PAST = frozenset({"was", "were", "had", "went", "came", "fell", "broke", "began", "got", "became"})


def _past(word: str) -> bool:
    if word in _PAST or past_of(word) is not None:
        return word not in verbs()
    return len(word) > 4 and word.endswith("ed")


def records(place: Place) -> bool:
    """The sentence records a review or an approval held on a date."""
    s, e = place.sentence
    sentence = place.block.lower[s:e]
    opening = _LEAD.sub("", sentence)
    return _RECORD.match(opening) is not None and has_date(sentence)


def narrated(place: Place) -> bool:
    """The words are a time in a sentence told in the past, in a sentence that looks ahead to
    nothing."""
    s, e = place.sentence
    if markers()["future"].search(place.block.lower[s:e]):
        return False
    words = re.findall(r"[a-z]+", place.after)
    if words and words[0] in verbs():  # "at some point, add …": an instruction
        return False
    return any(
        _past(w) and (k == 0 or words[k - 1] not in _DETERMINERS) for k, w in enumerate(words)
    )


# a verb of finding and the subject of what it found, just before the words
_FOUND = re.compile(
    r"\b(?:(?:became|was|is|it['’]s) (?:clear|apparent|evident|obvious)|found|confirmed"
    r"|show(?:ed|n|s)|established|determined|verified|noticed|saw|learn(?:ed|t)|reali[sz]ed|discovered"
    r"|turned out)\s+(?:that\s+)?(?:[\w./-]+\s+){0,6}(?:was|were|is|are)\s+(?:still\s+|all\s+)?$"
)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+$")


def found(place: Place) -> bool:
    """The words are a state that the search found."""
    return _FOUND.search(place.before) is not None


def told_elsewhere(place: Place) -> bool:
    """The words refer to a change by its result, and another block of the document names the
    setting and its value."""
    if place.doc is None or not _DEFINITE.search(place.before):
        return False
    others = (b for s in place.doc.sections for b in s.blocks if b is not place.block)
    return any(TESTS["setting"](b.lower) for b in others)


# what was told is about the team's own communication, not the failure
_FEEDBACK = re.compile(
    r"^[^.;]{0,40}?\b(?:that\s+)?(?:our|your|the)\s+(?:status\s+)?(?:updates?|communications?"
    r"|messages?|emails?|e-mails?|notices?|notifications?|replies|responses?|announcements?"
    r"|posts?|status page|support tickets?)\b"
)


def feedback(place: Place) -> bool:
    """What the words say was told is about the team's updates or replies."""
    return _FEEDBACK.search(place.after) is not None


# a verb of finding just after the words, with no modal between ("would have shown" is a wish)
_REPORTED = re.compile(
    r"^\s*(?:(?!(?:would|could|should|might|will|can|may|must)\b)[\w-]+\s+){0,3}?"
    r"(?:confirmed|revealed|showed|indicated|identified|detected|uncovered|surfaced|caught"
    r"|flagged|found|established|verified|ruled out)\b"
)


def reported(place: Place) -> bool:
    """The words are what found something, told in the past."""
    s, e = place.sentence
    if markers()["future"].search(place.block.lower[s:e]):
        return False
    return _REPORTED.match(place.after) is not None


# a failure to act just before the words ("failed to proactively …", "did not … ")
_FAILED = re.compile(
    r"\b(?:failed to|did not|didn['’]t|never|was not|were not|wasn['’]t|weren['’]t)\s+$"
)


def conducted(place: Place) -> bool:
    """The words qualify what the team did or failed to do, in a sentence of the past."""
    s, e = place.sentence
    if markers()["future"].search(place.block.lower[s:e]):
        return False
    if _FAILED.search(place.before):
        return True
    return _qualified_verb(re.findall(r"[a-z]+", place.after)[:5])


def _qualified_verb(words: list[str]) -> bool:
    """The first words after the words are a verb in the past, after what is joined to the
    words ("and retroactively", "and during the outage"): no verb of another clause."""
    if words[:1] in (["and"], ["or"]):
        joined = next((k for k, w in enumerate(words[1:4], 1) if w.endswith("ed")), 0)
        if not joined or any(w in verbs() for w in words[1:joined]):
            return False
        words = words[joined:]
    return bool(words) and words[0].endswith("ed") and past_of(words[0]) is not None
