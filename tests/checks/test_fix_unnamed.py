"""resolution.detail by family (examples written for these tests).

1. An unnamed change only applied by a restart: "fixed the config and restarted nginx",
   "updated the settings and reloaded haproxy", "changed some things and rebooted web-02": the
   restart applies a change the sentence leaves unnamed. Near misses that pass: a restart that
   is the fix by itself ("restarted the hung `mysqld` on db-1"), a named change beside the
   restart ("updated the config: set `worker_connections` to 4096 and restarted nginx").
2. A server named only by an adjective ("the new server", "the old server", "the main server")
   names no part, as "the server" does not.
3. A change told inside a theory or before the incident ("Our first thought was the cache,
   which had been upgraded the previous weekend") is not the fix."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution


def _fix(text: str, section: str = "Resolution") -> str | None:
    found = resolution(doc_of(f"# Outage\n\n## {section}\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "We fixed the config and restarted nginx on both servers.",
        "I updated the settings and reloaded haproxy; the site came back.",
        "Changed the configuration, then restarted `gunicorn` on web-01.",
        "We fixed it and rebooted web-02.",
        "When we were moving to the new server some things were wrong; we corrected them.",
        "We moved everything to the new server.",
    ],
)
def test_an_unnamed_change_fails(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("We restarted the hung `mysqld` on db-1 and the site came back.", "We restarted the hung"),
        (
            "We updated the config: set `worker_connections` to 4096 and restarted nginx.",
            "We updated the config",
        ),
        ("Restarted `php8.2-fpm` on web-02 and the site came back.", "Restarted `php8.2-fpm`"),
        ("We moved the site to the new server web-03.", "We moved the site"),
    ],
)
def test_a_named_change_still_passes(text: str, quote: str) -> None:
    got = _fix(text)
    assert got is not None and got.startswith(quote)


@pytest.mark.parametrize(
    "told",
    [
        "Our first thought was that the problem lay with the payment gateway, which had been "
        "upgraded the previous weekend.",
        "The initial theory was the `redis` cache, which had been patched the night before.",
        "We first suspected the load balancer, since haproxy had been upgraded last week.",
    ],
)
def test_a_change_inside_a_theory_is_not_the_fix(told: str) -> None:
    text = f"{told} Our team applied a fix shortly before eleven."
    assert _fix(text, "What happened") is None
    assert _fix(text, "Cause and resolution") is None


def test_a_fix_told_after_a_theory_still_passes() -> None:
    text = (
        "Our first thought was the payment gateway. We rolled back `pay-api` to 4.2.1 and "
        "payments resumed."
    )
    got = _fix(text, "Cause and resolution")
    assert got is not None and "rolled back" in got
