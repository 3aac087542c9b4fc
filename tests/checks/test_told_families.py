"""A wrong theory followed, in the many ways writers tell one (timeline.misleading): a first
idea, instinct or thought; a conclusion jumped to with no "must be" ("concludes the gateway
is down", "we figure the CDN is stale", "presuming a bad deploy"); a suspect found sound
("power is normal", "checked out clean", "unchanged since May"), a result that did not move
("error unchanged", "same errors", "backlog still growing"), a denial that opens a sentence
("Not the network."), negations typed without an apostrophe ("didnt help"); and the path
named by its shape ("the DNS detour", "down a rabbit hole", "my wrong hunch"). None of these
is a path: a failed fix with no theory, a theory that held, an expectation of how the system
behaves ("assumed the job would rotate the dumps"), a cause revealed ("it turned out the token
had expired"), a meeting concluded, a route called a detour (examples written for these
tests).

The same families for an escalation ("told my flatmate Kofi", "e-mailed Dr. Patel", "asked
Tomas to look", "woke up Lerato"; not someone else who noticed and told the responders, nor
a search engine asked) and for a detection (a checking tool that showed the failure, a
message quoted with its own question mark)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline


def _misleading(entries: str, after: str = "") -> str | None:
    text = f"# Outage\n\n## Timeline\n\n{entries}\n{after}"
    found = timeline(doc_of(text))["misleading"]
    return None if found is None else str(found["quote"])


_FIX = "\n- 11:45 - Raised `pm.max_children` to 40 in www.conf, site up."


@pytest.mark.parametrize(
    ("entries", "quote"),
    [
        (
            "- 10:00 - My first thought was that the cron job had hung, so I spent twenty"
            " minutes on its logs, which were perfectly fine.",
            "- 10:00 - My first thought was that the cron job had hung, so I spent twenty"
            " minutes on its logs, which were perfectly fine.",
        ),
        (
            "- 10:00 - Her initial instinct is that Redis ran out of memory.",
            "- 10:00 - Her initial instinct is that Redis ran out of memory.",
        ),
        (
            "- 10:00 - We figure the CDN is serving stale bundles and purge it.\n- 10:20 -"
            " Purge done, error unchanged.",
            "- 10:00 - We figure the CDN is serving stale bundles and purge it.",
        ),
        (
            "- 10:00 - Priya concludes the payment gateway has an outage and opens a ticket"
            " with them.\n- 10:25 - The gateway replies that their platform is normal.",
            "- 10:00 - Priya concludes the payment gateway has an outage and opens a ticket"
            " with them.",
        ),
        (
            "- 10:00 - Presuming a bad deploy, Sam rolls back release 4.2.\n- 10:15 -"
            " Rollback complete. Same errors.",
            "- 10:00 - Presuming a bad deploy, Sam rolls back release 4.2.",
        ),
        (
            "- 10:00 - we were convinced the queue worker was stuck and restarted it to be"
            " sure.\n- 10:10 - backlog still growing.",
            "- 10:00 - we were convinced the queue worker was stuck and restarted it to be sure.",
        ),
        (
            "- 10:00 - I suspect the network and run mtr to the database host.\n- 10:06 -"
            " Not the network: zero packet loss.",
            "- 10:00 - I suspect the network and run mtr to the database host.",
        ),
        (
            "- 10:00 - assumed the disk was full so i cleared /tmp twice. didnt change anything",
            "- 10:00 - assumed the disk was full so i cleared /tmp twice. didnt change anything",
        ),
        (
            "- 10:00 - Everyone blamed the new CDN.\n- 10:30 - The CDN logs are clean.",
            "- 10:00 - Everyone blamed the new CDN.",
        ),
        (
            "- 10:00 - **Investigating** - We suspect an issue with our upstream DNS"
            " provider.\n- 10:40 - **Update** - Our DNS provider reports no faults.",
            "- 10:00 - **Investigating** - We suspect an issue with our upstream DNS provider.",
        ),
        (
            "- 10:00 - Checked the firewall rules. Blaming the firewall was my wrong hunch.",
            "Blaming the firewall was my wrong hunch.",
        ),
    ],
)
def test_a_wrong_theory_told_in_other_words(entries: str, quote: str) -> None:
    assert _misleading(entries + _FIX) == quote


@pytest.mark.parametrize(
    ("after", "quote"),
    [
        (
            "The DNS detour cost us half an hour before anyone read the PHP log.",
            "The DNS detour cost us half an hour before anyone read the PHP log.",
        ),
        (
            "We went down a rabbit hole with the load balancer's health checks.",
            "We went down a rabbit hole with the load balancer's health checks.",
        ),
    ],
)
def test_a_path_named_by_its_shape(after: str, quote: str) -> None:
    entries = "- 10:00 - Site down." + _FIX
    assert _misleading(entries, f"\n## Lessons\n\n{after}\n") == quote


@pytest.mark.parametrize(
    ("entries", "after"),
    [
        # a failed fix with no theory
        ("- 10:00 - Restarted Nginx.\n- 10:05 - Still down.", ""),
        # a first guess that held, a suspicion confirmed
        (
            "- 10:00 - My first guess was the PHP pool, and the guess was right.",
            "",
        ),
        ("- 10:00 - Suspected a full disk. Confirmed: /var at 100%.", ""),
        # an expectation of how the system behaves, not a theory about the cause
        (
            "- 10:00 - Site down.",
            "\n## Root cause\n\nWe assumed the backup job would rotate old dumps, but it"
            " never did.\n",
        ),
        # a cause revealed, a meeting concluded, a route that took a detour
        (
            "- 10:00 - Site down.\n- 10:30 - We concluded the call at 10:30 but kept"
            " watching the graphs.",
            "\n## Root cause\n\nIt turned out the API token had expired.\n",
        ),
        (
            "- 10:00 - Site down.",
            "\n## Impact\n\nTraffic took a detour through the Frankfurt route, adding 40 ms.\n",
        ),
    ],
)
def test_no_wrong_theory(entries: str, after: str) -> None:
    assert _misleading(entries + _FIX, after) is None


def _timeline_of(entry: str) -> dict[str, object]:
    text = (
        f"# Outage\n\n## Timeline\n\n- 10:40 - Deployed v2.\n{entry}\n- 11:00 - Rolled back v2.\n"
    )
    return dict(timeline(doc_of(text)))


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - Told my flatmate Kofi Asante, who set up the VPS, and asked him to check it.",
        "- 10:51 - Yusuf emails our mentor, Ms. Grace Nnaji, with the logs.",
        "- 10:51 - E-mailed Dr. Patel, our course lead, with the stack trace.",
        "- 10:51 - Asked Tomas (he owns the CI) to look at the runner.",
        "- 10:51 - Woke up Lerato, who has the root password.",
        "- 10:51 - I then told Bongani, who wrote the cron job.",
        "- 10:51 - Rang Sipho at home.",
    ],
)
def test_a_person_told_or_asked_is_an_escalation(entry: str) -> None:
    assert _timeline_of(entry)["escalation"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - Asked Google what a 502 means.",
        "- 10:51 - A customer emailed Priya about the error.",
        "- 10:51 - Lerato told me the site was down.",
        "- 10:51 - Told myself it was fine.",
        "- 10:51 - Asked in the Discord channel whether anyone changed the DNS.",
        # someone else who noticed it and told the responders: a report, not an escalation
        "- 10:51 - Lindiwe noticed the blank page while testing and told Thabo on WhatsApp.",
        "- 10:51 - Lindiwe notices the blank page and tells Thabo.",
        # a message quoted, not a person named
        '- 10:51 - Snyk e-mailed "NpmToken exposed" to my address.',
    ],
)
def test_no_escalation(entry: str) -> None:
    assert _timeline_of(entry)["escalation"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - Our checker script printed `503` for `/health`.",
        "- 10:51 - The canary returns 500 errors on every call.",
        "- 10:51 - The smoke test on staging went red.",
        # a message quoted with its question mark is reported, not asked by the writer
        '- 10:51 - My flatmate texted me: "is your site down??"',
        "- 10:51 - Our mentor posted in Slack: “why is the API returning 404?”",
    ],
)
def test_a_detection_by_a_checker_or_a_quoted_message(entry: str) -> None:
    assert _timeline_of(entry)["detection"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - Did anyone check the logs?",
        "- 10:51 - The checker script printed 200 for all.",
        "- 10:51 - Deployed v3; the canary at 10% showed no errors.",
    ],
)
def test_no_detection(entry: str) -> None:
    assert _timeline_of(entry)["detection"] is None


def _summary_cause(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["root_cause"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        # a part damaged by an agent
        "From 03:10 to 05:00 UTC the fibre link between our two data centres was severed by"
        " a road crew's excavator.",
        "The `orders-db` volume was deleted by a nightly cleanup job at 02:00.",
        # a setting left pointing at something gone
        "After the move, the `www` CNAME still pointed at our decommissioned Heroku app.",
        # a step never taken, and what followed
        "After the upgrade the logrotate timer was not enabled on the new hosts, so `/var`"
        " filled up within two days.",
    ],
)
def test_a_cause_told_without_a_cause_word(text: str) -> None:
    assert _summary_cause(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "From 03:10 to 05:00 UTC users were hit by errors on every page.",
        "Customers were blocked by the outage for two hours.",
    ],
)
def test_no_cause_in_the_impact(text: str) -> None:
    assert _summary_cause(text) is None


def test_a_mechanism_under_a_heading_nobody_expects() -> None:
    text = (
        "# Postmortem\n\nThe shop was slow for an hour on Monday.\n\n## Timeline\n\n"
        "- 10:00 - Site slow.\n- 11:00 - Fixed the crontab.\n\n## Where I messed up\n\n"
        "My `logrotate` cron entry ran every minute instead of daily, so the gzip processes"
        " piled up on the web server and consumed the CPU that PHP-FPM needed.\n"
    )
    found = root_cause(doc_of(text))["detail"]
    assert found is not None and found["line"] == 12


def test_no_mechanism_in_the_opening_text() -> None:
    text = (
        "# Postmortem\n\nOur shop was slow and then the checkout page stopped loading for"
        " an hour on Monday, so customers left.\n\n## Timeline\n\n- 10:00 - Site slow.\n"
    )
    assert root_cause(doc_of(text))["detail"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - The case was referred to our course lead, Dr. Amaka Eze.",
        "- 10:51 - Passed it on to the network team.",
        "- 10:51 - Sev-2, escalated to the storage on-call.",
        "- 10:51 - me: @kwame can you look at the nginx config?",
        "- 10:51 - @dana, please check the disk on db-1.",
    ],
)
def test_a_case_passed_on_or_a_person_asked_by_name_is_an_escalation(entry: str) -> None:
    assert _timeline_of(entry)["escalation"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - @here the site is down.",
        "- 10:51 - Referred to the runbook for the restart steps.",
        "- 10:51 - 40 escalated tickets in the queue.",
        "- 10:51 - Emailed myself the logs.",
    ],
)
def test_no_escalation_by_mention_or_reference(entry: str) -> None:
    assert _timeline_of(entry)["escalation"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - My classmate Zodwa is telling me the login page hangs.",
        "- 10:51 - Users keep messaging us about failed payments.",
        "- 10:51 - Kojo, who uses the app daily, texted me that the map was empty.",
        "- 10:51 - Our coach, Mr. Banda, sends me a photo of the error page.",
        "- 10:51 - The night porter calls IT helpdesk: no badge reader works.",
        "- 10:51 - Opened `https://shop.example.co.za/cart` in my browser and got a 504.",
        "- 10:51 - Nana posted the error in our group chat. That is how I found out.",
    ],
)
def test_a_detection_told_by_someone_or_met_in_a_browser(entry: str) -> None:
    assert _timeline_of(entry)["detection"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "- 10:51 - I messaged the team that I was rolling back.",
        "- 10:51 - We texted Kojo about the fix.",
        "- 10:51 - Opened `https://shop.example.co.za/cart` in my browser to test the fix.",
    ],
)
def test_the_responders_telling_others_is_no_detection(entry: str) -> None:
    assert _timeline_of(entry)["detection"] is None


def _resolution_of(*entries: str) -> object:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} - {x}" for i, x in enumerate(entries))
    return timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"]


@pytest.mark.parametrize(
    "outcome",
    [
        "Checker green, my mentor confirms.",
        "The uptime monitor went green.",
        "All handheld scanners back, picking normal.",
        "All endpoints returned 200.",
        "All stores back, payments flowing.",
    ],
)
def test_the_service_back_told_in_a_notes_words(outcome: str) -> None:
    found = _resolution_of(
        "Card readers fail at every till.",
        "Bound the new certificate to the NPS policy.",
        outcome,
    )
    assert found is not None


@pytest.mark.parametrize(
    "outcome",
    [
        "All scanners back to failing.",
        "Checker red.",
        "All endpoints returned 502.",
        "Every store back in the queue for a certificate.",
    ],
)
def test_no_service_back_no_resolution(outcome: str) -> None:
    found = _resolution_of(
        "Card readers fail at every till.", "Bound the new certificate to the NPS policy.", outcome
    )
    assert found is None
