"""summary.impact, a site named by its full address and called unusable (examples written for
these tests): "https://shop.example.tech was unusable", "http://grades.school.edu/ was not
usable for two hours". A bare path or "the site was unusable" names nothing."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.summary import summary


def _impact(text: str) -> bool:
    return summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["impact"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "**Impact:** https://shop.example.tech, behind the proxy on lb-1, was unusable.",
        "From 10:00 to 12:00 UTC http://grades.school.edu/ was not usable.",
        "From 10:00 UTC the billing api was unusable for everyone.",
    ],
)
def test_a_named_site_unusable_is_an_impact(text: str) -> None:
    assert _impact(text)


@pytest.mark.parametrize(
    "text",
    [
        "From 10:00 to 12:00 UTC the site was unusable.",
        "We changed /index.html at 10:00 UTC.",
        "Read https://status.example.tech for updates.",
    ],
)
def test_nothing_named_or_nothing_met_is_no_impact(text: str) -> None:
    assert not _impact(text)
