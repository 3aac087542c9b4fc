"""Test tools for the merge-request bot: a GitLab-compatible REST (v4) server, a real
`ThreadingHTTPServer` on 127.0.0.1 with in-memory state, implementing the endpoints the bot
uses and recording every request it receives.

- GET  /api/v4/projects/{id}/merge_requests/{iid}/diffs             (paginated)
- GET  /api/v4/projects/{id}/merge_requests/{iid}/notes             (paginated, sort/order_by)
- POST /api/v4/projects/{id}/merge_requests/{iid}/notes
- PUT  /api/v4/projects/{id}/merge_requests/{iid}/notes/{note_id}

The project is named by its id or its URL-encoded path. Pages are at most `page_size` items
(2 by default) whatever `per_page` asks, with GitLab's Link and X-Next-Page headers. Failures
can be scripted per method and path. A wrong PRIVATE-TOKEN gets 401 as on GitLab; none at all
is accepted (a public project).

Imported as `_gitlab_support` (pytest puts tests/gitlab on sys.path).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from _support import Failure, Job, Loopback, Recorded

TOKEN = "glpat-SECRETTOKEN123"
PROJECT_ID = "42"
PROJECT_PATH = "acme/ops"
SERVER = "https://gitlab.test"
HEAD_SHA = "0123456789abcdef0123456789abcdef01234567"
BOT = {"username": "project_42_bot", "id": 900, "bot": True}
MR = re.compile(r"/api/v4/projects/([^/]+)/merge_requests/(\d+)/(diffs|notes)(?:/(\d+))?")


@dataclass
class FakeGitLab(Loopback):
    content_type = "application/json"
    token: str = TOKEN
    page_size: int = 2
    link_host: str | None = None  # set to put rel="next" links on another host
    diffs: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _next_id: int = 5000

    def __post_init__(self) -> None:
        self._serve()

    @property
    def url(self) -> str:
        return self.origin + "/api/v4"

    # ------------------------------------------------------------------ state

    def add_diffs(self, iid: int, *names: str, deleted: bool = False) -> None:
        self.diffs.setdefault(iid, []).extend(
            {
                "old_path": n,
                "new_path": n,
                "new_file": False,
                "renamed_file": False,
                "deleted_file": deleted,
                "diff": "@@ -1 +1 @@\n-a\n+b\n",
            }
            for n in names
        )

    def add_note(self, iid: int, body: str, *, system: bool = False) -> int:
        with self._lock:
            self._next_id += 1
            author = BOT if body.startswith("<!--") else {"username": "alice", "id": 7}
            self.notes.append(
                {"id": self._next_id, "mr": iid, "body": body, "system": system, "author": author}
            )
            return self._next_id

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

    def notes_on(self, iid: int) -> list[dict[str, Any]]:
        return [n for n in self.notes if n["mr"] == iid]

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if r.method in ("POST", "PUT")]

    def calls(self, method: str, pattern: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]

    # ------------------------------------------------------------------ answering

    def answer(self, req: Recorded) -> tuple[int, Any, dict[str, str]]:
        for f in self.failures:
            if f.times > 0 and f.method == req.method and f.path.search(req.path):
                f.times -= 1
                return f.status, f.body, f.headers
        token = req.headers.get("private-token")
        if token is not None and token != self.token:
            return 401, {"message": "401 Unauthorized"}, {}
        m = MR.fullmatch(req.path)
        if not m or m.group(1) not in (PROJECT_ID, quote(PROJECT_PATH, safe="")):
            return 404, {"message": "404 Project Not Found"}, {}
        iid, kind, note = int(m.group(2)), m.group(3), m.group(4)
        if (req.method, kind, note is None) == ("GET", "diffs", True):
            return self._page(req, self.diffs.get(iid, []))
        if (req.method, kind, note is None) == ("GET", "notes", True):
            return self._page(req, [_public(n) for n in self.notes_on(iid)])
        if (req.method, kind, note is None) == ("POST", "notes", True):
            return self._create(req, iid)
        if (req.method, kind) == ("PUT", "notes") and note is not None:
            return self._update(req, iid, int(note))
        return 404, {"error": "404 Not Found"}, {}

    def _page(self, req: Recorded, items: list[dict[str, Any]]) -> tuple[int, Any, dict[str, str]]:
        asked = int(req.query.get("per_page", "20"))
        size = min(asked, self.page_size)
        page = int(req.query.get("page", "1"))
        last = max(1, -(-len(items) // size))
        kept = [f"{k}={v}" for k, v in req.query.items() if k != "page"]
        base = f"{self.link_host or self.origin}{req.path}?{'&'.join(kept)}&page="
        links = [f'<{base}1>; rel="first"', f'<{base}{last}>; rel="last"']
        headers = {"X-Page": str(page), "X-Per-Page": str(size), "X-Total": str(len(items))}
        if page < last:
            links.insert(0, f'<{base}{page + 1}>; rel="next"')
            headers["X-Next-Page"] = str(page + 1)
        return 200, items[(page - 1) * size : page * size], {**headers, "Link": ", ".join(links)}

    def _create(self, req: Recorded, iid: int) -> tuple[int, Any, dict[str, str]]:
        body, error = _note_body(req)
        if error:
            return 400, error, {}
        return 201, _public(self._find(self.add_note(iid, body))), {}

    def _update(self, req: Recorded, iid: int, note_id: int) -> tuple[int, Any, dict[str, str]]:
        note = self._find(note_id)
        if note is None or note["mr"] != iid:
            return 404, {"message": "404 Note Not Found"}, {}
        body, error = _note_body(req)
        if error:
            return 400, error, {}
        note["body"] = body
        return 200, _public(note), {}

    def _find(self, note_id: int) -> Any:
        return next((n for n in self.notes if n["id"] == note_id), None)


def _public(note: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in note.items() if k != "mr"}, "noteable_iid": note["mr"]}


def _note_body(req: Recorded) -> tuple[str, dict[str, Any] | None]:
    try:
        body = json.loads(req.body).get("body")
    except (ValueError, AttributeError):
        body = None
    if not isinstance(body, str) or not body:
        return "", {"error": "body is missing"}
    if len(body) > 1_000_000:
        return "", {"message": {"note": ["is too long (maximum is 1000000 characters)"]}}
    return body, None


def put(workspace: Path, name: str, text: str) -> Path:
    path = workspace / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Written for these tests: a postmortem that says almost nothing (errors: exit 1 with
# --fail-on error), and a later version of it.
VAGUE = """\
# Database failover

Something went wrong with the database and some requests failed. It was fixed.

## Action items

- Be more careful with failovers
"""

VAGUE_V2 = """\
# Database failover

Something went wrong with the database for a while. Someone restarted it.

## Action items

- Improve alerting
"""


Bot = Callable[..., Job[FakeGitLab]]


def job_env(gl: FakeGitLab, workspace: Path) -> dict[str, str]:
    """What a GitLab CI job on merge_request_event sets (the parts the bot reads)."""
    return {
        "CI": "true",
        "GITLAB_CI": "true",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_MERGE_REQUEST_IID": "7",
        "CI_MERGE_REQUEST_PROJECT_ID": PROJECT_ID,
        "CI_MERGE_REQUEST_PROJECT_URL": f"{SERVER}/{PROJECT_PATH}",
        "CI_PROJECT_ID": PROJECT_ID,
        "CI_PROJECT_PATH": PROJECT_PATH,
        "CI_SERVER_URL": SERVER,
        "CI_API_V4_URL": gl.url,
        "CI_COMMIT_SHA": HEAD_SHA,
        "CI_PROJECT_DIR": str(workspace),
        "CI_JOB_TOKEN": "job-token-not-used",
        "PMREVIEW_GITLAB_TOKEN": TOKEN,
    }
