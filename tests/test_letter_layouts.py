"""Letters and notices with no section titles, and summaries set off at the top (a TL;DR
callout, a metadata block above it): examples written for these tests."""

from __future__ import annotations

from _support import doc_of

from pmreview.parse.views import summary_blocks
from pmreview.pipeline import review_text

LETTER = (
    "# Why the tide tables app was down on Friday\n\n"
    "Several of you asked what went wrong on Friday, so here is a plain account of what "
    "happened and what we are changing.\n\n"
    "On Friday 14 March, from 06:10 to 07:25 UTC, the tide tables app showed an empty page "
    "to every visitor, because the nightly import wrote an empty forecast file over the good "
    "one and the app served it as it was.\n\n"
    "We restored the previous forecast file from the backup bucket and re-ran the import with "
    "the missing station list added back.\n\n"
    "If you have any questions, please contact the help desk on (555) 010-4477, Monday to "
    "Friday, 9:00 a.m. to 5:00 p.m.\n"
)


def test_a_letter_that_opens_by_announcing_its_account_has_the_next_paragraph_in_its_summary() -> (
    None
):
    doc = doc_of(LETTER)
    lines = {b.line for b in summary_blocks(doc)}
    assert {3, 5} <= lines  # the announcement, and the paragraph that tells the incident
    checks = review_text(LETTER).checks
    assert checks["summary.start_time"].status == "pass"
    assert checks["summary.timezone"].status == "pass"


def test_a_contact_paragraph_is_no_part_of_the_postmortem() -> None:
    doc = doc_of(LETTER)
    contact = [s for s in doc.sections if any("help desk" in b.text for b in s.blocks)]
    assert [s.kinds for s in contact] == [frozenset()]
    assert doc.timeline == []  # office hours are not timed events
    assert review_text(LETTER).checks["timeline.present"].status == "fail"


CALLOUT = (
    "# Postmortem: scheduled reminders lost\n\n"
    "Status: Resolved\nSeverity: SEV-2\nOwner: @ines\n\n"
    "> 📌 **TL;DR** — On 2 April, from 09:15 to 11:40 CEST, the reminder queue's Redis hit "
    "its memory limit and evicted the `delayed` set, so every reminder scheduled in that "
    "window (all 3,100 of them) was never sent.\n\n"
    "## Timeline\n\n- 09:15 Redis reaches maxmemory.\n- 10:50 a customer reports a missing "
    "reminder.\n- 11:40 memory limit raised to 2 GB, eviction policy set to noeviction.\n"
)


def test_a_tldr_callout_in_a_block_quote_is_the_summary() -> None:
    doc = doc_of(CALLOUT)
    assert [s.title for s in doc.sections if s.has("summary")] == ["TL;DR"]
    checks = review_text(CALLOUT).checks
    for cid in ("summary.present", "summary.start_time", "summary.end_time", "summary.timezone"):
        assert checks[cid].status == "pass", cid


def test_a_status_field_is_not_a_resolution_section() -> None:
    doc = doc_of(CALLOUT)
    assert not any(s.has("resolution") for s in doc.sections)


def test_a_quoted_status_post_opens_no_section() -> None:
    text = CALLOUT + "\n> **Resolved** — Reminders are being sent again. *Apr 2, 11:45 CEST*\n"
    assert not any(s.has("resolution") for s in doc_of(text).sections)


GLANCE = (
    "# Review: search returned no results\n\n*Search team · reviewed 3 May*\n\n"
    "This review is blameless.\n\n"
    "## At a glance\n\n"
    "On 1 May from 14:05 to 15:20 UTC every search on shop.example returned no results: the "
    "new index alias pointed at an empty index.\n\n"
    "## Timeline\n\n- 14:05 alias switched to the new index.\n- 15:20 alias switched back.\n\n"
    "## What happened and how we fixed it\n\nThe reindex job failed at 13:50 and the alias "
    "switch did not check the document count.\n"
)


def test_an_at_a_glance_section_is_the_summary() -> None:
    doc = doc_of(GLANCE)
    assert [b.line for b in summary_blocks(doc)] == [9]


def test_a_bold_sentence_stating_the_zone_is_no_title_and_states_it() -> None:
    text = (
        "# Postmortem: login outage\n\n**Team:** Ada, Kofi\n"
        "**All times in this document are East Africa Time (EAT, UTC+3).**\n\n"
        "## Summary\n\nFrom 10:05 to 10:50 every login to app.example failed with a 500.\n"
    )
    doc = doc_of(text)
    assert [s.title for s in doc.sections if s.style == "bold"] == []
    assert review_text(text).checks["summary.timezone"].status == "pass"


def test_failures_placed_in_the_thing_they_came_from_name_a_cause() -> None:
    text = GLANCE.replace(
        "returned no results: the new index alias pointed at an empty index.",
        "returned no results. The errors came from the catalog search cluster, whose new "
        "index alias pointed at an empty index.",
    )
    assert "errors came from" in text
    assert review_text(text).checks["summary.root_cause"].status == "pass"


def test_a_key_facts_list_at_the_top_is_the_summary_and_its_cause_label_names_the_cause() -> None:
    text = (
        "# Postmortem: shop API outage\n\n**At a glance**\n\n"
        "- **Start:** 3 May 2025 10:05 UTC\n- **End:** 11:20 UTC (1 hour 15 minutes)\n"
        "- **Impact:** every request to the shop API failed with 502, 100% of users\n"
        "- **Cause:** the nginx upstream pointed at the removed port 8081\n\n"
        "## Timeline\n\n- 10:05 UTC: config v12 deployed.\n- 11:20 UTC: port restored.\n"
    )
    checks = review_text(text).checks
    for cid in (
        "summary.present",
        "summary.start_time",
        "summary.end_time",
        "summary.duration",
        "summary.timezone",
        "summary.affected_share",
        "summary.root_cause",
    ):
        assert checks[cid].status == "pass", cid


MAIL = (
    "From: Ama Mensah <ama@maps.example>\nTo: engineering@maps.example\n"
    "Subject: Postmortem: tiles outage\nDate: Tue, 13 May 2025 08:40:12 +0000\n\n"
    "Hi all,\n\nHere is the write-up of yesterday's outage.\n\n"
    "On 12 May from 09:40 to 11:05 UTC map tiles failed to load for every user of "
    "maps.example, because a CDN rule sent tile requests to an emptied bucket.\n\n"
    "We restored the CDN rule at 11:05 and the tiles loaded again.\n"
)


def test_an_e_mails_header_is_no_part_of_its_summary() -> None:
    doc = doc_of(MAIL)
    assert [b.line for b in summary_blocks(doc)] == [10]
    checks = review_text(MAIL).checks
    assert checks["summary.start_time"].status == "pass"
    assert checks["summary.start_time"].line == 10  # not the Date: header's 08:40:12


def test_a_bold_timezone_label_above_the_summary_states_the_documents_zone() -> None:
    text = (
        "# Postmortem: login outage\n\n**Timezone:** EAT (UTC+3)\n\n## Summary\n\n"
        "From 10:05 to 10:50 every login to app.example failed with a 500 for all users.\n"
    )
    assert doc_of(text).zone_statement == "EAT"
    assert review_text(text).checks["summary.timezone"].status == "pass"


def test_a_number_to_call_is_contact_detail_and_a_paged_phone_is_not() -> None:
    from pmreview.parse.paragraphs import gives_contact

    assert gives_contact("Phone: +44 20 7946 0018 (9:00 to 17:00, Monday to Friday)")
    assert gives_contact("Call our help line on 0800 123 4567 between 8:00 and 17:00.")
    assert not gives_contact("At 10:05 the phone alert woke the on-call engineer.")
