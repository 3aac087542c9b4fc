"""Action-item rules: each task in the measures says what to do, to what, who and by when."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..models import Block, Document, Hit, Section
from ..resources import load_toml
from ..times import has_date
from . import Option, Rule
from ._tasks import WORD, Task, tasks_by_list
from ._text import hit_at

_LABEL = re.compile(r"^(?P<label>[^:.!?\n]{1,60}?)\s*(?::|\s[-–—]\s|\.\s)\s*(?=\S)")
_MODAL = re.compile(
    r"\b(?:will|shall|should|must|would|can|could|need(?:s)? to|ha(?:ve|s) to|"
    r"(?:is|are) going to|(?:is|are) to be|plan(?:s)? to|\w+['’]ll)\b",
    re.I,
)
_OPENER = re.compile(
    r"^(?:before|after|when|once|if|for|in|on|during|to|as|going|moving|"
    r"where|whenever|until)\b[^,.\n]{0,80},\s*",
    re.I,
)
_CONCRETE = re.compile(
    r"`[^`]+`|\d|[\w-]+\.(?:conf|ya?ml|json|py|sh|pp|js|ts|go|rb|ini|toml|"
    r"cfg|sql|md)\b|/[\w.-]+/|https?://"
)
_OWNER = re.compile(
    r"@[\w-]+|\b(?:owners?|assignee|dri|responsible|lead)\s*[:=(]|"
    r"\b(?:owner|assigned to|owned by)\b",
    re.I,
)
_OWNER_NAME = re.compile(
    r"\((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[\w-]+ team)\)\s*\.?\s*$|"
    r"[—–]\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*\.?\s*$",
    re.M,
)
_DUE = re.compile(
    r"https?://|\]\(|#\d+\b|\b(?:due|deadline|eta|by end of|target date)\b|"
    r"\bQ[1-4]\b|\b(?:by|before|until)\s+(?:(?:the\s+)?end of|next|mon|tue|wed|thu|fri|"
    r"sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)|\bin \d+ (?:days?|weeks?)\b|"
    r"\bsprint\b",
    re.I,
)
_TICKET = re.compile(r"\b[A-Z][A-Z0-9]+-\d+\b")  # OPS-123, JIRA-42


@cache
def verbs() -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "verbs.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(load_toml("actions.toml")[key])


def _opens_with_verb(text: str) -> bool:
    text = _OPENER.sub("", text.lstrip(), count=1)
    words = [w.group(0).lower().replace("’", "'") for w in WORD.finditer(text)]
    while words and words[0] in _words("lead_ins"):
        words.pop(0)
    if words and words[0] in verbs():
        return True
    first_sentence = re.split(r"[.!?](?:\s|$)", text, maxsplit=1)[0]
    modal = _MODAL.search(first_sentence)
    return bool(modal and len(first_sentence[: modal.start()].split()) <= 12)


def _body(task: Task) -> int:
    """Where the task's words start after a short label ("Monitoring: Add …")."""
    label = _LABEL.match(task.words)
    if label and len(label.group("label").split()) <= 6:
        return task.start + label.end()
    return task.start


def is_imperative(task: Task) -> bool:
    """ "Add an alert …", "We will add …", "Monitoring: Add an alert …" are; "Monitoring" is not."""
    if _opens_with_verb(task.words):
        return True
    body = _body(task)
    return body != task.start and _opens_with_verb(task.text[body:])


def check_no_verb(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cap: int = options["max_per_list"]
    for sec, tasks in tasks_by_list(doc):
        bad = [t for t in tasks if not is_imperative(t)]
        if len(bad) > cap:
            yield _summary_hit(
                sec, tasks, bad, "does not start with a verb", "do not start with a verb"
            )
            continue
        for task in bad:
            s, e = task.opening(_body(task))
            said = task.block.text[s:e]
            yield hit_at(
                task.block,
                s,
                e,
                f'This action item does not start with a verb: "{said}" names a topic, not '
                "something someone can do and tick off.",
                question=_VERB_QUESTION,
                suggestion=_VERB_TODO,
            )


_VERB_QUESTION = "What exactly will be done, to which component, and by whom?"
_VERB_TODO = (
    'TODO: rewrite it as a task that starts with a verb, e.g. "Add an alert on disk '
    'usage above 90% on db-1".'
)


def _summary_hit(sec: Section, tasks: list[Task], bad: list[Task], one: str, many: str) -> Hit:
    s, e = bad[0].opening(_body(bad[0]))
    lines = ", ".join(str(t.block.line) for t in bad[:8])
    return hit_at(
        bad[0].block,
        s,
        e,
        f'{len(bad)} of the {len(tasks)} action items under "{sec.title}" {many} (lines '
        f"{lines}{', …' if len(bad) > 8 else ''}); they read as topics or outcomes, not tasks.",
        question=_VERB_QUESTION,
        suggestion=_VERB_TODO,
    )


def has_object(task: Task) -> bool:
    """Whether the task names something to act on beyond its verb and generic words."""
    body = task.words
    if _CONCRETE.search(body):
        return True
    words = [w.group(0).lower().replace("’", "'") for w in WORD.finditer(body)]
    while words and (words[0] in _words("lead_ins") or words[0] in verbs()):
        words.pop(0)
        break
    empty = _words("empty_words")
    return any(w not in empty and not w.endswith("ly") for w in words)


def check_no_object(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    for _, tasks in tasks_by_list(doc):
        for task in tasks:
            if has_object(task):
                continue
            s = task.start
            e = s + len(task.block.text[s : task.end].rstrip(" .;"))
            yield hit_at(
                task.block,
                s,
                e,
                "This action item names nothing to act on: no component, alert, runbook, file, "
                "setting or version, so nobody can tell when it is done.",
                question="Which component, alert, runbook or setting will change, and how?",
                suggestion='TODO: name the thing to change, e.g. "Add a CI step that runs '
                '`nginx -t` before every deploy of web-01".',
            )


def _header(doc: Document, row: Block) -> list[str]:
    """The header cells of the table a row belongs to."""
    n = row.line - 1
    while n > 0 and "|" in doc.source.lines[n - 1]:
        n -= 1
    cells = doc.source.lines[n].strip().strip("|").split("|")
    return [c.strip(" *_").lower() for c in cells]


def _cell_filled(doc: Document, row: Block, names: frozenset[str]) -> bool:
    header = _header(doc, row)
    cells = row.text.strip().strip("|").split("|")
    return any(
        h in names and i < len(cells) and cells[i].strip(" -–") not in ("", "tbd", "?")
        for i, h in enumerate(header)
    )


def _has_owner(doc: Document, task: Task) -> bool:
    if task.block.kind == "row" and _cell_filled(doc, task.block, _words("owner_headers")):
        return True
    return bool(_OWNER.search(task.block.text) or _OWNER_NAME.search(task.block.text))


def _has_due(doc: Document, task: Task) -> bool:
    if task.block.kind == "row" and _cell_filled(doc, task.block, _words("due_headers")):
        return True
    text = task.block.text
    return bool(_DUE.search(text) or _TICKET.search(text) or has_date(text))


def _groups(doc: Document, per: str) -> list[tuple[list[str], list[Task]]]:
    """Task lists to summarise: each list, or all of the document's (only the action-item
    sections when there are any, since owners and dates belong to tasks, not to aims)."""
    lists = tasks_by_list(doc)
    if per == "list":
        return [([sec.title], tasks) for sec, tasks in lists]
    focused = [(sec, tasks) for sec, tasks in lists if sec.has("action_items")] or lists
    if not focused:
        return []
    return [([sec.title for sec, _ in focused], [t for _, tasks in focused for t in tasks])]


def _per_list(
    doc: Document, options: Mapping[str, Any], test: Any, what: str, question: str, suggestion: str
) -> Iterator[Hit]:
    for titles, tasks in _groups(doc, options["per"]):
        missing = [t for t in tasks if not test(doc, t)]
        if not missing:
            continue
        n = len(tasks)
        where = ", ".join(f'"{t.rstrip(" :")}"' for t in titles)
        if n == 1:
            share = f"The action item under {where} has no {what}"
        elif len(missing) == n:
            share = f"None of the {n} action items under {where} has {_a(what)}"
        else:
            share = f"{len(missing)} of the {n} action items under {where} have no {what}"
        lines = ", ".join(str(t.block.line) for t in missing[:8])
        more = ", …" if len(missing) > 8 else ""
        first = missing[0]
        plural = "s" if len(missing) > 1 else ""
        yield hit_at(
            first.block,
            first.start,
            first.end,
            f"{share} (line{plural} {lines}{more}).",
            question=question,
            suggestion=suggestion,
        )


def _a(what: str) -> str:
    return f"an {what}" if what[0] in "aeiou" else f"a {what}"


def check_no_owner(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from _per_list(
        doc,
        options,
        _has_owner,
        "owner",
        "Who will do each task: which person or team?",
        'TODO: add an owner to each task, e.g. "(owner: @dana, SRE team)".',
    )


def check_no_due(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from _per_list(
        doc,
        options,
        _has_due,
        "due date or ticket",
        "When will each task be done, and where is it tracked?",
        'TODO: add a due date or a ticket to each task, e.g. "(OPS-123, due 2024-07-01)".',
    )


_PER = Option(
    "per",
    "string",
    "document",
    'Report once per "document" (its action-item lists together) or once per "list".',
    choices=("document", "list"),
)

RULES: list[Rule] = [
    Rule(
        id="PM501",
        name="action-item-no-verb",
        category="action-item",
        severity="warning",
        summary="An action item does not start with an imperative verb.",
        what="Reads each list item and table row of the measures sections and reports one whose "
        'first word (after a label such as "Monitoring:") is not a verb from '
        '`data/verbs.txt`. "We will add …", "The team should add …" and '
        '"Before deploying, run …" are accepted.',
        why='An action item is a task someone can pick up and close. "Monitoring of disk" '
        'names a topic; "Add an alert on disk usage" names the work. The Google SRE '
        "book's example postmortem phrases every action item as a verb-first task.",
        example="- Monitoring of disk usage",
        instead="- Add an alert when disk usage on db-1 exceeds 90% for 10 minutes",
        cites=("sre-example", "pagerduty"),
        check=check_no_verb,
        options=(
            Option(
                "max_per_list",
                "integer",
                3,
                "How many items of one list may not start with a verb before it is reported.",
            ),
        ),
    ),
    Rule(
        id="PM502",
        name="action-item-no-object",
        category="action-item",
        severity="warning",
        summary="An action item names no component, alert, runbook, file or setting.",
        what='Reports an action item that, once its verb and generic words ("more", '
        '"careful", "system", "things") are set aside, names nothing to act on: no '
        "component, file, setting, version, number or code.",
        why='"Be more careful" and "Test better" cannot be assigned, tracked or verified; '
        "blameless postmortems fix systems and processes, not people (Google SRE book, "
        '"Postmortem Culture").',
        example="- Review the process",
        instead="- Add a staging soak of 30 minutes to the deploy pipeline of payments-api",
        cites=("sre-book", "sre-workbook"),
        check=check_no_object,
    ),
    Rule(
        id="PM503",
        name="action-item-no-owner",
        category="action-item",
        severity="info",
        summary="Action items name no owner (reported once per document).",
        what='Reports once per document (option `per = "list"`: once per list) how many '
        "action items name no owner: an @mention, "
        '"owner:", "assigned to", a trailing "(Dana)" or an Owner column.',
        why="A task with no owner is nobody's task. The SRE book's example postmortem "
        "names an owner for every action item, and PagerDuty's guide has follow-up work "
        "opened as tickets, so that it does not depend on anyone's memory.",
        example="- Add an alert on disk usage of db-1",
        instead="- Add an alert on disk usage of db-1 (owner: @dana)",
        cites=("pagerduty", "sre-example"),
        check=check_no_owner,
        options=(_PER,),
    ),
    Rule(
        id="PM504",
        name="action-item-no-due-date",
        category="action-item",
        severity="info",
        summary="Action items have no due date or ticket (reported once per document).",
        what='Reports once per document (option `per = "list"`: once per list) how many '
        "action items have neither a due date (a date, "
        '"by Friday", "Q3") nor a ticket (OPS-123, #123, a link).',
        why="Action items are where postmortems fail: without a ticket or a date they are not "
        "tracked and quietly dropped. Atlassian tracks each postmortem action as a Jira "
        "issue with an agreed deadline.",
        example="- Add an alert on disk usage of db-1",
        instead="- Add an alert on disk usage of db-1 (OPS-412, due 2024-07-01)",
        cites=("atlassian", "sre-example"),
        check=check_no_due,
        options=(_PER,),
    ),
]
