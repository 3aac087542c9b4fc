"""Quotations inside the author's sentences (text/borrowed.py reads them as someone else's
words): a quotation in straight or curly quotes of at least MIN_QUOTED_WORDS words, a shorter
one that someone else is said to say or think, and inline code. Fewer words set off by the
author ("the 'fix'") are the author's own."""

from __future__ import annotations

import re

from .runs import RunSearch

# a quotation: straight or curly double quotes, curly single quotes, on one line
# (reading each run of an unclosed curly quote once)
_QUOTATION = RunSearch(
    rest=re.compile(r"\"[^\"\n]+\"|(?<![^”\n])“[^”\n]++”|(?<![^’\n])‘[^’\n]++’|`[^`\n]+`"),
    runs=(
        (re.compile(r"“(?<=[^”\n]“)"), re.compile(r"“[^”\n]*")),
        (re.compile(r"‘(?<=[^’\n]‘)"), re.compile(r"‘[^’\n]*")),
    ),
    alternative=re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|`[^`\n]+`"),
)
_WORD = re.compile(r"[A-Za-z]+")
# fewer words than this between quotes are the author's own words set off ("the 'fix'")
MIN_QUOTED_WORDS = 3


# someone else said or thought the short quotation that follows ("she now thinks the site
# is "broken forever"", "a customer called it "unusable""): their words, however few; the
# author's own ("we called it "the fix"") stay the author's
_REPORTED = re.compile(
    r"\b(?:she|he|they|who|[\w-]+\s+(?:users?|customers?|clients?|players?|people|mum|mom|dad"
    r"|parents?|friends?|boss|manager|teachers?|colleagues?|students?))\s+(?:\w+\s+)?"
    r"(?:says?|said|thinks?|thought|calls?|called|wrote|writes|tweeted|posted|complained"
    r"|described|joked)\b[^\"“\n]{0,30}$",
    re.IGNORECASE,
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations of someone else's words in `text` (of at least
    MIN_QUOTED_WORDS words, or fewer where someone else is said to say or think them) and
    of inline code."""
    return [
        m.span()
        for m in _QUOTATION.finditer(text)
        if m.group(0).startswith("`")
        or len(_WORD.findall(m.group(0))) >= MIN_QUOTED_WORDS
        or _REPORTED.search(text, max(0, m.start() - 80), m.start()) is not None
    ]
