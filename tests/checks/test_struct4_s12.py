"""Structural readings by family, session 12 (struct4; examples written for these tests).

- An opening under the document's title that tells an intrusion or a service taken offline
  ("the build server was hacked by an intruder", "our forums are unreachable because the host
  is offline"), with no date in it, is the summary: the words of a security incident and of
  a service out of reach tell an incident as "outage" and "down" do.
"""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary

_REST = "\n## Timeline\n\n- 10:02 UTC - Alert fired.\n- 10:40 UTC - Restored.\n"


def _present(opening: str) -> bool:
    return (
        summary(doc_of("# A note from the admins\n\n" + opening + "\n" + _REST))["present"]
        is not None
    )


@pytest.mark.parametrize(
    "opening",
    [
        "As announced earlier, the package mirror of our project was cracked by an\n"
        "unauthorized person. We report here what we found and what we changed.",
        "An intruder got into the build server of the project and planted a back door;\n"
        "this page reports our analysis.",
        "Several services of example.org are stopped because its servers are\n"
        "currently unreachable.",
        "The forum and the wiki are offline, because the host that serves them is down.",
        "Our chat server was hacked last month and we rebuilt it from scratch.",
    ],
)
def test_an_opening_telling_an_intrusion_or_services_out_of_reach_is_the_summary(
    opening: str,
) -> None:
    assert _present(opening)


@pytest.mark.parametrize(
    "opening",
    [
        "This is the write-up for the web stack debugging project of my course.",
        "We moved the wiki to a new host so that pages load faster for readers.",
        "Read on to learn how we run our servers and what we changed this year.",
    ],
)
def test_an_opening_that_tells_no_incident_is_not_the_summary(opening: str) -> None:
    assert not _present(opening)


def _share(summary_text: str) -> bool:
    doc = doc_of("# Outage\n\n## Summary\n\n" + summary_text + "\n" + _REST)
    return summary(doc)["affected_share"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "The login service failed from 10:02 to 10:40 UTC, affecting all students enrolled.",
        "A bad certificate on the gateway impacted every customer for 38 minutes.",
        "The expired token hit all merchants using the old SDK between 10:02 and 10:40 UTC.",
        "The queue stalled at 10:02 UTC and the backlog affected all of our subscribers.",
    ],
)
def test_a_whole_group_the_failure_struck_is_a_share(text: str) -> None:
    """The share of users as the object of what struck them ("affecting all students")."""
    assert _share(text)


@pytest.mark.parametrize(
    "text",
    [
        "The login service failed at 10:02 UTC. We informed all students by mail.",
        "The login service failed at 10:02 UTC; a credit goes to all affected customers.",
        "The login service failed at 10:02 UTC for some users; this could have affected all users.",
        "The login service failed at 10:02 UTC. The fix was rolled out to every customer.",
    ],
)
def test_a_whole_group_not_struck_is_no_share(text: str) -> None:
    assert not _share(text)


@pytest.mark.parametrize(
    "text",
    [
        "From 10:02 to 10:40 UTC no veterans were able to book a visit in the app.",
        "From 10:02 to 10:40 UTC no registered farmers could sell through the market.",
        "The payout job failed at 10:02 UTC and paid nothing to every farmer on the platform.",
        "None of the residents could pay their rent online from 10:02 to 10:40 UTC.",
    ],
)
def test_every_one_of_the_people_served_is_a_share(text: str) -> None:
    """Totality over the people a service serves, by what they are to it."""
    assert _share(text)


@pytest.mark.parametrize(
    "text",
    [
        "From 10:02 to 10:40 UTC no pods were able to start on the new nodes.",
        "From 10:02 to 10:40 UTC no alerts could fire, so some users saw errors unnoticed.",
        "The payout job failed at 10:02 UTC; 40 farmers were paid late.",
    ],
)
def test_totality_over_things_or_a_bare_count_is_no_share(text: str) -> None:
    assert not _share(text)


def _timeline_present(story: str) -> bool:
    text = "# Login outage\n\n## What broke\n\nThe login api failed for all users.\n\n" + story
    return summary is not None and _extract(text)["timeline"]["present"] is not None


def _extract(text: str) -> dict[str, object]:
    from pmreview.checks import extract

    return dict(extract(doc_of(text)))


@pytest.mark.parametrize(
    "story",
    [
        "## The long night\n\n- **14:30 UTC: Detection**\n  - Error rates rose in the auth logs.\n"
        "  - An alert fired.\n- **15:15 UTC: A wrong turn**\n  - We blamed the database.\n"
        "  - We checked its pool.\n- **17:30 UTC: Found it**\n  - A load balancer rule denied"
        " traffic.\n  - We removed it.\n",
        "## How it went\n\n1. 09:00 - deploy\n   - a config change shipped\n   - nobody noticed\n"
        "2. 09:20 - alert\n   - paging fired\n   - on-call acked\n3. 10:05 - rollback\n"
        "   - service recovered\n   - errors stopped\n",
    ],
)
def test_timed_top_items_over_untimed_sub_items_are_a_timeline(story: str) -> None:
    assert _timeline_present(story)


@pytest.mark.parametrize(
    "story",
    [
        "## What we will do\n\n- Add an alert\n  - on the auth error rate above 5% at 14:30 UTC"
        "\n- Add a test\n  - a check at 15:15 UTC daily\n- Review the rules\n",
        "## Notes\n\n- **14:30 UTC**: first page\n- The team met\n- We argued\n- We wrote this\n"
        "- We left\n",
    ],
)
def test_untimed_top_items_are_no_timeline(story: str) -> None:
    assert not _timeline_present(story)


_SHEET_ITEMS = (
    "- **Key events**\n  - Detected 2024-03-02 10:02 UTC\n  - Resolved 2024-03-02 10:40 UTC\n\n"
    "- **Impact**: all users could not log in.\n\n- **Context**:\n  - 10:02 UTC alert fired\n"
    "  - 10:20 UTC rolled back\n  - 10:40 UTC restored\n\n"
    "- **Root cause**: a bad config push.\n\n- **Resolution**: rolled back the config.\n\n"
    "- **Review actions**:\n  - Add a config check\n  - Add an alert\n"
)


@pytest.mark.parametrize(
    "head",
    ["# Incident on 2024-03-02: login failures\n\n", "", "# Login\n\n## Incident 2024-03-02\n\n"],
)
def test_a_fact_sheet_under_its_title_or_one_heading_is_read_by_its_items(head: str) -> None:
    doc = doc_of(head + _SHEET_ITEMS)
    assert any(s.style == "fact" and s.has("root_cause") for s in doc.sections)


def test_labelled_items_spread_under_headings_of_their_own_are_lists() -> None:
    """Bold-labelled items under two or more titles that lay the document out are no fact sheet
    (spec/checks.md: a list item that opens with a bold label is not a section)."""
    text = (
        "# The day auth fell over\n\n## A night to remember\n\n- **When:**\n"
        "  - began 14:30 UTC\n  - ended 18:45 UTC\n- **Impact:**\n  - 30% of users locked out\n\n"
        "## What was behind it\n\n- **Root cause:**\n  - a deny rule in the ACL\n"
        "- **Resolution:**\n  - removed the rule\n\n## Follow-ups\n\n- **Monitoring:**\n"
        "  - alert on ACL changes\n- **Timeline review:**\n  - page faster\n"
    )
    doc = doc_of(text)
    assert not any(s.style == "fact" for s in doc.sections)
