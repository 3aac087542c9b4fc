"""summary.root_cause by family (examples written for these tests): the cause told forward with
"resulted in", as with "led to" or "caused": what went wrong (a change, a defect, planned
work) before it, the failure after it ("A config push to the edge routers resulted in a loss
of connectivity", "A planned intervention on the core switches resulted in packet loss").
Near misses: the incident itself before it ("The outage resulted in 2 hours of downtime"),
"this resulted in …", a load or a generic bug before it."""

from __future__ import annotations

import pytest

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _cause(sentence: str) -> object:
    text = f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- 10:00 UTC - alert fired\n"
    return summary(parse(from_text(text)))["root_cause"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A config push to the edge routers resulted in a loss of connectivity.",
        "The deploy of release 2.3 to checkout-api resulted in 500 errors for all users.",
        "A planned intervention on the core switches resulted in packet loss for two hours.",
        "An expired TLS certificate on the login gateway resulted in failed sign-ins.",
        "Scheduled maintenance of the storage cluster results in read-only volumes.",
    ],
)
def test_a_cause_told_forward_with_resulted_in(sentence: str) -> None:
    assert _cause(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The outage resulted in 2 hours of downtime for all users.",
        "The outage of checkout-api resulted in failed payments for 30% of users.",
        "This resulted in 500 errors on checkout-api.",
        "The incident resulted in a loss of revenue.",
        "Heavy traffic resulted in slow pages.",
        "A minor bug in the code resulted in errors.",
        "The issue resulted in users being unable to log in to the portal.",
    ],
)
def test_the_incident_or_nothing_named_before_it(sentence: str) -> None:
    assert _cause(sentence) is None
