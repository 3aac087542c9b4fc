"""Text that is not the author's own claim: block quotes, quotations and code.

A postmortem quotes other people (a chat log, a tweet, a status page, a policy, the
assignment's requirements) and shows code and commands. Words there are evidence the author
cites, not statements the author makes, so a reviewer should not hold the author to them.
"""

from __future__ import annotations

import re

from ..models import Block

# a quotation: straight or curly double quotes, curly single quotes, on one line
_QUOTATION = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|`[^`\n]+`")
_WORD = re.compile(r"[A-Za-z]+")
# fewer words than this between quotes are the author's own words set off ("the 'fix'")
MIN_QUOTED_WORDS = 3


def is_block_quote(block: Block) -> bool:
    """Whether the block is inside a Markdown block quote (`> …`)."""
    return block.text.lstrip().startswith(">")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations of someone else's words in `text` (of at least
    MIN_QUOTED_WORDS words) and of inline code."""
    return [
        m.span()
        for m in _QUOTATION.finditer(text)
        if m.group(0).startswith("`") or len(_WORD.findall(m.group(0))) >= MIN_QUOTED_WORDS
    ]


def is_quoted(block: Block, start: int, end: int) -> bool:
    """Whether text[start:end] of the block is quoted material rather than the author's claim."""
    if is_block_quote(block):
        return True
    return any(s <= start and end <= e for s, e in quoted_spans(block.text))
