"""A quote is a whole phrase: text/phrase_end.py takes the words that close an open match."""

from __future__ import annotations

import pytest

from pmreview.text.phrase_end import whole_phrase


@pytest.mark.parametrize(
    ("text", "match", "quote"),
    [
        ("we need better alerting on the queue.", "we need better", "we need better alerting"),
        ("reviewing how we page the on-call.", "reviewing how", "reviewing how we page"),
        (
            "some of you couldn't log in, sorry.",
            "some of you couldn't",
            "some of you couldn't log in",
        ),
        (
            "it appears that very few jobs ran.",
            "it appears that",
            "it appears that very few jobs ran",
        ),
        ("probably by the cron job).", "probably by", "probably by the cron job"),
        ("communicate better about changes.", "communicate better", "communicate better"),
        ("be more careful with `rm -rf`.", "be more careful", "be more careful"),
        ("we fixed it and moved on.", "we fixed it", "we fixed it"),
    ],
)
def test_a_quote_ends_as_a_whole_phrase(text: str, match: str, quote: str) -> None:
    assert text.startswith(match)
    assert text[: whole_phrase(text, len(match), len(text))] == quote
