"""summary.impact, session 14 (examples written for these tests): what was met, told as an
inability or a stop ("users were not able to sign in to Ledgerly", "inability to connect to the
Sandbox VPN", "the `core-7` chain halted", "a consensus stall of the Orbit validator", "locking
out a third of our users" of a named part), is a symptom; a team halting its own work is not."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> bool:
    return summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "Between 12:45 and 14:00 UTC users were not able to sign in to the Ledgerly portal.",
        "Impact: inability to connect to the Sandbox VPN for two days.",
        "On 3 March the `core-7` chain halted at block 1,204,330 for four hours.",
        "The Orbit validator suffered a consensus stall lasting several minutes.",
        "The Keycloak realm broke, locking out a third of our users.",
    ],
)
def test_an_inability_or_a_stop_is_what_was_met(text: str) -> None:
    assert _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "At 10:00 UTC we halted the rollout and paused all deploys while we looked into it.",
        "The team halted deploys to the payments api for a day as a precaution.",
        "We were not able to find the cause at first.",
    ],
)
def test_a_team_stopping_its_own_work_is_not(text: str) -> None:
    assert not _impact(text)
