"""timeline.escalation told as a play (examples written for these tests): a stage direction
that calls someone named next ("**ME:** *(calling)* Ngozi. Wake up, you're taking over.").
The stage direction with nobody named, or calling a function, is no escalation."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

HEAD = "# Outage\n\n## Timeline\n\n- 10:00 UTC - The API is down.\n\n## The night\n\n"


def _escalation(text: str) -> bool:
    return timeline(doc_of(HEAD + text + "\n"))["escalation"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "**ME:** *(calling)* Ngozi. Wake up. You're taking over.",
        "ME (phoning) Tomasz: the proxy is yours now.",
        "*(texting)* Amara, please take over the DNS.",
    ],
)
def test_a_stage_direction_calling_someone_named(text: str) -> None:
    assert _escalation(text)


@pytest.mark.parametrize(
    "text",
    [
        "**ME:** *(calling)* anyone? hello?",
        "**ME:** (calling the API again) still 502.",
        "**ME:** *(calling)* ...nobody picks up.",
    ],
)
def test_a_stage_direction_naming_nobody(text: str) -> None:
    assert not _escalation(text)
