"""Fuzzing that knows Markdown: postmortems built by hypothesis from the parts the parser and
the rules read (titles in every style, timed bullets with times in every format the time
reader knows, tables, code, directives, placeholders, front matter, HTML, personal data,
Unicode beyond the BMP and combining marks), reviewed through the whole CLI in-process.

On every document: exit 0, 1 or 2 and no traceback; the JSON report valid against
schemas/report.schema.json; every finding's place inside the document and its quote the text
at that place; the same report for CRLF and LF; the same report when reviewed twice.

The default is a modest number of examples per test so the suite stays fast; a long run:
`PMREVIEW_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz_review.py`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from pmreview.cli import build

EXAMPLES = int(os.environ.get("PMREVIEW_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCHEMA = Draft202012Validator(
    json.loads((Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text("utf-8"))
)

# --------------------------------------------------------------------------- the parts

SECTIONS = st.sampled_from(
    [
        "Summary",
        "Timeline",
        "Impact",
        "Root cause",
        "Root Cause Analysis",
        "Resolution",
        "Detection",
        "Action items",
        "Corrective and preventative measures",
        "Lessons learned",
        "What went wrong",
        "Background",
        "Timeline (UTC)",
        "Zeitleiste",
        "",
    ]
)
UNICODE = st.sampled_from(
    [
        "é",
        "e\u0301",  # e + combining acute
        "🔥",  # outside the BMP
        "𝔘𝔫𝔦",
        "👩‍💻",  # a ZWJ sequence
        "中文",
        "مرحبا",
        "\u200b",
        "\u00a0",
        "\t",
        "—",
        "“quoted”",
        "İ",
        "ß",
        "K",  # Kelvin sign
    ]
)
WORDS = st.sampled_from(
    [
        "the api",
        "checkout-api",
        "a glitch",
        "several users",
        "it was fixed",
        "some clients",
        "Improve monitoring",
        "rolled back v2.3.1",
        "the on-call was paged",
        "db-primary",
        "500 errors",
        "12% of requests",
        "for 45 minutes",
        "TBD",
        "TODO",
        "[fill in]",
        "<owner>",
        "XXX",
        "`code span`",
        "``double `tick` span``",
        "**bold**",
        "_emph_",
        "[a link](https://status.example.com/x)",
        "<br>",
        '<img src="x.png" alt="graph">',
        "<!-- a comment -->",
        "ada.okafor@gmail.com",
        "+44 20 7946 0958",
        "10.20.4.17",
        "ghp_Q7kLm2Xv9RtB4nZp8sWd1YfH6jCa3UeGo5Ni",
        "(owner: platform team)",
        "PAY-4821",
        "due 2024-07-01",
    ]
)
TEXT = st.lists(st.one_of(WORDS, UNICODE, st.text(max_size=6)), min_size=1, max_size=6).map(
    " ".join
)
ZONES = st.sampled_from(["", " UTC", " (UTC+1)", " PDT", " CET", " in GMT", " Eastern", "Z"])
DATES = st.sampled_from(
    ["", "2024-05-02 ", "05/02/2024 ", "Mon, May 2 ", "2 May 2024, ", "March 3rd ", "2024-02-30 "]
)
CLOCKS = st.sampled_from(
    [
        "14:05",
        "2:05 PM",
        "2:05pm",
        "9.30 a.m.",
        "14h05",
        "3 PM",
        "14:05:30",
        "0300hrs",
        "1400",
        "24:00",
        "23:59:59.5",
        "00:00",
    ]
)
ISO = st.sampled_from(
    ["2024-05-02T14:05:00Z", "2024-05-02T14:05+02:00", "2024-05-02 14:05:00.123-0700"]
)
TIMES = st.one_of(st.tuples(DATES, CLOCKS, ZONES).map("".join), ISO)


@st.composite
def title(draw: st.DrawFn) -> str:
    name = draw(st.one_of(SECTIONS, TEXT))
    style = draw(st.integers(0, 6))
    if style == 0:
        return f"{'#' * draw(st.integers(1, 6))} {name}\n"
    if style in (1, 2):
        return f"{name}\n{'=' if style == 1 else '-' * draw(st.integers(1, 5))}\n"
    if style == 3:
        return f"**{name}**\n"
    if style == 4:
        return f"{name}:\n"
    if style == 5:
        return f"**{name}:** {draw(TEXT)}\n"
    return f"{name}: {draw(TEXT)}\n"


@st.composite
def bullet(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["- ", "* ", "1. ", "  - ", "      - ", "- [ ] ", "> - ", ""]))
    wrap = draw(st.sampled_from(["{}", "**{}**", "[{}]", "`{}`", "_{}_", "({})"]))
    sep = draw(st.sampled_from([" - ", " – ", ": ", " ", " | "]))
    return f"{marker}{wrap.format(draw(TIMES))}{sep}{draw(TEXT)}\n"


@st.composite
def table(draw: st.DrawFn) -> str:
    rows = draw(st.lists(st.tuples(TIMES, TEXT), min_size=0, max_size=4))
    body = "".join(f"| {t} | {x} |\n" for t, x in rows)
    return f"| Time | Event |\n|---|---|\n{body}"


@st.composite
def fence(draw: st.DrawFn) -> str:
    mark = draw(st.sampled_from(["```", "~~~", "````"]))
    lang = draw(st.sampled_from(["", "yaml", "text"]))
    closed = draw(st.booleans())
    inner = "".join(draw(st.lists(st.one_of(bullet(), TEXT.map(lambda x: x + "\n")), max_size=3)))
    return f"{mark}{lang}\n{inner}{mark + chr(10) if closed else ''}"


DIRECTIVES = st.sampled_from(
    [
        "<!-- pmreview-disable PM101 -->\n",
        "<!-- pmreview-disable-next-line -->\n",
        "<!-- pmreview-disable-next-line PM602, timeline.format -->\n",
        "<!-- pmreview-enable -->\n",
        "<!-- pmreview-disable-file PM603 -->\n",
        "<!-- pmreview-disable nonsense -->\n",
    ]
)
HTML = st.sampled_from(
    [
        "<details><summary>Logs</summary>\n\n14:05 error\n\n</details>\n",
        "<table><tr><td>14:05</td><td>alert</td></tr></table>\n",
        "<div>\n# not a title\n</div>\n",
        "<p>A paragraph with <b>bold</b></p>\n",
    ]
)
FRONT = st.sampled_from(
    [
        "",
        "---\ntitle: Outage\ndate: 2024-05-02\n---\n",
        "+++\ntitle = 'Outage'\n+++\n",
        "---\nunclosed: yes\n",
    ]
)
PART = st.one_of(
    title(),
    bullet(),
    table(),
    fence(),
    DIRECTIVES,
    HTML,
    TEXT.map(lambda x: x + "\n"),
    st.just("\n"),
    st.just("---\n"),
)


@st.composite
def postmortems(draw: st.DrawFn) -> str:
    body = "".join(draw(st.lists(PART, min_size=1, max_size=25)))
    ending = draw(st.sampled_from(["", "\n", "\n\n"]))
    return draw(FRONT) + body + ending


# --------------------------------------------------------------------------- the checks

RUNNER = CliRunner()


def review(text: str, *options: str) -> tuple[int, dict[str, Any]]:
    """`pmreview check --offline --format json` of `text` written to a file (UTF-8, as it
    is); the exit code and the report."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pm.md"
        path.write_bytes(text.encode("utf-8"))
        result = RUNNER.invoke(
            build(), ["check", "--offline", "--format", "json", *options, str(path)]
        )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), result.exit_code
    report = json.loads(result.stdout)
    SCHEMA.validate(report)
    errors = report.get("errors", [])
    assert not [e for e in errors if "rule" in e], "a rule failed on the document"
    failing = any(f["severity"] == "error" for d in report["documents"] for f in d["findings"])
    assert result.exit_code == (2 if errors else 1 if failing else 0)
    for doc in report["documents"]:
        doc["path"] = "pm.md"
    for error in errors:
        error["path"] = "pm.md"
        error["message"] = error["message"].replace(str(path), "pm.md")
    return result.exit_code, report


def assert_in_place(report: dict[str, Any], text: str) -> None:
    """Every finding inside the document, its quote the text between its start and end."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for doc in report["documents"]:
        for f in doc["findings"]:
            start, end = (f["line"], f["column"]), (f["end_line"], f["end_column"])
            assert 1 <= f["line"] <= f["end_line"] <= len(lines), f
            assert start <= end, f
            assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1, f
            assert 1 <= f["end_column"] <= len(lines[f["end_line"] - 1]) + 1, f
            if f["quote"]:
                assert span(lines, start, end) == f["quote"], f


def span(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    (line, col), (end_line, end_col) = start, end
    if line == end_line:
        return lines[line - 1][col - 1 : end_col - 1]
    middle = lines[line : end_line - 1]
    return "\n".join([lines[line - 1][col - 1 :], *middle, lines[end_line - 1][: end_col - 1]])


@FUZZ
@given(postmortems())
def test_every_postmortem_reviews_in_place(text: str) -> None:
    code, report = review(text)
    assert_in_place(report, text)
    assert review(text) == (code, report), "a second review differs"


@FUZZ
@given(postmortems())
def test_crlf_and_lf_give_the_same_report(text: str) -> None:
    # a CRLF the generator wrote already would become CR CR LF, two line ends (CommonMark)
    lf = text.replace("\r\n", "\n")
    assert review(lf.replace("\n", "\r\n")) == review(lf)


@FUZZ
@given(postmortems())
def test_the_other_profile_too(text: str) -> None:
    _, report = review(text, "--profile", "google-sre")
    assert_in_place(report, text)
