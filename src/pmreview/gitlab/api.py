"""A small GitLab REST (v4) client: the four endpoints the bot uses, the token in the
`PRIVATE-TOKEN` header, and what each HTTP failure means on GitLab, in one line (the plumbing,
pagination included, is `forge.rest`'s)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx2

from ..forge.rest import RestClient, api_message, reset_time, usual_failure

DEFAULT_API_URL = "https://gitlab.com/api/v4"
TOKEN_VARIABLES = ("PMREVIEW_GITLAB_TOKEN", "GITLAB_TOKEN")


class GitLab(RestClient):
    """The REST API at `api_url` (gitlab.com's, a self-managed instance's, a test server's),
    with the token sent only there."""

    setting = "CI_API_V4_URL"
    headers = {"Accept": "application/json"}

    def auth(self, token: str) -> dict[str, str]:
        return {"PRIVATE-TOKEN": token}

    def mr_diffs(self, project: str, iid: int) -> Iterator[dict[str, Any]]:
        """The changed files of a merge request (GitLab 15.7+)."""
        what = f"listing the changes of {project}!{iid}"
        return self.pages(f"{_mr(project, iid)}/diffs", what)

    def mr_notes(self, project: str, iid: int) -> Iterator[dict[str, Any]]:
        """The merge request's notes, oldest first."""
        what = f"listing the notes of {project}!{iid}"
        order: dict[str, str | int] = {"sort": "asc", "order_by": "created_at"}
        return self.pages(f"{_mr(project, iid)}/notes", what, order)

    def create_note(self, project: str, iid: int, body: str) -> dict[str, Any]:
        what = f"adding a note to {project}!{iid}"
        return self.object("POST", f"{_mr(project, iid)}/notes", what, {"body": body})

    def update_note(self, project: str, iid: int, note_id: int, body: str) -> dict[str, Any]:
        what = f"updating note {note_id} of {project}!{iid}"
        return self.object("PUT", f"{_mr(project, iid)}/notes/{note_id}", what, {"body": body})

    def _failure(self, response: httpx2.Response, what: str) -> str:
        return describe(response, what)


def _mr(project: str, iid: int) -> str:
    """A merge request's path; the project by id or by its URL-encoded path."""
    return f"projects/{quote(project, safe='')}/merge_requests/{iid}"


HINTS = {
    400: "GitLab could not process the request",
    401: "GitLab rejected the token: check PMREVIEW_GITLAB_TOKEN (expired or revoked?)",
    403: "GitLab refused: the token needs the api scope, and its user at least the Reporter "
    "role in the project, to post notes (CI_JOB_TOKEN cannot)",
    404: "not found: check the project, the merge request iid and that the token can see "
    "the project",
    422: "GitLab could not process the request",
}


def describe(response: httpx2.Response, what: str) -> str:
    """One line saying what failed and what to do about it."""
    status, headers = response.status_code, response.headers
    message = api_message(response, _message_parts)
    code = f"HTTP {status}" + (f": {message}" if message else "")
    if status == 429 or (status == 403 and "rate limit" in message.lower()):
        if headers.get("retry-after"):
            when = f"retry after {headers['retry-after']} seconds"
        elif headers.get("ratelimit-reset"):
            when = f"it resets {reset_time(headers['ratelimit-reset'])}"
        else:
            when = "wait a few minutes before retrying"
        return f"{what}: rate limited by GitLab ({code}); {when}"
    if status == 403 and "insufficient_scope" in message:
        return f"{what}: the token lacks the api scope: give it api ({code})"
    return usual_failure(what, status, code, "GitLab", HINTS)


def _message_parts(data: dict[str, Any]) -> list[str]:
    """GitLab's `message` (a string, or field: [problems]) or `error` (with its
    `error_description`)."""
    parts = _flat(data.get("message"))
    if data.get("error"):
        parts += _flat(data["error"]) + _flat(data.get("error_description"))
    return parts


def _flat(value: Any, field: str = "") -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _flat(v, str(k))]
    if isinstance(value, list):
        return [p for v in value for p in _flat(v, field)]
    if value is None or value == "":
        return []
    return [f"{field} {value}" if field else str(value)]
