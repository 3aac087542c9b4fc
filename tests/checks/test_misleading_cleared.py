"""timeline.misleading, families read in round 11 (examples written for these tests):

- a suspect cleared by name further on: a theory ("thought it was the firewall", "I was
  **sure** it was the CDN") whose suspect a later sentence, up to five on or in the entry's
  own sub-items, finds sound ("the firewall was fine", "the CDN was never the problem", "no
  abnormality on the uplink");
- the theory's fix with no effect, told tersely or in the present ("Not help.", "the error
  persists", "Nothing changes"), anywhere in the theory's own timeline entry;
- a verdict jumped to with a label noun ("we decide the proxy is the villain");
- a whole stretch of time spent on a theory ("spent the morning on the mirror theory").

A suspect confirmed, another thing found sound, a fix attempt with no theory, and a recovery
("fine again") are no path."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

# the root cause uses the suspects' words, so that a theory is not wrong merely by naming
# something the root cause does not (theories.unconfirmed_theory)
ROOT = (
    "\n\n## Root cause\n\nA config change made on the proxy, load balancer, replica, firewall,"
    " nginx, CDN, cache and uplink routers let the disk of `db-1` fill up with binary logs.\n"
)


def _doc(timeline_body: str, extra: str = "") -> bool:
    doc = doc_of(f"# Outage\n\n## Timeline\n\n{timeline_body}{ROOT}{extra}")
    return timeline(doc)["misleading"] is not None


def _entries(*entries: str) -> bool:
    return _doc("\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(entries)))


NESTED = """- 10:10
  - thought it was the firewall
    - because I changed the rules the day before
      - spent 30 min on iptables and the cloud console
        - the firewall was fine. of course it was
- 10:50
  - found the disk of db-1 full
"""

STORY = (
    "- 10:10 UTC - Site down.\n- 11:00 UTC - Purged the binary logs.\n\n## What I tried\n\n"
    "I had moved the images to a CDN that week, so I was **certain** it was the CDN. I purged "
    "it. I bypassed it. I read its docs twice. None of that mattered, because the CDN was "
    "never the problem.\n"
)


@pytest.mark.parametrize(
    "entries",
    [
        (
            "Suspecting a fault on the uplink at the data centre, the NOC calls the carrier.",
            "Escalated to the DBA on-call.",
            "The carrier reports no abnormality on the uplink.",
        ),
        ("I think the proxy config is the problem, so I reinstall the proxy. Not help.",),
        ("Assumed a replica served stale data and asked for a resync. The error persists.",),
        ("We decide nginx is the villain. It always is. We restart it. Nothing changes.",),
        (
            "We suspected the load balancer.",
            "Drained web-2.",
            "Checked the queue depth.",
            "The load balancer was healthy the whole time.",
        ),
    ],
)
def test_a_theory_refuted_further_on_is_a_path(entries: tuple[str, ...]) -> None:
    assert _entries(*entries)


def test_a_suspect_cleared_in_a_sub_item_is_a_path() -> None:
    assert _doc(NESTED)


def test_a_suspect_cleared_later_in_a_story_paragraph_is_a_path() -> None:
    doc = doc_of(f"# Outage\n\n## Timeline\n\n{STORY}{ROOT}")
    assert timeline(doc)["misleading"] is not None


def test_time_spent_on_a_theory_told_as_a_stretch_of_the_day() -> None:
    extra = "\n## What went wrong\n\n- We spent the morning on the replica theory.\n"
    assert _doc("- 10:10 UTC - Alert fired.\n- 11:00 UTC - Purged the binary logs.\n", extra)


@pytest.mark.parametrize(
    "entries",
    [
        # the suspect confirmed, four sentences on
        ("We suspected the disk of db-1.", "Checked it.", "Looked again.", "The disk was full."),
        # another thing found sound, not the suspect
        ("We suspected the cache.", "Checked graphs.", "Read logs.", "The network was fine."),
        # no theory: a fix attempt that did not work, a check that found nothing
        ("Restarted the proxy. Not help.", "Purged the binary logs."),
        ("Checked nginx. Nginx was fine.", "Purged the binary logs."),
        # a recovery, not a suspect cleared
        ("Thought it was the disk of db-1.", "Purged logs.", "Restarted.", "db-1 was fine again."),
        # an action decided, not a verdict
        ("We decide to restart the proxy. Nothing changes.", "Purged the binary logs."),
    ],
)
def test_no_theory_refuted_is_still_no_path(entries: tuple[str, ...]) -> None:
    assert not _entries(*entries)


def test_time_spent_on_work_with_no_theory_is_no_path() -> None:
    extra = "\n## What went wrong\n\n- We spent the morning on the migration.\n"
    assert not _doc("- 10:10 UTC - Alert fired.\n- 11:00 UTC - Purged the binary logs.\n", extra)
