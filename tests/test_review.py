"""The merge stage of the pipeline: repeated words collapse into one finding."""

from __future__ import annotations

from pmreview.pipeline import review_text

TEXT = """\
## Summary
On 2025-01-10 from 10:00 to 11:00 UTC the app had a glitch.

## Impact
The glitch stopped payments. Another glitch followed.

## Root cause
A glitch.
"""


def test_same_words_again_are_one_finding_naming_the_other_lines() -> None:
    review = review_text(TEXT)
    glitches = [f for f in review.findings if f.rule == "PM101" and f.quote.lower() == "glitch"]
    assert len(glitches) == 1
    assert glitches[0].line == 2
    assert "again on lines 5, 8" in glitches[0].message


def test_different_words_stay_separate() -> None:
    review = review_text("## Summary\nSeveral users saw errors. Many customers left.\n")
    quotes = sorted(f.quote for f in review.findings if f.rule == "PM102")
    assert quotes == ["Many customers", "Several users"]


def test_a_wish_is_not_also_reported_as_a_task_without_object() -> None:
    text = "## Action items\n- Be more careful.\n- Add an alert on disk usage of db-1 above 85%.\n"
    rules = {f.rule for f in review_text(text).findings if f.line == 2}
    assert "PM104" in rules
    assert "PM502" not in rules


def test_a_missing_section_is_one_finding_naming_what_fails_with_it() -> None:
    text = (
        "## Summary\nOn 2025-01-10 from 10:00 to 11:00 UTC all users saw 503 errors on the api.\n"
    )
    review = review_text(text)
    assert review.checks["timeline.format"].status == "fail"  # the contract keeps every verdict
    timeline = [f for f in review.findings if f.rule.startswith("timeline.")]
    present = [f for f in timeline if f.rule == "timeline.present"]
    assert len(present) == 1
    assert "timeline.format" in present[0].message
    assert not any(f.rule in ("timeline.format", "timeline.detection") for f in timeline)
    # misleading paths are looked for in the whole document: still its own finding
    assert any(f.rule == "timeline.misleading" for f in timeline)


def test_a_titled_summary_counts_even_when_short() -> None:
    review = review_text("## Summary\nThe api failed.\n")
    assert review.checks["summary.present"].status == "pass"


def test_might_match_is_a_pre_check_on_the_anchors() -> None:
    from pmreview.text.anchors import anchors
    from pmreview.text.prefilter import might_match

    patterns = [r"\bcareless(?:ly)?\b", r"\b(?:stupid|dumb)\b"]
    hints = tuple(sorted(lit.text for p in patterns for lit in anchors(p) or ()))
    assert hints == ("careless", "dumb", "stupid")
    assert might_match("a careless change", hints) and not might_match("a clean change", hints)
    # a pattern with no literal of three characters: no pre-check is possible
    assert anchors(r"\btb[da]\b") is None
    assert might_match("anything", None)


def test_owner_and_ticket_rules_are_quiet_when_the_profile_checks_them() -> None:
    from pmreview.pipeline import Options

    text = (
        "## Summary\nThe api failed.\n\n## Action Items\n\n"
        "- Add an alert on disk usage of db-1 above 85%\n- Add a runbook for db-1 failover\n"
    )
    sre = {
        f.rule for f in review_text(text, opts=Options(profile="google-sre", offline=True)).findings
    }
    assert {"action_items.owner", "action_items.bug"} <= sre
    assert not {"PM503", "PM504"} & sre
    default = {f.rule for f in review_text(text, opts=Options(offline=True)).findings}
    assert {"PM503", "PM504"} <= default
