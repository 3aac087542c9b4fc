"""What made a check pass: the line and the words of the facts record at the place its profile
names it.

A profile names the fact a check decides by putting `x-check` on its subschema; the fact's
place in the record follows from the schema path (`properties/summary/properties/start_time`
is `summary.start_time`; `items` is any element of an array). Every fact the record holds
carries its line and its words as written: `quote` (a sentence, a phrase), `text` (a time, an
entry, a task) or `title` (a section).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from ..resources import shipped

ANY = "*"  # an array's elements, in a fact's path
_WORDS = ("quote", "text", "title")


def fact_paths(schema: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Check id -> the path of the fact it decides (the first subschema that names it)."""
    out: dict[str, tuple[str, ...]] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if not isinstance(node, Mapping):
            return
        check = node.get("x-check")
        if isinstance(check, str):
            out.setdefault(check, path)
        for name, sub in (node.get("properties") or {}).items():
            walk(sub, (*path, name))
        add = node.get("additionalProperties")
        if isinstance(add, Mapping):
            walk(add, (*path, ANY))
        walk(node.get("items"), (*path, ANY))

    walk(schema, ())
    return out


def evidence(facts: Any, path: Sequence[str]) -> tuple[int | None, str]:
    """The line and the words of the fact at `path` (the first element of an array that has
    them, a concrete one if any); (None, "") when there are none."""
    return _find(facts, tuple(path), None) or (None, "")


def _find(node: Any, path: tuple[str, ...], line: int | None) -> tuple[int | None, str] | None:
    if isinstance(node, Mapping) and isinstance(node.get("line"), int):
        line = node["line"]
    if not path:
        return _words(node, line)
    head, rest = path[0], path[1:]
    if head == ANY:
        values = list(node.values()) if isinstance(node, Mapping) else node
        if not isinstance(values, list):
            return None
        values = _concrete_first(values)
        return next((f for v in values if (f := _find(v, rest, line)) is not None), None)
    return _find(node.get(head), rest, line) if isinstance(node, Mapping) else None


def _words(node: Any, line: int | None) -> tuple[int | None, str] | None:
    """A fact's line and words: a string (under the line of the object that holds it), an
    object's quote, text or title, an array's first element with words."""
    if isinstance(node, str):
        return (line, node) if node and line else None
    if isinstance(node, list):
        return next((f for v in _concrete_first(node) if (f := _words(v, line)) is not None), None)
    if not isinstance(node, Mapping):
        return None
    if isinstance(node.get("line"), int):
        line = node["line"]
    words = next((node[k] for k in _WORDS if isinstance(node.get(k), str) and node[k]), None)
    if words is not None and line:
        return line, words
    present = node.get("present")
    return _words(present, line) if isinstance(present, Mapping) else None


def _concrete_first(values: list[Any]) -> list[Any]:
    """An array's elements, those the record marks as no concrete instance (a task that is a
    wish: `"concrete": false`) last."""
    return sorted(values, key=lambda v: isinstance(v, Mapping) and v.get("concrete") is False)


@cache
def _facts_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (shipped("schemas") / "facts.schema.json").read_text(encoding="utf-8")
    )
    return schema


def shown_by(path: Sequence[str]) -> str:
    """What a pass at `path` quotes, as schemas/facts.schema.json describes that fact ("" for
    a path the record does not have)."""
    root = _facts_schema()
    node: Any = root
    for key in path:
        node = _resolve(root, node)
        props = node.get("properties") or {}
        if key in props:
            node = props[key]
        elif key == ANY and isinstance(node.get("items"), Mapping):
            node = node["items"]
        else:
            node = node.get("additionalProperties")
        if not isinstance(node, Mapping):
            return ""
    said = str(node.get("description") or _resolve(root, node).get("description", ""))
    said = _NULL.sub("", said)
    return said + (" The first is quoted." if _resolve(root, node).get("type") == "array" else "")


_NULL = re.compile(r"[;,]\s*(?:else\s+)?null\b[^.]*")  # "; null when …": never quoted


def _resolve(root: Mapping[str, Any], node: Any) -> Any:
    """A subschema with its nullable `anyOf` reduced to its one branch and `$ref` followed."""
    if not isinstance(node, Mapping):
        return {}
    branches = [b for b in node.get("anyOf", ()) if b.get("type") != "null"]
    if len(branches) == 1:
        node = branches[0]
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        node = root["$defs"][ref.removeprefix("#/$defs/")]
    return node
