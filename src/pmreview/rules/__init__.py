"""Rules beyond the schema: one module per family (its helpers beside it), one explicit registry.

A rule is a `Rule` value: a stable id (`PM301`) and slug (`timeline-unordered`), a category,
a default severity, Ruff-style documentation (with the practices it cites, for `pmreview
explain`), the options it takes (`Option`: name, type, default, description), and a
`check(doc, options)` generator of `Hit`s.
The engine (`run`) resolves each rule's options (defaults, then the given values, validated),
so a rule receives every option it declares, typed; it stamps id, name, category, severity and
section on each hit; and a rule that raises is reported, not fatal. Rules never do either.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import UsageError
from ..models import Document, Finding, Hit, Origin, Severity, per_document

CheckFn = Callable[[Document, Mapping[str, Any]], Iterator[Hit]]
OptionType = Literal["integer", "number", "string"]


class OptionError(ValueError):
    """A configured option that a rule does not take, or of the wrong type; `key` names it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Option:
    """An option a rule takes (`[rules.PM304] max_sentences = 3`), with JSON Schema's type
    names; a string option may be limited to `choices`."""

    name: str
    type: OptionType
    default: Any
    description: str
    choices: tuple[str, ...] = ()

    def parse(self, value: Any) -> Any:
        """`value` as the rule receives it (an integer is a number), or an `OptionError`."""
        ok = {
            "integer": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "string": isinstance(value, str),
        }[self.type]
        if not ok:
            article = "an" if self.type == "integer" else "a"
            raise OptionError(self.name, f"expected {article} {self.type}, got {_toml(value)}")
        if self.choices and value not in self.choices:
            one_of = ", ".join(_toml(c) for c in self.choices)
            raise OptionError(self.name, f"expected one of {one_of}, got {_toml(value)}")
        return float(value) if self.type == "number" else value


def _toml(value: Any) -> str:
    """A value as it is written in TOML (strings in double quotes)."""
    return "true" if value is True else "false" if value is False else json.dumps(value)


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
    options: tuple[Option, ...] = ()

    def resolve(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Every declared option: its default unless `given` sets it; an `OptionError` for
        an option this rule does not take or a value of the wrong type."""
        declared = {o.name: o for o in self.options}
        for name in given:
            if name not in declared:
                takes = ", ".join(declared) or "none"
                raise OptionError(name, f"unknown option of {self.id} (its options: {takes})")
        return {
            o.name: o.parse(given[o.name]) if o.name in given else o.default for o in self.options
        }


def _families() -> list[Rule]:
    from . import actions, blame, consistency, placeholders, privacy, timeline, vague

    rules: list[Rule] = []
    for module in (vague, timeline, consistency, actions, privacy, blame, placeholders):
        rules.extend(module.RULES)
    return rules


REGISTRY: dict[str, Rule] = {}


def registry() -> dict[str, Rule]:
    """Every rule by id, in family order; two rules with one id or slug are an error."""
    if not REGISTRY:
        REGISTRY.update(unique(_families()))
    return REGISTRY


def unique(rules: list[Rule]) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    slugs: set[str] = set()
    for rule in rules:
        if rule.id in out or rule.name in slugs:
            raise ValueError(f"two rules are named {rule.id} or {rule.name}")
        out[rule.id] = rule
        slugs.add(rule.name)
    return out


def lookup(key: str) -> Rule | None:
    """A rule by id or slug, whatever the case."""
    wanted = key.strip().lower()
    return next((r for r in registry().values() if wanted in (r.id.lower(), r.name.lower())), None)


def resolve_options(given: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every rule's complete options by id, from options keyed by rule id or slug; an
    `OptionError` (its key "PM304" or "PM304.max_sentences") for an unknown rule or option
    or a wrong type."""
    by_id: dict[str, Mapping[str, Any]] = {}
    for key, values in given.items():
        rule = lookup(key)
        if rule is None:
            raise OptionError(key, "unknown rule (see pmreview rules)")
        by_id[rule.id] = values
    out = {}
    for rid, rule in registry().items():
        try:
            out[rid] = rule.resolve(by_id.get(rid, {}))
        except OptionError as exc:
            raise OptionError(f"{rid}.{exc.key}", str(exc)) from None
    return out


def section_of(doc: Document, line: int) -> str:
    """The title of the section that holds `line` ("" for the opening text): the last section
    that starts on or before it (sections are in document order), found by bisection."""
    starts, titles = _section_starts(doc)
    at = bisect_right(starts, line)
    return titles[at - 1] if at else ""


@per_document
def _section_starts(doc: Document) -> tuple[list[int], list[str]]:
    titled = [s for s in doc.sections if s.line]
    return [s.line for s in titled], [s.title for s in titled]


@dataclass
class Ran:
    """What the rules found in a document, and (rule id, one line) for each rule that failed."""

    findings: list[Finding]
    failures: list[tuple[str, str]]


def run(
    doc: Document,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> Ran:
    """Every registered rule over `doc`; `options` per rule id or slug (a `UsageError` when
    one is not taken), `severities` overrides. A rule that raises is a failure; the others'
    findings stand."""
    try:
        resolved = resolve_options(options or {})
    except OptionError as exc:
        raise UsageError(f"rule option {exc.key}: {exc}") from None
    severities = severities or {}
    out = Ran([], [])
    for rule in registry().values():
        try:
            hits = list(rule.check(doc, resolved[rule.id]))
        except Exception as exc:  # a bug in one rule must not cost the others' findings
            failed = f"rule {rule.id} ({rule.name}) failed on this document: {_one_line(exc)}"
            out.failures.append((rule.id, failed))
            continue
        severity = severities.get(rule.id, rule.severity)
        out.findings += [stamp((rule.id, rule.name, rule.category), severity, h, doc) for h in hits]
    return out


def _one_line(exc: Exception) -> str:
    first = (str(exc).splitlines() or [""])[0].strip()
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def stamp(
    rule: tuple[str, str, str],
    severity: Severity,
    hit: Hit,
    doc: Document,
    source: Origin = "rules",
) -> Finding:
    """The finding of a hit: the engine (never the rule or the LLM layer) gives it the rule's
    (id, slug, category), its severity and the title of the section it is in."""
    rid, name, category = rule
    return Finding(
        rule=rid,
        name=name,
        category=category,
        severity=severity,
        message=hit.message,
        line=hit.line,
        column=hit.column,
        end_line=hit.end_line,
        end_column=hit.end_column,
        quote=hit.quote,
        question=hit.question,
        suggestion=hit.suggestion,
        section=section_of(doc, hit.line),
        source=source,
    )
