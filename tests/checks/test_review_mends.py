"""Readings mended after a review of the session's change (examples written for these tests):
an outcome is no fix, a clock range's own length is no restated setting, amends are no
failure, and a cause is found however many blocks the document has."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.causes import root_cause, with_subsections
from pmreview.checks.fixes import resolution
from pmreview.checks.summary import summary
from pmreview.text.durations import durations_in, of_other_thing


def test_an_outcome_is_no_fix_but_a_value_lowered_is() -> None:
    outcome = "# Outage\n\n## Resolution\n\nError rates on checkout-api decreased at 14:20.\n"
    assert resolution(doc_of(outcome))["detail"] is None
    lowered = "# Outage\n\n## Resolution\n\nWe lowered the pool size of api-1 to 20 at 14:20.\n"
    assert resolution(doc_of(lowered))["detail"] is not None


def test_a_clock_ranges_own_length_is_the_outages() -> None:
    text = "The checkout failed from 14:00 to 14:45 (45 minutes)."
    assert [not of_other_thing(text, s, e) for s, e, _ in durations_in(text)] == [True]


def test_amends_are_said_to_everyone_but_a_502_is_a_failure() -> None:
    failed = "# Outage\n\n## Summary\n\nAnyone trying to pay gets a 502 error, from 10:00 UTC.\n"
    assert summary(doc_of(failed))["affected_share"] is not None
    amends = "# Outage\n\n## Summary\n\nEveryone gets a free month of the service.\n"
    assert summary(doc_of(amends))["affected_share"] is None


def test_a_summary_cause_is_found_in_a_long_document() -> None:
    cause = "Cron job `backup-db` had no retention limit, so disk on db-1 filled up."
    filler = "".join(f"Note {i} of the day.\n\n" for i in range(600))  # past the gates' 512
    doc = doc_of(f"# Outage\n\n## Summary\n\n{filler}{cause}\n")
    assert summary(doc)["root_cause"] is not None


def test_a_sub_section_is_read_once() -> None:
    doc = doc_of("# X\n\n## Root cause\n\nA.\n\n### Root cause details\n\nB.\n")
    secs = [s for s in doc.sections if s.has("root_cause")]
    assert len(secs) == 2
    titles = [s.title for s in with_subsections(doc, secs, "resolution")]
    assert titles == ["Root cause", "Root cause details"]
    assert root_cause(doc)["present"] is not None
