"""summary.root_cause, session 14 (examples written for these tests): in a summary laid out as
labelled list items, the items nested under one that is only a cause label ("- **Root
Cause:**") are its cause part, read as a root-cause section is, when they name the part that
failed; a story of it that names no part ("a deployment went rogue") is still no cause."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _cause(items: str) -> str | None:
    text = (
        "# Outage\n\n## Issue Summary\n\n- **Duration:**\n  - 14:00 to 17:30 GMT.\n"
        f"- **Impact:**\n  - The Shoply checkout had an outage for 20% of users.\n{items}\n"
        "## Timeline\n\n- 14:00 GMT alert fired\n"
    )
    found = summary(doc_of(text))["root_cause"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("items", "quoted"),
    [
        (
            "- **Root Cause:**\n  - Improper setup of MySQL replication, so writes failed.\n",
            "MySQL replication",
        ),
        ("* Root causes:\n  * A misconfigured firewall rule on the edge proxy.\n", "firewall"),
        (
            "- **Cause**\n  - The load balancer sent all traffic to one backend node.\n",
            "load balancer",
        ),
        ("1. Root Cause:\n   - An expired TLS certificate on `api.shoply.io`.\n", "certificate"),
    ],
)
def test_items_under_a_cause_label_name_the_cause(items: str, quoted: str) -> None:
    found = _cause(items)
    assert found is not None and quoted in found


@pytest.mark.parametrize(
    "items",
    [
        "- **Root Cause:**\n  - A coding saga in which an innocent change went rogue.\n",
        "- **Root Cause:**\n  - Still under investigation.\n",
        "- **Lessons:**\n  - The load balancer needs a health check.\n",
    ],
)
def test_a_story_or_another_label_is_no_cause(items: str) -> None:
    assert _cause(items) is None
