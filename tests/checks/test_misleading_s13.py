"""timeline.misleading, session 13 (examples written for these tests). Not a path followed and
dropped: a theory still held as the report is written ("our best guess at this point is…",
"our assumption is that…"), what should have been ("should have been considered…"), a wrong
assumption that was the cause ("stemmed from an incorrect assumption that…"), a part that did
something wrongly ("the job was mistakenly marked as done"), a comparison ("harder than we had
thought"). A path: a first line of inquiry left for another ("no issues in the nginx config;
the investigation moved to the PHP logs")."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def _misleading(story: str) -> str | None:
    text = (
        "# Outage\n\n## Timeline\n\n- 10:00 UTC - checkout fails\n"
        "- 11:00 UTC - rolled back release 4.2 of checkout-api\n\n"
        f"## What happened\n\n{story}\n"
    )
    found = timeline(doc_of(text))["misleading"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "story",
    [
        "Our best guess at this point is that the bot sent many requests. None of them failed.",
        "Our assumption is that the attacker was testing the upload form. No data was lost.",
        "The unpaid amount should have been considered pending. It was not a loss.",
        "The outage stemmed from an incorrect assumption that the ids had to be public.",
        "The nightly job was mistakenly marked as done, so nobody looked at the index.",
        "The bug was far harder to find than we had initially thought.",
    ],
)
def test_no_path_followed_and_dropped(story: str) -> None:
    assert _misleading(story) is None


@pytest.mark.parametrize(
    "story",
    [
        "We checked the nginx config first. No issues there; the investigation moved to the"
        " PHP logs.",
        "Nothing was wrong with DNS, so the focus then shifted to the database.",
        "At first we thought the CDN was down, but it was healthy.",
    ],
)
def test_a_first_line_of_inquiry_left_for_another(story: str) -> None:
    assert _misleading(story) is not None
