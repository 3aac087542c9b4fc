"""The `other_event` reading of PM103 (rules/vague_context.py): words of a fix that tell of
another event than this incident's fix, so they claim nothing about how it was fixed:

- the reason for a belief or a decision of the responders ("we assumed the interface was at
  fault, because the vendor applied a patch the day before"; "I ignored the page because it
  had flapped last week and fixed itself"): the fix is their ground, not the remedy;
- a fix their own clause dates to an earlier time ("the same alert fixed itself twice last
  week", "a patch applied the previous Monday").

A fix that is the reason for the recovery ("it came back because we applied a patch") is the
remedy itself and stays a claim.
"""

from __future__ import annotations

import re

from .vague_markers import markers
from .vague_place import CLAUSE_END, Place

# a belief or a decision, before a reason clause that the words stand in
_BELIEF = re.compile(
    r"\b(?:assum\w*|suspect\w*|thought|think\w*|blam\w*|ignor\w*|believ\w*|guess\w*|figur\w*"
    r"|dismiss\w*|did\s*n[\x27’]?t\s+(?:worry|bother|look|check)|decided|chose)\b"
)
_REASON = re.compile(r"\b(?:because|since|bc|cuz|given that)\b")
# an earlier time in the words' clause
_EARLIER = re.compile(
    r"\b(?:last|previous|prior|preceding|yesterday|earlier\s+(?:that|this)\s+(?:week|month)"
    r"|the\s+(?:day|week|night|month|weekend)\s+before|(?:days|weeks|months)\s+(?:ago|before))\b"
)


def other_event(place: Place) -> bool:
    """The words tell a fix that grounds a belief or a decision, or one of an earlier time."""
    reasons = list(_REASON.finditer(place.before))
    if reasons and _BELIEF.search(place.before, 0, reasons[-1].start()):
        return True
    clause = CLAUSE_END.split(place.before)[-1] + " " + CLAUSE_END.split(place.after)[0]
    return _EARLIER.search(clause) is not None


# what a planned change will go out in ("will be applied in a separate change", "ships as
# part of another release")
_CARRIED = re.compile(r"\b(?:in|as\s+part\s+of|with|via|through|under|by)\s+$")


def later_change(place: Place) -> bool:
    """The words name the change that will carry a planned step ("the corrected rule will be
    applied in a separate change"): a future change, with no identity yet, not a cause."""
    sentence = place.block.lower[slice(*place.sentence)]
    return (
        _CARRIED.search(place.before) is not None
        and markers()["future"].search(sentence) is not None
    )
