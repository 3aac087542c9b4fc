"""The command line end to end: typer's CliRunner against the whole app (`pmreview.cli.build()`),
plus the implicit `pmreview PATH` form through `main()` and `python -m pmreview`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _support import DEFAULT_CHECK_IDS, REPO
from typer.testing import Result

import pmreview
from pmreview import cli as cli_module
from pmreview.catalog import LLM_ENTRIES
from pmreview.rules import registry

FINDING_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<id>\S+) "
    r"\[(?P<sev>error|warning|info)\] (?P<msg>\S.*)$"
)
SUMMARY_LINE = re.compile(r"^(?P<path>.+): (?P<n>\d+)/(?P<total>\d+) required elements present")

Cli = Callable[..., Result]


def findings_of(result: Result, doc: int = 0) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(result.stdout)["documents"][doc]["findings"]
    return findings


def rules_of(result: Result) -> set[str]:
    return {f["rule"] for f in findings_of(result)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- text output


def test_text_lines_are_linter_style(cli: Cli, vague_md: Path) -> None:
    result = cli("check", str(vague_md))
    lines = result.stdout.splitlines()
    found = [m for m in map(FINDING_LINE.match, lines) if m]
    assert found, result.stdout
    for m in found:
        assert m["path"] == str(vague_md)
        assert int(m["line"]) >= 1 and int(m["col"]) >= 1
    # every unindented line that starts with the path is a finding or the summary
    for line in lines:
        if line.startswith(str(vague_md)):
            assert FINDING_LINE.match(line) or SUMMARY_LINE.match(line), line


def test_text_position_points_at_the_words(cli: Cli, vague_md: Path) -> None:
    text_lines = vague_md.read_text("utf-8").splitlines()
    result = cli("check", str(vague_md), "--select", "PM101")
    (m,) = [m for m in map(FINDING_LINE.match, result.stdout.splitlines()) if m]
    line, col = int(m["line"]), int(m["col"])
    assert text_lines[line - 1][col - 1 :].startswith("glitch")
    assert "“glitch”" in result.stdout  # the quoted words follow the finding


def test_text_summary_line(cli: Cli, vague_md: Path, good_md: Path) -> None:
    result = cli("check", str(good_md))
    assert f"{good_md}: 21/21 required elements present" in result.stdout
    assert "no findings" in result.stdout
    result = cli("check", str(vague_md))
    (m,) = [m for m in map(SUMMARY_LINE.match, result.stdout.splitlines()) if m]
    assert m["total"] == "21" and int(m["n"]) < 21


def test_text_groups_by_section(cli: Cli, vague_md: Path) -> None:
    out = cli("check", str(vague_md)).stdout
    assert re.search(r"^── Summary ─+$", out, re.M)
    assert re.search(r"^── Timeline ─+$", out, re.M)


def test_several_documents_get_a_total(cli: Cli, vague_md: Path, good_md: Path) -> None:
    out = cli("check", str(vague_md), str(good_md)).stdout
    assert re.search(r"^2 documents reviewed, \d+ findings$", out, re.M)


def test_color_only_when_asked(cli: Cli, vague_md: Path) -> None:
    assert "\033[" not in cli("check", str(vague_md)).stdout
    assert "\033[" in cli("check", str(vague_md), "--color").stdout


def test_verbose_shows_info_suggestions(cli: Cli, tmp_path: Path) -> None:
    doc = write(
        tmp_path / "inv.md", "# Timeline\n\n- 10:00 UTC - We began investigating the issue.\n"
    )
    quiet = cli("check", str(doc), "--select", "PM105").stdout
    loud = cli("check", str(doc), "--select", "PM105", "--verbose").stdout
    assert "PM105 [info]" in quiet
    assert "→" not in quiet and "→" in loud


# --------------------------------------------------------------------------- JSON output


def test_json_is_valid_against_the_report_schema(
    cli: Cli, report_validator: Any, vague_md: Path, good_md: Path, repo: Path
) -> None:
    example = repo / "examples" / "checkout-outage.md"
    result = cli("check", "--format", "json", str(vague_md), str(good_md), str(example))
    report = json.loads(result.stdout)
    errors = sorted(report_validator.iter_errors(report), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    assert report["version"] == 1
    assert report["tool"] == {"name": "pmreview", "version": pmreview.__version__}
    assert report["profile"] == "default"
    assert [d["path"] for d in report["documents"]] == [str(vague_md), str(good_md), str(example)]
    assert report["errors"] == []


def test_json_has_every_check_id_of_the_spec(cli: Cli, vague_md: Path, good_md: Path) -> None:
    report = json.loads(cli("check", "-f", "json", str(vague_md), str(good_md)).stdout)
    for doc in report["documents"]:
        assert tuple(doc["checks"]) == DEFAULT_CHECK_IDS
    good, vague = report["documents"][1], report["documents"][0]
    assert {c["status"] for c in good["checks"].values()} == {"pass"}
    assert vague["checks"]["summary.duration"]["status"] == "fail"
    assert vague["checks"]["summary.duration"]["line"] is not None
    assert vague["checks"]["summary.duration"]["evidence"] == ""


def test_json_gives_each_pass_its_line_and_words(cli: Cli, good_md: Path) -> None:
    doc = json.loads(cli("check", "-f", "json", "--offline", str(good_md)).stdout)["documents"][0]
    lines = good_md.read_text(encoding="utf-8").splitlines()
    for cid, check in doc["checks"].items():
        assert check["status"] == "pass", cid
        first = check["evidence"].split("\n", 1)[0]
        assert first and first in lines[check["line"] - 1], cid


def test_spec_ids_match_the_shared_spec() -> None:
    spec = Path("/work/shared/spec/checks.md")
    if not spec.is_file():
        pytest.skip("the shared spec is not available here")
    ids = tuple(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", spec.read_text("utf-8"), re.M))
    assert ids == DEFAULT_CHECK_IDS


def test_json_quotes_are_exactly_at_their_positions(cli: Cli, vague_md: Path, repo: Path) -> None:
    """Line, column, end_line, end_column (exclusive) locate the quoted words verbatim."""
    paths = [vague_md, repo / "examples" / "checkout-outage.md"]
    report = json.loads(cli("check", "-f", "json", *map(str, paths)).stdout)
    quoted = 0
    for path, doc in zip(paths, report["documents"], strict=True):
        lines = path.read_text("utf-8").split("\n")
        for f in doc["findings"]:
            assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"]), f
            if not f["quote"]:
                continue
            quoted += 1
            if f["line"] == f["end_line"]:
                got = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
            else:
                got = "\n".join(
                    [
                        lines[f["line"] - 1][f["column"] - 1 :],
                        *lines[f["line"] : f["end_line"] - 1],
                        lines[f["end_line"] - 1][: f["end_column"] - 1],
                    ]
                )
            assert got == f["quote"], f
    assert quoted >= 3


def test_json_findings_are_sorted_and_carry_sections(cli: Cli, vague_md: Path) -> None:
    findings = findings_of(cli("check", "-f", "json", str(vague_md)))
    keys = [(f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)
    glitch = next(f for f in findings if f["quote"] == "glitch")
    assert glitch["section"] == "Summary" and glitch["category"] == "vague"
    assert glitch["question"] and glitch["suggestion"]
    missing = next(f for f in findings if f["rule"] == "summary.duration")
    assert missing["category"] == "structure" and missing["quote"] == ""
    assert missing["name"] == "summary-duration"


def test_json_offline_llm_status(cli: Cli, good_md: Path) -> None:
    doc = json.loads(cli("check", "-f", "json", "--offline", str(good_md)).stdout)["documents"][0]
    assert doc["llm"]["status"] == "skipped"
    assert doc["llm"]["reason"] == "offline"
    assert doc["tasks"] == []


# --------------------------------------------------------------------------- exit codes


def test_exit_0_when_clean(cli: Cli, good_md: Path) -> None:
    assert cli("check", str(good_md)).exit_code == 0


def test_exit_1_on_an_error_finding(cli: Cli, vague_md: Path) -> None:
    assert cli("check", str(vague_md)).exit_code == 1


def test_exit_2_when_nothing_could_be_reviewed(cli: Cli, tmp_path: Path) -> None:
    assert cli("check", str(tmp_path / "missing.md")).exit_code == 2


@pytest.mark.parametrize(
    ("fail_on", "only_warnings", "only_infos"),
    [("error", 0, 0), ("warning", 1, 0), ("info", 1, 1), ("never", 0, 0)],
)
def test_fail_on(
    cli: Cli, vague_md: Path, in_tmp: Path, fail_on: str, only_warnings: int, only_infos: int
) -> None:
    # PM104 is a warning by default; the config turns it into an info for the second case
    assert (
        cli("check", str(vague_md), "--select", "PM104", "--fail-on", fail_on).exit_code
        == only_warnings
    )
    write(in_tmp / ".pmreview.toml", '[severity]\nPM104 = "info"\n')
    assert (
        cli("check", str(vague_md), "--select", "PM104", "--fail-on", fail_on).exit_code
        == only_infos
    )


def test_fail_on_never_still_fails_on_unreadable_input(
    cli: Cli, good_md: Path, tmp_path: Path
) -> None:
    result = cli("check", str(good_md), str(tmp_path / "missing.md"), "--fail-on", "never")
    assert result.exit_code == 2


def test_fail_on_from_config(cli: Cli, vague_md: Path, in_tmp: Path) -> None:
    write(in_tmp / ".pmreview.toml", 'fail-on = "never"\n')
    assert cli("check", str(vague_md)).exit_code == 0
    assert cli("check", str(vague_md), "--fail-on", "error").exit_code == 1  # the option wins


# --------------------------------------------------------------------------- --select / --ignore


@pytest.mark.parametrize("selector", ["PM101", "vague-cause", "pm101"])
def test_select_one_rule(cli: Cli, vague_md: Path, selector: str) -> None:
    assert rules_of(cli("check", "-f", "json", str(vague_md), "--select", selector)) == {"PM101"}


def test_select_prefix(cli: Cli, vague_md: Path) -> None:
    rules = rules_of(cli("check", "-f", "json", str(vague_md), "--select", "PM1"))
    assert rules and all(r.startswith("PM1") for r in rules)
    assert {"PM101", "PM102", "PM103", "PM104"} <= rules


def test_select_check_family(cli: Cli, vague_md: Path) -> None:
    rules = rules_of(cli("check", "-f", "json", str(vague_md), "--select", "summary"))
    assert rules and all(r.startswith("summary.") for r in rules)
    only = rules_of(cli("check", "-f", "json", str(vague_md), "--select", "summary.duration"))
    assert only == {"summary.duration"}
    slug = rules_of(cli("check", "-f", "json", str(vague_md), "--select", "summary-duration"))
    assert slug == {"summary.duration"}


def test_select_comma_and_repeat(cli: Cli, vague_md: Path) -> None:
    a = rules_of(cli("check", "-f", "json", str(vague_md), "--select", "PM101,PM103"))
    b = rules_of(
        cli("check", "-f", "json", str(vague_md), "--select", "PM101", "--select", "PM103")
    )
    assert a == b == {"PM101", "PM103"}


def test_ignore(cli: Cli, vague_md: Path) -> None:
    every = rules_of(cli("check", "-f", "json", str(vague_md)))
    rest = rules_of(
        cli(
            "check",
            "-f",
            "json",
            str(vague_md),
            "--ignore",
            "summary,PM1",
            "--ignore",
            "timeline-format",
        )
    )
    assert rest == {
        r for r in every if not r.startswith(("summary.", "PM1")) and r != "timeline.format"
    }
    assert rest


def test_select_does_not_hide_checks(cli: Cli, vague_md: Path) -> None:
    """--select filters findings; every check verdict is still reported."""
    doc = json.loads(cli("check", "-f", "json", str(vague_md), "--select", "PM101").stdout)[
        "documents"
    ][0]
    assert tuple(doc["checks"]) == DEFAULT_CHECK_IDS
    assert doc["checks"]["summary.duration"]["status"] == "fail"


def test_select_and_ignore_from_config(cli: Cli, vague_md: Path, in_tmp: Path) -> None:
    write(in_tmp / ".pmreview.toml", 'select = ["PM1"]\nignore = ["PM102"]\n')
    rules = rules_of(cli("check", "-f", "json", str(vague_md)))
    assert rules and all(r.startswith("PM1") for r in rules) and "PM102" not in rules
    # --select on the command line replaces the config's select; the config's ignore still applies
    assert rules_of(cli("check", "-f", "json", str(vague_md), "--select", "PM103")) == {"PM103"}
    assert rules_of(cli("check", "-f", "json", str(vague_md), "--select", "PM102")) == set()


# --------------------------------------------------------------------------- output, stdin, folders


def test_output_file(cli: Cli, vague_md: Path, tmp_path: Path, report_validator: Any) -> None:
    out = tmp_path / "report.json"
    result = cli("check", "-f", "json", "-o", str(out), str(vague_md))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert not list(report_validator.iter_errors(json.loads(out.read_text("utf-8"))))
    text_out = tmp_path / "report.txt"
    cli("check", "--output", str(text_out), str(vague_md))
    assert text_out.read_text("utf-8") == cli("check", str(vague_md)).stdout


def test_stdin(cli: Cli, sample_text: str) -> None:
    result = cli("check", "-f", "json", "-", input=sample_text)
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["path"] == "<stdin>"
    assert any(f["quote"] == "glitch" for f in doc["findings"])
    text = cli("check", "-", input=sample_text.encode("utf-8")).stdout
    assert re.search(r"^<stdin>:\d+:\d+: PM101 \[warning\]", text, re.M)


def test_directory_is_searched_recursively(cli: Cli, tmp_path: Path, sample_text: str) -> None:
    root = tmp_path / "postmortems"
    for name in ("b.md", "a.markdown", "c.txt", "sub/deeper/d.md", "sub/E.MD"):
        write(root / name, sample_text)
    for name in ("notes.py", "image.png", ".hidden/x.md", "sub/.draft.md"):
        write(root / name, sample_text)
    report = json.loads(cli("check", "-f", "json", str(root)).stdout)
    got = [Path(d["path"]).relative_to(root).as_posix() for d in report["documents"]]
    assert got == ["a.markdown", "b.md", "c.txt", "sub/E.MD", "sub/deeper/d.md"]
    assert report["errors"] == []


def test_file_and_folder_together(
    cli: Cli, tmp_path: Path, sample_text: str, good_md: Path
) -> None:
    write(tmp_path / "dir" / "one.md", sample_text)
    report = json.loads(cli("check", "-f", "json", str(good_md), str(tmp_path / "dir")).stdout)
    assert [Path(d["path"]).name for d in report["documents"]] == ["good.md", "one.md"]


# --------------------------------------------------------------------------- configuration


def test_config_found_upward(
    cli: Cli, in_tmp: Path, vague_md: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(in_tmp / ".pmreview.toml", 'format = "json"\n')
    nested = in_tmp / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    result = cli("check", str(vague_md))
    assert json.loads(result.stdout)["documents"][0]["path"] == str(vague_md)
    assert cli("check", str(vague_md), "--format", "text").stdout.startswith("──")  # option wins


def test_pyproject_tool_table(cli: Cli, in_tmp: Path, vague_md: Path) -> None:
    write(
        in_tmp / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.pmreview]\nformat = "json"\nfail_on = "never"\n',
    )
    result = cli("check", str(vague_md))
    assert result.exit_code == 0  # fail_on with an underscore is accepted too
    json.loads(result.stdout)


def test_pyproject_without_table_is_skipped(
    cli: Cli, in_tmp: Path, vague_md: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(in_tmp / ".pmreview.toml", 'format = "json"\n')
    inner = in_tmp / "pkg"
    write(inner / "pyproject.toml", '[project]\nname = "inner"\n')
    monkeypatch.chdir(inner)
    json.loads(cli("check", str(vague_md)).stdout)


def test_nearest_config_wins(
    cli: Cli, in_tmp: Path, vague_md: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(in_tmp / ".pmreview.toml", 'format = "json"\n')
    inner = in_tmp / "pkg"
    write(inner / "pyproject.toml", '[tool.pmreview]\nselect = ["PM101"]\n')
    monkeypatch.chdir(inner)
    out = cli("check", str(vague_md)).stdout
    assert out.startswith("──")  # the outer format = "json" does not apply
    assert "PM101" in out and "PM102" not in out


def test_dot_pmreview_preferred_to_pyproject_in_one_folder(
    cli: Cli, in_tmp: Path, vague_md: Path
) -> None:
    write(in_tmp / "pyproject.toml", '[tool.pmreview]\nformat = "json"\n')
    write(in_tmp / ".pmreview.toml", 'format = "text"\n')
    assert cli("check", str(vague_md)).stdout.startswith("──")


def test_explicit_config(cli: Cli, in_tmp: Path, tmp_path: Path, vague_md: Path) -> None:
    write(in_tmp / ".pmreview.toml", 'format = "json"\n')
    other = write(tmp_path / "elsewhere" / "review.toml", 'select = ["PM103"]\n')
    out = cli("check", "--config", str(other), str(vague_md)).stdout
    assert out.startswith("──")  # the discovered file is not read
    assert "PM103" in out and "PM101" not in out


def test_config_severity_and_profile_path(cli: Cli, in_tmp: Path, vague_md: Path) -> None:
    write(in_tmp / "profiles" / "tiny.schema.json", json.dumps(TINY_PROFILE))
    write(
        in_tmp / "conf" / ".pmreview.toml",
        'profile = "../profiles/tiny.schema.json"\n[severity]\nPM101 = "error"\n',
    )
    result = cli(
        "check", "--config", str(in_tmp / "conf" / ".pmreview.toml"), "-f", "json", str(vague_md)
    )
    report = json.loads(result.stdout)
    assert report["profile"] == "tiny"
    assert {f["severity"] for f in report["documents"][0]["findings"] if f["rule"] == "PM101"} == {
        "error"
    }


# --------------------------------------------------------------------------- inline directives

DIRECTIVES = """\
# Summary

The web tier failed because of a glitch.

<!-- pmreview-disable PM101 -->

The queue stalled for some reason.

<!-- pmreview-enable PM101 -->

The cache broke because of human error.

<!-- pmreview-disable-next-line vague-cause -->
The deploy went wrong somehow.

The database slowed down, something went wrong.

Several users could not log in.
"""


def pm1_lines(cli: Cli, path: Path) -> list[tuple[str, int]]:
    return [
        (f["rule"], f["line"])
        for f in findings_of(cli("check", "-f", "json", str(path), "--select", "PM1"))
    ]


def test_directives_disable_enable_next_line(cli: Cli, tmp_path: Path) -> None:
    doc = write(tmp_path / "d.md", DIRECTIVES)
    assert pm1_lines(cli, doc) == [("PM101", 3), ("PM101", 11), ("PM101", 16), ("PM102", 18)]
    plain = write(tmp_path / "plain.md", re.sub(r"<!--.*?-->", "", DIRECTIVES))
    assert pm1_lines(cli, plain) == [
        ("PM101", 3),
        ("PM101", 7),
        ("PM101", 11),
        ("PM101", 14),
        ("PM101", 16),
        ("PM102", 18),
    ]


def test_directive_without_ids_disables_everything(cli: Cli, tmp_path: Path) -> None:
    text = DIRECTIVES.replace("pmreview-disable PM101", "pmreview-disable").replace(
        "pmreview-enable PM101", "pmreview-enable"
    )
    doc = write(tmp_path / "d.md", text)
    assert pm1_lines(cli, doc) == [("PM101", 3), ("PM101", 11), ("PM101", 16), ("PM102", 18)]


@pytest.mark.parametrize("ids", ["PM101", "vague-cause", "PM1", "PM101, PM102"])
def test_disable_file(cli: Cli, tmp_path: Path, ids: str) -> None:
    doc = write(tmp_path / "d.md", DIRECTIVES + f"\n<!-- pmreview-disable-file {ids} -->\n")
    left = pm1_lines(cli, doc)
    assert all(rule != "PM101" for rule, _ in left)
    assert (("PM102", 18) in left) == ("PM102" not in ids and ids != "PM1")


def test_disable_file_for_a_check(cli: Cli, tmp_path: Path, vague_md: Path) -> None:
    doc = write(
        tmp_path / "d.md",
        vague_md.read_text("utf-8") + "\n<!-- pmreview-disable-file summary -->\n",
    )
    report = json.loads(cli("check", "-f", "json", str(doc)).stdout)["documents"][0]
    assert not any(f["rule"].startswith("summary.") for f in report["findings"])
    assert report["checks"]["summary.duration"]["status"] == "fail"  # the verdict stays


REPEATED = """\
# Summary

The web tier failed because of a glitch.

<!-- pmreview-disable-next-line PM101 -->
Later another glitch hit the cache.

A third glitch broke the queue.
"""


def test_directive_on_one_of_repeated_words(cli: Cli, tmp_path: Path) -> None:
    """Repeated words are collapsed after directives: a directive silences one occurrence only."""
    doc = write(tmp_path / "d.md", REPEATED)
    assert pm1_lines(cli, doc) == [("PM101", 3)]
    (finding,) = [
        f for f in findings_of(cli("check", "-f", "json", str(doc))) if f["rule"] == "PM101"
    ]
    assert finding["quote"] == "glitch"
    assert "8" in finding["message"] and "6" not in finding["message"]


# ------------------------------------------------------------------ rules, profiles, version


def test_rules_text_lists_every_id(cli: Cli) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert ids[:21] == list(DEFAULT_CHECK_IDS)
    assert set(ids[21:]) == set(registry()) | {e.id for e in LLM_ENTRIES}
    assert len(ids) == len(set(ids))


def test_rules_json(cli: Cli, report_schema: dict[str, Any]) -> None:
    rows = json.loads(cli("rules", "--format", "json").stdout)
    assert [r["id"] for r in rows if r["kind"] == "check"] == list(DEFAULT_CHECK_IDS)
    assert {r["id"] for r in rows if r["kind"] == "rule"} == set(registry())
    assert {r["id"] for r in rows if r["kind"] == "llm"} == {e.id for e in LLM_ENTRIES}
    categories = set(report_schema["$defs"]["finding"]["properties"]["category"]["enum"])
    for row in rows:
        assert set(row) >= {"id", "name", "kind", "category", "severity", "summary"}
        assert row["severity"] in ("error", "warning", "info")
        assert row["category"] in categories
        assert row["summary"]


def test_rule_ids_are_stable_and_slugged() -> None:
    for rid, rule in registry().items():
        assert re.fullmatch(r"PM\d{3}", rid)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name)


TINY_PROFILE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "tiny",
    "x-checks": {
        "tiny.timeline": {
            "kind": "structural",
            "severity": "error",
            "description": "There is a timeline.",
            "fix": "Add a timeline.",
            "question": "What happened when?",
            "missing": "There is no timeline.",
        },
        "tiny.summary": {
            "kind": "structural",
            "severity": "warning",
            "description": "There is a summary.",
            "fix": "Add a summary.",
        },
    },
    "type": "object",
    "properties": {
        "timeline": {
            "type": "object",
            "properties": {"present": {"x-check": "tiny.timeline", "type": "object"}},
        },
        "summary": {
            "type": "object",
            "properties": {"present": {"x-check": "tiny.summary", "type": "object"}},
        },
    },
}


def test_custom_profile_file(
    cli: Cli, tmp_path: Path, good_md: Path, report_validator: Any
) -> None:
    profile = write(tmp_path / "tiny.schema.json", json.dumps(TINY_PROFILE))
    no_timeline = write(
        tmp_path / "pm.md",
        "# Summary\n\nOn Monday the payments api failed for 10% of "
        "users because the disk of db-1 filled up.\n",
    )
    result = cli("check", "--profile", str(profile), "-f", "json", str(no_timeline), str(good_md))
    report = json.loads(result.stdout)
    assert not list(report_validator.iter_errors(report))
    assert report["profile"] == "tiny"
    bad, good = report["documents"]
    assert list(bad["checks"]) == ["tiny.timeline", "tiny.summary"]
    assert bad["checks"]["tiny.timeline"]["status"] == "fail"
    assert bad["checks"]["tiny.summary"]["status"] == "pass"
    missing = next(f for f in bad["findings"] if f["rule"] == "tiny.timeline")
    assert missing["message"] == "There is no timeline." and missing["severity"] == "error"
    assert {c["status"] for c in good["checks"].values()} == {"pass"}
    text = cli("check", "--profile", str(profile), str(no_timeline)).stdout
    assert f"{no_timeline}: 1/2 required elements present" in text
    rules = cli("rules", "--profile", str(profile)).stdout.split("\n")
    assert rules[0].startswith("tiny.timeline") and rules[1].startswith("tiny.summary")


def test_builtin_profiles_are_listed_when_unknown(cli: Cli, good_md: Path) -> None:
    result = cli("check", "--profile", "no-such-profile", str(good_md))
    assert result.exit_code == 2 and "default" in result.stderr


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"pmreview {pmreview.__version__}"


def test_help(cli: Cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0 and "check" in result.stdout and "rules" in result.stdout
    assert "--fail-on" in cli("check", "--help").stdout


@pytest.mark.parametrize(
    ("command", "absent"),
    [
        ("check", []),
        ("github", []),
        ("gitlab", []),
        ("coach", ["--select", "--ignore", "--fail-on", "--jobs", "--cache-dir", "--no-cache"]),
    ],
)
def test_review_options_are_shared(cli: Cli, command: str, absent: list[str]) -> None:
    """The review options are declared once; each reviewing command takes all or some."""
    every = ["--profile", "--config", "--offline", "--fail-on", "--select", "--ignore", "--jobs"]
    every += ["--base-url", "--model", "--llm-timeout", "--no-redact", "--cache-dir", "--no-cache"]
    shown = set(re.findall(r"^  (?:-\w, )?(--[\w-]+)", cli(command, "--help").stdout, re.M))
    assert {o for o in every + ["--replay"] if o not in absent} <= shown
    assert not shown & set(absent)


# --------------------------------------------------------------------------- the implicit `check`


def run_main(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["pmreview", *argv])
    with pytest.raises(SystemExit) as exc:
        cli_module.main()
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def test_main_inserts_check(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_tmp: Path,
    vague_md: Path,
    good_md: Path,
) -> None:
    code, out, _ = run_main([str(good_md)], monkeypatch, capsys)
    assert code == 0 and "21/21 required elements present" in out
    code, out, _ = run_main(
        ["--format", "json", "--select", "PM101", str(vague_md)], monkeypatch, capsys
    )
    assert code == 0 and rules_of_json(out) == {"PM101"}
    code, out, _ = run_main(["rules", "--format", "json"], monkeypatch, capsys)
    assert code == 0 and json.loads(out)[0]["id"] == "summary.present"
    code, out, _ = run_main(["--version"], monkeypatch, capsys)
    assert code == 0 and out.strip() == f"pmreview {pmreview.__version__}"
    code, out, _ = run_main(["check", str(good_md)], monkeypatch, capsys)
    assert code == 0


def rules_of_json(out: str) -> set[str]:
    return {f["rule"] for f in json.loads(out)["documents"][0]["findings"]}


@pytest.mark.parametrize("command", cli_module.COMMANDS)
def test_main_builds_the_command_as_the_whole_app_does(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() builds only the invoked command (test_imports shows it imports no other); its
    help, and so its parameters, are the same as in the whole app."""
    code, out, _ = run_main([command, "--help"], monkeypatch, capsys)
    monkeypatch.setattr(sys, "argv", ["pmreview", command, "--help"])
    assert cli_module.build()(standalone_mode=False) == 0
    assert code == 0
    again, _ = capsys.readouterr()
    assert out == again and f"pmreview {command} [OPTIONS]" in out


@pytest.mark.parametrize("args", [["--help"], ["-h"], []])
def test_main_help_lists_every_command(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(args, monkeypatch, capsys)
    assert code == (0 if args else 2)
    listed = re.findall(r"^  (\w+) +(\S.*)$", (out or err).split("Commands:")[1], re.M)
    assert sorted(name for name, _ in listed) == sorted(cli_module.COMMANDS)
    check_help = next(line for name, line in listed if name == "check")
    assert check_help == "Review postmortems and print what is missing and what is vague."


def test_main_reads_a_command_word_after_an_option_as_its_value(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_tmp: Path,
    vague_md: Path,
) -> None:
    code, out, _ = run_main(["-o", "rules", "--format", "json", str(vague_md)], monkeypatch, capsys)
    assert code == 1 and out == ""
    assert json.loads((in_tmp / "rules").read_text("utf-8"))["documents"][0]["findings"]
    code, _, err = run_main(["--profile", "check", str(vague_md)], monkeypatch, capsys)
    assert code == 2 and "unknown profile 'check'" in err
    code, out, _ = run_main(["--offline", "rules"], monkeypatch, capsys)  # a flag: no value
    assert code == 2


def test_python_dash_m(tmp_path: Path, vague_md: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pmreview", "--format", "json", str(vague_md)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["path"] == str(vague_md)
    assert proc.stderr == ""
    proc = subprocess.run(
        [sys.executable, "-m", "pmreview", "-"],
        input=vague_md.read_text("utf-8"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"^<stdin>: \d+/21 required elements present", proc.stdout, re.M)


def test_repo_root_is_where_schemas_are() -> None:
    assert (REPO / "schemas" / "report.schema.json").is_file()
