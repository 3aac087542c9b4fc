"""timeline.misleading: "turned out" names a wrong path only where what was believed turned out
otherwise ("the cache turned out to be fine", "but it turned out the disk was full"); a finding
told with it ("the copied file turned out to be empty") or the end of the story ("happy with how
things turned out") names no theory. Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text


def _misleading(body: str) -> str | None:
    doc = (
        "# Outage\n\n## Summary\n\nThe API was down from 10:00 to 11:00 UTC.\n\n"
        "## Timeline\n\n- 10:00 Alerts fired.\n"
        "- 11:00 Restarted the API; errors back to normal.\n\n"
        "## Notes\n\n" + body + "\n"
    )
    found = timeline(parse(from_text(doc)))["misleading"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    "body",
    [
        "We restarted the cache first, but the cache turned out to be fine.",
        "The load balancer we blamed turned out to be healthy the whole time.",
        "We rebuilt the image, but it turned out the disk on db-2 was full.",
        "The network alarm turned out to be a red herring.",
        "The firewall change turned out not to matter at all.",
    ],
)
def test_what_was_believed_turning_out_otherwise_is_a_path(body: str) -> None:
    assert _misleading(body) is not None


@pytest.mark.parametrize(
    "body",
    [
        "In the end I was happy with how things turned out.",
        "The copied backup file turned out to be empty, so we restored an older one.",
        "The migration turned out to take three hours.",
        "Many users turned out to use the old client.",
    ],
)
def test_a_finding_or_an_ending_told_with_turned_out_is_no_path(body: str) -> None:
    assert _misleading(body) is None
