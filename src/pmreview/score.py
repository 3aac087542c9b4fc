"""The specificity score: one number per section and overall, 0-100, from checks and findings.

A pure function of the review (its checks, its findings, and which section each line is in), so
the same document always gets the same score offline, and fixing any finding raises it.
`FORMULA` is the documentation `pmreview explain score` and the README show; keep it in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import CHECK_CATEGORY, Check, Document, Finding

CHECK_WEIGHT = {"error": 3, "warning": 2, "info": 1}
FINDING_PENALTY = {"error": 6, "warning": 3, "info": 1}
PENALTY_CAP = 50

FORMULA = f"""\
The specificity score says, from 0 to 100, how close a postmortem is to one a reader can act on.
It is computed per section and overall from the same checks and findings the report shows, with
no LLM call and no randomness: the same document always gets the same score offline.

For each section of the profile (summary, timeline, root_cause, measures…: the part of a check
id before the dot):

1. **Coverage.** Every required element (check) has a weight by its severity: error
   {CHECK_WEIGHT["error"]}, warning {CHECK_WEIGHT["warning"]}, info {CHECK_WEIGHT["info"]}. Coverage
   is the weight of the section's checks that pass divided by the weight of all its checks that
   were decided (a skipped check counts for nothing), times 100.
2. **Penalty.** Every finding on a line of the document's sections of that kind, other than a
   failed check's own finding (vague phrases, timeline, consistency, action items, privacy,
   blame, placeholders, the LLM's critiques), costs points by its severity: error
   {FINDING_PENALTY["error"]}, warning {FINDING_PENALTY["warning"]}, info {FINDING_PENALTY["info"]};
   at most {PENALTY_CAP} in all, so a section still shows what its coverage is worth.
3. **Section score** = coverage - penalty, rounded, never below 0.

**Overall** is the mean of the section scores weighted by each section's check weight, minus the
penalty (same points, same cap) of the findings that are in none of those sections, such as an
e-mail address in an appendix. Findings silenced with `--select`, `--ignore` or an inline
directive do not count; failed checks always do.

Example: a summary that passes checks worth 12 of 24 and has two vague warnings scores
round(100 * 12 / 24) - 2 * {FINDING_PENALTY["warning"]} = 50 - 6 = 44. Naming the cause
instead of "a glitch" removes a warning and gives back its points.
"""


@dataclass(frozen=True)
class Score:
    overall: int
    sections: dict[str, int]

    def as_dict(self) -> dict[str, object]:
        return {"overall": self.overall, "sections": dict(self.sections)}


def _value(checks: Iterable[tuple[Check, str]], findings: Iterable[Finding]) -> int | None:
    total = passed = 0
    for check, severity in checks:
        if check.status == "skip":
            continue
        weight = CHECK_WEIGHT.get(severity, CHECK_WEIGHT["error"])
        total += weight
        passed += weight if check.status == "pass" else 0
    if not total:
        return None
    return max(0, round(100 * passed / total) - _penalty(findings))


def score(
    checks: Mapping[str, Check],
    severities: Mapping[str, str],
    findings: list[Finding],
    doc: Document | None = None,
) -> Score:
    """The score of one review. `severities` maps each check id to its (profile) severity;
    `doc` tells which section kinds each line is in (without it, every finding is counted at
    the overall level only)."""
    counted = [f for f in findings if f.category != CHECK_CATEGORY]
    placed: set[int] = set()
    sections: dict[str, int] = {}
    weights: dict[str, int] = {}
    group_of = {cid: _group(cid) for cid in checks}
    for group in dict.fromkeys(group_of.values()):
        own = [
            (c, severities.get(cid, "error")) for cid, c in checks.items() if group_of[cid] == group
        ]
        spans = [(s.line, s.end_line) for s in doc.of_kind(group)] if doc is not None else []
        inside = [i for i, f in enumerate(counted) if any(a <= f.line <= b for a, b in spans)]
        value = _value(own, [counted[i] for i in inside])
        if value is not None:
            sections[group] = value
            weights[group] = _weight(own)
            placed.update(inside)
    if not sections:
        return Score(0, {})
    mean = sum(sections[g] * weights[g] for g in sections) / sum(weights.values())
    rest = _penalty(f for i, f in enumerate(counted) if i not in placed)
    return Score(max(0, round(mean) - rest), sections)


def _weight(checks: Iterable[tuple[Check, str]]) -> int:
    return sum(
        CHECK_WEIGHT.get(sev, CHECK_WEIGHT["error"]) for c, sev in checks if c.status != "skip"
    )


def _penalty(findings: Iterable[Finding]) -> int:
    return min(PENALTY_CAP, sum(FINDING_PENALTY.get(f.severity, 0) for f in findings))


def _group(check_id: str) -> str:
    return check_id.split(".", 1)[0]
