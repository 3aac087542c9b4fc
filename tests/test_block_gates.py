"""Block gates (text/gates.py): a long document's facts are those of a block-by-block search."""

from __future__ import annotations

import re

import pytest

from pmreview.checks import extract
from pmreview.models import Block
from pmreview.parse import parse
from pmreview.source import from_text
from pmreview.text import gates
from pmreview.text.gates import gated
from pmreview.text.lexicon import lexicon


def _blocks(texts: list[str]) -> list[Block]:
    return [Block("paragraph", n, n, t) for n, t in enumerate(texts, 1)]


def test_a_long_list_keeps_only_the_blocks_holding_an_anchor() -> None:
    rows = [f"row {n} of the table" for n in range(600)]
    texts = ["Paged the DBA team", *rows[:300], "Ops paged, then paged again", *rows[300:], "paged"]
    kept = gated(_blocks(texts), lexicon("escalation_verb"), re.compile(r"\bpaged\b"))
    assert [b.text for b in kept] == ["Paged the DBA team", "Ops paged, then paged again", "paged"]


def test_a_short_list_or_an_unknown_pattern_keeps_every_block() -> None:
    few = _blocks(["nothing here"] * 10)
    assert gated(few, re.compile(r"\bpaged\b")) is few
    many = _blocks(["nothing here"] * 600)
    assert gated(many, re.compile(r"paged", re.IGNORECASE)) is many  # flags: not read
    assert gated(many, re.compile(r"\w+")) is many  # no anchor


_DOC = """# Postmortem

## Summary

The API failed from 10:00 to 11:00 UTC.

## Timeline

{rows}
- 10:50 UTC a customer reported errors, we suspected the cache but no issues were found
- 10:55 UTC we escalated to the storage team, who restarted the primary

## Root cause

A full disk on the primary.
"""


@pytest.mark.parametrize("limit", [gates.GATED_BLOCKS, 10**9])
def test_facts_of_a_long_timeline_do_not_depend_on_the_gates(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"- 10:{n % 50:02d} UTC step {n} was taken\n" for n in range(540))
    doc = parse(from_text(_DOC.format(rows=rows)))
    monkeypatch.setattr(gates, "GATED_BLOCKS", limit)
    facts = extract(doc)
    assert facts["timeline"]["detection"]["quote"].startswith("- 10:50 UTC a customer reported")
    assert facts["timeline"]["escalation"]["quote"].startswith("- 10:55 UTC we escalated")
    assert facts["timeline"]["misleading"] is not None
    assert facts["timeline"]["misleading"]["line"] == facts["timeline"]["detection"]["line"]
