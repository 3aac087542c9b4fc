"""The readings of rules/vague_context.py by name: when a vague phrase's words are no claim of
the author's (`skip`: a purpose clause, an opener, a reference back …) and the answers read in
the whole sentence (`answered_by`: a training, a watched target, a list after it …)."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import vague_aims as aims
from . import vague_aside as aside
from . import vague_clock as clock
from . import vague_document as told
from . import vague_harm as harm
from . import vague_hedges as hedges
from . import vague_measures as measures
from . import vague_others as others
from . import vague_reasons as reasons
from . import vague_records as records
from . import vague_restated as told_length
from . import vague_role as role
from . import vague_roles as roles
from . import vague_unfolding as unfolding
from .vague_markers import marked, markers, names_product
from .vague_place import CLAUSE_END, Place

_ARTICLE = re.compile(r"(?:the|this|that|these|those|such)\b")
# list marker, bold/label markup and spaces that may come before a sentence's first word
SENTENCE_LEAD = re.compile(
    r"^[\s>*_#+•—–-]*(?:\d+[.)]\s*)?(?:\*\*[^*\n]{1,60}\*\*:?\s*|[A-Z][\w ]{0,40}:\s+)?"
)


def _refers_back(place: Place) -> bool:
    """The words refer back to something stated before ("this misconfiguration")."""
    return _ARTICLE.match(place.words) is not None or marked("reference")(place.before)


def _in_purpose(place: Place) -> bool:
    """The words are in a purpose clause ("to prevent similar issues", "so that …"): why a
    measure is taken, not the measure. A clause that opens the sentence ends at its comma."""
    s, at = place.sentence[0], place.span[0]
    for m in markers()["purpose"].finditer(place.block.lower[s : place.sentence[1]]):
        if s + m.start() > at:
            break
        between = place.block.lower[s + m.end() : at]  # ", and I will …" is a new clause
        if SENTENCE_LEAD.sub("", place.block.text[s : s + m.start()]):
            if not _NEW_CLAUSE.search(between):
                return True
        elif "," not in between:
            return True
    return False


# a clause of its own after a purpose clause ("… for similar faults, and we will finish it …")
# (a colon that opens an example is not one: "… to address it (example: patch Nginx, add …)")
_NEW_CLAUSE = re.compile(
    r";\s|(?<!example)(?<!e\.g\.)(?<!instance):\s"
    r"|,\s+(?:and|but|so|then)\s+(?:we|i|they|the team)\b|\s[—–]\s"
)


def _is_opener(place: Place) -> bool:
    """The sentence introduces a list ("To prevent this from happening again, we will:")."""
    s, e = place.sentence
    return place.block.text[s:e].rstrip(" *_").endswith(":")


# a verb of examining just before the words, or where it was tried: they count what the team
# looked at ("reviewed most audit logs", "tested thoroughly on several hosts"), not who was hit
_EXAMINING = re.compile(
    r"\b(?:review|check(?!out)|audit|scan|inspect|examin|investigat|test|read|search|analy[sz]|verif"
    r"|validat|reproduc)\w*\s+(?:(?:(?!only\b)\w+ly\s+)?(?:(?:it|this|that|them|(?:the|a|an|our"
    r"|its|their)\s+[\w-]+)\s+)?(?:in|on|across|against|with|using)\s+)?$"
)

READINGS: dict[str, Callable[[Place], bool]] = {
    "purpose": _in_purpose,
    "aim": aims.in_aim,
    "opener": _is_opener,
    "belief": lambda place: marked("belief")(roles.belief_clause(place.before, place.words)),
    "judgement": lambda place: roles.judges(place.after),
    "recovery": lambda place: roles.tells_recovery(_sentence(place), place.words),
    "effect": lambda place: roles.is_effect(place.section, place.impact_stated),
    "question": lambda place: marked("question")(CLAUSE_END.split(place.before)[-1]),
    "lesson": lambda place: marked("lesson")(place.before),
    "negation": lambda place: marked("negation")(roles.negatable(place.before, place.words)),
    "verification": lambda place: marked("verification")(place.before),
    "reference": _refers_back,
    "fault": lambda place: roles.states_fault(place.words, place.before),
    "asked": unfolding.is_asked,
    "examined": lambda place: _EXAMINING.search(place.before) is not None,
    "definition": lambda place: roles.defines(place.before) or measures.in_legend(place),
    "background": lambda place: (
        aside.compares(place.before)
        or aside.habit(place)
        or roles.background(_sentence(place), place.after, place.around("clause"))
    ),
    "remedy": lambda place: roles.remedied(place.before, place.after) or aside.recovered(place),
    "effort": lambda place: roles.effort(place.before, _sentence(place)),
    "ease": lambda place: roles.eases(_sentence(place)),
    "appeal": lambda place: measures.appeals(_sentence(place)),
    "framing": lambda place: (
        roles.frames_list(place.section.blocks, place.block)
        or measures.frames_sentences(place)
        or measures.points_to_list(place)
    ),
    "heading": measures.heads_task,
    "again": told.says_again,
    "observation": unfolding.observation,
    "unfolding": unfolding.unfolds,
    "theory": unfolding.theory,
    "grounded": hedges.grounded,
    "owned": hedges.owned,
    "named_next": hedges.named_next,
    "located": unfolding.located,
    "explained": unfolding.explained,
    "headline": unfolding.headline,
    "detection": unfolding.detection,
    "plan": measures.plans,
    "means": measures.goes_by,
    "unknown": lambda place: marked("unknown")(_sentence(place)),
    "condition": measures.conditions,
    "cycle": aside.cycle,
    "thanks": aside.thanks,
    "seeming": aside.seeming,
    "rated": aside.rated,
    "returned": aside.returned,
    "instructed": aside.instructed,
    "timeless": clock.timeless,
    "other_length": clock.other_length,
    "contacted": aside.contacted,
    "staged": lambda place: aside.staged(place.words),
    "pointed": aside.pointed,
    "occupied": lambda place: aside.occupied(place.before),
    "dating": lambda place: aside.dating(place.before, _recovery_by_fix(place)),
    "destination": measures.holds_task,
    "unharmed": harm.unharmed,
    "followup": harm.followup,
    "other_event": reasons.other_event,
    "later_change": reasons.later_change,
    "signoff": measures.signs_off,
    "record": records.records,
    "reported": records.reported,
    "conducted": records.conducted,
    "narrated": records.narrated,
    "found": records.found,
    "told_elsewhere": records.told_elsewhere,
    "feedback": records.feedback,
    "milestone": told.milestone,
    "after_steps": told.after_steps,
    "other_party": others.other_party,
    "risked": others.risked,
    # the next timeline entry, sub-item or sentence names who noticed, or what was examined
    "detected_next": lambda place: marked("detector")(place.next_block),
    "examined_next": lambda place: marked("examined")(place.next_block),
}


# where a recovery dated by a fix tells the impact, not the fix ("Orders came back as soon as
# the cache problem was fixed" in an impact section: the resolution tells the fix)
_IMPACT_ONLY = frozenset({"impact", "summary"})
_FIX_TOLD = frozenset({"timeline", "resolution"})


def _recovery_by_fix(place: Place) -> bool:
    """The sentence tells a recovery the fix made, where the fix should be said: not in an
    account of the impact alone."""
    kinds = place.section.kinds
    if kinds & _IMPACT_ONLY and not kinds & _FIX_TOLD:
        return False
    return roles.tells_recovery(_sentence(place), place.words)


def _sentence(place: Place) -> str:
    return place.block.lower[slice(*place.sentence)]


# a sentence that opens a statement of its own on its line: a time or a label ("09:10 UTC -",
# "Impact:"); across a line break it tells another event, not the same impact
_LEAD = r"[\s>*_#+•—–-]{0,12}+"
_TIME = r"\d{1,2}[:.h]\d\d|\d{1,2}\s?[ap]\.?m\b"
_OPENS_TIME = re.compile(rf"{_LEAD}(?:{_TIME})")
_OPENS_ENTRY = re.compile(rf"{_LEAD}(?:{_TIME}|[A-Z][\w ]{{0,30}}+:\s)")
_NOT_SIZED_BY_SHARE = re.compile(
    r"\b(?:revenue|sales|money|trust|loss|lost|features?|services?|cases)\b"
)


def _line_apart(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether a line break parts two sentences of a block (the first before the second)."""
    tail, head = text[slice(*first)], text[slice(*second)]
    gap = tail[len(tail.rstrip()) :] + text[first[1] : second[0]]
    return "\n" in gap + head[: len(head) - len(head.lstrip())]


def _shared_beside(place: Place) -> bool:
    """A share of the users or requests hit is stated in the words' sentence (a list item: the
    whole item) or in the sentence just before or after it in their block, a line apart too
    ("The site had significant slowdowns.⏎Approximately 70% of users could not load it"):
    the impact is sized right beside the words that name what it was. A share of users says
    neither how much money or trust was lost nor which features or cases failed."""
    if _NOT_SIZED_BY_SHARE.search(place.words):
        return False
    spans, lower, text = place.spans, place.block.lower, _sentence(place)
    at = spans.index(place.sentence) if place.sentence in spans else -1
    for s, e in (spans[k] for k in (at - 1, at + 1) if at >= 0 and 0 <= k < len(spans)):
        if not _line_apart(lower, *sorted([(s, e), place.sentence])) or not (
            _OPENS_TIME.match(place.block.text, place.sentence[0])
            or _OPENS_ENTRY.match(place.block.text, s)
        ):
            text += " " + lower[s:e]
    if place.block.kind == "item":
        text += " " + place.block.lower
    return marked("share")(text)


# answers read in the whole sentence, the words included ("Conduct a training session …")
# (a list item: the whole item as written, its links and ticket numbers included)
WHOLE: dict[str, Callable[[Place], bool]] = {
    "training": measures.trains,
    # the goal's concrete means after it ("Enhance monitoring by adding a probe every minute")
    "method": measures.by_method,
    # a monitor that says what it watches where ("Add probes on all web hosts for port …")
    "watched": lambda place: marked("watched")(_sentence(place)),
    "listed": lambda place: roles.listed(place.after),
    "tracked": lambda place: roles.tracked(place.written),
    "trigger": lambda place: (
        roles.triggered(_sentence(place)) or measures.raises_signal(_sentence(place))
    ),
    "product": lambda place: names_product(place.written),
    "shared": _shared_beside,
    # the sentence tells what the step found ("After a long search we realized that the disk
    # was full", "Logs were reviewed, revealing uneven traffic"): the search is not left open
    "found_here": lambda place: marked("finding")(_sentence(place)),
    # what the measure catches or gains ("… to detect failed nightly backups")
    "target": aims.names_target,
    "rephrased": aims.rephrased,
    "timed": clock.timed,
    "clocked": clock.clocked,
    "lengthed": clock.lengthed,
    "pinned": clock.pinned,
    "spanned": clock.spanned,
    "restated": told_length.restated,
    "dated": clock.dated,
    # a check built on a part it names ("Add automated tests for the Nginx configs")
    "built": role.builds_named_check,
    # the fault placed in a part named concretely ("a bug in the crates.io webapp")
    "placed": role.placed_in_named,
}
