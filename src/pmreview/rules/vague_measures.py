"""Readings of PM104's words that are not a measure of their own (rules/vague_context.py): a
line of a legend, a sentence that introduces the steps its paragraph names, a goal item
whose own sub-item is the concrete task, a procedure a measure goes by and the plan a task is
put into, and the concrete means that answers a goal ("… by adding a probe every minute");
and of PM101's
hedges that are on what to do, not on the cause."""

from __future__ import annotations

import re

from ..checks.semantics import specific_terms
from ..models import Block
from ..text.sentences import without_tags
from ..text.task_parts import legend_line
from ..text.verb_forms import verbs
from . import vague_roles as roles
from .vague_markers import marked, markers, names_product
from .vague_place import CLAUSE_END, Place

# an appeal to the readers ("we need more maintainers; please donate") or advice to them on
# their side ("we recommend customers enable snapshots"): no measure of the team's
_APPEAL = re.compile(
    r"\b(?:please|donat\w*|sponsor\w*|volunteers?|help us|join us|get involved"
    r"|we need (?:more |your )?(?:help|people|hands|maintainers|contributors|volunteers|funding)"
    r"|(?:we )?(?:strongly )?(?:recommend|encourage|advise|suggest|urge)(?: that)? (?:all |our )?"
    r"(?:customers|users|clients|readers|operators|you)|for (?:customers|users|clients) who)\b"
)
# where a goal's main clause ends: its purpose or reason ("Improve monitoring so we know …")
_GOAL_END = re.compile(
    r"[,;:(.!?]|\s(?:so|to|in order|because|since|that|which|when|before|after|until)\s"
)
# a list marker, a checkbox and an opening label ("**Testing:**", "Testing:")
_ITEM_LEAD = re.compile(
    r"^[\s>*_#+•—–-]*(?:\d+[.)]\s*)?(?:\[[ xX]\]\s*)?"
    r"(?:\*\*[^*\n]{1,60}\*\*:?\s*|[A-Z][\w ]{0,40}:\s+)?"
)


def _index(blocks: list[Block], block: Block) -> int:
    return next((k for k, b in enumerate(blocks) if b is block), len(blocks))


def in_legend(place: Place) -> bool:
    """The item is a line of a legend: a short label, a dash or colon and what it means, in a
    list announced as types, categories, priorities or levels ("Actions fall under three
    types:" above "Prevent - Prevent similar issues from occurring")."""
    return legend_line(place.section.blocks, place.block)


def frames_sentences(place: Place) -> bool:
    """The sentence opens a paragraph whose next sentences name the steps ("We are taking
    several steps to prevent a recurrence. We have disabled the tool that …"): it introduces
    them, and they are judged each."""
    if place.block.kind != "paragraph" or not place.spans or place.sentence != place.spans[0]:
        return False
    rest = place.block.lower[place.sentence[1] :]
    return len(place.spans) > 1 and (bool(specific_terms(rest)) or marked("change")(rest))


def points_to_list(place: Place) -> bool:
    """Steps or changes promised, unnamed, outside the measures ("we are taking immediate
    steps to …" in the summary) of a document whose measures section lists them: a pointer to
    that list, whose items are judged each."""
    if place.doc is None or place.section.kinds & _MEASURES or not _STEPS.search(place.words):
        return False
    listed = (s for s in place.doc.sections if s.kinds & _MEASURES)
    return any(sum(b.kind in ("item", "row") for b in s.blocks) >= 2 for s in listed)


_MEASURES = frozenset({"measures", "action_items"})
_STEPS = re.compile(r"\b(?:steps|changes|measures|actions|improvements)\b")


def heads_task(place: Place) -> bool:
    """A short goal item that opens with its verb ("Improve monitoring on the database", its
    purpose aside) whose own sub-item names a concrete task (a value or a condition it fires
    on): the goal is that task's heading. A goal followed by a sibling is a measure of its own
    (spec/checks.md counts "Improve monitoring" as vague, whatever follows it)."""
    blocks, block = place.section.blocks, place.block
    at = _index(blocks, block) + 1
    if block.kind != "item" or at >= len(blocks) or blocks[at].kind != "item":
        return False
    goal = _GOAL_END.split(_item_words(block), maxsplit=1)[0].lower().split()
    if blocks[at].depth <= block.depth or not 0 < len(goal) <= 5 or goal[0] not in verbs():
        return False
    task = _item_words(blocks[at]).lower()
    return marked("value")(task) or roles.triggered(task)


def _item_words(block: Block) -> str:
    """A list item's words: no marker, checkbox, HTML tag or opening label ("**Testing:**")."""
    return _ITEM_LEAD.sub("", without_tags(block.text))


# a sentence that looks back on the measures named before it and tells what they will bring
# ("With these changes, we'll be better prepared …", "Together, these steps should …")
_LOOKS_BACK = re.compile(
    r"^[\s*_>-]*(?:(?:with|after|through|by (?:doing|making|taking|implementing))"
    r" (?:all )?(?:these|those|this|the above)|together,? (?:these|they)|all (?:of )?(?:these|this)"
    r"|these (?:changes|steps|measures|actions|improvements|items|fixes))\b"
)


_MEASURES = frozenset({"measures", "action_items", "lessons"})
_OPENING = re.compile(r"([A-Za-z]++)")


def listed_apart(place: Place) -> bool:
    """The words stand in prose (a summary, a closing, an account) of a document that lists
    its measures as items or rows of a section of their own: the prose restates what that
    section lists (a lesson, an outlook), and the measures are judged where they are listed.
    A sentence that opens with a verb ("Provide training …") is an instruction, a measure."""
    if place.block.kind != "paragraph" or place.doc is None or place.section.kinds & _MEASURES:
        return False
    opening = place.block.text[slice(*place.sentence)].lstrip(" \t\n>*_#+-")
    first = _OPENING.match(opening)  # a sentence that opens with a verb is a measure
    if first is not None and first.group(1).lower() in verbs():
        return False
    return any(
        s.kinds & {"measures", "action_items"} and any(b.kind in ("item", "row") for b in s.blocks)
        for s in place.doc.sections
    )


def looks_back(sentence: str) -> bool:
    """The sentence tells what the measures named before it will bring, and is none itself."""
    return _LOOKS_BACK.search(sentence) is not None


def appeals(sentence: str) -> bool:
    """The sentence appeals to the readers for help or advises them what to do on their side,
    not a measure the team will take."""
    return _APPEAL.search(sentence) is not None


# the procedure a measure goes by, named after "under", "through" … ("passwords will be changed
# only under the Council's change management process, with each task recorded"): the measure
# is the rest of the sentence, judged by its own words
_MEANS = re.compile(
    r"\b(?:under|through|via|per|according to|in (?:line|accordance|keeping) with|following"
    r"|as (?:set out|defined|described) in)\s+(?:(?:the|our|its|their|a|an)\s+)?"
    r"(?:[\w-]+['’]s\s+)?$"
)
_PROCEDURE = re.compile(
    r"\b(?:process(?:es)?|procedures?|polic(?:y|ies)|protocols?|framework|programme|program"
    r"|standards?|guidelines|controls?)$"
)


def goes_by(place: Place) -> bool:
    """The words name a procedure that the measure of their sentence follows."""
    return _PROCEDURE.search(place.words) is not None and _MEANS.search(place.before) is not None


# the plan or process a task is put into, named by a noun of improving ("add test SIMs to the
# post-upgrade test plan", "add a check to the review process"): a place, not a measure
_INTO = re.compile(
    r"\b(?:to|into|in|within|from|under|during|throughout|for|of)\s+"
    r"(?:(?:the|our|its|their|each|every|this|that|a|an|your|my)\s+(?:[a-z]+-(?:[a-z]+\s+)?)?"
    r"|[a-z]+-(?:[a-z]+\s+)?)$"
)
_NOUN_FORM = re.compile(
    r"(?:upgrade|review|fix|update|improvement|enhancement|refinement|optimi[sz]ation)(?:e?s)?"
    r"\s+(?!of\b)"
)


def holds_task(place: Place) -> bool:
    """The words name the plan or process that the sentence's task is put into, by a noun of
    improving ("… to the post-upgrade test plan"), not an improvement to make."""
    return _NOUN_FORM.match(place.words) is not None and _INTO.search(place.before) is not None


# the means of a goal, after it: "by" and a verb of making a change ("Enhance monitoring by
# adding a synthetic checkout probe every minute from two regions")
_BY = re.compile(
    r"^[^.;:,]*?(?:,\s*)?\bby\s+(?:add|requir|mov|sett|writ|replac|switch|pinn|enabl|runn|creat|install"
    r"|remov|block|limit|pag|alert|captur|schedul|introduc|automat|deploy|configur|wir|rout"
    r"|lower|rais|cap|split|shard|cach)\w*ing\b(.*)$",
    re.S,
)


def by_method(place: Place) -> bool:
    """The goal is followed by its means, and the means is concrete: it names a value (a
    number, code, a file), the condition it acts on or the product it uses."""
    found = _BY.match(place.block.lower[place.span[1] : place.sentence[1]])
    if found is None:
        return False
    means = found.group(1)
    written = place.block.text[place.span[1] : place.sentence[1]]
    concrete = marked("value")(means) or marked("quantity")(means) or roles.triggered(means)
    return concrete or names_product(written)


# what will, should or must be done ("we probably should add …", "next time I'll …")
_PLAN = re.compile(
    r"\b(?:will|shall|should|must|needs? to|ought to|plan(?:s|ning)? to|going to|want to"
    r"|would like to|let['’]s|i['’]ll|we['’]ll|ill|next time)\b"
)
# after a first word that is a verb, a verb that makes it a noun ("cache was stale or …")
_NOUN_USE = frozenset({"was", "were", "is", "are", "had", "has", "got", "went", "seemed"})


def plans(place: Place) -> bool:
    """A hedge in a clause about what to do ("add monitoring or something for the disk", "we
    should add an alert or whatever"): an instruction (the clause opens with a verb) or a
    plan, not the cause stated as a guess."""
    clause = CLAUSE_END.split(place.before)[-1]
    if _PLAN.search(clause):
        return True
    words = _ITEM_LEAD.sub("", clause).split()
    return bool(words) and words[0] in verbs() and (words[1:2] or [""])[0] not in _NOUN_USE


def trains(place: Place) -> bool:
    """The sentence sets a training, a session or a workshop for a named audience on a named
    topic ("Train the on-call engineers on failover drills"): it can be held and ticked off.
    Words that join another measure to the training ("improve the docs and the training") are
    judged as they are."""
    sentence = place.block.lower[slice(*place.sentence)]
    found = markers()
    joined = re.search(r"\band\b|,", place.words) is not None
    return not joined and all(found[n].search(sentence) for n in ("audience", "topic"))


# the condition a planned check fires on ("alert when most of the builds fail")
_CONDITION = re.compile(r"\b(?:when(?:ever)?|if|once|as soon as)\s+(?:[\w-]+\s+){0,2}$")


def conditions(place: Place) -> bool:
    """The words are the condition of a measure ("we need to set up alerts when most of the
    builds fail"): in a sentence about what will be done, after "when" or "if"."""
    sentence = place.block.lower[slice(*place.sentence)]
    return bool(_CONDITION.search(place.before) and markers()["future"].search(sentence))


# the purpose of a check told as the signal it gives and on what ("add monitoring of the
# pump's power supply so that a tripped breaker raises an alarm", "so a missed run pages the
# on-call"): what sets it off and what it raises make it a task one can test; "so that
# problems raise an alert" names no event
_RAISES = re.compile(
    r"\bso(?: that)?\s+(?!that\b)(?!(?:there (?:is|are) )?(?:an? |any )?(?:issues?|problems?"
    r"|something|anything|things|errors?|incidents?|failures?|it|they|we|i|you)\b)(?:(?:a|an|any|the|every"
    r"|each)\s+)?[\w/.`'-]+(?:\s+[\w/.`'-]+){0,5}?\s+(?:raises?|triggers?|fires?|pages?|opens?"
    r"|sends?|creates?|files?|posts?|sounds?)\s+(?:(?:an?|the|our|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:alerts?|alarms?|pages?|tickets?|notifications?|incidents?|warnings?|on-?call)\b"
)


def raises_signal(sentence: str) -> bool:
    """The measure's purpose names the event that sets it off and the signal it raises."""
    return _RAISES.search(sentence) is not None


_MEASURE_KINDS = frozenset({"measures", "action_items", "lessons"})
_TASK_KINDS = frozenset({"measures", "action_items"})
# the few words a bare promise may carry besides its own ("honestly", "next time", "promise")
_BARE = 4


# thanks, an apology or an appeal to the readers' patience: the courtesy of a closing line
_COURTESY = re.compile(
    r"\b(?:thank(?:s| you)|appreciate (?:your|the) (?:patience|understanding|support)"
    r"|(?:we|i) (?:sincerely |deeply )?apologi[sz]e"
    r"|(?:we|i)(?: are|['’]re| am|['’]m) (?:very |truly )?sorry)\b"
)


def signs_off(place: Place) -> bool:
    """A bare promise ("We'll do better.", "It won't happen again, promise.") in a paragraph
    outside the measures, in a document whose measures section lists its tasks, or a promise
    said with thanks or an apology to the readers ("We remain committed to a reliable service,
    and we thank you for your patience"): the closing words of a letter, not a measure."""
    if _COURTESY.search(place.block.lower[slice(*place.sentence)]):
        return True
    kinds = place.section.kinds
    if kinds & _MEASURE_KINDS or place.block.kind != "paragraph" or place.doc is None:
        return False
    s, e = place.sentence
    rest = place.block.lower[s : place.span[0]] + " " + place.block.lower[place.span[1] : e]
    if len(re.findall(r"[a-z]+", rest)) > _BARE:
        return False
    listed = (b for sec in place.doc.sections if sec.kinds & _TASK_KINDS for b in sec.blocks)
    return sum(b.kind in ("item", "row") for b in listed) >= 2
