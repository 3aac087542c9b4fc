"""timeline.misleading by family (examples written for these tests): a suspect cleared in
any word order ("ruled the cache out", "ruling out the DNS theory"), a theory that follows
another ("Next theory: …"), a suspect named as the likely cause and then found sound, and a
verdict jumped to ("so I decide the problem is …"); firewall rules and a cause found straight
away are no path."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

ROOT = "\n\n## Root cause\n\nThe disk of `db-1` filled up with binary logs.\n"


def _misleading(*entries: str) -> bool:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(entries))
    doc = doc_of(f"# Outage\n\n## Timeline\n\n{body}{ROOT}")
    return timeline(doc)["misleading"] is not None


@pytest.mark.parametrize(
    "entries",
    [
        ("Checked Redis: memory at 40%, hit rate normal, so we ruled the cache out.",),
        ("Pages now fail in both regions, ruling out the CDN theory.",),
        ("Next theory: the TLS certificate on the proxy.", "Found the disk of db-1 full."),
        (
            "The network team looks at the VPN tunnel as the likely cause.",
            "The tunnel is healthy.",
        ),
        ("The page loads on my phone, so I decide the problem is her browser cache.",),
    ],
)
def test_a_wrong_path_told_in_its_forms(entries: tuple[str, ...]) -> None:
    assert _misleading(*entries)


@pytest.mark.parametrize(
    "entries",
    [
        ("Alert `DiskFull` fires for db-1.", "Purged the binary logs; writes resume."),
        ("The firewall rules out nothing: all ports are open.", "Purged the binary logs."),
    ],
)
def test_no_path_told_still_fails(entries: tuple[str, ...]) -> None:
    assert not _misleading(*entries)


@pytest.mark.parametrize(
    "entries",
    [
        # a conclusion drawn as a clause, then time spent on it
        ("Decided the kernel update had broken the NIC driver and spent an hour on that.",),
        ("We decide it is the load balancer and start draining nodes.", "Still offline."),
        ("We concluded that the cache was stale and flushed it.", "All green, still broken."),
        # a theory whose fix left the symptom as it was
        ("Suspected the CDN had cached an old page; purged it.", "Still blank."),
        ("Thought the VPN was dropping packets; restarted it.", "Still a white page."),
        # the suspects checked and found sound, told without a verb
        ("We assume the queue is stuck and check the consumers and the broker.", "Both fine."),
        # what it first looked like
        ("At first the error graph looked just like a DDoS, so we blocked IPs, which didnt help.",),
        ("Initially it seemed to be the CDN; we bypassed it but pages kept failing.",),
    ],
)
def test_a_theory_told_in_prose_is_a_path(entries: tuple[str, ...]) -> None:
    assert _misleading(*entries)


@pytest.mark.parametrize(
    "entries",
    [
        # an action decided, not a theory; a theory that held; a recovery
        ("Decided to roll back the release.", "Purged the binary logs; writes resume."),
        ("Suspected the disk of db-1 was full; confirmed, 100% used.", "Purged the binary logs."),
        ("Purged the binary logs.", "All green again."),
        ("At first the dashboard looked normal.", "Purged the binary logs; writes resume."),
        ("Checked the replicas.", "Both fine now after the purge."),
    ],
)
def test_no_theory_or_a_theory_that_held_is_no_path(entries: tuple[str, ...]) -> None:
    assert not _misleading(*entries)
