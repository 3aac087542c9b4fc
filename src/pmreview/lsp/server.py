"""The language server: pygls handlers over the review pipeline.

Open a document: its offline review at once; change it: again after DEBOUNCE seconds of quiet;
save it: the LLM review too, in a worker thread, when an endpoint is configured (config file
or environment, as for `pmreview check`). A review is published only while the document is
still at the version it reviewed, so a slow answer never replaces a newer one; the next change
replaces the LLM's findings with the offline review of the new text.
"""

from __future__ import annotations

import asyncio
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from .. import __version__
from ..checks.profile import load as load_profile
from ..config import llm_settings, resolve
from ..errors import UsageError
from ..models import DocumentReview
from ..pipeline import Options, review_paths, review_text
from ..source import SUFFIXES
from .features import Reviewed, cut_notice
from .links import DOCS_URL
from .positions import Positions

DEBOUNCE = 0.3  # seconds without a change before a changed document is reviewed again
LANGUAGES = {"markdown", "plaintext", "text"}


def _llm_review(path: str, opts: Options) -> DocumentReview:
    """The review with the LLM stage of the saved file (run in a worker thread)."""
    report = review_paths([path], opts, jobs=1)
    if report.errors:
        raise UsageError(report.errors[0]["message"])
    return report.documents[0]


class PmreviewServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("pmreview", __version__)
        self.watched: set[str] = set()  # the open postmortems
        self.reviews: dict[str, Reviewed] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.llm_jobs: list[threading.Thread] = []
        self.shut_down = False
        self.docs = DOCS_URL

    def say(self, message: str) -> None:
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=f"pmreview: {message}")
        )

    def settings(self, doc: TextDocument) -> tuple[dict[str, Any], Options] | None:
        """The config found upward from the document's folder (else the workspace's), and
        the options it gives; None, said to the user, when it is invalid."""
        if doc.uri.startswith("file:"):
            folder = Path(doc.path).parent
        else:
            folder = Path(self.workspace.root_path or Path.cwd())
        try:
            cfg = resolve(None, folder)
        except UsageError as exc:
            self.say(str(exc))
            return None
        return cfg, Options.from_config(cfg)

    def publish(self, doc: TextDocument, review: DocumentReview, opts: Options) -> None:
        where = Positions.of(doc.source, doc.position_codec)
        profile = load_profile(opts.profile).name
        findings, cut = tuple(review.findings), cut_notice(review, where)
        done = Reviewed(doc.uri, doc.version, findings, where, profile, self.docs, cut)
        self.reviews[doc.uri] = done
        params = types.PublishDiagnosticsParams(
            uri=doc.uri, diagnostics=done.diagnostics(), version=doc.version
        )
        self.text_document_publish_diagnostics(params)

    def review(self, uri: str) -> None:
        """The offline review of the document's text as the editor holds it now."""
        self.timers.pop(uri, None)
        doc = self.workspace.get_text_document(uri)
        found = self.settings(doc)
        if found is None:
            return
        opts = replace(found[1], offline=True)
        try:
            review = review_text(doc.source, doc.path if uri.startswith("file:") else uri, opts)
        except UsageError as exc:
            self.say(str(exc))
            return
        self.publish(doc, review, opts)

    def review_later(self, uri: str) -> None:
        if (timer := self.timers.pop(uri, None)) is not None:
            timer.cancel()
        self.timers[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.review, uri)

    def review_saved(self, uri: str) -> None:
        """Start the LLM review of a saved file when an endpoint is configured."""
        doc = self.workspace.get_text_document(uri)
        found = self.settings(doc)
        if found is None or found[1].offline or not uri.startswith("file:"):
            return
        cfg, opts = found
        try:
            opts.llm, opts.llm_client = llm_settings(
                cfg,
                base_url=None,
                model=None,
                timeout=None,
                redact=True,
                cache_dir=None,
                use_cache=True,
                jobs=None,
                replay=None,
            )
        except UsageError as exc:
            self.say(str(exc))
            return
        if opts.llm is None:
            return
        loop, version = asyncio.get_running_loop(), doc.version

        def work() -> None:  # in a daemon thread: exit never waits for a slow endpoint
            try:
                review = _llm_review(doc.path, opts)
            except Exception as exc:  # reported to the user, whatever failed
                loop.call_soon_threadsafe(self.say, f"the LLM review failed: {exc}")
                return
            loop.call_soon_threadsafe(self.llm_done, uri, version, opts, review)

        job = threading.Thread(target=work, name="pmreview-llm", daemon=True)
        self.llm_jobs = [j for j in self.llm_jobs if j.is_alive()] + [job]
        job.start()

    def exit_now(self) -> None:
        """On exit with an LLM review still waiting for its endpoint, end the process at once:
        the LLM stage's worker threads would be joined at interpreter exit."""
        if any(j.is_alive() for j in self.llm_jobs):
            os._exit(0 if self.shut_down else 1)

    def llm_done(
        self, uri: str, version: int | None, opts: Options, review: DocumentReview
    ) -> None:
        """Publish the LLM review unless the document changed or closed since the save."""
        doc = self.workspace.text_documents.get(uri)
        if doc is not None and doc.version == version and uri in self.watched:
            self.publish(doc, review, opts)

    def forget(self, uri: str) -> None:
        self.watched.discard(uri)
        if (timer := self.timers.pop(uri, None)) is not None:
            timer.cancel()
        if self.reviews.pop(uri, None) is not None:
            params = types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            self.text_document_publish_diagnostics(params)


def _is_postmortem(doc: types.TextDocumentItem) -> bool:
    return doc.language_id in LANGUAGES or doc.uri.lower().endswith(SUFFIXES)


def build() -> PmreviewServer:
    """The server with its handlers registered."""
    server = PmreviewServer()
    _lifecycle(server)
    _document_sync(server)
    _features(server)
    return server


def _lifecycle(server: PmreviewServer) -> None:
    """Initialize (the client may name its docs URL), shutdown and exit."""

    @server.feature(types.INITIALIZE)
    def initialize(ls: PmreviewServer, params: types.InitializeParams) -> None:
        given = params.initialization_options
        if isinstance(given, dict) and isinstance(given.get("docsUrl"), str):
            ls.docs = given["docsUrl"]

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PmreviewServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.EXIT)
    def exit_(ls: PmreviewServer, params: None) -> None:
        ls.exit_now()


def _document_sync(server: PmreviewServer) -> None:
    """A postmortem opened is reviewed at once, changed after a pause, saved by the LLM too;
    closed, forgotten."""

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PmreviewServer, params: types.DidOpenTextDocumentParams) -> None:
        if _is_postmortem(params.text_document):
            ls.watched.add(params.text_document.uri)
            ls.review(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PmreviewServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.watched:
            ls.review_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PmreviewServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in ls.watched:
            ls.review_saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PmreviewServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)


def _features(server: PmreviewServer) -> None:
    """Hover and quick fixes, from the document's last published review."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PmreviewServer, params: types.HoverParams) -> types.Hover | None:
        done = ls.reviews.get(params.text_document.uri)
        return done.hover(params.position) if done else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: PmreviewServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        done = ls.reviews.get(params.text_document.uri)
        return done.code_actions(params.range) if done else []
