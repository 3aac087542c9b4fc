"""What to ask about, and in which order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import CHECK_CATEGORY, SEVERITY_RANK, DocumentReview, Finding
from ..resources import load_toml


@dataclass(frozen=True)
class Item:
    """One thing to coach: a failed check or a finding, and how an answer is placed."""

    finding: Finding
    spec: dict[str, Any]  # its entry in data/coach.toml: where and how an answer goes

    @property
    def id(self) -> str:
        return self.finding.rule

    @property
    def is_check(self) -> bool:
        return self.finding.category == CHECK_CATEGORY

    @property
    def mode(self) -> str:
        default = "manual" if self.is_check else "replace"
        return str(self.spec.get("as", default))

    @property
    def hint(self) -> str:
        if self.spec.get("example"):
            return f"e.g. {self.spec['example']}"
        return ""


def plan(review: DocumentReview) -> list[Item]:
    """What to ask about, most important first: errors before warnings before info; within
    a severity, missing elements before vague words; then in document order, and the elements
    of one place in the order of data/coach.toml (an end time before a duration)."""
    table = load_toml("coach.toml")
    items = [
        Item(f, dict(table["checks" if f.category == CHECK_CATEGORY else "rules"].get(f.rule, {})))
        for f in review.each_finding
    ]
    order = {cid: n for n, cid in enumerate(table.get("checks", {}))}
    items.sort(
        key=lambda i: (
            -SEVERITY_RANK[i.finding.severity],
            not i.is_check,
            i.finding.line,
            order.get(i.id, len(order)),
        )
    )
    return items
