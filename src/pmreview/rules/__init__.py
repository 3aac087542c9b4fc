"""Rules beyond the schema: one module per family, one explicit registry.

A rule is a `Rule` value: a stable id (`PM301`) and slug (`timeline-unordered`), a category,
a default severity, Ruff-style documentation (with the practices it cites, for `pmreview
explain`), and a `check(doc, options)` generator of `Hit`s.
The engine (`run`) stamps id, name, category, severity and section on each hit; rules never do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..models import Document, Finding, Severity


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where (1-based, end exclusive) and what to tell the author."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    quote: str = ""
    question: str = ""
    suggestion: str = ""


CheckFn = Callable[[Document, Mapping[str, Any]], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: Severity
    summary: str  # one line, for `pmreview rules`
    what: str  # What it does
    why: str  # Why it matters
    example: str  # a bad example
    instead: str  # Use instead: a good example
    check: CheckFn
    cites: tuple[str, ...] = ()  # the practices it comes from: keys of data/practices.toml


def _families() -> list[Rule]:
    from . import actions, blame, consistency, placeholders, privacy, timeline, vague

    rules: list[Rule] = []
    for module in (vague, timeline, consistency, actions, privacy, blame, placeholders):
        rules.extend(module.RULES)
    return rules


REGISTRY: dict[str, Rule] = {}


def registry() -> dict[str, Rule]:
    if not REGISTRY:
        REGISTRY.update((r.id, r) for r in _families())
    return REGISTRY


def selectable(check_ids: Iterable[str]) -> list[tuple[str, str]]:
    """(id, slug) of everything a selector or an answers file may name: the given checks,
    every rule, the LLM rules."""
    from ..checks.profile import slug
    from ..llm import LLM_RULES

    out = [(cid, slug(cid)) for cid in check_ids]
    out += [(r.id, r.name) for r in registry().values()]
    return out + [(r[0], r[1]) for r in LLM_RULES]


def section_of(doc: Document, line: int) -> str:
    """The title of the section that holds `line` ("" for the opening text)."""
    title = ""
    for sec in doc.sections:
        if sec.line and sec.line <= line:
            title = sec.title
    return title


def run(
    doc: Document,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Every registered rule over `doc`; `options` per rule id, `severities` overrides."""
    options = options or {}
    severities = severities or {}
    out: list[Finding] = []
    for rule in registry().values():
        for hit in rule.check(doc, options.get(rule.id, {})):
            out.append(
                Finding(
                    rule=rule.id,
                    name=rule.name,
                    category=rule.category,
                    severity=severities.get(rule.id, rule.severity),
                    message=hit.message,
                    line=hit.line,
                    column=hit.column,
                    end_line=hit.end_line,
                    end_column=hit.end_column,
                    quote=hit.quote,
                    question=hit.question,
                    suggestion=hit.suggestion,
                    section=section_of(doc, hit.line),
                )
            )
    return out
