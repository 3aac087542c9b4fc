"""The shipped JSON twin of the data tables is current."""

from __future__ import annotations

from pmreview.resources import TABLES, load_toml, parse_tables, tables_json


def test_shipped_tables_are_current() -> None:
    """data/tables.json is what `python -m pmreview.resources` writes from data/*.toml."""
    assert TABLES.read_text(encoding="utf-8") == tables_json(), (
        "data/tables.json is stale: run python -m pmreview.resources"
    )


def test_a_table_reads_as_its_toml_parses() -> None:
    parsed = parse_tables()
    assert {"vague.toml", "sections.toml", "zones.toml"} <= parsed.keys()
    assert load_toml("vague.toml") == parsed["vague.toml"]
