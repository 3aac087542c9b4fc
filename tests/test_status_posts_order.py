"""A status page's posts copied newest first, each post's text above the time it went out
(an example written for these tests): the outage's first post is the bottom one."""

from __future__ import annotations

from _support import doc_of

from pmreview.pipeline import review_text

PAGE = (
    "# Map tiles failing to load\n\n"
    "## Summary\n\nOn 12 May from 09:40 to 11:05 UTC map tiles on maps.example failed to load "
    "for every user: a CDN rule sent tile requests to a bucket that had been emptied.\n\n"
    "## Status updates (all times UTC)\n\n"
    "**Resolved** — Tiles load normally again. We restored the CDN rule.\n"
    "<br><small>May 12, 2025 - 11:10 UTC</small>\n\n"
    "**Identified** — A CDN rule points tile requests at the wrong bucket.\n"
    "<br><small>May 12, 2025 - 10:35 UTC</small>\n\n"
    "**Investigating** — Our monitoring alerted us to failing map tiles. We are looking into it. "
    "Next update in 30 minutes.\n<br><small>May 12, 2025 - 10:02 UTC</small>\n"
)


def test_a_post_whose_time_stands_under_it_is_told_by_the_lines_above() -> None:
    doc = doc_of(PAGE)
    assert [(e.line, e.time and (e.time.line, e.time.raw)) for e in doc.timeline] == [
        (9, (10, "11:10")),
        (12, (13, "10:35")),
        (15, (16, "10:02")),
    ]
    assert "monitoring alerted" in doc.timeline[-1].block.text


def test_the_start_is_held_against_the_bottom_post_not_the_top_one() -> None:
    rules = [f.rule for f in review_text(PAGE).findings]
    assert "PM401" not in rules  # 09:40 vs the first post (10:02), which reports the alert
    assert "PM304" not in rules  # a post's sentences are the status page's, not an entry's


POSTS = (
    "**Resolved**\nTiles load normally again.\nPosted May 12, 2025 - 11:10 UTC\n\n"
    "**Identified**\nA CDN rule points tile requests at the wrong bucket.\n"
    "Posted May 12, 2025 - 10:35 UTC\n\n"
    "**Investigating**\nOur monitoring alerted us to failing map tiles.\n"
    "*Posted on May 12, 2025 - 10:02 UTC*\n\n"
)


def test_posts_under_an_updates_title_are_the_timeline_each_at_its_posted_stamp() -> None:
    text = PAGE.split("## Status updates")[0] + "## Updates\n\n" + POSTS
    doc = doc_of(text)
    assert [e.time and e.time.raw for e in doc.timeline] == ["11:10", "10:35", "10:02"]
    checks = review_text(text).checks
    assert checks["timeline.present"].status == "pass"
    assert checks["timeline.format"].status == "fail"  # lines of paragraphs, not list items


def test_posts_under_no_timeline_title_are_no_timeline() -> None:
    text = PAGE.split("## Status updates")[0] + POSTS
    assert doc_of(text).timeline == []


def test_a_posts_status_opens_no_section_and_its_words_are_the_pages() -> None:
    text = PAGE.replace("Tiles load normally again.", "This incident has been resolved.")
    doc = doc_of(text)
    assert [s.title for s in doc.sections] == [
        "Map tiles failing to load",
        "Summary",
        "Status updates (all times UTC)",
    ]
    rules = [f.rule for f in review_text(text).findings]
    assert "PM103" not in rules  # the page's "has been resolved", not the author's fix
