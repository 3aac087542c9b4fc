"""`pmreview gitlab`: review a merge request's postmortems and keep one note on it."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from . import fail
from ._forge import GlobOpt, show
from ._options import ReviewArgs, exit_code, review_options, split


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
    from ..forge.globs import DEFAULT_GLOBS
    from ..forge.rest import ApiError, mask
    from ..gitlab import bot

    token = bot.token_of(os.environ)
    try:
        ctx = bot.context(os.environ, project=project, mr=mr)
        if not dry_run:
            bot.require_token(ctx)
        cfg = resolve(review.config, ctx.workspace)
        opts = review.options(cfg)
        globs = split(glob) or list(DEFAULT_GLOBS)
        outcome = bot.run(ctx, opts, globs, jobs=review.jobs, dry_run=dry_run)
    except bot.NotAMergeRequest as exc:
        typer.echo(f"pmreview: warning: {exc}", err=True)
        raise typer.Exit(0) from None
    except (UsageError, ApiError) as exc:
        fail(mask(str(exc), token))
    show(outcome, dry_run, token)
    report = outcome.report
    raise typer.Exit(exit_code(report, review.fail_level(cfg)) if report else 0)
