"""The pipeline analyses each document once: the LLM stage, the renderers and the coach add to
the review's analysis instead of parsing or running the rules again."""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import REPO

from pmreview import rules
from pmreview.llm import LLMConfig
from pmreview.llm.replay import ReplayClient
from pmreview.pipeline import Options, analysis, review_paths
from pmreview.render import render

FIXTURES = REPO / "fixtures" / "llm"
STAMPEDE = REPO / "fixtures" / "docs" / "cache-stampede.md"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the parser and the rule engine run."""
    calls = {"parse": 0, "rules": 0}
    real_parse, real_run = analysis.parse, rules.run

    def parse(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["parse"] += 1
        return real_parse(*args, **kwargs)

    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["rules"] += 1
        return real_run(*args, **kwargs)

    monkeypatch.setattr(analysis, "parse", parse)
    monkeypatch.setattr(analysis.rules, "run", run)
    return calls


def _llm_options(tmp_path: Path) -> Options:
    config = LLMConfig(base_url="replay", model="authored-model", use_cache=False)
    return Options(llm=config, llm_client=ReplayClient(FIXTURES))


def test_with_an_llm_parse_and_rules_run_once_per_document(
    counted: dict[str, int], tmp_path: Path
) -> None:
    report = review_paths([str(STAMPEDE)], _llm_options(tmp_path), jobs=1)
    (doc,) = report.documents
    assert doc.llm["status"] == "ok"  # the LLM's answer was merged ...
    assert any(f.source == "llm" for f in doc.findings)
    assert counted == {"parse": 1, "rules": 1}  # ... into the one analysis


def test_every_format_renders_without_parsing_again(counted: dict[str, int]) -> None:
    report = review_paths([str(STAMPEDE)], Options(offline=True), jobs=1)
    for fmt in ("text", "json", "markdown", "sarif", "github", "html"):
        assert render(report, fmt)
    assert counted == {"parse": 1, "rules": 1}


def test_the_review_keeps_its_document() -> None:
    report = review_paths([str(STAMPEDE)], Options(offline=True), jobs=1)
    (doc,) = report.documents
    assert doc.document is not None and doc.source is not None
    assert doc.document.source.path == doc.path == str(STAMPEDE)
    assert doc.document.timeline  # the parsed timeline, for the HTML axis and the coach
