"""The wheel ships what an installed pmreview needs outside the repository: the profiles, the
report schema and the examples."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile

import pytest
from _support import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling is not installed (needed to build the wheel offline)")
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("pmreview-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_schemas_and_examples(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "pmreview/schemas/profiles/default.schema.json" in names
    assert "pmreview/schemas/report.schema.json" in names
    assert "pmreview/schemas/config.schema.json" in names
    assert "pmreview/schemas/facts.schema.json" in names
    examples = [n for n in names if n.startswith("pmreview/examples/") and n.endswith(".md")]
    assert examples
    assert "pmreview/__main__.py" in names
    assert "pmreview/data/vague.toml" in names
    assert "pmreview/data/zones.toml" in names
    assert "pmreview/data/tables.json" in names  # what a review reads of them


def test_wheel_has_the_console_script(wheel: zipfile.ZipFile) -> None:
    entry = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    assert "pmreview = pmreview.cli:main" in wheel.read(entry).decode()


def test_wheel_schemas_match_the_repository(wheel: zipfile.ZipFile) -> None:
    for rel in ("report.schema.json", "profiles/default.schema.json"):
        assert wheel.read(f"pmreview/schemas/{rel}") == (REPO / "schemas" / rel).read_bytes()


def test_wheel_contains_no_tests_or_caches(wheel: zipfile.ZipFile) -> None:
    for name in wheel.namelist():
        assert "__pycache__" not in name and not name.startswith("tests/"), name
