"""The timeline's detection as narrated timelines tell it, in a verb's base form ("a student
from another class send a message"), and what looks like one but is none: a person or a team
paging another (an escalation), a recovery watched, a permission "write" (examples written for
these tests)."""

from __future__ import annotations

from functools import partial

import pytest
from _support import timeline_quote

detection = partial(timeline_quote, "detection")


@pytest.mark.parametrize(
    "entry",
    [
        "a student from another class send a message in our group that the library shows 403",
        "Two users report in the forum that the page is blank.",
        "A customer tell us on the phone that checkout hangs.",
        "`queue-depth-high` pages the payments on-call (Ife).",  # an alert that pages
    ],
)
def test_a_detection_in_the_base_form(entry: str) -> None:
    assert detection("the deploy of 3.2 starts", entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entries",
    [
        ("The NOC pages the DNS on-call and the storage manager.",),
        ("The team lead then pages the database on-call.",),
        ("Rolled back to 2.1; incident resolved, monitoring continues.",),
        ("I chown the file to the app user and grant the user read, write and execute.",),
    ],
)
def test_no_detection_in_what_only_looks_like_one(entries: tuple[str, ...]) -> None:
    assert detection("the deploy of 3.2 starts", *entries) is None
