"""A file larger than REVIEW_BYTES is reviewed on its first lines only, and every report that
people read says so (source.reviewed_part)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pmreview.models import Report
from pmreview.pipeline import Options, review_paths, review_text
from pmreview.render import render
from pmreview.source import REVIEW_BYTES, from_text, reviewed_part

HEAD = "# Postmortem\n\n## Summary\n\nThe API failed from 10:00 to 11:00 UTC.\n\n"
LINE = "The cache was cold again and the team watched the queue grow.\n"


def _large(extra: int = 4096) -> str:
    return HEAD + LINE * ((REVIEW_BYTES + extra) // len(LINE))


def test_a_file_within_the_limit_is_reviewed_whole() -> None:
    source = from_text(HEAD + LINE * 10)
    assert reviewed_part(source) is source


def test_a_larger_file_is_cut_at_the_last_line_end_within_the_limit() -> None:
    text = _large()
    part = reviewed_part(from_text(text))
    assert part.whole_bytes == len(text.encode("utf-8"))
    assert len(part.text.encode("utf-8")) <= REVIEW_BYTES
    assert text.startswith(part.text + "\n")
    assert part.lines[-1] == LINE.rstrip("\n")


def test_a_long_line_is_left_out_whole_unless_it_is_the_first() -> None:
    long = "é" * REVIEW_BYTES + "a"  # two bytes each: the limit falls inside the line
    assert reviewed_part(from_text(HEAD + long)).text == HEAD[:-1]
    first = reviewed_part(from_text(long)).text  # cut at the limit, never inside a character
    assert first == "é" * (REVIEW_BYTES // 2)


def test_every_report_people_read_says_which_lines_were_reviewed(
    tmp_path: Path, report_validator: Any
) -> None:
    big, small = tmp_path / "big.md", tmp_path / "small.md"
    big.write_text(_large(), encoding="utf-8")
    small.write_text(HEAD + LINE, encoding="utf-8")
    report = review_paths([str(big), str(small)], Options(offline=True))
    last = len(reviewed_part(from_text(_large())).lines)
    said = f"only its lines 1-{last} (those within its first {REVIEW_BYTES // 1024} KB)"
    for fmt in ("text", "markdown", "html", "github", "sarif"):
        out = render(report, fmt)
        assert said in out and out.count("only its lines") == 1, fmt
    data = json.loads(render(report, "json"))
    assert not list(report_validator.iter_errors(data))
    part = data["documents"][0]["reviewed_part"]
    assert part["last_line"] == last and part["file_bytes"] == big.stat().st_size
    assert "reviewed_part" not in data["documents"][1]
    assert data["errors"] == []
    assert max(f["line"] for f in data["documents"][0]["findings"]) <= last


def test_the_api_reviews_a_string_as_much_as_a_file() -> None:
    text = _large()
    review = review_text(text, "big.md", Options(offline=True))
    part = reviewed_part(from_text(text))
    assert review.source is not None and review.source.lines == part.lines
    assert review.whole_bytes == len(text.encode("utf-8"))
    assert max(f.line for f in review.findings) <= len(part.lines)
    data = json.loads(render(Report(profile="default", documents=[review], errors=[]), "json"))
    assert data["documents"][0]["reviewed_part"]["last_line"] == len(part.lines)
    assert review_text(HEAD + LINE, opts=Options(offline=True)).whole_bytes is None
