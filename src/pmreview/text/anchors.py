"""The anchors of a regex: literals one of which every match contains, read from its text.

`anchors()` reads the pattern string itself rather than using `re._parser`, because parsing is
the very cost the gated phrase tables
(text/phrases.py) avoid. It is deliberately conservative: anything it does not
understand (inline flags, conditionals, backreferences) gives no anchor, which only means the
alternative is always tried. Reading is still about as slow as compiling the table (~8 ms for
data/vague.toml), so the anchors of the shipped tables' patterns ship too: data/anchors.json,
keyed by the pattern's text and so never wrong for an edited pattern (that one is read anew);
`python -m pmreview.text.phrases` writes it, and a test checks it is current.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, NamedTuple

from ..resources import DATA

_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(,\d*)?\}")


class Literal(NamedTuple):
    """A literal that a match contains; `word_start` when the pattern puts `\\b` right before
    it (so a match has a word boundary where the literal starts)."""

    text: str
    word_start: bool = False


class _Unknown(Exception):
    """A construct the anchor reader does not handle: the pattern gets no anchor."""


def _best(sets: list[tuple[Literal, ...]]) -> tuple[Literal, ...] | None:
    """The most selective set: one whose members all have a word test, then one with no
    member made of common words only (" the " is on most lines of any text: a pattern
    anchored on it was tried nearly everywhere), then the longest shortest member, then the
    fewest members."""
    good = [s for s in sets if s and min(len(m.text) for m in s) >= 3]
    if len(good) < 2:
        return good[0] if good else None
    return max(
        good,
        key=lambda s: (
            all(word_test(m) != WordTest(frozenset(), ()) for m in s),
            not any(_common(m.text) for m in s),
            min(len(m.text) for m in s),
            -len(s),
        ),
    )


# words on most lines of English prose
_COMMON = (
    "a an and are as at be by for from in is it its of on or our that the their this to was"
    " we were will with"
)


def _common(text: str) -> bool:
    """Whether a literal is made of common words only ("the ", " of ")."""
    return set(WORD.findall(text.lower())) <= _common_words()


@cache
def _common_words() -> frozenset[str]:
    return frozenset(WORD.findall(_COMMON))


def _escape_end(p: str, i: int) -> int:
    """Index just after the escape that starts at p[i] == '\\'."""
    kind = p[i + 1 : i + 2]
    if kind in ("x", "u", "U"):
        return i + 2 + {"x": 2, "u": 4, "U": 8}[kind]
    if kind == "N":
        return p.index("}", i) + 1
    if kind.isdigit():  # a backreference or an octal escape
        j = i + 1
        while j < len(p) and j < i + 4 and p[j].isdigit():
            j += 1
        return j
    return i + 2


def _structure(p: str, i: int = 0) -> Iterator[tuple[int, str]]:
    """(index, character) of the parentheses and bars of `p` from `i` on, escapes and
    character classes skipped."""
    j = i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c in "()|":
            yield j, c
        j += 1


def _group_end(p: str, i: int) -> int:
    """Index of the ')' closing the group that opens at p[i] == '('."""
    depth = 0
    for j, c in _structure(p, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
    raise _Unknown(p)


def _class_end(p: str, i: int) -> int:
    """Index just after the ']' closing the character class that opens at p[i] == '['."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":  # a ']' first is a literal
        j += 1
    while j < len(p):
        if p[j] == "\\":
            j += 2
        elif p[j] == "[":
            raise _Unknown(p)  # nested-set syntax (FutureWarning territory)
        elif p[j] == "]":
            return j + 1
        else:
            j += 1
    raise _Unknown(p)


def _split_top(p: str) -> list[str]:
    """The branches of `p` at nesting depth 0."""
    out, depth, start = [], 0, 0
    for j, c in _structure(p):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:  # a bar
            out.append(p[start:j])
            start = j + 1
    out.append(p[start:])
    return out


def _required(p: str, word_start: bool = False) -> tuple[Literal, ...] | None:
    """Literals one of which any match of `p` contains (None: no such set found).
    `word_start`: a match of `p` starts where a word does, if it starts with a letter."""
    branches = [_sequence(b, word_start) for b in _split_top(p)]
    if any(b is None for b in branches):
        return None
    return tuple(sorted({m for b in branches if b for m in b}))


def _sequence(p: str, boundary: bool) -> tuple[Literal, ...] | None:
    """The best required set of a branch without a top-level '|'. `boundary`: a word starts
    at p[0], if it is a letter."""
    sets: list[tuple[Literal, ...]] = []
    run: list[tuple[str, bool]] = []  # literal characters in a row, each with its boundary
    i = 0
    while i < len(p):
        c, start, at_boundary = p[i], i, boundary
        i, found, is_literal = _atom(p, i, at_boundary)
        i, quantified, optional = _quantifier(p, i)
        # does a word start at the next character (if it is a letter)?
        word = c.isalnum() or c == "_"
        boundary = not optional and (
            (is_literal and not word) or p.startswith(("\\b", "\\s", "\\W"), start)
        )
        if is_literal and not optional:
            run.append((c, at_boundary and word))
            if quantified:  # "ab+c" need not contain "abc"
                _end_run(run, sets)
            continue
        _end_run(run, sets)
        if found and not optional:
            sets.append(found)
    _end_run(run, sets)
    return _best(sets)


def _end_run(run: list[tuple[str, bool]], sets: list[tuple[Literal, ...]]) -> None:
    """A run of literal characters is one required literal, at a word start when its first
    character is."""
    if run:
        sets.append((Literal("".join(c for c, _ in run), run[0][1]),))
        run.clear()


def _atom(p: str, i: int, boundary: bool) -> tuple[int, tuple[Literal, ...] | None, bool]:
    """The atom at p[i]: the index just after it, the required set of a group, and whether
    it is a literal character. Escapes (\\b, \\w, \\., \\x27 …) and classes are no literals."""
    c = p[i]
    if c == "\\":
        return _escape_end(p, i), None, False
    if c == "[":
        return _class_end(p, i), None, False
    if c == "(":
        end = _group_end(p, i)
        body = _group_body(p[i + 1 : end], p)
        return end + 1, _required(body, boundary) if body else None, False
    if c in ")|":
        raise _Unknown(p)
    return i + 1, None, c not in ".^$"


def _group_body(body: str, p: str) -> str:
    """What a group of `p` must match, from the text between its parentheses: nothing for a
    lookaround (it consumes nothing), the pattern after a name or a (?: or (?> mark."""
    if body.startswith(("?=", "?!", "?<=", "?<!")):
        return ""
    if body.startswith("?P<"):
        return body[body.index(">") + 1 :]
    if body.startswith(("?:", "?>")):
        return body[2:]
    if body.startswith("?"):
        raise _Unknown(p)  # inline flags, conditionals, (?P=name) …
    return body


def _quantifier(p: str, i: int) -> tuple[int, bool, bool]:
    """The quantifier at p[i], if any: the index just after it (and its lazy or possessive
    mark), whether there is one, and whether it lets the atom be absent."""
    q = _QUANTIFIER.match(p, i) if i < len(p) and p[i] in "?*+{" else None
    if q is None:
        return i, False, False
    optional = q.group(0) in ("?", "*") or (q.group(0)[0] == "{" and q.group(1) in ("", "0"))
    i = q.end()
    if i < len(p) and p[i] in "?+":  # lazy or possessive
        i += 1
    return i, True, optional


def anchors(pattern: str) -> tuple[Literal, ...] | None:
    """Literals one of which every match of `pattern` contains, or None when none was found
    (no literal of three characters or more, or a construct this reader does not handle)."""
    try:
        return _required(pattern)
    except _Unknown:
        return None


SHIPPED = DATA / "anchors.json"


@cache
def _shipped() -> dict[str, Any]:
    try:
        with SHIPPED.open(encoding="utf-8") as f:
            found: dict[str, Any] = json.load(f)
    except (OSError, ValueError):
        return {}
    return found


def known_anchors(pattern: str) -> tuple[Literal, ...] | None:
    """`anchors(pattern)`, from data/anchors.json when it holds the pattern."""
    shipped = _shipped()
    if pattern not in shipped:
        return anchors(pattern)
    found = shipped[pattern]
    return None if found is None else tuple(Literal(text, start) for text, start in found)


def anchors_json(patterns: Sequence[str]) -> str:
    """The text of data/anchors.json for these patterns."""
    rows = [
        f"{json.dumps(p, ensure_ascii=False)}: {json.dumps(anchors(p), ensure_ascii=False)}"
        for p in sorted(set(patterns))
    ]
    return "{\n" + ",\n".join(rows) + "\n}\n"


WORD = re.compile(r"\w+")


class WordTest(NamedTuple):
    """What a text's words must include for a literal to occur in it: whole words, and words
    that begin with a stem."""

    words: frozenset[str]
    stems: tuple[str, ...]


def word_test(lit: Literal) -> WordTest:
    words, stems = set(), []
    for m in WORD.finditer(lit.text):
        if m.start() > 0 or lit.word_start:  # the word starts here
            if m.end() < len(lit.text):  # and ends here
                words.add(m.group(0))
            else:
                stems.append(m.group(0))
    return WordTest(frozenset(words), tuple(stems))
