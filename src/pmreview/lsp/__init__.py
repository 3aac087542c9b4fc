"""`pmreview lsp`: a language server for postmortems on stdin/stdout, built on pygls (the
optional `lsp` extra, so the default install does not carry it).

Diagnostics are the offline review of the editor's text, on open and (debounced) on change;
the LLM review runs on save only when an endpoint is configured, in the background. The
workspace's `.pmreview.toml` applies, found upward from the document's folder.
"""

from __future__ import annotations

from ..errors import UsageError

INSTALL_HINT = "the language server needs pygls: pip install 'pmreview[lsp]'"
_EXTRA = ("pygls", "lsprotocol", "cattrs", "attrs")  # the extra and what it brings


def start() -> None:
    """Serve on stdin/stdout until the client says exit; UsageError when pygls is missing."""
    try:
        from .server import build
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in _EXTRA:
            raise
        raise UsageError(INSTALL_HINT) from None
    build().start_io()
