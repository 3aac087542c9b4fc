"""SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).

One run; `tool.driver.rules` describes every rule, check and LLM rule id (with help text), so a
viewer can explain a result without pmreview. Each result carries a `partialFingerprints`
entry computed from the rule, the quoted words and how many times the same rule already
flagged the same words earlier in the file -- never the line number -- so an alert keeps its
identity when lines are added or removed elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..convert import note
from ..models import DocumentReview, Finding, Report
from ._common import cut_note
from .catalog import RuleDoc, catalog

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pmreview.dev/"
FINGERPRINT_KEY = "pmreview/v1"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_WORD = re.compile(r"\w+")


def _rule(r: RuleDoc) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.short},
        "fullDescription": {"text": r.full},
        "help": {"text": r.help_text, "markdown": r.help_markdown},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {"category": r.category, "tags": ["postmortem", r.category]},
    }


def artifact_uri(path: str) -> str:
    """A relative path stays relative (GitHub resolves it against the repository root); an
    absolute one becomes a file: URI."""
    p = path.replace("\\", "/")
    if p.startswith("/"):
        return "file://" + quote(p)
    return quote(str(PurePosixPath(p)) if p not in ("", ".") else p)


def words(text: str) -> str:
    """The quoted words, normalised: case, punctuation and line breaks do not matter."""
    return " ".join(_WORD.findall(text.lower()))


def fingerprints(findings: list[Finding]) -> list[str]:
    """A fingerprint per finding (same order): rule + quoted words (or, for a finding about
    something missing, its section title) + the occurrence index of that pair in the file."""
    seen: dict[tuple[str, str], int] = {}
    order = sorted(range(len(findings)), key=lambda i: (findings[i].line, findings[i].column))
    out = [""] * len(findings)
    for i in order:
        f = findings[i]
        what = f"q:{words(f.quote)}" if f.quote.strip() else f"s:{words(f.section)}"
        n = seen.get((f.rule, what), 0)
        seen[(f.rule, what)] = n + 1
        digest = hashlib.sha256(f"{f.rule}\0{what}\0{n}".encode()).hexdigest()
        out[i] = f"{digest[:32]}:{n + 1}"
    return out


def _message(f: Finding, d: DocumentReview) -> dict[str, str]:
    text = f.message
    md = f.message
    if d.converted_from:
        text += f"\nNote: {note(d.converted_from, d.path)}."
        md += f"\n\n_Note: {note(d.converted_from, d.path)}._"
    if f.question:
        text += f"\nQuestion: {f.question}"
        md += f"\n\n_{f.question}_"
    if f.suggestion:
        text += f"\nSuggestion: {f.suggestion}"
        md += f"\n\nSuggestion: {f.suggestion}"
    return {"text": text, "markdown": md}


def _result(f: Finding, d: DocumentReview, index: int, fingerprint: str) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(1, f.line),
        "startColumn": max(1, f.column),
        "endLine": max(f.line, f.end_line),
        "endColumn": max(1, f.end_column),
    }
    if region["endLine"] == region["startLine"]:
        region["endColumn"] = max(region["endColumn"], region["startColumn"])
    if f.quote:
        region["snippet"] = {"text": f.quote}
    return {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVEL[f.severity],
        "message": _message(f, d),
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "section": f.section,
            "category": f.category,
            "source": f.source,
            **({"converted_from": d.converted_from} if d.converted_from else {}),
        },
    }


def _driver(rules: list[RuleDoc]) -> dict[str, Any]:
    """The tool, with every rule the report can mention."""
    return {
        "name": "pmreview",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(r) for r in rules],
    }


def _invocation(report: Report) -> dict[str, Any]:
    """Whether the run succeeded, and an error notification per input that failed."""
    return {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": e["message"]},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e["path"])}}}
                ],
            }
            for e in report.errors
        ]
        + [_cut_notification(d) for d in report.documents if d.whole_bytes is not None],
    }


def _cut_notification(d: DocumentReview) -> dict[str, Any]:
    """A file reviewed only in part (source.reviewed_part) says so."""
    location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(d.path)}}}
    return {"level": "warning", "message": {"text": cut_note(d) or ""}, "locations": [location]}


def _results(report: Report, rules: list[RuleDoc]) -> list[dict[str, Any]]:
    """A result per finding of every document, each with its rule's index in `rules`."""
    index = {r.id: i for i, r in enumerate(rules)}
    return [
        _result(f, d, index[f.rule], fp)
        for d in report.documents
        for f, fp in zip(d.findings, fingerprints(d.findings), strict=True)
    ]


def sarif(report: Report) -> dict[str, Any]:
    rules = catalog(report)
    run: dict[str, Any] = {
        "tool": {"driver": _driver(rules)},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": _results(report, rules),
        "properties": {
            "profile": report.profile,
            "scores": [{"path": d.path, **d.score} for d in report.documents],
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, **_: object) -> str:
    return json.dumps(sarif(report), indent=2, ensure_ascii=False) + "\n"
