"""action.yml and the README's workflow: the inputs the issue asks for, no input pasted into a
shell script, pull_request (not pull_request_target) with the two permissions; and the action's
run script builds the right `pmreview github` command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import REPO

from pmreview.forge.globs import DEFAULT_GLOBS

yaml = pytest.importorskip("yaml")

ACTION = REPO / "action.yml"


def load_action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text("utf-8"))
    return data


def readme_workflow() -> dict[Any, Any]:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## GitHub pull requests", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the README's GitHub section has a workflow"
    data: dict[Any, Any] = yaml.safe_load(block.group(1))
    return data


def test_action_is_composite_with_the_inputs() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    for name in ("globs", "profile", "fail-on", "model", "base-url", "version", "python-version"):
        assert name in inputs and "description" in inputs[name]
    assert inputs["token"]["default"] == "${{ github.token }}"
    assert inputs["fail-on"]["default"] == "error"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = " ".join(s.get("run", "") for s in steps)
    assert "pip install" in install and "ACTION_PATH" in install
    assert any(s.get("env", {}).get("ACTION_PATH") == "${{ github.action_path }}" for s in steps)
    run = steps[-1]
    assert run["env"]["GITHUB_TOKEN"] == "${{ inputs.token }}"
    assert "github" in run["run"]


def test_no_expression_is_pasted_into_a_script() -> None:
    """`${{ inputs.x }}` inside `run:` would let an input inject shell code."""
    for step in load_action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step


def test_readme_workflow_uses_pull_request_with_two_permissions() -> None:
    flow = readme_workflow()
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(on) == {"pull_request"}
    assert flow["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = flow["jobs"]["review"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert re.fullmatch(r"[\w-]+/pmreview@\S+", steps[1]["uses"])
    assert tuple(on["pull_request"]["paths"]) == DEFAULT_GLOBS  # the filter and the bot agree


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({}, ["github", "--fail-on", "error"]),
        (
            {
                "INPUT_GLOBS": "docs/incidents/**/*.md\r\n  ops/*.md  \n\n",
                "INPUT_PROFILE": "google-sre",
                "INPUT_FAIL_ON": "warning",
                "INPUT_MODEL": "m; rm -rf /",
                "INPUT_BASE_URL": "http://127.0.0.1:8080/v1",
                "INPUT_OFFLINE": "true",
            },
            [
                "github",
                "--fail-on",
                "warning",
                "--glob",
                "docs/incidents/**/*.md",
                "--glob",
                "ops/*.md",
                "--profile",
                "google-sre",
                "--model",
                "m; rm -rf /",
                "--base-url",
                "http://127.0.0.1:8080/v1",
                "--offline",
            ],
        ),
        ({"INPUT_GLOBS": "only/*.md"}, ["github", "--fail-on", "error", "--glob", "only/*.md"]),
    ],
)
def test_the_run_script_builds_the_command(
    tmp_path: Path, inputs: dict[str, str], expected: list[str]
) -> None:
    stub = tmp_path / "pmreview"
    stub.write_text(
        f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n", "utf-8"
    )
    stub.chmod(0o755)
    script = load_action()["runs"]["steps"][-1]["run"]
    env = {"PATH": os.environ["PATH"], "PMREVIEW_BIN": str(stub), **inputs}
    proc = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected
