"""The parser on tricky inputs: section titles, kinds, styles and lines; timeline entries and
their times. Plus a property test: no text or bytes make parse + review raise, and every
finding points inside the document."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from _support import doc_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.errors import UsageError
from pmreview.models import Document, DocumentReview, Section
from pmreview.parse import kinds_of, parse
from pmreview.pipeline import Options, review_document, review_text
from pmreview.resources import load_toml
from pmreview.source import decode, from_text


def titled(doc: Document) -> list[tuple[str, str, int]]:
    """(title, style, line) of every titled section."""
    return [(s.title, s.style, s.line) for s in doc.sections if s.title]


def section(doc: Document, title: str) -> Section:
    return next(s for s in doc.sections if s.title == title)


def entries(doc: Document) -> list[tuple[int, str | None, bool]]:
    return [(e.line, e.time.raw if e.time else None, e.is_item) for e in doc.timeline]


def clock(doc: Document) -> list[tuple[int, int | None, int]]:
    return [(e.line, e.time.hour, e.time.minute) for e in doc.timeline if e.time]


# --------------------------------------------------------------------------- section markers


def test_atx_and_setext_headings() -> None:
    doc = doc_of(
        "Checkout outage\n===============\n\nIssue Summary\n-------------\n\nThe api failed.\n\n"
        "## Timeline ##\n\n- 10:00 UTC - alert\n"
    )
    assert titled(doc) == [
        ("Checkout outage", "setext", 1),
        ("Issue Summary", "setext", 4),
        ("Timeline", "atx", 9),
    ]
    assert section(doc, "Issue Summary").kinds == {"summary"}
    assert section(doc, "Checkout outage").level == 1 and section(doc, "Issue Summary").level == 2
    assert section(doc, "Timeline").column == 4


def test_bold_only_lines() -> None:
    doc = doc_of(
        "**Summary**\nThe api failed.\n\n__Timeline:__\n\n- 10:00 UTC - alert\n\n"
        "**Root cause**:\nA full disk.\n"
    )
    assert titled(doc) == [
        ("Summary", "bold", 1),
        ("Timeline", "bold", 4),
        ("Root cause", "bold", 8),
    ]
    assert [s.kinds for s in doc.sections if s.title] == [{"summary"}, {"timeline"}, {"root_cause"}]
    assert section(doc, "Summary").column == 3  # the title inside the asterisks


def test_label_lines() -> None:
    doc = doc_of(
        "Summary:\nThe api failed.\n\nCorrective and preventative measures:\n- add an alert\n"
        "- add a canary\n"
    )
    assert titled(doc) == [
        ("Summary", "label", 1),
        ("Corrective and preventative measures", "label", 4),
    ]
    assert section(doc, "Corrective and preventative measures").kinds == {"measures"}
    assert [b.kind for b in section(doc, "Corrective and preventative measures").blocks] == [
        "item",
        "item",
    ]


def test_inline_labels_keep_their_text() -> None:
    doc = doc_of(
        "# Outage\n\n**Root cause:** The disk on db-1 filled up.\nIt held the binlogs.\n\n"
        "Resolution: we freed 40 GB on db-1.\n"
    )
    rc = section(doc, "Root cause")
    assert (rc.style, rc.line, rc.column, rc.kinds) == ("inline", 3, 3, {"root_cause"})
    assert "The disk on db-1 filled up." in rc.text and "binlogs" in rc.text
    res = section(doc, "Resolution")
    assert (res.style, res.line, res.kinds) == ("inline", 6, {"resolution"})
    assert "freed 40 GB" in res.text


def test_bare_title_line() -> None:
    doc = doc_of(
        "Incident Overview\n\nThe api failed for an hour.\n\nTimeline\n\n- 10:00 UTC - alert\n"
    )
    assert titled(doc) == [("Incident Overview", "bare", 1), ("Timeline", "bare", 5)]
    assert section(doc, "Incident Overview").kinds == {"summary"}


def test_title_lines_in_plain_text_without_blank_lines() -> None:
    doc = doc_of(
        "Outage report\nIssue Summary\nThe api was down from 10:05 to 10:15 WAT.\n"
        "Timeline\n10:05 AM Deploy started\n10:15 AM Back online\n"
        "Root Cause and Resolution\nA typo in app.conf; fixed it.\n"
    )
    assert titled(doc) == [
        ("Issue Summary", "bare", 2),
        ("Timeline", "bare", 4),
        ("Root Cause and Resolution", "bare", 7),
    ]
    assert entries(doc) == [(5, "10:05 AM", False), (6, "10:15 AM", False)]


def test_a_long_plain_title_that_asks_its_question() -> None:
    doc = doc_of(
        "Service notice\n\nCause\n\nA disk filled on db-2.\n\n"
        "What we are doing to prevent this happening again\n\n"
        "We will add a disk alert at 85% on db-2.\n\n"
        "We will keep an eye on the disks of the database servers next month\n\n"
        "Why does the test plan not include a full disk?\n"
    )
    assert [t for t, _, _ in titled(doc)] == [
        "Cause",
        "What we are doing to prevent this happening again",
    ]
    assert section(doc, "What we are doing to prevent this happening again").has("measures")


def test_numbered_titles_of_a_report_exported_from_a_word_processor() -> None:
    doc = doc_of(
        "Incident report\n\n1. Description\n\nCard payments failed.\n\n"
        "2. Period of disruption\n\nFrom 06:00 to 09:47 CET.\n\n3. Cause\n\n"
        "An expired intermediate certificate on lb-2.\n\n"
        "1. Follow up\n2. Rotate the key\n"
    )
    assert [(t, n) for t, _, n in titled(doc)] == [
        ("Incident report", 1),
        ("Description", 3),
        ("Period of disruption", 7),
        ("Cause", 11),
    ]
    assert section(doc, "Period of disruption").has("duration")
    assert [b.kind for b in section(doc, "Cause").blocks] == ["paragraph", "item", "item"]


def test_a_sentence_naming_a_kind_inside_prose_is_not_a_title() -> None:
    doc = doc_of("# Notes\nWe looked at the\ntimeline of the deploy\nand found nothing.\n")
    assert titled(doc) == [("Notes", "atx", 1)]


def test_bold_label_list_item_is_not_a_section() -> None:
    doc = doc_of(
        "# Summary\n\n- **Impact**: 10% of users could not pay.\n- **Duration**: 45 minutes.\n"
    )
    assert titled(doc) == [("Summary", "atx", 1)]
    assert [b.kind for b in section(doc, "Summary").blocks] == ["item", "item"]


def test_sentence_with_colon_is_not_a_section() -> None:
    doc = doc_of(
        "# Summary\n\nWe saw the following error: connection refused.\nThe cause was simple.\n"
    )
    assert titled(doc) == [("Summary", "atx", 1)]


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Incident Overview", {"summary"}),
        ("TL;DR", {"summary"}),
        ("Executive summary", {"summary"}),
        ("Long-Term Mitigation", {"measures"}),
        ("Action items", {"measures", "action_items"}),
        ("Follow-ups", {"measures", "action_items"}),
        ("Root Causes", {"root_cause"}),
        ("What went wrong", {"root_cause"}),
        ("Root cause and resolution", {"root_cause", "resolution"}),
        ("3. Timeline", {"timeline"}),
        ("What's next", {"measures"}),
        ("What next", {"measures"}),
        ("Now what?", {"measures"}),
        ("Start / Stop / Continue", {"measures"}),
        ("Next time", {"measures"}),
        ("What I Learned (The Hard Way)", {"measures", "lessons"}),
        ("What we've learnt", {"measures", "lessons"}),
        ("Lessons", {"measures", "lessons"}),
        ("Key learnings", {"measures", "lessons"}),
        ("What we learned about the router", {"measures", "lessons"}),
        ("How a token leaked, and what we changed", set()),
        ("What I’m changing", {"measures"}),
        ("What we did that night", set()),
        ("What we changed that night", {"resolution"}),
        ("The Plot Thickens", set()),
        ("Why", {"root_cause"}),
        ("Why we missed it", set()),
        ("6. Actions", {"measures"}),
        ("Actions taken and planned", {"measures"}),
        ("Actions taken", set()),
        ("Planned", {"measures"}),
        ("Planned work", {"measures"}),
        ("Introduction", {"summary"}),
        ("Intro", {"summary"}),
        ("Introduction to the new cache layer", set()),
    ],
)
def test_kinds_of_titles(title: str, kinds: set[str]) -> None:
    assert kinds <= kinds_of(title)
    if not kinds:
        assert kinds_of(title) == frozenset()
    if "measures" in kinds:
        assert "resolution" not in kinds_of(title)


def test_title_patterns_tell_no_digit_from_another() -> None:
    """kinds_of reads a title with its digits as zeros ("Phase 2" as "phase 0"): sound while
    no pattern holds a digit (a quantifier's bounds and a character escape aside)."""
    for kind in load_toml("sections.toml")["kinds"].values():
        for pattern in kind["patterns"]:
            bare = re.sub(r"\{\d+(?:,\d*)?\}|\\x[0-9a-f]{2}", "", pattern)
            assert not re.search(r"\d|\\[1-9]", bare), pattern
    assert kinds_of("Phase 2 timeline") == kinds_of("Phase 9 timeline") == {"timeline"}


def test_nested_sections_inherit_the_parent_kind() -> None:
    doc = doc_of("## Corrective measures\n\n### Tasks\n\n- add an alert\n- add a canary\n")
    assert section(doc, "Tasks").has("measures")


# ------------------------------------------------------------------ encodings and whitespace


def test_crlf_and_bom_keep_line_numbers() -> None:
    raw = (
        "\ufeff# Summary\r\nThe api failed.\r\n\r\n"
        "# Timeline\r\n\r\n- 10:30 UTC - alert\r\n- 10:40 UTC - fix\r\n"
    )
    doc = parse(decode(raw.encode("utf-8"), "x.md"))
    assert titled(doc) == [("Summary", "atx", 1), ("Timeline", "atx", 4)]
    assert section(doc, "Summary").column == 3
    assert entries(doc) == [(6, "10:30", True), (7, "10:40", True)]
    assert doc.source.lines[0] == "# Summary"


def test_tabs() -> None:
    doc = doc_of("# Timeline\n\n-\t10:30 UTC\t- alert fired\n-\t10:40 UTC\t- rolled back\n")
    assert clock(doc) == [(3, 10, 30), (4, 10, 40)]
    assert [t.column for t in doc.times] == [3, 3]


def test_tab_indented_list_is_still_a_timeline() -> None:
    doc = doc_of("# Timeline\n\n\t- 10:30 UTC - alert\n\t- 10:40 UTC - fix\n")
    assert clock(doc) == [(3, 10, 30), (4, 10, 40)]
    assert all(e.is_item for e in doc.timeline)


# --------------------------------------------------------------------------- timeline entries


def test_timeline_entry_times() -> None:
    doc = doc_of(
        "# Timeline\n\n- **10:30 UTC** - alert\n- 2024-05-02 10:45 UTC - rolled back\n"
        "- 1:15 PM PST - resolved\n- 11:00:05 - log line\n1. 12:00 - numbered\n"
        "- [x] 12:30 - checkbox\n- 9am - bare am\n"
    )
    assert clock(doc) == [
        (3, 10, 30),
        (4, 10, 45),
        (5, 13, 15),
        (6, 11, 0),
        (7, 12, 0),
        (8, 12, 30),
        (9, 9, 0),
    ]
    assert all(e.is_item for e in doc.timeline)
    first = doc.timeline[0].time
    assert first is not None and (first.line, first.column, first.tz) == (3, 5, "UTC")


def test_entry_without_time() -> None:
    doc = doc_of("# Timeline\n\n- 10:30 UTC - alert\n- Then we rolled back.\n")
    assert entries(doc) == [(3, "10:30", True), (4, None, True)]


def test_lines_that_are_not_list_items() -> None:
    doc = doc_of("## Timeline\n10:00 one\n10:05 two\n10:10 three\n")
    assert entries(doc) == [(2, "10:00", False), (3, "10:05", False), (4, "10:10", False)]


def test_nested_items_are_not_entries() -> None:
    doc = doc_of(
        "# Timeline\n\n- 10:40 UTC - restarted\n  - 10:41 detail\n  - 10:42 detail\n"
        "- 10:50 UTC - done\n"
    )
    assert entries(doc) == [(3, "10:40", True), (6, "10:50", True)]
    assert [t.raw for t in doc.times] == ["10:40", "10:41", "10:42", "10:50"]


def test_table_rows_are_entries_but_not_items() -> None:
    doc = doc_of(
        "# Timeline\n\n| Time | Event |\n|------|-------|\n"
        "| 10:55 UTC | alert |\n| 11:05 UTC | fix |\n"
    )
    assert entries(doc) == [(5, "10:55", False), (6, "11:05", False)]
    assert [b.kind for b in section(doc, "Timeline").blocks] == ["row", "row"]


def test_fenced_code_and_comments_are_ignored() -> None:
    doc = doc_of(
        "# Timeline\n\n- 10:30 UTC - alert\n\n```\n10:31:02 ERROR connection refused\n"
        "11:00 restart\n```\n\n<!-- 09:00 a note to self -->\n\n<!--\n09:15 hidden\n-->\n"
        "- 10:40 UTC - fix with `12:00` in code\n"
    )
    assert entries(doc) == [(3, "10:30", True), (15, "10:40", True)]
    assert [t.raw for t in doc.times] == ["10:30", "10:40"]


def test_timeline_found_without_a_title() -> None:
    doc = doc_of(
        "# What happened\n\n- 10:00 UTC - alert\n- 10:10 UTC - paged\n- 10:20 UTC - rollback\n"
    )
    assert [e.line for e in doc.timeline] == [3, 4, 5]


def test_zone_statement_and_directives() -> None:
    doc = doc_of(
        "# Timeline\n\nAll times in PDT.\n\n<!-- pmreview-disable PM101, PM102 -->\n"
        "- 10:00 - alert <!-- pmreview-disable-next-line -->\n"
    )
    assert doc.zone_statement == "PDT"
    assert doc.directives == [(5, "disable", ("PM101", "PM102")), (6, "disable-next-line", ())]


# --------------------------------------------------------------------------- no headings at all

NO_HEADINGS = """\
Notes

On 2024-05-02 the checkout API failed between 10:30 and 11:00 UTC for 20% of users, because a
config push set max_connections to 10 on db-1 and requests queued until they timed out.

At 10:40 UTC we noticed the alert and at 11:00 UTC we restored the old config, which fixed it.

Going forward we will add a check on max_connections to the deploy pipeline.
"""


def test_document_without_headings() -> None:
    doc = doc_of(NO_HEADINGS)
    assert all(not s.title for s in doc.sections)
    kinds = [set(s.kinds) for s in doc.sections]
    # the summary paragraph says why ("because a config push…"): it is the root cause too
    assert {"summary", "root_cause"} in kinds
    assert any("measures" in k for k in kinds)
    lines = sorted(b.line for s in doc.sections for b in s.blocks)
    assert lines == [1, 3, 6, 8]


def test_section_end_lines_cover_their_blocks() -> None:
    for s in doc_of(NO_HEADINGS).sections:
        assert s.end_line >= max((b.end_line for b in s.blocks), default=s.line), s


def test_section_end_lines_with_headings() -> None:
    doc = doc_of("Intro line\n\n# Summary\n\nThe api failed.\n\n# Timeline\n\n- 10:00 UTC - x\n")
    assert [(s.title, s.line, s.end_line) for s in doc.sections] == [
        ("", 0, 2),
        ("Summary", 3, 6),
        ("Timeline", 7, 9),
    ]


# --------------------------------------------------------------------------- properties


def assert_inside(review: DocumentReview, text: str) -> None:
    n = len(text.split("\n"))
    for f in review.findings:
        assert 1 <= f.line <= n, f
        assert 1 <= f.end_line <= n, f
        assert f.column >= 1 and f.end_column >= 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


MARKUP = st.sampled_from(
    [
        "# Summary\n",
        "## Timeline\n",
        "Timeline\n",
        "**Root cause:** ",
        "Impact:\n",
        "- ",
        "  - ",
        "1. ",
        "- [ ] ",
        "| a | b |\n|---|---|\n",
        "```\n",
        "> ",
        "===\n",
        "---\n",
        "<!-- pmreview-disable -->",
        "<!-- pmreview-disable-next-line PM1 -->\n",
        "10:30 UTC",
        "2024-05-02 ",
        "1:15 PM",
        " a glitch",
        " several users",
        " it was fixed",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\ufeff",
        "**",
        "`",
        "—",
        "é",
    ]
)
DOCUMENTS = st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40).map("".join)
FAST = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(st.text())
def test_any_text_reviews(text: str) -> None:
    assert_inside(review_text(text), from_text(text).text)


@FAST
@given(DOCUMENTS)
def test_any_markdown_like_text_reviews(text: str) -> None:
    assert_inside(review_text(text), from_text(text).text)


@FAST
@given(st.one_of(st.binary(), DOCUMENTS.map(lambda s: s.encode("utf-8"))))
def test_any_bytes_review(data: bytes) -> None:
    try:
        source = decode(data, "fuzz.md")
    except UsageError as exc:
        assert str(exc).startswith("fuzz.md: ") and "\n" not in str(exc)
        return
    assert_inside(review_document(source, Options()), source.text)


def _texts() -> Iterable[str]:
    yield ""
    yield "\n" * 5
    yield "# \n"
    yield "**\n"
    yield ":\n"
    yield "- \n" * 3


@pytest.mark.parametrize("text", list(_texts()))
def test_degenerate_texts(text: str) -> None:
    assert_inside(review_text(text), from_text(text).text)


def test_yaml_front_matter_is_not_content() -> None:
    doc = doc_of(
        "---\ntitle: Outage\ndate: 2024-07-08\n---\n\n"
        "The api failed at 10:00 UTC.\n\n## Timeline\n- 10:00 UTC - alert\n"
    )
    assert titled(doc) == [("Timeline", "atx", 8)]
    assert doc.sections[0].blocks[0].line == 6


@pytest.mark.parametrize("blank", ["", " ", "\t  "])
@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_fences_may_end_in_blanks(fence: str, blank: str) -> None:
    doc = doc_of(
        f"{fence}{blank}\ntitle = 'Outage'\n{fence}{blank}\n\n"
        "The api failed at 10:00 UTC.\n\n## Timeline\n- 10:00 UTC - alert\n"
    )
    assert titled(doc) == [("Timeline", "atx", 7)]
    assert doc.sections[0].blocks[0].line == 5
    assert "title" not in " ".join(b.text for b in doc.blocks)


def test_front_matter_limits() -> None:
    """Closed within 200 lines of matter, by a whole fence line (not an unended last line)."""
    from pmreview.parse.front_matter import without_front_matter

    def blanked(text: str) -> bool:
        out = without_front_matter(text)
        assert out.count("\n") == text.count("\n")  # line numbers kept
        return "title" not in out

    def matter(lines: int) -> str:
        return "---\n" + "title: x\n" + "k: v\n" * (lines - 1) + "---\n\nThe api failed.\n"

    assert blanked(matter(200)) and not blanked(matter(201))
    assert blanked("---\ntitle: x\n---\n") and not blanked("---\ntitle: x\n---")
    assert not blanked("---\ntitle: x\n--- x\n\nText.\n")


def test_us_zone_names_after_a_time() -> None:
    doc = doc_of(
        "## Timeline\n- 2024-06-28 7:09 AM Eastern: token reported\n- 7:30 AM Pacific: revoked\n"
    )
    assert [e.time.tz for e in doc.timeline if e.time] == ["Eastern", "Pacific"]


@FAST
@given(DOCUMENTS)
def test_blocks_are_whole_lines_of_the_source(text: str) -> None:
    # rules skip every block when the source lacks a string a pattern needs (placeholders,
    # privacy): that holds only while a block's text is made of whole source lines
    doc = doc_of(text)
    lines = doc.source.lines
    for b in doc.blocks:
        assert b.text == "\n".join(lines[b.line - 1 : b.end_line])


# --------------------------------------------------------------------------- layouts as written

FACT_SHEET = """# Incident on 2024-02-03 - Builds stuck in the queue

- **Key events**
  - First detected 2024-02-03 09:12
  - Resolved 2024-02-03 11:40

- **Time to repair**: 2h 28m

- **Impact**: Every build on the shared runners waited in the queue.

- **Context**:
  - 2024-02-03 09:12 The runner autoscaler alert fired
  - 2024-02-03 09:30 Team found the autoscaler role had lost its quota
  - 2024-02-03 11:40 Quota restored and the queue drained

- **Resolution**:
  - Restored the autoscaler's quota in the cloud console.

- **Review actions**:
  - Alert when the autoscaler cannot launch a runner
  - Track the quota in the infrastructure repository
"""


def test_a_fact_sheet_s_top_items_are_sections() -> None:
    doc = doc_of(FACT_SHEET)
    kinds = {s.title: s.kinds for s in doc.sections if s.style == "fact"}
    assert kinds["Key events"] == {"timeline"} and kinds["Time to repair"] == {"duration"}
    assert kinds["Resolution"] == {"resolution"}
    assert kinds["Review actions"] >= {"measures"}
    # the timed bullets under "Context" are a timeline too
    assert "timeline" in kinds["Context"]
    assert [e.time.raw for e in doc.timeline if e.time] == ["09:12", "09:30", "11:40"]


def test_a_fact_sheet_s_facts_above_the_story_are_the_summary() -> None:
    from pmreview.parse.views import summary_sections

    doc = doc_of(FACT_SHEET)
    assert [s.title for s in summary_sections(doc)][1:] == [
        "Key events",
        "Time to repair",
        "Impact",
    ]
    assert _task_texts(doc) == [  # the label item itself is no task
        "- Alert when the autoscaler cannot launch a runner",
        "- Track the quota in the infrastructure repository",
    ]


def test_labelled_items_of_a_summary_stay_a_list() -> None:
    doc = doc_of(
        "## Summary\n\n- **Impact**: checkout failed\n- **Root cause**: a full disk\n"
        "- **Resolution**: freed space\n- **Timeline**: see below\n"
    )
    assert titled(doc) == [("Summary", "atx", 1)]


def test_a_document_with_only_its_title_is_judged_on_its_paragraphs() -> None:
    doc = doc_of(
        "## The March 3 registry outage\n\n"
        "On March 3 between 09:10 and 10:40 UTC the package registry returned errors to every "
        "client because its storage bucket had been deleted by a cleanup job.\n\n"
        "To prevent this in the future we have made two changes:\n\n"
        "1. The cleanup job now skips buckets tagged as production.\n"
        "2. Bucket deletion needs a second approver.\n"
    )
    # the opening paragraph says why ("because its storage bucket had been deleted"), and no
    # later one does: it is the root-cause part too
    assert [sorted(s.kinds) for s in doc.sections if s.kinds] == [
        ["root_cause", "summary"],
        ["measures"],
    ]


def test_a_title_run_into_the_list_above_it_opens_a_section() -> None:
    doc = doc_of(
        "Issue Summary:\n- Impact: all users saw errors for an hour\n"
        "Timeline:\n- 10:45 AM: alert fired\n- 11:00 AM: rolled back\n"
    )
    assert [s.title for s in doc.sections if s.title] == ["Issue Summary", "Timeline"]
    assert [e.time.raw for e in doc.timeline if e.time] == ["10:45 AM", "11:00 AM"]


def test_a_title_with_a_remark_in_parentheses() -> None:
    doc = doc_of("Timeline (all times Pacific Time)\n6:19 PM: push begins\n6:26 PM: outage\n")
    assert section(doc, "Timeline (all times Pacific Time)").kinds == {"timeline"}


def test_entry_times_wrapped_in_html_bracketed_or_noted() -> None:
    doc = doc_of(
        "## Timeline\n\n- **Timezone:** PST\n"
        '- **<span style="color: #32CD32;">08:00 AM:</span>** <span>Alert fired.</span>\n'
        "- [03-26 23:04] The node is drained\n"
    )
    assert entries(doc) == [(4, "08:00 AM", True), (5, "23:04", True)]
    assert doc.timeline[0].time.column == 35  # where the time is written


def test_a_timeline_of_dates_is_still_a_timeline() -> None:
    from pmreview.checks.timeline import timeline

    doc = doc_of("## Timeline\n\n| Date | Event |\n|---|---|\n| 2022-03-08 | Report filed |\n")
    assert timeline(doc)["present"] is not None
    assert timeline(doc_of("## Timeline\n\nSee the linked document.\n"))["present"] is None


def test_a_fact_sheet_under_a_document_title_that_names_a_kind() -> None:
    # "Incident report" names the summary kind, but as the document's only top heading it is
    # the document's title, not a section holding the facts below it
    doc = doc_of("# Incident report: the lost uploads\n\n" + FACT_SHEET.split("\n", 2)[2])
    kinds = {s.title: s.kinds for s in doc.sections if s.style == "fact"}
    assert kinds["Key events"] == {"timeline"} and kinds["Review actions"] >= {"measures"}


def test_a_prose_document_under_a_title_that_names_a_kind_is_judged_on_paragraphs() -> None:
    doc = doc_of(
        "# Summary of the object store event of May 2\n\n"
        "On May 2 between 08:05 and 09:50 UTC about 30% of uploads to the object store failed. "
        "The event was caused by a certificate rotation that left the gateways without a key.\n\n"
        "At 08:12 UTC an alarm on upload errors paged the storage on-call, who began looking at "
        "the gateways. At 09:40 UTC the old key was restored on every gateway.\n\n"
        "To prevent a recurrence we are adding a check of the key before each rotation.\n"
    )
    kinds = [sorted(s.kinds) for s in doc.sections if s.kinds]
    # the opening paragraph is the only one that states the cause: it is the root-cause part
    assert kinds == [["root_cause", "summary"], ["resolution", "timeline"], ["measures"]]


def test_an_opening_that_tells_the_incident_is_the_summary_and_what_happened_the_story() -> None:
    from pmreview.parse.views import summary_blocks

    doc = doc_of(
        "---\ntitle: The night the uploads stopped\n---\n\n"
        'https://example.org/blog/uploads\n\n<p class="intro">\nFrom 01:10 to 02:40 UTC on June 4, '
        "every upload to the photo service failed with a timeout error.\n</p>\n\n"
        "This write-up is long, because there is a lot to say about what we learned.\n\n"
        "## What happened\n\nThe upload workers ran out of disk.\n\n"
        "## Timeline\n\n- 01:10 UTC - x\n"
    )
    lines = sorted(b.line for b in summary_blocks(doc))
    # the HTML paragraph that tells the incident is read; the link line and the remark on the
    # write-up are not summary text; "What happened" below it is the story, not the summary
    assert lines == [7]


def test_a_pasted_assignment_above_the_summary_is_not_summary_text() -> None:
    from pmreview.parse.views import summary_blocks

    doc = doc_of(
        "Write a postmortem with the following requirements:\n\n"
        "- Issue Summary must contain: the duration with start and end times, "
        "the impact on users and the root cause of the outage\n\n"
        "Issue Summary:\n\nOn May 2 the login page of our portal failed for an hour.\n"
    )
    assert [b.line for b in summary_blocks(doc)] == [7]


def test_notes_after_a_fact_sheet_are_no_part_of_its_last_fact() -> None:
    doc = doc_of(FACT_SHEET + "\nThanks to the team.\n\n1. Quotas run out quietly.\n")
    assert len(_task_texts(doc)) == 2  # the numbered notes are not review actions


def _task_texts(doc: Document) -> list[str]:
    from pmreview.text.tasks import tasks_by_list

    return [t.block.text.strip() for _, tasks in tasks_by_list(doc) for t in tasks]


def test_a_summary_title_over_labelled_facts_heads_the_report() -> None:
    from pmreview.parse.views import summary_sections

    def summary(header: str) -> list[str]:
        doc = doc_of(
            f"INCIDENT SUMMARY\n\n{header}\n\n1. Description\n\nCard payments failed.\n\n"
            "2. Impact\n\n41% of customers could not log in.\n\n3. Chronology\n\n- 06:00 x\n"
        )
        return [s.title for s in summary_sections(doc)]

    assert summary("Ref: INC-4\nPrepared by: IT Risk") == [
        "INCIDENT SUMMARY",
        "Description",
        "Impact",
    ]
    # a summary that tells something is the summary; a summary by words after it is not
    assert summary("Card payments failed for three hours on 18 April.") == ["INCIDENT SUMMARY"]


@pytest.mark.parametrize(
    "intro",
    [
        "We would like to give you some more information about the outage of the ticket "
        "shop that happened on the evening of February 12 and what we learned from it.",
        "Posted by the platform team of the ticket shop, with the engineers who were on call "
        "for the payments service that week",
    ],
)
def test_a_word_to_the_reader_opens_the_summary_the_next_paragraph_tells(intro: str) -> None:
    doc = doc_of(
        "# Ticket shop outage\n\n"
        f"{intro}\n\n"
        "Between 18:02 and 18:47 UTC every visitor of the ticket shop got HTTP 502 because "
        "the payment proxy ran out of file descriptors after a config change.\n\n"
        "We will raise the proxy's file descriptor limit and alert on its use in the future.\n"
    )
    summary = [b.line for s in doc.sections if s.has("summary") for b in s.blocks]
    assert 5 in summary  # the paragraph that tells the incident is the summary too
    assert not any(s.has("timeline") for s in doc.sections)


def test_a_paragraph_that_tells_the_incident_is_no_word_to_the_reader() -> None:
    from pmreview.parse.paragraphs import addresses_reader

    assert addresses_reader("Dear customers,")
    assert addresses_reader("Posted by the infrastructure team")
    assert not addresses_reader(
        "We want to tell you that between 10:05 and 10:50 UTC checkout failed for all users."
    )
    assert not addresses_reader("We rolled the change back and checkout recovered.")


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        ("Remediation and prevention", {"resolution", "measures"}),
        ("Mitigation and follow-ups", {"resolution", "measures"}),
        ("Long-term mitigation and prevention", {"measures"}),
        ("Long-term mitigation", {"measures"}),
    ],
)
def test_each_part_of_a_joined_title_keeps_its_kinds(title: str, kinds: set[str]) -> None:
    # "prevention" makes the title a measures section; it does not stop "remediation" from
    # naming the fix, but "long-term" still says the mitigation is a measure
    assert kinds_of(title) & {"resolution", "measures"} == kinds


def test_the_impact_part_after_an_introduction_is_the_summary_too() -> None:
    from pmreview.parse.views import summary_blocks

    doc = doc_of(
        "# Queue outage\n\n## Introduction\n\nOn Friday the queue workers of the booking app "
        "stopped taking jobs after a config change.\n\n## Impact\n\nBookings hung for about "
        "40 minutes for every user.\n\n## Timeline\n\n- 10:05 UTC - jobs pile up\n"
    )
    assert [b.line for b in summary_blocks(doc)] == [5, 9]


@pytest.mark.parametrize(
    "module",
    [
        "import { PostLayout } from '@/components/PostLayout'\n\n"
        "export const meta = {\n  title: 'Queue outage',\n  description: 'Our first outage',\n}\n\n"
        "export default (props) => <PostLayout meta={meta} {...props} />\n\n",
        "import Figure from '../figure'\nimport { Note } from 'site/ui'\n\n",
        "export const frontmatter = { title: 'Queue outage', summary: 'What broke' }\n",
    ],
)
def test_an_mdx_pages_module_code_is_not_content(module: str) -> None:
    """An MDX page opens with the module's `import`/`export` statements: the reader sees only
    the Markdown after them; their keys (`description:`, `summary:`) are not sections."""
    doc = doc_of(module + "## Timeline\n- 10:00 UTC - alert\n")
    assert titled(doc) == [("Timeline", "atx", module.count("\n") + 1)]
    assert not any("description" in b.text or "import" in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    "text",
    [
        "Import errors broke the build at 10:00 UTC.\n\n## Timeline\n- 10:00 UTC - alert\n",
        "We export reports nightly; at 10:00 UTC the export failed.\n\n## Timeline\n- 10:00 UTC\n",
        "The api failed.\n\nimport x from 'y'\n\n## Timeline\n- 10:00 UTC - alert\n",
    ],
)
def test_prose_about_imports_is_kept(text: str) -> None:
    doc = doc_of(text)
    assert doc.sections[0].blocks and doc.sections[0].blocks[0].line == 1


@pytest.mark.parametrize(
    "entry",
    [
        "6:25 PM (EAT): Action Plan:",
        "14:05 UTC: Rollback",
        "**09:10**: Mitigation steps:",
        "11:40 am - Resolution:",
    ],
)
def test_a_timed_entry_ending_in_a_label_is_no_title(entry: str) -> None:
    doc = doc_of(
        f"Timeline\n\n6:01 PM (EAT): Alert fired on 503 errors.\n\n{entry}\n\n"
        "Added two servers to the pool.\n\nRoot Cause\n\nThe pool was too small.\n"
    )
    assert [t for t, _, _ in titled(doc)] == ["Timeline", "Root Cause"]


def test_a_title_with_a_time_later_in_it_is_still_a_title() -> None:
    doc = doc_of("Timeline (times 14:00 UTC)\n\n- 14:05 alert\n\nResolution\n\nRolled back.\n")
    assert [t for t, _, _ in titled(doc)] == ["Timeline (times 14:00 UTC)", "Resolution"]
