"""The REST client's edges, through httpx2's MockTransport: answers that are not what the API
documents, errors of the transport (masked), and the pagination guards."""

from __future__ import annotations

from collections.abc import Callable

import httpx2
import pytest

from pmreview.forge import rest
from pmreview.forge.rest import ApiError, mask
from pmreview.github.api import GitHub, describe

TOKEN = "ghs_SECRETTOKEN123"
API = "https://ghe.test/api/v3"


def client(handler: Callable[[httpx2.Request], httpx2.Response]) -> GitHub:
    return GitHub(API, TOKEN, transport=httpx2.MockTransport(handler))


def error_of(gh: GitHub) -> str:
    with pytest.raises(ApiError) as info:
        list(gh.pull_files("acme/ops", 7))
    message = str(info.value)
    assert TOKEN not in message and "\n" not in message
    return message


def test_requests_go_under_the_api_prefix_with_the_headers() -> None:
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=[{"filename": "a.md", "status": "added"}])

    assert list(client(handler).pull_files("acme/ops", 7)) == [
        {"filename": "a.md", "status": "added"}
    ]
    (request,) = seen
    assert str(request.url) == f"{API}/repos/acme/ops/pulls/7/files?per_page=100"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["x-github-api-version"] == "2022-11-28"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx2.Response(200, text="<html>proxy login</html>"), "other than JSON"),
        (httpx2.Response(200, json={"message": "hi"}), "other than a list"),
        (httpx2.Response(500, text="oops"), "server error (HTTP 500)"),
        (httpx2.Response(418, json={"message": "teapot"}), "unexpected answer (HTTP 418: teapot)"),
        (
            httpx2.Response(
                200, json=[], headers={"link": '<https://evil.test/x?page=2>; rel="next"'}
            ),
            "another host (evil.test)",
        ),
        (
            httpx2.Response(
                200, json=[], headers={"link": '<http://ghe.test/x?page=2>; rel="next"'}
            ),
            "another host",  # same host, but not https: not the API's origin
        ),
    ],
)
def test_unexpected_answers(response: httpx2.Response, expected: str) -> None:
    assert expected in error_of(client(lambda _: response))


def test_a_transport_error_is_masked() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError(f"proxy said no to {TOKEN}", request=request)

    message = error_of(client(handler))
    assert "cannot reach https://ghe.test/api/v3" in message and "***" in message


def test_a_timeout() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("slow", request=request)

    assert "did not answer in time" in error_of(client(handler))


def test_an_endless_next_link_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=[], headers={"link": f'<{API}/again>; rel="next"'})

    monkeypatch.setattr(rest, "MAX_PAGES", 5)
    assert "more than 5 pages" in error_of(client(handler))


def test_describe_a_secondary_limit_without_retry_after() -> None:
    request = httpx2.Request("GET", API)
    response = httpx2.Response(
        403, json={"message": "You have exceeded a secondary rate limit."}, request=request
    )
    assert "wait a few minutes" in describe(response, "listing")


def test_mask() -> None:
    assert mask(f"a {TOKEN} b {TOKEN}", TOKEN) == "a *** b ***"
    assert mask("text", None) == "text"
