"""Borrowed text (text/borrowed.py): quoted log lines, pasted assignment requirements,
questions, block quotes and quotations are never evidence, and the summary's times, the zone
statement and the evidence sentences all skip them."""

from __future__ import annotations

import pytest

from pmreview.checks import extract
from pmreview.models import Block
from pmreview.parse import parse
from pmreview.pipeline import Options, review_text
from pmreview.source import from_text
from pmreview.text.borrowed import (
    is_block_quote,
    is_quoted,
    log_line,
    own_blocks,
    own_sentences,
    quoted_spans,
    status_post,
)


@pytest.mark.parametrize(
    "line",
    [
        '{"level":"error","ts":"2023-05-02T10:31:07Z","msg":"pool exhausted"}',
        '> {"severity": "ERROR", "time": "2023-05-02T10:31:07Z"}',
        "2023-05-02T10:31:07Z ERROR payments-api: connection refused",
        "2023-05-02 10:31:07,412 [WARN] worker-3 retrying",
        "2023/05/02 10:31:07 [error] 1234#0: *1 connect() failed",
        "> 2023-05-02T10:31:07.120+02:00 payments-api starting",
        "> May  2 10:31:07 web-01 kernel: Out of memory: Killed process 812",
        # the same log lines pasted in inline code, on a line or an item of their own
        '`{"level":"error","ts":"2023-05-02T10:31:07Z","msg":"pool exhausted"}`',
        "- `2023-05-02T10:31:07Z ERROR payments-api: connection refused`",
        "`2023/05/02 10:31:07 [error] 1234#0: *1 connect() failed`",
    ],
)
def test_a_quoted_log_line_is_recognised(line: str) -> None:
    assert log_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "- 10:31 UTC: the payments API returned 502s",
        "2023-05-02 10:31 UTC: the on-call was paged",  # the author's own entry: no seconds
        "2023-05-02T10:31:07Z the payments API returned errors",  # not quoted, no level
        "| 2023-05-02 10:31:07 | ERROR | pool exhausted |",  # a table row is the author's
        "On May 2 the config {max: 10} was pushed at 10:31 UTC.",
        # the author's sentence around code, or code that is no log record
        '`{"max_connections": 10}` was pushed to db-1 at 10:31 UTC.',
        "`sudo systemctl restart nginx`",
        "- The log said `2023-05-02T10:31:07Z ERROR pool exhausted` at 10:31.",
    ],
)
def test_the_authors_own_lines_are_not_log_lines(line: str) -> None:
    assert not log_line(line)


def _blocks(text: str) -> list[Block]:
    return parse(from_text(text)).blocks


def test_pasted_requirements_and_the_items_they_introduce_are_borrowed() -> None:
    text = (
        "# Outage\n\n## Summary\n\n"
        "> The issue summary should contain:\n"
        "> - the start and end times (with the timezone)\n"
        "> - what the root cause was\n\n"
        "Our checkout API failed after a config push.\n\n"
        "- The postmortem must be written in English. Keep it short.\n"
        "- We raised the pool size.\n"
    )
    kept = [b.text for b in own_blocks(_blocks(text))]
    assert kept == [
        "Our checkout API failed after a config push.",
        "- We raised the pool size.",
    ]


def test_a_measure_that_says_must_is_the_authors_own() -> None:
    text = "# Outage\n\n## Measures\n\n- We must add an alert on disk usage of db-1.\n"
    assert len(own_blocks(_blocks(text))) == 1


def test_questions_are_not_evidence() -> None:
    block = Block("paragraph", 1, 1, "What was the root cause? A full disk on db-1 stopped writes.")
    assert [block.text[s:e].strip() for s, e in own_sentences(block)] == [
        "A full disk on db-1 stopped writes."
    ]


LOGGED = """\
# Payments outage

## Summary

The payments API returned errors after a config push. The first error logged was:

{quoted}

## Timeline

- 10:31 UTC: the alert fired.
"""


@pytest.mark.parametrize(
    "quoted",
    [
        '> {"level":"error","time":"2023-05-02T10:31:07Z","msg":"pool exhausted"}',
        "> 2023-05-02T10:31:07Z ERROR pool exhausted",
        "`2023-05-02T10:31:07Z` in the log",
        "```\n2023-05-02T10:31:07Z ERROR pool exhausted\n```",
    ],
    ids=["json-in-quote", "log-record-in-quote", "code-span", "code-fence"],
)
def test_a_time_in_a_log_line_or_code_does_not_make_the_summary_pass(quoted: str) -> None:
    review = review_text(LOGGED.format(quoted=quoted), opts=Options(offline=True))
    assert review.checks["summary.start_time"].status == "fail"
    assert review.checks["summary.timezone"].status == "fail"


def test_the_same_time_in_the_authors_words_passes_with_its_evidence() -> None:
    text = LOGGED.format(quoted="The errors began at 10:31 UTC.")
    review = review_text(text, opts=Options(offline=True))
    start = review.checks["summary.start_time"]
    assert (start.status, start.line, start.evidence) == ("pass", 7, "10:31 UTC")
    assert review.checks["summary.timezone"].evidence == "10:31 UTC"


ASSIGNMENT = """\
# Postmortem

## Issue Summary

> Issue Summary (what executives read) must contain:
> - the duration of the outage, with start and end times (including the timezone)
> - what the impact was: which service was down? How many % of the users were affected?
> - what the root cause was

On Tuesday our API was down after a deploy.
"""


def test_the_assignments_own_text_makes_no_check_pass() -> None:
    facts = extract(parse(from_text(ASSIGNMENT)))["summary"]
    assert facts["root_cause"] is None  # "what the root cause was" is a requirement
    assert facts["affected_share"] is None
    impact = facts["impact"]
    assert impact is not None and impact["quote"] == "On Tuesday our API was down after a deploy."


def test_a_zone_statement_in_a_log_line_is_no_statement() -> None:
    text = (
        "# Outage\n\n## Summary\n\nThe API failed at 10:31.\n\n"
        '> {"msg": "all times in UTC", "level": "info"}\n'
    )
    doc = parse(from_text(text))
    assert doc.zone_statement is None
    assert extract(doc)["summary"]["timezone"] is None


def _para(text: str) -> Block:
    return Block("paragraph", 1, 1, text)


def test_block_quote() -> None:
    assert is_block_quote(_para("> status page: degraded performance"))
    assert not is_block_quote(_para("The status page said nothing."))


def test_quotations_of_three_words_or_more_are_someone_elses() -> None:
    text = 'They tweeted "we are seeing a glitch" while the "glitch" went on.'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ['"we are seeing a glitch"']
    first = text.index("glitch")
    assert is_quoted(_para(text), first, first + 6)
    second = text.rindex("glitch")
    assert not is_quoted(_para(text), second, second + 6)


def test_curly_quotes_and_code() -> None:
    text = "The bot wrote “restart everything now please” and ran `fix it`."
    assert [text[s:e] for s, e in quoted_spans(text)] == [
        "“restart everything now please”",
        "`fix it`",
    ]


def _posts(text: str) -> list[bool]:
    """Whether each paragraph or item of the document is a status-page post."""
    doc = parse(from_text(text))
    return [status_post(s, b) for s in doc.sections for b in s.blocks if b.kind != "heading"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a section of posts by its title
        ("## Status page updates\n\nWe are looking into failed logins.\n", [True]),
        # a post titled by its status, its first line the time it went out
        ("**Monitoring**\n*May 2, 2024 - 10:31 UTC*\n\nA fix is rolling out.\n", [True, True]),
        # a post in one line, its status set off next to its time
        ("## Updates\n\n- **Identified** — 10:31 UTC — The cause is known.\n", [True]),
        # the author's own section titled by a status word, with no time: the account
        ("## Resolved\n\nWe restarted the queue workers.\n", [False]),
        # a status word in the author's timeline: the account
        ("## Timeline\n\n- 10:31 UTC — **Identified**: the cause is known.\n", [False]),
        # a post that opens with its status, the line that says when it went out below it
        (
            "## Notes\n\n**Resolved** - This incident has been resolved.\n\n"
            "*Posted Jun 3, 2025 - 09:12 UTC*\n",
            [True, False],
        ),
        ("## Notes\n\nInvestigating - We are looking into it.\nJun 3, 09:12 UTC\n", [True]),
        # the author's own paragraph that opens with a status word and gives no post time
        ("## Notes\n\nUpdate: we moved the workers to the new pool.\n", [False]),
    ],
)
def test_a_status_page_post_is_borrowed(text: str, want: list[bool]) -> None:
    assert _posts(text) == want
