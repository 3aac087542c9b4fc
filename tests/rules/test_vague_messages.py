"""A vague finding's message quotes nothing: the words a reader sees in quotes must be the
document's (the finding's quote), not a sample phrase the document may not contain."""

from __future__ import annotations

import re

from pmreview.parse import parse
from pmreview.rules import registry
from pmreview.rules.vague import table
from pmreview.source import from_text

_QUOTED = re.compile(r"'[^']+'|\"[^\"]+\"|‘[^’]+’|“[^”]+”")


def test_no_message_quotes_a_sample_phrase() -> None:
    quoting = [e.message for e in table() if _QUOTED.search(e.message)]
    assert quoting == []


def test_the_quote_is_the_documents_words() -> None:
    text = "## What happened\nThe portal broke after a deploy. We fixed it.\n"
    rule = registry()["PM103"]
    hits = list(rule.check(parse(from_text(text)), rule.resolve({})))
    assert [h.quote for h in hits] == ["fixed it"]
    assert not _QUOTED.search(hits[0].message)
