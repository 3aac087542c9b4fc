"""Phrase tables as alternations that compile and try only the alternatives a text can match.

A table such as data/vague.toml is an alternation `p1|p2|…` of a hundred-odd regexes. Compiling
it costs milliseconds (Python's regex parser is pure Python) and scanning a text with it tries
every alternative at every position. But almost every alternative contains a literal that any
match must contain (its *anchor*: 'glitch' in `\\bglitch(?:es)?\\b`), and on a given document
most anchors are absent. `Phrases.within(index(text))` keeps the alternatives whose anchor
occurs in the text, with the lines it occurs on; `Live` then tries on a block only those, each
compiled once on first use, and merges their matches as the whole alternation would.

Measured on the corpus (bench numbers in the commit message): a cold review compiles about a
fifth of the vague table, and the per-document scan costs less. A regex built from the live
alternatives would be simpler to match with, but the set differs from document to document, so
a batch would recompile it for most documents.

`anchors()` reads the pattern string itself rather than using `re._parser`, because parsing is
the very cost this module avoids. It is deliberately conservative: anything it does not
understand (inline flags, conditionals, backreferences) gives no anchor, which only means the
alternative is always tried. Reading is still about as slow as compiling the table (~8 ms for
data/vague.toml), so the anchors of the shipped tables' patterns ship too: data/anchors.json,
keyed by the pattern's text and so never wrong for an edited pattern (that one is read anew);
`python -m pmreview.phrases` writes it, and a test checks it is current.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, cached_property, lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from .resources import DATA

_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(,\d*)?\}")


class Literal(NamedTuple):
    """A literal that a match contains; `word_start` when the pattern puts `\\b` right before
    it (so a match has a word boundary where the literal starts)."""

    text: str
    word_start: bool = False


class _Unknown(Exception):
    """A construct the anchor reader does not handle: the pattern gets no anchor."""


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _best(sets: list[tuple[Literal, ...]]) -> tuple[Literal, ...] | None:
    """The most selective set: one whose members all have a word test, then the longest
    shortest member, then the fewest members."""
    good = [s for s in sets if s and min(len(m.text) for m in s) >= 3]
    if len(good) < 2:
        return good[0] if good else None
    return max(
        good,
        key=lambda s: (
            all(_word_test(m) != _Test(frozenset(), ()) for m in s),
            min(len(m.text) for m in s),
            -len(s),
        ),
    )


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
    """The best required set of a branch without a top-level '|'."""
    sets: list[tuple[Literal, ...]] = []
    run: list[str] = []
    run_at_boundary = False

    def flush() -> None:
        if run:
            sets.append((Literal("".join(run), run_at_boundary),))
            run.clear()

    i = 0
    while i < len(p):
        c = p[i]
        found: tuple[Literal, ...] | None = None
        is_literal = False
        start = i
        was_boundary, boundary = boundary, False
        if c == "\\":
            i = _escape_end(p, i)  # \b, \w, \., \x27 …: not read as literals
        elif c == "[":
            i = _class_end(p, i)
        elif c == "(":
            end = _group_end(p, i)
            body = p[i + 1 : end]
            if body.startswith(("?=", "?!", "?<=", "?<!")):
                body = ""  # a lookaround consumes nothing
            elif body.startswith("?P<"):
                body = body[body.index(">") + 1 :]
            elif body.startswith(("?:", "?>")):
                body = body[2:]
            elif body.startswith("?"):
                raise _Unknown(p)  # inline flags, conditionals, (?P=name) …
            found = _required(body, was_boundary) if body else None
            i = end + 1
        elif c in ".^$":
            i += 1
        elif c in ")|":
            raise _Unknown(p)
        else:
            is_literal = True
            i += 1
        q = _QUANTIFIER.match(p, i) if i < len(p) and p[i] in "?*+{" else None
        optional = False
        if q:
            optional = q.group(0) in ("?", "*") or (
                q.group(0)[0] == "{" and q.group(1) in ("", "0")
            )
            i = q.end()
            if i < len(p) and p[i] in "?+":  # lazy or possessive
                i += 1
        # does a word start at the next character (if it is a letter)?
        word = c.isalnum() or c == "_"
        boundary = not optional and (
            (is_literal and not word) or p.startswith(("\\b", "\\s", "\\W"), start)
        )
        if is_literal and not optional:
            if not run:
                run_at_boundary = was_boundary and word
            run.append(c)
            if q:  # "ab+c" need not contain "abc"
                flush()
            continue
        flush()
        if found and not optional:
            sets.append(found)
    flush()
    return _best(sets)


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


_WORD = re.compile(r"\w+")


class TextIndex:
    """A lower-cased text's words and line starts, to tell cheaply which anchors it lacks and
    on which lines the others are."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = frozenset(_WORD.findall(text))

    @cached_property
    def _sorted(self) -> list[str]:
        return sorted(self.words)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *accumulate(len(line) + 1 for line in self.text.split("\n"))]

    def has_prefix(self, stem: str) -> bool:
        """Whether some word of the text starts with `stem`."""
        i = bisect_left(self._sorted, stem)
        return i < len(self._sorted) and self._sorted[i].startswith(stem)

    def lines_with(self, literal: str) -> set[int]:
        """The (1-based) lines on which `literal` occurs."""
        out, i = set(), self.text.find(literal)
        while i >= 0:
            out.add(bisect_right(self._line_starts, i))
            i = self.text.find(literal, i + 1)
        return out


@lru_cache(maxsize=8)
def index(text: str) -> TextIndex:
    return TextIndex(text)


class _Test(NamedTuple):
    """What a text's words must include for a literal to occur in it: whole words, and words
    that begin with a stem."""

    words: frozenset[str]
    stems: tuple[str, ...]


def _word_test(lit: Literal) -> _Test:
    words, stems = set(), []
    for m in _WORD.finditer(lit.text):
        if m.start() > 0 or lit.word_start:  # the word starts here
            if m.end() < len(lit.text):  # and ends here
                words.add(m.group(0))
            else:
                stems.append(m.group(0))
    return _Test(frozenset(words), tuple(stems))


class Phrases:
    """A phrase table: the regex `(?:p1)|(?:p2)|…`, matched against lower-cased text.

    `within(index)` gives the alternatives that can match in the indexed text, with the lines
    their anchors are on; `Live` matches those, each compiled on first use, with exactly the
    results of the whole alternation (at the leftmost position where some alternative
    matches, the first in table order wins; matches do not overlap). That holds for any part
    of the indexed text that starts at a word boundary (a word test trusts a `\\b` before an
    anchor), such as a block of whole lines or a sentence.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self.anchors = tuple(known_anchors(p) for p in self.patterns)
        self._always = tuple(i for i, found in enumerate(self.anchors) if found is None)
        by_literal: dict[Literal, list[int]] = {}
        for i, found in enumerate(self.anchors):
            for lit in found or ():
                by_literal.setdefault(lit, []).append(i)
        # each literal under its longest whole word, else its longest stem, else itself
        self._by_word: dict[str, list[tuple[str, _Test, list[int]]]] = {}
        self._by_stem: dict[str, list[tuple[str, _Test, list[int]]]] = {}
        self._plain: list[tuple[str, list[int]]] = []
        for lit, alts in by_literal.items():
            test = _word_test(lit)
            if test.words:
                key = max(test.words, key=lambda w: (len(w), w))
                self._by_word.setdefault(key, []).append((lit.text, test, alts))
            elif test.stems:
                key = max(test.stems, key=lambda w: (len(w), w))
                self._by_stem.setdefault(key, []).append((lit.text, test, alts))
            else:
                self._plain.append((lit.text, alts))
        self._words = frozenset(self._by_word)

    def within(self, idx: TextIndex) -> Live:
        lines: dict[int, set[int]] = {}
        found = [lit for w in idx.words & self._words for lit in self._by_word[w]]
        found += [
            lit for stem, lits in self._by_stem.items() if idx.has_prefix(stem) for lit in lits
        ]
        for text, test, alts in found:
            if test.words <= idx.words and all(idx.has_prefix(s) for s in test.stems):
                for n in idx.lines_with(text):
                    lines.setdefault(n, set()).update(alts)
        for text, alts in self._plain:
            for n in idx.lines_with(text):
                lines.setdefault(n, set()).update(alts)
        return Live(self, self._always, lines)

    def compiled(self, i: int) -> re.Pattern[str]:
        return _compile_one(self.patterns[i])


@cache
def _compile_one(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Live:
    """The alternatives of a table that can match in an indexed text, by line (see `Phrases`)."""

    def __init__(self, table: Phrases, always: tuple[int, ...], lines: dict[int, set[int]]):
        self.table = table
        self.always = always
        self.lines = lines

    def candidates(self, first: int, last: int) -> list[int]:
        """The alternatives that might match on lines first..last, in table order."""
        found = set(self.always)
        for n in range(first, last + 1):
            found.update(self.lines.get(n, ()))
        return sorted(found)

    def among(self, text: str, found: list[int]) -> Iterator[tuple[int, re.Match[str]]]:
        """(alternative, match) pairs in `text` (the indexed text's lines, or a part of them) of
        the alternatives `found` (`candidates` of those lines, or a subset, in table order), as
        the alternation of those alternatives would find them with finditer."""
        if not found:
            return
        if len(found) == 1:
            matches: Iterator[tuple[int, re.Match[str]]] = (
                (found[0], m) for m in self.table.compiled(found[0]).finditer(text)
            )
        else:
            matches = self._merge(found, text)
        for i, m in matches:
            if m.end() == m.start():  # finditer's rules for empty matches are not emulated
                raise ValueError(f"{self.table.patterns[i]!r} matches empty text")
            yield i, m

    def _merge(self, found: list[int], text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """Each alternative's next match from `pos`; the leftmost wins, the first in order on a
        tie, and the next search starts where it ends."""
        pats = [self.table.compiled(i) for i in found]
        nxt = [p.search(text) for p in pats]
        pos = 0
        while True:
            best: tuple[int, re.Match[str]] | None = None
            for k, m in enumerate(nxt):
                if m is not None and m.start() < pos:
                    m = nxt[k] = pats[k].search(text, pos)
                if m is not None and (best is None or m.start() < best[1].start()):
                    best = (found[k], m)
            if best is None:
                return
            yield best
            if best[1].end() == best[1].start():
                return  # an empty match: finditer raises ValueError on it
            pos = best[1].end()


def shipped_patterns() -> list[str]:
    """The patterns whose anchors ship: data/vague.toml's (gated here) and data/blame.toml's
    (a document-wide pre-check in rules/blame.py)."""
    from .resources import load_toml

    vague = [p for e in load_toml("vague.toml")["entry"] for p in e["patterns"]]
    return vague + [ph["pattern"] for ph in load_toml("blame.toml")["phrases"]]


def main() -> None:
    """Write data/anchors.json."""
    SHIPPED.write_text(anchors_json(shipped_patterns()), encoding="utf-8")
    print(f"wrote {SHIPPED}")


if __name__ == "__main__":
    main()
