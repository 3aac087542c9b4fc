"""Sections titled as questions or in the "What / So what / Now what" layout, and an informal
opening that says when by the day's name (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.parse import kinds_of


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("what next", "measures"),
        ("What next?", "measures"),
        ("What's next", "measures"),
        ("What will we do?", "measures"),
        ("What's changing", "measures"),
        ("Where do we go from here?", "measures"),
        ("Now what?", "measures"),
        ("So what?", "impact"),
        ("What caused it?", "root_cause"),
        ("What caused the outage", "root_cause"),
        ("Measures taken to stop the issue", "resolution"),
        ("Restoration of service", "resolution"),
        ("Service restoration", "resolution"),
        ("so what was actually wrong", "root_cause"),
        ("What was broken?", "root_cause"),
        ("things i'm doing differently", "measures"),
        ("What we will do differently", "measures"),
        ("Next:", "measures"),
        ("Up next", "measures"),
        ("for next time", "measures"),
        ("what ill do next time", "measures"),
        ("What I'll do next time", "measures"),
        ("Preventive actions", "measures"),
        ("Avoiding a repeat", "measures"),
        ("So it never happens again", "measures"),
        ("Changes we're making", "measures"),
        ("What needs to change", "measures"),
        ("Things I'd change", "measures"),
        ("Our commitments to you", "measures"),
        ("Mitigation tasks", "measures"),
        ("Remediation items", "measures"),
        ("Open items", "measures"),
        ("The story, day by day", "timeline"),
        ("Hour-by-hour", "timeline"),
        ("Blow by blow", "timeline"),
        ("Why it went down", "root_cause"),
        ("How everything broke", "root_cause"),
        ("The underlying issue", "root_cause"),
        ("what i messed up", "root_cause"),
        ("Our mistake", "root_cause"),
        ("The culprit: a stale cache", "root_cause"),
        ("How the outage unfolded", "timeline"),
        ("What I did, in order", "timeline"),
        ("Play by play", "timeline"),
        ("Getting the site back", "resolution"),
        ("Workarounds", "resolution"),
    ],
)
def test_question_titles_name_their_kind(title: str, kind: str) -> None:
    assert kind in kinds_of(title)


@pytest.mark.parametrize(
    "title",
    [
        "Nothing next",
        "So what did we do",
        "What we did well",
        "Somewhat slow",
        "Backup restoration drills",
        "Actions taken and planned",
        "Actions taken",
        "What was fine",
        "The next day",
        "Next morning",
        "Changes we made",
    ],
)
def test_near_misses_name_no_kind(title: str) -> None:
    assert not kinds_of(title) & {"impact", "root_cause", "resolution"}


def test_measures_taken_are_the_fix_not_the_measures() -> None:
    assert "measures" not in kinds_of("Measures taken to stop the issue")
    assert "measures" in kinds_of("Preventive measures")


WHAT_SO_WHAT = """# Print queue stall

## What

On 4 March 2025 the office print server stopped taking jobs from 09:10 to 10:05 UTC.

## So what

All 40 staff on the second floor could not print invoices for 55 minutes.

## What caused it?

The spooler's disk filled up with abandoned jobs, so new jobs were rejected.

## Now what

- Add a nightly job that clears spooled files older than a day
- Alert when the spool disk passes 80%
"""


def test_what_so_what_now_what_sections() -> None:
    doc = doc_of(WHAT_SO_WHAT)
    found = measures(doc)["present"]
    assert found is not None and found["title"] == "Now what"
    cause = root_cause(doc)["present"]
    assert cause is not None and cause["title"] == "What caused it?"
    assert summary(doc)["present"] is not None


OPENING = """wiki outage write up

last friday our team wiki was down for about three hours and nobody could open any page, it
turned out the database volume had run out of space overnight.

timeline

around 9:40 someone said the wiki was showing a blank page.
"""


def test_an_opening_that_says_when_by_the_day_is_the_summary() -> None:
    found = summary(doc_of(OPENING))["present"]
    assert found is not None and found["line"] == 3


def test_an_opening_with_no_incident_is_not_a_summary() -> None:
    text = OPENING.replace("wiki outage write up", "wiki move notes").replace(
        "our team wiki was down for about three hours and nobody could open any page, it\n"
        "turned out the database volume had run out of space overnight.",
        "we moved the team wiki to a new host and listed the steps we took for\n"
        "the next person who has to do it.",
    )
    assert summary(doc_of(text))["present"] is None


TITLED_AS_CAUSE = """# Root cause analysis: nightly exports stuck for two days

Prepared by the data platform team.

## Summary

From 2 June 2025 01:00 UTC to 4 June 2025 09:30 UTC no nightly export finished.

## Background

The exporter reads a list of tables from a shared config file.

## Root cause

A config change listed a table that no longer existed, so the exporter stopped at it.
"""


def test_a_title_naming_the_document_is_not_its_root_cause_section() -> None:
    doc = doc_of(TITLED_AS_CAUSE)
    found = root_cause(doc)["present"]
    assert found is not None and found["title"] == "Root cause"
    background = next(s for s in doc.sections if s.title == "Background")
    assert not background.kinds


def test_a_title_is_the_root_cause_section_when_no_other_is() -> None:
    text = TITLED_AS_CAUSE.replace("## Root cause\n", "## Details\n")
    found = root_cause(doc_of(text))["present"]
    assert found is not None and found["line"] == 1


HTML_RUN = """<h1>Billing API errors</h1>
<p>On 3 May 2025 from 10:00 to 11:15 UTC the billing API returned errors to every customer.</p>
<h2>What caused it?</h2>
<p>A config push set the pool size to 1 on db-1, so requests queued and timed out.</p>
<h2>Next steps</h2>
<p>We will add a pool size check to CI.</p>
"""


def test_html_headings_inside_one_html_block_open_sections() -> None:
    doc = doc_of(HTML_RUN)
    assert [(s.line, s.title) for s in doc.sections] == [
        (1, "Billing API errors"),
        (3, "What caused it?"),
        (5, "Next steps"),
    ]
    assert [b.line for s in doc.sections for b in s.blocks] == [2, 4, 6]
    found = measures(doc)["present"]
    assert found is not None and found["line"] == 5


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("The next day", "measures"),
        ("Next morning", "measures"),
        ("Changes we made", "measures"),
        ("Remediation items", "resolution"),
        ("Mitigation tasks", "resolution"),
        ("What happened, day by day", "summary"),
        ("Bug fixes", "root_cause"),
        ("Mistakes we made in the response", "root_cause"),
        ("Why it matters", "root_cause"),
        ("In order to prevent this", "timeline"),
        ("The short version of the cause", "summary"),
    ],
)
def test_a_title_near_a_kind_does_not_take_it(title: str, kind: str) -> None:
    assert kind not in kinds_of(title)


@pytest.mark.parametrize(
    "title",
    [
        "Actions we are taking",
        "Steps we will take",
        "Steps we're taking",
        "Measures we are putting in place",
        "What we are going to do",
        "What I'm going to change",
        "Next year",
        "Before next season",
        "For the next release",
    ],
)
def test_work_promised_from_now_on_is_the_measures(title: str) -> None:
    assert "measures" in kinds_of(title)


@pytest.mark.parametrize(
    "title",
    [
        "Steps we took",
        "Actions we took",
        "Next year's budget",
        "The next day",
        "What we are going to explain",
        "Things we took for granted",
    ],
)
def test_work_done_or_other_next_things_are_not_the_measures(title: str) -> None:
    assert "measures" not in kinds_of(title)


RUN_IN = """This is my write-up of the outage of the club's booking site on Friday 6 June,
from 18:10 to 18:55 WAT, when every visitor got a 500 error on the booking page.

At 18:10 a member messaged me that the booking page was broken. I looked at the app log and
saw that the database password had been rotated that morning.

So the actual cause was that the app still read the old password from its env file.

The fix was quick: I put the new password in the env file and restarted the app at 18:50.

Lessons learned, and what I will do differently: rotate the password and the env file in
one script, and check the booking page after every rotation.
"""


def test_a_run_in_label_titles_its_paragraph_only() -> None:
    doc = doc_of(RUN_IN)
    kinds = [(s.line, sorted(s.kinds)) for s in doc.sections]
    assert (7, ["root_cause"]) in kinds
    assert (9, ["resolution"]) in kinds
    found = measures(doc)["present"]
    assert found is not None and found["line"] == 11


def test_a_paragraph_of_the_work_done_is_not_the_measures() -> None:
    text = RUN_IN.replace(
        "Lessons learned, and what I will do differently", "What I checked afterwards"
    ).replace("rotate the password", "the password was rotated")
    assert measures(doc_of(text))["present"] is None


QA = """Garden club site write-up, as questions and answers.

**Q: What happened?** The booking page returned 500 errors from 18:10 to 18:55 WAT on 6 June.

**Q: What was the root cause?** The app read an old database password from its env file.

The password had been rotated that morning by a script that did not touch the env file.
"""


def test_several_run_in_labels_are_the_documents_titles() -> None:
    doc = doc_of(QA)
    titled = [(s.line, s.style, sorted(s.kinds)) for s in doc.sections if s.title]
    assert titled == [(3, "inline", ["summary"]), (5, "inline", ["root_cause"])]


def test_a_because_in_the_background_gives_way_to_the_cause_told() -> None:
    text = RUN_IN.replace(
        "So the actual cause",
        "Some background, because it matters: the app is a Flask app on one VPS.\n\n"
        "So the actual cause",
    )
    found = root_cause(doc_of(text))["present"]
    assert found is not None and found["line"] == 9
    alone = text.replace("So the actual cause was that", "Then I saw that")
    found = root_cause(doc_of(alone))["present"]
    assert found is not None and found["line"] == 7
