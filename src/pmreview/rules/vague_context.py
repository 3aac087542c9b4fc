"""Whether a vague phrase is vague where it stands: the context test of PM101–PM105.

A phrase of data/vague.toml is a finding only when its context does not answer the question
the entry asks. Each entry says, as data, what would answer it (`answered_by`: a named
`specific` thing, a `quantity`, a concrete `change`), in which readings the words are no claim
of the author's (`skip`: a `purpose` clause, a reported `belief`, a `negation`, an `opener`
that introduces a list) and where it applies (`scope = "measures"`: only where measures are
stated). Quoted material (block quotes, quotations, code) is never the author's claim. The
marker words of each reading are the `[context]` table of the same file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..checks.semantics import specific_terms
from ..models import Block, Section
from ..resources import load_toml
from ..text.borrowed import is_quoted
from ..text.prefilter import Lazy, lowercase_lazy
from ..text.times import DATE_RE, TIME_RE
from ..text.verb_forms import verbs

MEASURE_KINDS = frozenset({"measures", "action_items", "lessons"})
ACCOUNT_KINDS = frozenset({"summary", "impact", "root_cause", "trigger", "resolution", "timeline"})
_ARTICLE = re.compile(r"(?:the|this|that|these|those|such)\b")
ANSWERS = frozenset({"specific", "quantity", "setting", "value", "share", "change"})
SKIPS = frozenset(
    {"purpose", "belief", "negation", "opener", "verification", "reference", "question", "lesson"}
)
SCOPES = frozenset({"anywhere", "measures", "account"})
WITHIN = frozenset({"sentence", "clause"})
_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])?\s*")
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[—–-]\s")  # "10:30", "4,100" and a parenthesis stay
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# links, addresses and ticket numbers (where a task is tracked, not what it does) and HTML
# tags (a colour is no value)
_REFERENCE = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|https?://\S+|#\d+\b|<[^>\n]*>")
# a label opening a block, with text after it
_LABEL = re.compile(
    r"\s*(?:[-*+•]|\d+[.)])?\s*"
    r"(?:\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__|[A-Z][\w /&-]{0,40}:)(?=:?\s+\S)"
)
# list marker, bold/label markup and spaces that may come before a sentence's first word
_LEAD = re.compile(
    r"^[\s>*_#+•—–-]*(?:\d+[.)]\s*)?(?:\*\*[^*\n]{1,60}\*\*:?\s*|[A-Z][\w ]{0,40}:\s+)?"
)


@dataclass(frozen=True)
class Context:
    """What one table entry asks of the context of its words."""

    answered_by: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    scope: str = "anywhere"
    within: str = "sentence"

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> Context:
        ctx = cls(
            frozenset(entry.get("answered_by", ())),
            frozenset(entry.get("skip", ())),
            entry.get("scope", "anywhere"),
            entry.get("within", "sentence"),
        )
        known = ctx.answered_by <= ANSWERS and ctx.skip <= SKIPS
        if not (known and ctx.scope in SCOPES and ctx.within in WITHIN):
            raise ValueError(f"vague.toml:{entry['rule']}: unknown context {ctx}")
        return ctx


@cache
def _markers() -> dict[str, Lazy]:
    table = load_toml("vague.toml")["context"]
    return {
        name: lowercase_lazy(pats, f"vague.toml context.{name}") for name, pats in table.items()
    }


@dataclass(frozen=True)
class Place:
    """Where a match stands: its section, block, sentence (start, end) and span in the block."""

    section: Section
    block: Block
    sentence: tuple[int, int]
    span: tuple[int, int]

    @property
    def before(self) -> str:
        """The sentence's lower-cased text before the match."""
        return self.block.lower[self.sentence[0] : self.span[0]]

    def around(self, within: str) -> str:
        """The lower-cased text the match is judged in, without the match: its clause, or its
        sentence (a list item: the whole item)."""
        lower = self.block.lower
        if self.block.kind == "item":  # the list marker ("7.") is no number of the text
            s, e = len(lower) - len(_MARKER.sub("", lower, count=1)), len(lower)
        else:
            s, e = self.sentence
        before, after = lower[s : self.span[0]], lower[self.span[1] : e]
        if within == "clause":
            before = _CLAUSE_END.split(before)[-1]
            after = _CLAUSE_END.split(after)[0]
        return _REFERENCE.sub(" ", before + " " + after)


def is_vague_here(ctx: Context, place: Place) -> bool:
    """Whether the words at `place` are a vague claim of the author's, by the entry's context."""
    if is_quoted(place.block, *place.span) or _in_label(place):
        return False
    if ctx.scope == "measures" and not _states_measures(place):
        return False
    if ctx.scope == "account" and _guards_against(place):
        return False
    if any(_READINGS[name](place) for name in ctx.skip):
        return False
    around = place.around(ctx.within)
    return not any(_ANSWERS[name](around) for name in ctx.answered_by)


def _in_label(place: Place) -> bool:
    """The words are the label of a paragraph or list item with text after it
    ("**Enhanced monitoring:** Page the DBA when …"): the label names the topic, the text
    after it is what is judged."""
    m = _LABEL.match(place.block.text)
    return m is not None and place.span[1] <= m.end()


def _states_measures(place: Place) -> bool:
    """Measures are stated as list items or rows of a measures section, as instructions
    ("Change the rollback process …"; the sentence opens with a verb or with the words), or
    in a sentence about what will be done. A remark in a paragraph ("We are committed to
    improving our technology") is no measure."""
    s, e = place.sentence
    if _markers()["future"].compiled.search(place.block.lower[s:e]):
        return True
    line = place.block.text.rfind("\n", 0, place.span[0]) + 1  # a line of its own counts too
    opening = _LEAD.sub("", place.block.text[max(s, line) : place.span[0]])
    if not opening.strip():
        return True
    if not place.section.kinds & MEASURE_KINDS:
        return False
    first = _FIRST_WORD.match(opening)
    return place.block.kind in ("item", "row") or bool(first and first.group(0).lower() in verbs())


def _guards_against(place: Place) -> bool:
    """In a section of measures or lessons (and of no kind that tells what happened), a cause
    or a change is what to guard against, not the author's account of the incident."""
    kinds = place.section.kinds
    return bool(kinds & MEASURE_KINDS) and not kinds & ACCOUNT_KINDS


def _refers_back(place: Place) -> bool:
    """The words refer back to something stated before ("this misconfiguration")."""
    words = place.block.lower[place.span[0] : place.span[1]]
    return _ARTICLE.match(words) is not None or _marked("reference")(place.before)


def _in_purpose(place: Place) -> bool:
    """The words are in a purpose clause ("to prevent similar issues", "so that …"): why a
    measure is taken, not the measure. A clause that opens the sentence ends at its comma."""
    s, at = place.sentence[0], place.span[0]
    for m in _markers()["purpose"].compiled.finditer(place.block.lower[s : place.span[1]]):
        if s + m.start() > at:
            break
        if _LEAD.sub("", place.block.text[s : s + m.start()]):
            return True
        if "," not in place.block.text[s + m.end() : at]:
            return True
    return False


def _is_opener(place: Place) -> bool:
    """The sentence introduces a list ("To prevent this from happening again, we will:")."""
    s, e = place.sentence
    return place.block.text[s:e].rstrip(" *_").endswith(":")


_READINGS = {
    "purpose": _in_purpose,
    "opener": _is_opener,
    "belief": lambda place: _marked("belief")(place.before),
    "question": lambda place: _marked("question")(_CLAUSE_END.split(place.before)[-1]),
    "lesson": lambda place: _marked("lesson")(place.before),
    "negation": lambda place: _marked("negation")(place.before),
    "verification": lambda place: _marked("verification")(place.before),
    "reference": _refers_back,
}


def _has_specific(text: str) -> bool:
    return bool(specific_terms(text))


def _marked(name: str) -> Callable[[str], bool]:
    """A test for the `[context]` markers `name`, on text whose clock times and dates are
    taken out (a time is no count, no value and no setting)."""

    def test(text: str) -> bool:
        if any(c.isdigit() for c in text):
            text = TIME_RE.sub(" ", DATE_RE.sub(" ", text))
        return _markers()[name].compiled.search(text) is not None

    return test


_ANSWERS = {
    "specific": _has_specific,
    "quantity": _marked("quantity"),
    "setting": _marked("setting"),
    "value": _marked("value"),
    "share": _marked("share"),
    "change": _marked("change"),
}
