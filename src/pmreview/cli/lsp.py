"""`pmreview lsp`: the language server (an optional extra: pip install 'pmreview[lsp]')."""

from __future__ import annotations

import typer

from ..errors import UsageError
from . import fail


def register(app: typer.Typer) -> None:
    app.command("lsp")(lsp)


def lsp() -> None:
    """Run the language server on stdin/stdout (needs: pip install 'pmreview[lsp]')."""
    from ..lsp import start

    try:
        start()
    except UsageError as exc:
        fail(str(exc))
