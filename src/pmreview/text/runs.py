"""A regular expression search that reads each run of characters once.

Some patterns hold an alternative that, from any start inside a run (of letters, or of
`[\\w-]`), reads the run to its end and then tests what follows: a search tries it at every
start of the run, and a long run that fails costs its length squared. For such an
alternative every start inside one run ends where the others do, so they fail together:
RunSearch tries it at a run's first start inside the pattern (`rest`, where a look-behind
keeps it to that start), and at a start inside a run once (`alternative`, matched there),
skipping the rest of that run when it fails. It finds what the pattern with the
alternative unguarded finds (tests/test_backtracking_rewrites.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .prefilter import Lazy


@dataclass
class _State:
    """What one scan over a text has learnt: the next start inside a run (`inner`), the end
    of the run whose inner starts all failed, and the next match of `rest` found."""

    inner: re.Match[str] | None = None
    failed_to: int = 0
    rest: re.Match[str] | None = None
    rest_from: int = -1  # `rest` is the first match at or after this position


@dataclass(frozen=True)
class RunSearch:
    """`rest`: the pattern with the run alternative taken only at a run's first start;
    `inner`: where that alternative may start inside a run; `alternative`: that alternative
    alone, matched at such a start (it wins a tie with `rest`: it comes first in the
    pattern, or `rest` cannot match there); `run`: matched there, the rest of the run."""

    rest: re.Pattern[str]
    inner: re.Pattern[str]
    alternative: re.Pattern[str]
    run: re.Pattern[str]

    @property
    def pattern(self) -> str:
        return self.rest.pattern

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._search(text, pos, _State())

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self.inner.match(text, pos) is not None:
            return self.alternative.match(text, pos) or self.rest.match(text, pos)
        return self.rest.match(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches from `pos` on (none of these patterns matches "")."""
        state = _State()
        while (m := self._search(text, pos, state)) is not None:
            yield m
            pos = m.end()

    def sub(self, repl: Callable[[re.Match[str]], str] | str, text: str) -> str:
        """`text` with each match replaced by `repl` (a string taken as it is)."""
        parts, pos = [], 0
        for m in self.finditer(text):
            parts += [text[pos : m.start()], repl if isinstance(repl, str) else repl(m)]
            pos = m.end()
        return "".join(parts) + text[pos:]

    def _search(self, text: str, pos: int, state: _State) -> re.Match[str] | None:
        if state.rest_from < 0 or (state.rest is not None and state.rest.start() < pos):
            state.rest, state.rest_from = self.rest.search(text, pos), pos
        limit = len(text) if state.rest is None else state.rest.start()
        while True:
            if state.inner is None or state.inner.start() < pos:
                state.inner = self.inner.search(text, max(pos, state.failed_to))
            start = state.inner
            if start is None or start.start() > limit:
                return state.rest
            m = self.alternative.match(text, start.start())
            if m is not None:
                return m
            run = self.run.match(text, start.start())
            assert run is not None  # it matches "" at least
            state.failed_to, state.inner = max(run.end(), start.start() + 1), None


def finder(pattern: Lazy | RunSearch) -> re.Pattern[str] | RunSearch:
    """What finds `pattern`'s matches: a Lazy one compiled."""
    return pattern if isinstance(pattern, RunSearch) else pattern.compiled
