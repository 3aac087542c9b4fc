"""`pmreview convert`: print the Markdown that pmreview reviews for a Word or HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from . import fail, write_out


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)


def convert(
    path: Annotated[
        str,
        typer.Argument(help="A .docx, .html or .htm file (a Markdown or text file as it is read)."),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the Markdown to this file.")
    ] = None,
) -> None:
    """Print the Markdown that a Word or HTML file is reviewed as.

    Its lines are the lines that reports point at. Needs the convert extra: pip install
    'pmreview[convert]'."""
    from ..source import load

    try:
        text = load(path).text
    except UsageError as exc:
        fail(str(exc))
    write_out(text, output, "the Markdown")
