"""`pmreview coach`: walk an author through what is missing and vague, and write answers in."""

from __future__ import annotations

import sys
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

    from .. import coach as coaching
    from ..config import resolve
    from ..document import parse
    from ..profile import load as load_profile
    from ..review import review_document
    from ..rules import selectable
    from ..source import from_text, load

    try:
        if path == "-":
            raise UsageError("coach needs a file to write next to; - (stdin) is not one")
        answer_map = coaching.load_answers(str(answers)) if answers is not None else None
        if answer_map is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(
                "coach asks questions in a terminal; without one, give the answers in a "
                "file: --answers answers.yaml"
            )
        cfg = resolve(review.config, Path.cwd())
        opts = replace(review, no_cache=True).options(cfg)
        source = load(path)
        prof = load_profile(opts.profile)
    except UsageError as exc:
        fail(str(exc))
    if answer_map:
        known = {name for pair in selectable(prof.checks) for name in pair}
        for key in answer_map:
            if key not in known:
                typer.echo(
                    f"pmreview: warning: {key!r} in the answers file is no check or rule id "
                    "(see pmreview rules)",
                    err=True,
                )
    deterministic = replace(opts, llm=None, llm_client=None, offline=True)
    before = review_document(source, deterministic)
    doc = parse(source)
    rewriter = None
    if opts.llm is not None and not opts.offline:
        from ..review import _client

        client = opts.llm_client or _client(opts.llm)
        rewriter = coaching.Rewriter(client, opts.llm, doc)
    color = sys.stdout.isatty()

    def emph(text: str) -> str:
        return typer.style(text, bold=True, underline=True) if color else f"»{text}«"

    def ask(prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            return "q"

    outcome = coaching.session(
        before,
        doc,
        echo=typer.echo,
        answers=answer_map,
        ask=None if answer_map is not None else ask,
        rewriter=rewriter,
        emph=emph,
        failing=lambda text: {
            cid
            for cid, c in review_document(from_text(text, path), deterministic).checks.items()
            if c.status != "pass"
        },
    )
    if not outcome.answered:
        typer.echo("Nothing was answered, so nothing was written.")
        return
    target = output or (Path(path) if in_place else coaching.coached_path(path))
    try:
        target.write_text(outcome.text, encoding="utf-8")
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror or exc}")
    after = review_document(load(str(target)), deterministic)
    old, new = before.score["overall"], after.score["overall"]
    passed = [
        cid
        for cid, c in after.checks.items()
        if c.status == "pass" and before.checks[cid].status != "pass"
    ]
    typer.echo("")
    typer.echo(
        f"Wrote {target}: {len(outcome.answered)} answered, {outcome.skipped} skipped. "
        f"Specificity score {old} → {new} ({new - old:+d})."
    )
    if passed:
        typer.echo(f"Now present: {', '.join(passed)}.")
    llm_note = f" · LLM requests: {outcome.llm_requests}" if rewriter is not None else ""
    typer.echo(f"Review it: pmreview {target}{llm_note}")
