"""What a task names: its verb and object (PM501, PM502), its owner, ticket and due date (the
facts record's tasks, PM503, PM504). One reading, so that the profile's action-item checks and
the rules never disagree about a task."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Block, Document, per_document
from .prefilter import Lazy
from .runs import RunSearch
from .tasks import WORD, Task
from .times import DATE_RE
from .topics import clauses, noun_phrase
from .verb_forms import (
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
# An owner written in the task: "owner: Dana", "@dana", "assigned to", "(Dana)", "— Dana Lee".
_OWNER = re.compile(
    r"\b(?:owner|assignee|assigned to|owned by|responsible)\s*[:=-]?\s*@?[\w .-]+|@[\w-]{2,}"
    r"|\((?:[A-Z][a-z]+|[\w-]+ team|on-?call|sre|dba|ops)(?:\)|,\s*(?:by|due|before)\b)"
    r"|\b(?:owners?|assignee|dri|lead)\s*[:=(]",
    re.IGNORECASE,
)
# A name at the item's end, after a dash, may carry its date: "— Dana, by 21 March", "— me".
_OWNER_NAME = re.compile(
    r"\((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\w-]+ team|me)\)\s*(?:\.\s*)?$|"
    r"[—–]\s*+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|me)"
    r"(?:,\s*(?:by|due|before)\s[^—–\n]{1,30}?)?\s*(?:\.\s*)?$",
    re.M,
)
# a JIRA key is upper case ("OPS-123"; "db-1" is a host); a link's target read once for each
# run of an unclosed "](" (its [^)\s]+ reads the run from every one); "bug  : 12" read once
_JIRA_OR_NUMBER = r"(?-i:\b[A-Z][A-Z0-9]+-\d+\b)|(?<![\w/])#\d+\b|\bhttps?://\S+"
_BUG_NUMBER = r"\b(?:bug|ticket|issue)\s*+[:#]?\s*+\d+"
_TICKET = RunSearch(
    rest=re.compile(rf"{_JIRA_OR_NUMBER}|(?<![^)\s])\]\([^)\s]++\)|{_BUG_NUMBER}", re.I),
    runs=((re.compile(r"\]\((?<=[^)\s]\]\()"), re.compile(r"\]\([^)\s]*")),),
    alternative=re.compile(rf"{_JIRA_OR_NUMBER}|\]\([^)\s]+\)|{_BUG_NUMBER}", re.I),
)
_DUE = re.compile(
    r"\b(?:due(?!\s+to\b)|deadline|eta|by end of|target date)\b[^,;()|\n]{0,30}"
    r"|\bQ[1-4]\b(?:\s+\d{4})?"
    r"|\b(?:by|before|until)\s+(?:(?:the\s+)?end of|next|mon|tue|wed|thu|fri|sat|sun|jan|feb"
    # a digit opens a date, not a time of day ("by 03:30 UTC" is when an alert fires)
    r"|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d(?!\d?:\d\d))[\w ,/-]{0,20}"
    r"|\bin \d+ (?:days?|weeks?)\b"
    r"|\b(?:this|next|current) sprint\b|\bsprint\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_EMPTY_CELL = ("", "tbd", "?", "n/a", "none")
# One-word cells of a table with no header the reader knows that are not a name.
_NOT_NAMES = frozenset(
    [
        "mitigate",
        "prevent",
        "process",
        "repair",
        "detect",
        "other",
        "done",
        "todo",
        "open",
        "closed",
        "high",
        "medium",
        "low",
        "p0",
        "p1",
        "p2",
        "p3",
        "yes",
        "no",
        "n/a",
        "tbd",
        "none",
    ]
)


@dataclass(frozen=True, eq=False, repr=False)
class Assignment:
    """Who does a task, where it is tracked and by when, as written (None: not said)."""

    owner: str | None
    ticket: str | None
    due: str | None


def assignment(doc: Document, block: Block) -> Assignment:
    """The owner, ticket and due date of a task (a list item or table row of the measures)."""
    memo = _assignments(doc)
    found = memo.get(block.line)
    if found is None:
        found = memo[block.line] = _read(doc, block)
    return found


@per_document  # the facts record, PM503 and PM504 ask about the same tasks
def _assignments(doc: Document) -> dict[int, Assignment]:
    return {}  # by the task's line


def _read(doc: Document, block: Block) -> Assignment:
    cells = _columns(doc, block) if block.kind == "row" else {}
    text = block.text
    return Assignment(
        cells.get("owner") or _owner(text, block.kind == "row" and "owner" not in cells),
        cells.get("ticket") or _ticket(text),
        cells.get("due") or _first(_DUE, text) or _date(text),
    )


def _first(pattern: re.Pattern[str] | RunSearch, text: str) -> str | None:
    m = pattern.search(text)
    return m.group(0).strip() if m else None


def _ticket(text: str) -> str | None:
    """A ticket key or number, or a link to a tracker; a link to anything else (a tool, a
    page of docs, the service itself in a `curl` command) tracks nothing."""
    pos = 0
    while (m := _TICKET.search(text, pos)) is not None:
        found = m.group(0).strip()
        if not _LINK.match(found) or _TRACKER.search(found):
            return found
        pos = m.end()
    return None


_LINK = re.compile(r"https?://|\]\(", re.I)
_TRACKER = re.compile(
    r"(?i:/(?:issues|pulls?|merge_requests|browse|tickets?|bugs?|show_bug\.cgi|work_?items?"
    r"|tasks?|cards?)\b|jira|linear\.app|trello\.com|asana\.com|youtrack|redmine|bugzilla)"
    r"|\b[A-Z][A-Z0-9]+-\d+\b"
)


def _date(text: str) -> str | None:
    m = DATE_RE.search(text) if _DIGIT.search(text) else None  # every date holds a digit
    return m.group(0) if m else None


def _owner(text: str, guess_cell: bool) -> str | None:
    found = _first(_OWNER, text) or _first(_OWNER_NAME, text)
    if found or not guess_cell:
        return found
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    for cell in cells[1:]:  # a table the reader has no header for: a one-word cell is a name
        if (
            re.fullmatch(r"@?[A-Za-z][\w.-]{1,30}", cell)
            and cell.lower() not in _NOT_NAMES
            and not _TICKET.rest.fullmatch(cell)  # at a text's start no run has begun
        ):
            return cell
    return None


def _columns(doc: Document, row: Block) -> dict[str, str | None]:
    """The row's cells under the header cells the reader knows ("Owner", "Due", "Ticket"):
    the filled cell, or None when the column is there but empty ("TBD", "-")."""
    header = _header(doc, row)
    cells = row.text.strip().strip("|").split("|")
    out: dict[str, str | None] = {}
    for i, name in enumerate(header):
        kind = _header_kind(name)
        if kind is None or out.get(kind):
            continue
        value = cells[i].strip(" -–") if i < len(cells) else ""
        out[kind] = cells[i].strip() if value.lower() not in _EMPTY_CELL else None
    return out


def _header_kind(name: str) -> str | None:
    for kind in ("owner", "due", "ticket"):
        if name in action_words(f"{kind}_headers"):
            return kind
    return None


def _header(doc: Document, row: Block) -> list[str]:
    """The header cells of the table a row belongs to."""
    n = row.line - 1
    while n > 0 and "|" in doc.source.lines[n - 1]:
        n -= 1
    cells = doc.source.lines[n].strip().strip("|").split("|")
    return [c.strip(" *_").lower() for c in cells]


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
    alerts"). A noun phrase tracked with an owner or a ticket that names something concrete
    ("Default-deny egress for the build runners — SEC-12, owner Dana") is a deliverable in the
    tracker's style, not a topic."""
    if is_imperative(task) or is_done(task):
        return False
    end = task.end if task.block.kind == "row" else len(task.text)  # a row's first cell
    text = task.text[body(task) : end]
    parts = clauses(text) or [text]
    if any(_opens_with_verb(c) for c in parts[1:]) or not noun_phrase(parts[0]):
        return False
    found = assignment(doc, task.block)
    return not ((found.owner or found.ticket) and has_object(task))


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
    told = not opens_as_verb(words) or (bool(words) and words[0] in verbs())
    return done_past(words) or (told and reported_done(first_sentence))


def is_standing(task: Task) -> bool:
    """A standing rule, not a task to close: "Always run `nginx -t` before a reload", "Never
    deploy on Fridays", "No migration will ever run inside the login request again",
    "Change calendar rule: no rollout within 72 hours of maintenance". It needs no owner or
    due date of its own."""
    text = task.text[body(task) :].lstrip().lower()
    return _STANDING.match(text) is not None or _EVER_AGAIN.search(text) is not None


_STANDING = re.compile(r"(?:always|never)\b|no\s+\w[\w -]{0,40}?\s(?:will|shall|may|can|is|are)\s")
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
