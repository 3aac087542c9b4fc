"""resolution.detail and timeline.resolution, session 13 round 2 (examples written for these
tests): how a writer names what the fix changed and says that it is the fix.

1. A thing named by quoting it ('worker processes', ".config", 'mailhost'): the writer gives
   its exact name, as a code span does. Near misses: scare quotes around a vague word ("we
   'fixed' it", "some 'magic'") name nothing.
2. A sentence that says it is the fix ("To correct the error…", "The fix involved…") told where
   the document has no resolution section (in the measures): it is the fix when it tells a
   change made. Near misses: the same opening for work still to do ("we need to…", "will…",
   an imperative task).
3. A change reported as made in the story, to a thing named by an asset tag ("from failed
   host val-04 to val-07"); and "Immediate actions" as the title of the fix's section.
4. A timeline entry that tells a change to a quoted or numbered thing ("reboots 'mailhost'",
   "PR #4812 merged") or a permission granted says how the incident ended. Near misses: a
   fix named only as one ("Fix deployed"), scare quotes."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.fixes import resolution
from pmreview.checks.timeline import timeline


def _fix(text: str, section: str = "Resolution") -> str | None:
    found = resolution(doc_of(f"# Outage\n\n## {section}\n\n{text}\n"))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "We turned up the 'worker processes' setting of the proxy and reloaded it.",
        'The settings file was renamed with the proper ".config" extension.',
        "The administrator rebooted 'mailhost' and mail delivery came back.",
        "We restarted the \u201cledger sync\u201d job by hand and the balances caught up.",
    ],
)
def test_a_quoted_name_names_the_thing_changed(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "We 'fixed' the issue and things got better.",
        "The team applied some 'magic' and the site came back.",
        "We updated the configuration and it was 'resolved'.",
    ],
)
def test_scare_quotes_name_nothing(text: str) -> None:
    assert _fix(text) is None


def _measures_only(text: str) -> str | None:
    doc = f"# Outage\n\n## What happened\n\nThe site was down.\n\n## Corrective measures\n\n{text}"
    found = resolution(doc_of(doc))["detail"]
    return None if found is None else str(found["quote"])


@pytest.mark.parametrize(
    "text",
    [
        "To correct the error, the typo in the settings loader was changed with a Puppet manifest.",
        "The fix involved replacing the shared cache with `lru-dict` so iteration works on a copy.",
        "To repair the site we reverted `nginx.conf` to the last good version.",
    ],
)
def test_a_fix_said_among_the_measures(text: str) -> None:
    assert _measures_only(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "To correct this, we need to upgrade nginx to 1.25 on all hosts.",
        "- To address this, upgrade Redis to 7.2 on every node.",
        "To fix this in the future we will pin `requests` to 2.31.",
    ],
)
def test_work_still_to_do_is_no_fix(text: str) -> None:
    assert _measures_only(text) is None


def _story(text: str) -> str | None:
    doc = f"# Outage\n\n## What happened\n\nThe validator stopped signing.\n\n{text}\n"
    found = resolution(doc_of(doc))["detail"]
    return None if found is None else str(found["quote"])


def test_a_change_made_to_a_tagged_host_is_the_fix() -> None:
    assert _story("- Migrated validation from failed host val-04 to val-07 (a faster machine).")


def test_a_change_made_to_nothing_named_is_not() -> None:
    assert _story("- Migrated validation to a faster machine.") is None


@pytest.mark.parametrize("title", ["Immediate actions", "Immediate Actions Taken"])
def test_immediate_actions_are_the_fix(title: str) -> None:
    doc = doc_of(f"# Outage\n\n## {title}\n\n- Restarted `pgbouncer` on db-1.\n")
    assert resolution(doc)["present"] is not None


def _ended(*entries: str) -> bool:
    body = "\n".join(f"- 1{i}:00 UTC - {x}" for i, x in enumerate(entries))
    return timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"] is not None


@pytest.mark.parametrize(
    "entries",
    [
        (
            "Mail stops.",
            "Admin disconnects 'mailhost' from the network.",
            "Admin reboots 'mailhost' and resumes mailing list services.",
        ),
        ("Checkout fails.", "PR #4812 merged and deployed.", "Issue verified fixed in production."),
        (
            "Builds fail with 403.",
            "Ops granted the deploy bot write access to the registry.",
            "Builds back to normal.",
        ),
    ],
)
def test_a_timeline_fix_to_a_named_thing(entries: tuple[str, ...]) -> None:
    assert _ended(*entries)


@pytest.mark.parametrize(
    "entries",
    [
        ("Checkout fails.", "Some 'magic' happened.", "Everything back to normal."),
        ("Checkout fails.", "Fix deployed.", "Back to normal."),
        ("Builds fail.", "Asked the registry team for access.", "Builds back to normal."),
    ],
)
def test_a_timeline_fix_naming_nothing(entries: tuple[str, ...]) -> None:
    assert not _ended(*entries)


def _vague_section_then(measures: str) -> str | None:
    doc = (
        "# Outage\n\n## Resolution\n\nThe site was fixed.\n\n"
        f"## Corrective and preventive measures\n\n{measures}\n"
    )
    found = resolution(doc_of(doc))["detail"]
    return None if found is None else str(found["quote"])


def test_a_fix_said_among_the_measures_after_a_vague_resolution() -> None:
    measures = "To correct the error, the typo in `wp-settings.php` was changed with Puppet."
    assert _vague_section_then(measures) is not None


def test_a_task_among_the_measures_after_a_vague_resolution() -> None:
    measures = "To correct this in future we need to add tests for `wp-settings.php`."
    assert _vague_section_then(measures) is None


def test_failed_as_the_word_for_a_broken_thing() -> None:
    assert _fix("- Moved the validator from failed host val-04 to val-07.") is not None
    assert _fix("- Replaced the failed disk in db-2 with a spare.") is not None
    assert _fix("The deploy of `api` failed and the site went down.") is None


@pytest.mark.parametrize(
    "text",
    [
        "A quick server restart later, and we were back in business.",
        "To address the issue, the team scaled up server resources in real time.",
        "The cron script was supposed to switch from root to the `deploy` user.",
        "Around then we were planning the migration to `pg16` anyway.",
    ],
)
def test_a_server_unnamed_or_a_change_only_meant(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A restart of server web-03 brought the site back.",
        "We switched the cron script from root to the `deploy` user.",
        "We migrated the queue to `pg16` and the backlog cleared.",
    ],
)
def test_a_server_named_or_a_change_made(text: str) -> None:
    assert _fix(text) is not None


def test_servers_named_by_their_role_only() -> None:
    assert _fix("- **15:30 UTC:** Application servers restarted.") is None
    assert _fix("- **15:30 UTC:** Application servers app-07 and app-08 restarted.") is not None


@pytest.mark.parametrize(
    "text",
    [
        "We rolled back prow before the problematic PR.",
        "We reverted the scheduler to the last good build.",
    ],
)
def test_a_rollback_to_a_point_named(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text", ["We reverted the change to fix it.", "We rolled it back to see what happens."]
)
def test_a_rollback_of_the_trouble(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "entries",
    [
        ("Logins fail.", "Students were granted the required API permissions; logins work again."),
        (
            "Traffic skewed.",
            "We corrected the load balancer weights on `lb-1`.",
            "Monitoring confirms all is calm.",
        ),
    ],
)
def test_a_grant_or_a_confirmed_calm_ends_it(entries: tuple[str, ...]) -> None:
    assert _ended(*entries)


@pytest.mark.parametrize(
    "entries",
    [
        ("Logins fail.", "Asked the admins to grant access.", "Still failing."),
        ("Traffic skewed.", "Dashboards say everything is fine, users disagree."),
    ],
)
def test_a_grant_asked_or_a_false_calm(entries: tuple[str, ...]) -> None:
    assert not _ended(*entries)


def test_a_rollback_suffered_is_no_fix() -> None:
    text = "This caused transactions to be reverted and positions to be liquidated."
    assert _fix(text, "What happened") is None


@pytest.mark.parametrize(
    "text",
    [
        "We changed the mail software of the lists from FML to Mailman.",
        "The registry password was restored back to the value the build nodes use.",
    ],
)
def test_a_change_told_from_what_to_what(text: str) -> None:
    assert _fix(text) is not None


def test_a_service_restored_back_to_normal_tells_no_change() -> None:
    assert _fix("The service was restored back to normal.") is None


def test_a_call_in_a_code_span_set_is_the_fix() -> None:
    assert _ended(
        "Odd withdrawals seen on the vault.",
        "Decision to call `setMin(0)` on the vault.",
        "`setMin(0)` successfully set on the vault.",
    )
