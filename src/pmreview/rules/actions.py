"""Action-item rules: each task in the measures says what to do, to what, who and by when."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..models import Document, Hit, Section
from ..text.task_assignment import assignment
from ..text.task_parts import (
    body,
    has_object,
    is_done,
    is_standing,
    is_topic,
    priority_legend,
)
from ..text.tasks import Task
from ..text.tasks import tasks_by_list as _all_tasks
from . import Option, Rule, section_of
from ._text import hit_at


def tasks_by_list(doc: Document) -> list[tuple[Section, list[Task]]]:
    """The tasks of each measures list, a legend of priorities left out."""
    out = []
    for sec, tasks in _all_tasks(doc):
        legend = priority_legend(tasks)
        kept = [t for t in tasks if t.block.line not in legend]
        if kept:
            out.append((sec, kept))
    return out


def check_no_verb(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cap: int = options["max_per_list"]
    for sec, tasks in tasks_by_list(doc):
        bad = [t for t in tasks if is_topic(doc, t)]
        if len(bad) > cap:
            yield _summary_hit(sec, tasks, bad, "names a topic", "name topics with no verb")
            continue
        for task in bad:
            s, e = task.opening(body(task))
            said = task.block.text[s:e]
            yield hit_at(
                task.block,
                s,
                e,
                f'This action item names a topic, not a task: "{said}" has no verb, so it is '
                "not something someone can do and tick off.",
                question=_VERB_QUESTION,
                suggestion=_VERB_TODO,
            )


_VERB_QUESTION = "What exactly will be done, to which component, and by whom?"
_VERB_TODO = (
    'TODO: rewrite it as a task that starts with a verb, e.g. "Add an alert on disk '
    'usage above 90% on db-1".'
)


def _summary_hit(sec: Section, tasks: list[Task], bad: list[Task], one: str, many: str) -> Hit:
    s, e = bad[0].opening(body(bad[0]))
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


def check_no_object(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    for _, tasks in tasks_by_list(doc):
        for task in tasks:
            if has_object(task) or is_done(task):
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


def _has_owner(doc: Document, task: Task) -> bool:
    """An owner in the task, or a list the author titles as their own ("What I'm changing"):
    a solo author's tasks are theirs."""
    if assignment(doc, task.block).owner is not None:
        return True
    return _MINE.search(section_of(doc, task.block.line)) is not None


_MINE = re.compile(r"\b(?:I|I['’]m|I am|I['’]ll|I will|[Mm]y)\b")


def _has_due(doc: Document, task: Task) -> bool:
    """A due date or a ticket: either says the task is tracked."""
    found = assignment(doc, task.block)
    return found.due is not None or found.ticket is not None


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
    for titles, every in _groups(doc, options["per"]):
        # work done and standing rules ("Never deploy on Fridays") need no owner or date
        done = [t for t in every if is_done(t)]
        rules = [t for t in every if t not in done and is_standing(t)]
        tasks = [t for t in every if t not in done and t not in rules]
        missing = [t for t in tasks if not test(doc, t)]
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
        summary="An action item names a topic (a noun phrase with no verb), not a task.",
        what="Reads each list item and table row of the measures sections and reports one that "
        "names a topic: no sentence of it is an action, and the one it opens with (after a "
        'label such as "Monitoring:") is a noun phrase with no verb of its own: it opens '
        'with a determiner or an adjective ("Better alerts", "More tests for …"), a noun by '
        'its ending or a plural ("Improvements to …", "Documentation of …"), or an -ing topic '
        '("Monitoring of disk", "Monitoring improvements"), or is a compound of two to four '
        'words with no determiner ending in such a noun ("Status page automation"). No word '
        "list knows every verb, so "
        'an item opening with a word that may be one ("Compute …", "Load test …") is read as '
        'an imperative. Accepted too: "We will add …", "Before deploying, run …", phrasal '
        'verbs, a gerund with its object ("Implementing rate limits on …"), an item whose '
        'background sentence precedes its action ("The drift began when …; move the config '
        'into Terraform"), work reported as done or under way, items marked done, and a '
        "noun phrase that names something concrete and is tracked with an owner or a ticket "
        '("Default-deny egress for the CI runners | Dana | SEC-12"): trackers name '
        "deliverables that way, and the ticket is the task someone closes.",
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
                "How many items of one list may name a topic before the list is reported once.",
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
        example="- Check the things again",
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
        'open action items (not marked done with ✅, [x], DONE, "Done:", "(completed)", '
        '"(in effect)", strikethrough or a Status cell, nor written as work done or as a state '
        'now in force ("tokens are now scoped", "the scanner now runs …") unless marked open '
        '("In progress:", "(target: Q2)"), nor listed under a lead-in or title saying so: "We '
        'have already:", "Completed"; nor standing rules: "Never deploy on Fridays", "No '
        'migration will run in a request again") name no owner: an @mention, '
        '"owner:", "assigned to", a trailing "(Dana)", "(Dana, by 3 May)", "— Dana, by 3 May" '
        'or "— me", or an Owner column. '
        'A list its author titles as their own ("What I\'m changing") is theirs.',
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
        "open action items (items marked or written as done or as a state now in force, or "
        'listed under a lead-in such as "We have already:", and standing rules ("Always run '
        '…") are left out, and the message says how many) have neither a due date (a date, '
        '"by Friday", "Q3"; not a time of day) nor a ticket (OPS-123, #123, a link to a '
        "tracker; a link to a tool or a page tracks nothing).",
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
