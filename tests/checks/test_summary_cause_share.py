"""summary.root_cause and summary.affected_share quote the element itself: a "because" that
explains who was affected or why a part was hit is impact, not the cause; the cause told as
what the problem was, as a wrong value pasted in or a part left out of a change, or under a
label whose words are bold one by one; a count restated as a share in brackets is the share
(examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _summary(text: str) -> dict[str, object]:
    return dict(summary(doc_of(f"# Shop outage\n\n## Summary\n\n{text}\n")))


def _quote(text: str, element: str) -> str | None:
    found = _summary(text)[element]
    assert found is None or isinstance(found, dict)
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # the first "because" explains the impact's extent; the cause is the next sentence
        (
            "About half of the visitors were affected, because the other requests went to"
            " web-2. The cause was a `ufw` rule on web-1 that dropped port 80.",
            "The cause was a `ufw` rule",
        ),
        (
            "The landing page worked because it is served from the CDN. The cause was a"
            " `proxy_pass` to port 5001 in `/etc/nginx/sites-enabled/app`.",
            "The cause was a `proxy_pass`",
        ),
        (
            "Search was down for everyone, because it needs a session. The culprit was a"
            " session-store migration that locked the `sessions` table.",
            "The culprit was",
        ),
    ],
)
def test_a_because_that_explains_the_impact_is_not_the_cause(text: str, cause: str) -> None:
    found = _quote(text, "root_cause")
    assert found is not None and found.startswith(cause)


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("Checkout failed on phones. The problem was the TLS certificate chain.", "problem was"),
        (
            "I moved www to the new balancer and pasted the wrong IP: the A record went to"
            " `10.0.0.7`, a stopped instance.",
            "pasted the wrong IP",
        ),
        (
            "Payouts failed all morning. The new client certificate was installed without its"
            " intermediate certificate, so the bank refused us.",
            "installed without",
        ),
        (
            "- **Root** **cause**: the `nofile` limit of nginx was 1024 in"
            " `/etc/security/limits.conf`.",
            "`nofile` limit",
        ),
    ],
)
def test_a_cause_told_in_these_words_is_stated(text: str, cause: str) -> None:
    found = _quote(text, "root_cause")
    assert found is not None and cause in found


@pytest.mark.parametrize(
    "text",
    [
        "Checkout failed on phones. The problem was with SSL.",
        "Checkout failed on phones. The problem was an issue with the server.",
        "About half of the visitors were affected, because of a glitch.",
    ],
)
def test_a_problem_that_names_nothing_concrete_is_no_cause(text: str) -> None:
    assert _summary(text)["root_cause"] is None


def test_a_count_restated_as_a_share_in_brackets_is_the_share() -> None:
    text = (
        "From 10:00 to 12:00 UTC 12,400 of you (64%) could not log in. The cause was a"
        " migration that ran inside the login request of every player."
    )
    assert _quote(text, "affected_share") == "64%"


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        (
            "The app crashed from 10:05 to 11:40 UTC. In short: a remote setting changed from"
            " a number to text, and version 3.2 of the Android app could not parse it.",
            "In short: a remote setting changed",
        ),
        (
            "Invoices were wrong on 4 March. This was caused by a fault in a release of our"
            " billing service, which charged the March fee a second time.",
            "This was caused by a fault in a release",
        ),
        (
            "Texts were not delivered from 08:30 to 12:15 UTC. Our SMS provider (Textly) had"
            " an outage on their side and dropped our messages.",
            "Our SMS provider (Textly) had an outage",
        ),
    ],
)
def test_a_cause_told_as_a_change_a_defect_in_a_release_or_a_provider_down(
    text: str, cause: str
) -> None:
    found = _quote(text, "root_cause")
    assert found is not None and found.startswith(cause)


@pytest.mark.parametrize(
    "text",
    [
        "The site was down from 10:00 to 11:00 UTC because of an error.",
        "The site was down from 10:00 to 11:00 UTC due to an issue with an update.",
        "The site was down from 10:00 to 11:00 UTC. We thank our provider for its help.",
    ],
)
def test_a_vague_cause_still_fails(text: str) -> None:
    assert _quote(text, "root_cause") is None
