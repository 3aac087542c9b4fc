"""The LLM stage's redaction is precise: times, dates, versions, durations, ports and ticket
ids are sent as they are, numbers shaped like cards or IBANs without their check digits too,
and a quote that holds part of a redacted value is redacted (test_privacy_measured.py plants
what must be redacted)."""

from __future__ import annotations

import pytest

from pmreview.llm.redact import redact
from pmreview.source import from_text

ORDINARY = """\
# Postmortem: search latency after the index rebuild

## Summary

On 2024-03-02 from 14:00 to 15:30 UTC (1 h 30 min, 90 minutes, 5400 s) p99 latency of
search-api v2.14.0 (build 2024.03.1, version 10.2.3.4) rose from 180 ms to 2.4 s for 12.5%
of 1,234,567 queries. Tickets INC-20240302, JIRA-4521, #12345 and PR 8812; order 100234.

## Timeline

- 2024-03-02T14:00:00Z - alert fires (14:00 UTC, 2:00 PM, 09:00 EST, 15:00 CET).
- 14:05:30 - on-call acknowledges after 5m30s; retries 3/5 on port 8080 and 443.
- 14:20 - rollback to 2.13.9 started, 250 of 1000 pods (25%); disk at 87.5 GB of 100 GB.
- 15:30 +0000 - latency back under 200 ms; 0.1.2 of the client, commit 4f2a9c1e.

## Action items

- Add a 10 s timeout to search-api calls (owner: search team, due 2024-04-15, SRE-778).
"""


def test_ordinary_numbers_are_not_redacted() -> None:
    redaction = redact(from_text(ORDINARY))
    assert redaction.mapping == {}
    assert redaction.text == ORDINARY


@pytest.mark.parametrize(
    "text",
    [
        "Order 4539148803436460 was refunded.",  # a card's length and first digit, no Luhn
        "Trace 1712345678901234 in the log.",  # a 16-digit id with no card network's prefix
        "Job DE12345678901234567890 ran.",  # an IBAN's shape, wrong check digits
        "call at 09:30 on 2024-05-03",  # a time after "call"
        "sig=short and AccountKey= unset",  # too short to be keys
    ],
)
def test_numbers_that_look_like_items_but_are_not(text: str) -> None:
    assert redact(from_text(text)).mapping == {}


def test_a_quote_that_holds_part_of_a_value_is_redacted_too() -> None:
    """A finding's quote in the prompt may begin inside a URL's credentials (the e-mail rule
    quotes `password@host.example.com`) or lie inside a key block."""
    text = (
        "Clone https://deploy:Zq81mvPw@git.acme.io/x.git now.\n\n"
        + "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"
    )
    redaction = redact(from_text(text))
    assert redaction.apply("Zq81mvPw@git.acme.io") == "[SECRET_1]git.acme.io"
    assert redaction.apply("-----BEGIN PRIVATE KEY-----") == "[SECRET_2]"
    assert redaction.text.count("\n") == text.count("\n")
    assert redaction.restore("[SECRET_2]").endswith("-----END PRIVATE KEY-----")
