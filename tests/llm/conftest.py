"""Fixtures of the LLM stage's tests: a clean environment (no real endpoint, key or proxy), the
scripted fake server, and `check`, which runs `pmreview check` against it and returns the
validated JSON report."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _llm_support import Check, FakeLLM, Run
from _support import clean_env
from jsonschema import Draft202012Validator
from typer.testing import Result


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: starts a real LLM server (deselect with -m 'not slow')"
    )


@pytest.fixture(autouse=True)
def _llm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Nothing from the developer's environment reaches these tests, and the default cache
    is a temporary folder."""
    clean_env(monkeypatch, tmp_path)


@pytest.fixture
def fake_llm() -> Iterator[FakeLLM]:
    server = FakeLLM()
    with server:
        yield server


@pytest.fixture
def check(
    cli: Callable[..., Result],
    fake_llm: FakeLLM,
    tmp_path: Path,
    report_validator: Draft202012Validator,
) -> Check:
    """`check(doc, *options)`: `pmreview check` against the fake server (model `m`, a cache in
    tmp unless the options name one, JSON unless they say otherwise), timed; the JSON report
    is validated against schemas/report.schema.json."""

    def run(doc: Path | str, *options: str, base_url: str | None = None) -> Run:
        args = ["check", str(doc)]
        if "--offline" not in options and "--replay" not in options:
            args += ["--base-url", base_url or fake_llm.url]
            if "--model" not in options:
                args += ["--model", "m"]
        if "--cache-dir" not in options and "--no-cache" not in options:
            args += ["--cache-dir", str(tmp_path / "cache")]
        if "--format" not in options:
            args += ["--format", "json"]
        started = time.monotonic()
        result = cli(*args, *options)
        elapsed = time.monotonic() - started
        report = None
        if "--format" not in options or "json" in options:
            report = json.loads(result.stdout)
            report_validator.validate(report)
        return Run(result, elapsed, report)

    return run
