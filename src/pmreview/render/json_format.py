"""The JSON report: a public, versioned contract (schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..models import DocumentReview, Finding, Report
from ..source import REVIEW_BYTES
from .text_format import cut_note

FINDING_FIELDS = (
    "rule",
    "name",
    "category",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "quote",
    "question",
    "suggestion",
    "source",
    "section",
)


def finding_dict(f: Finding) -> dict[str, Any]:
    return {k: getattr(f, k) for k in FINDING_FIELDS}


def document_dict(d: DocumentReview) -> dict[str, Any]:
    converted = {"converted_from": d.converted_from} if d.converted_from else {}
    return {
        "path": d.path,
        **converted,
        **_cut(d),
        "checks": {
            cid: {
                "status": c.status,
                "source": c.source,
                "message": c.message,
                "line": c.line,
                "evidence": c.evidence,
            }
            for cid, c in d.checks.items()
        },
        "findings": [finding_dict(f) for f in d.findings],
        "tasks": d.tasks,
        "llm": d.llm,
        "score": d.score,
    }


def _cut(d: DocumentReview) -> dict[str, Any]:
    """`reviewed_part` of a file too large to review whole (source.reviewed_part)."""
    if d.whole_bytes is None or d.source is None:
        return {}
    part = {"last_line": len(d.source.lines), "limit_bytes": REVIEW_BYTES}
    return {"reviewed_part": {**part, "file_bytes": d.whole_bytes, "message": cut_note(d)}}


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "pmreview", "version": __version__},
        "profile": report.profile,
        "documents": [document_dict(d) for d in report.documents],
        "errors": report.errors,
    }


def render(report: Report, **_: object) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
