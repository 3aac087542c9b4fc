"""PM304: a timeline entry longer than two sentences, each entry counted on its own when
several run together on one line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..models import Block, Document, Hit
from ..text.quotations import quoted_spans
from ..text.sentences import is_fragment, sentence_starts
from ._text import hit_at

# The next entry's time, when entries run together on one line ("… detected. 12:06pm EAT: …").
_NEXT_ENTRY = re.compile(
    r"(?<=[.!?])\s+\**\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?\**\s*[:–—-]"
)


def _entries_in(text: str, begin: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each entry in a block's text from `begin`: one, or several run
    together on one line, each after its own time."""
    for m in _NEXT_ENTRY.finditer(text, begin):
        yield begin, m.start()
        begin = m.end()
    yield begin, len(text.rstrip())


def check_too_long(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    limit: int = options["max_sentences"]
    for e in doc.timeline:
        b = e.block
        begin = 0
        if e.time is not None and e.time.line != b.line:
            continue  # a status post above the time it went out: the page's words, not an entry
        if e.time is not None:
            first = b.text.split("\n", 1)[0]
            begin = e.time.column - b.column + len(e.time.raw)
            sep = re.match(r"[\s*_)\]:|–—-]*", first[begin:])
            begin += sep.end() if sep else 0
        for start, end in _entries_in(b.text, begin):
            hit = _too_long(b, start, end, limit)
            if hit is not None:
                yield hit


def _own_words(text: str) -> str:
    """The text with words quoted verbatim (a tweet, a status update, a customer's message
    of three words or more) blanked out, offsets kept: the entry reports them as one thing,
    they are not its sentences."""
    spans = quoted_spans(text)
    if not spans:
        return text
    out = list(text)
    for s, e in spans:
        out[s + 1 : e - 1] = "x" * (e - s - 2)
    return "".join(out)


def _too_long(b: Block, begin: int, end: int, limit: int) -> Hit | None:
    if 1 + sum(b.text.count(c, begin, end) for c in ".!?") <= limit:
        return None  # each sentence after the first starts after a ".", "!" or "?"
    text = _own_words(b.text)
    found = [i for i in sentence_starts(text, begin) if i < end]
    # a terse fragment after the first ("suspended it. no change") is no sentence of its own
    spans = list(zip(found, [*found[1:], end][: len(found)], strict=True))
    starts = found[:1] + [s for s, e in spans[1:] if not is_fragment(text[s:e])]
    if len(starts) <= limit:
        return None
    return hit_at(
        b,
        starts[limit],
        end,
        f"This timeline entry has {len(starts)} sentences; one or two keep the timeline "
        "easy to scan.",
        question="Which of these details belong in the root-cause or resolution section?",
        suggestion=f"TODO: cut the entry at line {b.line} to one or two sentences and move "
        "the rest to the section it explains.",
    )
