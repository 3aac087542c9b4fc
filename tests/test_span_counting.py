"""A window for counting contacts, orders or e-mails is not the outage's range, unless the
summary gives no other time (examples written here)."""

from __future__ import annotations

import pytest

from pmreview.parse import parse
from pmreview.source import from_text
from pmreview.text.span import summary_span


def _span(summary: str) -> tuple[str | None, str | None]:
    span = summary_span(parse(from_text("## Summary\n\n" + summary + "\n")))
    return (
        span.start.time.raw if span.start else None,
        span.end.time.raw if span.end else None,
    )


@pytest.mark.parametrize(
    "summary",
    [
        "Logins failed from 02:14 to 06:52 UTC. The help desk received 812 calls and 300 "
        "chats about it between 02:14 and 12:00.",
        "Logins failed from 02:14 to 06:52 UTC. Between 02:14 and 12:00 the help desk "
        "logged 812 calls about it.",
        "Start of impact: 02:14 UTC. Fully restored: 06:52 UTC. We sent 4,000 e-mails to "
        "customers from 07:00 to 09:30.",
        # the window first, what was counted in it after
        "Between 02:14 and 12:00 the help desk logged 812 calls about it. Logins failed "
        "from 02:14 to 06:52 UTC.",
    ],
)
def test_a_counting_window_is_not_the_span(summary: str) -> None:
    assert _span(summary) == ("02:14", "06:52")


@pytest.mark.parametrize(
    "summary",
    [
        # the only times the summary gives: the window is all there is of the outage
        "Customers filed 300 tickets about failed logins between 14:00 and 15:10 UTC.",
        # no counting verb: failures counted over the outage are the outage
        "On 3 May 14,000 requests failed between 14:00 and 15:10 UTC.",
        # a failure told between the range and the count: the range is the outage's
        "From 14:00 to 15:10 UTC checkout failed and support received 300 tickets. The "
        "on-call was paged at 14:20.",
    ],
)
def test_a_range_that_is_all_the_summary_gives_stays_the_span(summary: str) -> None:
    assert _span(summary) == ("14:00", "15:10")
