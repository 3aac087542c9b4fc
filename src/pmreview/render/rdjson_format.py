"""The Reviewdog Diagnostic Format: `rdjson` (one DiagnosticResult) for `reviewdog -f=rdjson`.

Each finding is a Diagnostic: the message with its question and suggestion, the rule id as
`code`, and its range with 1-based lines and 1-based columns counted in UTF-8 bytes, the end
exclusive (as reviewdog wants; pmreview's own columns count characters). An input that could
not be read is an ERROR diagnostic on that path, without a range or code.

No `suggestions` are written: reviewdog applies a suggestion as a literal replacement of the
range, and no finding carries one (a finding's `suggestion` is advice for the author, not
replacement text). No `code.url` either: the rules' documentation (`pmreview explain`,
docs/rules.md) has no per-rule address.
"""

from __future__ import annotations

import json
from typing import Any

from ..convert import note
from ..models import DocumentReview, Finding, Report

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "pmreview"}


def byte_column(line: str, column: int) -> int:
    """The 1-based UTF-8 byte column of the 1-based character `column` of `line` (a column
    past the end of the line counts one byte per missing character)."""
    before = line[: column - 1]
    return len(before.encode("utf-8")) + max(0, column - 1 - len(line)) + 1


def _range(f: Finding, d: DocumentReview) -> dict[str, Any]:
    start, end = max(1, f.line), max(f.line, f.end_line, 1)
    if d.source is None:  # no text to count bytes in: the whole lines
        return {"start": {"line": start}, "end": {"line": end}}
    lines = d.source.lines

    def text(n: int) -> str:
        return lines[n - 1] if n <= len(lines) else ""

    end_column = f.end_column if end > start else max(f.end_column, f.column)
    return {
        "start": {"line": start, "column": byte_column(text(start), max(1, f.column))},
        "end": {"line": end, "column": byte_column(text(end), max(1, end_column))},
    }


def message(f: Finding, d: DocumentReview) -> str:
    """The finding's message, then the question to ask and the suggestion, one a line (and,
    for a converted document, that its lines are the converted text's)."""
    parts = [f.message]
    if f.question:
        parts.append(f"Question: {f.question}")
    if f.suggestion:
        parts.append(f"Suggestion: {f.suggestion}")
    if d.converted_from:
        parts.append(f"Note: {note(d.converted_from, d.path)}.")
    return "\n".join(parts)


def diagnostic(f: Finding, d: DocumentReview) -> dict[str, Any]:
    return {
        "message": message(f, d),
        "location": {"path": d.path, "range": _range(f, d)},
        "severity": SEVERITY[f.severity],
        "source": SOURCE,
        "code": {"value": f.rule},
    }


def diagnostics(report: Report) -> list[dict[str, Any]]:
    """Every finding of every document, in report order, then every unreadable input."""
    out = [diagnostic(f, d) for d in report.documents for f in d.findings]
    out += [
        {
            "message": e["message"],
            "location": {"path": e["path"]},
            "severity": "ERROR",
            "source": SOURCE,
        }
        for e in report.errors
    ]
    return out


def render(report: Report, **_: object) -> str:
    result = {"source": SOURCE, "diagnostics": diagnostics(report)}
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
