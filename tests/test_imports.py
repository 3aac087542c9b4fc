"""An offline review never imports the LLM client's dependencies (openai, tenacity): they are
slow to import and must not be needed to lint a postmortem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("openai", "tenacity", "httpx", "httpx2")

API = """
import sys
from pmreview.review import Options, review_paths
report = review_paths([{path!r}], Options(offline=True))
assert report.documents and not report.errors
print(*[m in sys.modules for m in {heavy!r}])
"""

CLI = """
import sys
from pmreview.cli import main
sys.argv = ["pmreview", *{args!r}]
try:
    main()
except SystemExit:
    pass
print(*[m in sys.modules for m in {heavy!r}], file=sys.stderr)
"""


def run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter where the HEAVY modules are importable even when they
    are not installed (empty stand-ins first on sys.path), so an import shows."""
    stubs = cwd / "stubs"
    for name in HEAVY:
        (stubs / name).mkdir(parents=True, exist_ok=True)
        (stubs / name / "__init__.py").write_text("")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(stubs), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


def test_the_stand_ins_would_show_an_import(tmp_path: Path) -> None:
    proc = run(
        f"import sys, {', '.join(HEAVY)}; print(*[m in sys.modules for m in {HEAVY!r}])",
        tmp_path,
    )
    assert proc.stdout.split() == ["True"] * len(HEAVY), proc.stderr


def test_api_review_imports_no_llm_client(tmp_path: Path, vague_md: Path) -> None:
    proc = run(API.format(path=str(vague_md), heavy=HEAVY), tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False"] * len(HEAVY), proc.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json", "--offline", "{path}"],
        ["{path}"],
        ["rules", "--format", "json"],
        ["--version"],
    ],
)
def test_cli_imports_no_llm_client(tmp_path: Path, vague_md: Path, args: list[str]) -> None:
    argv = [a.format(path=vague_md) for a in args]
    proc = run(CLI.format(args=argv, heavy=HEAVY), tmp_path)
    flags = proc.stderr.strip().splitlines()[-1].split()
    assert flags == ["False"] * len(HEAVY), proc.stderr
