"""Timelines in the forms authors write them that are not Markdown bullets: an HTML list, prose
under hour headings in a section titled "hour by hour" (examples written for these tests)."""

from __future__ import annotations

from _support import doc_of

from pmreview.checks.timeline import timeline
from pmreview.pipeline import review_text

HTML = (
    "<h2>Summary</h2>\n\n<p>On 4 May from 18:40 to 20:15 CET the shop returned errors to every "
    "visitor because the database password was rotated without updating the app.</p>\n\n"
    "<h2>Timeline (CET)</h2>\n\n<ul>\n"
    '  <li><span class="time">18:40</span> The password of the <code>shop</code> database '
    "user is rotated.</li>\n"
    '  <li><span class="time">18:52</span> The uptime monitor alerts: the shop returns 500.</li>\n'
    "  <li>\n    <strong>20:15</strong> The new password is set in the app's config and the app"
    " is restarted.\n  </li>\n</ul>\n\n"
    "<h2>Preventing this next time</h2>\n\n<ol>\n"
    "  <li>Keep the app's secrets in the vault the rotation job writes to.</li>\n"
    "  <li>Alert when the app's database logins fail more than 10 times a minute.</li>\n</ol>\n"
)


def test_an_html_list_holds_list_items() -> None:
    doc = doc_of(HTML)
    items = {s.title: [(b.kind, b.line) for b in s.blocks] for s in doc.sections}
    assert items["Timeline (CET)"] == [("item", 8), ("item", 9), ("item", 11)]
    assert items["Preventing this next time"] == [("item", 18), ("item", 19)]
    assert [(e.line, e.time and e.time.raw) for e in doc.timeline] == [
        (8, "18:40"),
        (9, "18:52"),
        (11, "20:15"),  # its text starts on the line below its <li>
    ]


def test_an_html_timeline_is_a_timeline_and_may_be_well_formed() -> None:
    review = review_text(HTML)
    verdicts = {k: c.status for k, c in review.checks.items()}
    assert verdicts["timeline.present"] == "pass"
    assert verdicts["measures.tasks"] == "pass"
    untimed = review_text(HTML.replace("<li>\n    <strong>20:15</strong>", "<li>Then"))
    assert {k: c.status for k, c in untimed.checks.items()}["timeline.format"] == "fail"


def test_nested_html_lists_keep_their_depth() -> None:
    doc = doc_of(
        "## Timeline\n\n<ul>\n<li>June 3\n<ul>\n<li>09:00 Rollout starts.</li>\n"
        "<li>16:30 Rollout paused.</li>\n</ul>\n</li>\n</ul>\n"
    )
    assert [(b.line, b.depth) for b in doc.sections[0].blocks] == [(4, 0), (6, 1), (7, 1)]


HOURS = (
    "# Login failures on launch day\n\n"
    "From 10:05 to 16:40 PT most players could not log in, because a data migration ran "
    "inside every login request.\n\n"
    "## What happened, hour by hour\n\n### 10 AM\n\nServers came back at 10:05. At 10:12 the "
    "login-latency alert fired.\n\n### 11 AM\n\nWe paged the database on-call at 11:20, who "
    "found lock waits on the inventory table.\n\n### 4 PM\n\nAt 4:22 PM we turned the "
    "migration flag off and restarted the login service; logins recovered by 4:40 PM.\n\n"
    "## Why it happened\n\nThe migration ran in the login request instead of a background job.\n"
)


def test_prose_under_hour_headings_is_a_timeline_not_a_summary() -> None:
    doc = doc_of(HOURS)
    kinds = {s.title: s.kinds for s in doc.sections}
    assert kinds["What happened, hour by hour"] == {"timeline"}
    assert kinds["10 AM"] == kinds["4 PM"] == {"timeline"}
    found = timeline(doc)
    assert found["present"] is not None and found["present"]["line"] == 5
    verdicts = {k: c.status for k, c in review_text(HOURS).checks.items()}
    # a timeline in prose: present, but not in the form the rubric asks for
    assert verdicts["timeline.present"] == "pass" and verdicts["timeline.format"] == "fail"
    assert verdicts["timeline.resolution"] == "pass"


def test_what_happened_alone_is_still_the_summary() -> None:
    doc = doc_of("## What happened\n\nThe disk filled up at 10:05 UTC.\n")
    assert doc.sections[0].kinds == {"summary"}


def test_an_html_table_holds_rows_and_a_div_holds_paragraphs() -> None:
    doc = doc_of(
        "## Timeline\n\n<table>\n  <tr><th>Time (UTC)</th><th>Event</th></tr>\n"
        "  <tr><td>10:05</td><td>Disk alert on db-2</td></tr>\n  <tr>\n    <td>10:20</td>\n"
        "    <td>Old WAL files removed</td>\n  </tr>\n</table>\n\n"
        '## Notes\n\n<div class="notes">\n<p>First note.</p>\n<p>Second note.</p>\n</div>\n'
    )
    blocks = [(b.kind, b.line, b.end_line) for s in doc.sections for b in s.blocks]
    # the head row, with no cells, is no row of events
    assert blocks == [("row", 5, 5), ("row", 7, 9), ("paragraph", 15, 15), ("paragraph", 16, 16)]
    assert [(e.line, e.time and e.time.raw) for e in doc.timeline] == [(5, "10:05"), (7, "10:20")]


def test_a_one_digit_hour_with_a_dot_is_a_time_between_the_times_around_it() -> None:
    doc = doc_of(
        "## Timeline\n\n1. 09:20 — Restarted the app server, no change.\n"
        "2. 9.35 — The app log shows database timeouts.\n3. 09:38 — The disk of db-1 is full.\n"
        "4. 2.14 - Release notes for the database driver read.\n5. 10:05 — Site back.\n"
    )
    times = [e.time and e.time.raw for e in doc.timeline]
    # "2.14" after 09:38 is no time of this timeline: a version, as it may be anywhere
    assert times == ["09:20", "9.35", "09:38", None, "10:05"]
    assert doc.timeline[1].time is not None and doc.timeline[1].time.column == 4
