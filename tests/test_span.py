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
