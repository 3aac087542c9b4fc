"""Test tools for the bot: a GitHub-compatible REST server, a real `ThreadingHTTPServer` on
127.0.0.1 with in-memory state, implementing the endpoints the bot uses, and recording every
request it receives.

- GET    {prefix}/repos/{owner}/{repo}/pulls/{n}/files        (paginated)
- GET    {prefix}/repos/{owner}/{repo}/issues/{n}/comments    (paginated)
- POST   {prefix}/repos/{owner}/{repo}/issues/{n}/comments
- PATCH  {prefix}/repos/{owner}/{repo}/issues/comments/{id}
- POST   /v1/chat/completions (an OpenAI-compatible answer, to see the LLM options arrive)

Pages are at most `page_size` items (2 by default) whatever `per_page` asks, so that any
listing longer than that needs the Link header's rel="next" to be followed. Failures can be
scripted per method and path. A wrong token gets 401 like GitHub's "Bad credentials";
no Authorization at all is accepted (a public repository).

Imported as `_github_support` (pytest puts tests/github on sys.path).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _support import Failure, Job, Loopback, Recorded

TOKEN = "ghs_SECRETTOKEN123"
REPO = "acme/ops"
HEAD_SHA = "0123456789abcdef0123456789abcdef01234567"
BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
FILES = re.compile(r"/repos/([^/]+/[^/]+)/pulls/(\d+)/files")
COMMENTS = re.compile(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments")
COMMENT = re.compile(r"/repos/([^/]+/[^/]+)/issues/comments/(\d+)")
LLM_ANSWER = {"critiques": [], "verdicts": [], "tasks": []}


@dataclass
class FakeGitHub(Loopback):
    content_type = "application/json; charset=utf-8"
    default_headers = {"x-ratelimit-remaining": "4999"}
    token: str = TOKEN
    repo: str = REPO
    page_size: int = 2
    prefix: str = ""  # "/api/v3" for a GitHub Enterprise-like server
    link_host: str | None = None  # set to put rel="next" links on another host
    files: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    comments: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _next_id: int = 1000

    def __post_init__(self) -> None:
        self._serve()

    # ------------------------------------------------------------------ control

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def add_files(self, number: int, *names: str, status: str = "modified") -> None:
        self.files.setdefault(number, []).extend(
            {"sha": "f" * 40, "filename": n, "status": status, "additions": 1} for n in names
        )

    def add_comment(self, number: int, body: str, user: dict[str, Any] | None = None) -> int:
        with self._lock:
            self._next_id += 1
            comment = {
                "id": self._next_id,
                "issue": number,
                "body": body,
                "user": user or {"login": "someone", "id": 1, "type": "User"},
                "html_url": f"https://github.test/{self.repo}/pull/{number}"
                f"#issuecomment-{self._next_id}",
            }
            self.comments.append(comment)
            return int(comment["id"])

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests of `method` to a path matching `path` (a regex
        searched in the path) with this status instead."""
        self.failures.append(Failure(method, re.compile(path), status, body, headers or {}, times))

    # ------------------------------------------------------------------ what happened

    def comments_on(self, number: int) -> list[dict[str, Any]]:
        return [c for c in self.comments if c["issue"] == number]

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if r.method in ("POST", "PATCH") and "/v1/" not in r.path]

    def calls(self, method: str, pattern: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]

    # ------------------------------------------------------------------ answering

    def answer(self, req: Recorded) -> tuple[int, Any, dict[str, str]]:
        for f in self.failures:
            if f.times > 0 and f.method == req.method and f.path.search(req.path):
                f.times -= 1
                return f.status, f.body, f.headers
        if req.path == "/v1/chat/completions" and req.method == "POST":
            return 200, _chat_answer(), {}
        auth = req.headers.get("authorization")
        if auth is not None and auth != f"Bearer {self.token}":
            return 401, {"message": "Bad credentials", "status": "401"}, {}
        if not req.path.startswith(self.prefix + "/"):
            return 404, {"message": "Not Found"}, {}
        path = req.path[len(self.prefix) :]
        for pattern, method, handler in (
            (FILES, "GET", self._files),
            (COMMENTS, "GET", self._list_comments),
            (COMMENTS, "POST", self._create),
            (COMMENT, "PATCH", self._update),
        ):
            m = pattern.fullmatch(path)
            if m and method == req.method:
                if m.group(1) != self.repo:
                    return 404, {"message": "Not Found"}, {}
                return handler(req, int(m.group(2)))
        return 404, {"message": "Not Found"}, {}

    def _files(self, req: Recorded, number: int) -> tuple[int, Any, dict[str, str]]:
        return self._page(req, self.files.get(number, []))

    def _list_comments(self, req: Recorded, number: int) -> tuple[int, Any, dict[str, str]]:
        return self._page(req, self.comments_on(number))

    def _page(self, req: Recorded, items: list[dict[str, Any]]) -> tuple[int, Any, dict[str, str]]:
        asked = int(req.query.get("per_page", "30"))
        size = min(asked, self.page_size)
        page = int(req.query.get("page", "1"))
        last = max(1, -(-len(items) // size))
        base = (self.link_host or self.origin) + req.path
        links = []
        if page < last:
            links.append(f'<{base}?per_page={asked}&page={page + 1}>; rel="next"')
            links.append(f'<{base}?per_page={asked}&page={last}>; rel="last"')
        if page > 1:
            links.append(f'<{base}?per_page={asked}&page={page - 1}>; rel="prev"')
            links.append(f'<{base}?per_page={asked}&page=1>; rel="first"')
        chunk = items[(page - 1) * size : page * size]
        return 200, [_public(c) for c in chunk], ({"Link": ", ".join(links)} if links else {})

    def _create(self, req: Recorded, number: int) -> tuple[int, Any, dict[str, str]]:
        body, error = _comment_body(req)
        if error:
            return 422, error, {}
        cid = self.add_comment(number, body, BOT)
        return 201, _public(self._find(cid)), {}

    def _update(self, req: Recorded, cid: int) -> tuple[int, Any, dict[str, str]]:
        comment = self._find(cid)
        if comment is None:
            return 404, {"message": "Not Found"}, {}
        body, error = _comment_body(req)
        if error:
            return 422, error, {}
        comment["body"] = body
        return 200, _public(comment), {}

    def _find(self, cid: int) -> Any:
        return next((c for c in self.comments if c["id"] == cid), None)


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "issue"}


def _comment_body(req: Recorded) -> tuple[str, dict[str, Any] | None]:
    try:
        body = json.loads(req.body).get("body")
    except (ValueError, AttributeError):
        body = None
    if not isinstance(body, str) or not body:
        return "", {"message": "Validation Failed", "errors": [{"code": "missing_field"}]}
    if len(body) > 65536:
        return "", {
            "message": "Validation Failed",
            "errors": [{"message": "Body is too long (maximum is 65536 characters)"}],
        }
    return body, None


def _chat_answer() -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": json.dumps(LLM_ANSWER)},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def write_event(
    folder: Path, number: int = 7, sha: str = HEAD_SHA, fork: bool = False, **extra: Any
) -> Path:
    """A pull_request event payload, as GitHub writes to GITHUB_EVENT_PATH (the parts the bot
    reads, and a few it does not)."""
    head_repo = "someone/ops" if fork else REPO
    event = {
        "action": "synchronize",
        "number": number,
        "pull_request": {
            "number": number,
            "title": "Add the postmortem of the queue outage",
            "head": {"sha": sha, "ref": "pm", "repo": {"full_name": head_repo}},
            "base": {"sha": "b" * 40, "ref": "main", "repo": {"full_name": REPO}},
        },
        "repository": {"full_name": REPO},
        **extra,
    }
    path = folder / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    return path


def put(workspace: Path, name: str, text: str) -> Path:
    path = workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Written for these tests: a postmortem that says almost nothing (errors: exit 1 with
# --fail-on error), and a later version of it.
VAGUE = """\
# Queue outage

Something went wrong with the message queue and some things were slow. It was fixed.

## Action items

- Be more careful with the queue
"""

VAGUE_V2 = """\
# Queue outage

Something went wrong with the message queue for a while. Someone restarted it.

## Action items

- Improve monitoring
"""


Bot = Callable[..., Job[FakeGitHub]]
