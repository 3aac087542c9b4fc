"""Bad input: one `pmreview: error:` line on stderr, exit code 2, never a traceback.
Good input in unusual encodings (BOM, CRLF) is reviewed with the right positions."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]
Setup = Callable[[Path], list[str]]


def _file(name: str, data: bytes) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / name).write_bytes(data)
        return ["check", str(tmp / name)]

    return setup


def _missing(tmp: Path) -> list[str]:
    return ["check", str(tmp / "nope.md")]


def _empty_dir(tmp: Path) -> list[str]:
    (tmp / "notes").mkdir()
    (tmp / "notes" / "script.py").write_text("print('hi')\n")
    (tmp / "notes" / ".hidden.md").write_text("# Summary\n")
    return ["check", str(tmp / "notes")]


def _big(tmp: Path) -> list[str]:
    path = tmp / "big.md"
    with path.open("wb") as f:
        line = b"- 10:00 UTC - the same line again, to make a very large postmortem.\n"
        f.write(line * (5 * 1024 * 1024 // len(line) + 2))
    return ["check", str(path)]


def _config(name: str, text: str) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / name).write_text(text)
        (tmp / "pm.md").write_text("# Summary\n\nThe api failed.\n")
        return ["check", str(tmp / "pm.md")]  # discovered from the working folder

    return setup


def _explicit_config(text: str | None) -> Setup:
    def setup(tmp: Path) -> list[str]:
        conf = tmp / "conf" / "review.toml"
        if text is not None:
            conf.parent.mkdir()
            conf.write_text(text)
        (tmp / "pm.md").write_text("# Summary\n\nThe api failed.\n")
        return ["check", "--config", str(conf), str(tmp / "pm.md")]

    return setup


def _profile(text: str) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / "custom.schema.json").write_text(text)
        (tmp / "pm.md").write_text("# Summary\n\nThe api failed.\n")
        return ["check", "--profile", str(tmp / "custom.schema.json"), str(tmp / "pm.md")]

    return setup


def _with(args: list[str]) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / "pm.md").write_text("# Summary\n\nThe api failed.\n")
        return [a.replace("PM", str(tmp / "pm.md")) for a in args]

    return setup


def _unwritable_output(tmp: Path) -> list[str]:
    (tmp / "pm.md").write_text("# Summary\n\nThe api failed.\n")
    return ["check", "-o", str(tmp / "no" / "such" / "folder" / "out.txt"), str(tmp / "pm.md")]


CASES: dict[str, tuple[Setup, str]] = {
    "missing file": (_missing, "no such file"),
    "folder without postmortems": (_empty_dir, "no postmortems"),
    "empty file": (_file("empty.md", b""), "empty"),
    "whitespace only": (_file("blank.md", b"  \n\t\n\r\n   \n"), "empty"),
    "BOM only": (_file("bom.md", b"\xef\xbb\xbf\n"), "empty"),
    "binary": (_file("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"), "binary"),
    "invalid utf-8": (
        _file("latin1.md", "# Résumé\n\nLe café a planté.\n".encode("latin-1")),
        "UTF-8",
    ),
    "utf-16": (_file("utf16.md", "# Summary\n\nThe api failed.\n".encode("utf-16")), "UTF-16"),
    "over 5 MB": (_big, "5 MB"),
    "unknown profile": (_with(["check", "--profile", "nosuch", "PM"]), "unknown profile"),
    "unknown format": (_with(["check", "--format", "xml", "PM"]), "unknown format"),
    "invalid TOML": (_config(".pmreview.toml", "select = [PM101\n"), "invalid TOML"),
    "unknown config key": (_config(".pmreview.toml", 'colour = "always"\n'), "colour"),
    "wrong config type": (_config(".pmreview.toml", 'select = "PM101"\n'), "select"),
    "wrong config value": (_config(".pmreview.toml", 'fail-on = "sometimes"\n'), "fail-on"),
    "bad pyproject table": (
        _config("pyproject.toml", '[tool.pmreview]\noffline = "yes"\n'),
        "offline",
    ),
    "invalid TOML in --config": (_explicit_config("format = \n"), "invalid TOML"),
    "missing --config": (_explicit_config(None), "not found"),
    "profile not JSON": (_profile('{"title": "x",\n'), "cannot read profile"),
    "profile not a schema": (_profile('{"type": 12, "x-checks": {"a.b": {}}}'), "JSON Schema"),
    "profile without x-checks": (_profile('{"type": "object"}'), "x-checks"),
    "unwritable output": (_unwritable_output, "cannot write"),
    "rules: unknown format": (lambda tmp: ["rules", "--format", "xml"], "unknown format"),
    "rules: unknown profile": (lambda tmp: ["rules", "--profile", "nosuch"], "unknown profile"),
}


def assert_one_error_line(result: Result, expect: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 1, result.stderr
    assert err_lines[0].startswith("pmreview: error: "), result.stderr
    assert expect in err_lines[0]
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input(cli: Cli, tmp_path: Path, in_tmp: Path, case: str) -> None:
    setup, expect = CASES[case]
    args = setup(in_tmp)
    assert_one_error_line(cli(*args), expect)


USAGE = {
    "unknown option": (["--bogus", "x.md"], "No such option: --bogus"),
    "bad --fail-on": (["check", "--fail-on", "sometimes", "x.md"], "--fail-on"),
    "no path": (["check"], "Missing argument 'PATHS...'"),
    "bad --jobs": (["check", "--jobs", "0", "x.md"], "--jobs"),
}


@pytest.mark.parametrize("case", list(USAGE))
def test_usage_errors_are_one_line_in_a_real_process(tmp_path: Path, case: str) -> None:
    """click's own usage errors get the same one-line treatment as pmreview's."""
    args, expect = USAGE[case]
    proc = subprocess.run(
        [sys.executable, "-m", "pmreview", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [proc.stderr.strip()]
    assert proc.stderr.startswith("pmreview: error: ") and expect in proc.stderr
    assert "Possible options" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("case", ["missing file", "binary", "invalid TOML", "profile not JSON"])
def test_bad_input_in_a_real_process(tmp_path: Path, case: str) -> None:
    setup, expect = CASES[case]
    args = setup(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "pmreview", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [proc.stderr.strip()]
    assert proc.stderr.startswith("pmreview: error: ") and expect in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_json_report_is_still_written_when_every_file_is_bad(cli: Cli, in_tmp: Path) -> None:
    result = cli("check", "-f", "json", str(in_tmp / "nope.md"))
    assert_one_error_line(result, "no such file")
    report = json.loads(result.stdout)
    assert report["documents"] == []
    assert report["errors"] == [
        {"path": str(in_tmp / "nope.md"), "message": f"{in_tmp / 'nope.md'}: no such file"}
    ]


def test_text_output_is_empty_when_every_file_is_bad(cli: Cli, in_tmp: Path) -> None:
    result = cli("check", str(in_tmp / "nope.md"))
    assert result.stdout == ""


def test_empty_stdin(cli: Cli) -> None:
    assert_one_error_line(cli("check", "-", input=""), "<stdin>")


def test_batch_keeps_going(cli: Cli, in_tmp: Path, good_md: Path, report_validator: object) -> None:
    (in_tmp / "bin.md").write_bytes(b"\x00\x01")
    result = cli(
        "check", "-f", "json", str(good_md), str(in_tmp / "missing.md"), str(in_tmp / "bin.md")
    )
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert not list(report_validator.iter_errors(report))  # type: ignore[attr-defined]
    assert [d["path"] for d in report["documents"]] == [str(good_md)]
    assert [e["path"] for e in report["errors"]] == [
        str(in_tmp / "missing.md"),
        str(in_tmp / "bin.md"),
    ]
    err = result.stderr.splitlines()
    assert len(err) == 2 and all(line.startswith("pmreview: error: ") for line in err)
    assert "no such file" in err[0] and "binary" in err[1]
    # text: the good one is reviewed on stdout, the bad ones are on stderr only
    text = cli("check", str(good_md), str(in_tmp / "missing.md"))
    assert text.exit_code == 2
    assert "21/21 required elements present" in text.stdout
    assert "missing.md" not in text.stdout
    assert text.stderr.strip() == f"pmreview: error: {in_tmp / 'missing.md'}: no such file"


# --------------------------------------------------------------------------- unusual but good


def _positions(result: Result) -> list[tuple[str, int, int, int, int, str]]:
    doc = json.loads(result.stdout)["documents"][0]
    return [
        (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["quote"])
        for f in doc["findings"]
    ]


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf", "cr"])
def test_bom_and_line_ends(cli: Cli, in_tmp: Path, vague_md: Path, variant: str) -> None:
    text = vague_md.read_text("utf-8")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    odd = in_tmp / f"{variant}.md"
    odd.write_bytes(data)
    expected = cli("check", "-f", "json", str(vague_md))
    got = cli("check", "-f", "json", str(odd))
    assert got.exit_code == expected.exit_code == 1
    assert _positions(got) == _positions(expected)
    assert any(q == "glitch" for *_, q in _positions(got))
    assert (
        json.loads(got.stdout)["documents"][0]["checks"]
        == json.loads(expected.stdout)["documents"][0]["checks"]
    )


def test_bom_crlf_on_stdin(cli: Cli, vague_md: Path) -> None:
    data = b"\xef\xbb\xbf" + vague_md.read_text("utf-8").replace("\n", "\r\n").encode("utf-8")
    got = cli("check", "-f", "json", "-", input=data)
    assert _positions(got) == _positions(cli("check", "-f", "json", str(vague_md)))


def test_non_ascii_columns_count_characters(cli: Cli, in_tmp: Path) -> None:
    doc = in_tmp / "accents.md"
    doc.write_text("# Summary\n\nÀ 10:00 UTC l'équipe café a vu a glitch.\n", encoding="utf-8")
    finding = next(
        f
        for f in json.loads(cli("check", "-f", "json", str(doc)).stdout)["documents"][0]["findings"]
        if f["quote"] == "glitch"
    )
    line = doc.read_text("utf-8").split("\n")[finding["line"] - 1]
    assert line[finding["column"] - 1 : finding["end_column"] - 1] == "glitch"


def test_file_name_with_spaces_and_unicode(cli: Cli, in_tmp: Path, good_md: Path) -> None:
    doc = in_tmp / "post mortem – März.md"
    doc.write_text(good_md.read_text("utf-8"), encoding="utf-8")
    result = cli("check", str(doc))
    assert result.exit_code == 0 and f"{doc}: 21/21" in result.stdout
