"""`pmreview explain`: what a rule or check checks, why, and a bad and a good example."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from . import fail


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)


def explain(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            help="Rule or check ids or slugs (PM101, vague-cause, summary.end_time), or score."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
    every: Annotated[bool, typer.Option("--all", help="Explain every rule and check.")] = False,
    profile: Annotated[
        str | None,
        typer.Option(help="Explain this profile's checks (default: every built-in profile's)."),
    ] = None,
) -> None:
    """Explain a rule or check: what it checks, why it matters, a bad and a good example."""
    from .. import explain as docs

    if fmt not in ("text", "markdown"):
        fail(f"unknown format {fmt!r} (choose from: text, markdown)")
    if not ids and not every:
        fail("name a rule or check id to explain (see pmreview rules), or use --all")
    try:
        if every:
            out = docs.document(profile) if fmt == "markdown" else docs.text_all(profile)
        else:
            render = docs.as_markdown if fmt == "markdown" else docs.as_text
            out = "\n".join(render(docs.find(i, profile)) for i in ids or [])
    except UsageError as exc:
        fail(str(exc))
    typer.echo(out, nl=False)
