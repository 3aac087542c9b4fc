"""--format html: one self-contained page, everything from the document escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from _render_support import NIGHT

from pmreview.models import DocumentReview, Finding, Report
from pmreview.render import render
from pmreview.render._common import evidence_words
from pmreview.render._timeline_axis import events

VOID = {"meta", "input", "br", "img", "hr", "link", "circle", "line", "path", "rect"}


class Structure(HTMLParser):
    """Tags stay balanced; collects the <mark> texts and every attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.tags: list[str] = []
        self._mark: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        if tag == "mark":
            self._mark = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if tag == "mark" and self._mark is not None:
            self.marks.append("".join(self._mark))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark.append(data)


def structure(page: str) -> Structure:
    s = Structure()
    s.feed(page)
    s.close()
    assert not s.errors and s.stack == ["html"] or s.stack == [], (s.errors, s.stack)
    return s


def assert_self_contained(page: str) -> None:
    s = structure(page)
    for name, value in s.attrs:
        if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
            assert not re.match(r"\s*(?:[a-z]+:)?//", value, re.I), (name, value)
            assert not value.strip().lower().startswith(("http:", "https:", "javascript:")), value
    assert not {"script", "link", "iframe", "img", "object", "embed"} & set(s.tags)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style and "url(" not in style[1] and "@import" not in style[1]
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*https?:", page, re.I)


def test_seed_000_highlights_its_vague_phrases(seed_report: Report) -> None:
    page = render(seed_report, "html")
    assert_self_contained(page)
    marks = structure(page).marks
    for phrase in ("some framework problem", "several users", "glitch", "a lot of money"):
        # vague words of one sentence are one finding, marked from the first to the last
        assert any(phrase in mark for mark in marks), phrase
    # each highlighted finding is explained beside its line, with the same number
    findings = seed_report.documents[0].findings
    for n in range(1, len(findings) + 1):
        assert f'id="d1-f{n}"' in page
    framework = next(f for f in findings if f.quote == "some framework problem")
    assert f"{framework.rule} {framework.name}: {html.escape(framework.message)}" in page


def test_seed_000_draws_its_timeline_on_a_time_axis(seed_report: Report) -> None:
    page = render(seed_report, "html")
    svg = re.search(r'<svg class="axis-svg".*?</svg>', page, re.S)
    assert svg, "no timeline axis"
    axis = svg[0]
    assert axis.count("<circle") == 8  # the eight timed entries of seed 000
    assert '<line class="axis"' in axis
    assert 'class="flag detection"' in axis and "detected 01:30 AM" in axis
    # the resolution is the action that ended the impact (6:30 "deployed the fix and restarted
    # the web server"), not the 7:45 entry that only says the system was back
    assert 'class="flag resolution"' in axis and "resolved 6:30 AM" in axis
    assert "5 h from detection to resolution" in page
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', axis)]
    assert xs == sorted(xs) and len(set(xs)) == 8  # in time order, at their times


def test_the_checklist_and_tasks(llm_report: Report) -> None:
    page = render(llm_report, "html")
    assert_self_contained(page)
    doc = llm_report.documents[0]
    checklist = re.search(r'<ul class="checklist">(.*?)</ul>', page, re.S)
    assert checklist
    assert checklist[1].count("<li") == len(doc.checks) == 21
    assert checklist[1].count('class="fail"') == sum(
        c.status == "fail" for c in doc.checks.values()
    )
    assert page.count('<input type="checkbox" disabled>') == len(doc.tasks) == 2
    assert "LLM review: ok · model authored-model" in page


EVIL = """\
# Postmortem <script>alert("x")</script>

## Issue Summary

From 10:00 to 11:00 UTC the "app" <img src=x onerror=alert(1)> failed due to a glitch & more.
The root cause was a glitch in <b>auth</b>.

## Timeline

- 10:00 UTC - <script>alert(2)</script> an alert fired.
- 11:00 UTC - "Restored" the service; it was fixed.
"""


def test_everything_from_the_document_is_escaped(review: Callable[..., Report]) -> None:
    page = render(review(EVIL), "html")
    assert_self_contained(page)
    assert "<script" not in page and "<img" not in page and "<b>auth" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&amp; more" in page


def test_overlapping_and_multi_line_findings_are_split_into_marks(
    review: Callable[..., Report],
) -> None:
    report = review(NIGHT)
    doc = report.documents[0]
    same = [f for f in doc.findings if f.quote == "Improve monitoring"]
    assert len(same) >= 2  # PM104 and PM503/PM504 on the same words
    page = render(report, "html")
    s = structure(page)
    assert s.marks.count("Improve monitoring") == 1
    for n, f in enumerate(doc.findings, start=1):
        if f.quote:
            assert f'href="#d1-f{n}"' in page  # a numbered reference after the words
    two_lines = Finding(
        "PM101", "vague-cause", "vague", "warning", "spans lines", 5, 32, 6, 23, "x"
    )
    doc.findings = [two_lines]
    marks = structure(render(report, "html")).marks
    lines = NIGHT.splitlines()
    assert marks == [lines[4][31:], lines[5][:22]]


def test_without_the_document_text_the_findings_are_listed(review: Callable[..., Report]) -> None:
    doc = review(NIGHT).documents[0]
    bare = DocumentReview(doc.path, doc.checks, doc.findings, doc.tasks, doc.llm, analysis=None)
    page = render(Report("default", [bare], []), "html")
    assert_self_contained(page)
    assert "The document text is not in this report." in page
    assert page.count('class="note ') == len(doc.findings)
    assert "<mark" not in page


def test_a_timeline_across_midnight_keeps_going_right(review: Callable[..., Report]) -> None:
    evs, untimed = events(review(NIGHT).documents[0])
    assert [e.time for e in evs] == ["23:40", "23:52", "00:05", "00:30", "01:10"]
    assert [e.minutes for e in evs] == [1420, 1432, 1445, 1470, 1510]
    assert [e.kind for e in evs] == ["", "detection", "", "", "resolution"]
    assert untimed == 0 and all(e.zone == "UTC" for e in evs)
    assert (
        evs[2].text
        == "On-call suspected the load balancer and checked its logs; nothing was wrong."
    )


def test_several_documents_get_a_table_of_contents(review: Callable[..., Report]) -> None:
    a, b = review(NIGHT, "a.md").documents[0], review(EVIL, "b.md").documents[0]
    page = render(
        Report("default", [a, b], [{"path": "c.md", "message": "c.md: no such file"}]), "html"
    )
    assert_self_contained(page)
    assert '<a href="#d1">a.md</a>' in page and '<a href="#d2">b.md</a>' in page
    assert 'id="d2-f1"' in page and "Could not review c.md" in page


def test_the_checklist_shows_each_pass_with_its_evidence_and_line(
    review: Callable[..., Report],
) -> None:
    report = review(EVIL)
    page = render(report, "html")
    start = report.documents[0].checks["summary.start_time"]
    assert (start.status, start.line, start.evidence) == ("pass", 5, "10:00")
    item = re.search(r'<li class="pass"[^>]*>(?:(?!</li>).)*summary\.start_time.*?</li>', page)
    assert item, "the start time's checklist item"
    assert '<a class="at" href="#d1-L5">line 5</a>' in item[0]
    assert '<q class="evidence">10:00</q>' in item[0]
    for c in report.documents[0].checks.values():  # the words are escaped like the rest
        words = html.escape(evidence_words(c.evidence, 120))
        assert c.status != "pass" or f'<q class="evidence">{words}</q>' in page
