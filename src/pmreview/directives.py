"""Inline directives (HTML comments) and --select/--ignore: which findings are kept."""

from __future__ import annotations

import re
from bisect import bisect_right
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


class _Switches:
    """Which findings a document's directives turn off: each rule's disable-file, its
    disable-next-line lines, and its disable/enable switches in order (read once per rule, so
    that a finding costs a look-up, not a walk over every directive)."""

    def __init__(self, directives: list[tuple[int, str, tuple[str, ...]]]) -> None:
        self.directives = directives
        self.plans: dict[tuple[str, str], tuple[bool, set[int], list[int], list[bool]]] = {}

    def off(self, finding: Finding) -> bool:
        key = (finding.rule, finding.name)
        if key not in self.plans:
            self.plans[key] = self._plan(*key)
        whole_file, next_lines, lines, states = self.plans[key]
        if whole_file or finding.line in next_lines:
            return True
        at = bisect_right(lines, finding.line)  # the last switch on or above the finding
        return at > 0 and states[at - 1]

    def _plan(self, rule: str, name: str) -> tuple[bool, set[int], list[int], list[bool]]:
        whole_file, next_lines, lines, states = False, set(), [], []
        for line, action, ids in self.directives:
            if ids and not matches_id(rule, name, ids):
                continue
            if action == "disable-file":
                whole_file = True
            elif action == "disable-next-line":
                next_lines.add(line + 1)
            else:
                lines.append(line)
                states.append(action == "disable")
        return whole_file, next_lines, lines, states


def apply(
    doc: Document, findings: list[Finding], select: list[str] | None, ignore: list[str] | None
) -> list[Finding]:
    kept = []
    switches = _Switches(doc.directives)
    for f in findings:
        if select and not matches(f, select):
            continue
        if ignore and matches(f, ignore):
            continue
        if doc.directives and switches.off(f):
            continue
        kept.append(f)
    return kept
