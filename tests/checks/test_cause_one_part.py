"""A root cause told only as one generic part and what happened to it is not detailed: the words
of one noun phrase ("the database server", "an API endpoint", "the checkout platform") name one
part, not two, so "a traffic spike overwhelmed the API endpoint" does not read as a mechanism
between two parts; two parts told apart ("the backup job ran on the web server and used most of
its CPU") still do (examples written for these tests)."""

from __future__ import annotations

import pytest

from pmreview.checks.causes import root_cause
from pmreview.checks.mechanism import named
from pmreview.parse import parse
from pmreview.source import from_text


def _detail(cause: str) -> object:
    text = (
        "# Outage\n\n## Summary\n\nThe site was down for an hour.\n\n## Root cause\n\n"
        f"{cause}\n\n## Resolution\n\nWe restarted it.\n"
    )
    return root_cause(parse(from_text(text)))["detail"]


@pytest.mark.parametrize(
    ("phrase", "parts"),
    [
        ("the database server went down", 1),
        ("a spike hit the api endpoint", 1),
        ("the checkout platform could not keep up", 1),
        ("users sat in the login queue", 1),
        ("the load balancer sent traffic to one server", 3),
        ("the backup process ran on the web server", 2),
    ],
)
def test_one_noun_phrase_names_one_part(phrase: str, parts: int) -> None:
    assert len(named(phrase)) == parts


@pytest.mark.parametrize(
    "cause",
    [
        "A flood of bot requests aimed at a busy API endpoint overwhelmed the whole thing today.",
        "The checkout platform could not keep up, and requests backed up until it failed.",
        "The outage was caused by a database query problem, resulting in slow pages for all.",
        "Heavy load on the web server during the sale caused it to crash for everyone online.",
    ],
)
def test_one_generic_part_and_its_failure_is_not_detail(cause: str) -> None:
    assert _detail(cause) is None


@pytest.mark.parametrize(
    "cause",
    [
        "The backup process ran on the same server as the website and used most of the CPU.",
        "A failed disk in the database server made the replica fall behind, which stopped"
        " the checkout service.",
        "The update altered the traffic routing rules, which prevented requests from reaching"
        " the backend servers.",
        "The load balancer kept sending traffic to one server because its health check was"
        " cached, so the other servers stayed idle.",
    ],
)
def test_parts_told_apart_still_give_detail(cause: str) -> None:
    assert _detail(cause) is not None


def _anywhere(story: str) -> object:
    text = f"# Outage\n\n## Summary\n\nThe site was down for an hour.\n\n## Notes\n\n{story}\n"
    return root_cause(parse(from_text(text)))["detail"]


@pytest.mark.parametrize(
    "motive",
    [
        "I had added a cron job on web-2 to dump the Postgres database because we had just"
        " learned about backups in class.",
        "We lost the whole afternoon because I was sure the new TLS certificate on nginx was"
        " broken.",
        "We moved the cache to redis-3 on Friday because our lead wanted fewer servers.",
        "I switched the DNS provider for the api domain since we had credits to use up there.",
    ],
)
def test_why_a_person_acted_is_no_cause(motive: str) -> None:
    """A "because" that gives why the writer did something, told of the writer, is a
    motive: it says nothing of how the failure happened."""
    assert _anywhere(motive) is None


@pytest.mark.parametrize(
    "cause",
    [
        "The disk of db-1 filled up because we never rotated the Postgres logs on it.",
        "We ran out of disk on the Postgres host because we never rotated its WAL files.",
        "I paged the database lead because promoting the replica on db-2 would lose writes.",
        "The nightly job failed because our cron entry on web-01 pointed at the old path.",
    ],
)
def test_a_failure_told_with_because_is_still_a_cause(cause: str) -> None:
    assert _anywhere(cause) is not None
