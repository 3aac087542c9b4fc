"""The detection quotes the first sign: a checker whose verb comes after an aside in brackets
("my uptime checker (a cron job that curls the page …) e-mails me 'content check failed'"),
reports received by the people who take them ("support sees 37 calls about blank screens");
never a later post asking others to confirm, the investigation after a page, or the service
restored ("the display was restored and normal monitoring resumed"). Examples written for
these tests."""

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
    ("entries", "shown"),
    [
        (
            "- 08:30 I reload apache2 on web-02.\n"
            "- 08:41 My uptime checker (a cron job that curls the homepage every 5 minutes and"
            ' greps for my name) e-mails me "content check failed".\n'
            "- 08:58 Posted in the cohort Slack asking if others see the default page.\n",
            "uptime checker",
        ),
        (
            "- 10:00 Deploy of 2.4 to all hosts.\n"
            "- 10:12 The synthetic probe (run from three regions, every minute) pages the"
            " on-call: login returns 500.\n"
            "- 10:20 On-call reads the error log.\n",
            "synthetic probe",
        ),
        (
            "| Time | Event |\n|---|---|\n"
            "| 06:00 | Rollout of 4.2.0 starts. |\n"
            "| 06:41 | Customer support sees 37 calls about blank screens in 20 minutes, and the"
            " support lead pages the firmware on-call. |\n"
            "| 07:05 | Firmware on-call checks boot telemetry: devices on 4.2.0 stop reporting."
            " |\n",
            "37 calls",
        ),
        (
            "- 09:00 Release 7 deployed.\n"
            "- 09:20 The help desk received a spike of tickets about failed logins and paged"
            " the identity team.\n"
            "- 09:35 Identity team reads the auth logs.\n",
            "spike of tickets",
        ),
        (
            "- 14:00 Config push to the edge.\n"
            "- 14:05 The service desk logged 12 calls from branches saying the tills were"
            " frozen.\n"
            "- 14:30 Network team paged.\n",
            "12 calls",
        ),
    ],
)
def test_the_first_sign_is_quoted(entries: str, shown: str) -> None:
    quote = _found(entries)
    assert quote is not None and shown in quote, quote


@pytest.mark.parametrize(
    "entries",
    [
        # a restoration is never the detection
        "1. At 02:40, the dashboard stopped updating.\n"
        "2. At 06:15, the display was restored and normal monitoring resumed.\n",
        # calls made by the service, not reports received
        "- 10:00 The API gets 5 calls per second from the batch job.\n"
        "- 10:30 Support sent 37 e-mails to customers about the delay.\n",
    ],
)
def test_no_sign_no_quote(entries: str) -> None:
    quote = _found(entries)
    assert quote is None or "restored" not in quote and "sent 37" not in quote, quote
