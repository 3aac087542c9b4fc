"""An offline review never imports the LLM client's dependencies (openai, tenacity): they are
slow to import and must not be needed to lint a postmortem. Nor, with a built-in profile and no
config file, jsonschema (~45 ms of every start): built-in profiles are evaluated in profile.py.
And a command imports no other command's module: main() builds only the command it runs. Nor
does a review import the catalog (every entry documented, and difflib) unless it lists,
selects or documents ids: a plain review needs only a constant (models.CHECK_CATEGORY)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _support import REPO

from pmreview.checks.profile import builtin_profiles
from pmreview.cli import COMMANDS

HEAVY = ("openai", "tenacity", "httpx", "httpx2")
COMMAND_MODULES = tuple(f"pmreview.cli.{name}" for name in COMMANDS)

API = """
import sys
from pmreview.pipeline import Options, review_paths
report = review_paths([{path!r}], Options(offline=True, profile={profile!r}))
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
    proc = run(API.format(path=str(vague_md), heavy=HEAVY, profile="default"), tmp_path)
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


@pytest.mark.parametrize("profile", builtin_profiles())
def test_offline_review_with_a_builtin_profile_imports_no_jsonschema(
    tmp_path: Path, vague_md: Path, profile: str
) -> None:
    proc = run(API.format(path=str(vague_md), heavy=("jsonschema",), profile=profile), tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False"]


def test_a_profile_file_does_import_jsonschema(tmp_path: Path, vague_md: Path) -> None:
    """The probe above would show an import: a profile file is checked with jsonschema."""
    own = tmp_path / "own.schema.json"
    own.write_text((REPO / "schemas" / "profiles" / "default.schema.json").read_text())
    proc = run(API.format(path=str(vague_md), heavy=("jsonschema",), profile=str(own)), tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True"]


@pytest.mark.parametrize(("config", "imported"), [(None, "False"), ('fail-on = "never"\n', "True")])
def test_cli_imports_jsonschema_only_for_a_config_file(
    tmp_path: Path, vague_md: Path, config: str | None, imported: str
) -> None:
    if config is not None:
        (tmp_path / ".pmreview.toml").write_text(config)
    args = ["--format", "json", "--offline", str(vague_md)]
    proc = run(CLI.format(args=args, heavy=("jsonschema",)), tmp_path)
    assert proc.stderr.strip().splitlines()[-1] == imported, proc.stderr


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["rules"], "rules"),
        (["{path}"], "check"),
        (["-o", "rules", "--offline", "{path}"], "check"),
        (["explain", "PM101"], "explain"),
        (["init", "-"], "init"),
        (["fixtures", "author", "--help"], "fixtures"),
        (["--help"], None),  # every command listed: every module imported
    ],
)
def test_a_command_imports_no_other_command(
    tmp_path: Path, vague_md: Path, args: list[str], command: str | None
) -> None:
    argv = [a.format(path=vague_md) for a in args]
    proc = run(CLI.format(args=argv, heavy=COMMAND_MODULES), tmp_path)
    flags = proc.stderr.strip().splitlines()[-1].split()
    assert flags == [str(command in (None, name)) for name in COMMANDS], proc.stderr


def test_a_plain_review_imports_no_catalog(tmp_path: Path, vague_md: Path) -> None:
    args = ["--format", "json", "--offline", str(vague_md)]
    proc = run(CLI.format(args=args, heavy=("pmreview.catalog",)), tmp_path)
    assert proc.stderr.strip().splitlines()[-1] == "False", proc.stderr


def test_selecting_ids_does_import_the_catalog(tmp_path: Path, vague_md: Path) -> None:
    """The probe above would show the import: selectors are checked against the catalog."""
    args = ["--format", "json", "--offline", "--select", "PM1", str(vague_md)]
    proc = run(CLI.format(args=args, heavy=("pmreview.catalog",)), tmp_path)
    assert proc.stderr.strip().splitlines()[-1] == "True", proc.stderr
