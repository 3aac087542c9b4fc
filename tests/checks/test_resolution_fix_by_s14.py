"""A fix named only as one ("Fix deployed", "Temporary fix implemented") says how when the
entry goes on with the act that made it, after "by", "through" or "via" and a verb in -ing
("Temporary fix implemented by reconfiguring the load balancer"), as it does after a comma or
a colon. Who made it ("Fix deployed by the on-call", "Patch applied by Dana") says no how.
Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.entry_change import tells_how
from pmreview.checks.timeline import timeline
from pmreview.parse import parse
from pmreview.source import from_text

_HEAD = "# Site outage\n\n## Summary\n\nThe site was down.\n\n## Timeline (UTC)\n\n"


@pytest.mark.parametrize(
    "entry",
    [
        "- 14:50 Temporary fix implemented by reconfiguring the load balancer to spread traffic.",
        "- 14:50 Fix deployed by rolling back the payments service to 4.1.2.",
        "- 14:50 A hotfix was applied by raising `pool_size` in config/db.yml to 40.",
        "- 14:50 Mitigation put in place through disabling the `new_checkout` feature flag.",
        "- 14:50 The workaround was rolled out via restarting the cache nodes with more memory.",
    ],
)
def test_a_fix_named_then_told_by_its_act_says_how(entry: str) -> None:
    assert tells_how(entry)


@pytest.mark.parametrize(
    "entry",
    [
        "- 14:50 Fix deployed by the on-call engineer.",
        "- 14:50 Patch applied by Dana.",
        "- 14:50 A fix was implemented by the team.",
        "- 14:50 Fix deployed by morning.",
    ],
)
def test_who_made_the_fix_is_not_how(entry: str) -> None:
    assert not tells_how(entry)


def test_the_recovery_after_a_fix_told_by_its_act_is_the_resolution() -> None:
    entries = (
        "- 14:00 Alerts on CPU and a drop in traffic.\n"
        "- 14:40 Found the balancer sending all requests to one server.\n"
        "- 14:50 Temporary fix implemented by reconfiguring the load balancer to spread"
        " traffic evenly.\n"
        "- 15:00 Full service restored after confirming the fix.\n"
    )
    found = timeline(parse(from_text(_HEAD + entries)))["resolution"]
    assert found is not None and "reconfiguring the load balancer" in found["quote"]


@pytest.mark.parametrize(
    "last",
    [
        "- 10:45 The webpage was successfully reloaded.",
        "- 10:45 The site loaded again.",
        "- 10:45 Homepage loads correctly now.",
        "- 10:45 The web app was succesfully reloaded in the browser.",
    ],
)
def test_the_page_seen_to_load_after_the_fix_ends_it(last: str) -> None:
    entries = (
        "- 10:20 Reloaded the page, same error.\n"
        "- 10:35 Changed the file extension of index.phpp to index.php with sed.\n" + last + "\n"
    )
    found = timeline(parse(from_text(_HEAD + entries)))["resolution"]
    assert found is not None and "index.phpp" in found["quote"]


@pytest.mark.parametrize(
    "last",
    ["- 10:45 Successfully reloaded nginx.", "- 10:45 The page loaded slowly for users."],
)
def test_an_act_on_a_server_or_a_slow_page_is_no_recovery(last: str) -> None:
    from pmreview.text.lexicon import lexicon

    assert lexicon("recovered").search(last.lower()) is None
