"""A timeline whose incident ended on its own: the entry that says so tells when and how
(it recovered by itself), the way a fix does ("Natural recovery", "queue drained on its own",
"errors subsided without intervention"); a recovery hoped for, waited for or denied does not
(examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def resolution(last: str) -> int | None:
    body = (
        "- 09:00 UTC - replication lag alert fires on the ledger cluster\n"
        "- 09:20 UTC - lag keeps growing, reads are stale\n"
        f"- 09:40 UTC - {last}\n"
    )
    found = timeline(doc_of(f"# Ledger outage\n\n## Timeline\n\n{body}"))["resolution"]
    return found["line"] if found else None


@pytest.mark.parametrize(
    "last",
    [
        "**Natural Resolution:** lag back under one second",
        "Natural recovery: the replicas caught up",
        "The replicas recovered on their own once the batch job finished",
        "Lag resolved by itself after the nightly import ended",
        "Errors subsided without any intervention",
        "The backlog drained naturally and the incident was resolved",
        "Self-healed: the cluster rebalanced and recovered",
    ],
)
def test_a_recovery_on_its_own_tells_when_and_how(last: str) -> None:
    assert resolution(last) == 7


@pytest.mark.parametrize(
    "last",
    [
        "We hoped it would recover on its own, but it did not",
        "Waited to see whether the lag resolved itself",
        "Still down; no natural recovery in sight",
        "It did not recover by itself",
    ],
)
def test_a_recovery_on_its_own_hoped_for_or_denied_is_none(last: str) -> None:
    assert resolution(last) is None
