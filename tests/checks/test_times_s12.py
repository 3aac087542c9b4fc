"""Clock times, zones and timelines as writers write them (session 12): times in words with
any count of minutes, as a summary's span and as timeline entry heads; times with a dot where
a zone says they are times; zones named by a place; a zone statement for the whole report
written under the timeline; and the near misses that must stay what they are (examples
written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks import extract
from pmreview.checks.summary import summary
from pmreview.text.entry_times import leading_time

TAIL = "\n\n## Root cause\n\nA bad deploy of the API.\n"
LISTED = "\n\n## Timeline\n\n- 08:00 UTC - alert\n- 08:10 UTC - fix\n- 08:20 UTC - done" + TAIL


def _summary(text: str, after: str = LISTED) -> dict:
    return summary(doc_of(f"# Outage of the API\n\n## Summary\n\n{text}{after}"))


def _said(fact: dict | None) -> str | None:
    return None if fact is None else fact["text"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Paging was down from approximately twelve minutes past two in the morning "
            "until twenty-five minutes to five, local time.",
            "twelve minutes past two",
            "twenty-five minutes to five",
        ),
        (
            "The API failed at nineteen minutes past ten and was back by twenty-two minutes "
            "past eleven in the evening (WAT).",
            "nineteen minutes past ten",
            "twenty-two minutes past eleven",
        ),
        (
            "Checkout broke at about seventeen minutes past six and was restored at "
            "a quarter to eight.",
            "seventeen minutes past six",
            "a quarter to eight",
        ),
    ],
)
def test_times_in_words_with_any_count_of_minutes(text: str, start: str, end: str) -> None:
    found = _summary(text)
    assert (_said(found["start_time"]) or "").startswith(start)
    assert (_said(found["end_time"]) or "").startswith(end)


@pytest.mark.parametrize(
    "text",
    [
        "Restarts took from five to ten minutes each and the API failed all morning.",
        "It took about twelve minutes to two hours to drain each queue of the API.",
        "We saw between two to three retries per request on the API.",
        "The API failed after ten minutes to nine of the workers had died.",
    ],
)
def test_counts_of_minutes_are_no_clock_times(text: str) -> None:
    found = _summary(text)
    assert found["start_time"] is None and found["end_time"] is None


@pytest.mark.parametrize(
    ("entry", "hour", "minute"),
    [
        ("Twelve minutes past two: the transmitter loses power.", 2, 12),
        ("Half past two — switchboard starts the fallback procedure.", 2, 30),
        ("Twenty to three: escalated to the on-call IT manager.", 2, 40),
        ("Around ten past four: the controller is powered again.", 4, 10),
        ("**Twenty-three minutes past eleven in the evening:** all pages delivered.", 23, 23),
    ],
)
def test_an_entry_that_opens_with_a_time_in_words(entry: str, hour: int, minute: int) -> None:
    t = leading_time(entry)
    assert t is not None and (t.hour, t.minute) == (hour, minute)


@pytest.mark.parametrize(
    "entry",
    [
        "Five to ten minutes later: more alerts.",
        "Ten to twelve engineers joined: the bridge was full.",
        "Half past incidents: none of them had a runbook.",
        "Two past outages: both on the same switch.",
        "Twelve minutes past the alert the team joined.",
    ],
)
def test_entries_that_open_with_counts_have_no_time(entry: str) -> None:
    assert leading_time(entry) is None


def _timeline(text: str) -> dict:
    doc = doc_of(f"# Outage\n\n## Summary\n\nThe API failed.\n\n## Timeline\n\n{text}{TAIL}")
    found = extract(doc)["timeline"]
    return found


WORD_ENTRIES = (
    "- Twelve minutes past two: the transmitter loses power.\n"
    "- Twenty-four minutes past two: an arrest call is not delivered.\n"
    "- Half past two: switchboard starts the fallback procedure.\n"
    "- Twenty to three: escalated to the on-call IT manager.\n"
)


def test_a_listed_timeline_in_words_has_its_form() -> None:
    entries = _timeline(WORD_ENTRIES)["entries"]
    assert len(entries) == 4 and all(e["time"] for e in entries)


@pytest.mark.parametrize(
    "text",
    [
        # a story in words under the title: a timeline, not in its form
        "The first calls came in around half past one and by two o'clock the queue was "
        "full. We escalated after an hour. By around five it was sorted.",
        # timed lines with a dot, not list items
        "14.05 pushed the new config to web-01\n14.12 checker failed with 503\n"
        "14.31 found the typo\n14.40 checker passes again",
        "09.50 deploy started\n10.05 errors on the login page\n10.20 rolled back",
    ],
)
def test_timed_paragraphs_are_a_timeline_in_the_wrong_form(text: str) -> None:
    found = _timeline(text)
    assert found["present"] is not None
    assert not found["entries"] or not all(e["list_item"] for e in found["entries"])


@pytest.mark.parametrize(
    "text",
    [
        "It happened in the afternoon and was fixed later that day.",
        "1.24 released to staging\n1.25 released to production\n1.26 rolled back",
        "14.05 pushed the config\nThen we waited.",
        "14.30 dropped to 12.10 and then 10.05 of the nodes",
    ],
)
def test_numbers_with_a_dot_or_untimed_stories_are_no_timeline(text: str) -> None:
    assert _timeline(text)["present"] is None


@pytest.mark.parametrize(
    ("statement", "zoned"),
    [
        ("All times in this report are Lisbon local time (WEST).", True),
        ("Times throughout this document are in EAT.", True),
        ("All times in this postmortem are UTC.", True),
        ("All times in this timeline are UTC.", False),
        ("All times below are in local time.", False),
    ],
)
def test_a_zone_for_the_whole_report_written_under_the_timeline(
    statement: str, zoned: bool
) -> None:
    after = (
        f"\n\n## Timeline\n\n{statement}\n\n- 08:00 - alert\n- 08:10 - fix\n- 08:20 - done{TAIL}"
    )
    found = _summary("The API failed from 07:55 to 08:20.", after)
    assert (found["timezone"] is not None) is zoned


@pytest.mark.parametrize(
    ("text", "zoned"),
    [
        ("The API failed from 14.30 UTC to 15.10 UTC.", True),
        ("The API failed between 08.15 and 09.40 GMT.", True),
        ("The API failed 14.30–15.10 (WAT) on Friday.", True),
        ("The API failed from 10:00 to 11:30 UK time.", True),
        ("The API failed at 09:10 London time.", True),
        ("The API failed at 09:10 local time.", False),
        ("The API failed at 09:10, at the time of the deploy.", False),
    ],
)
def test_dot_times_and_places_with_zones(text: str, zoned: bool) -> None:
    found = _summary(text)
    assert found["start_time"] is not None
    assert (found["timezone"] is not None) is zoned


@pytest.mark.parametrize(
    "text",
    [
        "We upgraded Kubernetes 1.24 to 1.25 and the API failed.",
        "The add-on costs 14.30 EUR a month and the API failed.",
        "See section 4.2 for how the API failed.",
        "The plan costs $12.00 GST included and the API failed.",
        "Disk use went 14.30 to 15.10 percent and the API failed.",
        "Each of the 4.20 CT scans was lost when the API failed.",
    ],
)
def test_numbers_with_a_dot_are_no_times(text: str) -> None:
    assert _summary(text)["start_time"] is None


@pytest.mark.parametrize(
    "text",
    [
        "From Monday morning until about 4pm on Tuesday (so roughly 31 hours, give or take), "
        "the site was down.",
        "The site was down from Monday until Tuesday, so about 31 hours in all.",
        "The API failed from breakfast to lunch, i.e. about 4 hours.",
        "The API failed all morning, that is, about three hours.",
        "The API failed for a period of two hours and twenty-three minutes.",
        "The API failed; the downtime was forty-seven minutes.",
    ],
)
def test_a_length_said_as_a_sum_or_in_words(text: str) -> None:
    assert _summary(text)["duration"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "The API failed, so 5 minutes later we restarted it.",
        "The API failed, that is 30 minutes after the deploy.",
        "The API failed, so every 10 minutes the job retried.",
        "The API failed; the retention period of 30 days kept the logs.",
    ],
)
def test_lengths_of_other_things_after_so_or_that_is(text: str) -> None:
    assert _summary(text)["duration"] is None
