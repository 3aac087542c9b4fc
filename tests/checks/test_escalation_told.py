"""Escalations told in the present ("Kwesi pages the Storage on-call, Halima"), to a person
named with a role before or after the name, or to a committee or an officer; and the words
that look like them but are nouns, plans, denials or reports (examples written for these
tests)."""

from __future__ import annotations

import pytest
from _support import doc_of, timeline_quote

from pmreview.checks.timeline import timeline


def escalation(entry: str) -> str | None:
    return timeline_quote("escalation", "the alert fired", entry)


@pytest.mark.parametrize(
    "entry",
    [
        "Kwesi pages the Storage on-call, Halima, as the disks fill up.",
        "Nadia pages the Search Platform on-call (Tomas) to confirm the index name.",
        "I call Efua (our team lead, she holds the root password).",
        "I check if the disk is full and call Efua.",  # "if" as "whether"
        "we inform our project mentor Mrs. Adjei about the outage.",
        "The synthetic check fails and pages the Billing on-call, Rahel.",
        "We then message the hosting provider's support desk.",
        "The incident is escalated to the Incident Review Board and to the Chief Security Officer.",
        "Declared a major incident and informed the crisis committee.",
    ],
)
def test_an_escalation_in_the_present_or_to_a_body(entry: str) -> None:
    assert escalation(entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "A customer emails the support team about failed payments.",  # a report
        "Nobody pages the DBA team until noon.",  # denied
        "We do not inform the owner yet.",  # denied
        "The alert pages me.",  # the author
        "Halima calls me back.",
        "I need to call Abebe tomorrow.",  # a plan
        "If the disk fills again, we call the Storage on-call.",  # a rule
        # nouns, not verbs
        "Error pages the team had customised were not shown.",
        "The call the team held decided nothing.",
        "the status pages the vendor hosts were down.",
        "I call the API again and it fails.",  # nobody called
        "Grafana alerts fire for the DBA team.",
        "Priya joins a call with the network team.",
        "Our alert fired in the #payments-alerts Discord channel.",  # a channel's name
        # a program that calls a service; a system that mails us
        "The dispatcher renders the text and calls Apple's APNs or Google's FCM.",
        "The worker calls the vendor's API.",
        "The registry's scanner emails our security address about a leaked token.",
    ],
)
def test_no_escalation_in_words_that_look_like_one(entry: str) -> None:
    assert escalation(entry) is None


@pytest.mark.parametrize(
    "first",
    [
        "The error-rate alert pages the storefront on-call (Mo).",
        "`CheckoutErrorsHigh` pages the storefront on-call (Mo).",
    ],
)
def test_a_person_s_escalation_is_quoted_before_an_alert_s_page(first: str) -> None:
    text = (
        f"# Outage\n\n## Timeline\n\n- 10:00 UTC - {first}\n"
        "- 10:20 UTC - Mo pages the Database on-call, Lin.\n"
    )
    found = timeline(doc_of(text))["escalation"]
    assert found is not None and "Lin" in found["quote"]


def test_an_alert_s_page_alone_is_an_escalation() -> None:
    assert escalation("The error-rate alert pages the storefront on-call (Mo).") is not None
