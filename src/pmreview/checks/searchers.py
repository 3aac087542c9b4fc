"""Searchers made of searchers: any of them, or one that does not look inside quoted
words (the impact's readings in checks/summary.py)."""

from __future__ import annotations

import re

from ..text.prefilter import Searcher

# words quoted as written: an error message, a browser's warning ("Potential Security Risk")
_QUOTED = re.compile(r'"[^"\n]{1,200}"|“[^”\n]{1,200}”|`[^`\n]{1,200}`')


class Unquoted:
    """A searcher that does not look inside quoted words: a hedge in a quoted warning does not
    make the sentence a possibility."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    def search(self, text: str, /) -> re.Match[str] | None:
        if '"' in text or "“" in text or "`" in text:
            text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
        return self.searcher.search(text)


class AnyOf:
    """The first of several searchers that matches."""

    def __init__(self, *searchers: Searcher) -> None:
        self.searchers = searchers

    def search(self, text: str, /) -> re.Match[str] | None:
        return next((m for s in self.searchers if (m := s.search(text)) is not None), None)
