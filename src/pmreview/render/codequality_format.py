"""GitLab's Code Quality report (`artifacts: reports: codequality`): a JSON array of issues,
each with a description, the rule id as `check_name`, a fingerprint, a severity and the lines.

GitLab tells new findings from old ones by fingerprint, so each one is the SARIF fingerprint
(rule, quoted words and their occurrence index in the file, never the line number) hashed
with the path: unique in the report, and unchanged when lines are added elsewhere in the file.
Unreadable inputs are not issues; pmreview reports them on stderr and exits with 2.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..convert import note
from ..models import DocumentReview, Finding, Report
from .sarif_format import fingerprints

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def fingerprint(path: str, partial: str) -> str:
    return hashlib.sha256(f"{path}\0{partial}".encode()).hexdigest()[:32]


def _description(f: Finding, d: DocumentReview) -> str:
    quote = " ".join(f.quote.split())
    text = f.message + (f" ({note(d.converted_from, d.path)})" if d.converted_from else "")
    if not quote:
        return text
    return f"“{quote if len(quote) <= 120 else quote[:117] + '…'}”: {text}"


def issue(f: Finding, d: DocumentReview, partial: str) -> dict[str, Any]:
    return {
        "description": _description(f, d),
        "check_name": f.rule,
        "fingerprint": fingerprint(d.path, partial),
        "severity": SEVERITY[f.severity],
        "location": {
            "path": d.path,
            "lines": {"begin": max(1, f.line), "end": max(1, f.line, f.end_line)},
        },
    }


def issues(report: Report) -> list[dict[str, Any]]:
    return [
        issue(f, d, partial)
        for d in report.documents
        for f, partial in zip(d.findings, fingerprints(d.findings), strict=True)
    ]


def render(report: Report, **_: object) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
