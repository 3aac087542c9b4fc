"""Detections, wrong paths and escalations as people tell them in their own words: a peer or
a mate who messages, a failure met in one's own browser, calls received, channels that lit
up; time spent on a theory, a theory dropped, a suspect cleared ("it was not related"); a
contractor called out, an alert that reached only the author (examples written for these
tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def entries(*lines: str) -> str:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(lines))
    return f"# Outage\n\n## Timeline\n\n{body}\n"


@pytest.mark.parametrize(
    "entry",
    [
        "A peer messaged me on Telegram that the shop shows a blank page.",
        "my mate Joe texted me that the blog is down",
        "A code reviewer posts 'is the API down?' in the cohort channel.",
        "Opened /blog/first-post in my browser after the move and got a 502.",
        "The dashboard timed out in my browser.",
        "The help desk receives calls from three branch offices.",
        "Callers began to report that the booking line hangs up on them.",
        "Within a minute of the deploy, Discord and Twitter lit up.",
        "Sipho, trying the new search, sees a 500 on every query and posts in our chat.",
        "The provider's secret scanning detects the leaked key and notifies us.",
        "I wake up to 30 e-mails from the contact form.",
    ],
)
def test_a_detection_told_in_plain_words(entry: str) -> None:
    found = timeline(doc_of(entries("Deployed release 3.2 to web-01.", entry)))["detection"]
    assert found is not None and found["line"] == 6


@pytest.mark.parametrize(
    "entry",
    [
        # a request, not a report: "the naming my mentor asked for"
        "Renamed the repo folder to the naming my mentor asked for.",
        "Opened the registrar's panel in my browser and added the record.",
        "Checked the site: no errors in my browser.",
        # told to someone, not by them
        "The hosting support is asked to clear the cached pages.",
        # a state of the system, the end of the impact, a date
        "Every request now gets a 503.",
        "The last resolvers pick up the record. Customer reports stop.",
        "First detected 2024-03-02 10:14",
    ],
)
def test_no_detection_in_these_words(entry: str) -> None:
    assert timeline(doc_of(entries(entry)))["detection"] is None


@pytest.mark.parametrize(
    "told",
    [
        ("I lost about half an hour assuming the cache was stale.",),
        ("We wasted an hour chasing the load balancer.",),
        (
            "I assumed the new mailer code had broken sign-up.",
            "Spent about an hour stepping through it locally.",
        ),
        (
            "We spent 25 minutes rolling back the mobile release because it shipped that"
            " morning. It was not related.",
        ),
        ("The storage team suspects the new switch.", "The switch theory is dropped."),
        (
            "Support attributes the failures to the bank's maintenance and opens a ticket.",
            "The bank confirms its systems are operating normally.",
        ),
        ("The morning import looked like a convincing cause, and we spent 20 minutes on it.",),
        ("The proxy logs sent me down the TLS road for a while.",),
        ("We spent a while looking at the load balancer because of the 502s.", "All healthy."),
        ("At first we looked at the cache node, but it was running normally.",),
    ],
)
def test_a_wrong_path_told_in_plain_words(told: tuple[str, ...]) -> None:
    assert timeline(doc_of(entries(*told)))["misleading"] is not None


@pytest.mark.parametrize(
    "told",
    [
        # time spent on a fix, with no theory and no suspect cleared
        ("We spent 30 minutes restarting the workers.", "Errors continued."),
        # the real cause, told as found
        ("The cause turned out to be a full disk on db-1.",),
        # a theory held, with the time it took to confirm it
        ("I assumed the disk was full.", "Spent 10 minutes confirming it with df."),
        # time spent on a repair that worked
        ("We spent a while restoring the database.", "It is healthy again."),
        # the theory's own words, not its refutation
        ("I think the worker was not reading the new config, so I restart it.",),
    ],
)
def test_no_wrong_path_in_these_words(told: tuple[str, ...]) -> None:
    assert timeline(doc_of(entries(*told)))["misleading"] is None


def test_a_theory_told_after_what_was_seen_is_a_path_when_the_cause_is_another() -> None:
    text = (
        entries("I see timeouts in the app log and assume the queue is stuck.", "Rebooted db-1.")
        + "\n## Root cause\n\nThe certificate of db-1 had expired.\n"
    )
    assert timeline(doc_of(text))["misleading"] is not None


def test_a_terse_entry_tells_a_theory_without_a_subject() -> None:
    text = (
        entries("still no cause found, suspect that it is the firewall rules", "Read the docs.")
        + "\n## Root cause\n\nA typo in the virtual host file.\n"
    )
    assert timeline(doc_of(text))["misleading"] is not None


def test_a_path_is_quoted_from_the_account_before_the_fix() -> None:
    text = (
        entries("I assumed the traffic spike was the problem and enabled a cache plugin.")
        + "\n- 10:15 UTC - It did not help.\n\n## Resolution\n\n- Turned the cache plugin off"
        " again since it was not the issue.\n"
    )
    found = timeline(doc_of(text))["misleading"]
    assert found is not None and "I assumed the traffic spike" in found["quote"]


def test_a_path_among_the_measures_comes_after_the_account() -> None:
    text = (
        entries("Restarted the API.")
        + "\n## Why it took long\n\nThe new release looked like a plausible culprit, and we"
        " spent 15 minutes on it.\n\n## Action items\n\n- Done: the release was not the cause;"
        " it stays deployed.\n"
    )
    found = timeline(doc_of(text))["misleading"]
    assert found is not None and found["quote"].startswith("The new release looked like")


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        ("The building's electrician and our generator contractor were called out.", True),
        ("The scanner's alert was sent to my old address, so I saw it late.", False),
        ("The uptime alert went to my phone while I slept.", False),
        # people reporting, counted: not an escalation by the responders
        ("About 900 merchants saw errors; 41 contacted merchant support.", False),
        ("At 10:37 contacted the payments team lead, Ruth.", True),
    ],
)
def test_an_escalation_told_plainly(entry: str, found: bool) -> None:
    assert (timeline(doc_of(entries(entry)))["escalation"] is not None) is found


def test_an_action_is_not_read_in_the_names_of_things() -> None:
    """ "checkout", "checksum" and "the checker" hold "check" but tell no investigation; a cache
    purge is an action on the system."""
    found = timeline(
        doc_of(entries("First report of checksum failures on the checkout page.", "Cache purged."))
    )
    assert found["actions"] is not None and found["actions"]["line"] == 6
    told = timeline(doc_of(entries("The checkout monitor fires and the checker goes red.")))
    assert told["actions"] is None
