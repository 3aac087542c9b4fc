"""timeline.escalation: "reach out to" a named team in any tense is an escalation ("we
proceeded to reach out to the storage team", "Ana reaches out to the vendor's support"); an
invitation or a possibility is not one ("please don't hesitate to reach out to our support
team", "customers can reach out to the help desk", "feel free to reach out to us"). Examples
written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text


def _escalation(body: str) -> str | None:
    doc = (
        "# Outage\n\n## Summary\n\nThe API was down from 10:00 to 11:00 UTC.\n\n"
        "## Timeline\n\n- 10:00 Alerts fired on the API.\n"
        "- 11:00 Restarted the API; errors back to normal.\n\n## Notes\n\n" + body + "\n"
    )
    found = timeline(parse(from_text(doc)))["escalation"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    "body",
    [
        "We proceeded to reach out to the storage team to investigate.",
        "At 10:20 Ana reaches out to the database on-call.",
        "We decided to reach out to the vendor's support team about the failing disks.",
        "Reaching out to the networking team, we learned the VPN was down.",
    ],
)
def test_reaching_out_to_a_named_team_is_an_escalation(body: str) -> None:
    assert _escalation(body) is not None


@pytest.mark.parametrize(
    "body",
    [
        "If you have questions, please don't hesitate to reach out to our support team.",
        "Customers can reach out to the help desk team at any time.",
        "Feel free to reach out to the platform team with feedback.",
        "We will reach out to the payments team next time.",
    ],
)
def test_an_invitation_or_a_possibility_is_no_escalation(body: str) -> None:
    assert _escalation(body) is None
