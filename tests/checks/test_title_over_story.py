"""A document title whose words name a summary ("# What happened when …", "# Incident
report: …") over an opening that tells the incident: the opening is the summary, and the
sections under the title are not unless their own titles make them summary parts (examples
written for these tests). With no telling opening, the sections under the title still are."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.summary import summary

OPENING = (
    "This is our write-up of the queue outage on Monday 4 March 2024. For about two hours"
    " the worker on app-2 stopped taking jobs, so every upload stayed in Pending.\n\n"
)
STORY = (
    "## The story\n\nAt 14:30 UTC Ana restarted the worker and at 16:40 UTC jobs flowed"
    " again; all users saw their uploads complete.\n\n## Lessons\n\n- Alert on queue depth.\n"
)


def test_the_story_under_a_summary_title_is_not_the_summary() -> None:
    found = summary(doc_of(f"# What happened when the queue froze\n\n{OPENING}{STORY}"))
    assert found["present"] is not None and found["present"]["line"] == 3
    assert found["start_time"] is None and found["affected_share"] is None
    assert found["duration"] is not None  # "two hours", in the opening


def test_an_impact_part_under_the_title_joins_the_opening() -> None:
    impact = "## Impact\n\nAll users saw uploads stuck in Pending from 14:30 to 16:40 UTC.\n\n"
    found = summary(doc_of(f"# What happened when the queue froze\n\n{OPENING}{impact}{STORY}"))
    assert found["affected_share"] is not None and found["start_time"] is not None


def test_with_no_opening_the_sections_under_the_title_are_the_summary() -> None:
    found = summary(doc_of(f"# What happened when the queue froze\n\n{STORY}"))
    assert found["start_time"] is not None
