"""--format sarif: valid SARIF 2.1.0 (the official schema), every rule described, 1-based
regions, and fingerprints that survive edits elsewhere in the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _render_support import NIGHT
from _support import SHARED
from jsonschema import Draft4Validator, FormatChecker
from typer.testing import Result

from pmreview import catalog
from pmreview.models import DocumentReview, Finding, Report
from pmreview.render import render
from pmreview.render.sarif_format import FINGERPRINT_KEY, fingerprints

SCHEMA = SHARED / "external" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF 2.1.0 schema is not at {SCHEMA} (../shared/external)")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=FormatChecker())


def sarif(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report, "sarif"))
    return data


def assert_valid(validator: Draft4Validator, data: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_the_example_validates(validator: Draft4Validator, review: Callable[..., Report]) -> None:
    assert_valid(validator, sarif(review(NIGHT)))


def test_a_review_with_llm_findings_validates(
    validator: Draft4Validator, llm_report: Report
) -> None:
    data = sarif(llm_report)
    assert_valid(validator, data)
    assert any(r["ruleId"] == "summary.root_cause" for r in data["runs"][0]["results"])


def test_the_cli_writes_sarif_for_files_and_unreadable_inputs(
    validator: Draft4Validator, cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    result = cli("check", "--offline", "--format", "sarif", "night.md", "missing.md")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert_valid(validator, data)
    run = data["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md"
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    } == {"night.md"}


def test_the_driver_describes_every_rule_check_and_llm_rule(review: Callable[..., Report]) -> None:
    driver = sarif(review(NIGHT))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "pmreview" and driver["version"] and driver["informationUri"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == catalog.load("default").ids()
    for rule in driver["rules"]:
        assert rule["name"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    pm101 = driver["rules"][ids.index("PM101")]
    for part in ("What it does", "Why it matters", "Example", "Use instead"):
        assert part in pm101["help"]["markdown"]
    check = driver["rules"][ids.index("summary.duration")]
    for part in ("How to fix it", "Why it matters", "Where this practice comes from"):
        assert part in check["help"]["markdown"] and part in check["help"]["text"]
    assert check["defaultConfiguration"]["level"] == "error"
    pm304 = driver["rules"][ids.index("PM304")]["help"]
    assert "max_sentences (integer, default 2)" in pm304["text"]
    assert "`max_sentences` (integer, default `2`)" in pm304["markdown"]
    pm901 = driver["rules"][ids.index("PM901")]["help"]["markdown"]
    assert "## Why it matters" in pm901 and "(https://sre.google/" in pm901


def test_results_point_at_their_rule_and_words(review: Callable[..., Report]) -> None:
    report = review(NIGHT)
    run = sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = report.documents[0].findings
    assert len(run["results"]) == len(findings) > 3
    level = {"error": "error", "warning": "warning", "info": "note"}
    for result, f in zip(run["results"], findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        assert result["level"] == level[f.severity]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        assert (region["endLine"], region["endColumn"]) == (f.end_line, f.end_column)
        assert min(region["startLine"], region["startColumn"]) >= 1
        if f.quote:
            assert region["snippet"]["text"] == f.quote
            line = NIGHT.splitlines()[f.line - 1]
            assert line[f.column - 1 : f.end_column - 1] == f.quote  # 1-based, end exclusive
        assert FINGERPRINT_KEY in result["partialFingerprints"]


def _prints(report: Report) -> dict[tuple[str, str, str], str]:
    """(rule, quoted words, section) -> fingerprint; the lines are not part of the key."""
    out = {}
    for r in sarif(report)["runs"][0]["results"]:
        region = r["locations"][0]["physicalLocation"]["region"]
        key = (r["ruleId"], region.get("snippet", {}).get("text", ""), r["properties"]["section"])
        assert key not in out
        out[key] = r["partialFingerprints"][FINGERPRINT_KEY]
    return out


def test_fingerprints_do_not_change_when_lines_are_added_above(
    review: Callable[..., Report],
) -> None:
    before = review(NIGHT)
    moved = NIGHT.replace(
        "## Issue Summary\n\n",
        "## Issue Summary\n\nWritten by the search team.\nReviewed on Monday.\n\n",
    )
    after = review(moved)
    lines_before = {f.rule: f.line for f in before.documents[0].findings}
    lines_after = {f.rule: f.line for f in after.documents[0].findings}
    assert all(lines_after[r] == lines_before[r] + 3 for r in lines_before if lines_before[r] > 4)
    assert _prints(before) == _prints(after)


def test_fingerprints_do_not_change_when_a_line_is_edited_elsewhere(
    review: Callable[..., Report],
) -> None:
    edited = NIGHT.replace("Deploy of indexer 7.1 finished.", "Deploy of indexer 7.1 done.")
    assert _prints(review(NIGHT)) == _prints(review(edited))


def test_fingerprints_change_with_the_quoted_words(review: Callable[..., Report]) -> None:
    before = _prints(review(NIGHT))
    after = _prints(review(NIGHT.replace("Some framework problem", "Some database problem")))
    old = before[("PM101", "Some framework problem", "Root cause and resolution")]
    new = after[("PM101", "Some database problem", "Root cause and resolution")]
    assert old != new
    assert set(before.values()) - {old} == set(after.values()) - {new}


def _finding(rule: str, line: int, quote: str, section: str = "Summary") -> Finding:
    return Finding(
        rule, "n", "vague", "warning", "m", line, 1, line, 1 + len(quote), quote, section=section
    )


def test_the_same_words_twice_get_two_fingerprints_that_survive_moves() -> None:
    first, second = _finding("PM101", 5, "a glitch"), _finding("PM101", 9, "A  Glitch.")
    a, b = fingerprints([first, second])
    assert a != b
    # normalised words: case, spacing and punctuation do not matter; lines do not either
    assert fingerprints([_finding("PM101", 40, "A glitch"), _finding("PM101", 90, "a glitch")]) == [
        a,
        b,
    ]
    # the occurrence index follows the position in the file, not the list order
    assert fingerprints([second, first]) == [b, a]
    # another rule on the same words is another alert
    assert fingerprints([_finding("PM102", 5, "a glitch")])[0] != a


def test_findings_about_something_missing_are_keyed_by_section() -> None:
    a = Finding("summary.duration", "n", "structure", "error", "m", 3, 1, 3, 10, section="Summary")
    moved = Finding(
        "summary.duration", "n", "structure", "error", "m", 7, 1, 7, 12, section="Summary"
    )
    other = Finding(
        "summary.duration", "n", "structure", "error", "m", 3, 1, 3, 10, section="Intro"
    )
    assert fingerprints([a]) == fingerprints([moved]) != fingerprints([other])


def test_a_custom_profile_s_checks_are_described_from_the_report(
    validator: Draft4Validator,
) -> None:
    doc = DocumentReview(
        "pm.md",
        {},
        [Finding("team.owner", "team-owner", "structure", "error", "No owner.", 2, 1, 2, 5)],
    )
    doc.checks = {}
    report = Report(profile="Our team's profile", documents=[doc], errors=[])
    data = sarif(report)
    assert_valid(validator, data)
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert rules[data["runs"][0]["results"][0]["ruleIndex"]]["id"] == "team.owner"


def test_sarif_is_deterministic(review: Callable[..., Report]) -> None:
    assert render(review(NIGHT), "sarif") == render(review(NIGHT), "sarif")
