"""Bugs the Markdown fuzzer (tests/test_fuzz_review.py) found, each kept as the smallest
document that showed it."""

from __future__ import annotations

from pmreview.parse import parse
from pmreview.pipeline import review_text
from pmreview.source import from_text


def _in_place(text: str) -> None:
    lines = text.split("\n")
    for f in review_text(text).findings:
        if f.quote and f.line == f.end_line:
            assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.quote, f


def test_a_time_in_a_table_row_is_placed_after_the_cell_marker() -> None:
    text = "| Time | Event |\n|---|---|\n" + "| 14:05 | the api |\n" * 3
    entries = parse(from_text(text)).timeline
    assert [(e.time.line, e.time.column) for e in entries if e.time] == [(3, 3), (4, 3), (5, 3)]
    _in_place(text)


def test_an_iso_time_with_its_zone_is_one_time() -> None:
    """ "2024-05-02T14:05:00Z" was read as a date and then "14:05:00" without its zone, so the
    timeline was said to have no timezone (PM303), with the quote three characters off."""
    text = "| Time | Event |\n|---|---|\n" + "| 2024-05-02T14:05:00Z | the api |\n" * 3
    (t, *_) = [e.time for e in parse(from_text(text)).timeline]
    assert t is not None and (t.raw, t.column, t.tz, t.date) == (
        "2024-05-02T14:05:00Z",
        3,
        "Z",
        "2024-05-02",
    )
    assert "PM303" not in {f.rule for f in review_text(text).findings}
    _in_place(text)
