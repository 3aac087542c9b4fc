"""timeline.actions quotes what the responders looked at or changed, before the issue handed
on ("escalated to Sipho, since cache-01 runs on his droplet", "paged the DBA on-call about
db-1") or others asking about it ("classmates started asking in Slack if my API was down");
such an entry is quoted only when nothing else is told. Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# API outage\n\n## Summary\n\nThe API failed.\n\n## Timeline (UTC)\n\n"


def _actions(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["actions"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("entries", "shown"),
    [
        (
            "- 14:06 UptimeRobot check on `/api/me/` fails and e-mails me.\n"
            "- 14:12 Escalated to our reviewer Sipho on Discord, since cache-01 runs on his"
            " droplet.\n"
            "- 14:20 Ran `redis-cli INFO memory` on cache-01: used memory at the limit.\n",
            "redis-cli",
        ),
        (
            "- 14:05 UptimeRobot e-mailed me that the API was down.\n"
            "- 14:08 Classmates started asking in our Slack channel if my API was down.\n"
            "- 14:12 Commented out `limit_req` in the Nginx config and reloaded Nginx.\n",
            "limit_req",
        ),
        (
            "- 10:00 Disk alert on db-1 fires.\n"
            "- 10:02 Paged the DBA on-call about the primary db-1.\n"
            "- 10:10 Checked replication lag on db-2 with `pg_stat_replication`.\n",
            "replication lag",
        ),
    ],
)
def test_the_responders_acts_before_a_hand_over(entries: str, shown: str) -> None:
    quote = _actions(entries)
    assert quote is not None and shown in quote, quote


def test_a_hand_over_that_tells_the_act_is_still_quoted_alone() -> None:
    quote = _actions(
        "- 10:00 Disk alert on db-1 fires.\n"
        "- 10:05 Escalated to the DB team, who restarted `pgbouncer` on db-1.\n"
    )
    assert quote is not None and "pgbouncer" in quote, quote
