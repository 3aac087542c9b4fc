"""The timeline's resolution quotes the entry whose change ended the impact: the recovery
entry itself when it opens with the change ("corrected the A record, then …; the site loaded
again"), never an earlier entry whose change verb is only a wish or a condition ("asked Ana
to check before I changed anything"), a state of the outage ("worst point: … serving bad
data"), a partial recovery ("six of nine shards restored") or a recovery taken back in the
same entry ("mains power restored; UPS-B stays shut down"). Examples written for these
tests."""

from __future__ import annotations

import pytest

from pmreview.checks.entry_change import tells_how
from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Site outage\n\n## Summary\n\nThe site was down.\n\n## Timeline (UTC)\n\n"


def _resolution(entries: str) -> str | None:
    found = timeline(parse(from_text(_HEAD + entries)))["resolution"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("entries", "shown"),
    [
        (
            "- 19:05 Ifa told me the site could not be reached.\n"
            "- 19:10 Ran `dig www.example.test` and got the old IP.\n"
            "- 19:20 Asked Ana to double-check my records before I changed anything else.\n"
            "- 19:50 Ana confirmed both A records had the old IP.\n"
            "- 21:30 Corrected the DNS settings, then waited for propagation; the site loaded"
            " on my phone again.\n",
            "Corrected the DNS settings",
        ),
        (
            "- 10:40 Checkout errors at 20%.\n"
            "- 10:50 Told the team not to restart anything until we knew more.\n"
            "- 10:55 Read the deploy log.\n"
            "- 11:02 Rolled the 4.2 config back and the API came back up.\n",
            "Rolled the 4.2 config back",
        ),
        (
            "- 09:00 Search results degraded on nine shards.\n"
            "- 14:00 Worst point: nine shards serving bad segments (two swapped in before"
            " publication was paused).\n"
            "- 14:30 Restore from snapshot begins, one shard at a time.\n"
            "- 22:50 Six of nine shards restored; hit rate back to 0.66.\n"
            "- 01:35 Last shard restored and the missing documents re-applied. Hit rate is"
            " back at 0.71, so the incident is resolved.\n",
            "Last shard restored",
        ),
        (
            "- 03:10 Mains power lost; rack row B dark.\n"
            "- 03:52 Mains power restored. UPS-B has input again but stays shut down until"
            " the ATS fault is found.\n"
            "- 04:38 Fuse F3 in ATS-B replaced; the panel powers up.\n"
            "- 04:46 PDU-B re-energised through UPS-B; all racks confirmed with power.\n",
            "re-energised",
        ),
    ],
)
def test_the_change_that_ended_it_is_quoted(entries: str, shown: str) -> None:
    quote = _resolution(entries)
    assert quote is not None and shown in quote, quote


@pytest.mark.parametrize(
    ("entries", "shown"),
    [
        # the change told in the entry before an outcome-only entry is still the quote
        (
            "- 10:00 Site down.\n"
            "- 10:01 Raised `pool_size` to 40 in `db.yml`.\n"
            "- 10:04 Site up again.\n",
            "pool_size",
        ),
        # a recovery that stays up is no relapse
        (
            "- 10:00 Logins fail.\n"
            "- 10:20 Restarted `auth-api` on both hosts; logins work again and stay up.\n",
            "Restarted",
        ),
        # an entry whose change was really made, before the outcome entry
        (
            "- 10:00 Uploads fail.\n"
            "- 10:20 Before lunch, raised `client_max_body_size` to 50m and reloaded nginx.\n"
            "- 10:25 Uploads work again.\n",
            "client_max_body_size",
        ),
    ],
)
def test_near_misses_keep_their_quote(entries: str, shown: str) -> None:
    quote = _resolution(entries)
    assert quote is not None and shown in quote, quote


@pytest.mark.parametrize(
    ("entry", "how"),
    [
        ("04:46 PDU-B2 re-energised through UPS-B2 in bypass mode.", True),
        ("04:38 Fuse in ATS-B replaced.", True),
        ("11:10 Rebooted web-02.", True),
        ("10:30 Raised to SEV-2.", False),
        ("10:30 Incident upgraded to P-1.", False),
        ("10:30 Customer e-mails sent.", False),
    ],
)
def test_a_unit_named_by_its_tag_is_a_part_changed(entry: str, how: bool) -> None:
    assert tells_how(entry) is how
