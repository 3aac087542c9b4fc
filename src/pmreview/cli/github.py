"""`pmreview github`: review a pull request's postmortems and keep one comment on it."""

from __future__ import annotations

from typing import Annotated

import typer

from ._forge import GlobOpt, bot_errors, finish, globs
from ._options import ReviewArgs, review_options


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
    from ..github import bot

    token = os.environ.get("GITHUB_TOKEN")
    with bot_errors(token, bot.NotAPullRequest):
        ctx = bot.context(os.environ, event=event, repo=repo)
        pr = bot.read_event(ctx.event_path, os.environ.get("GITHUB_EVENT_NAME"))
        if not dry_run:
            bot.require_token(ctx)
        cfg = resolve(review.config, ctx.workspace)
        opts = review.options(cfg)
        outcome = bot.run(ctx, pr, opts, globs(glob), jobs=review.jobs, dry_run=dry_run)
    finish(outcome, dry_run, token, review.fail_level(cfg))
