"""Quoted material is not the author's claim: block quotes, quotations, code."""

from __future__ import annotations

from pmreview.models import Block
from pmreview.text.quoted import is_block_quote, is_quoted, quoted_spans


def _para(text: str) -> Block:
    return Block("paragraph", 1, 1, text)


def test_block_quote() -> None:
    assert is_block_quote(_para("> status page: degraded performance"))
    assert not is_block_quote(_para("The status page said nothing."))


def test_quotations_of_three_words_or_more_are_someone_elses() -> None:
    text = 'They tweeted "we are seeing a glitch" while the "glitch" went on.'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ['"we are seeing a glitch"']
    first = text.index("glitch")
    assert is_quoted(_para(text), first, first + 6)
    second = text.rindex("glitch")
    assert not is_quoted(_para(text), second, second + 6)


def test_curly_quotes_and_code() -> None:
    text = "The bot wrote “restart everything now please” and ran `fix it`."
    assert [text[s:e] for s, e in quoted_spans(text)] == [
        "“restart everything now please”",
        "`fix it`",
    ]
