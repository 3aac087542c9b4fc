"""Fixtures of the merge-request bot's tests: a clean environment (nothing of a real CI job,
LLM endpoint or proxy leaks in), the fake GitLab server, a checked-out project, and `bot`,
which runs `pmreview gitlab` as a merge request pipeline's job would and checks that the token
is in no output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _gitlab_support import TOKEN, Bot, FakeGitLab, Job, job_env
from _support import clean_env
from typer.testing import CliRunner

from pmreview.cli import build


@pytest.fixture(autouse=True)
def _job_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env(monkeypatch, tmp_path, prefixes=("CI_", "GITLAB_"), names=("PMREVIEW_GITLAB_TOKEN",))


@pytest.fixture
def gl() -> Iterator[FakeGitLab]:
    with FakeGitLab() as server:
        yield server


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """The checked-out merge request (CI_PROJECT_DIR)."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    return folder


@pytest.fixture
def bot(gl: FakeGitLab, workspace: Path, monkeypatch: pytest.MonkeyPatch, in_tmp: Path) -> Bot:
    """`bot(*options, env={...})`: `pmreview gitlab` with a job's environment pointing at the
    fake server; `env` values replace (None: remove) the defaults."""

    def run(*options: str, env: dict[str, str | None] | None = None) -> Job:
        with monkeypatch.context() as mp:
            for name, value in {**job_env(gl, workspace), **(env or {})}.items():
                if value is None:
                    mp.delenv(name, raising=False)
                else:
                    mp.setenv(name, value)
            result = CliRunner().invoke(build(), ["gitlab", *options])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert TOKEN not in result.stdout and TOKEN not in result.stderr
        return Job(result, gl)

    return run
