"""--format codequality: GitLab's Code Quality report. Every issue has the fields GitLab
requires, and fingerprints are unique in the report and survive edits elsewhere in the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from _render_support import NIGHT

from pmreview.models import Report
from pmreview.pipeline import Options, review_document
from pmreview.render import render
from pmreview.source import from_text

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}

# The same vague words twice in one section, and once more in another.
TWICE = NIGHT.replace(
    "Some framework problem in the indexer. It was fixed.",
    "Some framework problem in the indexer. It was fixed.\n\nLater it broke again. It was fixed.",
)


def issues(report: Report) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(render(report, "codequality"))
    return data


def test_every_issue_has_gitlab_s_fields(review: Callable[..., Report]) -> None:
    report = review(NIGHT, "docs/night.md")
    findings = report.documents[0].findings
    data = issues(report)
    assert isinstance(data, list) and len(data) == len(findings) > 3
    for issue, f in zip(data, findings, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f.rule
        assert issue["severity"] == SEVERITY[f.severity] and issue["severity"] in GITLAB_SEVERITIES
        assert f.message in issue["description"]
        if f.quote:
            assert issue["description"].startswith(f"“{f.quote}”")
        assert issue["location"] == {
            "path": "docs/night.md",
            "lines": {"begin": f.line, "end": f.end_line},
        }
        assert isinstance(issue["fingerprint"], str) and len(issue["fingerprint"]) == 32


def _uncollapsed(text: str, path: str) -> Report:
    """The review without folding repeated words into one finding (as the accuracy bench
    runs it): the same rule on the same words is then several findings."""
    doc = review_document(from_text(text, path), Options(offline=True, collapse=False))
    return Report("default", [doc], [])


def test_fingerprints_are_unique_even_for_the_same_words() -> None:
    one, two = _uncollapsed(TWICE, "a/postmortem.md"), _uncollapsed(TWICE, "b/postmortem.md")
    data = issues(Report("default", one.documents + two.documents, []))
    same = [i for i in data if i["description"].startswith("“It was fixed”")]
    assert len(same) == 4  # twice in each of the two files
    prints = [i["fingerprint"] for i in data]
    assert len(set(prints)) == len(prints)


def _by_finding(report: Report) -> dict[tuple[str, str, str, int], str]:
    """(rule, quote, section, n-th such finding) -> fingerprint: no line number in the key."""
    out: dict[tuple[str, str, str, int], str] = {}
    findings = report.documents[0].findings
    for f, issue in zip(findings, issues(report), strict=True):
        n = sum(k[:3] == (f.rule, f.quote, f.section) for k in out)
        out[(f.rule, f.quote, f.section, n)] = issue["fingerprint"]
    return out


def test_fingerprints_survive_lines_added_above() -> None:
    before = _uncollapsed(TWICE, "pm.md")
    after = _uncollapsed(
        TWICE.replace("## Timeline\n", "Written by the search team.\n\n## Timeline\n"), "pm.md"
    )
    lines_before = [i["location"]["lines"]["begin"] for i in issues(before)]
    lines_after = [i["location"]["lines"]["begin"] for i in issues(after)]
    assert lines_after != lines_before  # the findings below the new lines moved
    assert _by_finding(before) == _by_finding(after)


def test_a_clean_postmortem_is_an_empty_array(review: Callable[..., Report], good_md: Any) -> None:
    assert render(review(good_md.read_text("utf-8")), "codequality") == "[]\n"
