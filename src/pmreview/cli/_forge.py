"""What the bot commands (github, gitlab) print once their bot has run."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..forge.review import Outcome

GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob",
        help="Changed files to review (default: **/postmortem*.md, **/postmortems/**/*.md, "
        "**/*post-mortem*.md, **/incident*.md). Repeat or comma-separate.",
    ),
]


def show(outcome: Outcome, dry_run: bool, token: str | None) -> None:
    """The comment (--dry-run) or the report on stdout; notes, summary and errors on stderr;
    the token masked everywhere."""
    from ..forge.rest import mask
    from ..render import render

    report = outcome.report
    if dry_run and outcome.body:
        sys.stdout.write(mask(outcome.body, token))
    elif report is not None:
        sys.stdout.write(mask(render(report, "text", color=False), token))
    for note in outcome.notes:
        typer.echo(f"pmreview: warning: {mask(note, token)}", err=True)
    typer.echo(f"pmreview: {outcome.summary()}", err=True)
    for e in report.errors if report else []:
        typer.echo(f"pmreview: error: {mask(e['message'], token)}", err=True)
