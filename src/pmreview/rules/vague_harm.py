"""The `unharmed` reading of PM102 (rules/vague_context.py): words that count a group of people
or things ("a few people", "some regions", "most browsers") are a claim about how many the
incident hit only where the group's own clause says something happened to them: they failed,
could not, saw or got an error, were hit, lost, waited, complained. Where the clause gives the
group another role, the count sizes nothing of the impact:

- who asked, noticed or suggested ("since a few people asked in the channel", "quite a few
  classmates noticed");
- what a design assumes or how software behaves ("assumes only a few workers reload at once",
  "most browsers refuse to go on");
- where things are, or a calendar ("shards that existed in some regions but not yet in …",
  "the first week of term for many of our new students");
- an instruction to the group ("anyone who saw an error should submit the form again"), even
  where the group is defined by a harm.

A group with no clause around it at all ("- some users" under "Who was affected"), one in a
field labelled as the impact, and one whose clause names neither a harm nor another role
(rules/vague_group.py: "were using it at the time", "had to rely on paper") is the claim
itself and stays. The marker words are `harm` and `instruction` of the `[context]`
table of data/vague.toml.
"""

from __future__ import annotations

import re

from . import vague_group as group
from .vague_markers import markers
from .vague_place import BRACKETED, CLAUSE_END, Place

# a new clause that the group's predicate does not cross ("… in some regions but not yet in
# these three", "… noticed, and two of them …")
_CLAUSE = re.compile(
    CLAUSE_END.pattern
    + r"|\b(?:whereas|while|although|though|because|since)\b|\bbut not (?=(?:yet|in|on|at|for)\b)"
)
# the count in words that name a harm first ("errors for many users", "disruption … for some")
_COUNT = re.compile(
    r"\b(?:several|many|most|some|few|couple|numerous|countless|multiple|various|certain|number"
    r"|lots?|handful|bunch|plenty|tons|loads|heaps|portion|part|share|fraction|subset|majority"
    r"|minority|proportion|percentage|chunk|amount|anyone|anybody|whoever)\b"
)
# words that are a state or a share told with their own verb ("were mostly fine", "close to
# no users", "worked sometimes"): the words carry their claim, whatever the clause says
_STATED = re.compile(r"\b(?:no|all|mostly|sometimes|occasionally|intermittently)\b")
# a harm word that governs the group from before it, a few words away at most ("affected many
# users", "errors for some customers", "the API returned 503 for a large share of calls")
_REACH = 4
# a next clause that goes on about the same group ("most shoppers pay by card, and their
# payments failed")
_CONTINUES = re.compile(
    r"^[,;]?\s*(?:and|but|so|then)\s+(?:their|they|them|these|those|its|whose)\b"
)
# "only" before the words: the count is the extent of the impact ("only a few merchants had
# payouts that night"); a design or an expectation before them: what the system assumes
_ONLY = re.compile(r"\bonly\s+(?:(?:a|an|the)\s+)?$")
_EXPECTS = re.compile(
    r"\b(?:assumes?|expects?|relies on|(?:is|was) built (?:for|on)|(?:is|was) designed"
    r"|on the assumption)\b"
)


def unharmed(place: Place) -> bool:
    """The group the words count is given another role than being hit, in its clause."""
    words, before = place.words, place.before
    count = _COUNT.search(words)
    if count is None or _STATED.search(words):
        return False
    head, words = words[: count.start()], words[count.start() :]
    if _governed(head) or _harmed(words):
        return False
    if _EXPECTS.search(before + head):
        return True
    clause = _CLAUSE.split(before + head)[-1]
    if group.alerted_staff(place, clause):
        return True
    if _ONLY.search(before + head):
        return False
    before = clause
    told = BRACKETED.sub(" ", place.after)  # "(a, b and c)" lists, it ends no clause
    after, *rest = _CLAUSE.split(told, maxsplit=1)
    if rest and _CONTINUES.match(told[len(after) :]):
        after += " " + _CLAUSE.split(rest[0], maxsplit=1)[0]
    if not (before.strip() or after.strip()) or group.in_impact_field(place):
        return False  # the count stands alone, or as the impact's field: it is the claim
    if markers()["instruction"].search(after):
        return True
    if _harmed(after) or _governed(before):
        return False
    return group.other_role(place, before, after)


def _harmed(text: str) -> bool:
    return markers()["harm"].search(text) is not None


def _governed(before: str) -> bool:
    """A harm word stands just before the words and reaches them."""
    return any(len(before[m.end() :].split()) <= _REACH for m in markers()["harm"].finditer(before))


def followup(place: Place) -> bool:
    """The words open a sentence that tells a step taken after the service was back, told
    earlier in the paragraph ("… and the monitor went green. Later that day I added a deploy
    hook …"): the time of a follow-up, not of the outage. A sentence that tells a harm again
    ("Later that day it went down again") is the outage's time still."""
    s, e = place.sentence
    if place.block.text[s : place.span[0]].strip(" \t>*_-#•"):
        return False
    earlier = place.block.lower[: place.sentence[0]]
    if markers()["back"].search(earlier) is None:
        return False
    return not _harmed(place.block.lower[place.span[1] : e])
