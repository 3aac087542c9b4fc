"""The outage span a summary states, as people wrap and word it (examples written here)."""

from __future__ import annotations

import pytest

from pmreview.parse import parse
from pmreview.source import from_text
from pmreview.text.durations import durations_in
from pmreview.text.span import summary_span


@pytest.mark.parametrize(
    "summary",
    [
        # a range wrapped onto the next line of the paragraph
        "The mail relay rejected every message for 1 hour 5 minutes, from 08:10 to\n"
        "09:15 UTC, after its certificate expired.",
        # a weekday written before a day-first date
        "From 8:10 AM on Monday 3 March 2025 to 9:15 AM (all times UTC), the mail relay "
        "rejected every message.",
    ],
)
def test_a_range_as_people_write_it(summary: str) -> None:
    span = summary_span(parse(from_text("## Summary\n\n" + summary + "\n")))
    assert span.start is not None and span.end is not None
    assert (span.start.time.hour, span.end.time.hour) == (8, 9)
    assert span.end.time.minute == 15


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("lasted 1 hour\n20 minutes", 80), ("lasted 2 hours and\n5 minutes", 125)],
)
def test_a_duration_wrapped_onto_the_next_line_is_one_duration(text: str, minutes: int) -> None:
    assert [m for _, _, m in durations_in(text)] == [minutes]


def test_durations_in_separate_paragraphs_stay_apart() -> None:
    assert [m for _, _, m in durations_in("took 2 hours\n\n5 minutes later")] == [120, 5]


def _span_hours(summary: str) -> tuple[int | None, int | None]:
    span = summary_span(parse(from_text("## Summary\n\n" + summary + "\n")))
    start = span.start.time.hour if span.start else None
    end = span.end.time.hour if span.end else None
    return start, end


@pytest.mark.parametrize(
    "summary",
    [
        # a schedule is not the outage's time
        "The nightly export that is supposed to run at 3 AM ran at 14:05 UTC instead and "
        "locked the orders table until 15:50 UTC.",
        # nor is an example, in quotes or after "for example"
        'Teams set their windows in local time (for example "Sunday 02:00-03:00"), but the '
        "planner read them as UTC. Failovers began at 14:05 UTC and were over by 15:50 UTC.",
        "Windows are written in local time, e.g. 02:00 to 03:00. Failovers began at 14:05 UTC "
        "and were over by 15:50 UTC.",
        # nor is a window's range
        "Writes failed from 14:05 UTC until 15:50 UTC. The weekly maintenance window is Sunday "
        "02:00-04:00 UTC.",
        "The maintenance window is Sunday 02:00-04:00 UTC. The primary failed over at 14:05 "
        "UTC, and writes failed until 15:50 UTC.",
    ],
)
def test_times_that_are_not_the_outages_are_not_its_start_or_end(summary: str) -> None:
    assert _span_hours(summary) == (14, 15)


def test_a_time_said_to_be_the_start_wins_over_an_earlier_one_not_tied_to_the_outage() -> None:
    summary = (
        "Our largest tenant moved its job to 09:00 on Mondays. Queue stalls began at 10:00 UTC "
        "and the last stalled job completed at 11:30 UTC."
    )
    assert _span_hours(summary) == (10, 11)


def test_a_time_said_to_be_the_start_wins_over_an_earlier_change() -> None:
    summary = (
        "A config change on Friday at 17:00 UTC went unnoticed; on Monday logins began failing "
        "at 09:12 UTC and failed until 09:50 UTC."
    )
    assert _span_hours(summary) == (9, 9)


def test_a_first_time_tied_to_the_outage_stays_its_start() -> None:
    summary = (
        "At 04:10 UTC the API went down because its disk was full. Image uploads had been "
        "failing since 03:20 UTC."
    )
    assert _span_hours(summary)[0] == 4


def test_with_only_a_schedule_the_summary_states_no_start() -> None:
    summary = "The backup that is scheduled to run at 2 AM ran during the day and locked tables."
    assert _span_hours(summary) == (None, None)


def test_a_detection_time_in_a_fact_sheet_stays_the_start() -> None:
    facts = (
        "- First detected 2024-02-01 10:12\n- Incident declared 2024-02-01 10:40\n"
        "- Resolved 2024-02-01 13:05"
    )
    assert _span_hours(facts) == (10, 13)


def test_a_first_time_told_with_what_users_could_not_do_stays_the_start() -> None:
    summary = "At 10:00 UTC customers could not log in. At 10:20 UTC the failure was detected."
    assert _span_hours(summary)[0] == 10


def test_a_single_time_in_a_window_is_the_outages() -> None:
    summary = "During the maintenance window, at 02:10 UTC the database failed until 02:55 UTC."
    assert _span_hours(summary) == (2, 2)
