"""The summary's cause is the sentence that tells what brought the failure, not a "because"
that explains a knock-on of the impact ("pipelines stalled, and because checks never
reported, merges were blocked"); a failure told first and the change that brought it after
("… lost permission after a Terraform upgrade changed the role's trust policy") is a cause.
Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.summary import summary
from pmreview.parse import parse
from pmreview.source import from_text


def _cause(body: str) -> str | None:
    doc = parse(from_text(f"# Outage\n\n## Summary\n\n{body}\n\n## Timeline\n\n- 10:00 x\n"))
    found = summary(doc)["root_cause"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        (
            "From 13:06 to 15:52 UTC no CI job started. Pipelines for every repo stalled, and"
            " because required checks never reported, merges were blocked for the whole window."
            "\n\nThe autoscaler lost permission to launch instances after a Terraform module"
            " upgrade changed the IAM role's trust policy.",
            "Terraform",
        ),
        (
            "Checkout was down from 10:00 to 11:00 UTC for all users, and because the retry"
            " queue filled, orders were delayed by an hour.\n\nThe payment worker crashed when"
            " the 4.2 release removed the `STRIPE_KEY` variable from its environment.",
            "STRIPE_KEY",
        ),
        (
            "Image uploads failed for 40 minutes; so because thumbnails were missing, the"
            " gallery showed blank tiles. Uploads broke once a config push set"
            " `client_max_body_size` to 1m on the edge proxies.",
            "client_max_body_size",
        ),
    ],
)
def test_the_cause_not_the_knock_on(body: str, shown: str) -> None:
    quote = _cause(body)
    assert quote is not None and shown in quote, quote


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        # a "because" right after the failure gives its cause
        (
            "The site was down from 10:00 to 10:40 UTC because the disk on web-01 filled"
            " with nginx logs.",
            "disk on web-01",
        ),
        # a fronted "because" at the sentence's start still tells the cause
        (
            "Because the TLS certificate for `api.example.test` expired at 09:00 UTC,"
            " every client refused to connect.",
            "certificate",
        ),
    ],
)
def test_a_plain_because_still_gives_the_cause(body: str, shown: str) -> None:
    quote = _cause(body)
    assert quote is not None and shown in quote, quote


def test_a_person_acting_after_a_change_is_no_cause() -> None:
    quote = _cause(
        "Search was slow for an hour. After the upgrade we changed the cache size and it recovered."
    )
    assert quote is None or "we changed" not in quote, quote


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        # a "because" that only names the symptom one layer down
        (
            "My notes app went down for the evening. Everyone got an error page, because nginx"
            " in front of my API was answering every request with a `502`.\n\nSpoiler: it was"
            " a file-descriptor limit on the Node service.",
            "file-descriptor",
        ),
        (
            "Checkout failed for an hour, because the payments gateway kept returning 503"
            " errors to every call. The gateway's pool ran out of connections after a deploy"
            " set `pool_size` to 2.",
            "pool_size",
        ),
        # a defect written by a part, in the summary's own words, before a count in Impact
        (
            "Search returned poor results for 19 hours. Nine shards of the web index were"
            " serving segments with truncated postings lists, written by the nightly merge"
            " job.\n\n## Impact\n\n"
            "- **Queries:** ~128 million queries hit at least one corrupted shard.",
            "truncated",
        ),
    ],
)
def test_a_symptom_or_a_count_is_not_the_cause(body: str, shown: str) -> None:
    quote = _cause(body)
    assert quote is not None and shown in quote, quote


def test_a_because_that_names_a_cause_with_an_error_after_it_is_kept() -> None:
    quote = _cause(
        "The API was down from 10:00 to 10:30 UTC because the disk filled and nginx returned"
        " 502 errors."
    )
    assert quote is not None and "disk filled" in quote, quote
