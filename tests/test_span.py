"""The outage span a summary states, as people wrap and word it (examples written here)."""

from __future__ import annotations

import pytest

from pmreview.parse import parse
from pmreview.parse.views import summary_sections
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
        # an aside in brackets between the start and the word that joins the end
        "On 3 March from ~08:10 (maybe earlier) to 09:15 CET the mail relay rejected mail.",
        "The mail relay rejected every message from 08:10 UTC (first bounce) until 09:15 UTC.",
        "Mail bounced between 08:10 (estimated) and 09:15 UTC.",
        # Markdown's escaped tilde before the end: "\\~09:15"
        "Date: 3 March 2025, 08:10 AM UTC - 3 March 2025, \\~09:15 AM UTC",
    ],
)
def test_a_range_as_people_write_it(summary: str) -> None:
    span = summary_span(parse(from_text("## Summary\n\n" + summary + "\n")))
    assert span.start is not None and span.end is not None
    assert (span.start.time.hour, span.end.time.hour) == (8, 9)
    assert span.end.time.minute == 15


@pytest.mark.parametrize(
    "summary",
    [
        # a length in brackets is no aside: the times are not a range
        "The relay failed at 08:10 (5 minutes after the deploy) and 09:15 UTC saw the alert.",
        "At 08:10 (02:10 in Denver) the relay failed; to 09:15 UTC nobody noticed.",
    ],
)
def test_brackets_holding_numbers_do_not_join_a_range(summary: str) -> None:
    span = summary_span(parse(from_text("## Summary\n\n" + summary + "\n")))
    assert span.end is None or span.end.time.hour != 9


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


_BODY = (
    "\n## Summary\n\nThe ticket desk rejected every booking because its database filled up.\n"
    "\n## Timeline\n\n- 07:40 UTC - bookings fail\n"
)


@pytest.mark.parametrize(
    "facts",
    [
        # a "Field | Value" table under the title
        "| Field | Value |\n|---|---|\n| Severity | SEV-2 |\n| Began | 2025-02-03 07:40 UTC |\n"
        "| Ended | 2025-02-03 08:55 UTC |\n| Duration | 75 min |\n",
        # labelled lines, the length on a line of its own
        "**Began:** 2025-02-03 07:40 UTC\n**Ended:** 2025-02-03 08:55 UTC\n\n"
        "**Duration:** 75 min\n",
    ],
)
def test_labelled_facts_above_the_summary_heading_are_the_summary(facts: str) -> None:
    span = summary_span(parse(from_text("# Booking outage\n\n" + facts + _BODY)))
    assert span.start is not None and span.end is not None
    assert (span.start.time.hour, span.end.time.hour, span.end.time.tz) == (7, 8, "UTC")
    assert [d.minutes for d in span.durations] == [75]


@pytest.mark.parametrize(
    "facts",
    [
        "| Field | Value |\n|---|---|\n| Review meeting | 2025-02-05 14:00 UTC |\n",
        "**Published:** 2025-02-05 14:00 UTC\n",
        "From: ops@example.org\nDate: Wed, 5 Feb 2025 14:00:00 +0000\n",
    ],
)
def test_a_time_of_the_write_up_above_the_summary_is_not_the_outage(facts: str) -> None:
    span = summary_span(parse(from_text("# Booking outage\n\n" + facts + _BODY)))
    assert span.start is None and span.end is None


def test_a_length_in_brackets_after_a_date_is_stated_and_a_history_is_not() -> None:
    text = (
        "## Summary\n\nFrom 06:10 to 07:25 UTC on 4 March 2025 (1 hour 15 minutes) the parcel "
        "API refused every request; its token had not been rotated for the past 90 days.\n"
    )
    span = summary_span(parse(from_text(text)))
    assert [d.raw for d in span.durations] == ["1 hour 15 minutes"]


def test_labelled_facts_below_a_bold_title_that_names_a_kind_are_the_summary() -> None:
    text = (
        "**Incident report - full database disk on tickets.example**\n\n**Author:** Lin Park\n"
        "**Duration:** 75 min (07:40 to 08:55 UTC)\n\n**Summary:** The ticket desk rejected "
        "every booking because its database disk was full.\n\n**Timeline (UTC)**\n\n"
        "- 07:40 - bookings fail\n- 08:55 - disk cleared, bookings work\n"
    )
    doc = parse(from_text(text))
    span = summary_span(doc)
    assert span.start is not None and span.end is not None
    assert [d.minutes for d in span.durations] == [75]
    assert [s.title for s in summary_sections(doc) if s.has("summary")] == ["Summary"]


def test_a_later_time_the_stated_length_after_the_start_is_the_end() -> None:
    text = (
        "## Summary\n\nVersion 2.3.0 of the client went out at 09:12 UTC and was pulled at "
        "13:47 UTC (4 h 35 min); the team met at 15:00 UTC to plan the next build.\n"
    )
    span = summary_span(parse(from_text(text)))
    assert span.start is not None and span.end is not None
    assert (span.start.time.raw, span.end.time.raw) == ("09:12", "13:47")
    other = text.replace("(4 h 35 min)", "(2 h)")
    assert summary_span(parse(from_text(other))).end is None


@pytest.mark.parametrize(
    "summary",
    [
        # an impact or outage window is the outage itself, not a planned window
        "Impact window: 10:05-11:00 UTC. Checkout returned errors to every customer.",
        "During the outage window 10:05-11:00 UTC checkout returned errors to every customer.",
        # an example ends at its closing bracket or at the next verb
        "Some pages (e.g. checkout) failed from 10:05 to 11:00 UTC.",
        "Errors such as HTTP 502 began at 10:05 UTC and ended at 11:00 UTC.",
    ],
)
def test_an_outage_window_and_a_time_after_an_example_are_the_outages(summary: str) -> None:
    assert _span_hours(summary) == (10, 11)


def test_a_time_after_an_examples_verb_is_the_start() -> None:
    # "stopped" is no end cue ("payments stopped at 10:05" starts an outage): only the start
    summary = "Errors such as HTTP 502 began at 10:05 UTC and stopped at 11:00 UTC."
    assert _span_hours(summary)[0] == 10


@pytest.mark.parametrize("title", ["Outage", "Incident", "Incident report"])
def test_labelled_facts_below_a_one_word_title_are_the_summary(title: str) -> None:
    facts = (
        "| Field | Value |\n|---|---|\n| Start | 14:05 UTC |\n| End | 15:20 UTC |\n"
        "| Duration | 75 min |\n"
    )
    text = f"# {title}\n\n{facts}\n## Summary\n\nThe API refused every request.\n"
    span = summary_span(parse(from_text(text)))
    assert span.start is not None and span.end is not None
    assert (span.start.time.hour, span.end.time.hour) == (14, 15)
    assert [d.minutes for d in span.durations] == [75]
