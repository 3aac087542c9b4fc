"""Every format through the command line: `--format NAME` and `-o FILE`, deterministic output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _render_support import NIGHT
from typer.testing import Result

from pmreview.render import FORMATS

FIRST = {
    "text": "── Issue Summary",
    "json": "{",
    "markdown": "<!-- pmreview -->",
    "sarif": "{",
    "github": "::warning ",
    "html": "<!DOCTYPE html>",
    "rdjson": "{",
    "rdjsonl": '{"message": ',
    "codequality": "[",
    "csv": "path,score,summary.present,",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_from_the_command_line(
    fmt: str, cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    first = cli("check", "--offline", "--fail-on", "warning", "-f", fmt, "night.md")
    assert first.exit_code == 1  # the example has warnings
    assert first.stdout.startswith(FIRST[fmt])
    assert cli("check", "--offline", "-f", fmt, "night.md").stdout == first.stdout
    written = cli("check", "--offline", "-f", fmt, "-o", "out.txt", "night.md")
    assert written.stdout == "" and (in_tmp / "out.txt").read_text("utf-8") == first.stdout


def test_an_unknown_format_lists_the_new_ones(cli: Callable[..., Result], in_tmp: Path) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    result = cli("check", "--offline", "-f", "pdf", "night.md")
    assert result.exit_code == 2
    assert (
        "choose from: text, json, markdown, sarif, github, html, rdjson, rdjsonl, codequality, csv"
        in result.stderr
    )


@pytest.mark.parametrize("fmt", ["rdjson", "rdjsonl", "codequality", "csv"])
def test_the_config_file_may_name_the_new_formats(
    fmt: str, cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    (in_tmp / ".pmreview.toml").write_text(f'format = "{fmt}"\n')
    result = cli("check", "--offline", "night.md")
    assert result.exit_code == 0 and result.stdout.startswith(FIRST[fmt])
