"""What the bot commands (github, gitlab) share: their --glob, what they say of a failure,
and what they print once their bot has run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..errors import UsageError
from . import fail
from ._options import exit_code, split

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


def globs(given: list[str] | None) -> list[str]:
    """The --glob patterns, else the default ones."""
    from ..forge.globs import DEFAULT_GLOBS

    return split(given) or list(DEFAULT_GLOBS)


@contextmanager
def bot_errors(token: str | None, not_a_change: type[Exception]) -> Iterator[None]:
    """A run on another event than a pull or merge request (`not_a_change`) is a warning and
    exit 0; a usage or API error, one line with the token masked and exit 2."""
    from ..forge.rest import ApiError, mask

    try:
        yield
    except not_a_change as exc:
        typer.echo(f"pmreview: warning: {exc}", err=True)
        raise typer.Exit(0) from None
    except (UsageError, ApiError) as exc:
        fail(mask(str(exc), token))


def finish(outcome: Outcome, dry_run: bool, token: str | None, fail_level: str) -> NoReturn:
    """Print what the bot did and exit as check does on its report."""
    _show(outcome, dry_run, token)
    report = outcome.report
    raise typer.Exit(exit_code(report, fail_level) if report else 0)


def _show(outcome: Outcome, dry_run: bool, token: str | None) -> None:
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
