"""The pre-commit hook of .pre-commit-hooks.yaml: its `files` pattern is the GitHub bot's
default globs, and, run by pre-commit itself (`pre-commit try-repo` on this repository), it
fails a postmortem that misses required elements and passes a complete one.

pre-commit builds the hook's environment with `pip install .`; offline, the environment
reuses the installed dependencies (virtualenv's system-site-packages) and pip builds the
wheel with the installed hatchling from no index, so the test never reaches the network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from _support import DATA, REPO

from pmreview.forge.globs import DEFAULT_GLOBS, matches_any

MANIFEST = REPO / ".pre-commit-hooks.yaml"

# A postmortem written for this test: no timeline, no timezone, vague throughout.
BAD = """\
# Outage on Tuesday

## Summary

The site was down for a while and some users were affected. The root cause was a glitch.

## Follow-up

- Improve monitoring
"""

PATHS = (
    "postmortem.md",
    "postmortems.md",
    "docs/postmortem-2024-03-16.md",
    "postmortems/2024/db.md",
    "team/postmortems/README.md",
    "post-mortem.md",
    "docs/2024-checkout-post-mortem.md",
    "incident-42.md",
    "docs/incidents/outage.md",
    "Postmortem.md",
    "xpostmortem.md",
    "postmortem.txt",
    "docs/postmortem.markdown",
    "notes.md",
)


def hook() -> dict[str, Any]:
    hooks: list[dict[str, Any]] = yaml.safe_load(MANIFEST.read_text("utf-8"))
    [pmreview] = [h for h in hooks if h["id"] == "pmreview"]
    return pmreview


def test_the_hook_reviews_offline_what_it_is_given() -> None:
    h = hook()
    assert h["entry"] == "pmreview check --offline"
    assert h["language"] == "python" and h["pass_filenames"] is True


def test_the_files_pattern_is_the_bot_s_default_globs() -> None:
    pattern = re.compile(hook()["files"])  # pre-commit searches the path with it
    assert {p: bool(pattern.search(p)) for p in PATHS} == {
        p: matches_any(p, DEFAULT_GLOBS) for p in PATHS
    }
    assert sum(matches_any(p, DEFAULT_GLOBS) for p in PATHS) == 8


def test_the_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    [loaded] = clientlib.load_manifest(str(MANIFEST))
    assert loaded["id"] == "pmreview"


def _offline_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the hook's own install
    env.update(
        PRE_COMMIT_HOME=str(tmp / "cache"),
        VIRTUALENV_SYSTEM_SITE_PACKAGES="1",  # the dependencies already installed
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of --no-build-isolation (hatchling)
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


def _try_repo(project: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "pmreview", "--files", *files],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository with a bad postmortem, a complete one, and the bad text in a file the
    hook must not look at."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs git and this repository as a git checkout")
    if sys.prefix != sys.base_prefix:
        pytest.skip(
            "in a virtual environment: pre-commit's hook environment can reuse offline only the "
            "packages of the base interpreter, which lacks pmreview's dependencies"
        )
    work = tmp_path / "project"
    (work / "docs").mkdir(parents=True)
    (work / "docs" / "postmortem-bad.md").write_text(BAD)
    (work / "docs" / "notes.md").write_text(BAD)
    shutil.copy(DATA / "good.md", work / "docs" / "postmortem-good.md")
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run(["git", "add", "."], cwd=work, check=True)
    return work


def test_pre_commit_fails_a_bad_postmortem_and_passes_a_complete_one(
    project: Path, tmp_path: Path
) -> None:
    env = _offline_env(tmp_path)
    bad = _try_repo(project, env, "docs/postmortem-bad.md", "docs/notes.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^pmreview\.+Failed$", bad.stdout, re.M), bad.stdout
    assert "docs/postmortem-bad.md:" in bad.stdout and "timeline.present [error]" in bad.stdout
    assert "notes.md" not in bad.stdout  # not a postmortem by its name: not reviewed
    good = _try_repo(project, env, "docs/postmortem-good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^pmreview\.+Passed$", good.stdout, re.M), good.stdout
