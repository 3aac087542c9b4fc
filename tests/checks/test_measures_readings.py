"""Where the measures' checks find their evidence: the section of what to do before a lessons
section, and an item that improves something, not one that lifts a mitigation (examples
written for these tests)."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.measures import measures

LESSONS_THEN_ACTIONS = """# Cache outage

## Lessons learned

- What went well: the on-call engineer found the evicted keys within ten minutes.
- What went wrong: nobody watched the eviction counter of the cache.

## Action items

- Add an alert on evicted keys above zero for cache-prod (owner: @lee).
- Set maxmemory on cache-prod to 12 GB (owner: @lee).
"""

UNDO_FIRST = """# Import outage

## What we are doing

- **Done:** the temporary rate limit on the bulk-import customer was removed at 10:40.
- **Done:** a CI check now blocks pool-size changes above 25% on pgbouncer-prod.
"""


def test_present_cites_the_action_items_over_lessons() -> None:
    found = measures(doc_of(LESSONS_THEN_ACTIONS))["present"]
    assert found is not None and found["title"] == "Action items"


def test_improvements_skip_an_item_that_lifts_a_mitigation() -> None:
    found = measures(doc_of(UNDO_FIRST))["improvements"]
    assert found is not None and "CI check" in found["quote"]


LESSONS_ONLY = """# Container move

## Lessons learned

- {}
- {}
"""


def test_lessons_told_as_statements_are_no_tasks() -> None:
    text = LESSONS_ONLY.format(
        "Hand-edited settings of the old server do not move into a container with the app.",
        "A page that fails alone points at routing more often than at files.",
    )
    assert measures(doc_of(text))["tasks"] == []


def test_lessons_written_as_tasks_are_tasks() -> None:
    text = LESSONS_ONLY.format(
        "Always compare the enabled Apache modules of the server and the image before a move.",
        "We will keep the rewrite rules of the site in the repository.",
    )
    assert len(measures(doc_of(text))["tasks"]) == 2
