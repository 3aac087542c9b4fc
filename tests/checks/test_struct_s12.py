"""Structural readings by family, session 12 (examples written for these tests).

- Front matter that records the incident (a status page's entry: a start and a key that says
  when it was resolved or ended, "resolvedWhen", "resolved_at", "endTime"): GitHub shows it as
  a table above the text, so its dated keys are labelled facts above the summary. A post's own
  dates ("date" with "lastmod", "publishDate") are not the incident's.
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary

_BODY = (
    "\nThe checkout API of shop.example returned errors to every customer after a cache"
    " upgrade.\n\n## Timeline\n\n- 22:41 UTC - Alert fired.\n- 02:11 UTC - Rolled back.\n"
)


def _facts(text: str) -> dict[str, object]:
    return dict(summary(doc_of(text)))


def _quote(found: object) -> str | None:
    return None if found is None else str(found["text"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("matter", "start", "end"),
    [
        (
            "---\ntitle: Checkout errors\ndate: 2021-05-29T22:41:00-00:00\nresolved: true\n"
            "resolvedWhen: 2021-05-30T02:11:06-00:00\n# levels: down, notice\nseverity: down\n"
            "affected:\n  - checkout\n---\n",
            "22:41",
            "02:11",
        ),
        (
            '---\nstarted_at: "2024-03-02 14:05 UTC"\nresolved_at: "2024-03-02 15:40 UTC"\n---\n',
            "14:05",
            "15:40",
        ),
        (
            "+++\nstartTime = 2024-03-02T14:05:00Z\nendTime = 2024-03-02T15:40:00Z\n+++\n",
            "14:05",
            "15:40",
        ),
        (
            "---\nbegan: 2024-03-02 14:05 +01:00\nclosed_at: 2024-03-02 15:40 +01:00\n---\n",
            "14:05",
            "15:40",
        ),
    ],
)
def test_front_matter_of_an_incident_record_times_the_summary(
    matter: str, start: str, end: str
) -> None:
    found = _facts(matter + _BODY)
    assert start in (_quote(found["start_time"]) or "")
    assert end in (_quote(found["end_time"]) or "")
    assert found["timezone"] is not None


@pytest.mark.parametrize(
    "matter",
    [
        # a post's own dates: when it was published and updated, not the incident's
        "---\ntitle: Checkout errors\ndate: 2021-05-29T22:41:00Z\n"
        "lastmod: 2021-05-30T09:00:00Z\n---\n",
        "---\npublishDate: 2021-05-29T22:41:00Z\nupdated: 2021-05-30T02:11:06Z\n---\n",
        # a start with no end: the date of the post
        "---\ndate: 2021-05-29T22:41:00Z\nresolved: true\n---\n",
        "---\ntitle: Outage\n---\n",
    ],
)
def test_front_matter_of_a_post_is_not_the_incident(matter: str) -> None:
    found = _facts(matter + _BODY.replace("22:41 UTC", "Alert").replace("02:11 UTC", "Then"))
    assert found["start_time"] is None and found["end_time"] is None


# - A heading that is a labelled fact with nothing under it ("## Date: 12 March 2023" over
#   "## Time: 05:13 UTC"): a fact shown large, part of the summary above its heading; a
#   heading with text under it, one whose label names a part, or the document's title stays a
#   section.


@pytest.mark.parametrize(
    "head",
    [
        "## Incident report: payouts failure\n\n## Date: 12 March 2023\n\n## Time: 05:13 UTC\n\n",
        "# Payouts failure\n## Date: December 15, 2022\n## Time: 05:13:57 UTC\n",
        "# Payouts failure\n\nIncident time: 05:13 UTC\n---\n\n",
        "# Payouts failure\n\n### Started: 2023-03-12 05:13 UTC\n\n",
    ],
)
def test_a_heading_that_is_a_dated_fact_belongs_to_the_summary(head: str) -> None:
    text = (
        f"{head}### Introduction\n\nThe payout job of the exchange paid zero rewards to every"
        " farmer because the price feed was stale.\n\n### Impact\n\nEvery farmer lost a day."
        "\n\n## Remedial measures\n\n- Pay the rewards.\n- Test the job.\n"
    )
    doc = doc_of(text)
    assert not any(s.title.startswith(("Date", "Time", "Started")) for s in doc.sections)
    assert "05:13" in (_quote(_facts(text)["start_time"]) or "")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a post with text under its heading: a section
        (
            "# Outage\n\n## Update: 14:32 UTC\n\nWe are looking into errors.\n\n"
            "## Update: 15:02 UTC\n\nFixed.\n",
            "Update: 14:32 UTC",
        ),
        # a label that names a part
        ("# Outage\n\n## Timeline: 14:00 UTC\n\n## Summary\n\nIt broke.\n", "Timeline: 14:00 UTC"),
        # the document's title
        ("# Outage: 2023-03-12\n\n## Summary\n\nIt broke.\n", "Outage: 2023-03-12"),
        # no date or time in the value
        ("# Outage\n\n## Status: resolved\n\n## Summary\n\nIt broke.\n", "Status: resolved"),
    ],
)
def test_other_labelled_headings_stay_sections(text: str, title: str) -> None:
    assert any(s.title == title for s in doc_of(text).sections)


# - A fact sheet whose labels are not bold ("- Root causes: haste", "- Summary: …"): its items
#   are the parts of the postmortem, as bold labels are. A list of labelled items under a
#   section of a known kind, or too few parts named, stays a list.


@pytest.mark.parametrize(
    "sheet",
    [
        "- Date: 2025-02-07\n- Summary: A patch broke consensus.\n- Impact: 23 of 180 validators"
        " halted.\n- Root causes: Haste, poor communication\n- Resolution: Upgrade scheduled.\n",
        "* Status: resolved\n* Overview: Payments failed.\n* Root cause: An expired certificate on"
        " pay-gw.\n* Action items: Renew it by a timer.\n",
        "- Summary: The queue stalled.\n- What went wrong: The consumer lost its lease.\n"
        "- Follow-ups: Add a lease alert.\n",
    ],
)
def test_a_fact_sheet_without_bold_labels_has_its_parts(sheet: str) -> None:
    doc = doc_of(f"# Long block times\n\n{sheet}\n## Timeline\n\n- 10:00 UTC - Alert.\n")
    assert any(s.has("root_cause") and s.style == "fact" for s in doc.sections)


@pytest.mark.parametrize(
    "text",
    [
        # under a Summary heading: the summary's details
        "# Outage\n\n## Summary\n\n- Impact: all users.\n- Root cause: a bad deploy.\n"
        "- Resolution: rolled back.\n\n## Timeline\n\n- 10:00 UTC - Alert.\n",
        # two parts named only
        "# Outage\n\n- Root cause: a bad deploy.\n- Note: nothing else.\n- Owner: Dana\n\n"
        "## Timeline\n\n- 10:00 UTC - Alert.\n",
        # sentences with a colon, not labels
        "# Outage\n\n- We found the root cause: a bad deploy of the api.\n- Then we rolled it"
        " back: it worked.\n- The fix: revert.\n",
    ],
)
def test_labelled_items_that_are_no_fact_sheet_stay_a_list(text: str) -> None:
    assert not any(s.style == "fact" for s in doc_of(text).sections)


# - A section title in sentence case on the first line of a paragraph, with no blank line
#   under it ("Root cause" over "Database locking: …"), is a title, as "Issue Summary" over
#   its text is; a paragraph whose first short line runs on in lower case is text.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Root cause\nDatabase locking: a new bulk feature held row locks.", "root_cause"),
        ("Action items\nAdd an alert on lock waits above 2 s.", "measures"),
        ("Lessons learned\nWe test features under load now.", "measures"),
        ("Root cause and resolution\nThe lock was held by a batch job.", "root_cause"),
    ],
)
def test_a_sentence_case_title_over_its_text(text: str, kind: str) -> None:
    doc = doc_of(f"Issue Summary\nOrders failed.\n\nTimeline\n10:00 pm alert\n\n{text}\n")
    assert any(s.has(kind) and s.style == "bare" for s in doc.sections)


@pytest.mark.parametrize(
    "text",
    [
        "The root cause\nwas a lock held by the batch job.",
        "Root cause\nwas a lock held by the batch job.",
        "the fix, in short\nWe restarted it.",
    ],
)
def test_a_short_first_line_that_runs_on_is_text(text: str) -> None:
    doc = doc_of(f"Issue Summary\nOrders failed.\n\nTimeline\n10:00 pm alert\n\n{text}\n")
    assert not any(s.has("root_cause") or s.has("resolution") for s in doc.sections)


# - A section titled as the timeline ("Timeline {WIP}", "Timeline (draft)") that tells its
#   events in paragraphs dated by the month is a timeline, if not a well-formed one. Without
#   a month named, in one paragraph only, or under another title, it is none.

_SUMMARY = "# Peer storm\n\n## Summary\n\nThe light clients of the network lost their peers.\n\n"


def _timeline(text: str) -> dict[str, object]:
    from pmreview.checks.timeline import timeline

    return dict(timeline(doc_of(_SUMMARY + text)))


@pytest.mark.parametrize(
    "text",
    [
        "## Timeline {WIP}\n\nIn late November the light clients began to drop peers.\n\n"
        "The first week of December the crawler team confirmed it.\n",
        "## Timeline (draft)\n\nOn March 3 we saw the queue grow.\n\nTwo days later we moved"
        " the consumers.\n",
        "## Timeline of events\n\nEarly in May the disk filled twice.\n\nIn mid May we added a"
        " volume.\n",
    ],
)
def test_a_timeline_told_in_dated_paragraphs_is_present(text: str) -> None:
    assert _timeline(text)["present"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "## Timeline\n\nTBD.\n",
        "## Timeline\n\nWe noticed it in the morning.\n\nWe fixed it by the evening.\n",
        "## Timeline\n\nIn late November the light clients began to drop peers.\n",
        "## Background\n\nIn late November we moved.\n\nThe first week of December we grew.\n",
        "## Timeline\n\nWe may see it again.\n\nIt may return next week.\n",
    ],
)
def test_undated_or_untitled_prose_is_no_timeline(text: str) -> None:
    assert _timeline(text)["present"] is None


# - Labelled facts under a summary title of their own right above the Summary heading
#   ("### Incident Overview" over "**Duration of outage:** 2 hours", then "### Summary") are
#   part of the summary; a section above it told in sentences ("Project Overview") is not.

_TAIL = (
    "The web page of the shop returned 404 to every visitor because index.html was missing."
    "\n\n## Timeline\n\n- 10:00 UTC - Alert.\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "### Incident Overview\n\n**Date of incident:** July 1, 2024\n**Duration of outage:**"
        " 2 hours\n**Impact:** Every visitor got a 404.\n\n### Summary\n\n",
        "## Key facts\n\nDate: 2024-07-01\nDuration: 2 hours\n\n## Incident summary\n\n",
        "## Overview\n\n- **Duration:** 2 hours\n\n## Summary\n\n",
    ],
)
def test_facts_under_an_overview_above_the_summary_belong_to_it(head: str) -> None:
    found = _facts(f"# Shop outage\n\n{head}{_TAIL}")
    assert found["duration"] is not None


@pytest.mark.parametrize(
    "head",
    [
        "## Project Overview\n\nThe shop is a web stack that we built in 2 hours on a Sunday."
        "\n\n## Issue Summary\n\n",
        "## Background\n\nThe deploy took 2 hours.\n\n## Summary\n\n",
    ],
)
def test_prose_above_the_summary_is_not_part_of_it(head: str) -> None:
    found = _facts(f"# Shop outage\n\n{head}{_TAIL}")
    assert found["duration"] is None


# - A range of four-digit times with the zone (or "hrs") written once after the second
#   ("between 1900 and 2100 UTC", "0830-1015hrs"): both are clock times. Four digits in a
#   range with no zone or "hrs" after it are years or counts.


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The API was degraded between the hours of 1900 and 2100 UTC.", "1900"),
        ("Payments failed from 0830 to 1015 GMT.", "0830"),
        ("Builds were blocked 0830-1015hrs on Monday.", "0830"),
        ("The queue stalled 1400 – 1530 UTC.", "1400"),
    ],
)
def test_the_first_of_a_range_of_four_digit_times_is_a_time(text: str, first: str) -> None:
    from pmreview.text.times import find_times

    assert [t.raw for t in find_times(text)][:1] == [first]


@pytest.mark.parametrize(
    "text",
    [
        "Between 1900 and 2100 users were affected.",
        "We ran it from 2019 to 2020 without trouble.",
        "Tickets 1001 and 1002 were closed before 0900 on the hour.",
    ],
)
def test_four_digit_numbers_in_a_range_without_a_zone_are_no_times(text: str) -> None:
    from pmreview.text.times import find_times

    assert [t.raw for t in find_times(text)] == []


# - Under the Timeline heading, a sub-heading that opens with a clock time ("### 10:45-11:37
#   AM: Fix development & testing") is a stretch of the timeline, whatever kind its words
#   name; a day's sub-heading titled as a timeline ("### March 5: Testnet timeline") does not
#   end the outer one.

_CHAPTERS = (
    "# Testnet incident\n\n## Summary\n\nThe testnet forked at 07:29 UTC for all nodes.\n\n"
    "## Timeline of events\n\n### March 5, 2025: Testnet timeline\n\nThe chat starts:\n\n"
    "### ~9:43 AM: Identifying the issue\n- 9:44: Dana reports the fork.\n\n"
    "### 10:45-11:37 AM: Fix development & testing\n- 10:45: Lee shares a test.\n"
    '- 11:10: Kim posts: "The fix is in master. We tested it. It works."\n\n'
    "### 4:09-4:56 PM: Follow-up actions\n- 4:09: Ana posts an update.\n\n"
    "## Action items\n\n- Add a fork alert.\n- Add a test.\n"
)


def test_timed_chapters_under_the_timeline_are_the_timeline() -> None:
    from pmreview.checks.timeline import timeline

    doc = doc_of(_CHAPTERS)
    chapters = [s for s in doc.sections if s.title[:1] in "~0123456789"]
    assert chapters and all(s.kinds == {"timeline"} for s in chapters)
    assert any(s.has("measures") for s in doc.sections if s.title == "Action items")
    entries = timeline(doc)["entries"]
    assert len(entries) == 4
    # a quoted message of three sentences makes its entry long (its author reads it so)
    assert [e["sentences"] > 2 for e in entries] == [False, False, True, False]


def test_a_timed_heading_outside_the_timeline_keeps_its_kind() -> None:
    doc = doc_of(
        "# Outage\n\n## Root cause\n\nA disk.\n\n### 10:45 UTC: Resolution\n\nWe grew it.\n"
    )
    assert any(s.has("resolution") for s in doc.sections if s.title.startswith("10:45"))
