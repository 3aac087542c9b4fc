"""`pmreview coach`: walk an author through what is missing and vague, and write answers in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from . import fail
from ._options import ReviewArgs, review_options


def register(app: typer.Typer) -> None:
    app.command("coach")(coach)


@review_options(
    "profile", "config", "offline", "base_url", "model", "llm_timeout", "no_redact", "replay"
)
def coach(
    path: Annotated[str, typer.Argument(help="The postmortem to coach.")],
    answers: Annotated[
        Path | None,
        typer.Option(
            help="YAML file mapping a check or rule id to your answer "
            "(e.g. summary.end_time: '07:45 EAT'); no questions are asked."
        ),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite PATH itself instead of PATH.coached.md.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the coached text here.")
    ] = None,
    *,
    review: ReviewArgs,
) -> None:
    """Walk through what is missing and vague, most important first, and write your answers in."""
    from dataclasses import replace

    from ..coach.command import answers_or_terminal, coach_file
    from ..config import resolve

    try:
        answer_map = answers_or_terminal(path, answers)
        opts = replace(review, no_cache=True).options(resolve(review.config, Path.cwd()))
        coach_file(path, opts, answer_map, output, in_place)
    except UsageError as exc:
        fail(str(exc))
