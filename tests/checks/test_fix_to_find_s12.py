"""resolution.detail by family (examples written for these tests): a change made to find or to
watch the fault ("a ping scan client was deployed to pinpoint problematic peers", "enabled
debug logging to find out which requests failed", "increased monitoring and alerts were
implemented on the database servers") is not the fix: the fix beside it is quoted first, in
the resolution section, in the timeline and in the story. Near misses: a change made for the
service ("raised worker_connections to 4096 in nginx.conf to handle the load") is the fix."""

from __future__ import annotations

import pytest

from pmreview.checks.fixes import resolution
from pmreview.parse import parse
from pmreview.source import from_text


def _fix(body: str) -> str | None:
    text = f"# Peers outage\n\n## Summary\n\nThe network slowed down.\n\n## Resolution\n\n{body}\n"
    found = resolution(parse(from_text(text)))["detail"]
    return None if found is None else str(found["quote"])


_WATCH = [
    "A ping scan client was deployed to pinpoint the problematic peers.",
    "We enabled debug logging on the api gateway to find out which requests failed.",
    "Increased monitoring and alerts were implemented on the database server health.",
    "We added a Grafana dashboard for the queue depth of the order workers.",
    "I installed tcpdump on web-02 to capture the traffic to the load balancer.",
]


@pytest.mark.parametrize("watch", _WATCH)
def test_a_change_to_find_or_watch_alone_is_still_quoted(watch: str) -> None:
    # the only change told: the verdict is left as it was, the quote is the best there is
    assert _fix(watch) in (None, watch)


@pytest.mark.parametrize("watch", _WATCH)
def test_the_fix_beside_it_is_quoted(watch: str) -> None:
    fix = "We rolled back the 2.3 deploy of the order service."
    assert _fix(f"{watch} {fix}") == fix
    assert _fix(f"{fix} {watch}") == fix


@pytest.mark.parametrize(
    "fix",
    [
        "We raised worker_connections to 4096 in nginx.conf to handle the load.",
        "We added the missing index on orders.user_id to speed up the checkout query.",
        "We increased the memory limit of the api pods to 2 GB.",
    ],
)
def test_a_change_for_the_service_is_the_fix(fix: str) -> None:
    assert _fix(fix) == fix


def test_in_the_timeline_the_fix_before_the_monitoring() -> None:
    text = (
        "# Orders outage\n\n## Summary\n\nOrders failed.\n\n## Timeline\n\n"
        "- 10:00 UTC alert fired on the order errors\n"
        "- 10:20 UTC the 4.1 deploy of the order service was rolled back\n"
        "- 10:40 UTC monitoring and alerts were added on the database server health\n"
    )
    found = resolution(parse(from_text(text)))["detail"]
    assert found is not None and "rolled back" in found["quote"]
