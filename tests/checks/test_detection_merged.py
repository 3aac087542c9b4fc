"""timeline.detection where two readings meet (examples written for these tests): a hand-over
is never the detection, and what the responders notice after it is their investigation; an
alarm that pages the on-call is one, a person paging the on-call is not; reports or checks
that tell the recovery, a check that came back clean, an alarm nobody saw are none."""

from __future__ import annotations

from functools import partial

import pytest
from _support import timeline_quote

detection = partial(timeline_quote, "detection", hour=9)


@pytest.mark.parametrize(
    "entries",
    [
        ("Escalated to Omar, who reported it to the host.", "Omar notices the disk is full."),
        ("Lina pages the storage on-call.", "Tomas spots a stuck lock in the logs."),
        ("Raised to SEV-2; Ade pages the cache on-call.", "Ade notices the cache is cold."),
        ("Customer reports have now stopped.",),
        ("The probe reported healthy after the rollback.",),
        ("Nightly checks of the queues returned no errors.",),
        ("The backup alarm was snoozed and never paged anyone.",),
    ],
)
def test_no_detection_told(entries: tuple[str, ...]) -> None:
    assert detection("the 4.1 release goes out", *entries) is None


@pytest.mark.parametrize(
    "entry",
    [
        "`disk-usage-high` pages the storage on-call.",
        "The ward nurse rings the Service Desk: no results show.",
        "A tenant phones support: the doors do not open.",
        "The latency monitor crossed 3 s and texted me.",
        # the first sign, then the hand-over
        "Called the facilities service desk, who paged the building on-call.",
        "A tenant phones support, and support escalates to the lift engineer.",
        "Two customers report failed top-ups; escalated to the payments team.",
    ],
)
def test_a_detection_told(entry: str) -> None:
    found = detection("the 4.1 release goes out", entry, "Escalated to Omar.")
    assert found == f"- 09:15 UTC - {entry}"
