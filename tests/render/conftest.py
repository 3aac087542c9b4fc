"""Fixtures of the renderers' tests: reports built from example postmortems written for these
tests, the report of seed 000 (read from ../shared, never copied), and one with LLM findings
and tasks (answered from the recorded fixtures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _render_support import SEED_000
from _support import REPO

from pmreview.config import llm_settings
from pmreview.models import Report
from pmreview.pipeline import Options, review_paths
from pmreview.source import from_text


@pytest.fixture
def review() -> Callable[..., Report]:
    """`review(text, path)`: the offline review of a text, as a one-document report."""

    def run(text: str, path: str = "docs/pm.md") -> Report:
        from pmreview.pipeline import review_document

        doc = review_document(from_text(text, path), Options(offline=True))
        return Report(profile="default", documents=[doc], errors=[])

    return run


@pytest.fixture(scope="session")
def seed000() -> Path:
    if not SEED_000.is_file():
        pytest.skip(f"seed 000 is not at {SEED_000} (the shared folder beside the repository)")
    return SEED_000


@pytest.fixture(scope="session")
def seed_report(seed000: Path) -> Report:
    return review_paths([str(seed000)], Options(offline=True))


@pytest.fixture(scope="session")
def llm_report() -> Report:
    """cache-stampede.md reviewed with the authored LLM answer: LLM findings and two tasks."""
    config, client = llm_settings(
        {},
        base_url=None,
        model="authored-model",
        timeout=None,
        redact=True,
        cache_dir=None,
        use_cache=False,
        jobs=1,
        replay=REPO / "fixtures" / "llm",
    )
    opts = Options(llm=config, llm_client=client)
    report = review_paths([str(REPO / "fixtures" / "docs" / "cache-stampede.md")], opts)
    assert report.documents[0].llm["status"] == "ok" and report.documents[0].tasks
    return report
