"""A pass quotes the element itself: the impact, not the sentence that gives its cause or a
field whose label alone names the outage (examples written for these tests)."""

from __future__ import annotations

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _impact(text: str) -> str:
    found = summary(parse(from_text(text)))["impact"]
    assert found is not None
    return found["quote"]


def test_the_impact_is_not_the_sentence_that_gives_its_cause() -> None:
    text = (
        "# Late invoices\n\n## Summary\n\nOn 3 May from 10:00 to 11:00 UTC, Billfold invoices"
        " were delayed by up to an hour for 30% of customers. The delays happened because the mail"
        " queue on the worker cluster stopped draining.\n"
    )
    assert _impact(text).startswith("On 3 May")


def test_a_field_whose_label_names_the_outage_is_not_the_impact() -> None:
    text = (
        "# Depot outage\n\n| | |\n|---|---|\n| **Outage window** | 05:00 – 07:10 CET |\n\n"
        "## Summary\n\nFrom 05:00 CET, couriers at Harbour depot could not print their labels.\n"
    )
    assert "could not print" in _impact(text)


def test_a_cause_sentence_is_still_the_impact_when_nothing_else_tells_it() -> None:
    text = (
        "# Broken login\n\n## Summary\n\nOn 2 June at 09:00 UTC the login page was down"
        " because the auth database ran out of disk.\n"
    )
    assert _impact(text).startswith("On 2 June")


def test_what_went_wrong_for_users_and_what_broke_are_symptoms() -> None:
    went = "# Pay\n\n## Summary\n\nAt checkout every buyer got 'Something went wrong' for an hour.\n"
    broke = "# Lib\n\n## Summary\n\nAfter 2.0 shipped, CI pipelines on old Pythons broke on import.\n"
    assert "went wrong" in _impact(went)
    assert "broke on import" in _impact(broke)


def test_a_duration_field_is_the_stated_length() -> None:
    text = (
        "# Outage\n\n## Summary\n\n- **Start:** 4 March 2024, 08:10 UTC\n"
        "- **End:** 4 March 2024, 09:05 UTC\n- **Duration:** 55 minutes\n"
        "- **Impact:** the shop's API returned 503 errors for every user.\n"
    )
    found = summary(parse(from_text(text)))["duration"]
    assert found is not None and found["quote"] == "55 minutes"
