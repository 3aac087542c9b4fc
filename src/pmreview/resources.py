"""Files shipped with pmreview: schemas/ and prompts/ (in the wheel or the source tree), data/."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
DATA = _HERE / "data"


def shipped(folder: str) -> Path:
    """`schemas`, `prompts` or `examples`: inside the installed package, else the repo root."""
    inside = _HERE / folder
    return inside if inside.is_dir() else _HERE.parents[1] / folder


# The data/*.toml tables as JSON, which a start reads in a fifteenth of what tomllib's pure
# Python parser costs (~4 M instructions instead of ~60 M for the tables a review reads); the
# TOML files, with their comments, stay the ones to edit. Written by `python -m
# pmreview.resources`; tests/test_resources.py checks that it is current.
TABLES = DATA / "tables.json"


@cache
def _tables() -> dict[str, Any]:
    with TABLES.open(encoding="utf-8") as f:
        found: dict[str, Any] = json.load(f)
    return found


def load_toml(name: str) -> dict[str, Any]:
    """The table in data/`name` (a TOML file), read from its twin in data/tables.json."""
    table: dict[str, Any] = _tables()[name]
    return table


def parse_toml(path: Path) -> dict[str, Any]:
    """A TOML file, parsed; raises OSError, UnicodeDecodeError or TOMLDecodeError (a
    ValueError). tomllib is imported here: it costs ~12 M instructions, and most runs read no
    TOML file (a config file, a prompt; the data tables are read from data/tables.json)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with path.open("rb") as f:
        return tomllib.load(f)


def parse_tables() -> dict[str, dict[str, Any]]:
    """Every data/*.toml file parsed, by file name: what data/tables.json holds."""
    return {path.name: parse_toml(path) for path in sorted(DATA.glob("*.toml"))}


def tables_json() -> str:
    """The text of data/tables.json."""
    return json.dumps(parse_tables(), ensure_ascii=False, indent=1) + "\n"


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (shipped("schemas") / name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def main() -> None:
    """Write data/tables.json."""
    TABLES.write_text(tables_json(), encoding="utf-8")
    print(f"wrote {TABLES}")


if __name__ == "__main__":
    main()
