"""Structural readings by family, round 2 (examples written for these tests).

- A story told in chapters whose titles name no part ("## 02:14", "## Down the wrong rabbit
  hole", "**Act one**"), right under the document's title with no opening text: the document
  has no summary (spec: the text before the first section). Opening text under the title, a
  lone subtitle over it, or a titled summary keep theirs.
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.measures import measures
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline
from pmreview.parse import kinds_of

_STORY = (
    "My phone rang at 01:12 UTC: the checkout API answered every request with a 500.\n\n"
    "## Chasing the wrong thing\n\nI was sure the load balancer was broken and restarted it.\n\n"
    "## The fix\n\nAt 02:05 UTC I rolled back release 4.2 and orders went through again.\n\n"
    "## What we will change\n\n- Add a canary stage to the deploy pipeline.\n"
    "- Alert on checkout 5xx above 2% for 5 minutes.\n"
)


def _present(text: str) -> bool:
    return summary(doc_of(text))["present"] is not None


@pytest.mark.parametrize(
    "text",
    [
        f"# The rollback that came late\n\n## 01:12\n\n{_STORY}",
        f"# A long night\n\n## Sunday, a little after one\n\n{_STORY}",
        "# Checkout down\n\n**Part one: the page**\n\n"
        + _STORY.replace("## ", "**", 1).replace("wrong thing", "wrong thing**", 1),
        f"Checkout down\n=============\n\nThe beginning\n-------------\n\n{_STORY}",
    ],
)
def test_a_story_in_chapters_right_under_the_title_has_no_summary(text: str) -> None:
    assert not _present(text)


@pytest.mark.parametrize(
    "text",
    [
        # opening text under the title tells the incident
        "# The rollback that came late\n\nOn 3 May from 01:12 to 02:05 UTC every checkout"
        " request failed with a 500 because release 4.2 broke the payment client.\n\n"
        f"## 01:12\n\n{_STORY}",
        # a lone subtitle over the opening text, then the parts
        "# My first postmortem\n\n## An outage I caused\n\nOn 3 May from 01:12 to 02:05 UTC"
        " every checkout request failed with a 500 because release 4.2 broke the payment"
        " client.\n\n## Timeline\n\n- 01:12 UTC alert fired\n- 02:05 UTC rolled back\n",
        # a titled summary anywhere
        f"# The rollback that came late\n\n## Summary\n\nOn 3 May from 01:12 to 02:05 UTC every"
        f" checkout request failed with a 500.\n\n## 01:12\n\n{_STORY}",
    ],
)
def test_an_opening_a_subtitle_or_a_titled_summary_stays_the_summary(text: str) -> None:
    assert _present(text)


_OPENING = (
    "# The night the certificate ran out\n\nOn Friday 6 June my shop site was down from 8 pm"
    " until 11:40 pm because its TLS certificate had expired, so every visitor got a browser"
    " warning instead of the shop.\n\n"
)


@pytest.mark.parametrize(
    "chapters",
    [
        "## First, the panic\n\nAt 8 pm a friend sent me a screenshot.\n\n"
        "## Then, the wrong idea\n\nThe certificate had expired at 19:52 GMT.\n\n",
        "**Chapter one**\n\nAt 8 pm a friend sent me a screenshot.\n\n"
        "**Chapter two**\n\nI checked the logs; the expiry was 19:52 UTC.\n\n",
    ],
)
def test_a_zone_only_in_the_story_chapters_is_not_the_summary_s(chapters: str) -> None:
    facts = summary(doc_of(_OPENING + chapters + "## Next time\n\n- Install certbot.\n"))
    assert facts["present"] is not None
    assert facts["start_time"] is not None
    assert facts["timezone"] is None


def test_a_zone_in_the_opening_counts_before_the_chapters() -> None:
    text = _OPENING.replace("8 pm", "8 pm WAT") + (
        "## First, the panic\n\nA friend sent me a screenshot.\n\n"
        "## Then, the wrong idea\n\nI rewrote the nginx config.\n\n"
    )
    assert summary(doc_of(text))["timezone"] is not None


@pytest.mark.parametrize(
    "title",
    [
        "What actually went wrong",
        "What really went wrong",
        "What exactly went wrong?",
        "Why it actually broke",
        "What truly caused the outage",
        "How did this actually happen?",
        "What was really broken",
    ],
)
def test_an_adverb_of_emphasis_keeps_a_cause_title(title: str) -> None:
    assert "root_cause" in kinds_of(title)


@pytest.mark.parametrize(
    "title",
    ["What nearly went wrong", "What went right", "What actually worked", "What really helped"],
)
def test_near_misses_of_cause_titles_stay_other(title: str) -> None:
    assert "root_cause" not in kinds_of(title)


def _share(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["affected_share"]
    return None if found is None else str(found["quote"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "From 06:00 to 09:12 UTC a firmware update bricked thermostats: 9,200 of the"
            " 150,000 SnugHome thermostats in service (6.1%) stopped answering.",
            "9,200 of the 150,000",
        ),
        (
            "Between 14:00 and 15:10 UTC 1,340 of our 22,000 card terminals could not take"
            " payments.",
            "1,340 of our 22,000",
        ),
        (
            "From 20:00 to 21:30 CET 4% of doorbell cameras stopped sending alerts to their"
            " owners' phones.",
            "4%",
        ),
        (
            "From 07:15 to 08:05 UTC 310 of the 5,600 rental scooters in Lisbon could not be"
            " unlocked.",
            "310 of the 5,600",
        ),
    ],
)
def test_a_share_of_the_devices_customers_own(text: str, quote: str) -> None:
    assert _share(text) == quote


@pytest.mark.parametrize(
    "text",
    [
        "From 06:00 to 09:12 UTC 12 of the 40 servers in the pool ran out of disk.",
        "From 06:00 to 09:12 UTC 3 of 5 database nodes lost quorum.",
        "From 06:00 to 09:12 UTC 211 of 1,200 pods were restarted by the scheduler.",
        "From 06:00 to 09:12 UTC the thermostats' cloud API ran at 95% CPU.",
    ],
)
def test_a_share_of_our_own_machines_is_no_share_of_users(text: str) -> None:
    assert _share(text) is None


@pytest.mark.parametrize(
    "title",
    [
        "postmortem - compose deploy (task 0)",
        "Task 0: Postmortem",
        "Postmortem (task #2)",
        "Project 0x19 - task one - web outage",
    ],
)
def test_an_assignment_task_number_is_no_list_of_tasks(title: str) -> None:
    assert not kinds_of(title) & {"measures", "action_items"}


@pytest.mark.parametrize("title", ["Tasks", "Open tasks", "Follow-up tasks (3)", "Task list"])
def test_a_title_of_tasks_stays_measures(title: str) -> None:
    assert "action_items" in kinds_of(title)


def test_a_document_titled_with_its_task_number_has_no_measures() -> None:
    text = (
        "# postmortem - nginx restart (task 0)\n\nOn 3 May from 10:00 to 10:40 UTC the site"
        " returned 502 for all users because nginx was stopped.\n\n## timeline\n\n"
        "- 10:00 UTC site down\n- 10:40 UTC nginx started\n"
    )
    assert not measures(doc_of(text))["present"]


def _sentences_of(entry: str) -> int:
    doc = doc_of(f"# Outage\n\n## Timeline\n\n- {entry}\n- 10:50 UTC closed the incident\n")
    return int(timeline(doc)["entries"][0]["sentences"])  # type: ignore[index]


@pytest.mark.parametrize(
    "entry",
    [
        "02:30 thought it was a noisy neighbour hammering the disk. suspended it. no change",
        "10:05 UTC restarted nginx on web-01. Still down. No change.",
        "10:05 UTC rolled back release 4.2. Incident resolved.",
        "10:05 UTC paged the DB on-call. Acked. Joined the bridge.",
    ],
)
def test_terse_fragments_add_to_the_sentence_before(entry: str) -> None:
    assert _sentences_of(entry) <= 2


@pytest.mark.parametrize(
    "entry",
    [
        "10:05 UTC restarted nginx on web-01. Checked the error log for upstream errors."
        " Rolled back the deploy to release 4.1.",
        "10:05 UTC the alert fired. We are investigating. It worked.",
        "10:05 UTC tried a restart, and it failed. `df -h` showed `/` at 100%. The backups"
        " folder held 1,900 dumps.",
    ],
)
def test_three_sentences_stay_three(entry: str) -> None:
    assert _sentences_of(entry) == 3


def _all_timed(timeline_text: str) -> bool:
    doc = doc_of(f"# Outage\n\n## Timeline\n\n{timeline_text}\n")
    found = timeline(doc)["entries"]
    return bool(found) and all(e["time"] and e["list_item"] for e in found)  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "- morning\n  - 10:40 pushed the new config\n  - 10:58 a user said it was broken\n"
        "- afternoon\n  - 13:10 rolled back the config\n",
        "- Before the fix\n  - 09:00 UTC alert fired\n  - 09:10 UTC paged the DB on-call\n"
        "- After the fix\n  - 10:00 UTC errors back to baseline\n",
        "- **Friday 3 May**\n  - 22:10 UTC site down\n- **Saturday 4 May**\n"
        "  - 01:30 UTC site back\n",
        "1. Detection\n   - 10:02 UTC alert on 5xx\n2. Recovery\n   - 10:40 UTC rollback done\n",
    ],
)
def test_timed_events_under_untimed_parents_fail_the_format(text: str) -> None:
    assert not _all_timed(text)


@pytest.mark.parametrize(
    "text",
    [
        # details under timed entries
        "- 10:40 UTC pushed the new config\n  - removed the comments\n  - copied old lines\n"
        "- 10:58 UTC a user said it was broken\n",
        # a date and a time on the parent
        "- 3 May, 22:10 UTC site down\n  - every request got a 502\n- 4 May, 01:30 UTC site back\n",
        # a flat list
        "- 10:02 UTC alert on 5xx\n- 10:40 UTC rollback done\n",
    ],
)
def test_timed_parents_keep_the_format(text: str) -> None:
    assert _all_timed(text)


def _duration_quote(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["duration"]
    return None if found is None else str(found["quote"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "From 6:02 to 8:41 AM CET the checkout failed for all users. Complaints on social"
            " media went on for about two hours.",
            "8:41 AM CET",
        ),
        (
            "Between 10:00 and 12:40 UTC all users got errors. The support queue kept growing"
            " for an hour.",
            "12:40 UTC",
        ),
        # a length that fits the times, or one said to be the outage's, stays the quote
        (
            "All users got errors for 2 hours 30 minutes, from 10:00 to 12:40 UTC.",
            "2 hours 30 minutes",
        ),
        (
            "The outage lasted 2 hours. It began at 10:00 UTC and ended at 12:40 UTC.",
            "2 hours",
        ),
    ],
)
def test_a_length_of_something_else_is_not_the_outage_s(text: str, quote: str) -> None:
    found = _duration_quote(text)
    assert found is not None and quote in found


def test_a_timed_list_beside_a_titled_timeline_is_not_held_to_its_form() -> None:
    text = (
        "# Outage\n\n## Timeline (UTC)\n\n- 02:13 disk alert on node-7\n- 03:10 moved the VMs\n\n"
        "## Comms\n\n- 02:35 status page: investigating\n- 03:10 status page: migrating\n"
        "- about 60 tickets in all, answered by 07:30\n"
    )
    entries = timeline(doc_of(text))["entries"]
    assert entries and all(e["time"] for e in entries)  # type: ignore[index]


def test_sub_sections_of_the_titled_timeline_are_held_to_its_form() -> None:
    text = (
        "# Outage\n\n## Timeline (UTC)\n\n### Detection\n\n- 02:13 disk alert on node-7\n"
        "- someone looked at the graphs\n\n### Recovery\n\n- 03:10 moved the VMs\n"
    )
    entries = timeline(doc_of(text))["entries"]
    assert not all(e["time"] for e in entries)  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("From 10:00 to 10:40 UTC nine out of ten customers saw errors.", "nine out of ten"),
        ("From 10:00 to 10:40 UTC seven percent of subscribers lost playback.", "seven percent"),
        ("From 10:00 to 10:40 UTC twenty-five per cent of customers saw errors.", "per cent"),
        ("From 10:00 to 10:40 UTC 12 per cent of users saw errors.", "12 per cent"),
        ("From 10:00 to 10:40 UTC every single user got a 502.", "every single user"),
        ("From 10:00 to 10:40 UTC the whole user base was locked out.", "whole user"),
        ("From 10:00 to 10:40 UTC not a single customer could pay.", "not a single customer"),
    ],
)
def test_shares_written_in_words(text: str, quote: str) -> None:
    found = _share(text)
    assert found is not None and quote in found


@pytest.mark.parametrize(
    "text",
    [
        "From 10:00 to 10:40 UTC a majority of users saw errors.",
        "From 10:00 to 10:40 UTC the whole team was paged, and some users saw errors.",
        "From 10:00 to 10:40 UTC seven percent of the servers ran out of disk.",
        "At two in the morning the site went down; some users saw errors until 10:40 UTC.",
        "From 10:00 to 10:40 UTC not a single alert fired, and some users saw errors.",
        "From 10:00 to 10:40 UTC nine out of ten cache lookups missed; some users saw slow pages.",
    ],
)
def test_near_misses_of_shares_in_words(text: str) -> None:
    assert _share(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The API went down at 14:30 hrs IST and came back at 15:10 hrs IST.",
        "The API went down at 14:30 hours (UTC) and came back at 15:10.",
    ],
)
def test_a_zone_after_the_hours_word(text: str) -> None:
    assert summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["timezone"] is not None


def test_hours_of_a_length_carry_no_zone() -> None:
    text = "The API went down at 14:30 and was down for two hours. UTC was not involved."
    assert summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["timezone"] is None
