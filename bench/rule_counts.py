"""Findings per rule over a bench run: how many findings each rule made (repeats collapsed,
as an author reads them) and on how many documents, so that a rule's precision can be read
by hand on a sample of them (issue 11)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pmreview.models import Finding

_RULE = re.compile(r"^PM\d{3}$")  # rules only: check verdicts have their own agreement figures


class RuleCounts:
    """Findings and documents per rule, added to one document at a time."""

    def __init__(self) -> None:
        self.findings: Counter[str] = Counter()
        self.documents: Counter[str] = Counter()

    def add(self, findings: Iterable[Finding]) -> None:
        rules = [f.rule for f in findings if _RULE.match(f.rule)]
        self.findings.update(rules)
        self.documents.update(set(rules))

    def lines(self) -> list[str]:
        out = [f"{'rule':<24} {'findings':>9}  docs"]
        for rule in sorted(self.findings):
            out.append(f"{rule:<24} {self.findings[rule]:>9}  {self.documents[rule]}")
        total = sum(self.findings.values())
        out.append(f"{'rule findings (all)':<24} {total:>9}")
        return out
