"""The semantic detectors on the words people write: escalations, wrong theories, causes and
fixes told in detail, wherever the document tells them (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.causes import root_cause
from pmreview.checks.fixes import resolution
from pmreview.checks.timeline import timeline

TIMELINE = "# Queue outage\n\n## Timeline\n\n- 09:00 UTC - alert fired\n{}\n"


@pytest.mark.parametrize(
    "entry",
    [
        "- 09:05 UTC - the on-call engineer was away, so Ravi (backup contact) got paged",
        "- 09:10 UTC - Dana contacts Priya, who has the access to resize the volume",
        "- 09:10 UTC - the database team was brought in to look at replication",
        "- 09:10 UTC - pagers alerted the storage teams",
        "- 09:10 UTC - Alert fires; the search on-call, Mei Tan, is paged",
    ],
)
def test_escalation_in_the_words_people_use(entry: str) -> None:
    assert timeline(doc_of(TIMELINE.format(entry)))["escalation"] is not None


@pytest.mark.parametrize(
    "entry",
    [
        "- 09:10 UTC - we contacted them again",  # no team or person named
        "- 09:10 UTC - The customers contacted Support",  # a report, not an escalation
        "- 09:10 UTC - escalated to another engineer on the team",  # nobody named
        "- 09:10 UTC - Nobody was paged: we have no on-call rota yet",  # denied
        "- 09:10 UTC - The DBA team wasn't paged until the next morning",
        "- 09:10 UTC - we added an alert so that the on-call is paged if the queue stalls",
    ],
)
def test_no_escalation_without_a_team_or_person(entry: str) -> None:
    assert timeline(doc_of(TIMELINE.format(entry)))["escalation"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "- 09:10 UTC - Initial hypothesis suspected the identity provider",
        "- __Misleading path:__ Believed the disk was failing",
        "- 09:10 UTC - Profiling the cache first was a wild goose chase",
        # the theory in one entry, shown wrong in the next
        "- 09:10 UTC - Lena thought the TLS certificate had expired\n"
        "- 09:20 UTC - The certificate was valid; Lena read the proxy log",
        "- 09:10 UTC - Omar assumes the new scheduler build is at fault and rolls it back\n"
        "- 09:40 UTC - Rollback done, but the queue is still stuck",
    ],
)
def test_a_wrong_theory_in_the_words_people_use(entry: str) -> None:
    assert timeline(doc_of(TIMELINE.format(entry)))["misleading"] is not None


def test_a_quoted_chat_log_is_not_the_author_s_theory() -> None:
    text = TIMELINE.format("") + "\n## Chat\n\n> ana: I thought so, but it was slow\n"
    assert timeline(doc_of(text))["misleading"] is None


def test_initial_diagnostics_are_no_theory() -> None:
    text = TIMELINE.format("- 09:10 UTC - Initial diagnostics were slowed by missing logs")
    assert timeline(doc_of(text))["misleading"] is None


def test_a_cause_told_by_its_parts_and_mechanism() -> None:
    text = (
        "## Root cause\n\nThe nightly backup process ran on the same server as the web "
        "application and used most of the CPU, so requests queued until they timed out.\n"
    )
    assert root_cause(doc_of(text))["detail"] is not None
    vague = "## Root cause\n\nA misconfiguration in the server caused the application to fail.\n"
    assert root_cause(doc_of(vague))["detail"] is None
    unnamed = (
        "## Root cause\n\nSomething in last night's upgrade changed some settings, so the "
        "application server could not start after the reboot.\n"
    )
    assert root_cause(doc_of(unnamed))["detail"] is None


def test_a_cause_explained_outside_a_root_cause_section() -> None:
    text = (
        "## Resolution\n\nThe outage was caused by the deploy job reading `KUBE_CONTEXT` from "
        "the wrong cluster, so the certificate change landed on production.\n"
    )
    assert root_cause(doc_of(text))["present"] is None
    assert root_cause(doc_of(text))["detail"] is not None


@pytest.mark.parametrize(
    ("fix", "detailed"),
    [
        ("The issue was solved by killing the backup process on that server.", True),
        ("The team restored the previous load balancer configuration.", True),
        ("We whipped it back into shape and restarted the service.", False),
        ("The issue was resolved.", False),
        ("Then we restarted the server and checked the site again.", False),  # which server?
        ("Then we restarted the database server and checked the site again.", True),
    ],
)
def test_a_fix_that_names_the_change(fix: str, detailed: bool) -> None:
    found = resolution(doc_of(f"## Resolution\n\n{fix}\n"))["detail"]
    assert (found is not None) is detailed


def test_a_fix_told_in_the_timeline_when_there_is_no_resolution_section() -> None:
    text = TIMELINE.format("- 09:40 UTC - resolved by rolling back the 2.3 deploy of the api")
    assert resolution(doc_of(text))["detail"] is not None
    assert resolution(doc_of(TIMELINE.format("- 09:40 UTC - resolved")))["detail"] is None


@pytest.mark.parametrize(
    ("summary", "share"),
    [
        ("About 30% of active guests could not book a room.", "30%"),
        ("All passengers saw an empty departures board.", "All passengers"),
    ],
)
def test_a_share_of_the_people_a_business_serves(summary: str, share: str) -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    found = affected_share(summary_blocks(doc_of("## Summary\n\n" + summary + "\n")))
    assert found is not None and found["quote"] == share


def test_where_traffic_was_sent_is_no_share() -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    text = "## Summary\n\nA bad proxy rule sent all traffic to one node; many users saw errors.\n"
    assert affected_share(summary_blocks(doc_of(text))) is None


@pytest.mark.parametrize(
    ("summary", "share"),
    [
        # a part of the load is no share of users: one user sends many requests, clients retry
        ("About 40% of API requests to the booking site failed with 502.", None),
        ("Roughly half of all requests timed out, so shoppers saw errors.", None),
        ("About 60% of all traffic was dropped at the edge.", None),
        ("Roughly half of all sign-in attempts failed for an hour.", None),
        ("The balancer sends about half of page loads to web-2, which served stale pages.", None),
        # every other request is half of them, not all
        ("Every second request got a 404 page from the broken node.", None),
        ("Every other request to the shop returned 502.", None),
        ("Payments failed for 1,200 of roughly 9,000 cardholders.", "1,200 of roughly 9,000"),
        # all of the load failing tells that everyone was affected
        ("The gateway returned 503 for 100% of requests.", "100%"),
        ("The new `orders-api` answered every request with a 500 error.", "every request"),
        # a machine's measure is no share; the share of users after it is
        (
            "The database CPU sat at 100%; 120 of the 400 signed-in users saw errors.",
            "120 of the 400",
        ),
    ],
)
def test_a_share_of_the_load_is_no_share_of_users(summary: str, share: str | None) -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    found = affected_share(summary_blocks(doc_of("## Summary\n\n" + summary + "\n")))
    assert (found and found["quote"]) == share


@pytest.mark.parametrize(
    ("summary", "share"),
    [
        ("Anyone who tried to pay got a 502 page.", "Anyone who tried"),
        ("The shop showed a 500 error to everyone visiting it that morning.", "everyone visiting"),
        ("About 2,300 of our ~7,100 active API keys got 401 errors.", "2,300 of our ~7,100"),
        # thanks, amends and people who were not hit are no share
        ("Thanks to everyone who reported the errors so quickly.", None),
        ("Everyone who logged in that week gets a free month, sorry for the errors.", None),
    ],
)
def test_everyone_who_met_the_failure_is_all_of_a_group(summary: str, share: str | None) -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    found = affected_share(summary_blocks(doc_of("## Summary\n\n" + summary + "\n")))
    assert (found and found["quote"]) == share


@pytest.mark.parametrize(
    "text",
    [
        "With the cache empty, every request fell through to the database.",
        "The new rule blocked all incoming traffic except SSH (22) and HTTPS (443).",
    ],
)
def test_all_of_the_load_on_its_path_is_no_share(text: str) -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    assert affected_share(summary_blocks(doc_of("## Summary\n\n" + text + "\n"))) is None


@pytest.mark.parametrize(
    "summary",
    [
        "The site was down for a day and a half for users in Europe.",
        "For half an hour many users could not sign in.",
        "Checkout failed for an hour and a half and customers complained.",
    ],
)
def test_half_of_a_length_of_time_is_no_share(summary: str) -> None:
    from pmreview.checks.share import affected_share
    from pmreview.parse.views import summary_blocks

    assert affected_share(summary_blocks(doc_of("## Summary\n\n" + summary + "\n"))) is None


def test_a_right_suspicion_before_an_entry_that_finds_a_wrong_setting_is_no_path() -> None:
    text = TIMELINE.format(
        "- 09:10 UTC - Ana begins suspecting the deploy job\n"
        "- 09:20 UTC - Ana finds the job ran in the wrong namespace"
    )
    assert timeline(doc_of(text))["misleading"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "- 09:05 UTC - `QueueDepthHigh` fires and the on-call acknowledges it",
        "- 09:05 UTC - A customer wrote on the forum that uploads hang",
    ],
)
def test_detection_in_the_words_people_use(entry: str) -> None:
    text = "# Queue outage\n\n## Timeline\n\n- 09:00 UTC - deploy of 4.2\n" + entry + "\n"
    assert timeline(doc_of(text))["detection"] is not None


def test_a_timeline_told_in_prose_is_read_sentence_by_sentence() -> None:
    text = (
        "## Timeline\n\nThe deploy went out at 09:00 UTC and errors rose. At 09:40 UTC the team "
        "rolled back the\nrelease of checkout-api to 4.1.3, and by 09:55 UTC errors had "
        "returned to normal.\n"
    )
    found = timeline(doc_of(text))["resolution"]
    assert found is not None
    assert found["quote"].startswith("At 09:40 UTC the team rolled back")
    assert (found["line"], found["column"]) == (3, 51)
