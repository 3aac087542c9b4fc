"""A status page's history kept as a section of the postmortem: its posts, each above the
line that says when it went out and the newest first, are the timeline read from the bottom
(examples written for these tests)."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.timeline import timeline

POSTS = (
    "# Upload outage\n\n## Status updates\n\n"
    "> **Resolved** - Uploads work again. We replaced the failed storage node `st-4` and "
    "rebalanced its volumes.\n>\n> Jun 2, 2025 - 11:20 UTC\n\n"
    "> **Identified** - A failed storage node is rejecting writes.\n>\n"
    "> Jun 2, 2025 - 10:55 UTC\n\n"
    "> **Investigating** - Customers report failed uploads; we are looking into it.\n>\n"
    "> Jun 2, 2025 - 10:31 UTC\n\n"
    "## What happened\n\nA storage node failed and nobody noticed for twenty minutes.\n"
)


def test_a_section_of_timed_status_posts_is_the_timeline() -> None:
    found = timeline(doc_of(POSTS))
    assert found["present"] is not None and found["present"]["line"] == 3


def test_each_post_is_told_at_the_time_below_it_and_the_oldest_comes_first() -> None:
    found = timeline(doc_of(POSTS))
    assert found["detection"] is not None and found["detection"]["line"] == 13
    assert found["resolution"] is not None and found["resolution"]["line"] == 5
