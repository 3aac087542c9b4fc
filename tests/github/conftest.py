"""Fixtures of the bot's tests: a clean environment (nothing of a real Actions job, LLM
endpoint or proxy leaks in), the fake GitHub server, a checked-out workspace, and `bot`, which
runs `pmreview github` as a job would and checks that the token is in no output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _github_support import REPO, TOKEN, Bot, FakeGitHub, Job, write_event
from _support import clean_env
from typer.testing import CliRunner

from pmreview.cli import build


@pytest.fixture(autouse=True)
def _job_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env(monkeypatch, tmp_path, prefixes=("GITHUB_", "RUNNER_"))


@pytest.fixture
def gh() -> Iterator[FakeGitHub]:
    with FakeGitHub() as server:
        yield server


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The checked-out pull request (GITHUB_WORKSPACE)."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    return folder


@pytest.fixture
def bot(
    gh: FakeGitHub, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_tmp: Path
) -> Bot:
    """`bot(*options, env={...})`: `pmreview github` with a job's environment pointing at the
    fake server; `env` values replace (None: remove) the defaults."""
    event = write_event(tmp_path)

    def run(*options: str, env: dict[str, str | None] | None = None) -> Job:
        job_env: dict[str, str | None] = {
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": gh.url,
            "GITHUB_WORKSPACE": str(workspace),
            **(env or {}),
        }
        with monkeypatch.context() as mp:
            for name, value in job_env.items():
                if value is None:
                    mp.delenv(name, raising=False)
                else:
                    mp.setenv(name, value)
            result = CliRunner().invoke(build(), ["github", *options])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert TOKEN not in result.stdout and TOKEN not in result.stderr
        return Job(result, gh)

    return run
