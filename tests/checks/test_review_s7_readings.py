"""What the resolution, escalation and detection readings must not take (examples written for
these tests, after an independent review): a symptom or a look at a dashboard is no fix, a
recovery that the same clause takes back is none, a program calling a service is no
escalation, and a team sending an update is no detection."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

FIRST = "- 10:00 UTC - checkout errors reported by the payments alert\n"


def _timeline(body: str) -> dict[str, object]:
    return timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))


@pytest.mark.parametrize(
    "last",
    [
        "error rate increased on the payments service",
        "we open the database dashboard",
        "we start looking at the nginx config",
        "the cache server started swapping",
        "a second incident channel created for the database team",
        "the deploy to v2.4.1 is running",
        "the job restarts itself in a loop",
        "the scheduler reloads the bad config every minute",
    ],
)
def test_a_symptom_or_a_look_is_not_the_fix(last: str) -> None:
    body = (
        FIRST + "- 10:05 UTC - we join the incident call\n"
        "- 10:08 UTC - we read the logs of the payments service\n"
        f"- 10:10 UTC - {last}"
    )
    assert _timeline(body)["resolution"] is None


@pytest.mark.parametrize(
    "fix",
    ["we restart the nginx service", "Marta rolls back the payments service to 4.1.2"],
)
def test_a_change_the_responders_made_is_the_fix(fix: str) -> None:
    body = FIRST + "- 10:05 UTC - we read the logs\n- 10:08 UTC - we join a call\n"
    found = _timeline(body + f"- 10:10 UTC - {fix}")["resolution"]
    assert found is not None and fix in str(found["quote"])


@pytest.mark.parametrize(
    "relapse",
    [
        "the API is now back to 500 errors",
        "errors back to 40% after a dip",
        "cache pods healthy but checkout still fails",
        "the database is healthy, errors continue",
        "error rates normal on web-3 only; other nodes still failing",
        "workers up again, then crash again after 2 min",
    ],
)
def test_a_recovery_taken_back_is_not_the_resolution(relapse: str) -> None:
    body = (
        FIRST + "- 10:05 UTC - restarted the cache pods\n"
        f"- 10:12 UTC - {relapse}\n- 10:20 UTC - we keep digging"
    )
    found = _timeline(body)["resolution"]
    assert found is None or "restarted the cache pods" in str(found["quote"])


@pytest.mark.parametrize(
    "entry",
    [
        "Dana sees the frontend calls Stripe twice for every request.",
        "The load balancer forwards Kubernetes traffic to the old pool.",
        "Logs show the function calls the Security module twice.",
        "we contact the leadership page to update status",
        "we notify the security officer? no, we wait.",
    ],
)
def test_a_program_calling_a_service_is_no_escalation(entry: str) -> None:
    assert _timeline(FIRST + f"- 10:15 UTC - {entry}")["escalation"] is None


def test_a_team_sending_an_update_is_no_detection() -> None:
    body = (
        "- 10:00 UTC - the deploy of 3.2 starts\n"
        "- 10:10 UTC - the support team send an update to customers"
    )
    assert _timeline(body)["detection"] is None


def test_a_recovery_after_a_dead_end_is_the_resolution() -> None:
    body = (
        FIRST + "- 10:05 UTC - I roll back the config and restart nginx. Still down.\n"
        "- 10:20 UTC - changed the upstream port in the nginx config and reloaded nginx\n"
        "- 10:25 UTC - web-2 marked up, 502s stop"
    )
    found = _timeline(body)["resolution"]
    # the recovery is the 10:25 entry; quoted at the change that ended it, not the dead end
    assert found is not None and "changed the upstream port" in str(found["quote"])


@pytest.mark.parametrize(
    "back", ["error rate back to 0%", "p95 latency back to 130 ms", "end of the incident"]
)
def test_a_rate_back_to_its_baseline_is_a_recovery(back: str) -> None:
    body = FIRST + f"- 10:05 UTC - restarted the cache pods\n- 10:12 UTC - {back}"
    found = _timeline(body)["resolution"]  # quoted at the change the recovery followed
    assert found is not None and "restarted the cache pods" in str(found["quote"])
