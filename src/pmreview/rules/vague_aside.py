"""Readings of PM102's words that make no claim about the size or the time of the impact,
and of PM101's and PM103's that tell no cause and no fix (rules/vague_context.py skips them
by these names):

- `cycle`: a word of sequence inside a repeated cycle ("they crashed again shortly after
  restarting", "each time it came back it died shortly after"): the rhythm of the mechanism,
  not a step of the timeline a clock time could place.
- `thanks`: people the writer thanks ("we thank the many customers who were patient with our
  staff", "grateful to the many of you who reported it"): whom the words address, not how many
  were hit.
- `seeming`: how the failure looked to people ("which to most people looked like a wrong
  password", "for many users it seemed as if they had been logged out"): what they saw, not
  how many of them saw it.
- `rated`: "worked sometimes", "failed intermittently" in a document that gives the rate
  ("about every second try", "one request in three", "40% of the logins"): the frequency is
  stated (in a timeline over several days, often under another day's heading).
- `returned`: when people came back and succeeded after the service was back ("61% of them
  came back and ordered later that evening", "most users retried successfully later that
  night"), and people counted as they came back and succeeded ("some customers who retried
  later that evening paid without trouble"): the aftermath, not the incident.
- `instructed`: a fix someone else is told or asked to make ("tell her to fix it", "asked
  the vendor to fix the issue"): an instruction in the story, not the author's account of the
  incident's fix.
- `compares` and `habit` (for `background`): a comparison with things in general ("like most
  apps, ours pulls …"); how people use the service any day ("most shoppers buy on Fridays").
- `contacted`: people the team wrote to, called or answered ("we asked some users to retry",
  "support replied to several customers"): whom the response reached, not how many were hit.
- `recovered` (for `remedy`): whom the fix brought back ("after the restart most users could
  log in again"): the fix's reach, not how many were hit.
- `staged`: test things the team made ("I created several test accounts to reproduce it"):
  no one was hit.
- `pointed`: a count that points to a table or list after it that gives the numbers
  ("Several regions were hit; Table 1 gives the failed requests per region").
- `dating` (PM103): a fix named as the time of something else ("after the problem was
  resolved, Dana posted an update"): a clause of time, not the account of the fix.
- `occupied` (PM101): a change someone was busy with when the failure showed itself ("I noticed
  it while testing another change"): the occasion, not the cause.
"""

from __future__ import annotations

import re

from ..text.prefilter import Lazy
from . import vague_clock as clock
from .vague_markers import marked
from .vague_place import CLAUSE_END, Place

_CYCLE = Lazy(
    r"\b(?:again|each\s+time|every\s+time|whenever|repeatedly|over\s+and\s+over|kept|keeps"
    r"|in\s+a\s+(?:crash\s+|restart\s+|boot\s+)?loop|crash-?loop\w*|restart\s+loop|flapp\w*"
    r"|cycl(?:e|es|ed|ing))\b"
)
_THANKS = Lazy(r"\b(?:thank\w*|grateful|gratitude|appreciat\w*)\b")
_SEEMED = Lazy(
    r"^\s*+(?:(?:it|this|that|the\s+\w+)\s+)?(?:looked|looks|seemed|seems|appeared|appears"
    r"|felt|feels|sounded|sounds)\s+(?:like|as\s+(?:if|though)|to\s+be)\b"
)
# people who came back, tried again or succeeded (their clause, before the words)
_RETURNED = Lazy(
    r"\b(?:customers|users|people|shoppers|visitors|buyers|clients|players|students|readers"
    r"|members|they|those|who|most|many|some|\d+\s?%)\b[^.;:\n]{0,80}?\b(?:c[oa]m(?:e|ing)\s+back"
    r"|return(?:ed|ing)|retr(?:ied|ying)|tr(?:ied|ying)\s+again"
    r"|re-?(?:order|plac|submitt|book|purchas)(?:ed|ing)"
    r"|(?:ordered|paid|bought|booked|logged\s+in|signed\s+in|checked\s+out)\s+(?:again"
    r"|successfully)|succeeded)\b"
)
# words of success after coming back ("paid without trouble", "logged in successfully")
_SUCCEEDED = Lazy(
    r"\b(?:succeeded|successfully|went\s+through|without\s+(?:trouble|problems?|issues?|errors?)"
    r"|worked|completed|paid|ordered|bought|booked|logged\s+in|signed\s+in|got\s+through)\b"
)
# a verb of telling or asking someone, right before the words ("told the intern to")
_INSTRUCTED = Lazy(
    r"\b(?:tell|tells|told|telling|ask|asks|asked|asking|remind\w*|instruct\w*|advis\w*"
    r"|urg\w*|want|wants|wanted|expect\w*|beg|begged|wait\w*\s+for)\s+(?:[\w-]+\s+){1,3}?to\s*$"
)
_NOT = re.compile(r"\b(?:not|never|unable|no)\b|n[\x27’]t\b")
_NOW_AND_THEN = Lazy(
    r"\b(?:sometimes|occasionally|intermittently|now\s+and\s+then|on\s+and\s+off|at\s+times)\b"
)
_RATE = Lazy(
    r"\bevery\s+(?:second|other|third|fourth|fifth|tenth|\d+(?:st|nd|rd|th))\s+(?:try|attempt"
    r"|request|call|time|login|log-?in|click|refresh|reload|page\s*load|query)\b"
    r"|\b(?:one|two|three|\d+)\s+(?:[a-z-]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?(?:two|three|four|five|ten|\d+)\b"
    r"|\bhalf\s+(?:of\s+)?(?:the\s+)?(?:time|requests|attempts|tries|calls|logins)\b"
    r"|\d\s?%\s+of\s+(?:the\s+|all\s+)?(?:time|requests|attempts|tries|calls|logins"
    r"|queries)\b"
)


def cycle(place: Place) -> bool:
    """The words stand in a sentence that tells a repeated cycle: its line up to them, and the
    rest of their clause (a list of lines with no full stops is no one sentence)."""
    before = place.before.rsplit("\n", 1)[-1]
    after = CLAUSE_END.split(place.after.split("\n", 1)[0], maxsplit=1)[0]
    return _CYCLE.compiled.search(before + " " + after) is not None


def thanks(place: Place) -> bool:
    """The sentence thanks the people the words count."""
    return _THANKS.compiled.search(place.before) is not None


def seeming(place: Place) -> bool:
    """The words are followed by how the failure looked to them."""
    return _SEEMED.compiled.match(place.after) is not None


def rated(place: Place) -> bool:
    """Words of an intermittent result, in a document that gives its rate."""
    if _NOW_AND_THEN.compiled.search(place.words) is None:
        return False
    text = place.doc.lower if place.doc is not None else place.block.lower
    return _RATE.compiled.search(text) is not None


def returned(place: Place) -> bool:
    """The words tell when people came back and succeeded, in their clause; or they count
    people who, their sentence goes on, came back and succeeded ("some customers who retried
    later that evening paid without trouble", "most shoppers retried successfully"; not "… who
    retried got the same error"); or
    they tell the time of day of a follow-up on a later day ("around midday the next day, we
    removed the temporary rule"; not "… the next day, the site went down again")."""
    clause = CLAUSE_END.split(place.before)[-1]
    if _RETURNED.compiled.search(clause) is not None and not _NOT.search(clause):
        return True
    after = place.after.split(";")[0]  # "…; a few orders were lost" is another claim
    if _HURT.compiled.search(place.words + after):
        return False
    back = _RETURNED.compiled.search(place.words + after) and _SUCCEEDED.compiled.search(after)
    return bool(back) or clock.follow_up(place)


def instructed(place: Place) -> bool:
    """The words are what someone is told or asked to do."""
    return _INSTRUCTED.compiled.search(place.before) is not None


# a comparison with things in general ("like most apps, ours pulls …", "as with many shops",
# "unlike most sites"): background about the kind of thing, not a count of the affected
_COMPARED = Lazy(
    r"(?:^|[^\w\s]|\s)(?:(?:just\s+|much\s+)?like|unlike|as\s+(?:with|in|do|does|for|is\s+"
    r"(?:common|usual|typical|the\s+case)\s+(?:with|for|in))|similar\s+to|same\s+as)\s*$"
)


def compares(before: str) -> bool:
    """The words open a comparison with things in general, in their clause."""
    return _COMPARED.compiled.search(CLAUSE_END.split(before)[-1]) is not None


# a verb of how people use a service, right after the words (an adverb of habit may come
# first): a present tense that tells no impact ("most of our users log in from phones")
_HABIT = Lazy(
    r"^\s*+(?:(?:also|usually|normally|typically|often|mostly|still|only|just)\s+)?"
    r"(?:pay|buy|shop|order|book|use|visit|browse|log\s+in|sign\s+in|access|stream|play|read"
    r"|watch|listen|connect|come|rely|depend|trust|prefer|live|work|study|travel|bank|donate"
    r"|subscribe|call|check\s+in|arrive|start|finish|spend)s?\b"
)
# words of an impact in the rest of the sentence ("most users pay by card, and their payments
# failed")
_HURT = Lazy(
    r"\b(?:errors?|fail\w*|cannot|can[\x27’]t|couldn[\x27’]t|unable|blank|time[sd]?"
    r"\s+out|timeouts?|broke\w*|crash\w*|slow\w*|down|outage|stuck|lost|lose|hit|affected"
    r"|impacted|unavailable|unreachable|delay\w*|cancel\w*|not|never|no)\b"
)


# what the team sees or serves any day, right before the words ("we see most orders in …"),
# or what an organisation runs or has, in the present ("the trust runs several hospitals")
_SERVED = Lazy(
    r"\b(?:we|i)\s+(?:(?:usually|normally|typically|often|mostly)\s+)?(?:see|get|receive|handle"
    r"|serve|process|ship|sell|host)\s+$"
    r"|\b(?:runs|operates|owns|manages|serves|hosts|spans|covers|has|have|run|operate|own"
    r"|manage)\s+(?:(?:over|about|around|nearly)\s+)?(?:(?:[\w-]+\s+){1,4}?and\s+)?$"
)


def habit(place: Place) -> bool:
    """The words are followed by how people use the service any day, or follow what the team
    sees or serves any day ("we see most orders in the evening"), in the present tense, in a
    sentence that names no impact ("most users pay by card, and their payments failed"; "many
    of you could not check in")."""
    if _HURT.compiled.search(place.words + place.after):
        return False
    clause = CLAUSE_END.split(place.before)[-1]
    return bool(_HABIT.compiled.match(place.after) or _SERVED.compiled.search(clause))


# a verb by which the team reached people, right before the words ("we e-mailed most of the",
# "support replied to several")
_CONTACTED = Lazy(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )"
    r"\b(?:asked|told|e-?mailed|called|phoned|rang|messaged|texted|contacted|notified|informed"
    r"|warned|answered|(?:replied|responded|wrote|reached\s+out|spoke|talked|went\s+back)"
    r"\s+to|(?:got|called|wrote)\s+back\s+to)\s*$"
)


def contacted(place: Place) -> bool:
    """The words are the people the team wrote to, called or answered."""
    return _CONTACTED.compiled.search(place.before) is not None


# what someone was doing when it showed itself ("while testing", "as I was reviewing")
_OCCUPIED = Lazy(
    r"\b(?:while|whilst|when|as)\s+(?:(?:i|we|he|she|they|[\w-]+)\s+(?:was|were)\s+)?"
    r"(?:testing|reviewing|working\s+on|preparing|writing|drafting|checking|looking\s+at"
    r"|debugging|planning|discussing|reading)\s*$"
)


def occupied(before: str) -> bool:
    """The words are a change someone was busy with (testing, reviewing) at the time."""
    return _OCCUPIED.compiled.search(before) is not None


# things made for a test or a reproduction ("several test accounts", "a few dummy orders")
_STAGED = Lazy(r"\b(?:test|testing|dummy|fake|synthetic|staging)\b")


def staged(words: str) -> bool:
    """The words count test things the team made, not people or requests hit."""
    return _STAGED.compiled.search(words) is not None


# a pointer to a table or a list after the words ("see the table below", "Table 2 gives …")
_POINTER = Lazy(
    r"\b(?:(?:table|list|chart|graph|figure|breakdown)s?\s+(?:below|that follows|\d+\b)"
    r"|(?:see|listed|shown|given|broken\s+down|detailed|as\s+follows)\s+(?:in\s+the\s+\w+\s+)?"
    r"below|the\s+following\s+(?:table|list|breakdown))"
)


def pointed(place: Place) -> bool:
    """The words' sentence, or the next, points to a table or a list after it, and the
    section's later rows or items give numbers (a clock time or a date is none)."""
    rest = place.block.lower[place.sentence[0] :]
    if _POINTER.compiled.search(" ".join(rest.split(". ")[:2])) is None:
        return False
    blocks = place.section.blocks
    at = next(k for k, b in enumerate(blocks) if b is place.block) + 1
    listed = [b for b in blocks[at:] if b.kind in ("row", "item")]
    return any(marked("quantity")(b.lower) for b in listed)


# a clause of time opened right before the words ("after the problem was resolved, …")
_DATING = Lazy(
    r"\b(?:after|once|since|when|whenever|until|till|before|by\s+the\s+time|as\s+soon\s+as"
    r"|now\s+that)\s+$"
)


def dating(before: str, recovers: bool) -> bool:
    """The words open a clause of time: the fix dates something else. When the sentence tells
    the recovery ("pages recover after the fix was applied"), the fix is what made it, and
    the entry that tells it should say which fix."""
    return not recovers and _DATING.compiled.search(CLAUSE_END.split(before)[-1]) is not None


# the words are followed by their coming back ("… could log in again", "… loaded normally
# again", "… were back online"; not "… watched it close again", "… had to start again")
_AGAIN = Lazy(
    r"^\s*+(?:(?:could|were\s+able\s+to|was\s+able\s+to|managed\s+to)\s+)?(?:log(?:ged)?\s+in"
    r"|sign(?:ed)?\s+in|work(?:ed)?|load(?:ed)?|connect(?:ed)?|reach(?:ed)?|access(?:ed)?"
    r"|went\s+to|(?:were|was)\s+served)\b[^.;,]{0,40}?\bagain\b|^\s*+(?:were|was)\s+back\b"
)
# a fix before the words, in their sentence ("after the rollback, most …")
_FIXED_BEFORE = Lazy(
    r"\b(?:after|once|following|with|since|within\s+\w+\s+of)\s+(?:the\s+|our\s+|a\s+)?"
    r"(?:[\w-]+\s+)?(?:fix|rollback|roll-?back|restart|revert|patch|reboot|failover|redeploy\w*)\b"
)
# success right after the words ("… could check out", "… went through")
_SUCCESS = Lazy(
    r"^\s*+(?:(?:could|were\s+able\s+to|was\s+able\s+to|managed\s+to)\s+\w"
    r"|went\s+through|succeeded|worked|loaded|(?:were|was)\s+(?:served|working|back))"
)


def recovered(place: Place) -> bool:
    """The words count whom the fix brought back, and no impact is named with them."""
    if _HURT.compiled.search(place.words + place.after):
        return False
    if _AGAIN.compiled.match(place.after):
        return True
    fixed = _FIXED_BEFORE.compiled.search(place.before)
    return fixed is not None and _SUCCESS.compiled.match(place.after) is not None
