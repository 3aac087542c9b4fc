"""The specificity score: the documented formula, deterministic, shown in every format, and
raised by a rewrite that fixes findings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pmreview.models import Check, Finding
from pmreview.pipeline import Options, review_text
from pmreview.score import CHECK_WEIGHT, FINDING_PENALTY, PENALTY_CAP, score

OFFLINE = Options(offline=True)


def _finding(severity: str, line: int = 1, category: str = "vague") -> Finding:
    return Finding("PM101", "vague-cause", category, severity, "m", line, 1, line, 5)  # type: ignore[arg-type]


def test_the_worked_example_of_the_formula() -> None:
    # eight error checks (weight 3 each), four pass: 12 of 24, as FORMULA's example says
    checks = {
        f"summary.c{i}": Check(f"summary.c{i}", "pass" if i < 4 else "fail", "") for i in range(8)
    }
    severities = dict.fromkeys(checks, "error")
    result = score(checks, severities, [_finding("warning"), _finding("warning")])
    assert result.sections == {"summary": 50}  # no document: no finding is placed in it...
    assert result.overall == 50 - 2 * FINDING_PENALTY["warning"] == 44  # ...they count overall


def test_skipped_checks_count_for_nothing_and_structure_findings_are_not_counted_twice() -> None:
    checks = {
        "a.x": Check("a.x", "pass", ""),
        "a.y": Check("a.y", "skip", ""),
        "a.z": Check("a.z", "fail", ""),
    }
    severities = {"a.x": "warning", "a.y": "error", "a.z": "warning"}
    assert score(checks, severities, [_finding("error", category="structure")]).overall == 50


def test_the_penalty_is_capped_and_the_score_never_negative() -> None:
    checks = {"a.x": Check("a.x", "pass", "")}
    many = [_finding("error")] * 40
    assert score(checks, {"a.x": "error"}, many).overall == 100 - PENALTY_CAP
    assert score({"a.x": Check("a.x", "fail", "")}, {"a.x": "error"}, many).overall == 0


def test_same_document_same_score(vague_md: Path) -> None:
    text = vague_md.read_text()
    first, second = review_text(text, opts=OFFLINE), review_text(text, opts=OFFLINE)
    assert first.score == second.score
    assert 0 <= first.score["overall"] <= 100
    assert set(first.score["sections"]) >= {"summary", "timeline", "root_cause", "measures"}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("because of a glitch", "because the session cache (redis-sessions) ran out of memory"),
        ("Several users\ncould not sign in.", "12% of users (about 3,400) could not sign in."),
        ("- Improve monitoring", "- Add an alert on the login 5xx rate above 1% for 5 minutes"),
    ],
)
def test_a_rewrite_that_fixes_a_finding_raises_the_score(
    vague_md: Path, before: str, after: str
) -> None:
    text = vague_md.read_text()
    assert before in text
    old, new = (
        review_text(text, opts=OFFLINE),
        review_text(text.replace(before, after), opts=OFFLINE),
    )
    assert len(new.findings) < len(old.findings)
    assert new.score["overall"] > old.score["overall"]


def test_a_finding_costs_its_section_and_not_the_others(vague_md: Path) -> None:
    text = vague_md.read_text()
    fixed = text.replace("because of a glitch", "because the session cache ran out of memory")
    old, new = review_text(text, opts=OFFLINE).score, review_text(fixed, opts=OFFLINE).score
    assert new["sections"]["summary"] > old["sections"]["summary"]
    assert new["sections"]["measures"] == old["sections"]["measures"]


def test_ignored_findings_do_not_count(vague_md: Path) -> None:
    text = vague_md.read_text()
    plain = review_text(text, opts=OFFLINE)
    ignoring = review_text(text, opts=Options(offline=True, ignore=["PM1"]))
    assert ignoring.score["overall"] > plain.score["overall"]


def test_the_score_is_in_every_format(cli: Callable[..., Result], vague_md: Path) -> None:
    result = cli("check", "--format", "json", "--offline", str(vague_md))
    overall = json.loads(result.stdout)["documents"][0]["score"]["overall"]
    expected = {
        "text": f"Specificity score {overall}/100 (summary ",
        "markdown": f"score {overall}/100",
        "github": f"Specificity score {overall}/100",
        "html": f"<b>{overall}/100</b>specificity score",
    }
    for fmt, needle in expected.items():
        assert needle in cli("check", "--format", fmt, "--offline", str(vague_md)).stdout, fmt
    sarif = json.loads(cli("check", "--format", "sarif", "--offline", str(vague_md)).stdout)
    assert sarif["runs"][0]["properties"]["scores"][0]["overall"] == overall


def test_the_formula_documentation_names_the_weights_used() -> None:
    from pmreview.score import FORMULA

    numbers = {int(n) for n in re.findall(r"\b\d+\b", FORMULA)}
    assert set(CHECK_WEIGHT.values()) | set(FINDING_PENALTY.values()) | {PENALTY_CAP} <= numbers
