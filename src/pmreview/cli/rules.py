"""`pmreview rules`: every rule and check id with its severity and one-line description."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from . import fail


def register(app: typer.Typer) -> None:
    app.command("rules")(list_rules)


def list_rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    profile: Annotated[str, typer.Option(help="Profile whose checks to list.")] = "default",
) -> None:
    """List every rule and check id with its severity and one-line description."""
    from ..catalog import listing

    try:
        typer.echo(listing(profile, fmt), nl=False)
    except UsageError as exc:
        fail(str(exc))
