"""Small helpers the formats share."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import DocumentReview, Finding
from .text_format import cut_note as cut_note
from .text_format import evidence_words as evidence_words
from .text_format import llm_summary as llm_summary  # re-exported: one wording everywhere
from .text_format import score_line as score_line


def counts(findings: Iterable[Finding]) -> str:
    """ "1 error, 14 warnings, 2 info", or "no findings"."""
    items = list(findings)
    parts = []
    for sev in ("error", "warning", "info"):
        n = sum(f.severity == sev for f in items)
        if n:
            parts.append(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}")
    return ", ".join(parts) or "no findings"


def elements(d: DocumentReview) -> str:
    """ "15/21 required elements present"."""
    passed = sum(c.status == "pass" for c in d.checks.values())
    return f"{passed}/{len(d.checks)} required elements present"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
