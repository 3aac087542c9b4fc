"""summary.impact told as a measure that got worse on a named system (examples written for
these tests): "an increase in block times on the Relay", "a drop in connected peers", "a
spike in checkout latency"; and what is not: a rise or a drop that is no harm ("an increase
in sign-ups")."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "Batch jobs on Relay caused an increase in block times and a drop in connected peers.",
        "On Tuesday the Ledger API saw a sharp rise in response times for two hours.",
        "A bad index on Orders led to a spike in query times during the sale.",
        "On Monday, Bridge had a decrease in uptime to 91%.",
        "The Atlas cluster showed a sudden jump in failures on writes.",
    ],
)
def test_a_measure_that_got_worse_is_the_impact(text: str) -> None:
    assert _impact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The Relay launch brought an increase in sign-ups.",
        "Marketing saw a rise in visits to Atlas after the post.",
    ],
)
def test_no_impact_in_a_rise_that_is_no_harm(text: str) -> None:
    assert _impact(text) is None
