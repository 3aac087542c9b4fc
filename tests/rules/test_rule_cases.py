"""Rule cases as data (sqlfluff style): tests/rules/cases/<RULE ID>.toml, and
<RULE ID>.<family>.toml for a family kept in a file of its own (organisations' wording: .org).

Each file holds `[[case]]` tables with a `name`, a postmortem snippet `text`, the findings the
rule must report as `expect = [{line = N, quote = "..."}]` (empty for a passing case) and
optional `options` for the rule. Run one rule with `pytest -k PM301`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from pmreview.parse import parse
from pmreview.rules import Hit, registry
from pmreview.source import from_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).resolve().parent / "cases"


def _load() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as f:
            out.setdefault(path.stem.split(".")[0], []).extend(tomllib.load(f)["case"])
    return out


ALL = _load()
PARAMS = [
    pytest.param(rule_id, case, id=f"{rule_id}-{case['name']}")
    for rule_id, cases in ALL.items()
    for case in cases
]


def _hits(rule_id: str, case: dict[str, Any]) -> tuple[list[Hit], tuple[str, ...]]:
    source = from_text(case["text"])
    doc = parse(source)
    rule = registry()[rule_id]
    return list(rule.check(doc, rule.resolve(case.get("options", {})))), source.lines


def _covered(lines: tuple[str, ...], hit: Hit) -> str:
    """The source text between a hit's start and its (exclusive) end."""
    if hit.line == hit.end_line:
        return lines[hit.line - 1][hit.column - 1 : hit.end_column - 1]
    parts = [lines[hit.line - 1][hit.column - 1 :]]
    parts += list(lines[hit.line : hit.end_line - 1])
    parts.append(lines[hit.end_line - 1][: hit.end_column - 1])
    return "\n".join(parts)


@pytest.mark.parametrize(("rule_id", "case"), PARAMS)
def test_case(rule_id: str, case: dict[str, Any]) -> None:
    hits, _ = _hits(rule_id, case)
    got = sorted((h.line, h.quote) for h in hits)
    want = sorted((e["line"], e["quote"]) for e in case["expect"])
    assert got == want


@pytest.mark.parametrize(("rule_id", "case"), PARAMS)
def test_case_positions_quote_the_source(rule_id: str, case: dict[str, Any]) -> None:
    hits, lines = _hits(rule_id, case)
    for hit in hits:
        assert _covered(lines, hit) == hit.quote
        assert hit.message and hit.question


@pytest.mark.parametrize("rule_id", sorted(registry()))
def test_every_rule_has_passing_and_failing_cases(rule_id: str) -> None:
    cases = ALL.get(rule_id)
    assert cases, f"tests/rules/cases/{rule_id}.toml is missing"
    assert any(not c["expect"] for c in cases), f"{rule_id} has no passing case"
    assert any(c["expect"] for c in cases), f"{rule_id} has no failing case"
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"{rule_id} repeats a case name"


@pytest.mark.parametrize("rule_id", sorted(registry()))
def test_every_rule_is_documented(rule_id: str) -> None:
    rule = registry()[rule_id]
    for field in ("name", "category", "summary", "what", "why", "example", "instead"):
        assert str(getattr(rule, field)).strip(), f"{rule_id}.{field} is empty"
    assert "\n" not in rule.summary
    assert rule.severity in ("error", "warning", "info")


def test_cases_name_registered_rules() -> None:
    assert set(ALL) <= set(registry())


EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "data").glob("*.md"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_finding_quotes_its_source(path: Path) -> None:
    source = from_text(path.read_text(encoding="utf-8"))
    doc = parse(source)
    for rule_id, rule in registry().items():
        for hit in rule.check(doc, rule.resolve({})):
            assert _covered(source.lines, hit) == hit.quote, rule_id
