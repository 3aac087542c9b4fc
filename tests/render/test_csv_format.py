"""--format csv: a header, then one row per document with its score, the status of every check
of the profile (in the profile's order) and its findings counted by severity."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from _render_support import NIGHT
from _support import DEFAULT_CHECK_IDS
from typer.testing import Result

from pmreview.checks.profile import load
from pmreview.models import Report
from pmreview.pipeline import Options, review_paths
from pmreview.render import render


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_two_documents_two_rows(review: Callable[..., Report], good_md: Path) -> None:
    night = review(NIGHT, "docs/night, 2024.md")  # a comma: the field is quoted
    good = review(good_md.read_text("utf-8"), "docs/good.md")
    report = Report("default", night.documents + good.documents, [])
    header, *body = rows(render(report, "csv"))
    assert header == ["path", "score", *DEFAULT_CHECK_IDS, "error", "warning", "info"]
    assert [r[0] for r in body] == ["docs/night, 2024.md", "docs/good.md"]
    for row, d in zip(body, report.documents, strict=True):
        assert len(row) == len(header)
        cells = dict(zip(header, row, strict=True))
        assert cells["score"] == str(d.score["overall"])
        assert all(cells[cid] == d.checks[cid].status for cid in DEFAULT_CHECK_IDS)
        for sev in ("error", "warning", "info"):
            assert cells[sev] == str(sum(f.severity == sev for f in d.findings))
    night_cells = dict(zip(header, body[0], strict=True))
    assert "fail" in night_cells.values() and int(night_cells["warning"]) > 0
    good_cells = dict(zip(header, body[1], strict=True))
    assert good_cells["score"] == "100" and good_cells["error"] == "0"
    assert {good_cells[cid] for cid in DEFAULT_CHECK_IDS} == {"pass"}


def test_the_columns_follow_the_report_s_profile(in_tmp: Path) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    report = review_paths(["night.md"], Options(profile="google-sre", offline=True))
    header = rows(render(report, "csv"))[0]
    assert header[2:-3] == list(load("google-sre").checks)
    assert "summary.duration" not in header


def test_unreadable_inputs_have_no_row(cli: Callable[..., Result], in_tmp: Path) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    result = cli("check", "--offline", "-f", "csv", "night.md", "missing.md")
    assert result.exit_code == 2
    assert [r[0] for r in rows(result.stdout)] == ["path", "night.md"]
    assert "missing.md" in result.stderr
