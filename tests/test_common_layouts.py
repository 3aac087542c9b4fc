"""Common real layouts read as their authors mean them: numbered section titles, an HTML page
indented as its tags nest, numbered parts written "Section 3: Timeline" (examples written
for these tests)."""

from __future__ import annotations

from _support import doc_of

from pmreview.pipeline import review_text

SUMMARY = (
    "On 3 May 2025 from 10:05 to 11:20 UTC (1 hour 15 minutes) every request to the shop API "
    "failed with 502 for 100% of users, because the nginx upstream pointed at a removed port."
)
ENTRIES = (
    "10:05 UTC: deploy of config v12 removes port 8081.",
    "10:09 UTC: the 502 alert fires and pages the on-call.",
    "11:20 UTC: port 8081 restored in nginx.conf, errors stop.",
)
TASKS = ("Add a CI check that the upstream port exists.", "Add a synthetic check on /health.")


def _kinds(text: str) -> list[tuple[str, list[str]]]:
    return [(s.title, sorted(s.kinds)) for s in doc_of(text).sections if s.kinds]


def test_numbered_titles_in_title_case_open_sections_however_long() -> None:
    text = (
        "Postmortem: shop API outage\n\n1. Issue Summary\n\n"
        + SUMMARY
        + "\n\n2) Timeline\n\n"
        + "".join(f"- {e}\n" for e in ENTRIES)
        + "\n3. Corrective and Preventative Measures\n\n"
        + "".join(f"- {t}\n" for t in TASKS)
    )
    assert [k for _, k in _kinds(text)] == [["summary"], ["timeline"], ["measures"]]
    assert review_text(text).checks["measures.tasks"].status == "pass"


def test_a_numbered_title_over_a_numbered_list_that_counts_again_is_a_title() -> None:
    for head, marks in (("4. Follow-up Actions", ("1.", "2.")), ("3) Prevention", ("1)", "2)"))):
        text = (
            "1. Summary\n\n"
            + SUMMARY
            + "\n\n2. Timeline\n\n"
            + "".join(f"- {e}\n" for e in ENTRIES)
            + f"\n{head}\n\n"
            + "".join(f"{m} {t}\n" for m, t in zip(marks, TASKS, strict=True))
        )
        assert "measures" in [k for _, k in _kinds(text)][-1], head
        assert review_text(text).checks["measures.tasks"].status == "pass"


def test_a_numbered_list_that_goes_on_counting_has_no_title() -> None:
    text = "## Summary\n\n" + SUMMARY + "\n\n1. Timeline\n2. Prevention\n3. Summary\n"
    assert [t for t, _ in _kinds(text)] == ["Summary"]


def test_a_numbered_task_is_no_title() -> None:
    text = "## Summary\n\n" + SUMMARY + "\n\n1. Fix the retry loop in the cart service\n"
    assert [t for t, _ in _kinds(text)] == ["Summary"]


def test_an_indented_html_page_is_read_by_its_tags() -> None:
    items = "".join(f"      <li>{e}</li>\n" for e in ENTRIES)
    tasks = "".join(f"      <li>{t}</li>\n" for t in TASKS)
    text = (
        '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Postmortem</title>\n  </head>\n'
        "  <body>\n    <h1>Postmortem: shop API outage</h1>\n\n"
        f"    <h2>Issue Summary</h2>\n    <p>{SUMMARY}</p>\n\n"
        f"    <h2>Timeline</h2>\n    <ul>\n{items}    </ul>\n\n"
        f"    <h2>Corrective and Preventative Measures</h2>\n    <ol>\n{tasks}    </ol>\n"
        "  </body>\n</html>\n"
    )
    assert [k for _, k in _kinds(text)] == [["summary"], ["timeline"], ["measures"]]
    doc = doc_of(text)
    assert [e.line for e in doc.timeline] == [14, 15, 16]  # the page's own line numbers
    checks = review_text(text).checks
    for cid in ("summary.start_time", "timeline.format", "measures.tasks"):
        assert checks[cid].status == "pass", cid


def test_a_numbered_part_names_its_kind_after_the_colon() -> None:
    text = (
        "Section 1: Summary\n\n"
        + SUMMARY
        + "\n\nSection 2: Timeline\n\n"
        + ("".join(f"- {e}\n" for e in ENTRIES))
    )
    assert [k for _, k in _kinds(text)] == [["summary"], ["timeline"]]


def test_an_image_line_with_text_right_under_it_keeps_the_text() -> None:
    text = (
        "# Postmortem: shop API outage\n\n## Issue Summary\n"
        '<img src="img/errors.png" width="600">\n' + SUMMARY + "\n\n## Timeline\n"
        '<p align="center"><img src="img/timeline.png"></p>\n'
        + "".join(f"- {e}\n" for e in ENTRIES)
        + "\n## Logs\n<pre>\n10:05:01 upstream port 8081 not found\n</pre>\n"
    )
    doc = doc_of(text)
    assert [e.is_item for e in doc.timeline] == [True, True, True]
    checks = review_text(text).checks
    assert checks["summary.present"].status == "pass"
    assert checks["timeline.format"].status == "pass"
    assert not any("not found" in b.text for s in doc.sections for b in s.blocks)  # <pre>: code


def test_text_from_a_pdf_reads_its_titles_through_hard_breaks_and_page_footers() -> None:
    footer = "Shopco Ltd - Internal - Page {}"
    text = (
        "Postmortem: shop API outage\n" + footer.format(1) + "\nIssue Summary\n"
        "On 3 May 2025 from 10:05 to 11:20 UTC (1 hour 15 minutes) every request\n"
        "to the shop API failed with 502 for 100% of users, because the nginx\n"
        "upstream pointed at a removed port.\nTimeline\n"
        + "".join(f"- {e}\n" for e in ENTRIES[:2])
        + footer.format(2)
        + "\n"
        + f"- {ENTRIES[2]}\n"
        + "Root Cause\nThe config template dropped the upstream port 8081 from nginx.conf\n"
        "when the template was rewritten.\nCorrective and Preventative Measures\n"
        + "".join(f"- {t}\n" for t in TASKS)
        + footer.format(3)
        + "\n"
    )
    assert [k for _, k in _kinds(text)] == [["summary"], ["timeline"], ["root_cause"], ["measures"]]
    checks = review_text(text).checks
    for cid in ("summary.start_time", "summary.duration", "timeline.format", "measures.tasks"):
        assert checks[cid].status == "pass", cid


def test_what_to_do_next_is_the_measures_and_a_sign_off_line_is_no_title() -> None:
    text = (
        "## Summary\n\n"
        + SUMMARY
        + "\n\n## What to do next\n"
        + "".join(f"- {t}\n" for t in TASKS)
        + "\nthats it, lesson learned lol\n"
    )
    assert [(t, k) for t, k in _kinds(text)] == [
        ("Summary", ["summary"]),
        ("What to do next", ["measures"]),
    ]


def test_a_labelled_first_line_over_titled_sections_is_the_document_s_title() -> None:
    for first in (
        "Root cause analysis: shop API failures in the EU region",
        "Cause analysis: cart 502s on 3 May",
    ):
        text = (
            f"{first}\n\nSummary\n\n{SUMMARY}\n\nTimeline\n\n"
            + "".join(f"- {e}\n" for e in ENTRIES)
            + "\nRoot cause\n\nThe nginx upstream named port 8081, which deploy v12 removed.\n"
        )
        assert review_text(text).checks["root_cause.present"].line == 13, first


def test_a_first_line_that_states_the_cause_stays_the_root_cause() -> None:
    text = (
        "Cause: the nginx upstream pointed at a removed port.\n\nSummary\n\n"
        + SUMMARY
        + "\n\nTimeline\n\n"
        + "".join(f"- {e}\n" for e in ENTRIES)
    )
    assert review_text(text).checks["root_cause.present"].line == 1


def test_a_mail_s_subject_line_is_not_the_summary_it_heads() -> None:
    for header in (
        "Subject: [ops] Postmortem: the shop API failed for all users on 3 May",
        "Re: shop API outage report - every request failed, 3 May",
    ):
        text = f"{header}\n\nHello all,\n\n{SUMMARY}\n"
        assert review_text(text).checks["summary.present"].line == 5, header
