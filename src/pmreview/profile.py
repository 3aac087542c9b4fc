"""Profiles: JSON Schemas over the facts record. Validation errors become check verdicts.

A profile is a JSON Schema (2020-12) with an `x-checks` table (id -> kind, severity,
description, fix, question; and why, example, instead, cites for `pmreview explain`, cites
being keys of data/practices.toml). Any subschema may name the check it decides with
`x-check`, and a more precise fix with `x-fix`; a validation error is charged to the nearest
`x-check` on its schema path (for `required`, to the missing property's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import SchemaError

from .errors import UsageError
from .models import Check
from .resources import shipped


def slug(check_id: str) -> str:
    """A check id's name, as findings spell it: "summary.start_time" -> "summary-start-time"."""
    return check_id.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Profile:
    name: str
    schema: dict[str, Any]
    checks: dict[str, dict[str, str]]

    @property
    def validator(self) -> Draft202012Validator:
        return _validator(self.name, json.dumps(self.schema, sort_keys=True))


@cache
def _validator(name: str, schema_json: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_json))


def builtin_profiles() -> list[str]:
    return sorted(
        p.name.removesuffix(".schema.json")
        for p in (shipped("schemas") / "profiles").glob("*.schema.json")
    )


@cache
def load(name_or_path: str) -> Profile:
    """A built-in profile by name (`default`, `google-sre`) or a profile file by path."""
    builtin = shipped("schemas") / "profiles" / f"{name_or_path}.schema.json"
    path = (
        builtin
        if re.fullmatch(r"[\w-]+", name_or_path) and builtin.is_file()
        else Path(name_or_path)
    )
    if not path.is_file():
        names = ", ".join(builtin_profiles())
        raise UsageError(
            f"unknown profile {name_or_path!r} (built in: {names}; or give a path "
            "to a .schema.json file)"
        )
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read profile: {str(exc).splitlines()[0]}") from None
    except SchemaError as exc:
        raise UsageError(f"{path}: not a valid JSON Schema: {exc.message}") from None
    checks = schema.get("x-checks") if isinstance(schema, dict) else None
    if not isinstance(checks, dict) or not checks:
        raise UsageError(f"{path}: a profile needs an 'x-checks' table of check ids")
    name = schema.get("title") or path.name.removesuffix(".schema.json")
    return Profile(str(name), schema, checks)


def _charged(error: ValidationError, root: dict[str, Any]) -> tuple[str | None, str | None]:
    """The check id and the most precise fix text for a validation error."""
    node: Any = root
    check, fix = root.get("x-check"), root.get("x-fix")
    for key in error.absolute_schema_path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            check = node.get("x-check", check)
            fix = node.get("x-fix", fix)
    if error.validator == "required" and isinstance(error.schema, dict):
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        sub = error.schema.get("properties", {}).get(missing[0], {}) if missing else {}
        check = sub.get("x-check", check)
        fix = sub.get("x-fix", fix)
    return check, fix


def _line(error: ValidationError, facts: dict[str, Any]) -> int | None:
    """The line the error is about: the entry it concerns, else its section."""
    node: Any = facts
    line = None
    for key in error.absolute_path:
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
    failures: dict[str, list[tuple[str, int | None]]] = {}
    for error in profile.validator.iter_errors(facts):
        check, fix = _charged(error, profile.schema)
        if check is None or check not in profile.checks:
            continue
        failures.setdefault(check, []).append(
            (fix or profile.checks[check].get("fix", ""), _line(error, facts))
        )
    verdicts: dict[str, Check] = {}
    for cid, spec in profile.checks.items():
        if cid in failures:
            fix, line = failures[cid][0]
            more = len(failures[cid]) - 1
            msg = fix + (f" ({more} more like this)" if more else "")
            verdicts[cid] = Check(cid, "fail", msg, line)
        else:
            verdicts[cid] = Check(cid, "pass", spec.get("description", ""), None)
    return verdicts
