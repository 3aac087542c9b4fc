"""Sentences: the spans of a block's sentences (for quoting evidence and finding words in
their sentence), and counting sentences in a short text without splitting at "e.g.", "v1.2",
"nginx.conf" (for the timeline's entry length)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Block
from .runs import RunSearch
from .times import without_dates_and_times
from .zones import ZONE_RE

_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "eg",
    "ie",
    "vs",
    "approx",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "inc",
    "ltd",
    "jr",
    "sr",
    "no",
    "fig",
    "cf",
    "al",
    "u.s",
    "u.k",
    "a.m",
    "p.m",
    "est",
    "ca",
    "resp",
    "incl",
    "dept",
    "ver",
    "v",
}
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]{2,}")
# the word a text ends with (where a run of them starts: searched from every start in it, a
# long run would be read again from each)
_LAST_WORD = re.compile(r"(?<![\w.])([\w.]++)$")
_AFTER_MARKS = r"[\"')\]*_]*\s+(?=[\"'(*_\[]*[A-Z0-9])"
# [.!?]+AFTER_MARKS, reading each run of marks once (from every mark of a run [.!?]+ reads it
# to its end)
_BOUNDARY = RunSearch(
    rest=re.compile(rf"(?<![.!?])[.!?]++{_AFTER_MARKS}"),
    runs=((re.compile(r"[.!?](?<=[.!?][.!?])"), re.compile(r"[.!?]*")),),
    alternative=re.compile(rf"[.!?]+{_AFTER_MARKS}"),
)
# An HTML tag; or, with `open` set, a "<" not closed on its line, and the rest of the line up
# to where a tag could end. Matched so, that rest is passed over once: searched for from each
# "<" of a long unclosed run, a tag alone would be looked for to the run's end from each.
TAG = re.compile(r"<[^>\n]*+(?:>|(?P<open>))")
_TARGET = re.compile(r"\]\([^)\s]*+(?:\)|(?P<open>))")  # a link's target, or an unclosed "]("
# (pattern, a string every match holds)
_MASKS = (
    (re.compile(r"`[^`\n]*`"), "`"),
    (_TARGET, "]("),
    (TAG, "<"),
    (re.compile(r"https?://\S+"), "://"),
)


def closed(m: re.Match[str]) -> bool:
    """Whether a match of TAG (or a pattern with its `open` group) is no unclosed run."""
    return m.groupdict().get("open") is None


def without_tags(text: str, mark: str = "") -> str:
    """`text` with `mark` for each closed HTML tag (an unclosed "<" stays as it is)."""
    return TAG.sub(lambda m: mark if closed(m) else m.group(0), text)


def _xs(m: re.Match[str]) -> str:
    return "x" * len(m.group(0)) if closed(m) else m.group(0)


def masked(text: str) -> str:
    """Code, link targets, HTML and URLs replaced by "x"s of the same length."""
    for pattern, needed in _MASKS:
        if needed in text:
            text = pattern.sub(_xs, text)
    return text


def sentence_starts(text: str, begin: int = 0) -> list[int]:
    """Offsets where sentences start in text[begin:] (not at "e.g.", "v1.2", "nginx.conf")."""
    blank = masked(text)
    starts = [begin + (len(text[begin:]) - len(text[begin:].lstrip()))]
    for m in _BOUNDARY.finditer(blank, begin):
        word = _LAST_WORD.search(blank[begin : m.start()])
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        if blank[m.end() :].strip():
            starts.append(m.end())
    ends = starts[1:] + [len(text)]
    return [s for s, e in zip(starts, ends, strict=True) if _is_sentence(blank[s:e])]


def told_sentences(text: str) -> int:
    """How many sentences an entry tells: a terse fragment of three words or fewer after the
    first ("suspended it. no change", "Still down.") adds to the sentence before it, as a
    note's shorthand, and is none of its own ("`df -h` showed `/` at 100%." is one)."""
    spans = _sentences(text)
    return len(spans[:1]) + sum(not is_fragment(text[s:e]) for s, e in spans[1:])


def is_fragment(text: str) -> bool:
    """Three words or fewer with no subject of their own ("We are investigating." has one)."""
    words = re.findall(r"[^\s.!?*_]+", without_dates_and_times(text))
    return len(words) <= 3 and not (words and _SUBJECT.fullmatch(words[0]))


_SUBJECT = re.compile(r"(?i)i|we|you|he|she|it|they|this|that|there")


def _is_sentence(text: str) -> bool:
    """Two words or more once times, dates, zones and labels are taken out."""
    text = without_dates_and_times(text)
    words = [w for w in _WORD.findall(text) if not ZONE_RE.fullmatch(w)]
    return len(words) >= 2


_SENTENCE_END = re.compile(
    # not after "e.g", "i.e" or a title before a name ("our mentor, Mr. Osei"): looked behind
    # from after the stop, so that re tries the look-behinds only at a stop, not everywhere
    r"[.!?](?<!\b[a-z]\.[a-z][.!?])(?<!\be\.g[.!?])(?<!\bi\.e[.!?])(?<!\bMr[.!?])"
    r"(?<!\bMrs[.!?])(?<!\bMs[.!?])(?<!\bDr[.!?])(?=\s+[A-Z0-9*_(\"'`\[]|\s*$)"
    # nor after a name's initial: "(R. Haddad)", "J. Marchetti and the SIRT lead"
    r"(?!(?<=\b[A-Z]\.)\s+[A-Z][\w'’-]+(?:[),;.!?:]|\s+(?:and|or|&)\s))"
    r"|\n(?=\s*(?:[-*+•]|\d+[.)])\s)|\n\s*\n"
)


def sentences(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a block's text."""
    return list(_sentences(block.text))


# Room for every block of the largest document a review reads (512 KB of one-line items is
# ~17,000 blocks): past the cache the passes that ask split each block again.
# a stop before a lower-case word, as chat-like writing ends its sentences ("… typed it wrong
# lol. later i tried www myself"); not after "e.g.", "etc.", "vs.", "a.m."
_LOWER_END = re.compile(
    r"[.!?](?<!\b[a-z]\.[a-z][.!?])(?<!\be\.g[.!?])(?<!\bi\.e[.!?])(?<!\betc[.!?])"
    r"(?<!\bvs[.!?])(?<!\bapprox[.!?])(?<!\bno[.!?])(?=\s+[a-z])"
)
_ANY_END = re.compile(f"{_LOWER_END.pattern}|{_SENTENCE_END.pattern}")


@lru_cache(maxsize=32768)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """A block written in lower case (two stops or more before a lower-case word) also ends
    its sentences there."""
    lower = len(_LOWER_END.findall(text, 0, 4000)) >= 2
    out, start = [], 0
    for m in (_ANY_END if lower else _SENTENCE_END).finditer(text):
        end = m.end() if m.group(0) in ".!?" else m.start()
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return tuple(out)
