"""Readings of a hedged cause ("probably", "it appears that", PM101's guesses) that the author
grounds, so the reader is not left to guess what was confirmed (rules/vague_context.py, skip
`grounded`):

- the author says plainly what is not known, in the hedge's sentence or the one just before or
  after it ("We cannot know for certain, but it appears …", "… probably the storage driver.
  The exact root cause is still unknown"): the question "or is it still unknown?" is answered;
- the sentence names the evidence the inference was drawn from, before the hedge ("Comparing
  the timestamps with the session log, it appears …", "Judging by the worker logs, …"), or the
  hedge's paragraph follows the shown output it reads (a code block just before it);
- the hedge is an inference the team made on the way ("we inferred that the intrusion was
  probably …", "I realised it was probably in the code, so I ran strace"), told outside the
  root cause and the summary: a step of the search, not the final account of the cause. "We
  concluded that it was probably the cache" in the root cause is the account still.

`named_next`: a fault found by its kind in a timeline entry ("12:15 certain files are
missing", "09:40 a misconfiguration is suspected") whose next entry names the thing exactly
(code, a file, a path): the timeline tells the search step by step.

`owned` alone (the first reading) serves words that leave a thing unnamed because its owner
gave no more ("failed due to problems on the hypervisor (no additional details provided by
the upstream provider)").
"""

from __future__ import annotations

import re

from .vague_markers import marked
from .vague_place import CLAUSE_END, Place
from .vague_roles import CAUSE_KINDS

# not knowing, said as such
_OWNED = re.compile(
    r"\b(?:(?:can ?not|can[\x27’]t|could not|couldn[\x27’]t|were unable to|are unable to"
    r"|unable to)\s+(?:yet\s+)?(?:know|say|tell|be (?:sure|certain)|confirm|determine|establish"
    r"|verify)\b(?:[^.;]{0,40}?\b(?:for (?:certain|sure)|exactly|with certainty|conclusively)\b)?"
    r"|\b(?:exact|precise|real|actual|root|underlying|ultimate)\s+(?:root\s+)?(?:cause|trigger"
    r"|reason)\s+(?:is|was|remains|remained)\s+(?:still\s+)?(?:unknown|unclear|not (?:yet )?"
    r"(?:known|clear|confirmed|understood))"
    r"|\bno (?:further|additional|more|other) (?:details|information|explanation)\b"
    r"|\bnot (?:known|confirmed|clear) for (?:certain|sure)\b)"
)
_CANNOT_KNOW = re.compile(
    r"\b(?:can ?not|can[\x27’]t|could not|couldn[\x27’]t)\s+(?:yet\s+)?(?:know|say|tell"
    r"|be (?:sure|certain))\b"
)
# the evidence an inference was drawn from, named before the hedge in its sentence
_EVIDENCE = re.compile(
    r"\b(?:comparing|compared|correlating|judging (?:by|from)|based on|according to"
    r"|going by|from)\s+(?:the\s+|our\s+|these\s+|its\s+|their\s+)?(?:[\w./-]+\s+){0,4}?"
    r"(?:logs?|output|traces?|timestamps?|time\s?stamps?|dumps?|metrics|graphs?|dashboards?"
    r"|records?|headers?|packet captures?|pcaps?|stack ?traces?|results?)\b"
)
# an inference the team made then, governing the hedge's clause
_INFERRED = re.compile(
    r"\b(?:we|i|the team|they|engineers|the engineers)\s+(?:had\s+|first\s+|initially\s+|then\s+"
    r"|soon\s+|quickly\s+|also\s+)?(?:inferred|realised|realized|deduced|figured|assumed"
    r"|suspected|guessed)\b(?:\s+that)?(?:\s+[\w./'’-]+){0,8}?\s*$"
)


def owned(place: Place) -> bool:
    """The words' sentence, or the one just before or after it, says plainly what is not known
    ("problems on the provider's hypervisor (no additional details provided)")."""
    sentence = place.block.lower[slice(*place.sentence)]
    return _OWNED.search(sentence) is not None or _OWNED.search(place.nearby) is not None


def grounded(place: Place) -> bool:
    """Whether the author grounds the hedged words (the readings above)."""
    if owned(place):
        return True
    if _EVIDENCE.search(place.before) or _after_output(place):
        return True
    if place.section.kinds & (CAUSE_KINDS | {"summary"}):
        return False
    return _INFERRED.search(CLAUSE_END.split(place.before)[-1]) is not None


def _after_output(place: Place) -> bool:
    """The hedge opens its paragraph, and the last non-blank line above the paragraph closes a
    code block (the output it reads)."""
    if place.doc is None or not place.spans or place.sentence != place.spans[0]:
        return False
    lines = place.doc.source.lines
    above = (lines[k].strip() for k in range(place.block.line - 2, -1, -1))
    last = next((line for line in above if line), "")
    return last.startswith(("```", "~~~")) or last.endswith("`") and last.count("`") % 2 == 1


def named_next(place: Place) -> bool:
    """The words stand in the timeline and the next entry (the next sentence of their block, or
    the next block) names the thing exactly."""
    return "timeline" in place.section.kinds and marked("named")(place.next_block)
