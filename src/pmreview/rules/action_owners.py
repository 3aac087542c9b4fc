"""PM503 and PM504: how many of the open action items name no owner, or no due date or
ticket, reported once per document or per list. Work done, and standing rules ("Never deploy
on Fridays"), need neither; the count says how many such items it leaves out."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from ..models import Block, Document, Hit, per_document
from ..text.task_assignment import assignment
from ..text.task_parts import is_done, is_standing, listed_tasks
from ..text.task_restated import restated
from ..text.tasks import Task
from . import section_of
from ._text import hit_at
from .action_lists import list_owner, list_ticket


def _has_owner(doc: Document, task: Task, siblings: list[Block]) -> bool:
    """An owner in the task or said once for its list, or a list the author titles as their
    own ("What I'm changing"), or a document its author writes alone: a solo author's tasks
    are theirs."""
    if assignment(doc, task.block).owner is not None or list_owner(doc, task.block, siblings):
        return True
    return _MINE.search(section_of(doc, task.block.line)) is not None or writes_alone(doc)


_MINE = re.compile(r"\b(?:I|I['’]m|I am|I['’]ll|I will|[Mm]y)\b")
_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_PLURAL = re.compile(r"\b(?:we|we['’](?:re|ve|ll|d)|our|ours|us|ourselves)\b", re.IGNORECASE)


@per_document
def writes_alone(doc: Document) -> bool:
    """The author writes alone: "I" and "my" throughout (five times or more) and "we" or "our"
    at most once for every eight of them ("I restarted nginx", "my server")."""
    text = "\n".join(b.text for s in doc.sections for b in s.blocks)
    singular = len(_SINGULAR.findall(text))
    return singular >= 5 and len(_PLURAL.findall(text)) * 8 <= singular


def _has_due(doc: Document, task: Task, _: list[Block]) -> bool:
    """A due date or a ticket, or a ticket named beside its list: each says it is tracked."""
    found = assignment(doc, task.block)
    return found.due is not None or found.ticket is not None or list_ticket(doc, task.block)


def _groups(doc: Document, per: str) -> list[tuple[list[str], list[Task]]]:
    """Task lists to summarise: each list, or all of the document's (only the action-item
    sections when there are any, since owners and dates belong to tasks, not to aims)."""
    lists = listed_tasks(doc)
    if per == "list":
        return [([sec.title], tasks) for sec, tasks in lists]
    focused = [(sec, tasks) for sec, tasks in lists if sec.has("action_items")] or lists
    if not focused:
        return []
    return [([sec.title for sec, _ in focused], [t for _, tasks in focused for t in tasks])]


def _per_list(
    doc: Document, options: Mapping[str, Any], test: Any, what: str, question: str, suggestion: str
) -> Iterator[Hit]:
    for titles, every in _groups(doc, options["per"]):
        # work done and standing rules ("Never deploy on Fridays") need no owner or date
        done = [t for t in every if is_done(t)]
        rules = [t for t in every if t not in done and is_standing(t)]
        tasks = [t for t in every if t not in done and t not in rules]
        blocks = [t.block for t in every]
        missing = [t for t in tasks if not test(doc, t, blocks)]
        # a list the next one restates item for item, with its owners or dates, is answered
        again = restated(doc, every, partial(_answers, test, doc, blocks)) if missing else set()
        missing = [t for t in missing if id(t) not in again]
        if not missing:
            continue
        where = ", ".join(f'"{t.rstrip(" :")}"' for t in titles)
        lines = ", ".join(str(t.block.line) for t in missing[:8])
        more = ", …" if len(missing) > 8 else ""
        plural = "s" if len(missing) > 1 else ""
        first = missing[0]
        yield hit_at(
            first.block,
            first.start,
            first.end,
            f"{_share(len(missing), len(tasks), len(every), where, what)} "
            f"(line{plural} {lines}{more}{_rest(len(done), len(rules))}).",
            question=question,
            suggestion=suggestion,
        )


def _answers(test: Any, doc: Document, blocks: list[Block], task: Task) -> bool:
    return bool(test(doc, task, blocks))


def _share(missing: int, open_: int, listed: int, where: str, what: str) -> str:
    """ "None of the 3 open action items under "X" has an owner": the count of the items
    asked about, called open when the list holds others (done, or standing rules)."""
    items = "open action item" if open_ < listed else "action item"
    if open_ == 1:
        return f"The {items} under {where} has no {what}"
    if missing == open_:
        return f"None of the {open_} {items}s under {where} has {_a(what)}"
    verb = "has" if missing == 1 else "have"
    return f"{missing} of the {open_} {items}s under {where} {verb} no {what}"


def _rest(done: int, rules: int) -> str:
    """What the count leaves out: "; the other 2 are done", "; the other 1 is a standing rule"."""
    n = done + rules
    if not n:
        return ""
    if not rules:
        what = "done"
    elif not done:
        what = "a standing rule" if n == 1 else "standing rules"
    else:
        what = "done or standing rules"
    return f"; the other {n} {'is' if n == 1 else 'are'} {what}"


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
