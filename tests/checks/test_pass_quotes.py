"""A pass quotes the element itself: the impact, not the sentence that gives its cause or a
field whose label alone names the outage (examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.pipeline import Options, review_text
from pmreview.source import from_text


def _impact(text: str) -> str:
    found = summary(parse(from_text(text)))["impact"]
    assert found is not None
    return found["quote"]


def test_the_impact_is_not_the_sentence_that_gives_its_cause() -> None:
    text = (
        "# Late invoices\n\n## Summary\n\nOn 3 May from 10:00 to 11:00 UTC, Billfold invoices"
        " were delayed by up to an hour for 30% of customers. The delays happened because the mail"
        " queue on the worker cluster stopped draining.\n"
    )
    assert _impact(text).startswith("On 3 May")


def test_a_field_whose_label_names_the_outage_is_not_the_impact() -> None:
    text = (
        "# Depot outage\n\n| | |\n|---|---|\n| **Outage window** | 05:00 – 07:10 CET |\n\n"
        "## Summary\n\nFrom 05:00 CET, couriers at Harbour depot could not print their labels.\n"
    )
    assert "could not print" in _impact(text)


def test_a_cause_sentence_is_still_the_impact_when_nothing_else_tells_it() -> None:
    text = (
        "# Broken login\n\n## Summary\n\nOn 2 June at 09:00 UTC the login page was down"
        " because the auth database ran out of disk.\n"
    )
    assert _impact(text).startswith("On 2 June")


def test_what_went_wrong_for_users_and_what_broke_are_symptoms() -> None:
    head = "# Outage\n\n## Summary\n\n"
    went = head + "At checkout every buyer got 'Something went wrong' for an hour.\n"
    broke = head + "After 2.0 shipped, CI pipelines on old Pythons broke on import.\n"
    assert "went wrong" in _impact(went)
    assert "broke on import" in _impact(broke)


def test_a_duration_field_is_the_stated_length() -> None:
    text = (
        "# Outage\n\n## Summary\n\n- **Start:** 4 March 2024, 08:10 UTC\n"
        "- **End:** 4 March 2024, 09:05 UTC\n- **Duration:** 55 minutes\n"
        "- **Impact:** the shop's API returned 503 errors for every user.\n"
    )
    found = summary(parse(from_text(text)))["duration"]
    assert found is not None and found["quote"] == "55 minutes"


def _passes(text: str) -> dict[str, str]:
    checks = review_text(text, Options(offline=True)).checks
    return {cid: c.evidence for cid, c in checks.items() if c.status == "pass"}


RUN_ON = """# Outage

## Summary

On 2 May from 09:00 to 10:30 UTC the shop's web app returned 502 errors for every visitor.

## Timeline

around 09:00 i deployed the new worker image, then at about 09:20 a customer emailed me that the \
site showed 502, so i checked the nginx logs, then around 10:10 i found the worker had no \
DATABASE_URL set, and at 10:30 after adding it to the compose file the site was back up.
"""


def test_each_timed_clause_of_a_run_on_timeline_is_its_own_event() -> None:
    passes = _passes(RUN_ON)
    assert passes["timeline.detection"].startswith("then at about 09:20 a customer emailed")
    assert passes["timeline.resolution"].startswith("and at 10:30 after adding it")


def test_an_incident_mitigated_ends_the_impact_before_a_later_cleanup() -> None:
    text = (
        "# Disk stalls\n\n## Summary\n\nOn 4 June from 13:00 to 15:40 UTC writes to the block"
        " storage cluster stalled for 8% of volumes.\n\n## Timeline\n\n"
        "- 13:00 — p99 write latency alert fires and pages the storage on-call.\n"
        "- 13:30 — Storage on-call finds that only nodes on firmware 4.3.0 stall.\n"
        "- 14:10 — Rollback of the firmware to 4.2.1 starts on the busiest nodes.\n"
        "- 15:40 — Last busy node back on 4.2.1; latency at baseline. Incident mitigated.\n"
        "- 09:00 (next day) — Idle nodes rolled back too. Incident closed.\n"
    )
    assert "Idle nodes" not in _passes(text)["timeline.resolution"]


def test_a_lesson_that_is_an_observation_is_quoted_after_one_that_names_a_change() -> None:
    text = (
        "# Outage\n\n## Lessons learned\n\n"
        "- The error log had the answer from the first failed request.\n"
        "- Settings made by hand on the old server must be written into the Dockerfile.\n"
    )
    found = measures(parse(from_text(text)))["improvements"]
    assert found is not None and "Dockerfile" in found["quote"]


def test_a_mitigation_applied_and_a_finding_do_not_say_how_it_was_resolved() -> None:
    text = (
        "# Late alerts\n\n## Summary\n\nOn 9 May from 08:00 to 09:30 UTC alert e-mails were"
        " delayed for 10% of accounts.\n\n## Timeline\n\n"
        "- 08:05 — Delivery-lag alert pages the on-call.\n"
        "- 08:40 — The storage on-call finds `maxmemory` errors on `queue-2`.\n"
        "- 09:10 — Mitigation applied to the alert queue.\n"
        "- 09:30 — Backlog gone; delivery latency back to normal. Incident resolved.\n"
    )
    checks = review_text(text, Options(offline=True)).checks
    assert checks["timeline.resolution"].status == "fail"
    named = text.replace("Mitigation applied to the alert queue", "Raised `maxmemory` on `queue-2`")
    assert review_text(named, Options(offline=True)).checks["timeline.resolution"].status == "pass"


def test_a_field_labelled_with_a_symptom_word_is_read_by_its_value() -> None:
    text = (
        "# API down\n\n## Summary\n\n- **What broke:** `notes-api` on web-02, backed by db-02."
        " Every API call returned 500 errors for two hours.\n"
    )
    assert _impact(text).startswith("Every API call")
