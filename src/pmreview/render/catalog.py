"""What every rule and check id means, for the formats that describe their rules (SARIF, HTML).

Read from the catalog (static data: the rule registry, the profile's `x-checks`, the LLM rules),
so the help a SARIF viewer shows is `pmreview explain`'s: what, why, examples, fix, question,
options and citations. Reading it is not parsing a document, so renderers may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import catalog as cat
from ..catalog import Entry, cite_lines, option_lines
from ..errors import UsageError
from ..models import CHECK_CATEGORY, Report, Severity, slug


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


def _lines(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def _help_text(e: Entry) -> str:
    parts = [
        f"What it does: {e.what}",
        f"Passes when {e.definition.passes}. Fails when {e.definition.fails}."
        if e.definition
        else "",
        f"Why it matters: {e.why}" if e.why else "",
        f"Example:\n{_lines(e.example, '    ')}" if e.example else "",
        f"Use instead:\n{_lines(e.instead, '    ')}" if e.instead else "",
        f"How to fix it: {e.fix}" if e.fix else "",
        f"Ask: {e.question}" if e.question else "",
        "Options:\n" + "\n".join(f"- {o}" for o in option_lines(e)) if e.options else "",
        "Where this practice comes from:\n" + "\n".join(f"- {c}" for c in cite_lines(e))
        if e.cites
        else "",
    ]
    return "\n\n".join(p for p in parts if p)


def _help_markdown(e: Entry, profile: str) -> str:
    if e.kind == "check":
        head = f"**{e.id}** (required element of profile `{profile}`): {e.summary}"
    else:
        head = f"**{e.id} ({e.slug})**: {e.summary}"
    options = option_lines(e, markdown=True)
    cites = cite_lines(e, markdown=True)
    parts = [
        head,
        f"## What it does\n{e.what}",
        _definition_markdown(e),
        f"## Why it matters\n{e.why}" if e.why else "",
        f"## Example\n{_lines(e.example, '> ')}" if e.example else "",
        f"## Use instead\n{_lines(e.instead, '> ')}" if e.instead else "",
        f"## How to fix it\n{e.fix}" if e.fix else "",
        f"## Question to ask the author\n_{e.question}_" if e.question else "",
        "## Options\n" + "\n".join(f"- {o}" for o in options) if options else "",
        "## Where this practice comes from\n" + "\n".join(f"- {c}" for c in cites) if cites else "",
    ]
    return "\n\n".join(p for p in parts if p)


def _definition_markdown(e: Entry) -> str:
    """A check's definition: when it passes, when it fails."""
    if not e.definition:
        return ""
    return f"## Passes when\n{e.definition.passes}\n\n## Fails when\n{e.definition.fails}"


def _doc(e: Entry, profile: str) -> RuleDoc:
    full = (e.missing or f"Missing: {e.summary}") if e.kind == "check" else e.what
    return RuleDoc(
        e.id,
        e.slug,
        e.category,
        e.severity,
        e.summary,
        full,
        _help_text(e),
        _help_markdown(e, profile),
    )


def _entries(report: Report) -> list[Entry]:
    """The catalog of the report's profile; for a profile that cannot be loaded by name (a
    custom profile file, named by its title), the rules and the check ids the documents carry."""
    try:
        return cat.load(report.profile).entries
    except UsageError:
        entries = [e for e in cat.load(None).entries if e.kind != "check"]
    ids = dict.fromkeys(cid for d in report.documents for cid in d.checks)
    return [*map(_unknown_check, ids), *entries]


def _unknown_check(cid: str) -> Entry:
    desc = f"The required element {cid} of the profile."
    return Entry(cid, slug(cid), "check", CHECK_CATEGORY, "error", desc, desc, "", "", "")


def catalog(report: Report) -> list[RuleDoc]:
    """Every check, rule and LLM rule id, and any other id a finding of the report carries."""
    docs = [_doc(e, report.profile) for e in _entries(report)]
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
