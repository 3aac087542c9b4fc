"""Every verdict carries its evidence: a pass, the line and the document's own words that made
it pass (exactly as written there); a fail, no words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _support import CORPUS, DATA, REPO

from pmreview.checks import extract
from pmreview.checks.evidence import ANY, evidence, fact_paths
from pmreview.checks.profile import builtin_profiles, evaluate, load
from pmreview.models import Check
from pmreview.parse import parse
from pmreview.source import Source, from_text

OWN = (
    sorted(DATA.glob("*.md"))
    + sorted((REPO / "examples").glob("*.md"))
    + sorted((REPO / "fixtures" / "docs").glob("*.md"))
)


def _verdicts(source: Source, profile: str) -> dict[str, Check]:
    return evaluate(load(profile), extract(parse(source)))


def _wrong_evidence(path: Path, profile: str) -> list[str]:
    """The passes of a document whose evidence is not the document's text at its line."""
    source = from_text(path.read_text(encoding="utf-8"), str(path))
    wrong = []
    for cid, c in _verdicts(source, profile).items():
        if c.status == "fail":
            if c.evidence:
                wrong.append(f"{cid}: a failure with words {c.evidence!r}")
            continue
        rest = "\n".join(source.lines[(c.line or 0) - 1 :]) if c.line else ""
        first = c.evidence.split("\n", 1)[0]
        if not c.evidence or first not in source.lines[(c.line or 1) - 1] or c.evidence not in rest:
            wrong.append(f"{cid}: line {c.line}, {c.evidence!r}")
    return wrong


@pytest.mark.parametrize("profile", builtin_profiles())
@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_every_pass_of_own_documents_quotes_its_line(path: Path, profile: str) -> None:
    assert _wrong_evidence(path, profile) == []


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not available here")
@pytest.mark.parametrize("profile", builtin_profiles())
def test_every_pass_of_every_corpus_document_quotes_its_line(profile: str) -> None:
    bad = {p.name: wrong for p in CORPUS if (wrong := _wrong_evidence(p, profile))}
    assert bad == {}


DOC = """\
# Checkout outage

## Summary

From 10:30 to 11:15 UTC, checkout-api returned HTTP 502 errors to 40% of users.
The errors were caused by a config push that set max_connections to 10 on db-1.

## Timeline

- 10:30 UTC: the deploy of config v42 finished.
- 10:34 UTC: the latency alert fired and paged the on-call.

## Corrective and preventative measures

- Add a config check for max_connections to CI.
- Alert on connection-pool saturation of db-1.
"""


@pytest.mark.parametrize(
    ("check", "line", "words"),
    [
        ("summary.present", 3, "Summary"),
        ("summary.start_time", 5, "10:30"),
        ("summary.end_time", 5, "11:15 UTC"),
        ("summary.duration", 5, "10:30 to 11:15 UTC"),
        ("summary.timezone", 5, "11:15 UTC"),
        ("summary.affected_share", 5, "40%"),
        ("timeline.format", 10, "- 10:30 UTC: the deploy of config v42 finished."),
        ("measures.tasks", 15, "Add a config check for max_connections to CI."),
    ],
)
def test_a_pass_names_the_words_that_made_it(check: str, line: int, words: str) -> None:
    verdict = _verdicts(from_text(DOC), "default")[check]
    assert (verdict.status, verdict.line, verdict.evidence) == ("pass", line, words)


def test_a_start_and_end_in_different_sentences_show_the_end_as_the_duration() -> None:
    text = (
        "# Outage\n\n## Summary\n\nUploads began failing at 10:30 UTC. We paused the "
        "importer and uploads worked again at 11:15 UTC.\n"
    )
    verdict = _verdicts(from_text(text), "default")["summary.duration"]
    assert (verdict.status, verdict.evidence) == ("pass", "11:15 UTC")


def test_a_semantic_pass_quotes_the_sentence_its_detector_found() -> None:
    verdict = _verdicts(from_text(DOC), "default")["summary.root_cause"]
    assert verdict.evidence == (
        "The errors were caused by a config push that set max_connections to 10 on db-1."
    )
    assert verdict.line == 6


def test_a_fail_has_its_line_and_no_words() -> None:
    verdict = _verdicts(from_text(DOC), "default")["timeline.misleading"]
    assert verdict.status == "fail" and verdict.evidence == ""


def test_a_check_that_requires_a_failed_one_fails_too() -> None:
    """google-sre: no action items, so "every action item has an owner" cannot pass."""
    verdicts = _verdicts(from_text("# Outage\n\n## Summary\n\nThe API failed.\n"), "google-sre")
    assert verdicts["action_items.present"].status == "fail"
    assert verdicts["action_items.owner"].status == "fail"
    assert verdicts["action_items.bug"].status == "fail"


def test_fact_paths_follow_properties_items_and_additional_properties() -> None:
    schema: dict[str, Any] = {
        "properties": {
            "sections": {"additionalProperties": {"x-check": "any.section"}},
            "measures": {
                "properties": {
                    "tasks": {"items": {"properties": {"owner": {"x-check": "task.owner"}}}}
                }
            },
        }
    }
    paths = fact_paths(schema)
    assert paths == {
        "any.section": ("sections", ANY),
        "task.owner": ("measures", "tasks", ANY, "owner"),
    }
    facts = {
        "sections": {"summary": {"line": 3, "title": "Summary", "text": "Summary"}},
        "measures": {
            "tasks": [
                {"line": 9, "text": "Add a check", "owner": None},
                {"line": 10, "owner": "@kim"},
            ]
        },
    }
    assert evidence(facts, paths["any.section"]) == (3, "Summary")
    assert evidence(facts, paths["task.owner"]) == (10, "@kim")  # the first task with an owner
    assert evidence(facts, ("nothing", "here")) == (None, "")


def test_a_summary_told_under_the_title_quotes_its_opening_sentence_not_the_title() -> None:
    text = (
        "# How a cache flush took the shop down\n\n"
        "*Written by the storefront team · 2 May*\n\n"
        "Ref: INC-0042\n\n"
        "On 2 May from 10:30 to 11:15 UTC the shop returned errors to every visitor after a "
        "cache flush.\n\n"
        "## Timeline\n\n- 10:30 UTC: the flush started.\n"
    )
    verdict = _verdicts(from_text(text), "default")["summary.present"]
    assert (verdict.status, verdict.line) == ("pass", 7)
    assert verdict.evidence.startswith("On 2 May from 10:30")


def test_the_timezone_is_quoted_from_the_outage_s_own_times() -> None:
    text = (
        "# Failovers at the wrong hour\n\n## Summary\n\n"
        "Customers pick a weekly window such as 00:00-01:00 local time for maintenance.\n"
        "The failovers ran from 10:00 AEST to 11:30 AEST instead.\n\n## Timeline\n\n"
        "- 10:00 AEST - first failover\n"
    )
    verdict = _verdicts(from_text(text), "default")["summary.timezone"]
    assert (verdict.status, verdict.line) == ("pass", 6)
    assert "AEST" in verdict.evidence
