"""Profiles: JSON Schemas over the facts record. Validation errors become check verdicts.

A profile is a JSON Schema (2020-12) with an `x-checks` table (id -> kind, severity,
description, fix, question; and why, example, instead, cites for `pmreview explain`, cites
being keys of data/practices.toml). Any subschema may name the check it decides with
`x-check`, and a more precise fix with `x-fix`; a validation error is charged to the nearest
`x-check` on its schema path (for `required`, to the missing property's).

Validation is jsonschema's (Draft 2020-12), except that a profile using only the keywords the
built-in ones use is validated by `_failures` here, which gives the same errors at a fraction of
the cost, without importing jsonschema.
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import UsageError
from .models import Check
from .resources import shipped

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError


def slug(check_id: str) -> str:
    """A check id's name, as findings spell it: "summary.start_time" -> "summary-start-time"."""
    return check_id.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Profile:
    name: str
    schema: dict[str, Any]
    checks: dict[str, dict[str, str]]

    @cached_property
    def ordered(self) -> dict[str, Any]:
        """The schema as validation applies it: every object's keys sorted, so a subschema's
        keywords (and `properties` its properties) apply in alphabetical order. That is the
        order verdicts have always had (the validator was built from sorted JSON text); it
        decides which failure of a check is reported first."""
        ordered: dict[str, Any] = json.loads(json.dumps(self.schema, sort_keys=True))
        return ordered

    @cached_property
    def validator(self) -> Draft202012Validator:
        """jsonschema's validator for the profile: the reference, used for any profile the
        built-in evaluator does not cover."""
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self.ordered)

    @cached_property
    def needs_jsonschema(self) -> bool:
        """Whether the profile uses a keyword that `_failures` does not cover (see `covered`)."""
        return not covered(self.ordered)

    def failures(self, facts: dict[str, Any]) -> list[Failure]:
        """The validation errors of `facts` against the profile, in jsonschema's order."""
        if self.needs_jsonschema:
            return reference_failures(self, facts)
        out: list[Failure] = []
        _failures(self.ordered, facts, (), (), out)
        return out


def builtin_profiles() -> list[str]:
    return sorted(
        p.name.removesuffix(".schema.json")
        for p in (shipped("schemas") / "profiles").glob("*.schema.json")
    )


@cache
def load(name_or_path: str) -> Profile:
    """A built-in profile by name (`default`, `google-sre`) or a profile file by path."""
    builtin = shipped("schemas") / "profiles" / f"{name_or_path}.schema.json"
    is_builtin = re.fullmatch(r"[\w-]+", name_or_path) is not None and builtin.is_file()
    path = builtin if is_builtin else Path(name_or_path)
    if not path.is_file():
        names = ", ".join(builtin_profiles())
        raise UsageError(
            f"unknown profile {name_or_path!r} (built in: {names}; or give a path "
            "to a .schema.json file)"
        )
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read profile: {str(exc).splitlines()[0]}") from None
    if not is_builtin:  # the built-in ones are checked by a test, not at every start
        _check_schema(path, schema)
    checks = schema.get("x-checks") if isinstance(schema, dict) else None
    if not isinstance(checks, dict) or not checks:
        raise UsageError(f"{path}: a profile needs an 'x-checks' table of check ids")
    name = schema.get("title") or path.name.removesuffix(".schema.json")
    return Profile(str(name), schema, checks)


def _check_schema(path: Path, schema: Any) -> None:
    """A usage error unless `schema` is a valid JSON Schema (2020-12)."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise UsageError(f"{path}: not a valid JSON Schema: {exc.message}") from None


class Failure(NamedTuple):
    """One validation error, as much of it as a verdict needs."""

    keyword: str | None  # the keyword that failed (None for a `false` schema)
    path: tuple[str | int, ...]  # where in the facts
    schema_path: tuple[str | int, ...]  # where in the schema, from the root, keyword last
    schema: Any  # the subschema holding the keyword
    missing: str | None = None  # for `required`: the missing property


def reference_failures(profile: Profile, facts: dict[str, Any]) -> list[Failure]:
    """The validation errors as jsonschema reports them."""
    return [_failure(error) for error in profile.validator.iter_errors(facts)]


def _failure(error: ValidationError) -> Failure:
    keyword = error.validator if isinstance(error.validator, str) else None
    missing = None
    if keyword == "required" and isinstance(error.validator_value, list):
        # jsonschema names the missing property only in its message
        missing = next(
            (
                name
                for name in error.validator_value
                if error.message == f"{name!r} is a required property"
            ),
            None,
        )
    return Failure(
        keyword,
        tuple(error.absolute_path),
        tuple(error.absolute_schema_path),
        error.schema,
        missing,
    )


# ---------------------------------------------------------------------- built-in evaluator
#
# Built-in profiles use a handful of keywords, and jsonschema spends ~0.5 ms per document
# validating them (plus ~45 ms to import on every start). `_failures` implements a subset of
# Draft 2020-12 exactly as jsonschema 4 does (same errors, same order, same paths); `covered`
# says whether a schema stays within it, and any other schema is validated by jsonschema.
# tests/test_profile_fast.py checks the two agree, on generated facts and on real documents.

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


#: The keywords `_failures` implements, each with what its value must be for that.
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
    """Whether `_failures` validates `schema` exactly as jsonschema would: an object (not a
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


def _failures(
    schema: dict[str, Any],
    x: Any,
    path: tuple[str | int, ...],
    schema_path: tuple[str | int, ...],
    out: list[Failure],
) -> None:
    """Append the errors of instance `x` against a `covered` schema to `out`, as jsonschema's
    iter_errors yields them: keyword by keyword in the schema's order, depth first."""
    for keyword, value in schema.items():
        if keyword not in COVERED:  # an annotation: `covered` let no other keyword through
            continue
        if keyword == "properties":
            if isinstance(x, dict):
                for name, sub in value.items():
                    if name in x:
                        _failures(sub, x[name], (*path, name), (*schema_path, keyword, name), out)
        elif keyword == "items":
            if isinstance(x, list):
                for index, item in enumerate(x):
                    _failures(value, item, (*path, index), (*schema_path, keyword), out)
        elif keyword == "required":
            if isinstance(x, dict):
                out.extend(
                    Failure(keyword, path, (*schema_path, keyword), schema, name)
                    for name in value
                    if name not in x
                )
        elif _fails(keyword, value, x, schema):
            out.append(Failure(keyword, path, (*schema_path, keyword), schema))


# ------------------------------------------------------------------------------- verdicts


def _charged(failure: Failure, root: dict[str, Any]) -> tuple[str | None, str | None]:
    """The check id and the most precise fix text for a validation error."""
    node: Any = root
    check, fix = root.get("x-check"), root.get("x-fix")
    for key in failure.schema_path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            check = node.get("x-check", check)
            fix = node.get("x-fix", fix)
    if failure.keyword == "required" and isinstance(failure.schema, dict):
        properties = failure.schema.get("properties")
        sub = properties.get(failure.missing) if isinstance(properties, dict) else None
        if isinstance(sub, dict):
            check = sub.get("x-check", check)
            fix = sub.get("x-fix", fix)
    return check, fix


def _line(failure: Failure, facts: dict[str, Any]) -> int | None:
    """The line the error is about: the entry it concerns, else its section."""
    node: Any = facts
    line = None
    for key in failure.path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            present = node.get("present")
            if isinstance(present, dict) and present.get("line"):
                line = present["line"]
            if isinstance(node.get("line"), int) and node["line"]:
                line = node["line"]
    return line


def evaluate(profile: Profile, facts: dict[str, Any]) -> dict[str, Check]:
    """A verdict for every check of the profile."""
    return verdicts(profile, profile.failures(facts), facts)


def verdicts(profile: Profile, errors: list[Failure], facts: dict[str, Any]) -> dict[str, Check]:
    """A verdict for every check of the profile, given the validation errors of `facts`."""
    failures: dict[str, list[tuple[str, int | None]]] = {}
    for error in errors:
        check, fix = _charged(error, profile.schema)
        if check is None or check not in profile.checks:
            continue
        failures.setdefault(check, []).append(
            (fix or profile.checks[check].get("fix", ""), _line(error, facts))
        )
    result: dict[str, Check] = {}
    for cid, spec in profile.checks.items():
        if cid in failures:
            fix, line = failures[cid][0]
            more = len(failures[cid]) - 1
            msg = fix + (f" ({more} more like this)" if more else "")
            result[cid] = Check(cid, "fail", msg, line)
        else:
            result[cid] = Check(cid, "pass", spec.get("description", ""), None)
    return result
