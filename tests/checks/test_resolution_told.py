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


def test_an_entry_that_opens_with_a_guess_is_not_the_resolution() -> None:
    body = (
        "- 18:00 UTC - the shop times out for every visitor\n"
        "- 18:10 UTC - Assumed the proxy on lb-1 was broken. Restarted it; curl to lb-1 worked"
        " fine.\n"
        "- 18:40 UTC - `dig shop.example +short` returns the old address 198.51.100.4\n"
        "- 18:45 UTC - Changed the A record to 203.0.113.9 and lowered the TTL to 300."
    )
    assert resolution(body) == 8  # the record changed, not the guess that "worked fine"


def test_a_decision_is_not_quoted_as_the_change() -> None:
    body = (
        "- 10:00 UTC - checkout returns 500\n"
        "- 10:16 UTC - The on-call lead decides to roll back the release\n"
        "- 10:31 UTC - Rollback to orders-api 4.1.2 deployed on all hosts\n"
        "- 10:40 UTC - errors back to normal"
    )
    assert quote(body).startswith("- 10:31 UTC - Rollback")


def test_a_clean_up_after_the_impact_was_mitigated_is_not_the_resolution() -> None:
    body = (
        "- 13:00 UTC - write latency climbs on the block store\n"
        "- 15:20 UTC - rollback of the drive firmware to 4.2.1 starts on the busy nodes\n"
        "- 17:48 UTC - last busy node back on 4.2.1; latency at baseline. Incident mitigated.\n"
        "- 10:00 UTC - remaining idle nodes rolled back. Incident closed."
    )
    assert resolution(body) in (6, 7)  # the rollback, not the next day's clean-up


def test_a_job_run_by_hand_ends_it() -> None:
    body = (
        "- 06:00 UTC - no exports this morning\n"
        "- 06:20 UTC - the scheduler skipped the 02:30 run\n"
        "- 07:00 UTC - The nightly export job triggered manually\n"
        "- 07:30 UTC - Exports delivered. Incident closed."
    )
    assert resolution(body) == 7


def test_a_service_reopened_ends_it_though_the_status_page_is_told_with_it() -> None:
    body = (
        "- 19:00 UTC - logins fail for every player\n"
        "- 19:30 UTC - logins disabled globally\n"
        "- 20:10 UTC - ran `replay-writes.sh` against db-2\n"
        "- 20:40 UTC - Logins reopened for all players. Status page set to green."
    )
    assert resolution(body) == 7  # back at 20:40, quoted at the change before it


@pytest.mark.parametrize(
    "look",
    [
        "Found the error in `index.php`",
        "We checked the firewall with `ufw status`",
        "on-call finds `OOM command not allowed` errors on cache-2",
    ],
)
def test_a_finding_or_a_look_before_the_recovery_does_not_say_how(look: str) -> None:
    body = f"- 09:00 UTC - site down\n- 09:30 UTC - {look}\n- 09:40 UTC - Site was back"
    assert resolution(body) is None


def test_a_change_named_only_as_a_mitigation_does_not_say_how() -> None:
    body = (
        "- 09:00 UTC - notifications delayed\n"
        "- 09:30 UTC - on-call finds `OOM` errors on queue-2\n"
        "- 09:50 UTC - Mitigation applied to the notification queue.\n"
        "- 10:05 UTC - latency back to normal. Incident resolved."
    )
    assert resolution(body) is None  # which mitigation? The timeline does not say
    told = body.replace("Mitigation applied to", "Raised `maxmemory` to 16 GB on")
    assert resolution(told) == 7
