"""Misleading paths, escalations and detections as students and small teams write them: a
theory in the present tense shown wrong by plain wording in the next entries, an escalation
to a named mentor or teammate, a detection told in the present (examples written for these
tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def entries(*lines: str) -> str:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(lines))
    return f"# Outage\n\n## Timeline\n\n- 10:00 UTC - the alert fired\n{body}\n"


@pytest.mark.parametrize(
    "told",
    [
        # a theory in the present, shown wrong in the same or the next entries
        ("I suspect the Redis node and check it. It is healthy.",),
        ("I think it is the firewall and open port 8080.", "Still 504 on the checkout page."),
        ("We assume the worker leaked memory and restart it.", "The worker is running fine."),
        ("Kofi thinks it is a crawler and blocks two IP ranges.", "No improvement."),
        ("Restarted the pods thinking they had run out of memory.", "Latency gets worse."),
        ("We suspected the CDN, because it was changed at noon.", "So it is not the CDN."),
        ("Thought it was the certificate, so I checked its dates. It was correct.",),
        ("Still convinced it was the proxy, I rewrote its config. This was a waste of time.",),
        # the theory judged afterwards
        ("Blocked the busiest IPs.", "The bot-traffic idea was wrong."),
        ("We spent about 30 minutes assuming the new build broke the login.",),
        ("I blamed the queue consumers first and restarted them.",),
        ("At first the on-call thinks it is a stale cache entry.",),
    ],
)
def test_a_wrong_theory_told_plainly(told: tuple[str, ...]) -> None:
    found = timeline(doc_of(entries(*told)))["misleading"]
    assert found is not None


@pytest.mark.parametrize(
    "told",
    [
        # a theory that held, or no theory at all
        ("I suspect the Redis node and check it. Its memory is full.",),
        ("I think it is the disk.", "Confirmed: the disk is full."),
        ("We think this will stop the retries.", "But we keep an eye on it."),
        ("Restarted the web server.", "Still 502."),  # a fix attempt, no theory
        ("Customers who now think our store is closed wrote to us.", "It is not."),
        # an opinion, not a theory about the cause
        ("We think readers should know how it happened, and we didn't hide it.",),
    ],
)
def test_no_wrong_theory(told: tuple[str, ...]) -> None:
    assert timeline(doc_of(entries(*told)))["misleading"] is None


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        ("Pinged our mentor, Ms. Achieng Otieno, on Slack to ask about the backup", True),
        ("Tag @kwame (he owns the deploy script) in Discord and hand the logs to him", True),
        ("Esi phones Yaw, who set up the database server", True),
        ("escalated to Storage (Lina Berg) as it looked like a full volume", True),
        ("Escalated to Ama, who owns the DNS zone", True),
        ("paged my teammate Kojo Mensah, who owns the cache", True),
        ("paged my code-review buddy Efua Asare on Slack with the error log", True),
        ("messaged our course tutor Dr. Mensah about the expired key", True),
        ("pinged my study partner about lunch plans", False),  # nobody named
        ("the monitor paged the on-call (me)", False),  # escalated to the author
        ("we were alerted to Redis errors by the dashboard", False),  # what was seen
        ("escalated to Critical severity", False),  # a severity, not a team
        ("tagged @here in the class channel", False),  # everyone, nobody named
        ("we did not escalate to the database team or page Kofi", False),  # denied
    ],
)
def test_an_escalation_as_small_teams_tell_it(entry: str, found: bool) -> None:
    assert (timeline(doc_of(entries(entry)))["escalation"] is not None) is found


def test_an_escalation_quotes_the_whole_name_after_a_title() -> None:
    found = timeline(doc_of(entries("Pinged our mentor, Mr. Kofi Boateng, on Slack")))
    assert found["escalation"] is not None
    assert found["escalation"]["quote"].endswith("Kofi Boateng, on Slack")


def test_a_first_investigation_aimed_at_a_release_is_a_path() -> None:
    text = (
        "# Outage\n\n## Response\n\nThe initial investigation focused on the morning's release"
        " of the billing service. The platform team then found the full disk.\n"
    )
    assert timeline(doc_of(text))["misleading"] is not None


def test_a_planned_alert_among_the_measures_is_no_escalation() -> None:
    text = (
        entries("restarted the cache")
        + "\n## Action items\n\n- Add an expiry check sent to the on-call team's address\n"
    )
    assert timeline(doc_of(text))["escalation"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "A classmate posts a screenshot of the error page in our group chat.",
        "I got a message from a friend that the site shows a blank page.",
        "I opened the site to check the new form and got a 503 page.",
        "`checkout-errors-high` pages the payments on-call (Ife).",
    ],
)
def test_a_detection_told_in_the_present(entry: str) -> None:
    text = f"# Outage\n\n## Timeline\n\n- 10:00 UTC - {entry}\n- 10:05 UTC - restarted nginx\n"
    found = timeline(doc_of(text))["detection"]
    assert found is not None and found["line"] == 5
