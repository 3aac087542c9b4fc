"""The detection's pass quotes the first sign of the failure, how it was noticed: a tool's
message that tells the failure ("e-mail: 'api is DOWN'", "the 5xx monitor goes over 5% and
texts me"), a report opened by someone outside, a call to support; never the recovery told by
the same tool ("reports UP", "the monitor recovers", "logins succeed again"), a check that saw
nothing ("showed no errors"), a responder paging or notifying the next team, or what the
responders noticed once the issue had been handed on (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Shop outage\n\n## Summary\n\nOrders failed.\n\n## Timeline (UTC)\n\n"


def _found(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["detection"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "Pingdom e-mail: 'shop.example.org is DOWN (timeout)'.",
            "All requests succeed; Pingdom reports UP.",
        ),
        ("StatusCake alert text: `api` returns 503.", "The StatusCake check is back up."),
        (
            "Our Grafana alert on the 5xx rate goes over 3% and e-mails me.",
            "No more 5xx and the Grafana monitor recovers.",
        ),
        (
            "Better Uptime SMS arrives: checkout is down.",
            "Last 502 in the access log and Better Uptime reports UP.",
        ),
    ],
)
def test_a_tool_telling_the_failure_comes_before_its_recovery(first: str, later: str) -> None:
    quote = _found(f"- 10:02 - {first}\n- 10:20 - Restarted the app.\n- 10:40 - {later}\n")
    assert quote is not None and first[:20] in quote


@pytest.mark.parametrize(
    "recovered",
    [
        "Test payments succeed; support confirms customer complaints have stopped.",
        "Every request succeeding; the uptime monitor reports UP.",
        "The health check is green again and the monitor recovers.",
    ],
)
def test_a_recovery_alone_is_no_detection(recovered: str) -> None:
    assert _found(f"- 10:20 - Restarted the app.\n- 10:40 - {recovered}\n") is None


def test_a_tool_telling_the_failure_comes_before_a_hand_over() -> None:
    quote = _found(
        "- 19:52 - Our Datadog monitor on the 5xx rate goes over 5% and e-mails me.\n"
        "- 20:05 - Escalated to my partner Kofi, who wrote the deploy script.\n"
    )
    assert quote is not None and "Datadog monitor" in quote


def test_a_table_row_of_a_tool_that_triggered_on_errors() -> None:
    quote = _found(
        "| time | event | who | detail |\n|---|---|---|---|\n"
        "| 03:14 | Triggered | New Relic | orders-api error rate 9% (threshold 2%) |\n"
        "| 03:19 | Acknowledged | Lena Fox | |\n"
    )
    assert quote is not None and "Triggered" in quote


@pytest.mark.parametrize(
    "responder",
    [
        "Checked Grafana: CPU normal, no errors.",
        "Added a Datadog monitor on the 5xx rate.",
        "Looked at the Pingdom history for errors.",
    ],
)
def test_a_responder_using_a_tool_is_no_tool_telling(responder: str) -> None:
    quote = _found(
        f"- 10:00 - {responder}\n- 10:05 - A customer e-mails support that checkout fails.\n"
    )
    assert quote is not None and "customer" in quote


@pytest.mark.parametrize(
    "nothing",
    [
        "Post-change checks of the peers and alarms showed no errors.",
        "The smoke tests found no failures and the change was closed.",
        "Health checks returned zero errors after the deploy.",
    ],
)
def test_a_check_that_saw_nothing_is_no_detection(nothing: str) -> None:
    quote = _found(
        f"- 01:00 - {nothing}\n- 02:21 - NOC monitoring raised a critical alarm on the gateways.\n"
    )
    assert quote is not None and "critical alarm" in quote


@pytest.mark.parametrize(
    "opened",
    [
        "Issue #812 opened by a user: the installer fails.",
        "Ticket INC-31 filed by a customer about failed logins.",
        "Bug report submitted by a tester: uploads hang.",
    ],
)
def test_a_report_opened_by_someone_outside_is_the_detection(opened: str) -> None:
    quote = _found(
        f"- 06:40 - {opened}\n- 08:02 - Dana notices the error names the key, not the file.\n"
    )
    assert quote is not None and opened[:12] in quote


@pytest.mark.parametrize(
    "called",
    ["A clinic in Leeds calls support: records are missing.", "A shop owner phones support."],
)
def test_a_call_to_support_comes_before_the_escalations(called: str) -> None:
    quote = _found(
        f"- 07:48 - {called}\n"
        "- 07:55 - Support escalates to the backend on-call, Ravi, via PagerDuty.\n"
        "- 08:40 - Incident raised to SEV-1; Ravi pages the data on-call and notifies the CTO.\n"
        "- 10:20 - Customer Success e-mails the affected clinics.\n"
    )
    assert quote is not None and called[:10] in quote


def test_what_the_responders_notice_after_the_page_is_no_detection() -> None:
    quote = _found(
        "- 18:09 - Players report error E-41 on social media.\n"
        "- 18:11 - `PartyAvailabilityLow` pages the SRE on-call (Kim).\n"
        "- 18:36 - The edge team finds no attack; Kim notices OOMKilled pods.\n"
    )
    assert quote is not None and "E-41" in quote


@pytest.mark.parametrize(
    "first",
    [
        "Ama noticed the 502s on the login page.",
        "The queue-depth monitor fires and pages the billing on-call.",
        "Pingdom reports the site DOWN.",
        "Users report the upload page is down.",
    ],
)
def test_a_plain_detection_stays(first: str) -> None:
    quote = _found(
        f"- 10:00 - {first}\n- 10:30 - Escalated to Omar.\n- 11:00 - Omar notices a full disk.\n"
    )
    assert quote is not None and first[:15] in quote


@pytest.mark.parametrize(
    "unseen",
    [
        "Our Zabbix check mailed 'DISK CRITICAL' for db-1 to the team inbox. Nobody read it.",
        "The uptime monitor e-mailed 'api is DOWN'; the e-mail went unnoticed.",
        "PagerDuty alert on the 5xx rate fired, but no one saw it until morning.",
        "Uptime Kuma pings me on Telegram: 'api is DOWN'. I ignore it, it flapped last week.",
    ],
)
def test_an_alarm_nobody_saw_is_no_detection(unseen: str) -> None:
    quote = _found(
        f"- 23:38 - {unseen}\n- 23:52 - Kofi posted in our WhatsApp group that saving fails.\n"
    )
    assert quote is not None and "Kofi posted" in quote


def test_a_person_who_noticed_the_alarm_late_stays() -> None:
    quote = _found(
        "- 09:10 - Nobody read the night's alert e-mails; Ama noticed the 502s at 9:10.\n"
    )
    assert quote is not None and "Ama noticed" in quote
