"""A fix told across two sentences ("The disk in db-2 had died. We replaced it.") names what
the sentence before names; a file or identifier named in the fix outweighs a vague "corrected
configuration" elsewhere; a command told as run ("running `x`") is a change (examples written
for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.fixes import resolution
from pmreview.parse import parse
from pmreview.source import from_text


def _fix(text: str) -> object:
    doc = (
        "# Outage\n\n## Summary\n\nThe shop was down for an hour.\n\n## Root cause\n\n"
        "A disk failed.\n\n## Resolution\n\n" + text + "\n"
    )
    return resolution(parse(from_text(doc)))["detail"]


@pytest.mark.parametrize(
    "text",
    [
        "The RAID controller in db-2 had burned out. We pulled it and replaced it with a spare.",
        "Two nodes of the redis cluster kept crashing. We removed them from the pool.",
        "The cron job on web-03 was filling the disk. We disabled that job until Monday.",
        "- The broken file was corrected, with the proper '.yaml' extension given to it.\n"
        "- The app was restarted to apply the corrected configuration.",
        "We fixed it by running `manage.py migrate` on the API host.",
    ],
)
def test_fix_told_across_or_by_name(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun stands for the trouble, or the sentence before names nothing
        "Something went wrong. We fixed it and restarted it.",
        "It was a bad day for everyone. We replaced it.",
        "We restarted that issue away and the settings were adjusted.",
        # a vague fix elsewhere, and no name in this one
        "The settings were adjusted. The web server was restarted to apply them.",
    ],
)
def test_nothing_named_before_or_in_it(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "- We pushed the right configuration to the cluster.\n- Then restarted the API service.",
        "We corrected the syntax error and deployed the fixed config. A reboot of the cache"
        " nodes brought it back.",
        "1. Restored the correct routing configuration.\n2. Restarted the gateway service.",
    ],
)
def test_a_restart_that_applies_an_unnamed_correction_is_no_detail(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the restart is the fix itself, or the correction before it is named
        "The worker process of the image service hung. We restarted the image service.",
        "We set `max_connections` to 500 in postgresql.conf. Then we restarted postgres.",
        "1. Raised `worker_connections` to 4096.\n2. Restarted nginx.",
    ],
)
def test_a_restart_alone_or_after_a_named_change_still_is(text: str) -> None:
    assert _fix(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        # the fix only restates that the thing was fixed
        "The outage was resolved by correcting the faulty ACL entry on the edge router.",
        "The root cause was a lock in postgres resulting from an unfinished migration.",
        "The trouble stemmed from a migration that had added a column to the orders table.",
    ],
)
def test_the_cause_told_beside_a_vague_fix_is_no_fix(text: str) -> None:
    assert _fix(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The root cause was a lock from an unfinished migration. The bad migration was rolled"
        " back to version 41 of the schema.",
        "The site was resolved by raising `pm.max_children` to 40 in www.conf.",
    ],
)
def test_the_fix_after_the_cause_still_is(text: str) -> None:
    assert _fix(text) is not None


def test_a_change_before_a_fix_that_names_nothing_is_the_cause() -> None:
    text = (
        "A new ACL entry was added to the edge router during the audit. The outage was"
        " resolved by correcting the faulty ACL entry."
    )
    assert _fix(text) is None


def test_a_change_before_a_purpose_still_counts() -> None:
    text = (
        "After changing the line in /etc/app/site.conf, the tests passed. A script was then"
        " run on every server to restore service."
    )
    assert _fix(text) is not None
