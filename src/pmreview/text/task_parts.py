"""What a task names: its verb and object (PM501, PM502), whether it is done, open or a
standing rule (PM503, PM504; its owner, ticket and due date: text/task_assignment.py). One
reading, so that the profile's action-item checks and the rules never disagree about a
task."""

from __future__ import annotations

import re

from ..models import Block, Document, Section, per_document
from .prefilter import Lazy
from .runs import RunSearch
from .sentences import without_tags
from .task_assignment import assignment
from .task_reports import COMMITTED, reported_in_brief
from .tasks import Task, tasks_by_list
from .topics import clauses, named_by_purpose, noun_phrase, outcome_only
from .verb_forms import (
    PREPOSITIONS,
    WORD,
    action_words,
    done_past,
    marked_done,
    marked_open,
    opens_as_verb,
    reported_done,
    under_way,
    verbs,
)

# a label ends at ": " (never at the colon of "https://"), " - " or ". "
_LABEL = re.compile(r"^(?P<label>[^:.!?\n]{1,60}?)\s*(?::(?!\S)|\s[-–—]\s|\.\s)\s*+(?=\S)")
_MODAL = Lazy(
    r"\b(?:will|shall|should|must|would|can|could|need(?:s)? to|ha(?:ve|s) to|"
    r"(?:is|are) going to|(?:is|are) to be|plan(?:s)? to|\w+['’]ll)\b",
    re.I,
)
_OPENER = re.compile(
    r"^(?:before|after|when|once|if|for|in|on|upon|during|to|as|going|moving|"
    r"where|whenever|until)\b[^,.\n]{0,80},\s*",
    re.I,
)
# A condition that leads to the task without a comma: "After a release do a load test".
_CONDITION = Lazy(r"^(?:before|after|when|whenever|once|if|prior to)\b", re.I)
_CONFIG_FILE = r"\.(?:conf|ya?ml|json|py|sh|pp|js|ts|go|rb|ini|toml|cfg|sql|md)\b"
_OTHER_CONCRETE = r"/[\w.-]+/|https?://"
# `[^`]+`|\d|[\w-]+CONFIG_FILE|OTHER_CONCRETE, reading each run of [\w-] once (a file name's
# [\w-]+ reads it to its end from every start inside it)
_CONCRETE = RunSearch(
    rest=re.compile(rf"`[^`]+`|\d|(?<![\w-])[\w-]++{_CONFIG_FILE}|{_OTHER_CONCRETE}"),
    runs=((re.compile(r"(?<=[\w-])[\w-]"), re.compile(r"[\w-]*")),),
    alternative=re.compile(rf"`[^`]+`|\d|[\w-]+{_CONFIG_FILE}|{_OTHER_CONCRETE}"),
)


def _opens_with_verb(text: str) -> bool:
    text = _OPENER.sub("", text.lstrip(), count=1)
    words = [w.group(0).lower().replace("’", "'") for w in WORD.finditer(text)]
    while words and words[0] in action_words("lead_ins"):
        words.pop(0)
    if opens_as_verb(words):
        return True
    first_sentence = re.split(r"[.!?](?:\s|$)", text, maxsplit=1)[0]
    modal = _MODAL.compiled.search(first_sentence)
    if modal and len(first_sentence[: modal.start()].split()) <= 12:
        return True
    if _CONDITION.compiled.match(text) and any(w in verbs() for w in words[2:20]):
        return True
    return reported_done(first_sentence) or under_way(first_sentence)


def body(task: Task) -> int:
    """Where the task's words start after a short label ("Monitoring: Add …")."""
    label = _LABEL.match(task.words)
    if label and len(label.group("label").split()) <= 6:
        return task.start + label.end()
    return task.start


def is_imperative(task: Task) -> bool:
    """ "Add an alert …", "We will add …", "Monitoring: Add an alert …" are; "Monitoring" is not."""
    if _opens_with_verb(task.words):
        return True
    start = body(task)
    return start != task.start and _opens_with_verb(task.text[start:])


def is_topic(doc: Document, task: Task) -> bool:
    """An open item that names a topic, not a task (PM501): none of its sentences is an action
    ("Config drift. It happened when …; move the config into Terraform" is judged by its last
    clause), and the one it opens with, after a label, is a noun phrase with no verb ("Better
    alerts"), nor a plural subject and its verb ("Leaderboards move to their own database").
    A noun phrase tracked with an owner, a ticket or a target date that names something
    concrete ("Default-deny egress for the build runners — SEC-12, owner Dana", "Fault-
    injection suite for `api` (target: Q2)") is a deliverable in the tracker's style."""
    if is_imperative(task) or is_done(task):
        return False
    end = task.end if task.block.kind == "row" else len(task.text)  # a row's first cell
    text = task.text[body(task) : end]
    parts = clauses(text) or [text]
    if any(_opens_with_verb(c) for c in parts[1:]) or not noun_phrase(parts[0]):
        return False
    if _subject_and_verb(parts[0]) or _subject_and_verb_s(parts[0]):
        return False
    if (_CONCRETE.search(parts[0]) or named_by_purpose(parts[0])) and not outcome_only(parts[0]):
        return False  # a deliverable: "Nagios warning at 80% disk use", "The ability to see …"
    found = assignment(doc, task.block)
    return not ((found.owner or found.ticket or found.due) and has_object(task))


def _subject_and_verb(clause: str) -> bool:
    """A plural noun, a verb that agrees with it and what the verb acts on or where it goes:
    "Leaderboards move to their own database", "Backups run on a separate volume"."""
    words = [w.group(0).lower() for w in WORD.finditer(clause)][:3]
    return (
        len(words) == 3
        and words[0].endswith("s")
        and not words[0].endswith("ss")
        and words[1] in verbs()
        and (words[2] in PREPOSITIONS or words[2] in _OBJECT_OPENERS)
    )


_OBJECT_OPENERS = frozenset(["the", "a", "an", "their", "its", "our", "every", "all", "only"])


def _subject_and_verb_s(clause: str) -> bool:
    """A subject opened by a determiner, its verb in the -s form and what the verb acts on:
    "Our deploy runbook gets a rollback step", "The status page shows the queue depth"."""
    words = [w.group(0).lower() for w in WORD.finditer(clause)][:7]
    if not words or words[0] not in _SUBJECT_OPENERS:
        return False
    return any(
        _third_person(words[k], words[k + 1] in _COUNT_OPENERS)
        and (words[k + 1] in _OBJECT_OPENERS or words[k + 1] in _COUNT_OPENERS)
        for k in range(2, len(words) - 1)
    )


_NOUN_S = ("tions", "sions", "ments", "ness", "ities", "ances", "ences", "ers", "ors", "ics")
_SUBJECT_OPENERS = frozenset(["the", "our", "their", "its", "my", "your", "this", "each", "every"])


# a count after a word in the -s form makes it a verb whatever the word: "The job defrags
# one member at a time", "The agent rotates each key", "The cron job prunes no backups"
_COUNT_OPENERS = frozenset(["one", "two", "three", "four", "five", "each", "no", "both"])


def _third_person(word: str, counted: bool = False) -> bool:
    """ "gets", "pushes", "applies": a verb of verbs.txt in its -s form, or any word in the -s
    form (not a noun by its ending) when a count follows it."""
    if (
        counted
        and len(word) > 4
        and word[-1] == "s"
        and word[-2] not in "su"
        and not word.endswith(_NOUN_S)
    ):
        return True
    stems = [word[:-1]] if word.endswith("s") and not word.endswith("ss") else []
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(s in verbs() for s in stems)


_PRIORITY = re.compile(r"^\W*(P[0-4]|HIGH|MEDIUM|LOW|CRITICAL)\W*(?:[-–—:]\s)", re.I)


def priority_legend(tasks: list[Task]) -> set[int]:
    """Lines of items that define priorities rather than name tasks: two or more items, each
    a different priority tag and a description with no verb ("P0 - Critical for the
    release", "P1 - Important for the project")."""
    tagged = [(t, _PRIORITY.match(t.block.text)) for t in tasks]
    legend = [(t, m.group(1).upper()) for t, m in tagged if m and not is_imperative(t)]
    tags = [tag for _, tag in legend]
    if len(legend) < 2 or len(set(tags)) != len(tags):
        return set()
    return {t.block.line for t, _ in legend}


def is_done(task: Task) -> bool:
    """A task marked done (✅, [x], DONE, "Done:", "(completed)", "(in effect)", struck
    through, a Status cell), listed under a lead-in or title saying so ("We have already:",
    "Completed"), or, unless marked open ("In progress:", "[ ]", "(target: Q2)", a Status
    cell), written as work already done ("Added an alert on …", "We enabled …", "X has been
    disabled"): it needs no owner or due date."""
    if task.listed_done:
        return True
    cells = task.block.text.strip().strip("|").split("|") if task.block.kind == "row" else []
    if marked_done(task.block.text, cells):
        return True
    if marked_open(task.block.text, cells):
        return False
    end = task.end if task.block.kind == "row" else len(task.text)  # a row's first cell
    text = _OPENER.sub("", task.text[body(task) : end].lstrip(), count=1)
    words = [w.group(0).lower() for w in WORD.finditer(text)]
    first_sentence = re.split(r"[.!?](?:\s|$)", text, maxsplit=1)[0]
    # a first word that is also a verb may open a statement ("Deploy keys are now scoped")
    # and so may an -ing noun with its auxiliary ("Training materials were updated")
    told = not opens_as_verb(words) or (bool(words) and words[0] in verbs()) or _ing_subject(words)
    if COMMITTED.search(first_sentence):
        return False  # "We have agreed to add …", "The team has started reviewing …"
    return done_past(words) or reported_in_brief(words) or (told and reported_done(first_sentence))


def _ing_subject(words: list[str]) -> bool:
    return bool(words) and words[0].endswith("ing") and bool(_AUX & set(words[1:3]))


_AUX = frozenset(["was", "were", "is", "are", "has", "have"])


def is_standing(task: Task) -> bool:
    """A standing rule, not a task to close: "Always run `nginx -t` before a reload", "Never
    deploy on Fridays", "No migration will ever run inside the login request again", "Do not
    …", "We will no longer …", "Every PR … needs a review",
    "Change calendar rule: no rollout within 72 hours of maintenance". It needs no owner or
    due date of its own."""
    text = task.text[body(task) :].lstrip().lower()
    return _STANDING.match(text) is not None or _EVER_AGAIN.search(text) is not None


# ("No alert is configured on db-1; add one" states a gap: "is" and "are" open no rule), a
# prohibition ("Do not rename volumes without a note", "No more deploys on Fridays", "Stop
# copy-pasting old manifests"), a rule that ends a practice, said in its first words ("We will
# no longer patch in the first week", "Failover will not promote a lagging replica"; not "Move
# the dumps so they will not fill the disk"), or a rule for every case of a kind ("Every PR to
# `api/` needs a second review", "All code must be reviewed before merge").
_STANDING = re.compile(
    r"(?:always|never)\b|no\s+\w[\w -]{0,40}?\s(?:will|shall|may|can)\s"
    r"|(?:do\s+not|don['’]t|no\s+more)\s|stop\s++[a-z-]{1,30}?ing\b"
    r"|(?<![\w`'’/.-])(?:(?!so\b|that\b|to\b|which\b|until\b|when\b|if\b)[\w`'’/.-]++\s++){1,5}?"
    r"(?:will|shall|must|can)(?:\s+no\s+longer|\s+not|n['’]t)\s"
    r"|(?:every|any|all|each)\s[^.;:,]{1,60}?\s(?:must|needs?|requires?|shall|has\s+to|have\s+to)\s"
)
_EVER_AGAIN = re.compile(r"\b(?:ever|never)\s+again\b")


def has_object(task: Task) -> bool:
    """Whether the task names something to act on beyond its verb and generic words."""
    text = task.words
    if _CONCRETE.search(text):
        return True
    words = [w.group(0).lower().replace("’", "'") for w in WORD.finditer(text)]
    if words and (words[0] in action_words("lead_ins") or words[0] in verbs()):
        words.pop(0)
    empty = action_words("empty_words")
    return any(w not in empty and not w.endswith("ly") for w in words)


@per_document  # the four action-item rules all ask
def listed_tasks(doc: Document) -> list[tuple[Section, list[Task]]]:
    """The tasks of each measures list, a legend of priorities or types left out."""
    out = []
    for sec, tasks in tasks_by_list(doc):
        legend = priority_legend(tasks)
        kept = [
            t for t in tasks if t.block.line not in legend and not legend_line(sec.blocks, t.block)
        ]
        if kept:
            out.append((sec, kept))
    return out


# a legend: a list announced as kinds of things, each line a short label and its meaning
_LEGEND = re.compile(
    r"\b(?:types?|categor(?:y|ies)|kinds?|priorit(?:y|ies)|levels?|severit(?:y|ies)|legend"
    r"|classes|classification)\b"
)
_LEGEND_LINE = re.compile(
    r"(?:[-*+•]|\b\d{1,3}[.)])[ \t]++[*_]*+[\w/]++(?:[- ][\w/]++)?+[*_]*+[ \t]*+(?:[-–—][ \t]|:)"
)


def legend_line(blocks: list[Block], block: Block) -> bool:
    """The item is a line of a legend: a short label, a dash or colon and what it means, in a
    list announced as types, categories, priorities or levels ("Actions fall under three
    types:" above "Prevent - Prevent similar issues from occurring"): no task."""
    at = next((k for k, b in enumerate(blocks) if b is block), len(blocks) - 1)
    start = next((k for k in range(at, -1, -1) if blocks[k].kind != "item"), -1)
    if (
        block.kind != "item"
        or start < 0
        or not _LEGEND_LINE.match(without_tags(block.text).lstrip())
    ):
        return False
    intro = blocks[start].lower.rstrip(" *_")
    return intro.endswith(":") and _LEGEND.search(intro[-100:]) is not None
