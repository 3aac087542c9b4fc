"""The measures' facts: their section, whether they say what to improve, and their tasks with
the owner, ticket and due date each names (text/task_assignment.py, as the action-item rules read
them)."""

from __future__ import annotations

import re

from ..models import ASCII_LOWER, Block, Document, Section
from ..parse.titles import kinds_of
from ..parse.views import sections_of
from ..text.borrowed import assignment_section
from ..text.prefilter import Lazy
from ..text.task_assignment import assignment
from ..text.task_parts import is_done, is_imperative
from ..text.tasks import task_of
from ..text.verb_forms import opens_as_verb, reported_done
from . import semantics as sem
from .record import Measures, TaskFact, shown_place
from .semantics import Evidence, find_sentence

_MARKER = re.compile(r"^\s*(?:[-*+•●]|\d+[.)]|\|)?\s*(?:\[[ xX]\]\s*)?")


def measures(doc: Document) -> Measures:
    """The measures sections' facts; a section that is the assignment's own text (a README's
    "Tasks": what to write) is none of them."""
    found = sections_of(doc, "measures", "action_items")
    secs = sorted(
        (s for s in found if not assignment_section(s.blocks)), key=_lessons_only
    )  # the sections of what to do first: lessons hold what went well and wrong too
    blocks = [b for s in secs for b in s.blocks]
    text = "\n".join(b.text for b in blocks)
    items = [b for b in blocks if b.kind in ("item", "row")]
    lessons = {id(b) for s in secs if _lessons_only(s) for b in s.blocks}
    tasks = [
        t
        for b in items
        if (id(b) not in lessons or _names_task(b)) and (t := _task(doc, b)) is not None
    ]
    return {
        "present": shown_place(doc, secs, "measures", "action_items") if secs else None,
        "improvements": (
            _improvements(blocks, items, tasks, lessons)
            if sem.words(text) >= 6 and _words(text) >= 3  # not addresses alone
            else None
        ),
        "tasks": tasks,
    }


def _improvements(
    blocks: list[Block], items: list[Block], tasks: list[TaskFact], lessons: set[int]
) -> Evidence | None:
    """A sentence saying what to improve: a concrete task first, then any item of three words
    or more (a paragraph above a list frames it: "We are taking steps to…"), then a measure
    marked in prose ("Action point: …"), then a sentence that names a change ("We have
    disabled the tool…" after the intro), then one that says what will be done ("We'll keep
    the larger plan…", not the excuse before it), then any sentence. A lesson's item that names no
    task ("Official images are minimal on purpose") is quoted last: it is an observation,
    which says what to improve only broadly."""
    concrete = {t["line"] for t in tasks if t["concrete"]}
    words = re.compile(r"\b\w{4,}\b")
    own = [b for b in blocks if id(b) not in lessons or b.kind == "heading" or _names_task(b)]
    items = [b for b in items if not _UNDOES.compiled.search(b.lower)]
    # an item of one or two words names something (a team told, a tool), and one that refers
    # back ("This has been done.") names nothing: neither says what to improve
    said = [b for b in items if _words(b.text) >= 3 and not _REFERS_BACK.match(b.text)]
    return (
        find_sentence([b for b in items if b.line in concrete], words, unless=_LABEL.compiled)
        or find_sentence([b for b in said if b in own], words, unless=_LABEL.compiled)
        or find_sentence(blocks, _ACTION_LABEL, unless=_LABEL.compiled)
        or find_sentence(blocks, sem.CONCRETE_CHANGE, unless=_LABEL.compiled)
        or find_sentence(blocks, _WILL_DO, unless=_LABEL.compiled)
        or find_sentence(own, words, unless=_LABEL.compiled)
        or find_sentence(blocks, words, unless=_LABEL.compiled)
    )


# a measure marked in prose: "Action point: create a mailing list for …", "TODO: …"
_ACTION_LABEL = re.compile(
    r"^\W*(?:action (?:points?|items?)|todo|follow-?ups?|next steps?)\s*:\s*\w", re.IGNORECASE
)
# what the writers will do, told in prose (matched on lower-cased text)
_WILL_DO = re.compile(
    r"\b(?:we|i|the team)(?:['’]ll| will| are going to| plan to| intend to| shall)\b"
    r"|\bwill be (?:\w+ )?\w+ed\b"
)
_REFERS_BACK = re.compile(
    r"^\W*(?:this|that|it|these|those)\s+(?:has|have|is|was|were|are|will)\b", re.IGNORECASE
)


def _words(text: str) -> int:
    """The words a measure says, not those of an address it links to: an item that is only
    a link ("- https://git.example.org/ops/issues/95") names no task (a link's own text,
    "[Add a disk alert](https://…)", does)."""
    return sem.words(_ADDRESS.sub(" ", text))


_ADDRESS = re.compile(r"<?\bhttps?://[^\s)>]+>?|(?<=\])\([^)\s]*\)")


def _lessons_only(sec: Section) -> bool:
    return "lessons" in sec.kinds and "action_items" not in sec.kinds


def _names_task(block: Block) -> bool:
    """A lesson's item that is a task: one to do ("Always run `nginx -t` first", "We will
    add …") or one done; a lesson told as a statement ("Official images are minimal on
    purpose") names none."""
    task = task_of(block)
    return task is not None and (is_imperative(task) or is_done(task))


# An item that lifts what the response put in place ("the customer's rate limit was removed",
# "Remove the temporary block on port 25"): it undoes a mitigation and improves nothing.
_UNDO = r"(?:remov|lift|revert|undo|undid|unblock)\w*|roll(?:ed|ing|s)? back"
_MITIGATION = r"(?:temporary|workaround|mitigation|freeze|rate[- ]?limit|block)\w*"
_UNDOES = Lazy(
    rf"\b(?:{_UNDO})\b[^.;:]{{0,60}}?\b{_MITIGATION}"
    rf"|\b{_MITIGATION}[^.;:]{{0,40}}?\b(?:was|were|is|are|been|be)\s+(?:{_UNDO})\b"
)


def _concrete(text: str) -> bool:
    """A task to do or done, not a wish: it opens with a verb (after a label, a number cell or
    "always") that is no wish ("Review changes more carefully", "Be careful") or reports the
    work done ("A nightly job has been added…") or names a concrete thing (a file, a setting,
    a tool, a value); and rule PM104 finds no wish in it unless it names such a thing. (A
    named thing decides first: the wish search tries a hundred-odd phrases everywhere.)"""
    body = _LEAD.sub("", _CELLS.sub("", text))
    if sem.specific_terms(body):
        return True
    if sem.measure_wish().search(body.translate(ASCII_LOWER)):
        return False
    words = re.findall(r"[a-z][\w'-]*", body.lower())
    return reported_done(body) or (opens_as_verb(words) and words[0] not in _WISH_VERBS)


# what opens an item before its task: "**Capacity:** ", "Always ", "We will "
_LEAD = re.compile(
    r"^[\s*_]*(?:[\w /&-]{1,40}?[*_]*:[*_]*\s+)?(?:(?:always|never|also|then)\s+)?"
    r"(?:(?:we|i|the team)\s+(?:will|shall|should|must|need to|plan to)\s+)?",
    re.IGNORECASE,
)
_CELLS = re.compile(r"^(?:\s*[\d#.]+\s*\|)+")  # a row's number cells: "1 | Add …"
_WISH_VERBS = frozenset(
    {
        "be",
        "improve",
        "review",
        "ensure",
        "consider",
        "continue",
        "keep",
        "try",
        "remember",
        "learn",
        "stay",
        "think",
        "avoid",
        "communicate",
        "strive",
        "aim",
        "work",
        "look",
    }
)


def _subheading(text: str) -> bool:
    """A label that titles a part of the measures ("Tasks to address the issue:"), not a
    task named by its topic ("Automated testing: add tests for the pool settings")."""
    label = text.rstrip("*_ ")
    return label.endswith(":") and bool(kinds_of(label[:-1]) & {"measures", "action_items"})


# a label or a title alone ("**Improvements/Fixes:**", "**My first postmortem**"): it
# introduces what follows and says nothing itself
_LABEL = Lazy(r"^[\s>*+•●-]*(?:\d+[.)]\s*)?(?:\*\*[^*\n]+\*\*|__[^_\n]+__|[^:\n]{1,60}:)[\s*_:]*$")


def _task(doc: Document, block: Block) -> TaskFact | None:
    """A list item or table row of two words or more (its first line, markers removed); a
    sub-heading of the measures set as an item ("- **Improvements/Fixes:**") is none."""
    text = _MARKER.sub("", block.text.split("\n")[0]).strip()
    if _words(text) < 2 or _subheading(text):
        return None
    found = assignment(doc, block)
    return {
        "line": block.line,
        "text": text[:160],
        "owner": found.owner,
        "ticket": found.ticket,
        "due": found.due,
        "concrete": _concrete(text),
    }
