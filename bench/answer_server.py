"""An OpenAI-compatible chat server on 127.0.0.1 that serves recorded answers.

An answer is keyed by the document the request sends (the text between `<document>` and
`</document>` of its first user message), so it survives changes to the instructions and the
findings list. A request for a document without an answer gets HTTP 404, which pmreview reports
as a failed LLM stage. Usage is counted from characters (tokens = characters / 4, the same
estimate as `pmreview.llm.reviewer.tokens`): the prompt's messages and response format, the
answer's text.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from pmreview.llm.reviewer import tokens

OPEN, CLOSE = "<document>\n", "\n</document>"


def document_of(user: str) -> str | None:
    """The document a reviewer request's user message sends, or None. The document's own
    lines are numbered, so a "</document>" inside it cannot end the block."""
    start, end = user.find(OPEN), user.rfind(CLOSE)
    return user[start + len(OPEN) : end] if start >= 0 and start + len(OPEN) <= end else None


def document_key(user: str) -> str | None:
    """The key of a request's answer: a hash of the document it sends."""
    text = document_of(user)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20] if text is not None else None


def request_key(request: dict[str, Any]) -> str | None:
    """The key of a chat request (its JSON body): of its first user message's document."""
    users = [m for m in request.get("messages", []) if m.get("role") == "user"]
    return document_key(str(users[0].get("content", ""))) if users else None


class AnswerServer:
    """`with AnswerServer(answers, model) as server:` serves `answers` (key -> the answer's
    text) at `server.url` (an OpenAI base URL) until the block ends."""

    def __init__(self, answers: dict[str, str], model: str) -> None:
        self.answers, self.model = answers, model
        self.served: list[str] = []
        self.missing: list[str | None] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> AnswerServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def completion(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The HTTP status and body answering one chat request."""
        key = request_key(request)
        if key not in self.answers:
            self.missing.append(key)
            return 404, {"error": {"message": f"no recorded answer for document {key}"}}
        self.served.append(key)
        content = self.answers[key]
        sent = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
        sent += len(json.dumps(request.get("response_format", {}), separators=(",", ":")))
        usage = {"prompt_tokens": tokens(sent), "completion_tokens": tokens(len(content))}
        return 200, {
            "id": f"chatcmpl-{key}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": usage | {"total_tokens": sum(usage.values())},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                status, answer = (
                    server.completion(body)
                    if self.path.rstrip("/").endswith("/chat/completions")
                    else (404, {"error": {"message": f"no such endpoint {self.path}"}})
                )
                data = json.dumps(answer).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:  # quiet
                pass

        return Handler
