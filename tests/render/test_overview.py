"""`pmreview overview`: the team page (documents × required elements, pass rates, the most
frequent findings, links to each document's own report) and the folder it is written in."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from _support import DATA
from typer.testing import Result

from pmreview.models import Report
from pmreview.pipeline import Options, review_paths
from pmreview.render import overview

Cli = Callable[..., Result]
BARE = "# Notes\n\nSomething went wrong with the service and it was a glitch.\n"


def rates(page: str) -> dict[str, str]:
    """Check id -> the pass-rate cell's text."""
    row = re.search(r'<tr class="rates">(.*?)</tr>', page)
    assert row is not None
    return dict(re.findall(r'<td class="rate \w+" title="([^:"]+):[^"]*">([^<]*)</td>', row[1]))


def links(page: str) -> list[str]:
    return re.findall(r'<th scope="row" class="doc"><a href="([^"]+)"', page)


def test_pass_rates_are_the_share_of_documents_with_each_element(tmp_path: Path) -> None:
    summary_only = tmp_path / "summary.md"
    good = (DATA / "good.md").read_text(encoding="utf-8")
    summary_only.write_text(good.split("## Timeline")[0], encoding="utf-8")
    report = review_paths([str(DATA / "good.md"), str(summary_only)], Options(offline=True))
    good, poor = report.documents
    assert all(c.status == "pass" for c in good.checks.values())
    page = overview.render(report, ["a.html", "b.html"])
    expected = {cid: "50%" if poor.checks[cid].status == "fail" else "100%" for cid in poor.checks}
    assert rates(page) == expected
    assert "50%" in expected.values() and "100%" in expected.values()
    assert links(page) == ["a.html", "b.html"]


def test_the_most_frequent_findings_count_findings_and_documents(tmp_path: Path) -> None:
    paths = []
    for name, text in (("a", BARE), ("b", BARE.replace("Notes", "More notes")), ("c", "# X\n")):
        paths.append(tmp_path / f"{name}.md")
        paths[-1].write_text(text, encoding="utf-8")
    report = review_paths([str(p) for p in paths], Options(offline=True))
    page = overview.render(report, ["1", "2", "3"])
    row = re.search(r"<tr><th scope=\"row\"><code>PM101</code> vague-cause</th>(.*?)</tr>", page)
    assert row is not None, "PM101 (a glitch) is not among the frequent findings"
    assert '<td class="num" data-v="2">2</td>' in row[1]
    assert "<span>2 of 3</span>" in row[1]
    assert "summary.present" not in page.split("Most frequent findings")[1]  # checks: columns


def test_paths_are_shown_without_their_shared_folder_and_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    (folder / "q1").mkdir(parents=True)
    odd = folder / "q1" / "<b>db & cache.md"
    odd.write_text(BARE, encoding="utf-8")
    (folder / "api.md").write_text(BARE, encoding="utf-8")
    report = review_paths([str(folder)], Options(offline=True))
    page = overview.render(report, overview.report_names(report))
    assert f"postmortems in {folder}" in page
    assert ">api.md</a>" in page and ">q1/&lt;b&gt;db &amp; cache.md</a>" in page
    assert "<b>db" not in page
    assert overview.report_names(report) == ["001-api.html", "002--b-db-cache.html"]


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    report = review_paths([str(DATA / "good.md"), str(DATA / "vague.md")], Options(offline=True))
    page = overview.render(report, overview.report_names(report))
    assert "<script>" in page and "<style>" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page


def test_the_command_writes_the_page_and_a_report_per_document(cli: Cli, in_tmp: Path) -> None:
    (in_tmp / "bare.md").write_text(BARE, encoding="utf-8")
    result = cli("overview", "--offline", str(DATA / "good.md"), "bare.md", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "out/index.html: overview of 2 postmortems\n"
    page = (in_tmp / "out" / "index.html").read_text(encoding="utf-8")
    assert links(page) == ["reports/001-good.html", "reports/002-bare.html"]
    for link, path in zip(links(page), (str(DATA / "good.md"), "bare.md"), strict=True):
        own = (in_tmp / "out" / link).read_text(encoding="utf-8")
        assert f"<h2>{path}</h2>" in own  # the document's own report (the html format)
        assert own.count('<article class="doc"') == 1


def test_an_unreadable_input_is_on_the_page_and_exit_2(cli: Cli, in_tmp: Path) -> None:
    result = cli("overview", "--offline", str(DATA / "good.md"), "missing.md", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["pmreview: error: missing.md: no such file"]
    page = (in_tmp / "out" / "index.html").read_text(encoding="utf-8")
    assert "Could not review missing.md: missing.md: no such file" in page
    assert len(links(page)) == 1


def test_a_bad_option_or_folder_is_one_line_and_exit_2(cli: Cli, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    result = cli("overview", "--offline", "empty", "-o", "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "pmreview: error: empty: no postmortems (*.md, *.markdown, *.txt) in directory"
    ]
    assert not (in_tmp / "out").exists()
    (in_tmp / "file").write_text("x", encoding="utf-8")
    result = cli("overview", "--offline", str(DATA / "good.md"), "-o", "file")
    assert result.exit_code == 2 and "file: cannot write the overview" in result.stderr


def test_report_names_are_unique_and_in_order() -> None:
    from pmreview.pipeline import review_document
    from pmreview.source import from_text

    docs = [
        review_document(from_text(BARE, path), Options(offline=True))
        for path in ("a/pm.md", "b/pm.md", "c/Post Mortem (final).docx")
    ]
    names = overview.report_names(Report("default", docs, []))
    assert names == ["001-pm.html", "002-pm.html", "003-Post-Mortem-final-.html"]
