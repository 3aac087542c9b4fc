"""summary.root_cause by family (examples written for these tests): the definition asks only
for a cause more specific than "a glitch".

1. A cause qualified as direct, immediate, proximate… ("The direct cause was too few checkout
   workers for the sale's traffic").
2. A named thing that reached its end ("the TLS certificate for `api.example.org` reached its
   expiry date", "the signing key passed its expiration date", "the `billing` token was not
   renewed").
3. A named thing that did not do what it had to, and what followed ("The new policy did not
   allow DNS traffic, so every pod lost name resolution").
Near misses that still fail: "The direct cause was a glitch", "a problem of configuration",
"the offer reached its end date" (no named thing), "users did not allow cookies, so they could
not sign in" (people)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _cause(text: str) -> str | None:
    got = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["root_cause"]
    return None if got is None else str(got["quote"])


_IMPACT = "From 10:02 to 10:40 UTC checkout failed for all customers. "


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The direct cause was too few checkout workers for the sale's traffic.", "direct cause"),
        ("The immediate cause was a full `/var` partition on db-1.", "immediate cause"),
        (
            "The TLS certificate for `api.example.org` reached its expiry date at midnight.",
            "reached its expiry",
        ),
        ("The `billing-sync` token passed its expiration date on Sunday.", "expiration"),
        (
            "The new `deny-all` policy did not allow DNS traffic, so every pod lost name"
            " resolution.",
            "did not allow",
        ),
        (
            "Our `edge-proxy` config did not include the new upstream, so requests went to the"
            " old pool.",
            "did not include",
        ),
    ],
)
def test_a_cause_in_these_words_is_specific(text: str, quote: str) -> None:
    got = _cause(_IMPACT + text)
    assert got is not None and quote in got


@pytest.mark.parametrize(
    "text",
    [
        "The root cause was a bad configuration pushed to the load balancer.",
        "The root cause was a configuration change to the load balancer.",
    ],
)
def test_a_configuration_said_wrong_or_changed_is_a_cause(text: str) -> None:
    assert _cause(_IMPACT + text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The direct cause was a glitch.",
        "The root cause was a problem of configuration.",
        "The root cause was a configuration issue.",
        "The spring offer reached its end date on Sunday.",
        "Users did not allow cookies, so they could not sign in.",
    ],
)
def test_a_near_miss_names_no_cause(text: str) -> None:
    assert _cause(_IMPACT + text) is None
