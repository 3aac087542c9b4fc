"""Profiles: JSON Schemas over the facts record. Validation errors become check verdicts.

A profile is a JSON Schema (2020-12) with an `x-checks` table (id -> kind, severity,
description, fix, question; and why, example, instead, cites for `pmreview explain`, cites
being keys of data/practices.toml). Any subschema may name the check it decides with
`x-check`, and a more precise fix with `x-fix`; a validation error is charged to the nearest
`x-check` on its schema path (for `required`, to the missing property's).

Validation is jsonschema's (Draft 2020-12), except that a profile using only the keywords the
built-in ones use is validated by `evaluator.subset_validator`, which gives the same errors at a
fraction of the cost, without importing jsonschema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..models import Check
from ..resources import shipped
from .evaluator import Failure, Validate, covered, subset_validator
from .evidence import evidence, fact_paths

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError


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
    def fact_paths(self) -> dict[str, tuple[str, ...]]:
        """Check id -> the path in the facts record of the fact it decides."""
        return fact_paths(self.schema)

    @cached_property
    def validator(self) -> Draft202012Validator:
        """jsonschema's validator for the profile: the reference, used for any profile the
        built-in evaluator does not cover."""
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self.ordered)

    @cached_property
    def needs_jsonschema(self) -> bool:
        """Whether the profile uses a keyword the built-in evaluator does not cover."""
        return not covered(self.ordered)

    def failures(self, facts: Mapping[str, Any]) -> list[Failure]:
        """The validation errors of `facts` against the profile, in jsonschema's order."""
        if self.needs_jsonschema:
            return reference_failures(self, facts)
        out: list[Failure] = []
        self._check(facts, (), (), out)
        return out

    @cached_property
    def _check(self) -> Validate:
        """The built-in evaluator's validator, made from the schema once."""
        return subset_validator(self.ordered)


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


def reference_failures(profile: Profile, facts: Mapping[str, Any]) -> list[Failure]:
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


def _line(failure: Failure, facts: Mapping[str, Any]) -> int | None:
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


def evaluate(profile: Profile, facts: Mapping[str, Any]) -> dict[str, Check]:
    """A verdict for every check of the profile."""
    return verdicts(profile, profile.failures(facts), facts)


def verdicts(profile: Profile, errors: list[Failure], facts: Mapping[str, Any]) -> dict[str, Check]:
    """A verdict for every check of the profile, given the validation errors of `facts`."""
    failures: dict[str, list[tuple[str, int | None]]] = {}
    charged: dict[tuple[Any, ...], tuple[str | None, str | None]] = {}  # a long timeline's
    for error in errors:  # entries fail at the same place of the schema
        key = (error.schema_path, error.keyword, error.missing)
        if key not in charged:
            charged[key] = _charged(error, profile.schema)
        check, fix = charged[key]
        if check is None or check not in profile.checks:
            continue
        failures.setdefault(check, []).append(
            (fix or profile.checks[check].get("fix", ""), _line(error, facts))
        )
    _fail_dependents(profile, failures)
    result: dict[str, Check] = {}
    for cid, spec in profile.checks.items():
        if cid in failures:
            fix, line = failures[cid][0]
            result[cid] = Check(cid, "fail", fix + _more(failures[cid]), line)
        else:
            line, words = evidence(facts, profile.fact_paths.get(cid, ()))
            result[cid] = Check(cid, "pass", spec.get("description", ""), line, evidence=words)
    return result


def _more(failures: list[tuple[str, int | None]]) -> str:
    """The other failures of a check, by their lines: " (also lines 16, 18)"."""
    lines = sorted({n for _, n in failures[1:] if n} - {failures[0][1]})
    if not lines:
        return f" ({len(failures) - 1} more like this)" if len(failures) > 1 else ""
    shown = ", ".join(map(str, lines[:8])) + (", …" if len(lines) > 8 else "")
    return f" (also line{'s' if len(lines) > 1 else ''} {shown})"


def _fail_dependents(profile: Profile, failures: dict[str, list[tuple[str, int | None]]]) -> None:
    """A check that `requires` a failed one fails too: "every action item has an owner" is
    not shown by a document without action items, so nothing could be its evidence."""
    changed = True
    while changed:
        changed = False
        for cid, spec in profile.checks.items():
            if cid not in failures and spec.get("requires") in failures:
                failures[cid] = [(spec.get("fix", ""), None)]
                changed = True
