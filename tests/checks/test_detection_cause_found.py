"""The cause found is not the incident detected (examples written for these tests): "Root
cause discovered by deleting the bad route", "the culprit was detected by bisecting" tell how
the cause came to light, later; "the outage was discovered by a customer" still tells the
detection. Nor is a change made to a monitoring tool ("targets healthy after altering the
health check path"), which names the tool only as what was changed."""

from __future__ import annotations

from functools import partial

import pytest
from _support import timeline_quote

detection = partial(timeline_quote, "detection")


@pytest.mark.parametrize(
    "entry",
    [
        "Root cause discovered by deleting the malformed route by hand.",
        "The cause was detected by bisecting the last five commits.",
        "Culprit discovered after comparing the two config files.",
        "Underlying causes discovered through the audit log.",
    ],
)
def test_the_cause_found_is_no_detection(entry: str) -> None:
    assert detection("Rolled the gateway back to v1.", entry) is None


@pytest.mark.parametrize(
    "entry",
    [
        "The outage was discovered by a customer who could not pay.",
        "Issue detected by the uptime probe on the login page.",
        "Errors discovered when the nightly report came out empty.",
    ],
)
def test_the_incident_discovered_is_still_detection(entry: str) -> None:
    assert detection("Rolled the gateway back to v1.", entry) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "Targets healthy after altering the health check path.",
        "Updated the Grafana dashboard with the new panel.",
        "Reconfigured the uptime probe to hit /healthz.",
    ],
)
def test_a_change_to_a_tool_is_no_detection(entry: str) -> None:
    assert detection("Rolled the gateway back to v1.", entry) is None


def test_a_tool_that_fired_is_still_detection() -> None:
    entry = "The health check alert fired for the gateway."
    assert detection("Rolled the gateway back to v1.", entry) == f"- 10:15 UTC - {entry}"


def test_detected_that_tells_the_detection_before_a_log_line() -> None:
    entry = "Started the nightly build, detected that runners were not being allocated."
    found = detection(entry, "The runner log reports `cannot provision: no capacity`.")
    assert found == f"- 10:10 UTC - {entry}"
