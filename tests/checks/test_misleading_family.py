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
