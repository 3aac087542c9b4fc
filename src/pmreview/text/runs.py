"""A regular expression search that reads each run of characters once.

Some patterns hold an alternative that, from any start inside a run (of letters, of `[\\w-]`,
of what may stand between a "[" and its "]"), reads the run to its end and then tests what
follows: a search tries it at every start of the run, and a long run that fails costs its
length squared. Every start inside one run ends where the others do, so they fail together:
RunSearch tries such an alternative at a run's first start inside the pattern (`rest`,
where a look-behind keeps it to that start), and at a start inside a run once (the
pattern's `alternative` matched there), skipping the rest of that run when it fails. It
finds what the pattern with its alternatives unguarded finds
(tests/test_backtracking_rewrites.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .prefilter import Lazy

# (where a run alternative may start inside a run, the run from there: matched at that start)
Run = tuple[re.Pattern[str], re.Pattern[str]]


@dataclass
class _State:
    """What one scan over a text has learnt: for each kind of run, the next start inside one
    from `since` on (`since` < 0: not looked for yet) and the end of the last run whose
    inner starts all failed; the next match of `rest` from `rest_from` on."""

    inner: list[int | None]
    since: list[int]
    failed_to: list[int]
    rest: re.Match[str] | None = None
    rest_from: int = -1


@dataclass(frozen=True)
class RunSearch:
    """`rest`: the pattern with each run alternative taken only at a run's first start;
    `runs`: for each, where it may start inside a run and the run; `alternative`: what the
    pattern matches at such a start (the pattern itself, or the run alternative alone where
    `rest` cannot match there or comes after it)."""

    rest: re.Pattern[str]
    runs: tuple[Run, ...]
    alternative: re.Pattern[str]
    _kinds: range = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_kinds", range(len(self.runs)))

    @property
    def pattern(self) -> str:
        return self.rest.pattern

    def _state(self) -> _State:
        return _State(
            [None for _ in self._kinds], [-1 for _ in self._kinds], [0 for _ in self._kinds]
        )

    def _plain(self, text: str, pos: int) -> bool:
        """Whether no start inside a run follows `pos`: `rest` is the pattern there (most
        text, searched at C speed)."""
        return not any(inner.search(text, pos) for inner, _ in self.runs)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self._plain(text, pos):
            return self.rest.search(text, pos)
        return self._search(text, pos, self._state())

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if any(inner.match(text, pos) for inner, _ in self.runs):
            return self.alternative.match(text, pos) or self.rest.match(text, pos)
        return self.rest.match(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches from `pos` on (none of these patterns matches "")."""
        if self._plain(text, pos):
            yield from self.rest.finditer(text, pos)
            return
        state = self._state()
        while (m := self._search(text, pos, state)) is not None:
            yield m
            pos = m.end()

    def sub(self, repl: Callable[[re.Match[str]], str] | str, text: str) -> str:
        """`text` with each match replaced by `repl` (a string taken as it is)."""
        if self._plain(text, 0):
            return self.rest.sub(repl if callable(repl) else lambda _: repl, text)
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
            starts = [(self._inner(text, pos, state, k), k) for k in self._kinds]
            start, kind = min(((s, k) for s, k in starts if s is not None), default=(None, 0))
            if start is None or start > limit:
                return state.rest
            m = self.alternative.match(text, start)
            if m is not None:
                return m
            run = self.runs[kind][1].match(text, start)
            assert run is not None  # it matches "" at least
            state.failed_to[kind], state.since[kind] = max(run.end(), start + 1), -1

    def _inner(self, text: str, pos: int, state: _State, kind: int) -> int | None:
        """The first start inside a run of `kind` from `pos` on, outside the failed run."""
        at = state.inner[kind]
        if state.since[kind] < 0 or (at is not None and at < pos):
            found = self.runs[kind][0].search(text, max(pos, state.failed_to[kind]))
            at = state.inner[kind] = None if found is None else found.start()
            state.since[kind] = pos
        return at


def finder(pattern: Lazy | RunSearch) -> re.Pattern[str] | RunSearch:
    """What finds `pattern`'s matches: a Lazy one compiled."""
    return pattern if isinstance(pattern, RunSearch) else pattern.compiled
