"""A summary's cause told over two sentences, the second pointing back to the thing the first
named ("A new egress NetworkPolicy was applied to `shop`. The policy did not allow DNS
traffic, so…"): the thing is named, so the cause is specific; a thing the sentence before does
not name, or people who lacked something, are not (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _cause(told: str) -> object:
    text = (
        "# Outage\n\n## Summary\n\nOn Monday from 10:00 to 10:40 UTC the shop returned 502 to"
        f" most buyers. {told}\n\n## Timeline\n\n- 10:00 errors start\n"
    )
    return summary(parse(from_text(text)))["root_cause"]


@pytest.mark.parametrize(
    "told",
    [
        "At 09:58 a default-deny egress NetworkPolicy was applied to the `shop` namespace."
        " The policy did not allow DNS traffic, so every pod lost name resolution.",
        "We deployed `billing-api` 3.2 that morning. The release did not include the new schema"
        " migration, so every invoice write failed.",
        "A new firewall rule was pushed to `edge-lb-2` at 09:55. This rule did not allow"
        " health-check traffic, so the pool marked every backend down.",
        "The nightly `purge-sessions` job had moved to a new host on Sunday. The job had no"
        " Redis password there, so sessions piled up until memory ran out.",
    ],
)
def test_a_defect_of_the_thing_named_before_is_the_cause(told: str) -> None:
    cause = _cause(told)
    assert cause is not None and "so" in str(cause["quote"])


@pytest.mark.parametrize(
    "told",
    [
        # the sentence before names nothing specific
        "Something was changed that morning. The thing did not allow the traffic, so every"
        " request failed.",
        # the thing pointed to is not the one named before
        "At 09:58 a NetworkPolicy was applied to the `shop` namespace. The dashboard did not"
        " show it, so we missed it.",
        # people who lacked something tell the impact
        "A new NetworkPolicy was applied to the `shop` namespace. The buyers had no way to pay,"
        " so they left.",
    ],
)
def test_no_named_thing_before_is_no_cause(told: str) -> None:
    assert _cause(told) is None


@pytest.mark.parametrize(
    "told",
    [
        "Checkout went down after the primary Postgres node ran out of disk.",
        "Rack PDU-2 lost power after the utility feed failed and the transfer switch did not"
        " move the load to the generator.",
        "The API returned errors for most calls after the Redis primary crashed and no replica"
        " was promoted.",
        "Every build stopped after the `runner-3` host filled up its root disk.",
    ],
)
def test_a_failure_after_a_named_part_failed_is_the_cause(told: str) -> None:
    cause = _cause(told)
    assert cause is not None and "after" in str(cause["quote"])


@pytest.mark.parametrize(
    "told",
    [
        "The site came back after we restarted nginx on web-1.",
        "Errors stopped after the rollback of release 4.2 finished.",
        "We paged the database lead after the error rate on the Postgres cluster kept failing"
        " to drop.",
        "Buyers could not pay after 10:00, when the queue of orders started to grow.",
        "Checkout stayed down after the on-call team did not see the first page.",
    ],
)
def test_a_recovery_or_an_action_after_something_is_no_cause(told: str) -> None:
    assert _cause(told) is None
