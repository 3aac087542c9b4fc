"""A small GitHub REST client: the four endpoints the bot uses, and what each HTTP failure
means on GitHub, in one line (the plumbing is `forge.rest`'s)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx2

from ..forge.rest import RestClient, api_message, reset_time, usual_failure

DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"


class GitHub(RestClient):
    """The REST API at `api_url` (api.github.com, GitHub Enterprise's /api/v3, a test
    server), with the token sent only there, as `Authorization: Bearer`."""

    setting = "GITHUB_API_URL"
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def pull_files(self, repo: str, number: int) -> Iterator[dict[str, Any]]:
        what = f"listing the files of {repo}#{number}"
        return self.pages(f"repos/{repo}/pulls/{number}/files", what)

    def issue_comments(self, repo: str, number: int) -> Iterator[dict[str, Any]]:
        what = f"listing the comments of {repo}#{number}"
        return self.pages(f"repos/{repo}/issues/{number}/comments", what)

    def create_comment(self, repo: str, number: int, body: str) -> dict[str, Any]:
        path = f"repos/{repo}/issues/{number}/comments"
        return self.object("POST", path, f"commenting on {repo}#{number}", {"body": body})

    def update_comment(self, repo: str, comment_id: int, body: str) -> dict[str, Any]:
        path = f"repos/{repo}/issues/comments/{comment_id}"
        return self.object(
            "PATCH", path, f"updating comment {comment_id} in {repo}", {"body": body}
        )

    def _failure(self, response: httpx2.Response, what: str) -> str:
        return describe(response, what)


HINTS = {
    401: "GitHub rejected the token: check GITHUB_TOKEN",
    403: "GitHub refused: the token may need pull-requests: write "
    "(a pull request from a fork only gets a read-only token)",
    404: "not found: check the repository, the pull request number "
    "and that the token can see the repository",
    422: "GitHub could not process the request",
}


def describe(response: httpx2.Response, what: str) -> str:
    """One line saying what failed and what to do about it."""
    status, headers = response.status_code, response.headers
    message = api_message(response, _message_parts)
    code = f"HTTP {status}" + (f": {message}" if message else "")
    if status in (403, 429) and headers.get("x-ratelimit-remaining") == "0":
        reset = reset_time(headers.get("x-ratelimit-reset"))
        return f"{what}: GitHub API rate limit exhausted ({code}); it resets {reset}"
    if status in (403, 429) and (headers.get("retry-after") or "rate limit" in message.lower()):
        wait = headers.get("retry-after")
        when = f"retry after {wait} seconds" if wait else "wait a few minutes before retrying"
        return f"{what}: rate limited by GitHub ({code}); {when}"
    return usual_failure(what, status, code, "GitHub", HINTS)


def _message_parts(data: dict[str, Any]) -> list[str]:
    """The API's `message`, with the `errors` details 422s carry."""
    parts = [str(data.get("message") or "")]
    for err in data.get("errors") or []:
        if isinstance(err, dict):
            parts.append(str(err.get("message") or err.get("code") or ""))
        elif isinstance(err, str):
            parts.append(err)
    return parts
