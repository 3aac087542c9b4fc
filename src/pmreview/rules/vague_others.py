"""Readings of PM102 (rules/vague_context.py) by which impact words tell no impact of the
author's incident:

- `other_party`: another organisation's outage, named by its product ("delayed by a GitHub
  service degradation", "an AWS service disruption"): a cause or an aside, sized in its own
  report, not the author's impact; "our service degradation" or a sentence-opening word is
  no other party;
- `risked`: what could happen, told in a section of risks or hazards ("Risks and hazards",
  "Risk assessment"): a risk has no size to give, the impact section counts the losses.
"""

from __future__ import annotations

import re

from .vague_place import Place

# a product name as written just before the words ("a GitHub ", "the AWS "), not the first word
# of a sentence or of a list item
_NAMED_BEFORE = re.compile(
    r"(?<=[a-z,;:(] )(?:an?|the)\s+(?!(?:The|This|Our|We|It|A|An|Its|Their)\b)[A-Z][\w.&-]+\s*$"
)
_RISK_TITLE = re.compile(r"\b(?:risks?|hazards?|threats?|exposure)\b", re.I)


def other_party(place: Place) -> bool:
    """The words are another party's outage, named by its product just before them."""
    s = place.sentence[0]
    return _NAMED_BEFORE.search(place.block.text[s : place.span[0]]) is not None


def risked(place: Place) -> bool:
    """The words stand in a section of risks, which tells what could happen."""
    kinds = place.section.kinds
    return not kinds & {"impact", "summary"} and _RISK_TITLE.search(place.section.title) is not None
