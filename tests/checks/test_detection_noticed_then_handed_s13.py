"""timeline.detection, session 13 (examples written for these tests): an entry where someone
notices the failure and hands it on in the same sentence ("the first operator notices the
halt and escalates to the core team") tells the detection; the hand-over alone, or a notice
made by whoever it was handed to, does not; a later acknowledgement is no detection."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Ledger halt\n\n## Summary\n\nThe ledger stopped.\n\n## Timeline (UTC)\n\n"


def _detection(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["detection"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "entry",
    [
        "First operator notices the halt and escalates to the core team",
        "A node runner spotted the stalled blocks and handed it over to Dana",
        "Kim noticed the queue backing up and paged the storage on-call",
        "Our partner detected the failed settlements, escalating to the payments team",
    ],
)
def test_a_notice_handed_on_is_the_detection(entry: str) -> None:
    quote = _detection(
        "- 15:57 - The ledger halts at block 3,010,200.\n"
        f"- 16:03 - {entry}.\n"
        "- 19:10 - The core team acknowledges the issue and starts the investigation.\n"
    )
    assert quote is not None and "16:03" in quote, quote


@pytest.mark.parametrize(
    "entry",
    [
        "Escalated to Omar, who noticed the stalled blocks",
        "Escalated to the core team",
    ],
)
def test_a_hand_over_first_tells_no_detection(entry: str) -> None:
    quote = _detection(f"- 15:57 - The ledger halts.\n- 16:03 - {entry}.\n")
    assert quote is None or "16:03" not in quote, quote
