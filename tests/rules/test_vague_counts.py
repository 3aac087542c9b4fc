"""How a document tells a count of people, for the vague parts it answers (own examples)."""

from __future__ import annotations

import pytest

from pmreview.rules.vague_document import states_people


@pytest.mark.parametrize(
    "text",
    [
        "the pool hit its limit with 2,400+ clients waiting",
        "about 3.5k customers were logged out",
        "12k+ visitors saw the error page",
        "1,900 of 23,500 users could not log in",
    ],
)
def test_a_count_of_people_however_written(text: str) -> None:
    assert states_people(text)


@pytest.mark.parametrize(
    "text",
    ["the pool hit its limit with many clients waiting", "retries rose 4x for customers"],
)
def test_no_count_of_people(text: str) -> None:
    assert not states_people(text)
