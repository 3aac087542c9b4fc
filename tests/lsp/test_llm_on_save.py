"""On save, with an endpoint configured, the server adds the LLM review's findings: here from
the LLM tests' scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from _editor import TIMEOUT, Editor, config
from lsprotocol import types

sys.path.append(str(Path(__file__).resolve().parents[1] / "llm"))
from _llm_support import FakeLLM, Reply, answer, critique, ok  # noqa: E402

pytestmark = pytest.mark.asyncio

TEXT = """\
# Login outage

## Summary

From 09:00 to 09:40 UTC 12% of logins failed. The root cause was an expired certificate.

## Timeline

- 09:00 UTC the login error alert fired
- 09:40 UTC logins recovered after the certificate was renewed
"""


async def test_saving_adds_the_llm_findings(tmp_path: Path) -> None:
    path = tmp_path / "login.md"
    path.write_text(TEXT, encoding="utf-8")
    with FakeLLM() as llm:
        llm.always(ok(answer(critiques=[critique("the login error alert fired")])))
        env = {
            "OPENAI_BASE_URL": llm.url,
            "PMREVIEW_MODEL": "m",
            "NO_PROXY": "127.0.0.1,localhost",
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
        editor = await config(**env).start()
        assert isinstance(editor, Editor)
        try:
            await editor.initialize_session(
                types.InitializeParams(capabilities=types.ClientCapabilities())
            )
            uri = editor.open(path, TEXT)
            offline = await editor.next_diagnostics(uri, 1)
            assert not llm.chats  # opening the document asked nothing
            editor.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri))
            )
            saved = await editor.next_diagnostics(uri, 1)
            await editor.shutdown_session()
        finally:
            await editor.stop()
    assert len(llm.chats) >= 1
    critiques = [d for d in saved if d.code == "PM901"]
    assert len(critiques) == 1 and "PM901" not in {d.code for d in offline}
    assert (critiques[0].range.start.line, critiques[0].range.start.character) == (8, 12)


async def _request_sent(llm: FakeLLM) -> None:
    while not llm.chats:
        await asyncio.sleep(0.01)


async def test_a_slow_endpoint_blocks_neither_requests_nor_exit(tmp_path: Path) -> None:
    path = tmp_path / "login.md"
    path.write_text(TEXT, encoding="utf-8")
    with FakeLLM() as llm:
        llm.always(Reply(delay=TIMEOUT))  # answers only when the test ends
        env = {"OPENAI_BASE_URL": llm.url, "PMREVIEW_MODEL": "m", "NO_PROXY": "127.0.0.1"}
        editor = await config(**env, XDG_CACHE_HOME=str(tmp_path / "cache")).start()
        assert isinstance(editor, Editor)
        try:
            await editor.initialize_session(
                types.InitializeParams(capabilities=types.ClientCapabilities())
            )
            uri = editor.open(path, TEXT)
            await editor.next_diagnostics(uri, 1)
            editor.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri))
            )
            await asyncio.wait_for(_request_sent(llm), TIMEOUT)
            editor.change(
                uri,
                2,
                [
                    types.TextEdit(
                        range=types.Range(
                            start=types.Position(line=0, character=2),
                            end=types.Position(line=0, character=7),
                        ),
                        new_text="Sign-in",
                    )
                ],
            )
            assert await editor.next_diagnostics(uri, 2)
            await asyncio.wait_for(editor.shutdown_session(), TIMEOUT / 2)
        finally:
            await editor.stop()
