"""The role a counted group has in its clause (rules/vague_harm.py), where the clause names no
harm. A count of people or things ("a good number of our testers", "some staff") is a claim
of how many the incident hit unless its clause or section gives the group another role; a
harm told in words no list holds ("were using it at the time", "had to rely on paper") keeps
the claim. The other roles:

- spoke up, noticed or was told ("since a few people asked", "plenty of classmates spotted
  it", "many customers were emailed"), or had planned something ("had set aside the
  afternoon"): the `role` markers of data/vague.toml's `[context]` table;
- a standing fact, told in the present with no past event in the group's clause: what software
  does or where people are ("every request evaluates a handful of flags", "since most of our
  customers are in Europe");
- a place where things are ("provisioned in some regions"), or a calendar ("the first week of
  term for many of our students");
- what a look at the records showed ("checks the logs, no errors, just a lot of fresh logins");
- software or devices acting, the mechanism ("most browsers refused to go on");
- the team's own people an alert or a message went out to ("the page only reached some of the
  on-call engineers"): who was told, not who was hit.

A group in a field labelled as the impact ("Affected: probably most visitors") is the claim
itself, whatever else its clause says.
"""

from __future__ import annotations

import re

from .vague_clock import tells_past
from .vague_markers import markers
from .vague_place import Place

# a line label naming the impact, before the words ("- Affected: …", "**Who was hit:** …")
_IMPACT_FIELD = re.compile(
    r"^[\s>*_•+-]*(?:\d+[.)]\s*)?(?:\*\*|__)?(?:who (?:was|were) |(?:users?|customers?|people"
    r"|customer|user|scope of) )?(?:affected|impact(?:ed)?|hit|blast radius|scope)"
    r"(?: (?:users|customers|people|parties|groups))?\s*(?::|\*\*:|__:)",
    re.IGNORECASE,
)
# a passive of the present ("are requested by", "is served to"): no past event
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")
_PRESENT = re.compile(
    r"\b(?:is|are|am|has|have|does|do)\b"
    r"|\b(?:every|each|this|that|it|one)\s+(?:[\w-]+\s+){0,2}?[a-z]{2,}[^s\W]s\b"
)
# a place the group names, after a preposition ("provisioned in some regions")
_PLACE_BEFORE = re.compile(r"\b(?:in|across|at|within|from)\s+$")
_PLACES = re.compile(
    r"\b(?:regions?|zones?|countries|areas|sites|locations|data ?cent(?:er|re)s|cities|markets"
    r"|campuses|offices|branches|clusters|racks|buildings|wards|states|provinces)\b"
)
# a calendar that the group is counted in ("the first week of teaching for many of …")
_CALENDAR = re.compile(
    r"\b(?:day|week|term|semester|month|period|season|weekend|shift|year)\b"
    r"(?:\s++of(?:\s++[\w-]++){1,3}?)?\s++for\s*+$"
)
# a look at records before the group ("checks the logs on web-01, no errors, just a lot of …")
_LOOKED = re.compile(
    r"\b(?:check|inspect|grep|tail|scann?|read|look)\w*+[^.;]{0,80}?"
    r"\b(?:logs?|dashboards?|graphs?|metrics|traces?|records|output)\b"
)
# software or devices that act by their own design
_AGENTS = re.compile(
    r"\b(?:browsers|clients|apps|phones|devices|pods|nodes|workers|replicas|instances|servers"
    r"|hosts|containers|processes|threads|jobs|flags|libraries|vms|crawlers|bots|resolvers"
    r"|caches|proxies)\b"
)
# an alert or a message sent to the group, and the group the team's own people
_SENT_TO = re.compile(
    r"\b(?:sent|went out|gone out|goes out|go out|delivered|forwarded|routed|e-?mailed|paged"
    r"|broadcast|reached|notified)\s+(?:only\s+)?(?:to\s+)?(?:only\s+)?(?:(?:a|an|the)\s+)?$"
)
_MESSAGE = re.compile(
    r"\b(?:alerts?|pages?|paging|notifications?|messages?|e-?mails?|notices?|announcements?"
    r"|pings?|sms|texts?|reminders?|invites?|invitations?)\b"
)
_STAFF = re.compile(
    r"\b(?:team ?members?|teammates|colleagues|engineers|on-?calls?|responders|staff|employees"
    r"|operators|developers|sres?|maintainers)\b"
)


def in_impact_field(place: Place) -> bool:
    """The words stand on a line labelled as the impact, after its label."""
    text = place.block.text
    start = text.rfind("\n", 0, place.span[0]) + 1
    return _IMPACT_FIELD.match(text[start : place.span[0]]) is not None


def alerted_staff(place: Place, before: str) -> bool:
    """The group is the team's own people, whom an alert or a message went out to ("the alert
    went out to only a subset of team members"): who was told, not who was hit ("gone out"
    reads as no harm here)."""
    sent = _SENT_TO.search(before) and _MESSAGE.search(place.before)
    group = " ".join(f"{place.words} {place.after}".split()[:6])  # "a subset of" + its noun
    return bool(sent and _STAFF.search(group))


def other_role(place: Place, before: str, after: str) -> bool:
    """The group's clause (`before` the count, the words, `after` them) gives it a role
    other than being hit."""
    clause = f"{before} {place.words} {after}"
    if markers()["role"].search(after) or _standing(clause):
        return True
    if _PLACE_BEFORE.search(before) and _PLACES.search(place.words):
        return True
    if _CALENDAR.search(before):
        return True
    if _LOOKED.search(place.before):
        return True
    return _AGENTS.search(place.words) is not None and bool(after.strip())


def _standing(clause: str) -> bool:
    """The clause tells a standing fact in the present and no past event."""
    clause = _PRESENT_PASSIVE.sub(" is ", clause)
    return _PRESENT.search(clause) is not None and not tells_past(clause)
