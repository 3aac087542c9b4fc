"""Whether a rewritten regular expression finds what the form it replaced found: both are
searched from every position of many generated texts (made of the pieces the old pattern
names, and characters around them), and every match must have the same span and groups.
A search from every position decides `match` and `finditer` as well."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from hypothesis import strategies as st

_AROUND = [" ", "  ", "\n", "\t", "a", "Ab", "Z", "1", "42", ".", ",", ":", "-", "*", "_", "(", ")"]
_AROUND += ["[", "]", "<", ">", "/", "#", "`", '"', "'", "!", "?", "é", "—", "+", "=", "|", "@"]


def _literals(items: Any, out: set[str]) -> None:
    """Every run of literal characters in a parsed pattern, and a character of each class."""
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            out.add(run)
            run = ""
        if op is C.IN:
            out.update(chr(a) for o, a in av if o is C.LITERAL)
            out.update(chr(a[0]) + chr(a[1]) for o, a in av if o is C.RANGE)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _literals(av[2], out)
        elif op is C.SUBPATTERN:
            _literals(av[3], out)
        elif op is C.BRANCH:
            for branch in av[1]:
                _literals(branch, out)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _literals(av[1], out)
    if run:
        out.add(run)


def _pieces(pattern: re.Pattern[str]) -> list[str]:
    found: set[str] = set()
    _literals(_parser.parse(pattern.pattern, pattern.flags), found)
    return sorted(found) + _AROUND


def texts(pattern: re.Pattern[str], count: int, seed: int = 12) -> list[str]:
    """`count` texts of up to 14 pieces: the pattern's literals, and characters around them;
    one in ten has a piece repeated, as the runs a rewrite changes are made of."""
    pieces = _pieces(pattern)
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        if text and rnd.random() < 0.1:
            text = text.replace(c := rnd.choice(text), c * rnd.randint(2, 9))
        out.append(text)
    return out


def found(m: re.Match[str] | None) -> tuple[Any, ...] | None:
    return None if m is None else (m.span(), m.groups(), m.groupdict())


def searches(pattern: re.Pattern[str]) -> Callable[[str], list[Any]]:
    """What `pattern` finds searched from every position of a text."""
    return lambda text: [found(pattern.search(text, pos)) for pos in range(len(text) + 1)]


def made_for(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Texts that hold what `pattern` matches (hypothesis makes them from the pattern), among
    its pieces and others, so that most of them match, many in more than one place."""
    part = st.one_of(st.from_regex(pattern), st.sampled_from(_pieces(pattern)))
    return st.lists(part, max_size=5).map("".join)
