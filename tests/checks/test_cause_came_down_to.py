"""A cause told as what it all came down to ("It all came down to one variable, REDIS_URL,
that I had removed") is the summary's cause, quoted before a later "because" that explains a
step of the story (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


@pytest.mark.parametrize(
    "told",
    [
        "It all came down to one variable, REDIS_URL, that I had removed from the .env file.",
        "In the end it boiled down to a missing index on `orders.user_id` in Postgres.",
        "Everything comes down to the `max_connections = 20` line in postgresql.conf.",
    ],
)
def test_what_it_came_down_to_is_the_cause(told: str) -> None:
    text = (
        "# Notes outage\n\nOn Friday from 19:40 the notes API returned 502 to every user. "
        f"{told}\n\n## Friday night\n\nI cleaned up the .env file, because it still had old"
        " keys from a payment experiment.\n"
    )
    cause = summary(parse(from_text(text)))["root_cause"]
    assert cause is not None and cause["quote"] == told


def test_a_mood_that_came_down_is_no_cause() -> None:
    text = (
        "# Notes outage\n\nOn Friday from 19:40 the notes API returned 502 to every user. The"
        " cause was a missing REDIS_URL line in /srv/notes/.env.\n"
    )
    cause = summary(parse(from_text(text)))["root_cause"]
    assert cause is not None and "REDIS_URL" in cause["quote"]
