"""root_cause.detail by family (examples written for these tests).

A cause told with the things named by their proper names, which no technology list knows: an
identifier with its number ("RFC-7231", "BIP-0032", "PR #88"), or a product or component the
text writes with a capital inside its sentences twice ("the Hermes scheduler… Hermes then …").
Variants pass; near misses fail: one name and nothing of what it did ("a bug in the Zapster
app"), a capitalised heading word the text also writes in lower case ("Process" / "process"),
a capital only at a sentence's start."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.proper_names import proper_names


def _detail(text: str) -> str | None:
    found = root_cause(doc_of(f"# Outage\n\n## Root cause\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "The gateway rejected the calls because the Hermes scheduler sent a header that "
        "RFC-7231 does not allow; Hermes then retried every call twice.",
        "The payout job broke after PR #88 changed how the Ledgerly client rounds amounts, so "
        "Ledgerly sent totals one cent short to the bank.",
        "Our wallet derived keys with BIP-0032 paths from the old Vaultkeep library, and "
        "Vaultkeep stopped returning the change addresses after its update.",
    ],
)
def test_a_cause_with_proper_names_passes(text: str) -> None:
    assert _detail(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The root cause of the breakdown was a bug in the Zapster app that made it stop.",
        "Our Process failed. The process was not followed and the team did not notice it.",
        "Deploys failed for a while. Something went wrong with the release of the service.",
    ],
)
def test_one_name_or_no_name_fails(text: str) -> None:
    assert _detail(text) is None


def test_names_need_two_capitals_inside_and_no_lower_case_use() -> None:
    text = "Hermes went down. We restarted Hermes. Then the Process stopped; the process is old."
    assert proper_names(text) == frozenset({"hermes"}) or proper_names(text) == frozenset()
    assert "process" not in proper_names(text)
    assert "eip-6110" in proper_names("It broke with EIP-6110 live.")
