"""timeline.escalation by family (examples written for these tests): parties brought onto a
bridge or paged together, with remarks in brackets ("the DNS team (zone owner) and registrar
support (Gandi) brought onto the bridge", "the web on-call and Network Operations paged"), and
a mentor or lead tagged in a channel by role; tagging a release or an image is no escalation."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def escalation(entry: str) -> bool:
    text = f"# Outage\n\n## Timeline\n\n- 10:00 UTC - The alert fires.\n- 10:05 UTC - {entry}\n"
    return timeline(doc_of(text))["escalation"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "The DNS team (zone owner) and registrar support (Gandi) brought onto the bridge.",
        "The web on-call and Network Operations paged to the bridge.",
        "Tagged our mentor, Dana Okafor, in the #help channel with the logs.",
        "Tags the platform lead in #incidents with the error rate.",
    ],
)
def test_an_escalation_told_in_its_forms(entry: str) -> None:
    assert escalation(entry)


@pytest.mark.parametrize(
    "entry",
    [
        "Tagged the release v2.4.1 and rebuilt the image.",
        "Tagged the image with the commit hash and pushed it.",
        "The team and I looked at the logs together.",
    ],
)
def test_what_escalates_to_nobody_still_fails(entry: str) -> None:
    assert not escalation(entry)
