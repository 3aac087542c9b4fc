"""A task among the measures is planned, not done, whether it is a list item or a table row:
"Update the triage runbook: check saturation before engaging the Edge team" escalates to
nobody (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

_ROWS = [
    "| Update the triage runbook: check saturation before engaging the Edge team | process | kim |",
    "| Page the DBA on-call automatically when replication lag > 60 s | detect | sre |",
    "| Escalate to the vendor's support after 15 minutes of packet loss | process | noc |",
]


def _escalation(timeline_entries: str, measures: str) -> str | None:
    text = (
        f"# Outage\n\n## Timeline\n\n{timeline_entries}\n\n## Action items\n\n"
        f"| Action | Type | Owner |\n|---|---|---|\n{measures}\n"
    )
    found = timeline(doc_of(text))["escalation"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize("row", _ROWS)
def test_a_measures_row_is_no_escalation(row: str) -> None:
    assert _escalation("- 10:00 UTC - The alert fired.\n- 10:20 UTC - Restarted pods.", row) is None


@pytest.mark.parametrize("row", _ROWS)
def test_an_escalation_told_in_the_timeline_is_quoted(row: str) -> None:
    quote = _escalation(
        "- 10:00 UTC - The alert fired.\n- 10:14 UTC - Kim escalates to the Edge team on-call.",
        row,
    )
    assert quote is not None and "Kim escalates" in quote
