"""`pmreview github`: review a pull request's postmortems and keep one comment on it."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from . import fail
from ._forge import GlobOpt, show
from ._options import ReviewArgs, exit_code, review_options, split


def register(app: typer.Typer) -> None:
    app.command("github")(github)


@review_options()
def github(
    glob: GlobOpt = None,
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
    from ..forge.globs import DEFAULT_GLOBS
    from ..forge.rest import ApiError, mask
    from ..github import bot

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
    except (UsageError, ApiError) as exc:
        fail(mask(str(exc), token))
    show(outcome, dry_run, token)
    report = outcome.report
    raise typer.Exit(exit_code(report, review.fail_level(cfg)) if report else 0)
