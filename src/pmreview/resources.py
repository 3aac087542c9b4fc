"""Files shipped with pmreview: schemas/ and prompts/ (in the wheel or the source tree), data/."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

# `tomllib` is re-exported (the "as" form) for config.py and llm/prompts.py.
if sys.version_info >= (3, 11):
    import tomllib as tomllib
else:  # pragma: no cover
    import tomli as tomllib

_HERE = Path(__file__).resolve().parent
DATA = _HERE / "data"


def shipped(folder: str) -> Path:
    """`schemas`, `prompts` or `examples`: inside the installed package, else the repo root."""
    inside = _HERE / folder
    return inside if inside.is_dir() else _HERE.parents[1] / folder


@cache
def load_toml(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as f:
        return tomllib.load(f)


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (shipped("schemas") / name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data
