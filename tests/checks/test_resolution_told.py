"""The timeline's resolution as timelines often end: with the fix and an entry that says
service came back in plain words ("the pods are up again", "the page loads normally", "the
shop fully back"), under headings that are times, or with a broken release withdrawn
(examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def resolution(body: str) -> int | None:
    found = timeline(doc_of(f"# Shop outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    return found["line"] if found else None


def quote(body: str) -> str:
    found = timeline(doc_of(f"# Shop outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    assert found is not None
    return found["quote"]


@pytest.mark.parametrize(
    "last",
    [
        "The load balancer marks both web nodes UP again and checkout works normally.",
        "The storefront loads normally from three networks.",
        "Shop fully back; orders flowing.",
    ],
)
def test_the_last_entry_that_restores_service_ends_it_with_the_fix_before_it(last: str) -> None:
    body = (
        "- 09:00 UTC - checkout returns 502\n"
        "- 09:20 UTC - I changed the upstream port in the nginx config and reloaded nginx\n"
        f"- 09:24 UTC - {last}"
    )
    assert resolution(body) == 6  # quoted at the fix, which says how and when
    assert quote(body).startswith("- 09:20 UTC - I changed")


def test_a_fix_and_recovery_told_in_one_paragraph_are_quoted_together() -> None:
    body = (
        "- 09:00 UTC - checkout returns 502\n\n"
        "At 09:20 UTC I changed the upstream port in the nginx config and reloaded nginx. "
        "At 09:24 UTC the shop was fully back."
    )
    assert quote(body).startswith("At 09:20 UTC I changed") and quote(body).endswith("fully back.")


def test_a_recovery_word_without_a_fix_before_it_is_no_resolution() -> None:
    body = "- 09:00 UTC - checkout returns 502\n- 09:24 UTC - The storefront loads normally."
    assert resolution(body) is None


def test_entries_under_headings_that_are_times() -> None:
    body = (
        "### 09:00\n\nCheckout returned 502 for every order.\n\n"
        "### 09:20\n\nI removed the duplicate upstream block from the nginx config and restarted"
        " nginx.\n\n### 09:30\n\nShop fully back. I placed a test order to be sure."
    )
    assert resolution(body) == 11  # the fix under 09:20, before "Shop fully back"


def test_a_paragraph_under_a_title_that_is_no_time_is_not_timed() -> None:
    body = (
        "### Morning\n\nCheckout returned 502 for every order.\n\n"
        "### Later\n\nI removed the duplicate upstream block from the nginx config and restarted"
        " nginx.\n\n### Evening\n\nShop fully back."
    )
    assert resolution(body) is None


def test_a_broken_release_withdrawn_ends_it() -> None:
    body = (
        "- 08:00 UTC - 2.7.0 published; imports fail on older interpreters\n"
        "- 09:10 UTC - maintainers agree to withdraw the release\n"
        "- 09:15 UTC - 2.7.0 yanked from the package index"
    )
    assert resolution(body) == 7


def test_prose_with_times_under_a_heading_that_is_a_time() -> None:
    body = (
        "### 09:00\n\nCheckout returned 502. At 09:05 I saw the upstream error in the log.\n\n"
        "### 09:20\n\nI removed the duplicate upstream block from the nginx config and restarted"
        " nginx; the shop was fully back. At 09:40 I wrote to the club about it."
    )
    found = timeline(doc_of(f"# Shop outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    assert found is not None and found["quote"].startswith("I removed")


def test_a_release_withdrawn_after_the_patch_is_quoted_itself() -> None:
    body = (
        "- 08:00 UTC - 3.2.0 published; imports fail on older interpreters\n"
        "- 09:00 UTC - patch PR ready: `typing` imports moved behind a version check\n"
        "- 09:40 UTC - 3.2.1 is on the package index\n"
        "- 09:45 UTC - 3.2.0 yanked from the package index"
    )
    assert resolution(body) == 8
