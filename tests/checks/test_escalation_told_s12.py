"""Escalations told with the verb's other forms and subjects (examples written for these
tests): a page or notice told in the -ing form after what sent it ("the monitor fired an alert
notifying the payments team", "a page went out, paging the DBA on-call"), a customer-facing
team that passes the incident on ("Customer support forwarded the ticket to the SRE team"),
and an outside party that was told, as a passive ("Our hosting provider was informed",
"the CDN vendor was contacted"). Near misses: customers who tell support (a user report), an
alert notifying "the team" or nobody named, a provider who informed us, and an -ing form that
describes a feature or a plan ("a rule notifying the on-call will be added")."""

from __future__ import annotations

import pytest
from _support import timeline_quote


def escalation(entry: str) -> str | None:
    return timeline_quote("escalation", "the site went down", entry)


@pytest.mark.parametrize(
    "entry",
    [
        "The uptime monitor fired an alert notifying the payments team.",
        "Grafana raised an alarm, paging the database on-call.",
        "An automated e-mail went out alerting the network team of the packet loss.",
        "Customer service forwarded the ticket to the SRE team.",
        "Customer support escalated the complaints to the platform team.",
        "Our hosting provider was informed that the site was down.",
        "The CDN vendor was contacted about the failing edge nodes.",
        "Our DNS provider and the registrar were notified of the hijack.",
    ],
)
def test_an_escalation_is_read(entry: str) -> None:
    assert escalation(entry) is not None


@pytest.mark.parametrize(
    "entry",
    [
        "Customers contacted support about the checkout errors.",
        "Several customers forwarded the error page to our support inbox.",
        "The monitor fired an alert notifying the team.",
        "An alert fired, notifying nobody because the rule was muted.",
        "We were informed by our hosting provider that a hypervisor had failed.",
        "A rule notifying the on-call on disk usage will be added.",
        "The provider was informed by a customer long before we noticed.",
    ],
)
def test_no_escalation_is_read(entry: str) -> None:
    assert escalation(entry) is None
