"""The REST plumbing the bots share (on httpx2, the only module of `forge` that imports it):
a client bound to one API URL, which follows Link-header pagination only on that API's origin
(so the token never goes elsewhere), and turns every failure into one line without the token.
What a failed answer means is the forge's: each client says it in `_failure`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any, TypeVar

import httpx2

from .. import __version__

PER_PAGE = 100
MAX_PAGES = 1000  # 100,000 items: a loop guard, far above any pull or merge request
USER_AGENT = f"pmreview/{__version__}"

Client = TypeVar("Client", bound="RestClient")


class ApiError(Exception):
    """A request failed; the message is one line, without credentials."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def mask(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


class RestClient:
    """The REST API at `api_url`, with the forge's `headers` and the token's (`auth`) sent
    only there."""

    setting = "the API URL"  # the variable that names `api_url`, for the error message
    headers: dict[str, str] = {}

    def auth(self, token: str) -> dict[str, str]:
        """The header that carries the token."""
        raise NotImplementedError

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
        headers = {**self.headers, **(self.auth(token) if token else {})}
        try:
            self._origin = httpx2.URL(self.api_url + "/").copy_with(path="/", query=None)
            self._http = httpx2.Client(
                base_url=self.api_url + "/",
                headers={"User-Agent": USER_AGENT, **headers},
                timeout=httpx2.Timeout(timeout, connect=min(timeout, 10.0)),
                transport=transport,
            )
        except (httpx2.InvalidURL, ValueError) as exc:
            raise ApiError(f"invalid {self.setting} {self.api_url!r}: {exc}") from None

    def close(self) -> None:
        self._http.close()

    def __enter__(self: Client) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _failure(self, response: httpx2.Response, what: str) -> str:
        """One line saying what failed and what to do about it."""
        raise NotImplementedError

    def pages(
        self, path: str, what: str, params: dict[str, str | int] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The objects of every page of a listing, `PER_PAGE` a page."""
        url: str | None = path
        query: dict[str, str | int] | None = {"per_page": PER_PAGE, **(params or {})}
        for _ in range(MAX_PAGES):
            if url is None:
                return
            response = self._send("GET", url, what, params=query)
            items = self._json(response, what)
            if not isinstance(items, list):
                raise ApiError(f"{what}: the API answered with something other than a list")
            yield from (item for item in items if isinstance(item, dict))
            url, query = self._next(response, what), None  # the next link carries the query
        raise ApiError(f"{what}: more than {MAX_PAGES} pages; giving up")

    def object(self, method: str, path: str, what: str, body: dict[str, Any]) -> dict[str, Any]:
        """Send `body` as JSON; the object the API answers with."""
        data = self._json(self._send(method, path, what, json=body), what)
        if not isinstance(data, dict):
            raise ApiError(f"{what}: the API answered with something other than an object")
        return data

    def _next(self, response: httpx2.Response, what: str) -> str | None:
        link = response.links.get("next", {}).get("url")
        if not link:
            return None
        target = httpx2.URL(link)
        if target.copy_with(path="/", query=None) != self._origin:  # never send the token away
            raise ApiError(f"{what}: the next page is on another host ({target.host})")
        return str(target)

    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> httpx2.Response:
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx2.TimeoutException:
            raise ApiError(f"{what}: {self.api_url} did not answer in time") from None
        except httpx2.HTTPError as exc:
            detail = mask(" ".join(str(exc).split()), self._token) or type(exc).__name__
            raise ApiError(f"{what}: cannot reach {self.api_url} ({detail})") from None
        if response.is_success:
            return response
        raise ApiError(mask(self._failure(response, what), self._token), response.status_code)

    def _json(self, response: httpx2.Response, what: str) -> Any:
        try:
            return response.json()
        except ValueError:
            raise ApiError(f"{what}: the API answered with something other than JSON") from None


def api_message(response: httpx2.Response, parts: Callable[[dict[str, Any]], list[str]]) -> str:
    """The message of a failed answer whose body is a JSON object, as one short line (each
    forge puts its pieces its own way: `parts` reads them); "" for any other body."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    return short("; ".join(p for p in parts(data) if p))


def usual_failure(what: str, status: int, code: str, forge: str, hints: dict[int, str]) -> str:
    """A failure the forge says nothing special of: its hint for the status, a server error
    or an unexpected answer (`code`: the status and the API's message)."""
    if status in hints:
        return f"{what}: {hints[status]} ({code})"
    if status >= 500:
        return f"{what}: {forge} server error ({code}); try again later"
    return f"{what}: unexpected answer ({code})"


def short(text: str, limit: int = 200) -> str:
    """`text` as one line of at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reset_time(value: str | None) -> str:
    """When a rate limit resets, from a Unix time in a header."""
    try:
        at = int(value or "")
    except ValueError:
        return "later (no reset time given)"
    when = datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    minutes = max(0, round((at - time.time()) / 60))
    return f"at {when} (in about {minutes} min)"
