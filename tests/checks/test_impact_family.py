"""summary.impact by family (examples written for these tests): a part that stopped doing its
work ("nginx stopped serving static files"), connections refused, nobody able to use a named
service, wrong data shown ("the billing dashboard showed twice the true totals"), a browser's
certificate warning; and a letter's opening that names the day ("On Monday morning …") is the
summary above a "What happened" section. A summary with no symptom still fails."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> bool:
    return summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May from 10:00 to 10:40 UTC, nginx on web-2 stopped serving the static files.",
        "From 08:00 to 08:30 UTC every SSH login to bastion-1 was refused.",
        "From 09:00 to 09:50 UTC nobody on the team could open the Grafana dashboards.",
        "For a day the billing dashboard showed twice the true totals for March.",
        "From 07:00 to 07:20 UTC shop.example.com showed a certificate warning to visitors.",
    ],
)
def test_an_impact_told_in_its_forms(text: str) -> None:
    assert _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May we upgraded nginx on web-2 and stopped the old workers by hand.",
        "The billing dashboard was rebuilt on 3 May with the new totals.",
    ],
)
def test_a_summary_with_no_symptom_still_fails(text: str) -> None:
    assert not _impact(text)


def test_a_letter_opening_that_names_the_day_is_the_summary() -> None:
    doc = doc_of(
        "# A message from our director\n\nTo our members,\n\nOn Monday morning a fault in our"
        " booking system meant that many of you could not book a court online or at the"
        " front desk.\n\n## What happened\n\nThe booking database ran out of connections.\n"
    )
    found = summary(doc)
    assert found["present"] is not None and found["present"]["line"] == 5


def test_a_teaser_that_names_the_day_leaves_the_summary_to_what_happened() -> None:
    doc = doc_of(
        "# How a config flag froze our app\n\nLast Tuesday, some of you opened the app and"
        " watched the home screen spin for a long while. This post explains it.\n\n"
        "## What happened\n\nFrom 08:10 to 09:30 UTC the home feed returned errors to 40% of"
        " iOS users after the `feed_v3` flag was turned on.\n"
    )
    found = summary(doc)
    assert found["present"] is not None and found["present"]["title"] == "What happened"
