"""timeline.resolution by family (examples written for these tests): the service checked and
found working ("verified in clean containers that `pip install` works"), things arriving or
flowing normally again, "everyone happy" after a fix, and a switch back to the earlier
supplier as how it was fixed. An end with no recovery told still fails."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def resolution(*entries: str) -> str | None:
    body = "\n".join(f"- 1{i}:00 UTC - {x}" for i, x in enumerate(entries))
    found = timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("entries", "quote"),
    [
        (
            (
                "Uploads start failing with 403.",
                "Re-issued the signing key for the package index and republished it.",
                "Verified in clean Debian 12 and Fedora 40 containers that `pip install` works.",
            ),
            "pip install",
        ),
        (
            (
                "Texts stop arriving.",
                "We switched the sign-in texts back to our old SMS provider.",
                "Codes arriving normally by 13:20.",
            ),
            "We switched the sign-in texts back",
        ),
        (
            (
                "Browsers show an expired certificate.",
                "Renewed the certificate with `certbot renew` on lb-1 and reloaded HAProxy.",
                "Browsers and the uptime checker both happy.",
            ),
            "Renewed the certificate",
        ),
    ],
)
def test_a_recovery_told_in_its_forms(entries: tuple[str, ...], quote: str) -> None:
    found = resolution(*entries)
    assert found is not None and quote in found


def test_no_recovery_told_still_fails() -> None:
    assert resolution("Uploads fail.", "Looked at the logs.", "Everyone went home unhappy.") is None
