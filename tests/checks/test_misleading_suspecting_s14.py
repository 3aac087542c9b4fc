"""timeline.misleading: a theory an act was done on, told with "suspecting" ("the network team
joined, suspecting a routing fault"), or one the first investigation came to ("initial triage
by support suggested a DNS outage", "the investigation pointed fingers at the caching layer"),
is a path when the root cause never names it; not when the root cause is what was suspected,
nor when the next sentence confirms it. Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text


def _misleading(entry: str, cause: str = "A cron job filled the disk on db-2.") -> str | None:
    doc = (
        "# Outage\n\n## Summary\n\nThe API was down from 10:00 to 11:00 UTC.\n\n"
        "## Timeline\n\n- 10:00 Alerts fired on the API.\n" + entry + "\n"
        "- 11:00 Deleted old dumps on db-2; errors back to normal.\n\n"
        "## Root cause\n\n" + cause + "\n"
    )
    found = timeline(parse(from_text(doc)))["misleading"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:20 The network team joined, suspecting a routing fault in the VPN.",
        "- 10:20 Restarted the load balancer suspecting a stuck health check.",
        "- 10:20 Initial triage by support suggested a DNS outage at the registrar.",
        "- 10:20 The first investigation pointed fingers at the caching layer.",
        "- 10:20 Investigation pointed to the payment gateway.",
    ],
)
def test_a_theory_acted_on_that_the_cause_never_names_is_a_path(entry: str) -> None:
    assert _misleading(entry) is not None


@pytest.mark.parametrize(
    ("entry", "cause"),
    [
        (
            "- 10:20 Checked db-2, suspecting its disk.",
            "A cron job filled the disk on db-2.",
        ),
        (
            "- 10:20 Initial investigation pointed to the cron job.",
            "A cron job filled the disk on db-2.",
        ),
        (
            "- 10:20 Looked at the queue, suspecting a backlog. Confirmed: 40k jobs waiting.",
            "A backlog of jobs filled the disk on db-2.",
        ),
    ],
)
def test_a_theory_that_proved_right_is_no_path(entry: str, cause: str) -> None:
    assert _misleading(entry, cause) is None
