"""Action-item rules: each task in the measures says what to do, to what, who and by when."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from ..models import Document, Hit, Section
from ..text.task_parts import body, has_object, is_done, is_imperative, is_topic, listed_tasks
from ..text.tasks import Task, task_of
from ..text.verb_forms import marked_done, marked_open
from . import Option, Rule
from ._text import hit_at
from .action_owners import check_no_due, check_no_owner


def check_no_verb(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cap: int = options["max_per_list"]
    for sec, tasks in listed_tasks(doc):
        bad = [t for t in tasks if is_topic(doc, t) and not _part_of_lead(sec, t)]
        if len(bad) > cap:
            yield _summary_hit(sec, tasks, bad, "names a topic", "name topics with no verb")
            continue
        for task in bad:
            s, e = topic_span(task)
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


def _part_of_lead(sec: Section, task: Task) -> bool:
    """The item spells out the task it is listed under: its parent item, or the paragraph
    right above its list, ends with a colon and is itself a task with its verb ("Configure
    the jump host, allowing:") or a deliverable with its status ("**Failover** (in
    development):"): "- SSH access for every engineer" is a part of it, not a task of its own."""
    blocks = sec.blocks
    at = next((i for i, b in enumerate(blocks) if b is task.block), -1)
    for b in reversed(blocks[:at] if at > 0 else []):
        if b.kind == "item" and b.depth >= task.block.depth:
            continue
        if not b.text.rstrip(" *_").endswith(":"):
            return False
        if marked_open(b.text, []) or marked_done(b.text, []):
            return True  # a deliverable with its status, even one that reads as a title
        lead = task_of(b) if b.kind == "item" else task_of(replace(b, kind="item"))
        return lead is not None and is_imperative(lead)
    return False


_VERB_QUESTION = "What exactly will be done, to which component, and by whom?"
_VERB_TODO = (
    'TODO: rewrite it as a task that starts with a verb, e.g. "Add an alert on disk '
    'usage above 90% on db-1".'
)


# where the item's opening clause ends: , ; ( ! ? a colon or a full stop before a space, a dash
_CLAUSE_STOP = re.compile(r"[,;(!?]|[:.](?=\s|$)|\s[-–—]\s|\n")


def topic_span(task: Task) -> tuple[int, int]:
    """The item's opening clause, whole: "Monitoring of disk usage on the replicas", not
    "Monitoring of disk usage on"."""
    start = body(task)
    stop = task.end if task.block.kind == "row" else len(task.text)
    m = _CLAUSE_STOP.search(task.text, start, stop)
    end = m.start() if m else stop
    return start, start + len(task.text[start:end].rstrip(" .*_"))


def _summary_hit(sec: Section, tasks: list[Task], bad: list[Task], one: str, many: str) -> Hit:
    s, e = topic_span(bad[0])
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
    for _, tasks in listed_tasks(doc):
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
        'into Terraform"), work reported as done or under way, items marked done, a '
        'subject with its verb ("Our runbook gets a rollback step"), and a noun phrase that '
        "names a deliverable: something concrete (a number or threshold, code, a file, a path: "
        '"Pager warning at 80% disk use", "A reminder 60 days before expiry") unless it asks '
        'only for more, better or changes ("Better alerts at 5%"), or something tracked with '
        'an owner or a ticket ("Default-deny egress for the CI runners | Dana | SEC-12"): '
        "trackers name deliverables that way. Nor is an item that spells out the task it is "
        "listed under, a parent item or lead-in ending in a colon with its verb or status "
        '("Configure the jump host, allowing:", "**Failover** (in development):"). '
        "The quote is the item's whole opening clause.",
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
        'have already:", "Completed", nor in a list told in the past tense ("Re-enabled the '
        'alerts", "Moved the replica"); nor items that a later list restates item for item '
        'with owners (dates): "Improvements" then "Tasks", each with its owner; nor standing '
        'rules: "Never deploy on Fridays", "No '
        'migration will run in a request again", "Do not …", "We will no longer …", "Every '
        'PR … needs a review"; work agreed on or begun, "We have agreed to add …", stays '
        'open) name no owner: an @mention, "owner:" (not "owner: TBD"), "assigned to", a '
        'trailing "(Dana)", "[Dana]", "(Dana, by 3 May)", "— Dana, by 3 May", "-- Ama, Kofi", '
        '"— **Dana**", "— Search team" or "— me", a team opening brackets with its date '
        'or ticket ("(Billing, target Q1)", "[Platform / Q3]"), the owner as the subject '
        '("Dana will add …", "Search team to rotate …") or the label ("**Dana:** add …"), '
        "unless the name is a word the document also writes in lower case (a tool), or an "
        "Owner column. "
        'A list its author titles as their own ("What I\'m changing") is theirs, and so are '
        'the tasks of a document its author writes alone ("I" and "my" throughout, "we" or '
        '"our" at most once for every eight of them).',
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
        '"by Friday", "Q3", a named day or milestone: "before Cyber Monday", "by the code '
        'freeze", a target or a span of weeks: "(target: end of May)", "within two weeks", '
        '"ASAP", "shipping in patch 7.0.3"; not a time of day, "before monitoring …" or "by '
        '50%") nor a ticket (OPS-123, #123, "acme/api#812", "case 5520148", a link to a '
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
