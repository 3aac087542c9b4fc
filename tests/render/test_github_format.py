"""--format github: workflow commands GitHub Actions turns into annotations, escaped as GitHub
requires, at most 10 of each kind (most severe first) and one line for the rest."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from _render_support import NIGHT
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import Result

from pmreview.models import DocumentReview, Finding, Report, Severity
from pmreview.render import render
from pmreview.render.github_format import command, escape_data, escape_property

# ::kind prop=value,prop=value::message -- nothing unescaped that would end a part early
COMMAND = re.compile(
    r"^::(?P<kind>error|warning|notice)"
    r"(?: (?P<props>[a-zA-Z]+=[^,:\r\n]*(?:,[a-zA-Z]+=[^,:\r\n]*)*))?"
    r"::(?P<message>[^\r\n]*)$"
)


def unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: chr(int(m.group(1), 16)), text)


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, f"not a valid workflow command: {line!r}"
    props = dict(p.split("=", 1) for p in m["props"].split(",")) if m["props"] else {}
    return m["kind"], {k: unescape(v) for k, v in props.items()}, unescape(m["message"])


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("PM101: vague", "PM101: vague", "PM101%3A vague"),
        ("a, b", "a, b", "a%2C b"),
        ("%0A literally", "%250A literally", "%250A literally"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ("50%,\n:", "50%25,%0A:", "50%25%2C%0A%3A"),
    ],
    ids=["plain", "percent", "lf", "crlf", "colon", "comma", "escape-looking", "command", "all"],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop
    assert unescape(prop) == text


def test_a_command_with_awkward_properties_round_trips() -> None:
    line = command("warning", "50% of\nusers", file="docs/a,b:c.md", line=3, title="PM101 x")
    assert line == "::warning file=docs/a%2Cb%3Ac.md,line=3,title=PM101 x::50%25 of%0Ausers"
    assert parse(line) == (
        "warning",
        {"file": "docs/a,b:c.md", "line": "3", "title": "PM101 x"},
        "50% of\nusers",
    )


def test_a_review_prints_valid_commands_then_a_summary(review: Callable[..., Report]) -> None:
    report = review(NIGHT.replace("a glitch", "a glitch: 100%, really"))
    lines = render(report, "github").splitlines()
    findings = report.documents[0].findings
    *commands, score, summary = lines
    assert len(commands) == len(findings)
    overall = report.documents[0].score["overall"]
    assert score.startswith(f"docs/pm.md: Specificity score {overall}/100 (summary ")
    assert not summary.startswith("::") and summary.startswith("pmreview: 1 document reviewed")
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    by_place = {(f"{f.rule} {f.name}", f.line, f.column): f for f in findings}
    assert len(by_place) == len(findings)
    severities = []
    for line in commands:
        kind, props, message = parse(line)
        f = by_place[(props["title"], int(props["line"]), int(props["col"]))]
        assert kind == kinds[f.severity]
        severities.append(kind)
        assert props["file"] == "docs/pm.md"
        assert (int(props["endLine"]), int(props["endColumn"])) == (f.end_line, f.end_column)
        assert f.message in message
        if f.question:
            assert f"\nQuestion: {f.question}" in message
    order = {"error": 0, "warning": 1, "notice": 2}
    assert severities == sorted(severities, key=order.__getitem__)  # most severe first


def _report(errors: int, warnings: int, infos: int) -> Report:
    def f(severity: Severity, i: int) -> Finding:
        return Finding(f"PM{i:03d}", "x", "vague", severity, f"m{i}", i + 1, 1, i + 1, 2, "q")

    findings = [f("info", i) for i in range(infos)]
    findings += [f("warning", 100 + i) for i in range(warnings)]
    findings += [f("error", 200 + i) for i in range(errors)]
    return Report("default", [DocumentReview("pm.md", {}, findings)], [])


def _kinds(out: str) -> list[str]:
    return [parse(line)[0] for line in out.splitlines()[:-1] if line.startswith("::")]


def test_at_most_ten_of_each_kind_and_one_notice_for_the_rest() -> None:
    out = render(_report(errors=15, warnings=12, infos=3), "github")
    kinds = _kinds(out)
    assert kinds == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 4
    _, props, message = parse(out.splitlines()[-3])
    assert props == {"title": "pmreview: more findings"}
    assert message.startswith("7 findings (5 errors, 2 warnings) not annotated")
    assert out.splitlines()[-1] == (
        "pmreview: 1 document reviewed, 15 errors, 12 warnings, 3 info (23 annotated, 7 left out)"
    )


def test_the_summary_notice_takes_one_of_the_ten_notice_places() -> None:
    kinds = _kinds(render(_report(errors=0, warnings=0, infos=14), "github"))
    assert kinds == ["notice"] * 10  # 9 findings and the summary


def test_exactly_ten_of_a_kind_need_no_summary() -> None:
    out = render(_report(errors=10, warnings=0, infos=10), "github")
    assert _kinds(out) == ["error"] * 10 + ["notice"] * 10
    assert "left out" not in out


@given(st.integers(0, 25), st.integers(0, 25), st.integers(0, 25))
def test_never_more_than_ten_of_a_kind_and_every_finding_accounted_for(
    errors: int, warnings: int, infos: int
) -> None:
    out = render(_report(errors, warnings, infos), "github")
    kinds = _kinds(out)
    assert all(kinds.count(k) <= 10 for k in ("error", "warning", "notice"))
    assert kinds.count("error") == min(errors, 10)
    assert kinds.count("warning") == min(warnings, 10)
    total = errors + warnings + infos
    m = re.search(r"\((\d+) annotated, (\d+) left out\)$", out.splitlines()[-1])
    if m is None:
        assert len(kinds) == total
    else:
        annotated, left = int(m[1]), int(m[2])
        assert annotated + left == total and left > 0
        assert len(kinds) == annotated + 1  # and the summary notice


def test_unreadable_inputs_are_error_annotations(cli: Callable[..., Result], in_tmp: Path) -> None:
    (in_tmp / "night.md").write_text(NIGHT)
    result = cli("check", "--offline", "-f", "github", "missing.md", "night.md")
    first, *_, last = result.stdout.splitlines()
    assert parse(first) == ("error", {"file": "missing.md"}, "missing.md: no such file")
    assert last.endswith("; 1 input could not be read")
    assert result.exit_code == 2
