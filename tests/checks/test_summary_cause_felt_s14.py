"""summary.root_cause, session 14 (examples written for these tests): a cause word whose effect
is what the incident did to people ("causing stress", "any inconvenience caused", "a
frustrating experience that caused…") or that sits in a request to readers ("if you see errors
due to this change, please let us know") states no cause of the outage; a sentence that states
the cause and also apologises still does."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _cause(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["root_cause"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "From 09:00 to 10:00 UTC the booking site was down. We apologise for any inconvenience "
        "caused.",
        "Students could not reach the lab VM for two days, causing stress before the deadline.",
        "Checkout failed for an hour. We know this was a frustrating experience that caused real "
        "harm to our sellers.",
        "We rolled out a new login page. If you see errors due to this change, please let us know.",
        "Uploads failed from 10:00 to 10:20 UTC, causing much frustration among editors.",
    ],
)
def test_what_it_did_to_people_is_no_cause(text: str) -> None:
    assert _cause(text) is None


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "We are sorry: the outage was caused by an expired TLS certificate on the gateway.",
            "expired TLS certificate",
        ),
        (
            "The site was down for an hour, causing frustration. The root cause was a typo in "
            "`/etc/nginx/sites-enabled/shop` that stopped nginx from starting.",
            "typo",
        ),
        (
            "Uploads failed because the `media` bucket policy was replaced by a Terraform change.",
            "bucket policy",
        ),
    ],
)
def test_the_cause_beside_an_apology_still_counts(text: str, quoted: str) -> None:
    found = _cause(text)
    assert found is not None and quoted in found
