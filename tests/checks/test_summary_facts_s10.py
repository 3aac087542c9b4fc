"""The summary's facts where writers put them: labelled lines above or instead of a Summary
section, counts and totality, and zones written against or after a time (examples written
for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.share import affected_share
from pmreview.checks.summary import summary
from pmreview.parse.views import summary_blocks
from pmreview.text.dates import date_near
from pmreview.text.other_times import not_the_outage
from pmreview.text.times import find_times

BODY = "\n\n## Timeline\n\n- 08:00 UTC - alert\n\n## Root cause\n\nA bad deploy of the API.\n"


@pytest.mark.parametrize(
    "facts",
    [
        # labels that name no summary part (a date, a window) beside ones that do
        "**Date of outage:** 3 March 2025\n**Outage window:** 07:10–08:25 UTC\n"
        "**Customers affected:** all 640 customers",
        "Day: Friday 9 May\nIncident window: 07:10 to 08:25 UTC\n"
        "Reach: every merchant was affected",
    ],
)
def test_labelled_lines_above_the_summary_are_its_facts(facts: str) -> None:
    text = f"# Payments API outage\n\n{facts}\n\n## Summary\n\nThe API returned errors.{BODY}"
    found = summary(doc_of(text))
    assert found["start_time"] is not None and found["start_time"]["text"].startswith("07:10")
    assert found["timezone"] is not None and found["affected_share"] is not None


def test_facts_under_a_letterhead_are_the_summarys() -> None:
    text = (
        "# Report NR-12: lost routes at the Leeds edge\n\n**Northwind Telecom — Network team**\n"
        "**Window:** 10:04–10:51 UTC, Monday 2 June (47 minutes)\n\n## Overview\n\n"
        f"Many customers lost access to most sites.{BODY}"
    )
    found = summary(doc_of(text))
    assert found["start_time"] is not None and found["start_time"]["text"] == "10:04"
    assert found["duration"] is not None


def test_a_bold_section_title_is_no_letterhead() -> None:
    text = (
        "# Report NR-12: lost routes at the Leeds edge\n\n**Background**\n\n"
        "Owner: network team\n\n## Overview\n\n"
        f"Many customers lost access to most sites.{BODY}"
    )
    assert summary(doc_of(text))["start_time"] is None


def test_labelled_lines_under_the_title_with_no_summary_section() -> None:
    text = (
        "# Postmortem: queue worker crash\n\n**Date:** 4 May 2025\n"
        "**Duration:** 50 minutes (14:05 to 14:55 EAT)\n"
        "**Impact:** 12 of our 30 testers could not upload files.\n\n## Fix\n\nWe restarted it.\n"
    )
    found = summary(doc_of(text))
    assert found["end_time"] is not None and found["timezone"] is not None
    assert (
        found["affected_share"] is not None and found["affected_share"]["quote"] == "12 of our 30"
    )


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Invoices were late for all 2,480 customers.", "all 2,480 customers"),
        ("Every client in Lyon saw errors: 212 of 1,030 clients (20.6%).", "212 of 1,030"),
        ("All shops in the north, 40% of our merchants, could not take payments.", "40%"),
        # a part of the load after the totality is no count of users: the totality stands
        ("All users saw errors, and 40% of requests failed.", "All users"),
    ],
)
def test_counts_and_the_totality_that_scopes_them(sentence: str, share: str) -> None:
    found = affected_share(summary_blocks(doc_of(f"## Summary\n\n{sentence}\n")))
    assert found is not None and found["quote"] == share


def test_a_frequency_is_no_share() -> None:
    text = "## Summary\n\nThe job retried every 5,000 requests and failed.\n"
    assert affected_share(summary_blocks(doc_of(text))) is None


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("Window: 0915Z – 1040Z", "Z"),
        ("the cache filled at 09:15Z", "Z"),
        ("from 06:00 to 9:40 a.m. Pacific on Monday", "Pacific"),
        ("until 4:10 p.m. Eastern that day", "Eastern"),
        ("between 20:05 and 21:30 (Berlin time, CEST) the site", "CEST"),
        ("at 10:00 (local / UTC+2)", "UTC+2"),
    ],
)
def test_zones_written_against_or_after_a_time(line: str, zone: str) -> None:
    assert [t.tz for t in find_times(line)][-1] == zone


@pytest.mark.parametrize(
    "line",
    [
        "we met at 10:00 Central Station",
        "around 14:00 Pacific Northwest users",
        "at 10:00 Eastern region stores",
        "at 22:35 (see note, below) we",
        "at 1432Zebra",
    ],
)
def test_words_after_a_time_that_are_no_zone(line: str) -> None:
    assert all(t.tz is None for t in find_times(line))


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # an end word in the sentence before does not make the next time an end
        ("The API returned 503s. Trouble began at 09:14 UTC and lasted an hour.", "09:14", None),
        ("Pages were restored. Errors started at 16:02 UTC.", "16:02", None),
        ("Errors began at 09:14 UTC and were resolved at 10:02 UTC.", "09:14", "10:02"),
        ("Service was back at 10:02 UTC after the outage.", None, "10:02"),
    ],
)
def test_a_start_is_not_read_as_the_end(sentence: str, start: str | None, end: str | None) -> None:
    found = summary(doc_of(f"# Login outage\n\n## Summary\n\n{sentence}{BODY}"))
    assert (found["start_time"] and found["start_time"]["text"][:5]) == start
    assert (found["end_time"] and found["end_time"]["text"][:5]) == end


@pytest.mark.parametrize(
    "header",
    [
        "**From:** IT Desk <it@example.org>\n**To:** All Users\n**Subject:** Tuesday's outage",
        "From: IT Desk <it@example.org>\nTo: All Users\nSubject: Tuesday's outage",
    ],
)
def test_an_e_mails_header_is_no_part_of_the_summary(header: str) -> None:
    text = (
        f"{header}\n\nDear all,\n\nFrom 08:40 until 11:15 UTC on Tuesday many of you could not "
        "sign in to the portal or to e-mail on the web.\n\n**Why it happened**\n\n"
        "A certificate expired on the sign-in servers.\n"
    )
    assert summary(doc_of(text))["affected_share"] is None


def test_report_header_lines_are_not_the_summary() -> None:
    text = (
        "# Card payments: final report\n\n**Filed with:** the Data Protection Office\n"
        "**Report version:** 2\n**Contact:** risk desk\n\n### 1. Description of the incident\n\n"
        "All 3,000 merchants were unable to take payments from "
        "10:02 to 11:40 UTC on 3 May.\n\n### 2. Timeline\n\n- 10:02 UTC alert\n"
    )
    found = summary(doc_of(text))
    assert found["present"] is not None and "Filed" not in found["present"]["text"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("From 02:00 UTC on Monday 3 March until", 3),
        ("at 16:40 on Thursday, 6 March 2025 the", 6),
        ("at 09:00 on 4 May the", 4),
    ],
)
def test_a_date_after_a_time_with_its_weekday(line: str, day: int) -> None:
    at = line.index(":") - 2
    found = date_near(line, at, at + 5)
    assert found is not None and found.day == day


def test_a_weekday_alone_is_no_date() -> None:
    assert date_near("at 09:00 on Monday the", 3, 8) is None


@pytest.mark.parametrize(
    ("line", "other"),
    [
        ("the heaters kept the default schedule (19 °C from 07:00 to 23:00), but", True),
        ("support answered within business hours (09:00–17:00) only", True),
        ("| Related change | CHG-100, 4 May 21:00–22:30 UTC |", True),
        ("**Deployment:** v4.2 at 21:30 UTC", True),
        # the outage's own times
        ("the schedule page went down at 10:00 UTC", False),
        ("The outage (from 10:00 to 11:00 UTC) hit", False),
        ("| Start | 2024-05-04 08:31 UTC |", False),
        ("Changes to the site failed from 10:00 UTC", False),
    ],
)
def test_times_of_a_schedule_or_a_change_are_not_the_outages(line: str, other: bool) -> None:
    at = next(t for t in find_times(line)).column - 1
    assert not_the_outage(line, at, at + 5) is other


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        # the whole named first, the count of it restated as a share in brackets
        ("Of the 8,200 accounts that sent uploads that day, 1,640 (20%) got errors.", "20%"),
        ("Out of our 900 active users, 120 (13%) could not log in.", "13%"),
        # a count of the load is no count of people
        ("Of the 40,000 requests sent by users, 12,000 (30%) failed.", None),
        ("Of the 500 write requests, 100 (20%) failed.", None),
    ],
)
def test_a_count_of_a_named_whole_restated_as_a_share(sentence: str, share: str | None) -> None:
    found = affected_share(summary_blocks(doc_of(f"## Summary\n\n{sentence}\n")))
    assert (found and found["quote"]) == share


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Nobody could open the shop. The site was unusable for 2 hours and 5 minutes.", True),
        ("The kiosks were out of service for 95 minutes after the update.", True),
        ("The checkout was inoperable for 40 minutes.", True),
        # a length of something that did not fail
        ("The cache was kept warm for 2 hours and 5 minutes.", False),
    ],
)
def test_a_length_told_by_what_could_not_be_used(sentence: str, told: bool) -> None:
    found = summary(doc_of(f"# Shop outage\n\n## Summary\n\n{sentence}{BODY}"))
    assert (found["duration"] is not None) is told


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        # everyone the failure met, named by it: a count of the affected, not their share
        ("Every app that failed to sync simply retried, so the queue grew.", None),
        ("All users who were affected will get a credit.", None),
        # everyone who did something and met the failure: all of them
        ("Every visitor who tried got an error page.", "Every visitor"),
        ("Every customer that logged in got a 500 error.", "Every customer"),
    ],
)
def test_everyone_named_by_the_failure_is_no_share(sentence: str, share: str | None) -> None:
    found = affected_share(summary_blocks(doc_of(f"## Summary\n\n{sentence}\n")))
    assert (found and found["quote"]) == share


def test_a_range_ending_in_a_m_is_quoted_whole() -> None:
    text = (
        f"# Payroll delay\n\n## Summary\n\nFiles were late from 06:00 to 9:40 a.m. Pacific.{BODY}"
    )
    found = summary(doc_of(text))["duration"]
    assert found is not None and found["quote"] == "06:00 to 9:40 a.m. Pacific"
