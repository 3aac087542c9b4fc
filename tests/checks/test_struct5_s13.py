"""Structural readings by family, session 13 (examples written for these tests).

- Root-cause sections titled as the story of how it came about ("How this happened", "Origin
  of the incident") or as the diagnosis; "How we responded", "Origin story" stay untitled.
- A year written after a month ("November 28, 2025 (UTC)") is not a military time "20:25".
- A fact table above the Summary heading whose Impact part lists names ("**Affected
  services:**" over a bullet or two) is still facts: the window it states is the summary's.
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary
from pmreview.parse import kinds_of
from pmreview.pipeline import review_text
from pmreview.text.times import find_times


@pytest.mark.parametrize(
    "title",
    [
        "How this happened",
        "How it all happened",
        "How did it happen?",
        "Origin of the incident",
        "Origins of the outage",
        "Diagnosis",
        "Our diagnosis",
    ],
)
def test_titles_of_the_cause(title: str) -> None:
    assert "root_cause" in kinds_of(title)


@pytest.mark.parametrize(
    "title", ["How we responded", "Origin story", "What happened", "How we found it"]
)
def test_titles_that_are_not_the_cause(title: str) -> None:
    assert "root_cause" not in kinds_of(title)


@pytest.mark.parametrize(
    "text",
    [
        "In the night of November 28, 2025 (UTC), mail went to the wrong admins.",
        "On 28 Nov 2025 UTC the queue stalled.",
        "Sometime in March 2024 GMT the disk filled.",
        "On the 3rd of May, 2024 UTC the index broke.",
        "Jan. 30th 2023 GMT: the chain halted.",
    ],
)
def test_a_year_after_a_month_is_no_time(text: str) -> None:
    assert list(find_times(text)) == []


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("Between 1900 and 2100 UTC the batch ran late.", 21),
        ("Nov 28 at 2030 UTC the alert fired.", 20),
        ("On March 3, 1400 UTC, the alert fired.", 14),
        ("November 28, 2025 at 18:30 (UTC) the alert fired.", 18),
    ],
)
def test_military_times_stay(text: str, hour: int) -> None:
    assert hour in [t.hour for t in find_times(text)]


_SHEET = (
    "# Incident report\n## Payments degraded\n\n**Incident date:** 3 March 2025  \n"
    "**Impact window:** **14:02–14:40 UTC**  \n**Region of affected hosts:** Frankfurt  \n\n"
    "**Affected services:**  \n{items}\n---\n\n## 1. Summary\n\n"
    "On 3 March the payments-api in Frankfurt rejected card payments for every customer."
    " It recovered once the pool was resized.\n\n## 2. Timeline\n\n- 14:02 UTC - Alert fired.\n"
)


@pytest.mark.parametrize(
    "items", ["- **payments-api**\n", "- payments-api\n- the checkout page\n", "* card vault\n"]
)
def test_facts_above_with_a_list_of_services(items: str) -> None:
    facts = summary(doc_of(_SHEET.format(items=items)))
    assert facts["start_time"] is not None and facts["end_time"] is not None
    assert facts["duration"] is not None


def test_a_listed_part_that_tells_a_story_is_not_a_fact() -> None:
    items = "- The payments-api failed. We paged the team at 14:02 UTC and it ended at 14:40 UTC.\n"
    text = _SHEET.format(items=items).replace("**Impact window:** **14:02–14:40 UTC**  \n", "")
    facts = summary(doc_of(text))
    assert facts["start_time"] is None and facts["end_time"] is None


@pytest.mark.parametrize(
    ("sentence", "length"),
    [
        ("The cluster noticed it and seemed to recover itself in 20 minutes.", "20 minutes"),
        ("The API was restored within about 2 hours of the first alert.", "2 hours"),
        ("The site came back online after 3 hours.", "3 hours"),
        ("It was restored to\nwork roughly 22 hours after the incident began.", "22 hours"),
        ("Service returned to normal in 45 minutes.", "45 minutes"),
    ],
)
def test_a_length_told_as_the_time_to_recover(sentence: str, length: str) -> None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- x\n"))
    assert found["duration"] is not None and found["duration"]["quote"] == length


@pytest.mark.parametrize(
    "sentence",
    [
        "We found the cause in 10 minutes and paged the team.",
        "The rollback completed in 3 minutes.",
        "We were alerted 5 minutes after the incident began.",
        "The team recovered the index; a reindex in 4 hours is planned.",
    ],
)
def test_other_lengths_are_not_the_recovery(sentence: str) -> None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{sentence}\n\n## Timeline\n\n- x\n"))
    assert found["duration"] is None


@pytest.mark.parametrize(
    "window",
    [
        "* Duration: [2024–05–02 09:10 WAT— 2024–05–02 10:40 WAT]",
        "Window: 2024–05–02 09:10 UTC to 2024–05–02 10:40 UTC",
        "Window: 2024-05-02 09:10 UTC – 2024-05-02 10:40 UTC",
    ],
)
def test_a_range_of_dates_typeset_with_en_dashes(window: str) -> None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{window}\n\n## Timeline\n\n- x\n"))
    assert found["start_time"] is not None and found["end_time"] is not None
    assert "10:40" in found["end_time"]["text"]


def _formatted(body: str) -> bool:
    text = (
        "# Quiz API outage\n\n## Summary\n\nThe quiz API was down from 14:02 to 15:19 UTC for"
        f" every user.\n\n## Timeline\n\n{body}\n\n## Root cause\n\nThe disk filled up.\n"
    )
    return review_text(text).checks["timeline.format"].status == "pass"


@pytest.mark.parametrize(
    "body",
    [
        "- At 14:02: The uptime alert fired.\n- At 14:30: We restarted nginx.\n"
        "- At 15:19: Errors stopped.",
        "- **Around 14:02 UTC:** Alert fired.\n- **Around 15:19 UTC:** Errors stopped.",
        "- **Midnight (WAT):** The alert fired.\n- **12:30 AM:** We restarted nginx.",
    ],
)
def test_entries_led_to_their_time(body: str) -> None:
    assert _formatted(body)


@pytest.mark.parametrize(
    "body",
    [
        "- The uptime alert fired at 14:02.\n- We restarted nginx at 14:30.",
        "- Deployed 2.3 at 14:02 and the errors began.\n- Rolled back 2.3 at 15:19.",
        "- Afterwards 14:02 was when the alert fired.\n- 15:19 - Errors stopped.",
        "- First detected: 2024-03-05 14:02\n- Incident declared: 2024-03-05 14:20\n"
        "- Resolved 2024-03-05 15:19",
    ],
)
def test_entries_that_do_not_begin_with_their_time(body: str) -> None:
    assert not _formatted(body)


@pytest.mark.parametrize(
    ("text", "hour"),
    [("May 29 2025, ~17:30 PM UTC", 17), ("at 20:30 PM UTC", 20), ("at 11:30 PM", 23)],
)
def test_a_24_hour_time_with_a_needless_pm(text: str, hour: int) -> None:
    assert [t.hour for t in find_times(text)] == [hour]


def test_a_24_hour_time_with_am_stays_unread() -> None:
    assert list(find_times("at 17:30 AM")) == []


def test_a_window_ending_at_a_24_hour_pm_time() -> None:
    window = "* Date: May 28 2025, 11:30 AM UTC - May 29 2025, ~17:30 PM UTC"
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{window}\n\n## Timeline\n\n- x\n"))
    assert found["end_time"] is not None and "17:30" in found["end_time"]["text"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ('Description <a href="#description" id="description"></a>', "summary"),
        ('Root cause <a href="#root-cause" id="root-cause"></a>', "root_cause"),
        ("Timeline <a id='timeline'></a>", "timeline"),
    ],
)
def test_a_wiki_exports_anchor_leaves_the_title(title: str, kind: str) -> None:
    assert kinds_of(title) == {kind}


def test_a_summary_titled_with_an_anchor_holds_its_times() -> None:
    text = (
        '# Halt 7\n\n### Description <a href="#description" id="description"></a>\n\n'
        "On 15 Mar 2024, around 9pm UTC, a proposal halted the chain for every validator.\n\n"
        '### Timeline <a href="#timeline" id="timeline"></a>\n\n- 21:00 UTC - Halted.\n'
    )
    found = summary(doc_of(text))
    assert found["start_time"] is not None and found["timezone"] is not None


_TEMPLATE = (
    "# Slow blocks\n\n- Date: 2025-03-05\n- Authors: the infra team\n- Summary: Blocks took"
    " 20 s instead of 6 s for every validator.\n- Impact: Transactions failed.\n- Root causes:"
    " A bulk transfer overloaded block processing.\n- Resolution: The transfers stopped.\n\n"
    "# Action items\n\n- Cap transfer size.\n- Alert on block time.\n\n# Timeline\n\n"
    "- 10:00 UTC - Blocks slowed.\n\n# Supporting information\n\n{extra}"
)


@pytest.mark.parametrize(
    "extra", ["- Sender account: `acct1`\n", "- Sender: `acct1`\n- Fees paid: 30 tokens\n", ""]
)
def test_a_template_fact_sheet_with_notes_under_another_title(extra: str) -> None:
    from pmreview.checks.causes import root_cause

    assert root_cause(doc_of(_TEMPLATE.format(extra=extra)))["present"] is not None


def test_facts_naming_parts_under_two_titles_are_lists() -> None:
    from pmreview.checks.causes import root_cause

    text = (
        "# My outage\n\n## A night of chaos\n\n- **Impact:** the site was down.\n\n"
        "## The villain\n\n- **Root cause:** a typo in nginx.conf.\n- **Resolution:** fixed it.\n"
    )
    assert root_cause(doc_of(text))["present"] is None
