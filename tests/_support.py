"""Constants and tools shared by the test modules (imported as `_support`: pytest puts tests/ on
sys.path)."""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qsl, urlsplit

from pmreview.models import Document
from pmreview.parse import parse
from pmreview.source import from_text

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# The team's shared material (spec, corpus), next to the repository; PMREVIEW_SHARED points
# elsewhere (a git worktree lives one level deeper). Tests that need it skip without it.
SHARED = Path(os.environ.get("PMREVIEW_SHARED") or REPO.parent / "shared")
CORPUS = sorted((SHARED / "corpus").glob("*/*.md"))

# The ids of spec/checks.md (profile `default`), spelled exactly.
DEFAULT_CHECK_IDS = (
    "summary.present",
    "summary.duration",
    "summary.start_time",
    "summary.end_time",
    "summary.timezone",
    "summary.impact",
    "summary.affected_share",
    "summary.root_cause",
    "timeline.present",
    "timeline.format",
    "timeline.detection",
    "timeline.actions",
    "timeline.misleading",
    "timeline.escalation",
    "timeline.resolution",
    "root_cause.present",
    "root_cause.detail",
    "resolution.detail",
    "measures.present",
    "measures.improvements",
    "measures.tasks",
)

# A short postmortem with a few vague statements, each on its own line, for inline use.
SAMPLE = """\
# Cache outage

## Summary

On 2024-03-02 from 14:00 to 14:30 UTC the product pages of shop-web were slow.
The outage was caused by a glitch.

## Timeline

- 14:00 UTC - Latency alert fired for shop-web.
- 14:30 UTC - It was fixed.

## Action items

- Improve monitoring
- Add an alert on p99 latency of shop-web above 2 s (owner: web team)
"""


_Served = TypeVar("_Served", bound="Loopback")


@dataclass
class Recorded:
    """A request the fake server received."""

    method: str
    path: str  # without the query, as sent (percent-encoding kept)
    query: dict[str, str]
    headers: dict[str, str]  # names lower-cased
    body: str
    target: str  # the request line's target, as sent


@dataclass
class Failure:
    """An answer the fake server gives `times` times to requests matching `method` and `path`."""

    method: str
    path: re.Pattern[str]
    status: int
    body: Any
    headers: dict[str, str]
    times: int


class Loopback:
    """A `ThreadingHTTPServer` on 127.0.0.1 (a free port) served from a daemon thread while the
    object is used as a context manager: the fake GitHub and GitLab servers build on it."""

    content_type = "application/json"
    default_headers: dict[str, str] = {}  # sent unless the answer sets them

    def answer(self, req: Recorded) -> tuple[int, Any, dict[str, str]]:
        """Status, JSON body (None: empty) and headers for a request (under `self._lock`)."""
        raise NotImplementedError

    def _serve(self) -> None:
        self._lock = threading.RLock()
        self.requests: list[Recorded] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _recording_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self: _Served) -> _Served:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"


def _recording_handler(server: Loopback) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            split = urlsplit(self.path)
            req = Recorded(
                method=self.command,
                path=split.path,
                query=dict(parse_qsl(split.query)),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=raw,
                target=self.path,
            )
            with server._lock:
                server.requests.append(req)
                status, body, headers = server.answer(req)
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", server.content_type)
            self.send_header("Content-Length", str(len(data)))
            given = {k.lower() for k in headers}
            for name, value in server.default_headers.items():
                if name.lower() not in given:
                    self.send_header(name, value)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    return Handler


# What a test of a command must not inherit from the developer's shell: an LLM endpoint or key,
# a proxy that would take loopback traffic elsewhere.
CLEAN_ENV = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "PMREVIEW_MODEL",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


def clean_env(
    monkeypatch: Any, tmp_path: Path, prefixes: tuple[str, ...] = (), names: tuple[str, ...] = ()
) -> None:
    """Remove CLEAN_ENV, `names` and every variable starting with one of `prefixes`; loopback
    goes direct, and the default cache is a temporary folder."""
    for name in list(os.environ):
        if name.startswith(prefixes) or name in CLEAN_ENV or name in names:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@dataclass
class Job(Generic[_Served]):
    """A run of a bot command (`pmreview github|gitlab`): its result and the server that saw it."""

    result: Any  # typer.testing.Result
    server: _Served

    @property
    def stdout(self) -> str:
        return str(self.result.stdout)

    @property
    def stderr(self) -> str:
        return str(self.result.stderr)

    @property
    def code(self) -> int:
        return int(self.result.exit_code)


def doc_of(text: str) -> Document:
    """The parsed document of a test's text."""
    return parse(from_text(text))


def timeline_quote(check: str, *entries: str, hour: int = 10) -> str | None:
    """The quote a timeline check (`detection`, `resolution`, …) gives on a document whose
    Timeline holds `entries` as bullets timed five minutes apart from `hour`:10 UTC; None when
    it finds nothing."""
    from pmreview.checks.timeline import timeline

    body = "\n".join(f"- {hour:02d}:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(entries))
    found = timeline(doc_of(f"# Outage\n\n## Timeline\n\n{body}\n"))[check]
    return None if found is None else str(found["quote"])
