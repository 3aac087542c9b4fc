"""The built-in evaluator: a subset of JSON Schema 2020-12, validated exactly as jsonschema 4
does (same errors, same order, same paths), without importing it.

Built-in profiles use a handful of keywords, and jsonschema spends ~0.5 ms per document
validating them (plus ~45 ms to import on every start). `covered` says whether a schema stays
within the subset; any other schema is validated by jsonschema (profile.reference_failures).
tests/test_profile_fast.py checks the two agree, on generated facts and on real documents.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple


class Failure(NamedTuple):
    """One validation error, as much of it as a verdict needs."""

    keyword: str | None  # the keyword that failed (None for a `false` schema)
    path: tuple[str | int, ...]  # where in the facts
    schema_path: tuple[str | int, ...]  # where in the schema, from the root, keyword last
    schema: Any  # the subschema holding the keyword
    missing: str | None = None  # for `required`: the missing property


#: The keywords jsonschema's Draft202012Validator acts on; every other key is an annotation it
#: ignores (a test keeps this set equal to Draft202012Validator.VALIDATORS).
KEYWORDS = frozenset(
    {
        "$dynamicRef", "$ref", "additionalProperties", "allOf", "anyOf", "const", "contains",
        "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
        "format", "if", "items", "maxItems", "maxLength", "maxProperties", "maximum", "minItems",
        "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern",
        "patternProperties", "prefixItems", "properties", "propertyNames", "required", "type",
        "unevaluatedItems", "unevaluatedProperties", "uniqueItems",
    }
)  # fmt: skip

#: JSON Schema's types, as jsonschema's 2020-12 type checker decides them.
TYPES: dict[str, Callable[[Any], bool]] = {
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": lambda x: (
        not isinstance(x, bool)
        and (isinstance(x, int) or (isinstance(x, float) and x.is_integer()))
    ),
    "null": lambda x: x is None,
    "number": lambda x: not isinstance(x, bool) and isinstance(x, numbers.Number),
    "object": lambda x: isinstance(x, dict),
    "string": lambda x: isinstance(x, str),
}


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _types(value: Any) -> bool:
    names = [value] if isinstance(value, str) else value
    return isinstance(names, list) and all(isinstance(n, str) and n in TYPES for n in names)


#: The keywords `subset_validator` implements, each with what its value must be for that.
COVERED: dict[str, Callable[[Any], bool]] = {
    "type": _types,
    "required": lambda v: isinstance(v, list) and all(isinstance(n, str) for n in v),
    "properties": lambda v: isinstance(v, dict) and all(covered(s) for s in v.values()),
    "additionalProperties": lambda v: isinstance(v, bool),
    "items": lambda v: covered(v),
    "minItems": _count,
    "maxItems": _count,
    "minLength": _count,
    "maxLength": _count,
    "minimum": _number,
    "maximum": _number,
    "const": lambda v: True,
    "enum": lambda v: isinstance(v, list),
}


def covered(schema: Any) -> bool:
    """Whether `subset_validator` validates `schema` exactly as jsonschema would: an object (not a
    boolean schema) using only the COVERED keywords, with values of the expected kind."""
    return isinstance(schema, dict) and all(
        keyword not in KEYWORDS or (keyword in COVERED and COVERED[keyword](value))
        for keyword, value in schema.items()
    )


def _equal(one: Any, two: Any) -> bool:
    """jsonschema's equality (for const and enum): like ==, but true and 1 differ, also inside
    arrays and objects."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(
            key in two and _equal(value, two[key]) for key, value in one.items()
        )
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # `one is two` was not the case
    return bool(one == two)


def _fails(keyword: str, value: Any, x: Any, schema: dict[str, Any]) -> bool:
    """Whether a keyword without subschemas rejects the instance `x`. Like jsonschema, a
    keyword about one type (minItems, maximum...) ignores instances of another."""
    if keyword == "type":
        return not any(TYPES[name](x) for name in ([value] if isinstance(value, str) else value))
    if keyword == "const":
        return not _equal(x, value)
    if keyword == "enum":
        return all(not _equal(each, x) for each in value)
    if keyword in ("minimum", "maximum"):
        return TYPES["number"](x) and (x < value if keyword == "minimum" else x > value)
    if keyword in ("minItems", "maxItems"):
        return isinstance(x, list) and (len(x) < value if keyword == "minItems" else len(x) > value)
    if keyword in ("minLength", "maxLength"):
        return isinstance(x, str) and (len(x) < value if keyword == "minLength" else len(x) > value)
    if keyword == "additionalProperties":
        known = schema.get("properties", {})
        return value is False and isinstance(x, dict) and any(k not in known for k in x)
    return False


Validate = Callable[[Any, tuple[str | int, ...], tuple[str | int, ...], list[Failure]], None]


def subset_validator(schema: dict[str, Any]) -> Validate:
    """What appends the errors of an instance against a `covered` schema to a list, as
    jsonschema's iter_errors yields them: keyword by keyword in the schema's order, depth
    first. Called as check(x, path, schema_path, out). The schema is read once, here: a long
    timeline's entries are each checked against the same subschema."""
    steps = [_step(keyword, value, schema) for keyword, value in schema.items()]
    live = [step for step in steps if step is not None]  # annotations: no step

    def check(
        x: Any, path: tuple[str | int, ...], schema_path: tuple[str | int, ...], out: list[Failure]
    ) -> None:
        for step in live:
            step(x, path, schema_path, out)

    return check


def _step(keyword: str, value: Any, schema: dict[str, Any]) -> Validate | None:
    """The check of one keyword (None for an annotation: `covered` let no other through)."""
    if keyword not in COVERED:
        return None
    if keyword == "properties":
        subs = [(name, subset_validator(sub)) for name, sub in value.items()]

        def properties(x: Any, path: Any, schema_path: Any, out: list[Failure]) -> None:
            if isinstance(x, dict):
                for name, sub in subs:
                    if name in x:
                        sub(x[name], (*path, name), (*schema_path, keyword, name), out)

        return properties
    if keyword == "items":
        item = subset_validator(value)

        def items(x: Any, path: Any, schema_path: Any, out: list[Failure]) -> None:
            if isinstance(x, list):
                for index, each in enumerate(x):
                    item(each, (*path, index), (*schema_path, keyword), out)

        return items
    if keyword == "required":

        def required(x: Any, path: Any, schema_path: Any, out: list[Failure]) -> None:
            if isinstance(x, dict):
                out.extend(
                    Failure(keyword, path, (*schema_path, keyword), schema, name)
                    for name in value
                    if name not in x
                )

        return required

    def other(x: Any, path: Any, schema_path: Any, out: list[Failure]) -> None:
        if _fails(keyword, value, x, schema):
            out.append(Failure(keyword, path, (*schema_path, keyword), schema))

    return other
