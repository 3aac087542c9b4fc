"""root_cause.detail by family (examples written for these tests): a sentence of the root-cause
section that tells the impact ("At the peak, around 12,000 players were stuck in the queue")
or the investigation ("I spent most of the evening on nginx because it broke last time", "we
didn't even think about the firewall") names things but does not explain the cause. Near
misses that still pass: the cause told beside them."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause


def _detail(text: str) -> str | None:
    found = root_cause(doc_of(f"# Outage\n\n## Root cause\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "There was an issue on our login servers. At the peak, around 12,000 players were stuck"
        " in the queue or turned away, about 30% of everyone who tried to play.",
        "It was a firewall problem. Honestly I spent most of the evening on nginx because that"
        " broke last time, so I didn't even think about the `ufw` rules.",
        "Something went wrong with the network. We wasted two hours on `haproxy` and `nginx`"
        " logs before we looked anywhere else.",
    ],
)
def test_the_impact_or_the_hunt_is_no_cause(text: str) -> None:
    assert _detail(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "At the peak, around 12,000 players were stuck in the queue. The `auth-db` pool was"
            " capped at 50 connections, so login requests timed out.",
            "capped at 50",
        ),
        (
            "I spent most of the evening on nginx. The real cause: `ufw enable` on web-02 dropped"
            " every packet to port 80, so HAProxy marked it down.",
            "ufw enable",
        ),
    ],
)
def test_the_cause_beside_them_still_passes(text: str, quote: str) -> None:
    got = _detail(text)
    assert got is not None and quote in got
