"""The `coach` command's flow: review the file, coach it (from an answers file or in the
terminal), write the coached text next to the original, review it again and say what changed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..errors import UsageError
from ..models import DocumentReview
from .answers import load_answers
from .rewrite import Rewriter
from .session import Outcome, session

if TYPE_CHECKING:
    from ..models import Source
    from ..pipeline import Options


def answers_or_terminal(path: str, answers_file: Path | None) -> dict[str, Any] | None:
    """The answers file's answers, or None: the questions are asked in the terminal. A usage
    error when there is no file to write next to, or neither answers nor a terminal."""
    if path == "-":
        raise UsageError("coach needs a file to write next to; - (stdin) is not one")
    answers = load_answers(str(answers_file)) if answers_file is not None else None
    if answers is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "coach asks questions in a terminal; without one, give the answers in a "
            "file: --answers answers.yaml"
        )
    return answers


def coach_file(
    path: str, opts: Options, answers: Mapping[str, Any] | None, output: Path | None, in_place: bool
) -> None:
    """Coach the file at `path` (by `answers`, else in the terminal) and write the coached text
    to `output`, PATH itself (`in_place`) or PATH.coached.md; say what changed."""
    from ..pipeline import review_document
    from ..source import load

    source = _coachable(path, in_place=in_place and output is None)
    if answers:
        _warn_unknown(answers, opts.profile)
    deterministic = replace(opts, llm=None, llm_client=None, offline=True)
    before = review_document(source, deterministic)
    rewriter = _rewriter(opts, source)
    outcome = session(
        before,
        echo=typer.echo,
        answers=answers,
        ask=None if answers is not None else _ask,
        rewriter=rewriter,
        emph=_emphasis(sys.stdout.isatty()),
        failing=_failing(path, deterministic),
    )
    if not outcome.answered:
        typer.echo("Nothing was answered, so nothing was written.")
        return
    target = output or (Path(path) if in_place else coached_path(path))
    _write(target, outcome.text)
    after = review_document(load(str(target)), deterministic)
    _summary(before, after, target, outcome, llm=rewriter is not None)


def _coachable(path: str, in_place: bool) -> Source:
    """The document at `path`; a usage error when it is to be coached `in_place` but was
    converted to Markdown (from a .docx): the Markdown would overwrite it."""
    from ..source import load

    source = load(path)
    if in_place and source.converted_from:
        raise UsageError(
            f"{path}: a {source.converted_from} file cannot be coached in place; "
            "leave out --in-place to write the coached Markdown beside it"
        )
    return source


def _failing(path: str, opts: Options) -> Callable[[str], set[str]]:
    """The checks a text of the document at `path` fails (how the session sees an answer
    that made an element present)."""
    from ..pipeline import review_document
    from ..source import from_text

    def failing(text: str) -> set[str]:
        checks = review_document(from_text(text, path), opts).checks
        return {cid for cid, c in checks.items() if c.status != "pass"}

    return failing


def _write(target: Path, text: str) -> None:
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None


def coached_path(path: str) -> Path:
    p = Path(path)
    name = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{name}.coached.md")


def _warn_unknown(answers: Mapping[str, Any], profile: str) -> None:
    from ..catalog import load as load_catalog

    known = load_catalog(profile).names()
    for key in answers:
        if key not in known:
            typer.echo(
                f"pmreview: warning: {key!r} in the answers file is no check or rule id "
                "(see pmreview rules)",
                err=True,
            )


def _rewriter(opts: Options, source: Source) -> Rewriter | None:
    """The LLM rewriter, when an LLM is configured and not turned off."""
    if opts.llm is None or opts.offline:
        return None
    if opts.llm_client is not None:
        return Rewriter(opts.llm_client, opts.llm, source)
    from ..llm.client import OpenAIClient

    return Rewriter(OpenAIClient(opts.llm), opts.llm, source)


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return "q"


def _emphasis(color: bool) -> Callable[[str], str]:
    if color:
        return lambda text: typer.style(text, bold=True, underline=True)
    return lambda text: f"»{text}«"


def _summary(
    before: DocumentReview, after: DocumentReview, target: Path, outcome: Outcome, llm: bool
) -> None:
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
    llm_note = f" · LLM requests: {outcome.llm_requests}" if llm else ""
    typer.echo(f"Review it: pmreview {target}{llm_note}")
