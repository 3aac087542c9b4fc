"""The facts record of every document validates against schemas/facts.schema.json, which
describes every property (profile authors write against it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _support import CORPUS, DATA, REPO
from jsonschema import Draft202012Validator

from pmreview.checks import extract
from pmreview.parse import parse
from pmreview.source import from_text

SCHEMA = json.loads((REPO / "schemas" / "facts.schema.json").read_text(encoding="utf-8"))
OWN = (
    sorted(DATA.glob("*.md"))
    + sorted((REPO / "examples").glob("*.md"))
    + sorted((REPO / "fixtures" / "docs").glob("*.md"))
)


def _facts(path: Path) -> Any:
    return extract(parse(from_text(path.read_text(encoding="utf-8"), str(path))))


def _errors(facts: Any) -> list[str]:
    validator = Draft202012Validator(SCHEMA)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(facts)]


def test_the_schema_is_valid_and_describes_every_property() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    undescribed: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    undescribed.append(f"{where}.{name}")
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}[{i}]")

    walk(SCHEMA, "$")
    assert undescribed == []


def test_the_record_is_closed() -> None:
    facts = _facts(REPO / "examples" / "checkout-outage.md")
    assert _errors(facts) == []
    facts["summary"]["surprise"] = 1
    facts["measures"]["tasks"][0]["priority"] = "high"
    assert len(_errors(facts)) == 2


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_facts_of_own_documents_validate(path: Path) -> None:
    assert _errors(_facts(path)) == []


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not available here")
def test_facts_of_every_corpus_document_validate() -> None:
    bad = {str(p): errors for p in CORPUS if (errors := _errors(_facts(p)))}
    assert bad == {}
