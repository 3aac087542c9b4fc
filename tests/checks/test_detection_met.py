"""timeline.detection, families read in round 11 (examples written for these tests): someone
meeting the failure as they use the service, told in the present or the base form ("I open
the site to show my sister and get a blank page", "Dami opens the app and it spins forever",
"loads the shop and it hangs"); a checker or grader that fails ("the grader for task 2 fails:
port 80 refused"). A page opened after the fix that works, a checker that passes, reports
that have stopped and a responder paging a team are no detection."""

from __future__ import annotations

from functools import partial

import pytest
from _support import timeline_quote

detection = partial(timeline_quote, "detection")


@pytest.mark.parametrize(
    "entry",
    [
        "I open the site to show my sister and get a blank page.",
        "We open the homepage and see `502 Bad Gateway`.",
        "Dami opens the app to log a workout and it spins forever.",
        "My flatmate loads the shop and it hangs on the spinner.",
        "Opened the booking page and it would not load.",
        "The grader for task 2 fails: port 80 refused.",
        "Automated checker for project 4 failed with a timeout on web-02.",
        # an alarm that crosses its line and tells someone
        "Our free uptime monitor on the 5xx rate goes over 5% and emails me.",
        "The p99 latency alert crossed 2 s and texted the on-call phone.",
        "Our monitoring detected elevated 503 errors on the label API.",
        "NOC monitoring raised a critical alarm on the session success rate.",
        "| Triggered | Datadog | api 5xx rate 9% (threshold 5%) |",
    ],
)
def test_meeting_the_failure_is_a_detection(entry: str) -> None:
    assert detection("the deploy of 3.2 starts", entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "I open the site after the restart and it loads fine.",
        "The grader for task 2 passes.",
        "Test logins succeed; the help desk confirms user reports have stopped.",
        "Kemi pages the storage team, which owns the bucket, in #inc-42.",
        "The latency graph went back under 1 s after the purge.",
        "The disk monitor never detected the full volume.",
        "Post-change checks of the links and alarms showed no errors.",
        "All requests succeed; StatusCake reports UP.",
    ],
)
def test_no_failure_met_is_no_detection(entry: str) -> None:
    assert detection("the deploy of 3.2 starts", entry) is None
