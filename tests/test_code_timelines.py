"""A timeline written as a fenced block of timed lines (notes copied in), next to fences that
are quoted logs or chats (examples written for these tests)."""

from __future__ import annotations

from _support import doc_of

from pmreview.pipeline import review_text

HEAD = (
    "# Postmortem: the photo gallery returned 500\n\n## Summary\n\nOn 9 June from 08:05 to "
    "09:10 UTC the gallery at pics.example returned 500 to every visitor: the upload disk "
    "was full, so the thumbnailer could not write.\n\n## Timeline\n\nAll times UTC, from my "
    "notes:\n\n"
)
NOTES = (
    "```\n"
    "2025-06-09 08:05 - first 500 in the nginx access log\n"
    "2025-06-09 08:20 - uptime check alerts me by e-mail\n"
    "2025-06-09 08:31 - thought the thumbnailer had crashed, restarted it, still 500\n"
    "2025-06-09 08:50 - df -h shows /srv/uploads at 100%\n"
    "2025-06-09 09:10 - removed old cache files, gallery loads again\n"
    "```\n\n"
)
TAIL = (
    "## Root cause\n\nThe thumbnail cache in /srv/uploads/cache was never pruned.\n\n"
    "## Prevention\n\n- Add a nightly cron job that prunes the cache.\n"
    "- Alert when /srv/uploads is above 85% full.\n"
)


def test_timed_notes_fenced_under_a_timeline_title_are_its_entries() -> None:
    doc = doc_of(HEAD + NOTES + TAIL)
    assert [e.time and e.time.raw for e in doc.timeline] == [
        "08:05",
        "08:20",
        "08:31",
        "08:50",
        "09:10",
    ]
    assert not any(e.is_item for e in doc.timeline)
    checks = review_text(HEAD + NOTES + TAIL).checks
    assert checks["timeline.present"].status == "pass"
    assert checks["timeline.format"].status == "fail"  # lines of a code block, not list items


def test_a_fenced_log_or_chat_is_not_the_timeline() -> None:
    log = (
        "```\n2025-06-09T08:05:01Z web-1 nginx  GET /gallery 500\n"
        "2025-06-09T08:05:02Z web-1 nginx  GET /gallery 500\n"
        "2025-06-09T08:05:04Z web-1 nginx  GET / 500\n```\n\n"
    )
    chat = (
        "```\n[8:21 AM] ama: is the gallery down for you too?\n"
        "[8:22 AM] kofi: yes, 500 everywhere\n[8:25 AM] ama: restarting the thumbnailer\n```\n\n"
    )
    for fence in (log, chat):
        assert doc_of(HEAD + fence + TAIL).timeline == []


def test_a_fence_beside_timed_items_is_a_record_quoted_next_to_them() -> None:
    items = "- 08:05 first 500\n- 08:20 the uptime check alerts\n- 09:10 gallery loads\n\n"
    doc = doc_of(HEAD + items + NOTES + TAIL)
    assert [(e.is_item, e.time and e.time.raw) for e in doc.timeline] == [
        (True, "08:05"),
        (True, "08:20"),
        (True, "09:10"),
    ]


def test_a_timed_fence_outside_the_timeline_is_code() -> None:
    text = HEAD.replace("## Timeline", "## Notes") + NOTES + TAIL
    doc = doc_of(text)
    assert doc.timeline == []
    assert not any("2025-06-09 08:05" in b.text for s in doc.sections for b in s.blocks)
