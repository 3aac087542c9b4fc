"""Word and HTML documents: converted to Markdown (mammoth, markdownify: the `convert` extra),
reviewed as that Markdown, and every report saying that its lines are the converted text's.
The .docx files are built here with python-docx, the HTML pages written here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import Result

from pmreview.parse import parse
from pmreview.pipeline import Options, review_paths
from pmreview.render import FORMATS, render
from pmreview.source import load

Cli = Callable[..., Result]

# One postmortem as (Word style, text) blocks; `markdown` writes it as an author would.
BLOCKS = [
    ("Title", "Postmortem: payments-api errors after the certificate rotation"),
    ("Heading 1", "Summary"),
    (
        "Normal",
        "On 2024-05-14 from 13:05 to 13:50 UTC (45 minutes) payments-api rejected card "
        "payments with HTTP 502. 22% of checkouts (about 3,100 of 14,000) failed. The cause "
        "was some issue with the certificates.",
    ),
    ("Heading 1", "Timeline"),
    ("List Bullet", "13:00 UTC - The certificate of the payments gateway was rotated."),
    ("List Bullet", "13:05 UTC - An alert fired: payments-api error rate above 5%."),
    ("List Bullet", "13:20 UTC - We restarted payments-api; the errors went on."),
    ("List Bullet", "13:42 UTC - Rolled the gateway back to the previous certificate."),
    ("List Bullet", "13:50 UTC - Error rate back to 0.1%; incident closed."),
    ("Heading 1", "Root cause"),
    ("Normal", "The problem was fixed by the team."),
    ("Heading 1", "Action items"),
    ("List Bullet", "Be more careful with certificates."),
    ("List Bullet", "Add an expiry check of the gateway certificate to CI (owner: Ana)."),
]
HEADING = {"Title": "# ", "Heading 1": "## ", "List Bullet": "- ", "Normal": ""}


def markdown(blocks: list[tuple[str, str]]) -> str:
    out: list[str] = []
    for style, text in blocks:
        if out and not (style == "List Bullet" and out[-1].startswith("- ")):
            out.append("")
        out.append(HEADING[style] + text)
    return "\n".join(out) + "\n"


def word(blocks: list[tuple[str, str]], path: Path) -> Path:
    document = docx.Document()
    for style, text in blocks:
        if style == "Title":
            document.add_heading(text, 0)
        elif style.startswith("Heading"):
            document.add_heading(text, int(style.split()[1]))
        else:
            document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


CONFLUENCE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Space INC : Search outage</title>
<style>body { font-family: Arial; } .hidden-text { display: none }</style>
<script>window.AJS = {"meta": "Not part of the page <b>text</b>"};</script></head>
<body><div id="page"><div id="main"><div id="content" class="view">
<div class="page-metadata">Created by Page&nbsp;Bot, last modified on May 15, 2024</div>
<div class="wiki-content"><h1 id="SearchOutage-Summary">Summary</h1>
<p>On 2024-05-14 from 09:10&nbsp;to 09:40 UTC search returned no results for 15% of
users.<br/>The cause was an expired certificate of search-db.</p>
<h1 id="SearchOutage-Timeline">Timeline</h1>
<div class="table-wrap"><ul><li><p>09:10 UTC - Alert: search error rate above 2%.</p></li>
<li>09:25 UTC - <span class="confluence-link">Paged</span> the database on-call.
<ul><li>checked the certificate dates</li></ul></li>
<li>09:40 UTC - Renewed the certificate; errors stopped.</li></ul></div>
<h2>Impact by region</h2>
<table class="confluenceTable"><tbody><tr><th>Region</th><th>Failed searches</th></tr>
<tr><td>eu-west</td><td>12,400</td></tr></tbody></table>
<ol><li>First step</li><li>Second step</li></ol>
<noscript>Enable JavaScript to see this page</noscript>
<script>console.log("late script")</script>
</div></div></div></div></body></html>
"""


def test_a_confluence_page_becomes_markdown_the_parser_reads(tmp_path: Path) -> None:
    page = tmp_path / "search.html"
    page.write_text(CONFLUENCE, encoding="utf-8")
    source = load(str(page))
    assert source.converted_from == "html"
    for cruft in ("Space INC", "font-family", "AJS", "late script", "JavaScript", "\xa0"):
        assert cruft not in source.text
    assert "| eu-west | 12,400 |" in source.text  # the table is a Markdown table
    assert "1. First step" in source.text
    doc = parse(source)
    assert [s.title for s in doc.of_kind("summary")] == ["Summary"]
    assert [s.title for s in doc.of_kind("timeline")] == ["Timeline"]
    entries = [(e.time.raw, e.time.tz, e.is_item) for e in doc.timeline if e.time]
    assert entries == [("09:10", "UTC", True), ("09:25", "UTC", True), ("09:40", "UTC", True)]
    assert "  - checked the certificate dates" in source.lines  # the nested list stays nested
    # <br> is a line break inside the paragraph: both lines are the summary's
    assert "expired certificate" in doc.of_kind("summary")[0].text


def test_a_word_document_is_reviewed_like_its_markdown_twin(tmp_path: Path) -> None:
    twin = tmp_path / "payments.md"
    twin.write_text(markdown(BLOCKS), encoding="utf-8")
    report = review_paths(
        [str(twin), str(word(BLOCKS, tmp_path / "payments.docx"))], Options(offline=True)
    )
    md, doc = report.documents
    statuses = {cid: c.status for cid, c in md.checks.items()}
    assert {"pass", "fail"} <= set(statuses.values())  # the comparison means something
    assert {cid: c.status for cid, c in doc.checks.items()} == statuses
    assert sorted(f.rule for f in doc.findings) == sorted(f.rule for f in md.findings)
    assert doc.converted_from == "docx" and md.converted_from is None


def test_findings_point_at_lines_of_the_converted_text(tmp_path: Path) -> None:
    path = word(BLOCKS, tmp_path / "payments.docx")
    (d,) = review_paths([str(path)], Options(offline=True)).documents
    assert d.source is not None
    quoted = [f for f in d.findings if f.quote]
    assert quoted
    for f in quoted:
        line = d.source.lines[f.line - 1]
        assert line[f.column - 1 :].startswith(f.quote.split("\n")[0]), f
    lines = d.source.lines
    assert lines[0] == "# " + BLOCKS[0][1] and "# Timeline" in lines  # Word's styles


def test_every_report_format_says_the_lines_are_the_converted_texts(tmp_path: Path) -> None:
    """For people, the sentence; json says it as a field. csv has no line numbers (one row
    per document), so it has nothing to say."""
    twin = tmp_path / "payments.md"
    twin.write_text(markdown(BLOCKS), encoding="utf-8")
    converted = review_paths([str(word(BLOCKS, tmp_path / "p.docx"))], Options(offline=True))
    plain = review_paths([str(twin)], Options(offline=True))
    for fmt in FORMATS:
        if fmt == "csv":
            continue
        said = "line numbers are of the converted text"
        out = render(converted, fmt)
        assert said in out or (fmt == "json" and '"converted_from": "docx"' in out), fmt
        out = render(plain, fmt)
        assert said not in out and "converted_from" not in out, fmt


def test_json_names_the_kind_of_file_and_stays_valid(tmp_path: Path, report_validator: Any) -> None:
    page = tmp_path / "search.html"
    page.write_text(CONFLUENCE, encoding="utf-8")
    twin = tmp_path / "twin.md"
    twin.write_text(markdown(BLOCKS), encoding="utf-8")
    report = review_paths(
        [str(page), str(word(BLOCKS, tmp_path / "p.docx")), str(twin)], Options(offline=True)
    )
    data = json.loads(render(report, "json"))
    assert not list(report_validator.iter_errors(data))
    assert [d.get("converted_from") for d in data["documents"]] == ["html", "docx", None]
    assert list(data["documents"][0])[:2] == ["path", "converted_from"]
    assert "converted_from" not in data["documents"][2]


def test_convert_prints_the_markdown_that_is_reviewed(cli: Cli, in_tmp: Path) -> None:
    path = word(BLOCKS, in_tmp / "payments.docx")
    result = cli("convert", str(path))
    assert result.exit_code == 0
    assert result.stdout == load(str(path)).text
    assert result.stdout.startswith("# Postmortem: payments-api")
    assert cli("convert", str(path), "-o", "out.md").exit_code == 0
    assert (in_tmp / "out.md").read_text(encoding="utf-8") == result.stdout


def test_check_shows_the_conversion_in_the_text_header(cli: Cli, in_tmp: Path) -> None:
    path = word(BLOCKS, in_tmp / "payments.docx")
    result = cli("check", "--offline", str(path))
    assert result.exit_code in (0, 1)  # a review (with or without errors), not a bad input
    first = result.stdout.splitlines()[0]
    assert first == (
        f"{path}: converted from Word (.docx) to Markdown: line numbers are of the converted "
        f"text (pmreview convert {path} prints it)"
    )


def test_without_the_extra_it_says_what_to_install(
    cli: Cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = word(BLOCKS, in_tmp / "payments.docx")
    page = in_tmp / "page.htm"
    page.write_text(CONFLUENCE, encoding="utf-8")
    for module in ("bs4", "mammoth", "markdownify"):
        monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    for target in (path, page):
        result = cli("check", "--offline", str(target))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"pmreview: error: {target}: reading {'HTML' if target == page else 'Word (.docx)'} "
            "files needs pip install 'pmreview[convert]'"
        ]
    assert cli("convert", str(path)).exit_code == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.docx", b"PK\x03\x04 not really a zip", "cannot read as a Word document"),
        ("empty.html", b"<html><head><title>x</title></head><body> </body></html>", "no text"),
        ("missing.docx", None, "no such file"),
    ],
)
def test_an_unreadable_document_is_one_line_and_exit_2(
    cli: Cli, in_tmp: Path, name: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        (in_tmp / name).write_bytes(data)
    result = cli("check", "--offline", name)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"pmreview: error: {name}: ") and message in line


def test_folders_are_searched_for_text_files_only(in_tmp: Path) -> None:
    folder = in_tmp / "postmortems"
    folder.mkdir()
    (folder / "a.md").write_text(markdown(BLOCKS), encoding="utf-8")
    word(BLOCKS, folder / "b.docx")
    (folder / "c.html").write_text(CONFLUENCE, encoding="utf-8")
    report = review_paths([str(folder)], Options(offline=True))
    assert [d.path for d in report.documents] == [str(folder / "a.md")]
    named = review_paths([str(folder), str(folder / "b.docx")], Options(offline=True))
    assert [d.converted_from for d in named.documents] == [None, "docx"]


def test_a_page_in_another_encoding_is_read_by_its_meta_charset(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    html = '<html><head><meta charset="iso-8859-1"></head><body><h1>Résumé</h1></body></html>'
    page.write_bytes(html.encode("latin-1"))
    assert load(str(page)).text == "# Résumé\n"


def test_bold_lines_typed_as_headings_in_word_are_still_sections(tmp_path: Path) -> None:
    document = docx.Document()
    for title, body in (("Timeline", "14:00 UTC - Alert fired."), ("Root cause", "A bug.")):
        document.add_paragraph().add_run(title).bold = True
        document.add_paragraph(body, style="List Bullet" if title == "Timeline" else None)
    document.save(str(tmp_path / "bold.docx"))
    doc = parse(load(str(tmp_path / "bold.docx")))
    assert [(s.title, s.style) for s in doc.sections if s.title] == [
        ("Timeline", "bold"),
        ("Root cause", "bold"),
    ]
    assert [e.time.raw for e in doc.timeline if e.time] == ["14:00"]


def test_a_word_document_is_never_coached_in_place(cli: Cli, in_tmp: Path) -> None:
    path = word(BLOCKS, in_tmp / "payments.docx")
    before = path.read_bytes()
    (in_tmp / "answers.yaml").write_text("{}\n", encoding="utf-8")
    result = cli("coach", "payments.docx", "--answers", "answers.yaml", "--in-place")
    assert result.exit_code == 2
    assert "cannot be coached in place" in result.stderr
    assert path.read_bytes() == before
