"""`pmreview init`: write a postmortem template for a profile."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import UsageError
from . import fail


def register(app: typer.Typer) -> None:
    app.command("init")(init)


def init(
    path: Annotated[
        str | None,
        typer.Argument(help="File to write (a folder gets postmortem.md); - prints it."),
    ] = None,
    profile: Annotated[str, typer.Option(help="Profile whose template to write.")] = "default",
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a postmortem template for a profile: guidance comments and placeholders to fill."""
    from .. import scaffold

    try:
        if path == "-":
            typer.echo(scaffold.template(profile), nl=False)
            return
        out = scaffold.write(path, profile, force)
    except UsageError as exc:
        fail(str(exc))
    profile_flag = "" if profile == "default" else f" --profile {profile}"
    typer.echo(
        f"Wrote {out}. Replace each [insert …] and XX:XX placeholder, then run: "
        f"pmreview{profile_flag} {out}"
    )
