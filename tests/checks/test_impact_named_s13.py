"""summary.impact, session 13 (examples written for these tests): what users met counts only
where the summary names, somewhere, the part or product that failed (spec: "the service" does
not count). "Users saw errors" under a summary that names nothing fails; the same under a
summary that names the product in another sentence passes."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> bool:
    return summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "From 10:00 to 11:00 UTC users experienced downtime and intermittent errors.",
        "On 3 May about 40% of our users saw errors for two hours.",
        "Customers faced slow responses and timeouts between 09:00 and 09:40 UTC.",
    ],
)
def test_what_users_met_on_nothing_named_fails(text: str) -> None:
    assert not _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Checkout for Bookly went down at 10:00 UTC. Users experienced errors for an hour.",
        "The payments api was deployed at 10:00 UTC. Customers faced timeouts until 10:40.",
        "On 3 May the nginx upgrade went wrong. About 40% of our users saw errors.",
    ],
)
def test_what_users_met_with_the_part_named_elsewhere_passes(text: str) -> None:
    assert _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "From 8:00 AM to 12:00 PM WAT users saw errors on our site.",
        "On 2 May from 9:39 AM to 9:49 AM UTC users got an internal server error.",
        "For an hour users met a server error.",
    ],
)
def test_clock_words_and_a_server_error_name_nothing(text: str) -> None:
    assert not _impact(text)
