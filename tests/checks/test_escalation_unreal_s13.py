"""timeline.escalation, session 13 (examples written for these tests): a page or a message
that only could have been sent ("an exporter could have alerted the storage team", "might
have been escalated to the DBAs") is no escalation, even as the last reading left; a page
told as done beside it still is."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def _escalation(extra: str) -> str | None:
    text = (
        "# Outage\n\n## Timeline\n\n- 10:00 UTC - the disk alert fired\n"
        "- 10:30 UTC - we cleaned the disk on db-1\n\n"
        f"## Lessons learned\n\n{extra}\n"
    )
    found = timeline(doc_of(text))["escalation"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "extra",
    [
        "**TODO** an exporter could have alerted the storage team on Slack, which might have led"
        " to a faster response.",
        "The issue could have been escalated to the DBA on-call an hour earlier.",
        "A disk alert would have paged to the storage on-call before the crash.",
    ],
)
def test_an_escalation_that_only_could_have_happened(extra: str) -> None:
    assert _escalation(extra) is None


def test_one_told_as_done_still_counts() -> None:
    found = _escalation("At 10:10 UTC we escalated to the storage on-call, Ama.")
    assert found is not None and "escalated" in found
