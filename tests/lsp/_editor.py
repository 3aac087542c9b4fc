"""The editor side of the language server's tests: a pytest-lsp client that queues every
publishDiagnostics it receives, the server's command and environment, and the same findings
from `pmreview check --format json`, turned into LSP positions here (independently of the
server) for comparison. Imported as `_editor` (pytest puts tests/lsp on sys.path)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from _support import REPO
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

TIMEOUT = 60.0  # seconds: a bound for a broken server, not a wait the tests rely on
LLM_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "PMREVIEW_MODEL")
SERVER = [sys.executable, "-m", "pmreview", "lsp"]


def server_env(**extra: str) -> dict[str, str]:
    """This environment, less any LLM endpoint, with the project's sources first."""
    env = {k: v for k, v in os.environ.items() if k not in LLM_ENV}
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])
    )
    return {**env, **extra}


class Editor(LanguageClient):
    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    async def next_diagnostics(self, uri: str, version: int) -> list[types.Diagnostic]:
        """The diagnostics the server publishes for `uri` at `version` (earlier ones are
        skipped): waits for the notification, however long the review takes."""
        while True:
            params = await asyncio.wait_for(self.published.get(), TIMEOUT)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = path.as_uri()
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, version: int, edits: list[types.TextEdit]) -> None:
        changes: list[types.TextDocumentContentChangeEvent] = [
            types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits
        ]
        doc = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=doc, content_changes=changes)
        )


def _published(ls: Editor, params: types.PublishDiagnosticsParams) -> None:
    ls.published.put_nowait(params)


def make_editor() -> Editor:
    editor = Editor()
    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _published}
    register_lsp_features(editor, features)
    return editor


def config(**env: str) -> ClientServerConfig:
    return ClientServerConfig(SERVER, client_factory=make_editor, server_env=server_env(**env))


def utf16(line: str, column: int) -> int:
    """pmreview's 1-based column (code points) as an LSP character (UTF-16 code units)."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def cli_findings(path: Path) -> list[dict[str, Any]]:
    """`pmreview check --offline --format json PATH`, run in PATH's folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "pmreview", "check", "--offline", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent,
        env=server_env(),
        timeout=TIMEOUT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)["documents"][0]["findings"]
    return findings


def expected(path: Path) -> list[tuple[str, str, int, int, int, int, str]]:
    """The CLI's findings as (code, severity, start line, start character, end line, end
    character, message), 0-based and in UTF-16 code units."""
    lines = path.read_text("utf-8").split("\n")
    return [
        (
            f["rule"],
            f["severity"],
            f["line"] - 1,
            utf16(lines[f["line"] - 1], f["column"]),
            f["end_line"] - 1,
            utf16(lines[f["end_line"] - 1], f["end_column"]),
            f["message"],
        )
        for f in cli_findings(path)
    ]


SEVERITY = {1: "error", 2: "warning", 3: "info"}


def seen(diagnostics: list[types.Diagnostic]) -> list[tuple[str, str, int, int, int, int, str]]:
    """The diagnostics in the form of `expected`."""
    return [
        (
            str(d.code),
            SEVERITY[int(d.severity or 0)],
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
        )
        for d in diagnostics
    ]
