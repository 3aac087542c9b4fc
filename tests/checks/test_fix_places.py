"""resolution.detail read where authors tell the fix in their own words: a volume grown "then",
a job run again by hand, a reload among the commands of a fix, a timeline whose times are bold
with their zone ("**10:05 UTC** —"), a rollout halted and rolled back (examples written for
these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution


def _fix(text: str) -> str | None:
    found = resolution(doc_of(text))["detail"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("story", "quoted"),
    [
        # no section titled as the resolution: the change is told as made, with "then"
        (
            "The reports volume filled up overnight.\n\n## Getting it back\n\n"
            "Old exports were moved to cold storage. The reports volume was then expanded from"
            " 100 GB to 400 GB.",
            "expanded from 100 GB",
        ),
        # a scheduled job that did not run, run by hand as the fix
        (
            "The nightly export never ran.\n\n## Details\n\nWe fixed it by triggering the"
            " export job by hand (`jobctl run export-nightly`) at 07:10.",
            "triggering the export job by hand",
        ),
    ],
)
def test_a_fix_told_outside_a_resolution_section(story: str, quoted: str) -> None:
    found = _fix(f"# Reports outage\n\n## Summary\n\n{story}\n")
    assert found is not None and quoted in found


def test_a_reload_among_the_commands_of_a_fix_names_the_change() -> None:
    text = (
        "# Shop outage\n\n## Root cause and resolution\n\nThe firewall dropped port 80.\n\n"
        "**How it was fixed.**\n\n1. Checked the rules with `sudo ufw status`.\n"
        "2. `sudo ufw allow 80/tcp && sudo systemctl reload nginx`.\n"
    )
    found = _fix(text)
    assert found is not None and "reload nginx" in found


def test_a_rollout_halted_and_rolled_back_in_a_timeline_with_bold_times() -> None:
    text = (
        "# Edge errors\n\n**Sequence of events**\n\n"
        "**09:50 UTC** — A change set the cache TTL to `0` in the edge config.\n\n"
        "**10:00 UTC** — The 5xx alert fired and the on-call engineer started looking.\n\n"
        "**10:05 UTC** — We halted the rollout and started rolling the edge config back to"
        " the previous version.\n\n"
        "**10:20 UTC** — Errors back to baseline.\n"
    )
    found = _fix(text)
    assert found is not None and "rolling the edge config back" in found


@pytest.mark.parametrize(
    "story",
    [
        # a trigger that is the cause, and a window made longer: no change that fixed it
        "The disk alert was triggered by the nightly backup on db-1.",
        "The maintenance window on db-1 was then extended by an hour.",
    ],
)
def test_what_is_no_fix_stays_none(story: str) -> None:
    assert _fix(f"# Database outage\n\n## Summary\n\n{story}\n") is None


def test_an_investigation_stopped_is_no_fix() -> None:
    text = (
        "# Database outage\n\n## Timeline\n\n- 09:00 UTC - Alert: db-1 latency high\n"
        "- 09:30 UTC - Stopped looking at the DNS theory on db-1\n"
    )
    assert _fix(text) is None
