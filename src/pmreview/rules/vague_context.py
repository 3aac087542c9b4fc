"""Whether a vague phrase is vague where it stands: the context test of PM101–PM105.

A phrase of data/vague.toml is a finding only when its context does not answer the question
the entry asks. Each entry says, as data, what would answer it (`answered_by`: a named
`specific` thing, a `quantity`, a concrete `change`), in which readings the words are no claim
of the author's (`skip`: a `purpose` clause, a reported `belief`, a `negation`, an `opener`
that introduces a list; the other readings are in rules/vague_roles.py and, for measures,
rules/vague_measures.py) and where it applies
(`scope = "measures"`: only where measures are stated). The answer is looked for in the words'
clause or sentence (a list item: the whole item), for `paragraph` answers in the whole
paragraph, for `nearby` answers in the sentences just before and after ("Bound the app to
port 5001. This involved updating the settings."), for `adjacent` answers in the block before
or after, and for words that count unnamed changes at
the end of a paragraph in what the paragraph announces (`scope = "told"`: as "account", but a
lesson that explains the incident is an account too), for `section` answers in the words'
section or summary, for a `recap` of the fix in the resolution sections
(rules/vague_document.py), and with `entry_before` in the timeline entry just before
(rules/vague_entries.py). Quoted material (block quotes, quotations, code, status-page posts)
and a label-only lead-in are never the author's claim; markers: the `[context]` table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..text.verb_forms import gerund_of, past_of, verbs
from . import vague_aims as aims
from . import vague_document as told
from . import vague_measures as measures
from . import vague_roles as roles
from .vague_entries import answered_before
from .vague_markers import TESTS, markers
from .vague_place import CLAUSE_END, Place, in_label, in_link, in_title_field
from .vague_readings import READINGS, SENTENCE_LEAD, WHOLE
from .vague_role import recaps

MEASURE_KINDS = frozenset({"measures", "action_items", "lessons"})
ACCOUNT_KINDS = frozenset({"summary", "impact", "root_cause", "trigger", "resolution", "timeline"})
ANSWERS = frozenset(
    {"specific", "quantity", "setting", "value", "share", "change", "new_value", "examined"}
    | {"named", "training", "watched", "spelled_out", "listed", "tracked", "trigger", "product"}
    | {"method", "count", "timed", "clocked", "dated", "lengthed", "pinned", "spanned"}
    | {"detector", "restated", "parameter", "finding", "target", "rephrased"}
    | {"length", "magnitude", "built", "placed", "shared", "found_here"}
)
SKIPS = frozenset(
    {"purpose", "belief", "negation", "opener", "verification", "reference", "question", "lesson"}
    | {"judgement", "recovery", "effect", "fault", "asked", "examined"}
    | {"definition", "background", "remedy", "effort", "ease", "appeal", "framing", "heading"}
    | {"again", "observation", "unfolding", "theory", "headline", "detection", "plan", "means"}
    | {"unknown", "condition", "cycle", "thanks", "seeming", "rated", "returned", "instructed"}
    | {"located", "explained", "timeless", "other_length", "contacted", "occupied"}
    | {"destination", "staged", "pointed", "dating", "milestone", "detected_next", "unharmed"}
    | {"examined_next", "followup", "other_event", "signoff", "later_change", "record"}
    | {"narrated", "found", "told_elsewhere", "feedback", "aim", "reported", "conducted"}
    | {"other_party", "risked", "after_steps", "grounded", "owned", "named_next"}
)
SECTION_ANSWERS = {"share": told.states_share, "duration": told.states_duration}
SCOPES = frozenset({"anywhere", "measures", "account", "told"})
WITHIN = frozenset({"sentence", "clause", "after"})
_FIRST_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Context:
    """What one table entry asks of the context of its words."""

    answered_by: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    scope: str = "anywhere"
    within: str = "sentence"
    paragraph: frozenset[str] = frozenset()
    nearby: frozenset[str] = frozenset()
    adjacent: frozenset[str] = frozenset()
    section: frozenset[str] = frozenset()
    recap: bool = False
    before: bool = False  # the timeline entry just before may answer (rules/vague_entries.py)

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> Context:
        ctx = cls(
            frozenset(entry.get("answered_by", ())),
            frozenset(entry.get("skip", ())),
            entry.get("scope", "anywhere"),
            entry.get("within", "sentence"),
            frozenset(entry.get("paragraph", ())),
            frozenset(entry.get("nearby", ())),
            frozenset(entry.get("adjacent", ())),
            frozenset(entry.get("section", ())),
            bool(entry.get("recap", False)),
            bool(entry.get("entry_before", False)),
        )
        known = (
            ctx.answered_by | ctx.paragraph | ctx.nearby | ctx.adjacent <= ANSWERS
            and ctx.skip <= SKIPS
        )
        known = known and ctx.section <= SECTION_ANSWERS.keys()
        if not (known and ctx.scope in SCOPES and ctx.within in WITHIN):
            raise ValueError(f"vague.toml:{entry['rule']}: unknown context {ctx}")
        return ctx


def is_vague_here(ctx: Context, place: Place) -> bool:
    """Whether the words at `place` are a vague claim of the author's, by the entry's context."""
    return rejection(ctx, place) is None


def rejection(ctx: Context, place: Place) -> str | None:
    """The first reading by which the words at `place` are no vague claim of the author's
    (named as in data/vague.toml, for `bench/accuracy.py --why`), or None."""
    if place.borrowed or in_label(place) or roles.is_lead_in(place.block):
        return "quoted, a label or a lead-in"
    if in_link(place):
        return "a link, or a sentence that points to a linked document"
    if in_title_field(place):
        return "a title given as a field (Subject:)"
    if recaps(place):
        return "a section that recaps or frames (Conclusion, Update, Severity)"
    if ctx.scope == "measures" and not _states_measures(place):
        return "scope: not where measures are stated"
    if ctx.scope in ("account", "told") and _guards_against(place, ctx.scope == "told"):
        return "scope: a measure's account"
    return _skipped(ctx, place) or _answered(ctx, place)


def _skipped(ctx: Context, place: Place) -> str | None:
    """The first reading of `skip` by which the words are no claim of the author's."""
    return next((f"skip {n}" for n in sorted(ctx.skip) if READINGS[n](place)), None)


def _answered(ctx: Context, place: Place) -> str | None:
    """The first answer to the words' question: in the whole sentence, in their clause or
    sentence, in what a closing sentence announces, nearby, in the paragraph, in a recap of
    the fix, in the section."""
    whole = sorted(ctx.answered_by & WHOLE.keys())
    answers = sorted(ctx.answered_by - WHOLE.keys())
    for n in whole:
        if WHOLE[n](place):
            return f"answered {n}"
    around = place.around(ctx.within)
    for n in answers:
        if TESTS[n](around):
            return f"answered {n}"
    if answers and _introduces(place):
        for n in answers:
            if TESTS[n](place.next_text):
                return f"announced {n}"
    for n in sorted(ctx.nearby):
        if TESTS[n](place.nearby):
            return f"nearby {n}"
    for n in sorted(ctx.adjacent):
        if TESTS[n](place.adjacent):
            return f"adjacent {n}"
    if ctx.before and answered_before(place, [TESTS[n] for n in answers]):
        return "entry before"
    for n in sorted(ctx.paragraph):
        if _answers_paragraph(n, place):
            return f"paragraph {n}"
    if ctx.recap and told.recaps_fix(place):
        return "recap"
    return next((f"section {n}" for n in sorted(ctx.section) if SECTION_ANSWERS[n](place)), None)


def _introduces(place: Place) -> bool:
    """The words count things they do not name ("a few changes have been made") in the
    sentence that closes a paragraph: it announces what the section tells next."""
    if place.block.kind != "paragraph" or place.block.text[place.sentence[1] :].strip():
        return False
    return roles.announces(place.words)


def _answers_paragraph(name: str, place: Place) -> bool:
    """Whether the paragraph or list item answers the question of the words: a share stated
    anywhere in it answers how many words that count say were hit ("many orders failed.
    Roughly 18% of shoppers …": `count`; not "the disk was 100% full", no share of anyone;
    for words that count people, only a share or a count of people: "a subset of customers"
    is not answered by "9% of requests")
    and how big words of size say the impact was ("a
    significant outage … 75% of users could not log in": `share`), not another measure the
    words name (intermittent errors, lost revenue, a duration)."""
    if name in ("share", "count") and told.counts_part(place.words, place.after):
        return told.counts_group(place.words, place.paragraph)
    if name == "count" and _counted_again(place):
        return True
    if name == "count" and told.counts_people(place):
        return told.states_people(place.paragraph)
    if name == "count":
        return TESTS["share"](place.paragraph)
    if name == "share" and not roles.states_size(place.words):
        return False
    return TESTS[name](place.paragraph)


def _counted_again(place: Place) -> bool:
    """The paragraph or list item gives the number of the things the words count ("hundreds
    of pending pods … the console shows 225 unschedulable pods")."""
    noun = _LAST_WORD.search(place.words)
    if _SHARE_WORDS.match(place.words) or noun is None or len(noun.group(0)) < 3:
        return False
    again = rf"(?<![\w.,-])\d[\d,.]*+\s++(?:[\w-]++\s++){{0,2}}{re.escape(noun.group(0))}\b"
    return re.search(again, place.paragraph) is not None


_LAST_WORD = re.compile(r"[a-z][\w-]*(?=\W*$)")
# words that ask what share, which a count of the things does not answer ("Most jobs never
# started. In total 230 jobs were stuck": 230 of how many?)
_SHARE_WORDS = re.compile(
    r"(?:most|much|(?:nearly|almost) all|an? (?:[\w-]+ )?(?:majority|minority|portion|share"
    r"|fraction|part|percentage|proportion|subset|chunk))\b"
)


def _states_measures(place: Place) -> bool:
    """Measures are stated as list items or rows of a measures section, as instructions
    ("Change the rollback process …"; the sentence opens with a verb or with the words), or
    in a sentence about what will be done. A remark in a paragraph ("We are committed to
    improving our technology") is no measure, nor one that looks back on the measures ("With
    these changes, we'll be better prepared"), nor prose beside a list of the measures."""
    s, e = place.sentence
    listed = place.block.kind in ("item", "row") and place.section.kinds & MEASURE_KINDS
    sentence = place.block.lower[s:e]
    if (roles.counterfactual(sentence) or measures.looks_back(sentence)) and not listed:
        return False
    if roles.counterfactual(sentence) and _recounted(place):
        return False
    if not listed and measures.listed_apart(place):
        return False
    if markers()["future"].search(sentence):
        return True
    line = place.block.text.rfind("\n", 0, place.span[0]) + 1  # a line of its own counts too
    opening = SENTENCE_LEAD.sub("", place.block.text[max(s, line) : place.span[0]])
    kinds = place.section.kinds
    if not opening.strip():  # in an account of what happened, only an instruction
        return bool(kinds & MEASURE_KINDS or not kinds & ACCOUNT_KINDS or _opens_with_verb(place))
    if not kinds & MEASURE_KINDS:
        return False
    first = _FIRST_WORD.match(opening)
    return place.block.kind in ("item", "row") or bool(first and first.group(0).lower() in verbs())


def _recounted(place: Place) -> bool:
    """The words stand under a title or a list label that asks what happened ("What didn't go
    well:" above the item): a judgement of the past there is the account, not a measure."""
    if aims.recounts(place.section.title):
        return True
    blocks = place.section.blocks
    at = next((k for k, b in enumerate(blocks) if b is place.block), 0)
    depth = place.block.depth
    for block in reversed(blocks[:at]):
        if block.kind != "item" or block.depth < depth:
            return block.kind == "item" and aims.recounts(block.text)
    return False


def _opens_with_verb(place: Place) -> bool:
    """The words open with a verb ("Improve …", "Enhanced …", "Adding …"), not a noun phrase
    with its verb after it ("Thorough testing conducted using curl")."""
    first = _FIRST_WORD.match(place.block.text, place.span[0])
    word = first.group(0).lower() if first else ""
    return word in verbs() or past_of(word) is not None or gerund_of(word) is not None


def _guards_against(place: Place, told: bool = False) -> bool:
    """In a section of measures or lessons (and of no kind that tells what happened), a cause
    or a change is what to guard against, not the author's account of the incident. With
    `told`, a lesson that explains the incident ("what went wrong: … possibly because it
    restarted") is the author's account still, and so is a section whose title recounts the
    incident ("What went well", "Where we got lucky"). A fix told as done ("the team has
    rectified the issue") is an account wherever it stands."""
    kinds = place.section.kinds
    explained = "lessons" in kinds and roles.explains(place.block.lower[slice(*place.sentence)])
    if told and (explained or aims.recounts(place.section.title)):
        return False
    return bool(kinds & MEASURE_KINDS) and not kinds & ACCOUNT_KINDS and not _fixed_then(place)


# a fix told as done ("the issue was resolved quickly", "the team has rectified the issue")
_FIXED_VERB = r"(?:fixed|resolved|solved|addressed|corrected|rectified|remedied|repaired)"
_WAS_FIXED = re.compile(
    rf"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?{_FIXED_VERB}\b"
)
_HAS_FIXED = re.compile(r"\b(?:has|have|had|we|i|they|team)\s+(?:\w+ly\s+)?$")


def _fixed_then(place: Place) -> bool:
    """The words tell a fix as done, in a clause about no plan ("The team has rectified the
    issue and will add tests": the plan comes after): among measures (a conclusion, a
    mitigation section), the author's account of the incident still."""
    if "lessons" in place.section.kinds:  # "while this error has been addressed, it taught us"
        return False
    if markers()["future"].search(CLAUSE_END.split(place.before)[-1]):
        return False
    if _WAS_FIXED.search(place.words):
        return True
    return bool(re.match(_FIXED_VERB, place.words) and _HAS_FIXED.search(place.before))
