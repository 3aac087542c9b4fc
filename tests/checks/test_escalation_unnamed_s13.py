"""timeline.escalation, session 13 (examples written for these tests): the page that reaches
whoever is on call, by an alert or by a person, names no team when nothing says which on-call
("the monitoring system notified our on-call engineer", "on-call engineers are paged with an
alert"); nor do engineers or a team set apart only by rank or a word any team has ("senior
engineers are summoned", "additional engineers were paged", "engineering team notified"):
spec/checks.md, "a team shown only doing the work", "other engineers". An on-call or a team
with words saying which ("the database on-call", "the Payments team", "the storage on-call,
Ama") still counts."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def escalation(entry: str) -> bool:
    text = (
        f"# Outage\n\n## Timeline\n\n- 10:00 UTC - The disk alert fires.\n- 10:05 UTC - {entry}\n"
        "- 10:30 UTC - We cleaned the disk on db-1.\n"
    )
    return timeline(doc_of(text))["escalation"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "The Grafana monitoring system notified our on-call engineer of the disk usage.",
        "On-call engineers are paged with an alert.",
        "The on-call was paged by the alert.",
        "Our on-call engineer got paged at once.",
        "Senior engineers are summoned to the scene.",
        "Additional engineers were paged.",
        "Engineering team notified.",
        "The technical team was alerted.",
    ],
)
def test_an_on_call_or_a_team_that_nothing_names(entry: str) -> None:
    assert not escalation(entry)


@pytest.mark.parametrize(
    "entry",
    [
        "The disk alert paged the database on-call.",
        "The DBA on-call was paged.",
        "Escalated to the storage on-call, Ama.",
        "The payments team was paged.",
        "Notified the Platform team in #incidents.",
        "The networking team was engaged.",
        "Kwesi pages the on-call, Halima.",
        "The on-call engineer escalated to the Search team.",
    ],
)
def test_one_with_words_saying_which_still_counts(entry: str) -> None:
    assert escalation(entry)


@pytest.mark.parametrize(
    "entry",
    [
        "Inbound events sent to Quillstream were not lost.",
        "Requests are routed to the Payments API again.",
        "Webhooks were forwarded to Relayly once the queue drained.",
    ],
)
def test_data_sent_to_a_service_is_no_escalation(entry: str) -> None:
    assert not escalation(entry)


def test_a_ticket_sent_to_a_team_still_counts() -> None:
    assert escalation("The ticket was sent to the Billing team.")
