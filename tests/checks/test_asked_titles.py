"""Sections titled as the question they answer (examples written for these tests): why it
broke asked in any words, a Q&A layout whose questions are bold and long, the cause named as
a figure ("The smoking gun"), the tracked work as a "Backlog check"; a question about
something else names no kind."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.measures import measures
from pmreview.parse import kinds_of


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Why did it break?", "root_cause"),
        ("Why did the checkout go down?", "root_cause"),
        ("Why did our deploy script stop working", "root_cause"),
        ("Why was the payments API so slow?", "root_cause"),
        ("Why were the workers failing", "root_cause"),
        ("The smoking gun", "root_cause"),
        ("Getting to the root of the problem", "root_cause"),
        ("Backlog check", "measures"),
        ("Backlog items", "action_items"),
        ("What we did:", "resolution"),
        ("What I did to fix it", "resolution"),
        ("How we recovered", "resolution"),
    ],
)
def test_a_title_asked_or_figured_names_its_kind(title: str, kind: str) -> None:
    assert kind in kinds_of(title)


@pytest.mark.parametrize(
    "title",
    [
        "Why did we page Dana?",
        "Why it matters",
        "Why was the alert quiet at first",
        "Queue backlog",
    ],
)
def test_a_question_about_something_else_or_a_symptom_names_no_kind(title: str) -> None:
    assert not kinds_of(title) & {"root_cause", "measures", "action_items"}


@pytest.mark.parametrize("title", ["What we did and when", "What we did wrong", "What we did next"])
def test_what_we_did_with_more_words_is_no_resolution(title: str) -> None:
    assert "resolution" not in kinds_of(title)


def test_a_long_bold_question_opens_its_answer() -> None:
    doc = doc_of(
        "# Cache outage (Q&A)\n\n**Q: What happened?** A: The cache on web-1 was down from"
        " 10:00 to 10:30 UTC.\n\n**Q: What will you change so it never happens again?**"
        " A:\n\n- Add a health check to the cache pool in `haproxy.cfg`.\n"
        "- Alert on cache misses above 50% for 5 minutes.\n"
    )
    assert measures(doc)["present"] is not None
    kinds = [s.kinds for s in doc.sections]
    assert frozenset({"measures"}) in kinds


def test_a_long_bold_sentence_that_is_not_a_question_is_no_title() -> None:
    doc = doc_of(
        "# Cache outage\n\n**We are going to make sure this never happens again next"
        " month:** A: nothing yet.\n"
    )
    assert all("measures" not in s.kinds for s in doc.sections)


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Incident report: `todo-api` pods stuck", {"summary"}),
        ("Why the `lessons-svc` queue stalled", set()),
        ("`Timeline`", {"timeline"}),
        ("Root cause: `max_connections` too low", {"root_cause"}),
    ],
)
def test_code_in_a_title_names_a_thing_not_a_kind(title: str, kinds: set[str]) -> None:
    assert set(kinds_of(title)) == kinds
