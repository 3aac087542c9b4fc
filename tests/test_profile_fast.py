"""The built-in profile evaluator (profile._failures) against jsonschema, the reference: the same
errors in the same order, so the same verdicts, on generated and real facts records; any profile
it does not cover goes to jsonschema; and an offline review with a built-in profile never
imports jsonschema."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from _support import DATA, REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy
from jsonschema import Draft202012Validator

from pmreview.checks import extract
from pmreview.checks.evaluator import COVERED, KEYWORDS, TYPES
from pmreview.checks.profile import (
    Profile,
    builtin_profiles,
    covered,
    evaluate,
    load,
    reference_failures,
    verdicts,
)
from pmreview.parse import parse
from pmreview.source import from_text

FAST = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def same_as_jsonschema(profile: Profile, facts: Any) -> None:
    """The built-in evaluator's errors and verdicts are jsonschema's."""
    assert not profile.needs_jsonschema
    reference = reference_failures(profile, facts)
    assert profile.failures(facts) == reference
    assert evaluate(profile, facts) == verdicts(profile, reference, facts)


# --------------------------------------------------------------------------- what it covers


def test_keywords_are_jsonschemas() -> None:
    """Any key outside KEYWORDS is skipped as an annotation, which is right only while
    jsonschema acts on exactly these."""
    assert set(KEYWORDS) == set(Draft202012Validator.VALIDATORS)
    assert set(COVERED) <= KEYWORDS


VALUES = [None, True, False, 0, 1, -1, 2**70, 0.0, 1.0, 2.5, -0.0, math.inf, math.nan]
VALUES += ["", "1", [], [1], {}, {"a": 1}, (1,)]


@pytest.mark.parametrize("name", sorted(TYPES))
def test_types_are_jsonschemas(name: str) -> None:
    for value in VALUES:
        assert TYPES[name](value) == Draft202012Validator.TYPE_CHECKER.is_type(value, name), value


@pytest.mark.parametrize("name", builtin_profiles())
def test_builtin_profiles_are_valid_schemas_it_covers(name: str) -> None:
    """load() does not check the built-in profiles against the meta-schema; this test does."""
    profile = load(name)
    Draft202012Validator.check_schema(profile.schema)
    assert covered(profile.ordered)


UNCOVERED = {
    "allOf": {"allOf": [{"required": ["a"]}]},
    "pattern": {"properties": {"a": {"type": "string", "pattern": "^x"}}},
    "$ref": {"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s"}}},
    "if/then": {"if": {"required": ["a"]}, "then": {"required": ["b"]}},
    "format": {"properties": {"a": {"format": "date"}}},
    "prefixItems": {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
    "boolean subschema": {"properties": {"a": True}},
    "items false": {"items": False},
    "additionalProperties schema": {"additionalProperties": {"type": "string"}},
    "unknown type": {"type": "any"},
    "float count": {"minItems": 2.0},
    "boolean bound": {"maximum": True},
    "required not a list": {"required": "a"},
}


@pytest.mark.parametrize("schema", UNCOVERED.values(), ids=list(UNCOVERED))
def test_what_it_does_not_cover(schema: dict[str, Any]) -> None:
    assert not covered(schema)
    assert not covered({"properties": {"deep": {"items": schema}}})


def test_annotations_and_unknown_keys_are_covered() -> None:
    """jsonschema ignores keys it has no validator for (then without if, x-*, $comment...)."""
    assert covered(
        {"title": "t", "$comment": "c", "then": {"allOf": []}, "x-check": "a", "dependencies": 1}
    )


# --------------------------------------------------------------------------- differential


SCALARS: SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, -1.5]),
    st.floats(),
    st.text(max_size=3),
    st.just([]),
    st.just({}),
)
LINES = st.one_of(st.integers(0, 400), st.none())


def facts_like(schema: Any) -> SearchStrategy[Any]:
    """Values for `schema` shaped like facts records: mostly objects with some of its properties
    (and their own values, a line, a stray key) or lists of its items, sometimes any scalar,
    of the wrong type or null."""
    if not isinstance(schema, dict):
        return SCALARS
    shapes: list[SearchStrategy[Any]] = []
    names = [*schema.get("properties", {}), *schema.get("required", [])]
    if names or schema.get("type") == "object":
        fields = {name: facts_like(schema.get("properties", {}).get(name)) for name in names}
        optional = {**fields, "line": LINES, "present": st.fixed_dictionaries({"line": LINES})}
        shapes.append(st.fixed_dictionaries({}, optional={**optional, "other": SCALARS}))
    if "items" in schema or schema.get("type") == "array":
        shapes.append(st.lists(facts_like(schema.get("items")), max_size=4))
    return st.one_of(*shapes, *shapes, SCALARS)


@pytest.mark.parametrize("name", builtin_profiles())
def test_same_verdicts_on_generated_facts(name: str) -> None:
    profile = load(name)

    @FAST
    @given(facts_like(profile.schema))
    def check(facts: Any) -> None:
        same_as_jsonschema(profile, facts)

    check()


def real_documents() -> list[Path]:
    found = [*DATA.glob("*.md"), *(REPO / "examples").glob("*.md")]
    found += (REPO / "fixtures").rglob("*.md")
    found += (REPO / "tests" / "rules" / "cases").rglob("*.md")
    return sorted(found)


@pytest.mark.parametrize("name", builtin_profiles())
def test_same_verdicts_on_real_documents(name: str) -> None:
    documents = real_documents()
    assert len(documents) >= 5
    failing = 0
    for path in documents:
        facts = extract(parse(from_text(path.read_text(encoding="utf-8"), str(path))))
        same_as_jsonschema(load(name), facts)
        failing += any(c.status == "fail" for c in evaluate(load(name), facts).values())
    assert failing  # some checks fail, so errors were compared, not only empty lists


# A profile using every covered keyword, in the ways jsonschema's semantics are easy to miss:
# integer accepts 1.0, booleans are not numbers, const/enum tell true from 1, a keyword about
# one type ignores the others, `required` reports each missing property (odd names too).
EVERY_KEYWORD: dict[str, Any] = {
    "type": "object",
    "x-check": "root",
    "required": ["a", "b", "it's", "", "z"],
    "additionalProperties": False,
    "properties": {
        "a": {"x-check": "a", "type": "integer", "minimum": 1, "maximum": 3},
        "b": {"x-check": "b", "type": ["number", "null"], "enum": [1, 2.5, None, [True]]},
        "c": {"x-check": "c", "const": [1, {"k": False}]},
        "d": {"x-check": "d", "type": "string", "minLength": 1, "maxLength": 2, "x-fix": "d!"},
        "e": {
            "x-check": "e",
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {"x-check": "e.item", "type": "boolean", "const": True},
        },
        "f": {
            "x-check": "f",
            "additionalProperties": True,
            "properties": {"k": {"enum": [0, False, "0", {"a": 1}]}},
            "required": ["k"],
        },
        "it's": {"x-check": "quote"},
        "": {"x-check": "empty"},
    },
    "x-checks": {
        cid: {"fix": f"fix {cid}", "description": cid}
        for cid in ("root", "a", "b", "c", "d", "e", "e.item", "f", "quote", "empty")
    },
}
KEYS = st.sampled_from(["a", "b", "c", "d", "e", "f", "k", "it's", "", "z", "line"])
JSON: SearchStrategy[Any] = st.recursive(
    SCALARS | st.sampled_from([0, 1, True, False, 1.0, "0", [True], [1, {"k": False}]]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=12,
)


@FAST
@given(st.dictionaries(KEYS, JSON, max_size=8) | JSON)
def test_same_errors_for_every_covered_keyword(instance: Any) -> None:
    profile = Profile("every", EVERY_KEYWORD, EVERY_KEYWORD["x-checks"])
    same_as_jsonschema(profile, instance)


def test_every_keyword_profile_is_valid_and_fails_in_many_ways() -> None:
    """Each keyword of the profile above can fail, so the test above compares real errors."""
    Draft202012Validator.check_schema(EVERY_KEYWORD)
    profile = Profile("every", EVERY_KEYWORD, EVERY_KEYWORD["x-checks"])
    bad = {"a": 0.5, "b": True, "c": [True, {"k": False}], "d": "xyz", "e": [1, True, True]}
    bad |= {"f": {"k": 1}, "z": 0, "it's": None, "": 0, "extra": 1}
    assert {f.keyword for f in profile.failures(bad)} == {
        "type", "minimum", "enum", "const", "maxLength", "maxItems", "additionalProperties",
    }  # fmt: skip
    assert [f.missing for f in profile.failures({}) if f.keyword == "required"] == [
        "a", "b", "it's", "", "z",
    ]  # fmt: skip
    checks = evaluate(profile, {"a": 0, "e": [], "d": ""})
    assert checks["a"].status == checks["e"].status == checks["d"].status == "fail"
    assert checks["d"].message == "d!"
    assert checks["quote"].status == "fail"  # charged to the missing property's own check
    assert checks["c"].status == "pass"
    same_as_jsonschema(profile, {"a": 0, "e": [], "d": ""})


# --------------------------------------------------------------------------- jsonschema path


TEAM_PROFILE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "timeline": {
            "properties": {
                "entries": {
                    "x-check": "entries.time",
                    "items": {"properties": {"time": {"type": "string", "pattern": "^[0-9]"}}},
                }
            },
            "allOf": [{"required": ["entries"]}],
        }
    },
    "x-checks": {"entries.time": {"fix": "Start each entry with a digit.", "description": "ok"}},
}


def test_a_profile_outside_the_subset_is_validated_by_jsonschema(tmp_path: Path) -> None:
    path = tmp_path / "team.schema.json"
    path.write_text(json.dumps(TEAM_PROFILE))
    profile = load(str(path))
    assert profile.needs_jsonschema
    good = {"timeline": {"entries": [{"time": "10:00"}, {"time": "11:00"}]}}
    bad = {"timeline": {"entries": [{"time": "10:00"}, {"time": "ten", "line": 7}]}}
    assert evaluate(profile, good)["entries.time"].status == "pass"
    verdict = evaluate(profile, bad)["entries.time"]
    assert (verdict.status, verdict.message, verdict.line) == (
        "fail",
        "Start each entry with a digit.",
        7,
    )
    assert [f.keyword for f in profile.failures(bad)] == ["pattern"]
    assert [f.keyword for f in profile.failures({"timeline": {}})] == ["required"]
