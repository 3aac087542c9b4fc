"""Inline directives (HTML comments) and --select/--ignore: which findings are kept."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .models import Document, Finding


def matches(finding: Finding, selectors: Iterable[str]) -> bool:
    return matches_id(finding.rule, finding.name, selectors)


def matches_id(rule: str, name: str, selectors: Iterable[str]) -> bool:
    """A selector is a rule id (PM301), its slug (timeline-unordered), a prefix of a rule id
    (PM3), or a check id or the part before its dot (summary.end_time, summary)."""
    for sel in selectors:
        s = sel.strip()
        if not s:
            continue
        if s.upper() in ("ALL", "*") or s == name:
            return True
        if "." in rule:
            if rule == s or rule.startswith(s.rstrip(".") + "."):
                return True
        elif rule.upper().startswith(s.upper()) and re.fullmatch(r"(?i)PM\d*", s):
            return True
    return False


def unknown(selectors: Iterable[str], ids: Iterable[tuple[str, str]]) -> list[str]:
    """The selectors that match none of the (id, slug) pairs: most likely typos."""
    pairs = list(ids)
    return [s for s in selectors if s.strip() and not any(matches_id(r, n, [s]) for r, n in pairs)]


def _disabled_lines(doc: Document, finding: Finding) -> bool:
    """Whether a directive in the document turns this finding off."""
    state_off = False
    for line, action, ids in doc.directives:
        applies = not ids or matches(finding, ids)
        if not applies:
            continue
        if action == "disable-file":
            return True
        if action == "disable-next-line" and finding.line == line + 1:
            return True
        if line > finding.line:
            continue
        if action == "disable":
            state_off = True
        elif action == "enable":
            state_off = False
    return state_off


def apply(
    doc: Document, findings: list[Finding], select: list[str] | None, ignore: list[str] | None
) -> list[Finding]:
    kept = []
    for f in findings:
        if select and not matches(f, select):
            continue
        if ignore and matches(f, ignore):
            continue
        if doc.directives and _disabled_lines(doc, f):
            continue
        kept.append(f)
    return kept
