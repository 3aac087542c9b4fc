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

The anchors themselves are read in text/anchors.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, cached_property, lru_cache
from itertools import accumulate

from .anchors import SHIPPED, WORD, Literal, WordTest, anchors_json, known_anchors, word_test
from .prefilter import Lazy, boundary_first, literal_first

# Below this length a text is scanned for a stem before its sorted words are searched (a
# sentence's search then costs less; a document's scan would grow with its length).
_SCAN = 4096


class TextIndex:
    """A lower-cased text's words and line starts, to tell cheaply which anchors it lacks and
    on which lines the others are."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = frozenset(WORD.findall(text))

    @cached_property
    def _sorted(self) -> list[str]:
        return sorted(self.words)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *accumulate(len(line) + 1 for line in self.text.split("\n"))]

    def has_prefix(self, stem: str) -> bool:
        """Whether some word of the text starts with `stem`."""
        if len(self.text) < _SCAN and stem not in self.text:  # a quicker no, for a sentence
            return False
        i = bisect_left(self._sorted, stem)
        return i < len(self._sorted) and self._sorted[i].startswith(stem)

    def lines_with(self, literal: str) -> set[int]:
        """The (1-based) lines on which `literal` starts."""
        out, i = set(), self._flat.find(literal)
        while i >= 0:
            out.add(bisect_right(self._line_starts, i))
            i = self._flat.find(literal, i + 1)
        return out

    @cached_property
    def _flat(self) -> str:
        """The text with its line breaks read as spaces (same offsets): a literal of words
        wrapped over two lines ("for some⏎reason") is on the line it starts on."""
        return self.text.replace("\n", " ")


@lru_cache(maxsize=8)
def index(text: str) -> TextIndex:
    return TextIndex(text)


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
        self._by_word: dict[str, list[tuple[str, WordTest, list[int]]]] = {}
        self._by_stem: dict[str, list[tuple[str, WordTest, list[int]]]] = {}
        self._plain: list[tuple[str, list[int]]] = []
        for lit, alts in by_literal.items():
            test = word_test(lit)
            if test.words:
                key = max(test.words, key=lambda w: (len(w), w))
                self._by_word.setdefault(key, []).append((lit.text, test, alts))
            elif test.stems:
                key = max(test.stems, key=lambda w: (len(w), w))
                self._by_stem.setdefault(key, []).append((lit.text, test, alts))
            else:
                self._plain.append((lit.text, alts))
        self._words = frozenset(self._by_word)
        self._stem_lengths = sorted({len(stem) for stem in self._by_stem})

    def anchored(self, text: str) -> set[int]:
        """The alternatives that may match in the lower-cased line `text`: those whose anchors
        it holds, as `within` first reads them (a key word, a stem starting a word, a plain
        literal), and those with no anchor that match. A few set and substring tests: most
        short texts (the lines a document offers as titles) hold few anchors or none."""
        words = set(WORD.findall(text))
        found = {i for i in self._always if self.compiled(i).search(text)}
        for w in words:
            for _, _, alts in self._by_word.get(w, ()):
                found.update(alts)
            for n in self._stem_lengths:  # the stems `w` starts with
                for _, _, alts in self._by_stem.get(w[:n], ()):
                    found.update(alts)
        for lit, alts in self._plain:
            if lit in text:
                found.update(alts)
        return found

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
    return re.compile(literal_first(pattern))


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


# Gated searches an alternation makes before it compiles whole: a gated search of a sentence
# costs 10-40 µs, one with the whole regex 0.5-4 µs, compiling it 0.1-1 ms.
GATED_SEARCHES = 64


class Alternation:
    """The regex `p1|p2|…` searched in lower-case text through its `Phrases`: only the
    alternatives whose anchors the text holds are compiled, each once and shared with every
    table that has it (a whole alternation of fifty-odd phrases costs ~5-10 M instructions to
    compile, which a one-document run paid though few of its phrases can match there).
    Past `gated` searches (GATED_SEARCHES: a long document, or a batch) the whole alternation
    is compiled and searched instead, which is many times cheaper a search. The matches are
    those of the alternatives that matched, so only their spans are the alternation's."""

    def __init__(self, patterns: Sequence[str], gated: int = GATED_SEARCHES) -> None:
        self.table = Phrases(patterns)
        self.pattern = "|".join(patterns)  # the whole alternation (matched without flags)
        self._whole = Lazy(boundary_first(patterns))
        self._gated = gated

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Where the alternation's finditer(text) matches; between `pos` and `endpos`, or
        past the gated searches, with the whole alternation, compiled then. The text is
        indexed on its own, not through `index`, whose few places hold the documents'."""
        if pos or endpos is not None or self._gated <= 0:
            end = len(text) if endpos is None else endpos
            return self._whole.compiled.finditer(text, pos, end)
        self._gated -= 1
        live = self.table.within(TextIndex(text))
        found = live.candidates(1, text.count("\n") + 1)
        return (m for _, m in live.among(text, found))

    def sub(self, literal: str, text: str) -> str:
        """The alternation's sub(literal, text), for a replacement without escapes."""
        out, last = [], 0
        for m in self.finditer(text):
            out += [text[last : m.start()], literal]
            last = m.end()
        return "".join(out) + text[last:]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Where the alternation's search matches; between `pos` and `endpos` (where a look-
        behind sees before `pos`) with the whole alternation, compiled then."""
        if pos or endpos is not None or self._gated <= 0:
            return self._whole.compiled.search(text, pos, len(text) if endpos is None else endpos)
        return next(self.finditer(text), None)


def shipped_patterns() -> list[str]:
    """The patterns whose anchors ship: data/vague.toml's (its phrases and its context markers),
    data/lexicon.toml's and data/sections.toml's title patterns (gated here) and
    data/blame.toml's (a document-wide pre-check in rules/blame.py), read from the TOML files
    themselves, so that data/tables.json need not be written first."""
    from ..resources import parse_tables

    tables = parse_tables()
    vague = [p for e in tables["vague.toml"]["entry"] for p in e["patterns"]]
    context = [p for ps in tables["vague.toml"]["context"].values() for p in ps]
    lexicon = [p for ps in tables["lexicon.toml"].values() for p in ps]
    blame = [ph["pattern"] for ph in tables["blame.toml"]["phrases"]]
    titles = [p for kind in tables["sections.toml"]["kinds"].values() for p in kind["patterns"]]
    return vague + context + lexicon + blame + titles


def main() -> None:
    """Write data/anchors.json."""
    SHIPPED.write_text(anchors_json(shipped_patterns()), encoding="utf-8")
    print(f"wrote {SHIPPED}")


if __name__ == "__main__":
    main()
