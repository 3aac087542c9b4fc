"""What made a check pass: the line and the words of the facts record at the place its profile
names it.

A profile names the fact a check decides by putting `x-check` on its subschema; the fact's
place in the record follows from the schema path (`properties/summary/properties/start_time`
is `summary.start_time`; `items` is any element of an array). Every fact the record holds
carries its line and its words as written: `quote` (a sentence, a phrase), `text` (a time, an
entry, a task) or `title` (a section).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    them); (None, "") when there are none."""
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
        return next((f for v in values if (f := _find(v, rest, line)) is not None), None)
    return _find(node.get(head), rest, line) if isinstance(node, Mapping) else None


def _words(node: Any, line: int | None) -> tuple[int | None, str] | None:
    """A fact's line and words: a string (under the line of the object that holds it), an
    object's quote, text or title, an array's first element with words."""
    if isinstance(node, str):
        return (line, node) if node and line else None
    if isinstance(node, list):
        return next((f for v in node if (f := _words(v, line)) is not None), None)
    if not isinstance(node, Mapping):
        return None
    if isinstance(node.get("line"), int):
        line = node["line"]
    words = next((node[k] for k in _WORDS if isinstance(node.get(k), str) and node[k]), None)
    if words is not None and line:
        return line, words
    present = node.get("present")
    return _words(present, line) if isinstance(present, Mapping) else None
