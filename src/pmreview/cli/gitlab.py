"""`pmreview gitlab`: review a merge request's postmortems and keep one note on it."""

from __future__ import annotations

from typing import Annotated

import typer

from ._forge import GlobOpt, bot_errors, finish, globs
from ._options import ReviewArgs, review_options


def register(app: typer.Typer) -> None:
    app.command("gitlab")(gitlab)


@review_options()
def gitlab(
    glob: GlobOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the note instead of posting it.")
    ] = False,
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            help="Project id or GROUP/NAME (default: CI_MERGE_REQUEST_PROJECT_ID, CI_PROJECT_ID).",
        ),
    ] = None,
    mr: Annotated[
        int | None,
        typer.Option("--mr", min=1, help="Merge request iid (default: CI_MERGE_REQUEST_IID)."),
    ] = None,
    *,
    review: ReviewArgs,
) -> None:
    """Review the postmortems a merge request changes and keep one note on it up to date.

    Run in a GitLab CI job on merge_request_event: reads CI_MERGE_REQUEST_IID, CI_PROJECT_ID,
    CI_API_V4_URL, the token in PMREVIEW_GITLAB_TOKEN (or GITLAB_TOKEN) and the files checked
    out in CI_PROJECT_DIR. Exit codes as for check; any other pipeline is not an error (a
    warning, exit 0).
    """
    import os

    from ..config import resolve
    from ..gitlab import bot

    token = bot.token_of(os.environ)
    with bot_errors(token, bot.NotAMergeRequest):
        ctx = bot.context(os.environ, project=project, mr=mr)
        if not dry_run:
            bot.require_token(ctx)
        cfg = resolve(review.config, ctx.workspace)
        opts = review.options(cfg)
        outcome = bot.run(ctx, opts, globs(glob), jobs=review.jobs, dry_run=dry_run)
    finish(outcome, dry_run, token, review.fail_level(cfg))
