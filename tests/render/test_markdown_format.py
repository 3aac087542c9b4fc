"""--format markdown: the pull-request comment the bot posts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from _render_support import NIGHT

from pmreview.models import Check, DocumentReview, Finding, Report
from pmreview.render import render
from pmreview.render.markdown_format import GITHUB_LIMIT, MARKER, size, text

BASE = "https://github.com/o/r/blob/0123abc/"


def balanced(comment: str) -> bool:
    return comment.count("<details") == comment.count("</details>") and comment.count(
        "<summary>"
    ) == comment.count("</summary>")


def test_it_starts_with_the_hidden_marker(review: Callable[..., Report]) -> None:
    comment = render(review(NIGHT), "markdown")
    assert comment.startswith(MARKER + "\n")
    assert balanced(comment)


def test_a_table_of_required_elements_per_document(review: Callable[..., Report]) -> None:
    one, two = review(NIGHT, "a.md"), review(NIGHT.replace("a glitch in", "a bug in"), "b.md")
    two.documents[0].checks["summary.root_cause"] = Check("summary.root_cause", "pass", "ok")
    report = Report("default", one.documents + two.documents, [])
    comment = render(report, "markdown")
    assert "| Required element | a.md | b.md |" in comment
    assert "| `summary.root_cause` | ❌ | ✅ |" in comment
    assert "| `summary.present` | ✅ | ✅ |" in comment  # in the collapsed table of passes
    failing, passing = comment.split("elements present</summary>")
    assert "summary.present" not in failing and "summary.root_cause" not in passing


def test_many_documents_are_counted_instead_of_one_column_each(
    review: Callable[..., Report],
) -> None:
    docs = [review(NIGHT, f"pm{i}.md").documents[0] for i in range(12)]
    comment = render(Report("default", docs, []), "markdown")
    assert "| Required element | present in | missing in |" in comment
    assert "| `summary.root_cause` | ✅ 0 | ❌ 12 |" in comment


def test_findings_grouped_by_section_with_line_links(review: Callable[..., Report]) -> None:
    report = review(NIGHT, "docs/pm.md")
    comment = render(report, "markdown", link_base=BASE)
    sections = [s for s in re.findall(r"^\*\*(.+)\*\*$", comment, re.M)]
    assert sections[:3] == [
        "Issue Summary",
        "Root cause and resolution",
        "Corrective and preventative measures",
    ]
    for f in report.documents[0].findings:
        assert f"[docs/pm.md:{f.line}]({BASE}docs/pm.md#L{f.line})" in comment
    assert "“Some framework problem” — This names no cause" in comment
    question = report.documents[0].findings[1].question
    assert f"<br>_{text(question)}_" in comment


def test_a_range_is_linked_in_the_forge_s_anchor_style(review: Callable[..., Report]) -> None:
    report = review(NIGHT, "docs/pm.md")
    doc = report.documents[0]
    first = replace(doc.findings[0], end_line=doc.findings[0].line + 2)
    report = Report("default", [replace(doc, findings=[first])], [])
    line = first.line
    github = render(report, "markdown", link_base=BASE)
    assert f"({BASE}docs/pm.md#L{line}-L{line + 2})" in github
    gitlab = render(report, "markdown", link_base=BASE, range_end="-")
    assert f"({BASE}docs/pm.md#L{line}-{line + 2})" in gitlab


def test_without_a_link_base_lines_are_plain(review: Callable[..., Report]) -> None:
    comment = render(review(NIGHT, "docs/pm.md"), "markdown")
    assert "docs/pm.md:18:" in comment and "](" not in comment


def test_tasks_are_a_checklist_and_the_llm_line_is_there(llm_report: Report) -> None:
    comment = render(llm_report, "markdown")
    tasks = [line for line in comment.splitlines() if line.startswith("- [ ] ")]
    assert len(tasks) == len(llm_report.documents[0].tasks) == 2
    assert "**[P1]** Add a cache-warm step" in tasks[0]
    assert "<sub>LLM review: ok · model authored-model" in comment


def test_document_text_cannot_inject_markup_or_mentions() -> None:
    nasty = "<img src=x onerror=alert(1)> | *bold* [link](http://evil) @octocat `code` &amp;"
    out = text(nasty + "\nsecond line")
    assert "<" not in out and ">" not in out and "&lt;img" in out
    assert "\\|" in out and "\\*bold\\*" in out and "\\[link\\]" in out and "\\`code\\`" in out
    assert "@octocat" not in out and "@\u2060octocat" in out
    assert "&amp;amp;" in out and "\n" not in out


def _big_report(n: int) -> Report:
    findings = [
        Finding(
            "PM101",
            "vague-cause",
            "vague",
            "warning",
            f"Finding number {i}: " + "this names no cause a reader could check. " * 4,
            i + 1,
            1,
            i + 1,
            10,
            "a glitch",
            "Which component, which version or change, and what exactly did it do wrong?",
            section=f"Section {i // 50}",
        )
        for i in range(n)
    ]
    return Report("default", [DocumentReview("docs/huge.md", {}, findings)], [])


def test_a_huge_review_is_cut_under_github_s_limit_with_a_note() -> None:
    comment = render(_big_report(3000), "markdown", link_base=BASE)
    assert size(comment) < GITHUB_LIMIT and len(comment) < GITHUB_LIMIT
    assert comment.startswith(MARKER) and balanced(comment)
    shown = len(re.findall(r"^- ⚠️ \*\*PM101\*\*", comment, re.M))
    assert 100 < shown < 3000
    note = re.search(r"(\d+) findings of 3000 are not shown", comment)
    assert note and int(note[1]) == 3000 - shown
    assert "Run `pmreview PATH` locally" in comment
    assert f"…and {3000 - shown} more findings" in comment
    # as many findings as fit: one more would not have
    assert size(comment) > GITHUB_LIMIT - 2000


def test_a_small_review_is_not_cut(review: Callable[..., Report]) -> None:
    comment = render(review(NIGHT), "markdown")
    assert "not shown" not in comment and "<details open>" in comment


def test_a_document_with_many_findings_is_collapsed() -> None:
    comment = render(_big_report(40), "markdown")
    assert "<details><summary><b>docs/huge.md</b>" in comment
