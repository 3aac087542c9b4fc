"""The summary's times as real reports lay them out: a length with its range in brackets, a
report that opens with its Duration and Impact parts, an offset that is no clock time, a bare
hour opening a range, a timestamp set in code type in a fact table, and a fact labelled as the
detection's (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary
from pmreview.parse.titles import section_mark
from pmreview.parse.views import summary_sections
from pmreview.text.durations import durations_in
from pmreview.text.other_times import not_the_outage
from pmreview.text.times import find_times

BODY = "\n\n## Timeline\n\n- 08:00 UTC - alert fired\n\n## Root cause\n\nA bad deploy of the API.\n"


def _facts(text: str) -> dict:
    found = summary(doc_of(text))
    assert found["present"] is not None
    return found


def _text(fact: dict | None) -> str | None:
    return None if fact is None else fact["text"]


@pytest.mark.parametrize(
    "line",
    [
        "**Duration**: ~21.5 hours (2026-10-01 09:45 UTC → 2026-10-02 07:07 UTC)",
        "The outage lasted 3 hours (from 09:45 to 12:45 UTC).",
        "Checkout failed for two hours (09:45–11:45 WAT).",
        "Length: 4.5 hours (09:45 UTC to 14:15 UTC)",
    ],
)
def test_a_lengths_brackets_hold_the_outages_range(line: str) -> None:
    found = _facts(
        f"# Checkout outage\n\n## Summary\n\nCheckout failed for all shoppers.\n{line}{BODY}"
    )
    assert _text(found["start_time"]) is not None and "09:45" in _text(found["start_time"])
    assert found["end_time"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "Support answers during business hours (09:00–17:00 UTC)",
        "the shop's opening hours (08:00-18:00)",
        "The rota covers office hours (07:00 to 19:00)",
    ],
)
def test_schedule_brackets_stay_no_outage(text: str) -> None:
    at = text.index(":") - 2
    assert not_the_outage(text, at, at + 5)


@pytest.mark.parametrize(
    "opening",
    [
        "Duration of Disruption:\n\nStart Time: May 3, 2025, 08:00 UTC\nEnd Time: May 3, 2025, "
        "10:20 UTC\nImpact:\n\nThe billing API returned errors to every customer.\n"
        "Root Cause:\n\nA schema migration locked the invoices table.",
        "## Duration\n\nFrom 08:00 to 10:20 UTC on 3 May.\n\n## Impact\n\nThe billing API "
        "returned errors to every customer and invoices were not sent.",
        "**Impact**\n\nThe billing API returned errors to every customer and no invoice went "
        "out.\n\n**Duration**\n\n08:00 UTC until 10:20 UTC (2 h 20 min).",
    ],
)
def test_a_report_opening_with_its_summary_parts(opening: str) -> None:
    text = opening + "\n\nTimeline:\n\n- 08:00 UTC - alert fired\n- 10:20 UTC - fixed\n"
    found = _facts(text)
    assert "08:00" in (_text(found["start_time"]) or "")
    assert "10:20" in (_text(found["end_time"]) or "")


@pytest.mark.parametrize(
    "opening",
    [
        "## Impact\n\nThe billing API returned errors to every customer.",  # one part only
        "## Background\n\nWe run billing on two hosts.\n\n## Impact\n\nErrors for all.",
        "## Root cause\n\nA migration locked a table.\n\n## Resolution\n\nWe killed it.",
    ],
)
def test_no_summary_from_a_lone_part_or_other_sections(opening: str) -> None:
    doc = doc_of(opening + "\n\n## Timeline\n\n- 08:00 UTC - alert fired\n")
    kinds = {k for s in summary_sections(doc) for k in s.kinds}
    assert not ({"impact", "duration"} <= kinds)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("The site was down from 1 to 3 am (GMT+01:00, Friday 11 May).", "1", "3 am"),
        ("Logins failed between 9 and 11 PM WAT.", "9", "11 PM"),
        ("Uploads failed from 2 to 4pm UTC on Monday.", "2", "4pm"),
        ("The API was down from 10:00 to 12:00 (UTC+01:00).", "10:00", "12:00"),
    ],
)
def test_bare_hour_ranges_and_offsets(line: str, start: str, end: str) -> None:
    found = _facts(f"# Outage\n\n## Summary\n\n{line} Every user was affected.{BODY}")
    assert (_text(found["start_time"]) or "").startswith(start)
    assert (_text(found["end_time"]) or "").startswith(end)
    assert found["timezone"] is not None


@pytest.mark.parametrize(
    "line",
    [
        "The job retried from 2 to 5 times before it failed at 3 pm.",
        "Between 3 and 4 servers went down at 11 PM UTC.",
    ],
)
def test_counts_are_no_bare_hour_start(line: str) -> None:
    found = _facts(f"# Outage\n\n## Summary\n\n{line}{BODY}")
    assert _text(found["start_time"]) not in ("2", "3")


TABLE = (
    "| Field | Value |\n| --- | --- |\n{rows}\n\n## Summary\n\nThe ingest listener failed.{body}"
)


@pytest.mark.parametrize(
    ("rows", "start", "end"),
    [
        (
            "| **Detected** | `2022-04-28 10:34` |\n| **Resolved** | `2022-04-29 12:01` |",
            None,
            "12:01",
        ),
        (
            "| Reported | 2024-02-01 09:12 UTC |\n| Recovered | 2024-02-01 11:00 UTC |",
            None,
            "11:00",
        ),
        (
            "| Started | `2024-02-01 08:50` |\n| Detected | `2024-02-01 09:12` |\n"
            "| Resolved | `2024-02-01 11:00` |",
            "08:50",
            "11:00",
        ),
        # nothing told as early as the detection: it is the earliest the outage is known
        (
            "| First detected | 2024-02-01 09:12 |\n| Incident declared | 2024-02-01 10:40 |\n"
            "| Repaired | 2024-02-01 11:00 |",
            "09:12",
            "11:00",
        ),
    ],
)
def test_fact_table_stamps_and_the_detection_label(rows: str, start: str | None, end: str) -> None:
    found = _facts(TABLE.format(rows=rows, body=BODY))
    assert (start is None) == (found["start_time"] is None)
    if start:
        assert start in _text(found["start_time"])
    assert end in (_text(found["end_time"]) or "")


def test_a_log_line_in_code_holds_no_time() -> None:
    text = (
        "# Outage\n\n## Summary\n\nThe listener failed with "
        "`Apr 20 19:48:39 host run.sh[72]: EndpointConnectionError` and nobody noticed."
        f"{BODY}"
    )
    found = _facts(text)
    assert found["start_time"] is None


def test_an_end_on_a_later_date_follows_the_start() -> None:
    text = (
        "# Outage\n\n## Summary\n\nThe listener began failing at `2022-04-20 19:48` UTC. "
        "It was restarted and service was restored at 2022-04-22 08:15 UTC.\n"
        "Detected: 2022-04-22 07:50 UTC" + BODY
    )
    found = _facts(text)
    assert "19:48" in (_text(found["start_time"]) or "")
    assert "08:15" in (_text(found["end_time"]) or "")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("between 12.39UTC and 17.17UTC", [("12.39", None), ("17.17", None)]),
        ("at 12:39 UTC", [("12:39", "UTC")]),
        ("release v1.24 shipped", []),  # no zone: a version
        ("it cost 12.39USD", []),
        ("at 12:39UTCX", [("12:39", None)]),  # no zone glued on: a longer word
    ],
)
def test_a_zone_glued_to_the_time(text: str, want: list[tuple[str, str | None]]) -> None:
    assert [(t.raw, t.tz) for t in find_times(text, 1, 1)] == want


@pytest.mark.parametrize("gap", ["##", "###", "## "])
def test_labelled_facts_under_a_heading_with_no_words(gap: str) -> None:
    text = (
        f"# Chain halt\n\n{gap}\n\n**Date of incident**: 6 May 2024 between 12.39UTC and "
        "17.17UTC\n**Authors**: the core team\n**Summary**: The chain halted after an upgrade "
        "because nodes built with two compiler versions disagreed.\n**Impact**: all "
        f"transactions were rejected for 4 hours 38 minutes.{BODY}"
    )
    found = _facts(text)
    assert (_text(found["start_time"]) or "").startswith("12.39")
    assert (_text(found["end_time"]) or "").startswith("17.17")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("The listener failed at `2022-04-20 19:48` and stayed down.", ["2022-04-20 19:48"]),
        (
            "| Field | Value |\n| --- | --- |\n| Resolved | `2024-02-01T11:00Z` |",
            ["2024-02-01T11:00Z"],
        ),
        ("We set `timeout: 12:00` and `cron 0 3 * * *`.", []),  # a setting's value
        ("Logs said `2022-04-20 19:48:39 ERROR refused`.", []),  # a log line in code
    ],
)
def test_a_timestamp_in_code_type_is_the_authors(line: str, want: list[str]) -> None:
    doc = doc_of(f"# Outage\n\n## Notes\n\n{line}\n")
    assert [t.raw for t in doc.times] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Duration: 2h30m", []),
        ("down for ~24h40m in all regions", []),
        ("at 14h30min of downtime", []),
        ("at 14h30 the site failed", ["14h30"]),
        ("from 9h15 to 10h05 UTC", ["9h15", "10h05"]),
    ],
)
def test_hours_and_minutes_with_m_are_a_length(text: str, want: list[str]) -> None:
    assert [t.raw for t in find_times(text, 1, 1)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("redeemed the shares, i.e. 2.9m DAI more than deposited", []),
        ("the attacker withdrew 134m USDC", []),
        ("about 3m users could not log in", []),
        ("the outage lasted 45m", [45]),
        ("after 20m the alert fired", [20]),
        ("down for 2h10m in total", [130]),
    ],
)
def test_m_before_a_currency_or_a_count_is_millions(text: str, want: list[int]) -> None:
    assert [minutes for _, _, minutes in durations_in(text)] == want


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("14:50 Follow up with TAM", False),
        ("9:05 AM Next steps agreed", False),
        ("10.20 Action items drafted", False),
        ("Follow-ups", True),
        ("Next steps", True),
        ("Action Items", True),
    ],
)
def test_a_line_that_opens_with_a_time_is_no_title(line: str, title: bool) -> None:
    assert (section_mark(line, 1, alone=True) is not None) == title


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("The outage was reported on 5 May 2024, 18:00 GMT by a customer.", None),
        ("At 21:28 UTC we received a report that uploads were missing.", None),
        ("It was first detected at 10:05 UTC by the on-call.", None),
        # the failure told first, or a start said outright: still the start
        ("At 09:12 UTC checkout failed and we noticed it at once.", "09:12"),
        ("Logins began failing at 09:12 UTC; it was reported at 09:30 UTC.", "09:12"),
        ("At 09:12 UTC the API went down.", "09:12"),
    ],
)
def test_a_time_told_as_the_report_is_no_start(line: str, start: str | None) -> None:
    found = _facts(f"# Outage\n\n## Summary\n\n{line} Every user was affected.{BODY}")
    got = _text(found["start_time"])
    assert (got is None) if start is None else (got or "").startswith(start)
