"""What every rule and check id means, for the formats that describe their rules (SARIF).

The catalogue is static data (the rule registry, the profile's `x-checks` table, the LLM rule
ids): reading it is not parsing a document, so renderers may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.profile import slug as slug  # re-exported: the renderers name checks with it
from ..errors import UsageError
from ..llm import LLM_RULES
from ..models import Report, Severity


@dataclass(frozen=True)
class RuleDoc:
    id: str
    name: str
    category: str
    severity: Severity
    short: str  # one line
    full: str  # a paragraph
    help_text: str
    help_markdown: str


def _rules() -> list[RuleDoc]:
    from ..rules import registry

    out = []
    for r in registry().values():
        text = (
            f"What it does: {r.what}\n\nWhy it matters: {r.why}\n\n"
            f"Example:\n    {r.example}\n\nUse instead:\n    {r.instead}"
        )
        markdown = (
            f"**{r.id} ({r.name})**: {r.summary}\n\n## What it does\n{r.what}\n\n"
            f"## Why it matters\n{r.why}\n\n## Example\n> {r.example}\n\n"
            f"## Use instead\n> {r.instead}"
        )
        out.append(RuleDoc(r.id, r.name, r.category, r.severity, r.summary, r.what, text, markdown))
    return out


def _checks(report: Report) -> list[RuleDoc]:
    """The checks of the report's profile; for a profile that cannot be loaded by name (a
    custom profile file, named by its title), the check ids the documents carry."""
    from ..checks.profile import load

    try:
        table = load(report.profile).checks
    except UsageError:
        table = {}
    ids = list(table) + [cid for d in report.documents for cid in d.checks if cid not in table]
    out = []
    for cid in dict.fromkeys(ids):
        spec = table.get(cid, {})
        desc = spec.get("description") or f"The required element {cid} of the profile."
        fix, question = spec.get("fix", ""), spec.get("question", "")
        missing = spec.get("missing") or f"Missing: {desc}"
        severity: Severity = spec.get("severity", "error")  # type: ignore[assignment]
        text = "\n\n".join(
            p
            for p in (
                desc,
                f"How to fix it: {fix}" if fix else "",
                f"Ask: {question}" if question else "",
            )
            if p
        )
        markdown = "\n\n".join(
            p
            for p in (
                f"**{cid}** (required element of profile `{report.profile}`): {desc}",
                f"## How to fix it\n{fix}" if fix else "",
                f"## Question to ask the author\n_{question}_" if question else "",
            )
            if p
        )
        out.append(RuleDoc(cid, slug(cid), "structure", severity, desc, missing, text, markdown))
    return out


def _llm() -> list[RuleDoc]:
    return [
        RuleDoc(
            rid,
            name,
            category,
            severity,  # type: ignore[arg-type]
            summary,
            f"{summary} The optional LLM reviewer found it; pmreview checked that the quoted "
            "words are in the document.",
            f"{summary}\n\nFound by the optional LLM reviewer and grounded in an exact quote.",
            f"**{rid} ({name})**: {summary}\n\nFound by the optional LLM reviewer; the quote was "
            "located verbatim in the document.",
        )
        for rid, name, category, severity, summary in LLM_RULES
    ]


def catalog(report: Report) -> list[RuleDoc]:
    """Every rule, check and LLM rule id, and any other id a finding of the report carries."""
    docs = _rules() + _checks(report) + _llm()
    known = {d.id for d in docs}
    for d in report.documents:
        for f in d.findings:
            if f.rule not in known:
                known.add(f.rule)
                docs.append(
                    RuleDoc(
                        f.rule,
                        f.name,
                        f.category,
                        f.severity,
                        f.name,
                        f.message,
                        f.message,
                        f.message,
                    )
                )
    return docs
