"""The facts record and the rules read a document the same way: the summary's span (PM401,
PM402, PM403) and each task's owner, ticket and due date (PM503, PM504), which
review.SUBSUMED_BY relies on when a profile's check stands in for a rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _support import CORPUS, DATA, REPO

from pmreview.checks import extract
from pmreview.models import Document
from pmreview.parse import parse
from pmreview.rules import registry
from pmreview.rules.action_owners import writes_alone
from pmreview.source import from_text
from pmreview.text.span import summary_span
from pmreview.text.stated import Stated
from pmreview.text.task_parts import is_done, is_standing, listed_tasks
from pmreview.text.task_restated import restated

OWN = sorted(DATA.glob("*.md")) + sorted((REPO / "examples").glob("*.md"))
DOCS = OWN + CORPUS
SPAN = """\
# Queue outage

## Summary

At 10:05 UTC the queue stopped accepting jobs; at 10:50 UTC, service was restored.
The outage lasted 2 hours.

## Timeline

- 10:05 UTC: Deploy 7 of the queue started.
- 10:20 UTC: The alert on queue depth fired.
- 11:40 UTC: Service restored.
"""
TASKS = """\
# Disk outage

## Action items

| Task | Owner | Ticket |
|---|---|---|
| Add an alert on disk usage of db-1 | @dana | OPS-12 |
| Rotate the logs of db-1 daily | TBD | |

- Raise the volume of db-2 to 200 GB (owner: @sam, due 2024-07-01)
- Document the restore of db-1, due to the outage
"""


def _doc(path: Path) -> Document:
    return parse(from_text(path.read_text(encoding="utf-8"), str(path)))


def _at(stated: Stated | None) -> set[tuple[int, int]]:
    return {(t.line, t.column) for t in stated.all} if stated else set()


def _covers(fact: dict[str, Any] | None, stated: Stated | None) -> bool:
    """The fact is the stated time as written (with the zone written next to it)."""
    if fact is None or stated is None:
        return fact is None and stated is None
    t = stated.time
    return fact["line"] == t.line and fact["column"] <= t.column and t.raw in fact["text"]


def _span_findings(doc: Document) -> dict[str, list[tuple[int, int]]]:
    rules = registry()
    return {
        rid: [(h.line, h.column) for h in rules[rid].check(doc, rules[rid].resolve({}))]
        for rid in ("PM401", "PM402", "PM403")
    }


def _check_span(doc: Document) -> None:
    facts = extract(doc)["summary"]
    span = summary_span(doc)
    if facts["present"] is None:
        return
    assert _covers(facts["start_time"], span.start)
    assert _covers(facts["end_time"], span.end)
    found = _span_findings(doc)
    assert set(found["PM401"]) <= _at(span.start)  # the start the facts record gives
    assert set(found["PM402"]) <= _at(span.end)
    stated = {(d.line, d.column) for d in span.durations}
    assert set(found["PM403"]) <= stated
    quoted = facts["duration"] and (facts["duration"]["line"], facts["duration"]["column"])
    if quoted and quoted in stated:
        pass
    elif facts["duration"]:  # from a start and an end (a stated length they do not span is
        # some other wait): the words end with the end time
        assert facts["end_time"] and facts["duration"]["quote"].endswith(facts["end_time"]["text"])


def test_span_agrees_on_a_written_example() -> None:
    doc = parse(from_text(SPAN))
    facts = extract(doc)["summary"]
    assert facts["start_time"] and facts["start_time"]["text"] == "10:05 UTC"
    assert facts["end_time"] and facts["end_time"]["text"] == "10:50 UTC"  # end said after it
    assert facts["duration"] and facts["duration"]["quote"] == "2 hours"
    found = _span_findings(doc)
    lines = SPAN.splitlines()
    # the timeline ends at 11:40, not 10:50; 10:05 to 10:50 is 45 minutes, not 2 hours
    assert found["PM402"] == [(5, lines[4].index("10:50") + 1)]
    assert found["PM403"] == [(6, lines[5].index("2 hours") + 1)]
    _check_span(doc)


@pytest.mark.parametrize(
    ("summary", "start", "end"),
    [
        ("Service was fully restored at 14:47 UTC.", None, "14:47 UTC"),  # an end alone
        ("Until 09:00 all was well; errors began at 09:10 and ended at 10:00.", "09:10", "10:00"),
        ("The API failed at 14:30 UTC and was resolved by 14:45 UTC.", "14:30 UTC", "14:45 UTC"),
        (
            "Errors began at 1:00 PM UTC. At 1:40 PM, service was restored.",
            "1:00 PM UTC",
            "1:40 PM",
        ),
        ("Down from 3:30 PM (GMT) to 4:05 PM (GMT).", "3:30 PM (GMT)", "4:05 PM (GMT)"),
    ],
)
def test_span_reads_the_cues(summary: str, start: str | None, end: str | None) -> None:
    doc = parse(from_text(f"# Outage\n\n## Summary\n\n{summary}\n"))
    facts = extract(doc)["summary"]
    assert (facts["start_time"] or {}).get("text") == start
    assert (facts["end_time"] or {}).get("text") == end
    _check_span(doc)


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_span_agrees_on_own_documents(path: Path) -> None:
    _check_span(_doc(path))


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not available here")
def test_span_agrees_on_every_corpus_document() -> None:
    for path in CORPUS:
        _check_span(_doc(path))


def _listed(doc: Document, rule: str) -> dict[int, list[int]]:
    """The task lines each PM503/PM504 finding names, by the line of its list's first task."""
    out: dict[int, list[int]] = {}
    for hit in registry()[rule].check(doc, registry()[rule].resolve({"per": "list"})):
        m = re.search(r"\(lines? ([\d, ]+)", hit.message)
        assert m, hit.message
        out[hit.line] = [int(n) for n in re.findall(r"\d+", m.group(1))]
    return out


def _check_tasks(doc: Document) -> None:
    """Per list, PM503 (PM504) names exactly the open tasks (not done, not a standing rule,
    not a priority legend) whose facts have no owner (neither ticket nor due date); a solo
    author owns every task."""
    facts = {t["line"]: t for t in extract(doc)["measures"]["tasks"]}
    found = {"PM503": _listed(doc, "PM503"), "PM504": _listed(doc, "PM504")}
    alone = writes_alone(doc)
    for _, tasks in listed_tasks(doc):
        lines = [t.block.line for t in tasks if not (is_done(t) or is_standing(t))]
        if not all(n in facts for n in lines):
            continue  # a task too short for the facts record (one word) is not compared
        # a list that another restates item for item, with owners (dates), is answered
        owned = restated(doc, tasks, lambda t: facts.get(t.block.line, {}).get("owner") is not None)
        dated = restated(
            doc,
            tasks,
            lambda t: any(
                facts.get(t.block.line, {}).get(k) is not None for k in ("ticket", "due")
            ),
        )
        again = {
            "PM503": {t.block.line for t in tasks if id(t) in owned},
            "PM504": {t.block.line for t in tasks if id(t) in dated},
        }
        missing = {
            "PM503": [] if alone else [n for n in lines if facts[n]["owner"] is None],
            "PM504": [n for n in lines if facts[n]["ticket"] is None and facts[n]["due"] is None],
        }
        missing = {r: [n for n in ns if n not in again[r]] for r, ns in missing.items()}
        for rule, expected in missing.items():
            said = [found[rule].get(n) for n in lines if n in found[rule]]
            assert said == ([expected[:8]] if expected else []), (rule, lines)


def test_tasks_agree_on_a_written_example() -> None:
    doc = parse(from_text(TASKS))
    tasks = extract(doc)["measures"]["tasks"]
    got = [(t["line"], t["owner"], t["ticket"], t["due"]) for t in tasks]
    assert got == [
        (7, "@dana", "OPS-12", None),
        (8, None, None, None),  # "TBD" in the Owner column is no owner
        (10, "owner: @sam", None, "due 2024-07-01"),
        (11, None, None, None),  # "due to" gives no due date
    ]
    assert _listed(doc, "PM503") == {8: [8, 11]}
    assert _listed(doc, "PM504") == {8: [8, 11]}
    _check_tasks(doc)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_tasks_agree(path: Path) -> None:
    _check_tasks(_doc(path))
