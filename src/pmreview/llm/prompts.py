"""Prompt files (prompts/*.toml): id, version, output schema, system and user templates.

Templates use string.Template (`$name`). Rendering reports every missing variable at once,
and rejects variables the template does not use, so a typo cannot silently drop input.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from ..errors import UsageError
from ..resources import parse_toml, shipped


@dataclass(frozen=True)
class Prompt:
    id: str
    version: int
    system: str
    user: str
    schema: str  # the answer's JSON Schema: a file in schemas/
    schema_name: str  # the schema's name in the request's response format
    max_tokens: int | None = None  # a limit of its own, else the LLM config's

    def variables(self) -> set[str]:
        out: set[str] = set()
        for text in (self.system, self.user):
            for m in string.Template.pattern.finditer(text):
                name = m.group("named") or m.group("braced")
                if name:
                    out.add(name)
        return out

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) with the values filled in."""
        need = self.variables()
        missing = sorted(need - values.keys())
        unused = sorted(values.keys() - need)
        if missing or unused:
            parts = []
            if missing:
                parts.append(f"missing variables: {', '.join(missing)}")
            if unused:
                parts.append(f"variables the template does not use: {', '.join(unused)}")
            raise ValueError(f"prompt {self.id!r} v{self.version}: " + "; ".join(parts))
        return (
            string.Template(self.system).substitute(values),
            string.Template(self.user).substitute(values),
        )


@cache
def load(name: str) -> Prompt:
    path = shipped("prompts") / f"{name}.toml"
    try:
        data = parse_toml(path)
        limit = data.get("max_tokens")
        return Prompt(
            str(data["id"]),
            int(data["version"]),
            str(data["system"]),
            str(data["user"]),
            str(data["schema"]),
            str(data["schema_name"]),
            int(limit) if limit is not None else None,
        )
    except (OSError, KeyError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise UsageError(f"{path}: not a usable prompt file ({exc})") from None
