"""`pmreview check`: review postmortems and print the report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from . import fail, write_out
from ._options import ReviewArgs, exit_code, review_options


def register(app: typer.Typer) -> None:
    app.command("check")(check)


@review_options()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched for *.md, *.markdown, *.txt) or - for stdin."
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, json, markdown, sarif, github, html, rdjson, rdjsonl, "
            "codequality or csv.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal)."),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Show every suggestion, and what shows each element present."
        ),
    ] = False,
    *,
    review: ReviewArgs,
) -> None:
    """Review postmortems and print what is missing and what is vague."""
    from ..config import resolve
    from ..pipeline import review_paths
    from ..render import render, renderer

    try:
        cfg = resolve(review.config, Path.cwd())
        fmt = fmt or cfg.get("format", "text")
        renderer(fmt)
        report = review_paths(paths, review.options(cfg), review.jobs)
    except UsageError as exc:
        fail(str(exc))
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    write_out(render(report, fmt, color=use_color, verbose=verbose), output, "the report")
    for e in report.errors:  # always on stderr, one line each, whatever the format
        typer.echo(f"pmreview: error: {e['message']}", err=True)
    raise typer.Exit(exit_code(report, review.fail_level(cfg)))
