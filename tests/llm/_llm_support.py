"""Test tools for the LLM stage: a scripted OpenAI-compatible server and a recording proxy, both
plain `http.server` on 127.0.0.1 in background threads, plus canned chat answers.

Imported as `_llm_support` (pytest puts tests/llm on sys.path, as it does tests/ for `_support`).
"""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from typer.testing import Result

from pmreview.llm import ChatRequest, ChatResponse

DOCS = Path(__file__).resolve().parents[1] / "data" / "llm"
WEBHOOKS = DOCS / "webhooks.md"  # e-mail, phone, IP and a token; vague statements
INJECTION = DOCS / "injection.md"  # tries to instruct the reviewer

# What tests/data/llm/webhooks.md holds that must never leave the machine.
PERSONAL = {
    "email": "ada.okafor@gmail.com",
    "phone": "+2348031234567",
    "ip": "172.16.4.21",
    "token": "ghp_Q7kLm2Xv9RtB4nZp8sWd1YfH6jCa3UeGo5Ni",
}


# --------------------------------------------------------------------------- answers


class Scripted:
    """A ChatClient answering from a list (a response, or an exception to raise)."""

    base_url = "scripted:"

    def __init__(self, *answers: ChatResponse | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[ChatRequest] = []

    def complete(self, request: ChatRequest) -> ChatResponse:
        self.requests.append(request)
        nxt = self.answers.pop(0)
        if isinstance(nxt, Exception):
            raise nxt
        return nxt


def answer(
    critiques: list[dict[str, str]] | None = None,
    verdicts: list[dict[str, str]] | None = None,
    tasks: list[dict[str, str]] | None = None,
) -> str:
    """A schema-valid review answer (the JSON text a model would write)."""
    return json.dumps(
        {"critiques": critiques or [], "verdicts": verdicts or [], "tasks": tasks or []}
    )


def critique(quote: str, problem: str = "Nobody can act on this.") -> dict[str, str]:
    return {
        "quote": quote,
        "problem": problem,
        "question": "What exactly happened?",
        "rewrite": "Say which component and which setting.",
    }


def verdict(check: str, status: str, quote: str, reason: str = "As quoted.") -> dict[str, str]:
    return {"check": check, "status": status, "quote": quote, "reason": reason}


def task(title: str, quote: str = "", priority: str = "P2") -> dict[str, str]:
    return {
        "title": title,
        "done_when": "A test shows it works",
        "owner_role": "platform team",
        "priority": priority,
        "quote": quote,
    }


# --------------------------------------------------------------------------- the fake server


@dataclass
class Reply:
    """One scripted HTTP answer. `body`: a dict is sent as JSON, a str as it is."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def ok(
    content: str,
    *,
    finish_reason: str = "stop",
    model: str = "m",
    prompt_tokens: int = 120,
    completion_tokens: int = 30,
) -> Reply:
    """A chat completion whose message is `content`."""
    return Reply(
        200,
        {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        },
    )


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-shaped error answer."""
    return Reply(
        status,
        {"error": {"message": message, "type": "invalid_request_error", "code": None}},
        headers or {},
    )


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    raw: str

    @property
    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.raw)
        return data

    @property
    def messages(self) -> list[dict[str, str]]:
        messages: list[dict[str, str]] = self.json["messages"]
        return messages


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Background:
    """A ThreadingHTTPServer on 127.0.0.1, port 0, served from a daemon thread."""

    handler: type[BaseHTTPRequestHandler]

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.requests: list[Seen] = []
        handler = type("Handler", (self.handler,), {"owner": self})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> _Background:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()  # wakes handlers that were told to stall
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def bodies(self) -> list[str]:
        with self.lock:
            return [r.raw for r in self.requests]

    def record(self, seen: Seen) -> None:
        with self.lock:
            self.requests.append(seen)


class _Handler(BaseHTTPRequestHandler):
    owner: Any
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _read(self) -> Seen:
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n).decode("utf-8") if n else ""
        seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, raw)
        self.owner.record(seen)
        return seen

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass


class _FakeHandler(_Handler):
    def do_POST(self) -> None:
        seen = self._read()
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, b'{"error": {"message": "no such route"}}', {})
            return
        reply = self.owner.next_reply(seen)
        if reply.delay and self.owner.stopping.wait(reply.delay):
            return
        body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
        headers = {"Content-Type": "application/json", **reply.headers}
        self._send(reply.status, body.encode("utf-8"), headers)

    def do_GET(self) -> None:
        self._read()
        self._send(200, b'{"object": "list", "data": [{"id": "m", "object": "model"}]}', {})


class FakeLLM(_Background):
    """An OpenAI-compatible endpoint answering POST /v1/chat/completions from a script of
    `Reply`s (then from `responder`, a function of the request, or `fallback`, if set), and
    recording every request."""

    handler = _FakeHandler

    def __init__(self) -> None:
        super().__init__()
        self.script: deque[Reply] = deque()
        self.fallback: Reply | None = None
        self.responder: Callable[[Seen], Reply] | None = None

    def reply(self, *replies: Reply) -> FakeLLM:
        self.script.extend(replies)
        return self

    def always(self, reply: Reply) -> FakeLLM:
        self.fallback = reply
        return self

    def respond(self, responder: Callable[[Seen], Reply]) -> FakeLLM:
        self.responder = responder
        return self

    def next_reply(self, seen: Seen) -> Reply:
        with self.lock:
            if self.script:
                return self.script.popleft()
        if self.responder is not None:
            return self.responder(seen)
        return self.fallback or error(599, "the test's script has no more replies")

    @property
    def chats(self) -> list[Seen]:
        with self.lock:
            return [r for r in self.requests if r.path.endswith("/chat/completions")]


# --------------------------------------------------------------------------- recording proxy


class _ProxyHandler(_Handler):
    def _forward(self) -> None:
        seen = self._read()
        upstream = http.client.HTTPConnection("127.0.0.1", self.owner.upstream, timeout=600)
        try:
            headers = {k: v for k, v in seen.headers.items() if k not in ("host", "connection")}
            upstream.request(self.command, self.path, seen.raw.encode("utf-8"), headers)
            response = upstream.getresponse()
            body = response.read()
            self.owner.answered(body)
            keep = {
                k: v
                for k, v in response.getheaders()
                if k.lower() not in ("content-length", "connection", "transfer-encoding")
            }
            self._send(response.status, body, keep)
        finally:
            upstream.close()

    do_POST = _forward
    do_GET = _forward


class RecordingProxy(_Background):
    """Passes every request to 127.0.0.1:`upstream` and records what was sent and, in
    `replies`, every JSON answer to a chat request."""

    handler = _ProxyHandler

    def __init__(self, upstream: int) -> None:
        self.upstream = upstream
        self.replies: list[dict[str, Any]] = []
        super().__init__()

    def answered(self, body: bytes) -> None:
        try:
            data = json.loads(body)
        except ValueError:
            return
        if isinstance(data, dict) and "choices" in data:
            with self.lock:
                self.replies.append(data)


# --------------------------------------------------------------------------- assertions


def sent_text(fake_llm: FakeLLM) -> str:
    """Every request body, raw and JSON-decoded (so escaping cannot hide a value)."""
    out = []
    for seen in fake_llm.requests:
        out.append(seen.raw)
        if seen.raw:
            out.append(json.dumps(seen.json, ensure_ascii=False))
    return "\n".join(out)


def folded(text: str) -> str:
    return " ".join(text.split())


def assert_quote_in_document(finding: dict[str, Any], text: str) -> None:
    """An LLM finding's quote is the document's own words at the finding's 1-based place."""
    assert finding["quote"], finding
    assert folded(finding["quote"]) in folded(text), finding
    lines = text.split("\n")
    assert 1 <= finding["line"] <= finding["end_line"] <= len(lines), finding
    assert finding["column"] >= 1 and finding["end_column"] >= 1, finding
    first = finding["quote"].split("\n", 1)[0]
    assert lines[finding["line"] - 1][finding["column"] - 1 :].startswith(first), finding


def document_block(user_message: str) -> list[str]:
    """The lines between the prompt's own <document> and </document> lines."""
    lines = user_message.split("\n")
    start = lines.index("<document>")
    end = len(lines) - 1 - lines[::-1].index("</document>")
    return lines[start + 1 : end]


NUMBERED = re.compile(r"^ *\d+ \| ")


def where(text: str, phrase: str) -> tuple[int, int]:
    """The 1-based (line, column) of the first occurrence of `phrase` in `text`."""
    at = text.index(phrase)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


# --------------------------------------------------------------------------- CLI runs


@dataclass
class Run:
    result: Result
    elapsed: float
    report: dict[str, Any] | None

    @property
    def doc(self) -> dict[str, Any]:
        assert self.report is not None, self.result.stdout
        document: dict[str, Any] = self.report["documents"][0]
        return document

    @property
    def llm(self) -> dict[str, Any]:
        llm: dict[str, Any] = self.doc["llm"]
        return llm

    @property
    def code(self) -> int:
        return self.result.exit_code

    @property
    def all_output(self) -> str:
        return self.result.stdout + self.result.stderr


Check = Callable[..., Run]
