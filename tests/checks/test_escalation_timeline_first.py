"""timeline.escalation quotes the escalation told among the timeline's events before one of
the rest of the document (a header's responders, a runbook's rule, partners notified); a
passive escalation with who escalated between ("escalated by Batch Operations to the
Payments on-call") is one, and a page told by the paging tool ("paged by PagerDuty",
"Notified | PagerDuty") reached the first responder, ranked after a person's escalation.
Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text


def _escalation(text: str) -> str | None:
    found = timeline(parse(from_text(text)))["escalation"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("before", "entries", "shown"),
    [
        (
            "## Impact\n\n- Two partners saw the errors; both were notified through their"
            " account managers.\n\n",
            "- 09:10 Search on-call paged by PagerDuty.\n"
            "- 09:20 Ana escalates to the Index Infrastructure on-call, Tomas.\n",
            "Index Infrastructure",
        ),
        (
            "",
            "- 05:40 Batch job fails a second time.\n"
            "- 06:05 Incident escalated by Batch Operations to the Payments Applications"
            " on-call (P. Marchetti).\n",
            "Payments Applications",
        ),
        (
            "",
            "| Time | Event |\n|---|---|\n"
            "| 03:14 | Notified via PagerDuty: Rafael Costa (Payments on-call) |\n"
            "| 03:40 | Escalated to Database - Primary (Mei Tanaka) |\n",
            "Mei Tanaka",
        ),
    ],
)
def test_the_timeline_tells_the_escalation(before: str, entries: str, shown: str) -> None:
    text = f"# Outage\n\n## Summary\n\nSearch failed.\n\n{before}## Timeline (UTC)\n\n{entries}"
    quote = _escalation(text)
    assert quote is not None and shown in quote, quote


def test_an_escalation_told_only_outside_the_timeline_still_counts() -> None:
    quote = _escalation(
        "# Outage\n\n## Summary\n\nWe escalated to the database on-call, Mei, at 10:20.\n\n"
        "## Timeline (UTC)\n\n- 10:00 Errors rise.\n- 10:40 Errors stop.\n"
    )
    assert quote is not None and "database on-call" in quote, quote
