"""The summary's facts as authors write them (examples written for these tests): zones stated
over the times (a title, a table's header, a place's clock), ranges that are not offsets, a
start told by name, lengths of the outage and not of the team's effort, and a share that is
only a possibility."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary
from pmreview.models import Document
from pmreview.text.times import find_times

TAIL = "\n\n## Timeline\n\n- 10:00 deploy\n- 10:45 rollback\n"


def _facts(summary_text: str, title: str = "Summary", head: str = "") -> dict[str, object]:
    doc: Document = doc_of(f"# Checkout outage\n\n{head}## {title}\n\n{summary_text}{TAIL}")
    return dict(summary(doc))


def _zone(found: object) -> str | None:
    return found["timezone"] if isinstance(found, dict) else None


def test_a_zone_in_the_summary_title_is_the_zone_of_its_times() -> None:
    text = "Checkout failed from 10:00 to 10:45 for every customer."
    assert _zone(_facts(text, "Summary (all times UTC)")["timezone"]) == "UTC"
    facts = _facts(text, "Summary (EAT)")
    assert _zone(facts["timezone"]) == "EAT"


def test_a_zone_in_a_table_header_or_label_is_the_zone_of_its_times() -> None:
    header = "| Time (WAT) | What |\n|---|---|\n| 10:00 | checkout failing |\n| 10:45 | recovered |"
    assert _zone(_facts(header)["timezone"]) == "WAT"
    labels = "| Field | Value |\n|---|---|\n| Start (UTC) | 10:00 |\n| End (UTC) | 10:45 |"
    assert _zone(_facts(labels)["timezone"]) == "UTC"


def test_local_time_or_a_zone_in_another_column_is_no_zone() -> None:
    assert _facts("Checkout failed from 10:00 to 10:45 (local time).")["timezone"] is None
    table = "| Field | Value |\n|---|---|\n| Start | 10:00 |\n| Owner | the EU team |"
    assert _facts(table)["timezone"] is None
    notes = "| Time | Event (see PT notes) |\n|---|---|\n| 10:00 | checkout failed |"
    assert _facts(notes)["timezone"] is None
    labelled = "| Time UTC | Event |\n|---|---|\n| 10:00 | checkout failed |"
    assert _zone(_facts(labelled)["timezone"]) == "UTC"


@pytest.mark.parametrize(
    ("text", "zone", "offset"),
    [
        ("at 10:00 (Nairobi time)", "Nairobi time", 180),
        ("at 3 PM Lagos time", "Lagos time", 60),
        ("at 09:30 Cape Town time", "Cape Town time", 120),
    ],
)
def test_a_place_s_clock_is_a_zone(text: str, zone: str, offset: int) -> None:
    from pmreview.text.zones import zone_offset

    found = next(find_times(text))
    assert found.tz == zone
    assert zone_offset(found.tz) == offset


def test_a_range_written_with_a_dash_is_not_an_offset() -> None:
    assert [(t.raw, t.tz) for t in find_times("(10:00-10:40 local time)")] == [
        ("10:00", None),
        ("10:40", None),
    ]
    assert [t.tz for t in find_times("14:06-14:53 UTC")] == [None, "UTC"]
    assert next(find_times("at 10:00:00-05:00")).tz == "-05:00"  # with seconds: an offset
    assert next(find_times("at 10:00+03:00")).tz == "+03:00"
    facts = _facts("Checkout was down for 40 minutes on 3 May (10:00-10:40 local time).")
    assert facts["timezone"] is None


def test_a_start_told_by_name() -> None:
    facts = _facts("At midnight (PST) on 3 May checkout went down for every customer.")
    start = facts["start_time"]
    assert isinstance(start, dict) and start["text"] == "midnight (PST)"
    assert _zone(facts["timezone"]) == "PST"
    # "around noon" is a time of day, as "in the evening" is
    assert _facts("Around noon on Saturday checkout went down.")["start_time"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Checkout failed at 10:00 UTC. The team worked for 3 hours to find the cause.",
        "Checkout failed at 10:00 UTC. We investigated for 40 minutes before finding it.",
        "Checkout failed at 10:00 UTC; the deploy had been running for 2 hours by then.",
        "Checkout failed at 10:00 UTC. Retries were attempted for 10 minutes.",
    ],
)
def test_the_length_of_the_effort_or_of_another_thing_is_not_the_outage_s(text: str) -> None:
    assert _facts(text)["duration"] is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Checkout returned errors for a little over an hour from 10:00 UTC.", "an hour"),
        ("Checkout was unreachable for 1.5 hours starting 10:00 UTC.", "1.5 hours"),
        ("Checkout stayed down for about 90 minutes after 10:00 UTC.", "90 minutes"),
        ("Total downtime: 2h10m. Users saw 502 errors at checkout.", "2h10m"),
    ],
)
def test_the_length_of_the_outage(text: str, quote: str) -> None:
    found = _facts(text)["duration"]
    assert isinstance(found, dict) and found["quote"] == quote


def test_in_an_impact_section_for_is_the_outage_s_length() -> None:
    doc = doc_of(
        "# Checkout outage\n\n## Summary\n\nA backup locked the orders table at 10:00 UTC.\n\n"
        "## Impact\n\nCheckout was basically frozen for about 45 minutes.\n" + TAIL
    )
    found = summary(doc)["duration"]
    assert found is not None and found["quote"] == "45 minutes"


def test_a_share_told_as_a_possibility_is_not_the_share_affected() -> None:
    text = "A crash during the upgrade could lead to stale reads on all the members at 10:00 UTC."
    assert _facts(text)["affected_share"] is None
    found = _facts("At 10:00 UTC a crash led to errors for all users of checkout.")
    assert found["affected_share"] is not None


def test_an_opening_that_tells_an_outage_by_its_error_page_is_a_summary() -> None:
    doc = doc_of(
        "my portfolio site postmortem\n\nthe site went down for about two hours and visitors "
        "got the nginx 502 bad gateway page instead of my app\n\ntimeline\n\n"
        "around 15:05 i pushed the refactor\n"
    )
    facts = summary(doc)
    assert facts["present"] is not None
    assert facts["duration"] is not None and facts["duration"]["quote"] == "two hours"


def test_a_length_in_brackets_with_about_is_stated() -> None:
    found = _facts("Checkout failed from 10:00 to 20:40 UTC (about 10 hours 40 minutes).")[
        "duration"
    ]
    assert isinstance(found, dict) and found["quote"] == "10 hours 40 minutes"


def test_the_stated_length_picks_the_start_among_the_summary_s_times() -> None:
    text = (
        "At 22:14 WAT I pushed the key to a public repo. The mail provider suspended the "
        "account at 22:51 WAT. From then until 09:30 WAT (about 10 hours 40 minutes) no "
        "e-mail went out."
    )
    start = _facts(text)["start_time"]
    assert isinstance(start, dict) and start["text"] == "22:51 WAT"
    # with no length that says otherwise, the first time stays the start
    start = _facts(text.replace(" (about 10 hours 40 minutes)", ""))["start_time"]
    assert isinstance(start, dict) and start["text"] == "22:14 WAT"


@pytest.mark.parametrize(
    "told",
    [
        "We thank all users for their patience.",
        "Every team member was paged and joined the call.",
        "We notified all customers by e-mail at 11:00 UTC.",
        "The fix was rolled out to all users by 11:00 UTC.",
        "We will send a credit to all affected customers.",
        "All of our users could still browse the catalogue.",
    ],
)
def test_everyone_of_a_group_not_told_to_meet_the_failure_is_no_share(told: str) -> None:
    assert _facts(f"At 10:00 UTC checkout failed. {told}")["affected_share"] is None


@pytest.mark.parametrize(
    ("told", "quote"),
    [
        ("Every customer of the EU store was affected.", "Every customer"),
        ("All students and staff were affected: nobody could read their e-mail.", "All students"),
        ("Search was down for everyone in the region.", "for everyone"),
        ("That was roughly 58% of everyone who tried to play.", "58%"),
    ],
)
def test_everyone_of_a_group_that_met_the_failure_is_a_share(told: str, quote: str) -> None:
    found = _facts(f"At 10:00 UTC checkout failed. {told}")["affected_share"]
    assert isinstance(found, dict) and found["quote"] == quote


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a deploy before the outage is not its start: the time said to begin failing is
        (
            "At 09:00 UTC we deployed release 3.2. At 09:20 UTC checkout began failing. "
            "It recovered at 10:05 UTC.",
            "09:20 UTC",
            "10:05 UTC",
        ),
        # detected first, but the outage is said to have started earlier
        (
            "At 11:02 UTC an alert fired; the outage had started at 10:48 UTC. "
            "Service came back at 11:40 UTC.",
            "10:48 UTC",
            "11:40 UTC",
        ),
        # the end written before the start
        (
            "Users could not log in until 16:45 UTC, when the fix went live. "
            "The problem started at 15:30 UTC.",
            "15:30 UTC",
            "16:45 UTC",
        ),
        (
            "Checkout was degraded from 14:05 UTC; errors stopped at 15:10 UTC.",
            "14:05 UTC",
            "15:10 UTC",
        ),
    ],
)
def test_the_outage_s_start_and_end_as_told(text: str, start: str, end: str) -> None:
    facts = _facts(text)
    told = facts["start_time"], facts["end_time"]
    assert [t["text"] if isinstance(t, dict) else None for t in told] == [start, end]
