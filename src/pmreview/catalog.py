"""The catalog: one entry per id -- each check of a profile, each rule, each LLM rule.

An `Entry` holds what everything that lists, selects, configures or documents an id needs:
slug, kind, category, default severity, one-line summary, what / why / example / use instead,
the question to ask, the fix, the practices it cites (keys of data/practices.toml) and the
options it takes. `pmreview rules`, the selectors' warning, config validation, `pmreview
explain` (and so docs/rules.md) and the SARIF rule help all read `load(profile)`. Checks come
from the profile's `x-checks`, rules from their `Rule` values, the LLM rules are declared here.
Two entries with one id or slug are an error, never one silently replacing the other.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import get_close_matches
from functools import cache
from typing import Any, Literal

from .errors import UsageError
from .models import CHECK_CATEGORY, Severity
from .resources import load_toml
from .rules import Option, Rule, registry

DOC_PARTS = ("what", "why", "example", "instead")
Kind = Literal["check", "rule", "llm", "score"]


@dataclass(frozen=True)
class Definition:
    """A check's definition, as verdicts follow it: when it passes, when it fails, and short
    examples of both (a profile's `x-checks.ID.definition`)."""

    passes: str
    fails: str
    pass_examples: tuple[str, ...] = ()
    fail_examples: tuple[str, ...] = ()

    @classmethod
    def read(cls, data: Any) -> Definition | None:
        """From `{"pass", "fail", "examples": {"pass": [...], "fail": [...]}}`; None without."""
        if not isinstance(data, dict) or not data.get("pass"):
            return None
        examples = data.get("examples") or {}
        passes, fails = (tuple(map(str, examples.get(k, ()))) for k in ("pass", "fail"))
        return cls(str(data["pass"]), str(data.get("fail", "")), passes, fails)


@dataclass(frozen=True)
class Entry:
    id: str
    slug: str
    kind: Kind
    category: str
    severity: Severity
    summary: str  # one line, for `pmreview rules`
    what: str  # what it checks
    why: str  # why it matters
    example: str  # a bad example
    instead: str  # a good example
    question: str = ""  # the question to ask the author
    fix: str = ""
    missing: str = ""  # a check: the finding's message when it fails
    cites: tuple[str, ...] = ()  # keys of data/practices.toml
    options: tuple[Option, ...] = ()
    profiles: tuple[str, ...] = ()  # a check: the profiles that hold it
    definition: Definition | None = None  # a check: when it passes and fails, with examples

    def undocumented(self) -> list[str]:
        """The parts of its documentation this entry lacks."""
        if self.kind == "score":  # the formula: what and how, no examples to give
            return [p for p in ("what", "why") if not getattr(self, p).strip()]
        out = [p for p in DOC_PARTS if not getattr(self, p).strip()]
        out += [] if self.cites else ["cites"]
        return out + (["definition"] if self.kind == "check" and not self.definition else [])


# The findings the LLM reviewer adds: listed, selected, severity-configured like rule ids.
LLM_CRITIQUE = Entry(
    id="PM901",
    slug="llm-critique",
    kind="llm",
    category="vague",
    severity="warning",
    summary="A vague statement found by the LLM reviewer, grounded in an exact quote.",
    what="The LLM reviewer reads the whole document and reports vague or unsupported "
    "statements the phrase table does not know. Every critique must quote the document "
    "exactly; a critique whose quote cannot be found is dropped, so each one points at "
    "real words.",
    why="Vagueness takes endless forms ('things got weird after the push'); a phrase "
    "table catches the common ones, a reader catches the rest. Each critique comes with "
    "the question a reviewer would ask and a rewrite.",
    example="After the push things got weird for a while, so we reverted.",
    instead="After deploy 7.3.0 at 14:00 UTC, p99 latency of checkout-api rose from "
    "300 ms to 4 s; we reverted to 7.2.9 at 14:20 UTC.",
    cites=("sre-book", "pagerduty"),
)
LLM_ENTRIES = (LLM_CRITIQUE,)


class DuplicateId(UsageError):
    """Two entries share an id or a slug (a profile's check named like a rule, say)."""


class Catalog:
    """Entries in listing order (checks, rules, LLM rules), found by id or slug in any case."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self._by_key: dict[str, Entry] = {}
        for entry in self.entries:
            for key in {entry.id.lower(), entry.slug.lower()}:
                other = self._by_key.setdefault(key, entry)
                if other is not entry:
                    raise DuplicateId(
                        f"{entry.id} ({entry.slug}) has the id or slug of "
                        f"{other.id} ({other.slug}): every id and slug must name one entry"
                    )

    def get(self, key: str) -> Entry | None:
        return self._by_key.get(key.strip().lower())

    def ids(self) -> list[str]:
        return [e.id for e in self.entries]

    def names(self) -> set[str]:
        """Every id and slug."""
        return {name for e in self.entries for name in (e.id, e.slug)}

    def close(self, key: str) -> list[str]:
        """The ids and slugs closest to a misspelt `key`."""
        names = {n.lower(): n for n in self.names()}
        return [names[n] for n in get_close_matches(key.strip().lower(), names, n=3, cutoff=0.6)]


def check_entries(profile: str) -> list[Entry]:
    """The checks of one profile (a built-in name or a profile file), in the profile's order."""
    from .checks.profile import load
    from .models import slug

    prof = load(profile)
    return [_check(cid, dict(spec), prof.name, slug(cid)) for cid, spec in prof.checks.items()]


def _check(cid: str, spec: dict[str, Any], profile: str, slug: str) -> Entry:
    desc = str(spec.get("description", ""))
    cites = spec.get("cites")
    return Entry(
        id=cid,
        slug=slug,
        kind="check",
        category=CHECK_CATEGORY,
        severity=spec.get("severity", "error"),
        summary=desc,
        what=desc,
        why=str(spec.get("why", "")),
        example=str(spec.get("example", "")),
        instead=str(spec.get("instead", "")),
        question=str(spec.get("question", "")),
        fix=str(spec.get("fix", "")),
        missing=str(spec.get("missing", "")),
        cites=tuple(str(k) for k in cites) if isinstance(cites, list) else (),
        profiles=(profile,),
        definition=Definition.read(spec.get("definition")),
    )


def scope(profile: str) -> dict[str, str]:
    """The profile's scope rules (`x-scope`): what its sections, "the summary", "the timeline"
    are, by name, in the profile's order; every check's definition is read with them."""
    from .checks.profile import load

    rules = load(profile).schema.get("x-scope")
    return {str(k): str(v) for k, v in rules.items()} if isinstance(rules, dict) else {}


def rule_entry(r: Rule) -> Entry:
    return Entry(
        id=r.id,
        slug=r.name,
        kind="rule",
        category=r.category,
        severity=r.severity,
        summary=r.summary,
        what=r.what,
        why=r.why,
        example=r.example,
        instead=r.instead,
        cites=r.cites,
        options=r.options,
    )


def _every_profiles_checks(profiles: Iterable[str]) -> list[Entry]:
    """The checks of several profiles; a check in several has the first one's text and names
    every profile that holds it."""
    out: dict[str, Entry] = {}
    for name in profiles:
        for e in check_entries(name):
            seen = out.get(e.id)
            out[e.id] = replace(seen, profiles=seen.profiles + e.profiles) if seen else e
    return list(out.values())


@cache
def load(profile: str | None = "default") -> Catalog:
    """The catalog of `profile`'s checks (None: of every built-in profile), every rule and
    the LLM rules; a `DuplicateId` when two share an id or slug."""
    from .checks.profile import builtin_profiles

    return _with_rules(_every_profiles_checks([profile] if profile else builtin_profiles()))


def for_config(profile: str | None) -> Catalog:
    """What a config file may name: the checks of every built-in profile and of the config's
    own `profile` (the command line may choose another), every rule, the LLM rules."""
    from .checks.profile import builtin_profiles

    names = builtin_profiles()
    own = [profile] if profile and profile not in names else []
    return _with_rules(_every_profiles_checks(names + own))


def _with_rules(checks: list[Entry]) -> Catalog:
    return Catalog([*checks, *map(rule_entry, registry().values()), *LLM_ENTRIES])


def option_dict(o: Option) -> dict[str, Any]:
    out = {"name": o.name, "type": o.type, "default": o.default, "description": o.description}
    return out | ({"choices": list(o.choices)} if o.choices else {})


def listing(profile: str, fmt: str) -> str:
    """`pmreview rules`: every check of `profile`, rule and LLM rule, one line each (text) or
    as a JSON array with their options."""
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} (choose from: text, json)")
    entries = load(profile).entries
    if fmt == "text":
        return "".join(f"{e.id:<24} {e.severity:<8} {e.slug:<28} {e.summary}\n" for e in entries)
    rows = [
        {
            "id": e.id,
            "name": e.slug,
            "kind": e.kind,
            "category": e.category,
            "severity": e.severity,
            "summary": e.summary,
            "options": [option_dict(o) for o in e.options],
        }
        for e in entries
    ]
    return json.dumps(rows, indent=2) + "\n"


def unknown_selectors(profile: str, selectors: list[str]) -> list[str]:
    """A warning for each selector (--select, --ignore) that matches no id or slug of the
    catalog: most likely a typo."""
    from .directives import unknown

    pairs = [(e.id, e.slug) for e in load(profile).entries]
    return [
        f"{sel!r} matches no rule or check (see pmreview rules)"
        for sel in unknown(selectors, pairs)
    ]


def practices() -> dict[str, dict[str, str]]:
    """The cited practices by key: title and url ("" when it has no public address)."""
    data = load_toml("practices.toml")
    return {k: {"title": str(v["title"]), "url": str(v.get("url", ""))} for k, v in data.items()}


def cite_lines(entry: Entry, markdown: bool = False) -> list[str]:
    """The practices an entry cites: "title <url>", or a Markdown link."""
    table = practices()
    out = []
    for key in entry.cites:
        p = table.get(key, {"title": key, "url": ""})
        if markdown and p["url"]:
            out.append(f"[{p['title']}]({p['url']})")
        else:
            out.append(p["title"] + (f" <{p['url']}>" if p["url"] else ""))
    return out


def option_lines(entry: Entry, markdown: bool = False) -> list[str]:
    """One line per option: name, type, default, description."""
    tick = "`" if markdown else ""
    return [
        f"{tick}{o.name}{tick} ({o.type}, default {tick}{json.dumps(o.default)}{tick}"
        + (f", one of {', '.join(json.dumps(c) for c in o.choices)}" if o.choices else "")
        + f"): {o.description}"
        for o in entry.options
    ]
