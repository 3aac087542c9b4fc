"""The two original postmortems (../shared/seeds, read where they are, never copied) keep what
the earlier issues asked of them: seed 000's missing end time, duration, share and cause
detail, its vague phrases and its 01:00 vs 01:20 inconsistency; seed 002's missing timeline,
timezone, end time and share, and its e-mail address and phone number as privacy findings."""

from __future__ import annotations

import pytest
from _support import SHARED

from pmreview.models import DocumentReview
from pmreview.pipeline import review_text

SEEDS = SHARED / "seeds"


def _report(name: str) -> DocumentReview:
    found = sorted(SEEDS.glob(f"{name}_*.txt"))
    if not found:
        pytest.skip(f"seed {name} is not in {SEEDS} (the shared folder beside the repository)")
    return review_text(found[0].read_text(encoding="utf-8"), found[0].name)


def _failing(report: DocumentReview) -> set[str]:
    return {k for k, v in report.checks.items() if v.status == "fail"}


def _quotes(report: DocumentReview, *rules: str) -> list[str]:
    return [f.quote for f in report.findings if f.rule in rules]


def test_seed_000_fails_what_it_leaves_out_and_passes_what_it_has() -> None:
    report = _report("000")
    failing = _failing(report)
    assert {
        "summary.duration",
        "summary.end_time",
        "summary.affected_share",
        "root_cause.detail",
        "resolution.detail",
    } <= failing
    assert (
        not {
            "summary.present",
            "summary.start_time",
            "summary.timezone",  # "(22:00 GMT)"
            "timeline.present",
            "timeline.format",
            "timeline.detection",
            "timeline.resolution",
            "root_cause.present",
            "measures.present",
        }
        & failing
    )


def test_seed_000_names_its_vague_phrases_and_the_two_start_times() -> None:
    report = _report("000")
    vague = " | ".join(_quotes(report, "PM101", "PM102", "PM103", "PM104"))
    for phrase in ("several users", "some framework problem", "glitch", "Be cautious"):
        assert phrase in vague
    assert "01:00" in _quotes(report, "PM401")  # the summary's 01:00, the timeline's 01:20


def test_seed_002_misses_its_timeline_zone_end_and_share_and_shows_personal_data() -> None:
    report = _report("002")
    assert {
        "timeline.present",
        "summary.timezone",
        "summary.end_time",
        "summary.affected_share",
    } <= _failing(report)
    (mail,) = _quotes(report, "PM601")
    (phone,) = _quotes(report, "PM602")
    assert "@" in mail and phone.lstrip("+").isdigit()
