"""The timeline read as responders write it: which entry says when it was detected, what the
responders did, whom they escalated to, which theory misled them and which entry ended the
impact (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline
from pmreview.pipeline import review_text

TL = "# Upload outage\n\n## Timeline\n\n{}\n"


def _line(entries: str, fact: str) -> int | None:
    found = timeline(doc_of(TL.format(entries)))[fact]  # type: ignore[literal-required]
    return found["line"] if found else None


def test_a_quoted_value_on_an_entry_s_second_line_is_no_second_event() -> None:
    entries = (
        "- **Friday, 09:10 WAT** — the cert on files-1 expired (`openssl` said notAfter was\n"
        "  `Mar 3 08:10:00 2025 GMT`).\n"
        "- **Friday, 10:02 WAT** — renewed the cert with certbot"
    )
    first = timeline(doc_of(TL.format(entries)))["entries"][0]
    assert first["single"] and first["time"] == "09:10"


@pytest.mark.parametrize(
    "quoted",
    ["`expiry=May  9 ... 2026 UTC`", "`tail ... 1430 lines`", "`wait... 2359 GMT`"],
)
def test_dots_inside_a_code_span_end_no_sentence_and_open_no_event(quoted: str) -> None:
    entries = (
        f"- **11:05 UTC** — the probe printed {quoted}, and the page loads again.\n"
        "- **11:20 UTC** — closed the incident"
    )
    first = timeline(doc_of(TL.format(entries)))["entries"][0]
    assert first["single"] and first["sentences"] == 1


@pytest.mark.parametrize(
    "day", ["**Monday 4 March**", "Tue 5 Mar:", "*Friday 12 July 2024* -", "Wed. 6 March —"]
)
def test_entries_dated_by_the_day_s_name_and_date_are_a_timeline(day: str) -> None:
    entries = f"- {day} we shipped the billing update\n- {day} customers reported double charges"
    found = timeline(doc_of(TL.format(entries)))
    assert found["present"] is not None
    assert not found["entries"] or found["entries"][0]["time"] is None


def test_a_day_s_name_before_a_plain_number_dates_no_entry() -> None:
    entries = "Monday 3 servers were rebuilt and the queue drained."
    assert timeline(doc_of(TL.format(entries)))["present"] is None


def test_the_format_finding_names_the_entries_without_a_clock_time() -> None:
    entries = (
        "- **Friday, 09:10 WAT** — the cert on files-1 expired\n"
        "- **Saturday, late morning** — users began to see browser warnings\n"
        "- **Saturday night** — Ada noticed the warning\n"
        "- **Sunday, 10:02 WAT** — renewed the cert with certbot and reloaded nginx"
    )
    check = review_text(TL.format(entries)).checks["timeline.format"]
    assert check.status == "fail" and check.line == 6
    assert "does not start with a time" in check.message and "(also line 7)" in check.message


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        # the action that ended the impact: containment, not the words "resolved" or "fixed"
        (
            "- 09:00 UTC - anomaly alert on build host ci-7\n"
            "- 09:40 UTC - leaked deploy key revoked\n"
            "- 10:30 UTC - every credential on the build hosts rotated\n"
            "- 11:15 UTC - build host pool taken offline and reimaged",
            8,
        ),
        # a follow-up two days after the end of impact is not the resolution
        (
            "- 09:00 UTC - alert fired on search latency\n"
            "- 09:30 UTC - rebuild of the damaged index shards started\n"
            "- 10:10 UTC - last shard rebuilt and checked. END OF IMPACT\n"
            "- 11:00 UTC - incident closed\n"
            "- 06-14 15:00 UTC - validation fix (SRCH-88) deployed to the indexer",
            7,
        ),
        # "Outage ends." marks the end too; the clean-up after it is no resolution, and the
        # roll-back before it is what ended it
        (
            "- 09:00 UTC - deploy of the scheduler starts. Outage begins.\n"
            "- 09:20 UTC - rolled back the scheduler deploy\n"
            "- 09:25 UTC - scheduler confirmed healthy. Outage ends.\n"
            "- 10:40 UTC - deleted the stray pods left by the bad deploy",
            6,
        ),
        # a timeline kept by the day: the date is its when
        (
            "- 2025-03-02 - corruption reported by a user\n"
            "- 2025-03-20 - release v2.4.1 with the fix was published",
            6,
        ),
        # the firmware update before the recovery says how, and is quoted from
        (
            "- 08:00 AM - monitoring reported slow responses\n"
            "- 10:00 AM - switch firmware updated\n"
            "- 10:45 AM - platform performance returned to normal",
            6,
        ),
        ("- 09:00 UTC - alert fired\n- 10:40 UTC - the issue was resolved", None),
    ],
)
def test_the_resolution_is_the_entry_that_ended_the_impact(entries: str, line: int | None) -> None:
    assert _line(entries, "resolution") == line


@pytest.mark.parametrize(
    "after",
    [
        "- 11:00 UTC - incident closed after a final check of the queue",
        "- 11:00 UTC - reverted the temporary firewall rule on web-2",
    ],
)
def test_a_closing_or_clean_up_entry_after_the_recovery_is_not_the_resolution(after: str) -> None:
    entries = (
        "- 09:00 UTC - uploads fail with 502\n"
        "- 10:20 UTC - changed the health check path on the load balancer to /status\n"
        "- 10:25 UTC - uploads succeed again\n"
        f"{after}"
    )
    assert _line(entries, "resolution") == 6


def test_a_finding_before_the_recovery_does_not_say_how_it_was_resolved() -> None:
    entries = (
        "- 09:00 UTC - uploads fail with 502\n"
        "- 09:40 UTC - confirmed `upload.conf` was changed by the 08:55 deploy\n"
        "- 09:50 UTC - uploads succeed again"
    )
    assert _line(entries, "resolution") is None  # what was found, then back: but how?
    fixed = entries.replace("- 09:50", "- 09:48 UTC - reverted `upload.conf` from git\n- 09:50")
    assert _line(fixed, "resolution") == 7  # the fix before the recovery


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        # a person who told someone, not "Nobody noticed" nor a message sent after the fix
        (
            "- 08:00 UTC - the upload queue filled the disk\n"
            "- 08:00–09:10 UTC - Nobody noticed; we had no disk alert\n"
            "- 09:10 UTC - A teammate sent me a screenshot of the 500 page\n"
            "- 09:40 UTC - cleared the queue spool on files-1, uploads work; lead notified",
            7,
        ),
        # an alarm that fired, not servers failing their health checks
        (
            "- 08:00 UTC - servers failed their health checks under load\n"
            "- 08:03 UTC - latency alarms fired and the on-call began work",
            6,
        ),
        ("- 08:00 UTC - The issue was detected when a tester tried to log in", 5),
        # a report filed by whoever saw it
        (
            "- 08:00 UTC - the mirror sync starts\n"
            "- 08:40 UTC - first bug filed on the tracker about broken downloads",
            6,
        ),
        ("- 08:40 UTC - the status bot starts reporting failed uploads", 5),
        ("- 08:00 UTC - Issue was detected.\n- 08:30 UTC - restarted nginx", None),
    ],
)
def test_the_detection_is_the_entry_that_tells_how_it_was_noticed(
    entries: str, line: int | None
) -> None:
    assert _line(entries, "detection") == line


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        # the failure told before the detection is not what the responders did
        (
            "- 08:00 UTC - disk on web-2 filled up and nginx crashed\n"
            "- 09:10 UTC - a customer reported the error page\n"
            "- 09:20 UTC - SSH'd into web-2 and checked the nginx logs",
            7,
        ),
        # an attacker's moves before the detection neither
        (
            "- 03:00 UTC - attacker used the stolen token; publishing blocked by the registry\n"
            "- 09:05 UTC - anomaly detection flags the build host\n"
            "- 10:50 UTC - stolen token revoked and the build hosts rotated out",
            7,
        ),
    ],
)
def test_the_actions_are_the_responders_after_detection(entries: str, line: int) -> None:
    assert _line(entries, "actions") == line


def test_a_plan_or_advice_is_no_action_taken() -> None:
    text = (
        "# Storage event\n\nAt 07:10 PST alarms fired on the storage cell.\n\n"
        "We are changing our deploy process so that the switch config is staged.\n"
        "At 09:00 PST we recommend that customers enable snapshots of their volumes.\n"
        "At 07:30 PST the on-call engineers paused the re-sync jobs on the storage nodes.\n"
    )
    found = timeline(doc_of(text))["actions"]
    assert found is not None and found["quote"].startswith("At 07:30 PST")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # "Support escalated quickly" says who escalated, not to whom; the entry that names
        # the on-call does
        (
            "# Search outage\n\n## What went well\n\n- Support escalated quickly with the IDs.\n\n"
            "## Timeline\n\n- 10:20 Support escalates to the Billing on-call (rkhan).\n",
            9,
        ),
        # "our engineers" names no team
        ("# Outage\n\nAt 07:19 UTC our engineers were engaged when alarms fired.\n", None),
        ("# Outage\n\n## Timeline\n\n- 07:19 UTC - the storage team was engaged\n", 5),
        ("# Outage\n\n## Timeline\n\n- 07:19 UTC - storage heroes summoned to the rescue\n", 5),
        # a person shown doing the work is no escalation
        (
            "# Outage\n\n## Timeline\n\n- 07:19 UTC - the outage was handled by Mona, our admin\n",
            None,
        ),
    ],
)
def test_an_escalation_names_to_whom(text: str, line: int | None) -> None:
    found = timeline(doc_of(text))["escalation"]
    assert (found["line"] if found else None) == line


ROOT = "\n## Root cause\n\nThe log volume filled the disk of web-2, so nginx stopped.\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a theory about a cause the root cause never names: the incident proved it wrong
        (TL.format("- 10:05 UTC - It loaded for me. Thought it was their wifi.") + ROOT, True),
        # a theory the root cause confirms is no misleading path
        (TL.format("- 10:05 UTC - Suspected the disk on web-2 was full.") + ROOT, False),
        (TL.format("- 10:05 UTC - We never suspected the load balancer.") + ROOT, False),
        # the same told in the present, as timelines tell it
        (TL.format("- 10:05 UTC - We think the new upload route leaks memory") + ROOT, True),
        (TL.format("- 10:05 UTC - Support suspects a CDN outage and opens a case") + ROOT, True),
        (TL.format("- 10:05 UTC - Treated as a CDN problem; vendor contacted.") + ROOT, True),
        (TL.format("- 10:05 UTC - We think the disk on web-2 is full") + ROOT, False),
        # a theory the next entry confirms, in other words than the root cause's
        (
            TL.format(
                "- 10:05 UTC - Suspected a runaway writer process.\n"
                "- 10:10 UTC - Confirmed: the access log grew 3 GB an hour."
            )
            + ROOT,
            False,
        ),
        # the first line of investigation aimed at a cause, told in prose anywhere
        (
            TL.format("- 10:05 UTC - alert fired")
            + ROOT
            + "\n## Why it took long\n\nThe initial investigation focused on a DNS problem "
            "at our registrar.\n",
            True,
        ),
        (
            TL.format("- 10:05 UTC - alert fired")
            + ROOT
            + "\n## Why it took long\n\nThe initial focus was on understanding the queue.\n",
            False,
        ),
        # the check came back empty
        (
            TL.format(
                "- 10:05 UTC - Suspected port 443 was taken by another daemon.\n"
                "- 10:15 UTC - Confirmed no other daemon was bound to port 443."
            ),
            True,
        ),
        (
            TL.format(
                "- 10:05 UTC - Suspecting a flood of bots, we enable the WAF challenge.\n"
                "- 10:15 UTC - The WAF log shows no bot traffic at all."
            ),
            True,
        ),
    ],
)
def test_a_wrong_theory_followed_without_the_word_wrong(text: str, found: bool) -> None:
    assert (timeline(doc_of(text))["misleading"] is not None) is found


def test_a_resolution_told_in_prose_is_quoted_whole() -> None:
    text = (
        "# Storage event\n\nAt 07:10 PST alarms fired on the storage cell. The team throttled\n"
        "re-sync on the storage nodes, and the last volume was recovered at 11:40 PST.\n"
    )
    found = timeline(doc_of(text))["resolution"]
    assert found is not None and found["quote"].endswith("recovered at 11:40 PST.")


def test_a_numbered_entry_s_number_is_no_sentence() -> None:
    entries = (
        "1. 09:05 UTC - Two more reports came in. I tested from my own phone.\n"
        "2. 09:20 UTC - Renewed the certificate on web-1."
    )
    found = timeline(doc_of(TL.format(entries)))["entries"]
    assert [e["sentences"] for e in found] == [2, 1]


@pytest.mark.parametrize(
    "entries",
    [
        # a second entry run into the bullet after a sentence
        "- 10:50 UTC - Alerted the web team. - 11:00 UTC - Rerouted traffic to web-2.",
        # a number that lost its space: Markdown renders no item, the line joins the one above
        "9. 12:00 UTC - Watched the error rate.\n10.12:30 UTC - Service fully restored.",
    ],
)
def test_an_entry_run_into_another_is_not_single(entries: str) -> None:
    found = timeline(doc_of(TL.format(entries)))["entries"]
    assert not found[0]["single"]


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        # a job that fires is the trigger; the person who noticed is the detection
        (
            "- 13:00 - the nightly export cron fires on db-2\n"
            "- 13:12 - Tomas notices the orders page hanging",
            6,
        ),
        # "noticeably slow" is the impact; "did not notice until someone showed me" is when
        (
            "- 14:05 - the shop became noticeably slow\n"
            "- 14:30 - I did not notice until someone showed me the error on their phone",
            6,
        ),
        # a reader who e-mails, a user who said
        ("- 10:00 - errors start\n- 10:20 - a reader e-mails us about the broken form", 6),
        ("- 10:00 - errors start\n- 10:20 - a user in the forum said the page is blank", 6),
    ],
)
def test_the_detection_is_the_entry_where_someone_noticed(entries: str, line: int) -> None:
    assert _line(entries, "detection") == line


def test_service_back_is_one_list_for_recovery_and_resolution() -> None:
    """The lexicon's `recovered` is the one list of the service back as an outcome: an entry
    in its words is a recovery, and counts as resolved with the `resolved` words."""
    from pmreview.checks.ended import _back, _recovered

    for told in ("error rate back under 1%", "the api is fully functional", "pods up again"):
        assert _back(told) and _recovered(told)
    assert not _back("rolled back the deploy") and _recovered("rolled back the deploy")
    assert not _back("api healthy but checkout still fails")


@pytest.mark.parametrize("title", ["## Timeline", "**Sequence of events**", "Chronology:"])
def test_a_titled_timeline_of_events_without_times_is_present_but_ill_formed(title: str) -> None:
    text = (
        f"# Cert outage\n\n{title}\n\n- Early on a student told us the site warned of a bad cert\n"
        "- Then we looked at the proxy and found the old cert\n- Later we swapped in a new one\n"
    )
    review = review_text(text)
    assert review.checks["timeline.present"].status == "pass"
    assert review.checks["timeline.format"].status == "fail"


def test_a_timeline_title_over_one_line_of_prose_is_no_timeline() -> None:
    text = "# Cert outage\n\n## Timeline\n\nWe will add the timeline once the logs are back.\n"
    assert review_text(text).checks["timeline.present"].status == "fail"
