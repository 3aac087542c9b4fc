"""The timeline's detection by family (examples written for these tests): someone meeting the
failure as they try to use the service ("tries to SSH in and gets `Permission denied`",
"opens `https://…`: 502"), reports as they begin ("customers began calling"), a question or a
post in a channel by anyone but the responders, and "tells" as well as "told". The responders'
own posts, a fix that worked and a plain step still tell no detection."""

from __future__ import annotations

from functools import partial

import pytest
from _support import timeline_quote

detection = partial(timeline_quote, "detection")


@pytest.mark.parametrize(
    "entry",
    [
        "Amara tries to log in to the admin panel and gets `403 Forbidden`.",
        "Bola opens `https://grades.example.edu`: 502.",
        "Shortly after, customers began calling the support line about missing invoices.",
        "A warehouse supervisor asks in #ops-help why no labels are printing.",
        "Someone from the design team posts in our Discord channel that uploads hang.",
        "A teacher tells us by e-mail that the quiz page is blank.",
    ],
)
def test_a_detection_told_in_its_forms(entry: str) -> None:
    assert detection("the deploy of 3.2 starts", entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "We posted in #incidents that the rollback is done.",
        "I tried to restart the worker and it came back.",
        "The team kept calling the vendor for an update.",
        "Ran `kubectl rollout undo` on the api deployment.",
    ],
)
def test_what_is_no_detection_still_fails(entry: str) -> None:
    assert detection("the deploy of 3.2 starts", entry) is None
