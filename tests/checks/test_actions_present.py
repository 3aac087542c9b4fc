"""timeline.actions in the present tense of an organisation's timeline (examples written for
these tests): "the on-call finds the change in the audit log", "restores the previous
version of the rule". Restoring service in general or finding nothing names no part acted on."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def actions(*entries: str) -> str | None:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(entries))
    found = timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["actions"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "entry",
    [
        "Storage on-call (Ana) finds the 09:12 edit in the bucket audit log.",
        "Ana restores the previous version of the routing rule from the config history.",
        "The team restored the database from the 02:00 snapshot.",
    ],
)
def test_a_present_tense_action_names_its_part(entry: str) -> None:
    assert actions("Orders stop arriving.", entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "Service is restored for all users.",
        "The IT team began working on it.",
        "The landlord got to restoring the building's power.",
    ],
)
def test_no_part_acted_on(entry: str) -> None:
    assert actions("Orders stop arriving.", entry) is None
