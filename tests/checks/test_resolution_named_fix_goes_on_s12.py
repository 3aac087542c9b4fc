"""timeline.resolution by family (examples written for these tests): an entry that opens by
naming the change only as one ("Fix deployed", "Patch applied", "Workaround put in place") and
goes on, after a comma, a colon or a dash, to say what it changed ("Fix deployed, pointing the
checkout client at the v2 payments endpoint") says how the incident was resolved. Near misses:
the bare "Fix deployed", one that goes on only to where or to the outcome ("Fix deployed to
production", "Fix deployed, and the site recovered") or to watching ("…, monitoring the error
rate")."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def _resolution(entry: str) -> str | None:
    text = (
        "# Outage\n\n## Timeline\n\n- 10:00 UTC - checkout errors alert fired\n"
        "- 10:20 UTC - we looked at the payments logs\n"
        f"- 11:30 UTC - {entry}\n- 11:45 UTC - error rate back to normal, incident resolved\n"
    )
    found = timeline(doc_of(text))["resolution"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "entry",
    [
        "Fix deployed, pointing the checkout client at the v2 payments endpoint.",
        "Patch applied: `max_connections` set to 500 on db-1.",
        "Hotfix rolled out — the cart service reverted to release 4.1.2.",
        "A workaround was put in place, disabling the `fraud-check` step in checkout-api.",
        "Mitigation applied (the feature flag `new_tax_engine` turned off).",
    ],
)
def test_a_named_fix_that_goes_on_says_how(entry: str) -> None:
    assert _resolution(entry) is not None and entry in str(_resolution(entry))


@pytest.mark.parametrize(
    "entry",
    [
        "Fix deployed.",
        "Fix deployed to production.",
        "Fix deployed, and the site recovered.",
        "Fix deployed, monitoring the error rate.",
        "Patch applied: waiting for the error rate to drop.",
    ],
)
def test_a_fix_named_only_says_no_how(entry: str) -> None:
    assert _resolution(entry) is None
