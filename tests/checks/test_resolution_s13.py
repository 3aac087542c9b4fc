"""timeline.resolution, session 13 (examples written for these tests): a recovery told in the
present tense, as a story's timeline often is ("the chain resumes", "queue processing resumes
after the rollback"); and a timed heading that says the service came back over nested bullets
that tell the change ("- 17:30 Back up" over "  - pool size raised to 50 on db-1"). Near
misses: work that resumes ("the team resumes the investigation") is no recovery, and a heading
whose nested bullets tell no change still fails."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline


def _found(body: str) -> bool:
    return timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"] is not None


def _flat(*entries: str) -> str:
    return "\n".join(f"- 1{i}:00 UTC - {x}" for i, x in enumerate(entries))


@pytest.mark.parametrize(
    "last",
    [
        "Most validators apply the v2.4.1 upgrade and the chain resumes.",
        "We roll back the 3.2 release of checkout-api; order processing resumes.",
        "Ops restarts the `mailer` workers and outgoing mail resumes.",
    ],
)
def test_a_recovery_told_in_the_present(last: str) -> None:
    assert _found(_flat("Checkout starts failing.", "On-call looks at the error logs.", last))


@pytest.mark.parametrize(
    "last",
    [
        "The team resumes the investigation after lunch.",
        "We resumed debugging with the database team.",
        "Investigation resumes with the database team.",
    ],
)
def test_work_that_resumes_is_no_recovery(last: str) -> None:
    assert not _found(_flat("Checkout starts failing.", "On-call restarts nginx on web-1.", last))


@pytest.mark.parametrize(
    "change",
    [
        "Adjusted the load balancer weights back to equal on lb-1.",
        "Raised `max_connections` on db-1 from 100 to 400.",
        "Rolled back the config push of 3.2.",
    ],
)
def test_a_heading_over_nested_bullets_that_tell_the_change(change: str) -> None:
    body = (
        "- **14:00 UTC: Trouble starts**\n  - Logins fail for everyone.\n\n"
        "- **15:00 UTC: Service restored**\n  - Logs on lb-1 read again.\n"
        f"  - {change}\n"
    )
    assert _found(body)
    found = timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))["resolution"]
    assert found is not None and change[:20] in str(found["quote"])


def test_a_heading_over_nested_bullets_with_no_change_still_fails() -> None:
    body = (
        "- **14:00 UTC: Trouble starts**\n  - Logins fail for everyone.\n\n"
        "- **15:00 UTC: Service restored**\n  - Everyone relieved.\n  - Coffee for all.\n"
    )
    assert not _found(body)
