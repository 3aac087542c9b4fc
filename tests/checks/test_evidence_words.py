"""A pass quotes the words that satisfy the definition, not a nearby label or the assignment's
text (examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.models import Block
from pmreview.parse import parse
from pmreview.pipeline import Options, review_text
from pmreview.source import from_text
from pmreview.text.borrowed import assignment_section, requirement

README = """# My postmortem project

## Tasks

1. **First postmortem**
   - Write a postmortem about a real or made-up outage.
   - Keep the document short and to the point.
2. **Make people want to read your postmortem**
   - Add a diagram or some humour.

## Issue summary

From 10:00 to 10:45 UTC the shop returned errors for all users; a full disk on db-1.

## Corrective and preventative measures

- **Improvements:**
  - Alert when db-1's disk is 80% full, owned by the on-call.
  - Rotate the slow-query log daily with logrotate.
"""


def test_the_assignment_s_tasks_are_not_the_measures() -> None:
    found = measures(parse(from_text(README)))
    assert found["present"] is not None and found["present"]["line"] == 15
    assert found["improvements"] is not None
    assert found["improvements"]["quote"].startswith("- Alert when")
    assert [t["text"][:5] for t in found["tasks"]] == ["Alert", "Rotat"]


def test_the_passes_quote_the_measures_themselves() -> None:
    checks = review_text(README, Options(offline=True)).checks
    for cid in ("measures.present", "measures.improvements", "measures.tasks"):
        assert checks[cid].status == "pass"
        assert checks[cid].line is not None and checks[cid].line >= 15, cid
        assert "postmortem" not in checks[cid].evidence.lower(), cid


def _para(text: str) -> Block:
    return Block("paragraph", 1, 1, text)


def test_an_instruction_to_the_writer_is_the_assignment_s_text() -> None:
    assert requirement(_para("- Write a postmortem about a real or made-up outage."))
    assert requirement(_para("Enhance the readability of your postmortem."))
    assert not requirement(_para("We wrote a script that restarts the worker."))


def test_a_section_of_instructions_is_the_assignment_s() -> None:
    steps = [_para("Write a postmortem about an outage."), _para("Keep the document brief.")]
    assert assignment_section(steps)
    assert not assignment_section([*steps, _para("Add an alert."), _para("Add a test.")])


def test_the_impact_is_quoted_from_outside_the_summary_s_root_cause() -> None:
    text = (
        "# Outage\n\n## Summary\n\nAcme Shop stopped responding to Stripe callbacks for an"
        " hour.\n\n## Root cause\n\nWhen the config was updated the login server failed to"
        " load it.\n\n## Timeline\n\n- 10:00 UTC - alert\n"
    )
    found = summary(parse(from_text(text)))["impact"]
    assert found is not None and found["quote"].startswith("Acme Shop")


def test_an_impact_that_can_happen_is_no_impact() -> None:
    text = (
        "# Bug report\n\n## Summary\n\nA parsing bug in the Acme node can cause a crash of"
        " the sync service.\n\n## Timeline\n\n- 10:00 UTC - report\n"
    )
    assert summary(parse(from_text(text)))["impact"] is None
