"""The detection's pass quotes the sentence that states how the issue came to someone's
attention: an alarm that went off or a person who noticed or told, before the failure's own
start told with a word of detection ("reports pile up", timeouts "start firing") and before a
responder handing the issue on (examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Billing outage\n\n## Summary\n\nInvoices failed.\n\n## Timeline (UTC)\n\n"


def _detection(entries: str) -> str:
    found = timeline(parse(from_text(_HEAD + entries)))["detection"]
    assert found is not None
    return found["quote"]


def test_the_failure_starting_is_not_its_detection() -> None:
    quote = _detection(
        "- 03:10 - The `invoice-worker` stops acknowledging jobs from the queue.\n"
        "- 03:25 - The queue-depth monitor fires and pages the billing on-call.\n"
        "- 03:40 - On-call restarts `invoice-worker`.\n"
    )
    assert "monitor fires" in quote


def test_timeouts_firing_are_the_impact_and_the_alert_is_the_detection() -> None:
    quote = _detection(
        "- 18:00 - Search p99 climbs to 4 s; the frontend's timeouts start firing.\n"
        "- 18:04 - Alert 'search errors > 5%' pages the search on-call (Dana).\n"
    )
    assert "pages the search on-call" in quote


def test_an_entry_labelled_detected_comes_before_a_hand_over() -> None:
    quote = _detection(
        "- 09:05 - Detected: my uptime script texted me 'api → 502'.\n"
        "- 09:20 - Escalated to my teammate Omar, who wrote the proxy config.\n"
    )
    assert quote.startswith("- 09:05 - Detected")


def test_a_smoke_test_failing_comes_before_a_hand_over() -> None:
    quote = _detection(
        "- 16:00 - Deployed the new image.\n"
        "- 16:05 - My own smoke test fails: `curl -i /health` gives 502.\n"
        "- 16:40 - Handed it over to my partner Sam, who wrote the Dockerfile.\n"
    )
    assert "smoke test fails" in quote


def test_the_first_call_to_the_service_desk_is_the_detection() -> None:
    quote = _detection(
        "- 02:16 - The help desk receives the first call, from a night nurse.\n"
        "- 02:19 - The storage engineer pages the on-call DBA.\n"
    )
    assert "first call" in quote


def test_a_person_telephoning_the_desk_comes_before_a_ticket_logged() -> None:
    quote = _detection(
        "- 01:50 - The export job goes into error and stops acknowledging messages.\n"
        "- 02:40 - A ward nurse telephones the help desk: results are missing.\n"
        "- 02:45 - The desk analyst logs ticket INC-77 and calls the lab team.\n"
    )
    assert "telephones" in quote


def test_a_customer_who_told_first_stays_the_detection() -> None:
    quote = _detection(
        "- 10:02 - A customer e-mailed support that checkout hangs.\n"
        "- 10:30 - The latency alert fires and pages the on-call.\n"
    )
    assert "customer" in quote


def test_a_hand_over_alone_tells_no_detection() -> None:
    # the escalation says to whom the issue went, not how anyone came to know of it
    entries = (
        "- 11:00 - Pages load slowly.\n"
        "- 11:10 - Escalated to Omar, who reported it to the hosting company.\n"
    )
    assert timeline(parse(from_text(_HEAD + entries)))["detection"] is None


def test_someone_reporting_by_name_comes_before_a_responder_paging_another() -> None:
    quote = _detection(
        "- 19:50 - Changed the A record.\n"
        "- 19:52 - Ade reports the site will not load on his phone.\n"
        "- 20:55 - Paged Bola (our DNS helper) to double-check the record.\n"
    )
    assert "Ade reports" in quote


def test_an_alarm_raised_and_paged_stays_the_detection() -> None:
    quote = _detection(
        "- 09:26 - Cloud audit finding raised; routed to #sec-alerts and PagerDuty.\n"
        "- 09:41 - On-call checks the runner IPs; no match.\n"
        "- 11:15 - Repository made private; the vendor's support asked to purge caches.\n"
    )
    assert "finding raised" in quote


def test_being_tagged_is_being_told() -> None:
    quote = _detection(
        "- 15:10 - The new build reaches the store.\n"
        "- 20:30 - Support tagged me on Slack and told me about the one-star reviews.\n"
        "- 21:10 - The crash alert fires again.\n"
    )
    assert "tagged me" in quote


def test_reports_made_by_people_stay_the_detection() -> None:
    for told in (
        "The outage is reported on the issue tracker by @ana.",
        "Reports of failed uploads start arriving.",
    ):
        quote = _detection(
            f"- 02:00 - Deployed 4.2.\n- 02:50 - {told}\n- 03:10 - On-call alerted.\n"
        )
        assert told in quote
