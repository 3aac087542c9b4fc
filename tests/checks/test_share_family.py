"""summary.affected_share read by family (examples written for these tests): everyone of a
small group by its number ("All 6 of us", "all 12 of our beta testers"), counts in millions
against a total, a count restated as a share in brackets with the people named earlier in the
sentence, totality said as its negation ("nobody on the team could…"), a share that names the
users itself next to a server's name, and a fact line above the Summary heading kept when a
line about the write-up shares its paragraph. Absent shares still fail."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _share(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["affected_share"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "From 14:00 to 15:10 UTC all 6 of us got `Permission denied` on every push.",
            "all 6 of us",
        ),
        (
            "On 3 May the booking API was down from 09:00 to 09:40 UTC. All 12 of our pilot"
            " testers got HTTP 502 on every booking.",
            "All 12 of our pilot testers",
        ),
        (
            "Between 21:00 and 22:30 CET, 2.4 million of our 7.9 million registered customers"
            " could not sign in to the banking app.",
            "2.4 million of our 7.9 million",
        ),
        (
            "Of the 480,000 riders who opened the app during the outage, about 300,000 (62%)"
            " could not book a ride.",
            "62%",
        ),
        (
            "From 08:10 to 08:55 UTC nobody on the support team could open the ticket queue.",
            "nobody on the support team could",
        ),
        ("No customer was able to check out between 13:05 and 13:50 UTC.", "No customer was able"),
        (
            'The wiki was down from 10:00 to 10:30 UTC. All visitors got "502 Bad Gateway from'
            ' server web-3" instead of the page.',
            "All visitors",
        ),
        (
            "From 07:00 to 07:20 UTC every student got the 'Your connection is not private'"
            " page on the course site.",
            "every student",
        ),
    ],
)
def test_the_share_is_read_in_its_forms(text: str, quote: str) -> None:
    assert _share(text) == quote


@pytest.mark.parametrize(
    "text",
    [
        # counts of machines, a hindsight, a failure nobody met, a bare count of millions
        "From 14:00 to 15:00 UTC none of the 3 servers could reach the database.",
        "The API failed from 10:00 to 10:45 UTC. No one could have predicted the disk growth.",
        "Nobody noticed the alert until 10:20 UTC, when checkout started failing.",
        "Between 21:00 and 22:00 CET about 2.4 million customers could not sign in.",
        "All 3 nodes of the etcd cluster were restarted at 11:00 UTC; builds were delayed.",
    ],
)
def test_what_is_not_a_share_of_users_still_fails(text: str) -> None:
    assert _share(text) is None


def test_a_fact_line_above_the_summary_is_kept_beside_a_line_about_the_write_up() -> None:
    doc = doc_of(
        "# Incident report: queue stuck\n\n**Date:** 2 March 2024\n"
        "**Impact:** The `jobs` queue was stuck; all 9 members of the lab were blocked.\n"
        "**Written by:** Dana\n\n## Summary\n\nA worker deadlocked on a lock after a deploy.\n"
    )
    found = summary(doc)["affected_share"]
    assert found is not None and found["quote"] == "all 9 members" and found["line"] == 4


@pytest.mark.parametrize(
    "text",
    [
        "From 09:00 to 09:40 UTC pretty much everyone who opened the shop got the warning page.",
        "Between 18:00 and 18:30 UTC almost nobody could log in to the portal.",
    ],
)
def test_nearly_everyone_is_not_all(text: str) -> None:
    assert _share(text) is None


def test_an_opening_letter_that_tells_the_outage_plainly_is_the_summary() -> None:
    doc = doc_of(
        "# We're sorry about last night\n\nDear members,\n\nOn Friday evening our booking site"
        " stopped working. From 7pm until about 9:30pm anyone who tried to book a court saw a"
        " blank white page.\n\nWe want to say sorry, and to explain what happened, because you"
        " rely on us.\n\n## Why did it break?\n\nThe database disk on `db-1` filled up with"
        " logs, so MySQL stopped accepting writes.\n"
    )
    found = summary(doc)
    assert found["present"] is not None and found["present"]["line"] == 5
    assert found["root_cause"] is None  # the apology's "because" gives no cause
