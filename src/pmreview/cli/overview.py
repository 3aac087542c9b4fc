"""`pmreview overview`: a team's postmortems on one page, each linked to its own report.

A command rather than a `--format`: it writes a folder (the overview and one HTML report per
document, so that a lead can open the page, sort it, and click through to any document), where
a format is one report on stdout or in one file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from . import fail
from ._options import ReviewArgs, exit_code, review_options

REPORTS = "reports"  # the documents' own reports, in this subfolder of the output folder


def register(app: typer.Typer) -> None:
    app.command("overview")(overview)


@review_options()
def overview(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files and folders (searched for *.md, *.markdown, *.txt); .docx and .html "
            "files when named."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write index.html and one report per document (reports/) into.",
        ),
    ] = Path("pmreview-overview"),
    *,
    review: ReviewArgs,
) -> None:
    """Write a team overview of many postmortems: DIR/index.html and a report per document.

    The page: documents × required elements, the pass rate of each element and the most
    frequent findings, each document linked to its own report. Exit 0, or 2 when an input
    could not be reviewed."""
    from ..config import resolve
    from ..models import Report
    from ..pipeline import review_paths
    from ..render import overview as page
    from ..render import render

    try:
        cfg = resolve(review.config, Path.cwd())
        report = review_paths(paths, review.options(cfg), review.jobs)
    except UsageError as exc:
        fail(str(exc))
    names = page.report_names(report)
    pages = {
        f"{REPORTS}/{name}": Report(report.profile, [d], [])
        for name, d in zip(names, report.documents, strict=True)
    }
    try:
        (output / REPORTS).mkdir(parents=True, exist_ok=True)
        for name, one in pages.items():
            (output / name).write_text(render(one, "html"), encoding="utf-8")
        (output / "index.html").write_text(page.render(report, list(pages)), encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write the overview ({exc.strerror})")
    for err in report.errors:
        typer.echo(f"pmreview: error: {err['message']}", err=True)
    typer.echo(f"{output / 'index.html'}: overview of {len(report.documents)} postmortems")
    raise typer.Exit(exit_code(report, "never"))
