"""The phrase tables' anchors are sound, and the gated matcher finds exactly what the whole
alternation finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.models import ASCII_LOWER
from pmreview.resources import load_toml
from pmreview.text import anchors as anchor_file
from pmreview.text.anchors import Literal, anchors, anchors_json, known_anchors
from pmreview.text.phrases import Alternation, Phrases, TextIndex, shipped_patterns
from pmreview.text.prefilter import boundary_first, literal_first

TABLES = {
    "vague": [p for e in load_toml("vague.toml")["entry"] for p in e["patterns"]],
    "context": [p for ps in load_toml("vague.toml")["context"].values() for p in ps],
    "lexicon": [p for ps in load_toml("lexicon.toml").values() for p in ps],
    "blame": [ph["pattern"] for ph in load_toml("blame.toml")["phrases"]],
    "titles": [p for k in load_toml("sections.toml")["kinds"].values() for p in k["patterns"]],
}
ALL = [p for ps in TABLES.values() for p in ps]
CORPUS = Path(__file__).parent / "data"


def test_anchor_reader_reads_what_it_should() -> None:
    assert anchors(r"\bglitch(?:es)?\b") == (Literal("glitch", True),)
    assert anchors(r"\bsome (?:\w+ )?(?:problem|issue)s?\b") == (Literal("some ", True),)
    assert anchors(r"\b(?:several|many) users") == (Literal(" users"),)
    assert anchors(r"\bab?cd") is None  # "a" and "cd": too short to be worth a test
    assert anchors(r"x?abcd+e") == (Literal("abcd"),)
    assert anchors(r"foo|\w+") is None  # one branch has no literal
    assert anchors(r"(?i:glitch)") is None  # inline flags: not read
    assert anchors(r"(?=glitch)\w+") is None  # a lookahead consumes nothing
    assert anchors(r"\x27quoted\x27") == (Literal("quoted"),)
    # a literal of common words only is on most lines: a rarer one is taken
    raised = r"\b(?:increas|rais)(?:ed|ing) the \w+ (?:value|limit)s?\b"
    assert anchors(raised) == (Literal("limit", True), Literal("value", True))


def test_shipped_anchors_are_current() -> None:
    """data/anchors.json is what `python -m pmreview.text.phrases` writes: the vague (phrases
    and context markers), lexicon, blame and section title tables' anchors."""
    assert set(shipped_patterns()) == set(ALL)
    expected = anchors_json(ALL)
    assert anchor_file.SHIPPED.read_text(encoding="utf-8") == expected, (
        "data/anchors.json is stale: run python -m pmreview.text.phrases"
    )


def test_anchors_of_a_pattern_not_shipped_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The shipped file is keyed by pattern text: an edited pattern is read anew, and a missing
    or broken file only costs time."""
    edited = r"\bglitchy thing\b"
    assert edited not in anchor_file._shipped()
    assert known_anchors(edited) == anchors(edited) == (Literal("glitchy thing", True),)
    shipped = TABLES["vague"][0]
    assert known_anchors(shipped) == anchors(shipped)
    for content in (None, "{not json"):
        broken = tmp_path / "anchors.json"
        if content is not None:
            broken.write_text(content, encoding="utf-8")
        monkeypatch.setattr(anchor_file, "SHIPPED", broken)
        anchor_file._shipped.cache_clear()
        try:
            assert anchor_file._shipped() == {}
            assert known_anchors(shipped) == anchors(shipped)
        finally:
            anchor_file._shipped.cache_clear()


def test_every_table_pattern_but_a_few_has_an_anchor() -> None:
    # the phrase tables, scanned through whole documents; the context markers (numbers, code,
    # settings) and the title patterns are tried on a sentence or a title, where one without
    # an anchor costs little
    phrases = [p for table in ("vague", "lexicon", "blame") for p in TABLES[table]]
    missing = [p for p in phrases if anchors(p) is None]
    assert len(missing) <= 5, missing


@pytest.mark.parametrize("pattern", ALL)
def test_table_patterns_cannot_match_empty_text(pattern: str) -> None:
    # the matcher does not emulate finditer's rules for empty matches (it raises instead)
    assert re.compile(pattern).match("") is None
    assert not re.compile(pattern).fullmatch("")


# 40 patterns a test, each drawn in every example: one test per pattern (over a thousand) grew
# hypothesis's chain of settings past Python's recursion limit under its CI profile (6.170)
CHUNKS = [ALL[i : i + 40] for i in range(0, len(ALL), 40)]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
@pytest.mark.parametrize("chunk", range(len(CHUNKS)))
def test_any_match_contains_its_anchor_and_passes_the_word_gate(
    chunk: int, data: st.DataObject
) -> None:
    for pattern in CHUNKS[chunk]:
        _check_anchor(pattern, data)


def _check_anchor(pattern: str, data: st.DataObject) -> None:
    found = anchors(pattern)
    ahead = "(?=" in pattern  # a lookahead past the match (context markers) needs text after it
    text = data.draw(st.from_regex(pattern, fullmatch=not ahead))
    lowered = text.translate(ASCII_LOWER)
    m = re.search(pattern, lowered) if ahead else re.fullmatch(pattern, lowered)
    if m is not None and "\n" not in lowered:
        assert Phrases([pattern]).anchored(lowered) == {0}, (pattern, text)
    if found is None or m is None:
        return
    assert any(lit.text in m.group() for lit in found), (pattern, text, found)
    live = Phrases([pattern]).within(TextIndex(lowered))
    assert live.candidates(1, lowered.count("\n") + 1) == [0], (pattern, text)


def _old(patterns: list[str], text: str) -> list[tuple[int, int]]:
    whole = re.compile("|".join(f"(?:{p})" for p in patterns))
    return [m.span() for m in whole.finditer(text)]


def _new(patterns: list[str], text: str) -> list[tuple[int, int]]:
    live = Phrases(patterns).within(TextIndex(text))
    return [m.span() for _, m in live.among(text, live.candidates(1, text.count("\n") + 1))]


def _texts() -> list[str]:
    texts = [p.read_text() for p in sorted(CORPUS.glob("*.md"))]
    return [t.translate(ASCII_LOWER) for t in texts]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_same_matches_as_the_whole_alternation_on_documents(table: str) -> None:
    patterns = TABLES[table]
    for text in _texts():
        for line in text.split("\n"):
            assert _new(patterns, line) == _old(patterns, line), line
        assert _new(patterns, text) == _old(patterns, text)


# phrases that overlap, share a start, or nest: where the order of alternatives decides
_WORDS = [
    "some",
    "problem",
    "issue",
    "a",
    "bug",
    "was",
    "due to",
    "an error",
    "human error",
    "glitch",
    "glitches",
    "several users",
    "many of our customers",
    "it was fixed",
    "fixed",
    "the issue was resolved",
    "misconfigured",
    "careless",
    "fault of the engineer",
    "timed out",
    "errors",
    "\n",
    ",",
    ".",
    "-",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join), st.sampled_from(sorted(TABLES))
)
def test_same_matches_as_the_whole_alternation_on_made_up_text(text: str, table: str) -> None:
    assert _new(TABLES[table], text) == _old(TABLES[table], text)


def test_the_leftmost_match_wins_and_the_first_alternative_there() -> None:
    patterns = [r"\bissue\b", r"\bsome issue\b", r"\bsome\b"]
    text = "there was some issue here, some more"
    live = Phrases(patterns).within(TextIndex(text))
    found = [(i, m.span()) for i, m in live.among(text, live.candidates(1, 1))]
    old = re.compile("|".join(f"(?:{p})" for p in patterns)).finditer(text)
    assert [m.span() for m in old] == [span for _, span in found]
    assert found == [(1, (10, 20)), (2, (27, 31))]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_anchored_holds_every_alternative_that_matches_a_line(table: str) -> None:
    phrases = Phrases(TABLES[table])
    compiled = [re.compile(p) for p in TABLES[table]]
    for text in _texts():
        for line in text.split("\n"):
            matching = {i for i, p in enumerate(compiled) if p.search(line)}
            assert matching <= phrases.anchored(line), line


def test_anchored_leaves_out_what_cannot_match() -> None:
    phrases = Phrases([r"\bglitch(?:es)?\b", r"\bhuman error\b", r"\bresolv\w*", r"^to ?dos?\b"])
    assert phrases.anchored("a glitch, resolving it") == {0, 2}
    assert phrases.anchored("human error") == {1}
    assert phrases.anchored("todo") == {3}
    assert phrases.anchored("nothing 123") == set()


def test_alternatives_whose_anchor_is_absent_are_not_tried() -> None:
    live = Phrases([r"\bglitch\b", r"\bhuman error\b"]).within(TextIndex("a glitch\nno\nhuman"))
    assert live.candidates(1, 1) == [0]
    assert live.candidates(2, 3) == []


@pytest.mark.parametrize("table", sorted(TABLES))
def test_an_alternation_finds_what_the_whole_one_finds(table: str) -> None:
    patterns = TABLES[table]
    whole, gated = re.compile("|".join(patterns)), Alternation(patterns, gated=10**9)
    for text in _texts():
        for line in [*text.split("\n"), text]:
            plain = whole.search(line)
            found = gated.search(line)
            assert (plain and plain.span()) == (found and found.span())
            assert [m.span() for m in gated.finditer(line)] == [
                m.span() for m in whole.finditer(line)
            ]
            assert gated.sub(" ", line) == whole.sub(" ", line)
        at = len(text) // 3
        plain = whole.search(text, at, 2 * at)
        found = gated.search(text, at, 2 * at)
        assert (plain and plain.span()) == (found and found.span())


def test_an_alternation_compiles_only_what_the_text_can_match() -> None:
    gated = Alternation([r"\bglitch(?:es)?\b", r"\bhuman error\b"])
    found = gated.search("no human error here")
    assert found is not None and found.span() == (3, 14)
    assert found.re.pattern == literal_first(r"\bhuman error\b")  # glitch was never tried
    assert gated.search("nothing to see") is None


def test_an_alternation_searches_whole_past_its_gated_searches() -> None:
    patterns = [r"\bglitch(?:es)?\b", r"\bhuman error\b"]
    gated = Alternation(patterns, gated=2)
    assert gated.search("nothing to see") is None
    found = gated.search("no human error here")
    assert found is not None and found.re.pattern == literal_first(r"\bhuman error\b")
    later = gated.search("no human error here")  # the third search: the whole alternation
    assert later is not None and later.span() == (3, 14)
    assert later.re.pattern == boundary_first(patterns)
    assert [m.span() for m in gated.finditer("glitches, human error")] == [(0, 8), (10, 21)]


def test_boundary_first_factors_runs_of_bounded_alternatives_only() -> None:
    assert boundary_first([r"\ba\b", r"\bb(?:c|d)", "x", r"\b[|]y"]) == (
        r"\b(?:a\b|b(?:c|d))|x|\b(?:[|]y)"
    )
    # a "|" outside its groups would take the boundary into the other alternative
    assert boundary_first([r"\ba|b", r"\b[]|]z"]) == r"\ba|b|\b(?:[]|]z)"
    assert boundary_first([r"\b\(|c", r"\b[^]|]|d"]) == r"\b\(|c|\b[^]|]|d"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_boundary_first_finds_what_the_plain_alternation_finds(table: str) -> None:
    plain = re.compile("|".join(TABLES[table]))
    factored = re.compile(boundary_first(TABLES[table]))
    for text in _texts():
        for line in [*text.split("\n"), text]:
            assert [m.span() for m in factored.finditer(line)] == [
                m.span() for m in plain.finditer(line)
            ], line


def test_literal_first_moves_the_words_after_the_boundary_before_it() -> None:
    assert literal_first(r"\bhuman error\b") == r"human error(?<=\bhuman error)\b"
    assert literal_first(r"\bglitch(?:es)?") == r"glitch(?<=\bglitch)(?:es)?"
    assert literal_first(r"\bbugs?\b") == r"bug(?<=\bbug)s?\b"  # "s?" keeps its "s"
    assert literal_first(r"\bx{2}") == r"\bx{2}"
    assert literal_first(r"\b(?:a|b)") == r"\b(?:a|b)"
    assert literal_first(r"(?<!\w)no") == r"(?<!\w)no"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_literal_first_finds_what_the_pattern_finds(table: str) -> None:
    pairs = [(re.compile(p), re.compile(literal_first(p))) for p in TABLES[table]]
    for text in _texts():
        for plain, moved in pairs:
            spans = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in moved.finditer(text)] == spans, plain.pattern
            assert [m.span() for m in moved.finditer(text, 7)] == [
                m.span() for m in plain.finditer(text, 7)
            ]
