"""Semantic verdicts as authors outside the corpus write them: a cause the summary gives at
its second cause word, as a full part "so" something failed, or as what a manifest changed
(and none in "see root cause below" or "I was a bit stressed because…");
a conclusion jumped to ("decided X must be broken", "was sure it was the database", "read the
error as…") that the account drops; an escalation to a role named after a comma, a case
opened with a vendor, an alert sent to a rota; and a failed attempt that is not the
resolution (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution
from pmreview.checks.summary import summary
from pmreview.checks.timeline import timeline


def _cause(text: str) -> str | None:
    found = summary(doc_of(f"# Outage\n\n## Summary\n\n{text}\n"))["root_cause"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The trouble was that Postfix would not start because another daemon already"
            " held port 25.",
            "The trouble was that Postfix would not start because another daemon already"
            " held port 25.",
        ),
        (
            "Checkout was down for 50 minutes. The data disk on db-2 was 100% full, so"
            " Postgres refused every write.",
            "The data disk on db-2 was 100% full, so Postgres refused every write.",
        ),
        (
            "On Friday my Ansible playbook `web.yml` changed Nginx on both hosts to listen"
            " on port 8081.",
            "On Friday my Ansible playbook `web.yml` changed Nginx on both hosts to listen"
            " on port 8081.",
        ),
    ],
)
def test_a_cause_the_summary_gives(text: str, quote: str) -> None:
    assert _cause(text) == quote


@pytest.mark.parametrize(
    "text",
    [
        # a cause section whose only cause words are vague: no later word makes it specific
        "Root cause: the root cause was a sync issue with the repo on the host.",
        # people who lacked something, "so": the impact, not a defect
        "Users were full of questions, so support was busy all day.",
        # a pointer to the cause section, a feeling explained, a degree
        "The shop was down for an hour on Sunday. It took a while to see why, see root cause"
        " below.",
        "The shop was down for an hour and I was a bit stressed because the demo was at noon.",
    ],
)
def test_no_specific_cause(text: str) -> None:
    assert _cause(text) is None


def _timeline(entries: str, after: str = "") -> dict[str, object]:
    text = f"# Outage\n\n## Timeline\n\n{entries}\n{after}"
    return dict(timeline(doc_of(text)))


def _quote(found: object) -> str | None:
    assert found is None or isinstance(found, dict)
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    ("entries", "quote"),
    [
        (
            "- 09:10 - I decide the firewall must be broken and spend the next half hour on"
            " `ufw` rules.\n- 09:40 - Nothing changes.\n- 09:45 - Found the typo in"
            " `app.conf`, fixed it, site up.",
            "- 09:10 - I decide the firewall must be broken and spend the next half hour on"
            " `ufw` rules.",
        ),
        (
            "- 09:10 - I was pretty sure it was the database and restarted MySQL.\n- 09:20 -"
            " So not the database: errors kept coming.\n- 09:45 - Raised `worker_connections`"
            " to 4096, site up.",
            "- 09:10 - I was pretty sure it was the database and restarted MySQL.",
        ),
        (
            "- 09:10 - Ines reads the 507 errors as the object store being full and deletes"
            " old exports. This made things worse.\n- 09:45 - Raised the inode limit, uploads"
            " work again.",
            "- 09:10 - Ines reads the 507 errors as the object store being full and deletes"
            " old exports.",
        ),
    ],
)
def test_a_conclusion_jumped_to_is_a_misleading_path(entries: str, quote: str) -> None:
    assert _quote(_timeline(entries)["misleading"]) == quote


def test_a_read_that_held_is_no_misleading_path() -> None:
    entries = (
        "- 09:10 - I read the 507 errors as the object store being full.\n- 09:20 - Confirmed:"
        " the store was at 100%.\n- 09:45 - Raised the quota, uploads work again."
    )
    assert _timeline(entries)["misleading"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "Calls came in from several customers, and the matter was escalated to our telematics"
        " vendor, TrackWell Systems, at noon.",
        "Case opened with the Ceph vendor's support to review the recovery plan.",
        "Zabbix alert sent to the storage rota (Pieter on duty).",
    ],
)
def test_an_escalation(entry: str) -> None:
    entries = f"- 10:00 UTC - the disk alarm fired\n- 10:15 UTC - {entry}"
    assert _quote(_timeline(entries)["escalation"]) == f"- 10:15 UTC - {entry}"


@pytest.mark.parametrize(
    "entry",
    [
        "Several customers contacted our telematics vendor, TrackWell Systems.",  # a report
        "Our customers, confused, called support.",  # still the customers who called
    ],
)
def test_a_report_by_users_is_no_escalation(entry: str) -> None:
    entries = f"- 10:00 UTC - the disk alarm fired\n- 10:15 UTC - {entry}"
    assert _timeline(entries)["escalation"] is None


def test_a_failed_attempt_is_not_the_resolution() -> None:
    entries = (
        "- 19:00 - The shop stopped loading.\n- 19:10 - Restarted php-fpm, it gave an error.\n"
        "- 19:30 - I thought the vhost was broken so I reinstalled Apache with apt. Still the"
        " same error.\n- Later - It was fixed and the shop loaded again."
    )
    assert _timeline(entries)["resolution"] is None


@pytest.mark.parametrize(
    "entry",
    [
        "The on-call suspects our SMS provider and checks its status page.",
        "Attempt to scale `renderer` from 3 to 9 pods.",
        "`search.use_new_ranker` set to 0% for all shops.",
    ],
)
def test_terse_actions(entry: str) -> None:
    entries = f"- 10:00 UTC - the latency alert fired\n- 10:15 UTC - {entry}"
    assert _quote(_timeline(entries)["actions"]) == f"- 10:15 UTC - {entry}"


def test_a_sale_at_scale_is_no_action() -> None:
    entries = "- 10:00 UTC - the latency alert fired\n- 10:15 UTC - Traffic at sale scale arrives."
    assert _timeline(entries)["actions"] is None


def test_a_fix_told_after_the_time_it_was_made() -> None:
    text = (
        "# Transfers failed\n\nOn Monday transfers to banks failed for two hours.\n\n"
        "At 10:05am a scheduled job rotated the client certificate on the gateway. At 11:31am we"
        " redeployed the `gateway` service with the full certificate chain and transfers went"
        " through again.\n"
    )
    found = resolution(doc_of(text))["detail"]
    assert found is not None
    assert str(found["quote"]).startswith("At 11:31am we redeployed the `gateway` service")
