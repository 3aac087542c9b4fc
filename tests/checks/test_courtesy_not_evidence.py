"""A courtesy line (an apology, thanks, "we understand how important…") tells the writer's
regret, not the impact or the cause: the summary's impact and cause quote the sentence that
states them, and the courtesy line only when nothing else does (examples written for these
tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text

_COURTESY = [
    "We sincerely apologise for the failure of the Ridewell booking service and the trouble"
    " it caused due to the outage.",
    "We understand how important a working Ridewell booking service is to your business, and"
    " we regret the errors it caused.",
    "Please accept our apologies for the inconvenience caused by the failure of the Ridewell"
    " booking service.",
    "Thank you for your patience while the Ridewell booking service failed and returned errors.",
]


def _summary(opening: str, rest: str) -> dict[str, object]:
    text = (
        f"# Booking outage\n\n## Summary\n\n{opening}\n\n{rest}\n\n"
        "## Timeline\n\n- 10:00 UTC - Alert.\n"
    )
    return dict(summary(parse(from_text(text))))


@pytest.mark.parametrize("courtesy", _COURTESY)
def test_the_impact_and_cause_are_not_a_courtesy_line(courtesy: str) -> None:
    facts = _summary(
        courtesy,
        "From 09:10 to 10:40 UTC the Ridewell booking API returned 503 errors to 40% of"
        " riders. The cause was an expired TLS certificate on the api-gw load balancer.",
    )
    impact, cause = facts["impact"], facts["root_cause"]
    assert isinstance(impact, dict) and "503" in impact["quote"]
    assert isinstance(cause, dict) and "expired TLS" in cause["quote"]


def test_a_courtesy_line_alone_is_still_shown() -> None:
    facts = _summary(_COURTESY[0], "We will write again when we know more.")
    impact = facts["impact"]
    assert isinstance(impact, dict) and "apologise" in impact["quote"]


@pytest.mark.parametrize(
    "plain",
    [
        "We understand the cause: an expired TLS certificate on the api-gw load balancer.",
        "Riders of the Ridewell booking API got 503 errors; we are sorry for that.",
    ],
)
def test_a_statement_that_is_no_courtesy_stays(plain: str) -> None:
    facts = _summary(plain, "More later.")
    quoted = [f["quote"] for f in (facts["impact"], facts["root_cause"]) if isinstance(f, dict)]
    assert plain in quoted
