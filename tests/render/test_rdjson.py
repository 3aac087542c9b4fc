"""--format rdjson and rdjsonl: the Reviewdog Diagnostic Format. Valid against reviewdog's own
schemas (read from ../shared when present), and, without them, the fields reviewdog acts on:
severity, code, path and a 1-based range whose columns count UTF-8 bytes, end exclusive."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _render_support import NIGHT
from _support import SHARED
from jsonschema import Draft4Validator
from typer.testing import Result

from pmreview.models import Report
from pmreview.render import render
from pmreview.render.rdjson_format import byte_column

SCHEMAS = SHARED / "external" / "rdjson"
SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}

# Characters of two, three and four UTF-8 bytes before the flagged words on line 5.
ACCENTS = NIGHT.replace(
    "The root cause was a glitch in the indexer.",
    "Café → 🚀 team: the root cause was a glitch in the indexer.",
)


def _validator(name: str) -> Draft4Validator:
    path = SCHEMAS / name
    if not path.is_file():
        pytest.skip(f"reviewdog's schema {name} is not at {SCHEMAS} (../shared/external)")
    schema = json.loads(path.read_text("utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def assert_valid(validator: Draft4Validator, data: Any) -> None:
    errors = list(validator.iter_errors(data))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def rdjson(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report, "rdjson"))
    return data


def test_the_result_and_each_line_validate(
    review: Callable[..., Report], llm_report: Report
) -> None:
    result, line = _validator("DiagnosticResult.json"), _validator("Diagnostic.json")
    for report in (review(NIGHT), review(ACCENTS), llm_report):
        assert_valid(result, rdjson(report))
        for text in render(report, "rdjsonl").splitlines():
            assert_valid(line, json.loads(text))


def test_each_finding_is_a_diagnostic_with_its_rule_severity_and_path(
    review: Callable[..., Report],
) -> None:
    report = review(NIGHT, "docs/night.md")
    data = rdjson(report)
    assert data["source"] == {"name": "pmreview"}
    findings = report.documents[0].findings
    assert len(data["diagnostics"]) == len(findings) > 3
    assert {f.severity for f in findings} >= {"warning", "info"}
    for diag, f in zip(data["diagnostics"], findings, strict=True):
        assert diag["severity"] == SEVERITY[f.severity]
        assert diag["code"] == {"value": f.rule}
        assert diag["source"] == {"name": "pmreview"}
        assert diag["location"]["path"] == "docs/night.md"
        assert diag["message"].startswith(f.message)
        assert f"Question: {f.question}" in diag["message"]
        assert "suggestions" not in diag  # no finding carries a literal replacement


def test_ranges_are_1_based_utf8_byte_columns_with_an_exclusive_end(
    review: Callable[..., Report],
) -> None:
    report = review(ACCENTS)
    lines = ACCENTS.splitlines()
    quoted = 0
    for diag, f in zip(rdjson(report)["diagnostics"], report.documents[0].findings, strict=True):
        start, end = diag["location"]["range"]["start"], diag["location"]["range"]["end"]
        assert (start["line"], end["line"]) == (f.line, f.end_line)
        assert start["column"] >= 1 and end["column"] >= 1
        if f.quote and f.line == f.end_line:
            raw = lines[f.line - 1].encode("utf-8")
            assert raw[start["column"] - 1 : end["column"] - 1].decode("utf-8") == f.quote
            quoted += 1
    assert quoted > 3
    [(diag, glitch)] = [
        (d, f)
        for d, f in zip(rdjson(report)["diagnostics"], report.documents[0].findings, strict=True)
        if f.quote == "glitch"
    ]
    # é, → and 🚀 take 2, 3 and 4 bytes: 6 more than characters
    assert diag["location"]["range"]["start"]["column"] == glitch.column + 6


def test_byte_columns() -> None:
    assert byte_column("abc", 1) == 1
    assert byte_column("a𐐀b", 2) == 2 and byte_column("a𐐀b", 3) == 6  # reviewdog's example
    assert byte_column("é", 2) == 3  # the end of the line
    assert byte_column("", 3) == 3  # past the end: one byte per missing character


def test_rdjsonl_is_one_diagnostic_per_line(review: Callable[..., Report]) -> None:
    report = review(NIGHT)
    lines = render(report, "rdjsonl").splitlines()
    assert [json.loads(x) for x in lines] == rdjson(report)["diagnostics"]
    assert len(lines) == len(report.documents[0].findings)


def test_an_unreadable_input_is_an_error_on_its_path(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    result = cli("check", "--offline", "-f", "rdjsonl", "night.md", "missing.md")
    assert result.exit_code == 2
    diags = [json.loads(x) for x in result.stdout.splitlines()]
    assert {d["location"]["path"] for d in diags} == {"night.md", "missing.md"}
    [error] = [d for d in diags if d["location"]["path"] == "missing.md"]
    assert error["severity"] == "ERROR" and "range" not in error and "code" not in error
    assert "missing.md" in error["message"]
