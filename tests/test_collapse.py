"""What an author reads of the vague findings: one finding per sentence or list item."""

from __future__ import annotations

import pytest

from pmreview.llm.reviewer import LLMResult
from pmreview.models import Finding, Hit
from pmreview.pipeline import Options, review_document
from pmreview.source import from_text

BILLING = """\
# Billing export outage

## Summary
From 14:05 to 14:40 UTC on 3 June the nightly billing export wrote empty files, so 310
invoices went out blank. The exporter read a renamed column and got nulls.

## Resolution
We restored the column name in the exporter config and re-ran the export at 14:38 UTC.
The team then read the exporter logs on batch-02 for ten minutes. Then we checked the rows.

## Action items
- Check the export file sizes and fail the job on a schema drift of the billing table
- Add an alert when an export file is under 1 KB, paging the billing on-call
"""


def critique(source_text: str, quote: str, problem: str = "Vague.") -> Hit:
    lines = source_text.split("\n")
    line = next(n for n, text in enumerate(lines, 1) if quote in text)
    column = lines[line - 1].index(quote) + 1
    return Hit(line, column, line, column + len(quote), problem, quote, "Which?", "Say which.")


def vague(text: str, *quotes: str | tuple[str, str], collapse: bool = True) -> list[Finding]:
    hits = [critique(text, *q) if isinstance(q, tuple) else critique(text, q) for q in quotes]
    result = LLMResult(critiques=hits)
    review = review_document(from_text(text), Options(collapse=collapse), result)
    return [f for f in review.findings if f.category == "vague"]


@pytest.mark.parametrize(
    "quotes",
    [
        ("Check the export file sizes", "fail the job"),
        ("Check", "the job", "schema drift"),
        (("read the exporter logs", "No what."), ("for ten minutes", "No how long.")),
    ],
)
def test_vague_words_of_one_sentence_are_one_finding(quotes: tuple[str, ...]) -> None:
    every = vague(BILLING, *quotes, collapse=False)
    shown = vague(BILLING, *quotes)
    lines = {f.line for f in every}
    assert len(lines) == 1 and len(every) >= 2
    (merged,) = [f for f in shown if f.line in lines]
    assert "also in this sentence" in merged.message
    assert merged.end_column == max(f.end_column for f in every if f.line in lines)


def test_another_message_is_kept_and_the_same_one_is_not_repeated() -> None:
    (merged,) = vague(BILLING, ("read the exporter", "No what."), ("ten minutes", "No how long."))
    assert merged.message == "No what. (also in this sentence: “ten minutes”: No how long)"
    (same,) = vague(BILLING, ("read the exporter", "Vague."), ("ten minutes", "Vague."))
    assert same.message == "Vague. (also in this sentence: “ten minutes”)"


@pytest.mark.parametrize(
    "quotes",
    [
        ("read the exporter logs", "checked the rows"),  # two sentences of one paragraph
        ("Check the export file sizes", "Add an alert"),  # two items of one list
        ("wrote empty files", "read the exporter logs"),  # two sections
    ],
)
def test_vague_words_of_different_sentences_stay_apart(quotes: tuple[str, ...]) -> None:
    assert len(vague(BILLING, *quotes)) == len(vague(BILLING, *quotes, collapse=False))


@pytest.mark.parametrize("sep", [". Then ", "; then ", ", then "])
def test_vague_words_of_one_list_item_are_one_finding(sep: str) -> None:
    text = BILLING.replace(" and fail the job on", f"{sep}fail the job on")
    assert len(vague(text, "Check the export", "schema drift", collapse=False)) == 2
    assert len(vague(text, "Check the export", "schema drift")) == 1


def test_a_sentence_across_lines_is_one_sentence() -> None:
    text = BILLING.replace("so 310\ninvoices", "so 310 invoices")
    text = text.replace("wrote empty files, so", "wrote some\nempty files, so")
    shown = vague(text, "some", "invoices went out blank")
    assert len(shown) == 1 and shown[0].end_line == shown[0].line + 1


def test_a_rule_finding_takes_the_critiques_advice_in_its_sentence() -> None:
    text = BILLING.replace("fail the job on", "make the job more robust against")
    every = vague(text, "Check the export", collapse=False)
    assert [f.source for f in every] == ["llm", "rules"]  # "more robust": the phrase rule
    (merged,) = vague(text, "Check the export")
    assert merged.suggestion == "Say which." and "“more robust”" in merged.message


def test_other_findings_on_the_sentence_are_not_merged() -> None:
    review = review_document(from_text(BILLING), Options())
    offline = review_document(from_text(BILLING), Options(collapse=False))
    others = [f for f in offline.findings if f.category != "vague"]
    assert [f for f in review.findings if f.category != "vague"] == others


def test_vague_words_of_one_table_row_are_one_finding() -> None:
    text = BILLING + (
        "\n## Timeline\n| Time | Event |\n|---|---|\n"
        "| 14:05 UTC | Export wrote files of odd size | Someone looked |\n"
        "| 14:20 UTC | Exporter restarted somehow |\n"
    )
    quotes = ("odd size", "Someone looked", "somehow")
    assert len(vague(text, *quotes, collapse=False)) == 3
    row = next(n for n, line in enumerate(text.split("\n"), 1) if "odd size" in line)
    assert [f.line for f in vague(text, *quotes)] == [row, row + 1]


@pytest.mark.parametrize(
    "opening",
    ["14:20 UTC", "- then", "– later", "2024-06-03", "June 3", "3rd June", "Tuesday", "2 PM"],
)
def test_lines_opening_with_a_date_a_time_or_a_dash_are_statements_apart(opening: str) -> None:
    text = BILLING.replace(
        "We restored the column name in the exporter config and re-ran the export at 14:38 UTC.",
        f"We restored something somehow\n{opening} someone looked at it",
    )
    every = vague(text, "restored something", "someone looked", collapse=False)
    shown = vague(text, "restored something", "someone looked")
    assert sorted(f.line for f in shown) == sorted({f.line for f in every}) and len(shown) == 2


@pytest.mark.parametrize("opening", ["then", "after 14:20", "and June", "the 2 PM"])
def test_a_line_opening_with_other_words_stays_in_its_sentence(opening: str) -> None:
    text = BILLING.replace(
        "We restored the column name in the exporter config and re-ran the export at 14:38 UTC.",
        f"We restored something somehow\n{opening} someone looked at it",
    )
    assert len(vague(text, "restored something", "someone looked")) == 1
