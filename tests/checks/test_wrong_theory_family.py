"""A wrong theory followed, in the many ways writers tell one (timeline.misleading): a first
idea, instinct or thought; a conclusion jumped to with no "must be" ("concludes the gateway
is down", "we figure the CDN is stale", "presuming a bad deploy"); a suspect found sound
("power is normal", "checked out clean", "unchanged since May"), a result that did not move
("error unchanged", "same errors", "backlog still growing"), a denial that opens a sentence
("Not the network."), negations typed without an apostrophe ("didnt help"); and the path
named by its shape ("the DNS detour", "down a rabbit hole", "my wrong hunch"). None of these
is a path: a failed fix with no theory, a theory that held, an expectation of how the system
behaves ("assumed the job would rotate the dumps"), a cause revealed ("it turned out the token
had expired"), a meeting concluded, a route called a detour (examples written for these
tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def _misleading(entries: str, after: str = "") -> str | None:
    text = f"# Outage\n\n## Timeline\n\n{entries}\n{after}"
    found = timeline(doc_of(text))["misleading"]
    return None if found is None else str(found["quote"])


_FIX = "\n- 11:45 - Raised `pm.max_children` to 40 in www.conf, site up."


@pytest.mark.parametrize(
    ("entries", "quote"),
    [
        (
            "- 10:00 - My first thought was that the cron job had hung, so I spent twenty"
            " minutes on its logs, which were perfectly fine.",
            "- 10:00 - My first thought was that the cron job had hung, so I spent twenty"
            " minutes on its logs, which were perfectly fine.",
        ),
        (
            "- 10:00 - Her initial instinct is that Redis ran out of memory.",
            "- 10:00 - Her initial instinct is that Redis ran out of memory.",
        ),
        (
            "- 10:00 - We figure the CDN is serving stale bundles and purge it.\n- 10:20 -"
            " Purge done, error unchanged.",
            "- 10:00 - We figure the CDN is serving stale bundles and purge it.",
        ),
        (
            "- 10:00 - Priya concludes the payment gateway has an outage and opens a ticket"
            " with them.\n- 10:25 - The gateway replies that their platform is normal.",
            "- 10:00 - Priya concludes the payment gateway has an outage and opens a ticket"
            " with them.",
        ),
        (
            "- 10:00 - Presuming a bad deploy, Sam rolls back release 4.2.\n- 10:15 -"
            " Rollback complete. Same errors.",
            "- 10:00 - Presuming a bad deploy, Sam rolls back release 4.2.",
        ),
        (
            "- 10:00 - we were convinced the queue worker was stuck and restarted it to be"
            " sure.\n- 10:10 - backlog still growing.",
            "- 10:00 - we were convinced the queue worker was stuck and restarted it to be"
            " sure.",
        ),
        (
            "- 10:00 - I suspect the network and run mtr to the database host.\n- 10:06 -"
            " Not the network: zero packet loss.",
            "- 10:00 - I suspect the network and run mtr to the database host.",
        ),
        (
            "- 10:00 - assumed the disk was full so i cleared /tmp twice. didnt change"
            " anything",
            "- 10:00 - assumed the disk was full so i cleared /tmp twice. didnt change"
            " anything",
        ),
        (
            "- 10:00 - Checked the firewall rules. Blaming the firewall was my wrong hunch.",
            "Blaming the firewall was my wrong hunch.",
        ),
    ],
)
def test_a_wrong_theory_told_in_other_words(entries: str, quote: str) -> None:
    assert _misleading(entries + _FIX) == quote


@pytest.mark.parametrize(
    ("after", "quote"),
    [
        (
            "The DNS detour cost us half an hour before anyone read the PHP log.",
            "The DNS detour cost us half an hour before anyone read the PHP log.",
        ),
        (
            "We went down a rabbit hole with the load balancer's health checks.",
            "We went down a rabbit hole with the load balancer's health checks.",
        ),
    ],
)
def test_a_path_named_by_its_shape(after: str, quote: str) -> None:
    entries = "- 10:00 - Site down." + _FIX
    assert _misleading(entries, f"\n## Lessons\n\n{after}\n") == quote


@pytest.mark.parametrize(
    ("entries", "after"),
    [
        # a failed fix with no theory
        ("- 10:00 - Restarted Nginx.\n- 10:05 - Still down.", ""),
        # a first guess that held
        (
            "- 10:00 - My first guess was the PHP pool, and the guess was right.",
            "",
        ),
        # an expectation of how the system behaves, not a theory about the cause
        (
            "- 10:00 - Site down.",
            "\n## Root cause\n\nWe assumed the backup job would rotate old dumps, but it"
            " never did.\n",
        ),
        # a cause revealed, a meeting concluded, a route that took a detour
        (
            "- 10:00 - Site down.\n- 10:30 - We concluded the call at 10:30 but kept"
            " watching the graphs.",
            "\n## Root cause\n\nIt turned out the API token had expired.\n",
        ),
        (
            "- 10:00 - Site down.",
            "\n## Impact\n\nTraffic took a detour through the Frankfurt route, adding 40 ms.\n",
        ),
    ],
)
def test_no_wrong_theory(entries: str, after: str) -> None:
    assert _misleading(entries + _FIX, after) is None
