"""A small GitHub REST client: the four endpoints the bot uses, Link-header pagination, and
every HTTP failure turned into one line that never contains the token."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import httpx2

from .. import __version__

DEFAULT_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"
PER_PAGE = 100
MAX_PAGES = 1000  # 100,000 items: a loop guard, far above GitHub's 3,000 files per PR


class GitHubError(Exception):
    """A request failed; the message is one line, without credentials."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def mask(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


class GitHub:
    """The REST API at `api_url` (api.github.com, GitHub Enterprise's /api/v3, a test
    server), with the token sent only there, as `Authorization: Bearer`."""

    def __init__(
        self,
        api_url: str,
        token: str | None,
        *,
        timeout: float = 30.0,
        transport: httpx2.BaseTransport | None = None,
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self._token = token or None
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": f"pmreview/{__version__}",
        }
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        try:
            self._origin = httpx2.URL(self.api_url + "/").copy_with(path="/", query=None)
            self._http = httpx2.Client(
                base_url=self.api_url + "/",
                headers=headers,
                timeout=httpx2.Timeout(timeout, connect=min(timeout, 10.0)),
                transport=transport,
            )
        except (httpx2.InvalidURL, ValueError) as exc:
            raise GitHubError(f"invalid GITHUB_API_URL {self.api_url!r}: {exc}") from None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GitHub:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------------ endpoints

    def pull_files(self, repo: str, number: int) -> Iterator[dict[str, Any]]:
        what = f"listing the files of {repo}#{number}"
        return self._pages(f"repos/{repo}/pulls/{number}/files", what)

    def issue_comments(self, repo: str, number: int) -> Iterator[dict[str, Any]]:
        what = f"listing the comments of {repo}#{number}"
        return self._pages(f"repos/{repo}/issues/{number}/comments", what)

    def create_comment(self, repo: str, number: int, body: str) -> dict[str, Any]:
        path = f"repos/{repo}/issues/{number}/comments"
        return self._object("POST", path, f"commenting on {repo}#{number}", {"body": body})

    def update_comment(self, repo: str, comment_id: int, body: str) -> dict[str, Any]:
        path = f"repos/{repo}/issues/comments/{comment_id}"
        return self._object(
            "PATCH", path, f"updating comment {comment_id} in {repo}", {"body": body}
        )

    # ------------------------------------------------------------------ plumbing

    def _pages(self, path: str, what: str) -> Iterator[dict[str, Any]]:
        url: str | None = path
        params: dict[str, int] | None = {"per_page": PER_PAGE}
        for _ in range(MAX_PAGES):
            if url is None:
                return
            response = self._send("GET", url, what, params=params)
            items = self._json(response, what)
            if not isinstance(items, list):
                raise GitHubError(f"{what}: the API answered with something other than a list")
            yield from (item for item in items if isinstance(item, dict))
            url, params = self._next(response, what), None  # the next link carries the query
        raise GitHubError(f"{what}: more than {MAX_PAGES} pages; giving up")

    def _next(self, response: httpx2.Response, what: str) -> str | None:
        link = response.links.get("next", {}).get("url")
        if not link:
            return None
        target = httpx2.URL(link)
        if target.copy_with(path="/", query=None) != self._origin:  # never send the token away
            raise GitHubError(f"{what}: the next page is on another host ({target.host})")
        return str(target)

    def _object(self, method: str, path: str, what: str, body: dict[str, Any]) -> dict[str, Any]:
        data = self._json(self._send(method, path, what, json=body), what)
        if not isinstance(data, dict):
            raise GitHubError(f"{what}: the API answered with something other than an object")
        return data

    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> httpx2.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx2.TimeoutException:
            raise GitHubError(f"{what}: {self.api_url} did not answer in time") from None
        except httpx2.HTTPError as exc:
            detail = mask(" ".join(str(exc).split()), self._token) or type(exc).__name__
            raise GitHubError(f"{what}: cannot reach {self.api_url} ({detail})") from None
        if response.is_success:
            return response
        raise GitHubError(mask(describe(response, what), self._token), response.status_code)

    def _json(self, response: httpx2.Response, what: str) -> Any:
        try:
            return response.json()
        except ValueError:
            raise GitHubError(f"{what}: the API answered with something other than JSON") from None


def describe(response: httpx2.Response, what: str) -> str:
    """One line saying what failed and what to do about it."""
    status, headers = response.status_code, response.headers
    message = _api_message(response)
    code = f"HTTP {status}" + (f": {message}" if message else "")
    if status in (403, 429) and headers.get("x-ratelimit-remaining") == "0":
        return f"{what}: GitHub API rate limit exhausted ({code}); it resets {_reset(headers)}"
    if status in (403, 429) and (headers.get("retry-after") or "rate limit" in message.lower()):
        wait = headers.get("retry-after")
        when = f"retry after {wait} seconds" if wait else "wait a few minutes before retrying"
        return f"{what}: rate limited by GitHub ({code}); {when}"
    hints = {
        401: "GitHub rejected the token: check GITHUB_TOKEN",
        403: "GitHub refused: the token may need pull-requests: write "
        "(a pull request from a fork only gets a read-only token)",
        404: "not found: check the repository, the pull request number "
        "and that the token can see the repository",
        422: "GitHub could not process the request",
    }
    if status in hints:
        return f"{what}: {hints[status]} ({code})"
    if status >= 500:
        return f"{what}: GitHub server error ({code}); try again later"
    return f"{what}: unexpected answer ({code})"


def _api_message(response: httpx2.Response) -> str:
    """The API's `message`, with the `errors` details 422s carry, as one short line."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    parts = [str(data.get("message") or "")]
    for err in data.get("errors") or []:
        if isinstance(err, dict):
            parts.append(str(err.get("message") or err.get("code") or ""))
        elif isinstance(err, str):
            parts.append(err)
    text = " ".join("; ".join(p for p in parts if p).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _reset(headers: httpx2.Headers) -> str:
    try:
        at = int(headers.get("x-ratelimit-reset", ""))
    except ValueError:
        return "later (no reset time given)"
    when = datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    minutes = max(0, round((at - time.time()) / 60))
    return f"at {when} (in about {minutes} min)"
