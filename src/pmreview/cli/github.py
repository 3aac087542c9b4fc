"""`pmreview github`: review a pull request's postmortems and keep one comment on it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from . import fail
from ._options import ReviewArgs, exit_code, review_options, split

if TYPE_CHECKING:
    from ..github.bot import Outcome


def register(app: typer.Typer) -> None:
    app.command("github")(github)


@review_options()
def github(
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="Changed files to review (default: **/postmortem*.md, **/postmortems/**/*.md, "
            "**/*post-mortem*.md, **/incident*.md). Repeat or comma-separate.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the comment instead of posting it.")
    ] = False,
    event: Annotated[
        str | None, typer.Option("--event", help="Event payload (default: GITHUB_EVENT_PATH).")
    ] = None,
    repo: Annotated[
        str | None, typer.Option("--repo", help="OWNER/NAME (default: GITHUB_REPOSITORY).")
    ] = None,
    *,
    review: ReviewArgs,
) -> None:
    """Review the postmortems a pull request changes and keep one comment on it up to date.

    Run in a GitHub Actions job on pull_request: reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
    GITHUB_TOKEN, GITHUB_API_URL and the files checked out in GITHUB_WORKSPACE. Exit codes
    as for check; any other event is not an error (a warning, exit 0).
    """
    import os

    from ..config import resolve
    from ..github import bot
    from ..github.api import GitHubError, mask
    from ..github.globs import DEFAULT_GLOBS

    token = os.environ.get("GITHUB_TOKEN")
    try:
        ctx = bot.context(os.environ, event=event, repo=repo)
        pr = bot.read_event(ctx.event_path, os.environ.get("GITHUB_EVENT_NAME"))
        if not dry_run:
            bot.require_token(ctx)
        cfg = resolve(review.config, ctx.workspace)
        opts = review.options(cfg)
        globs = split(glob) or list(DEFAULT_GLOBS)
        outcome = bot.run(ctx, pr, opts, globs, jobs=review.jobs, dry_run=dry_run)
    except bot.NotAPullRequest as exc:
        typer.echo(f"pmreview: warning: {exc}", err=True)
        raise typer.Exit(0) from None
    except (UsageError, GitHubError) as exc:
        fail(mask(str(exc), token))
    _show(outcome, dry_run, token)
    report = outcome.report
    raise typer.Exit(exit_code(report, review.fail_level(cfg)) if report else 0)


def _show(outcome: Outcome, dry_run: bool, token: str | None) -> None:
    """The comment (--dry-run) or the report on stdout; notes, summary and errors on stderr;
    the token masked everywhere."""
    from ..github.api import mask
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
