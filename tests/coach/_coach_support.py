"""Helpers of the coach's tests (imported as `_coach_support`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from _support import DATA
from typer.testing import Result

from pmreview.pipeline import Options, review_text

COACH_MD = DATA / "coach.md"


def statuses(text: str, profile: str = "default") -> dict[str, str]:
    review = review_text(text, opts=Options(profile=profile, offline=True))
    return {cid: c.status for cid, c in review.checks.items()}


def coached(in_tmp: Path, name: str, text: str, answers: str, cli: Callable[..., Result]) -> Result:
    (in_tmp / name).write_text(text)
    (in_tmp / "answers.yaml").write_text(answers)
    return cli("coach", name, "--answers", "answers.yaml")
