"""Configuration: .pmreview.toml or [tool.pmreview] in pyproject.toml, found upward from a
folder, validated against schemas/config.schema.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .errors import UsageError
from .resources import load_schema, tomllib


def discover(start: Path) -> Path | None:
    """The nearest .pmreview.toml, or pyproject.toml with a [tool.pmreview] table."""
    for folder in [start, *start.parents]:
        own = folder / ".pmreview.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.pmreview" in pyproject.read_bytes():
            return pyproject
    return None


def load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise UsageError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("pmreview", {})
    data = {k.replace("_", "-"): v for k, v in data.items()}
    error = next(
        iter(Draft202012Validator(load_schema("config.schema.json")).iter_errors(data)), None
    )
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "config"
        raise UsageError(f"{path}: invalid config at {where}: {error.message}")
    profile = data.get("profile")
    if isinstance(profile, str) and profile.endswith(".json"):
        data["profile"] = str((path.parent / profile).resolve())
    return data


def resolve(explicit: str | None, start: Path) -> dict[str, Any]:
    """The config named by --config, else the one found upward from `start`, else {}."""
    if explicit:
        return load(Path(explicit))
    found = discover(start)
    return load(found) if found else {}
