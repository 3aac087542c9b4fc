"""The GitLab client's edges, through httpx2's MockTransport: the project by path, GitLab's
shapes of error messages, and a rate limit GitLab reports as a 403."""

from __future__ import annotations

import httpx2
import pytest

from pmreview.forge.rest import ApiError
from pmreview.gitlab.api import GitLab, describe

TOKEN = "glpat-SECRETTOKEN123"
API = "https://gitlab.example.test/api/v4"


def test_a_project_path_is_encoded_and_the_token_sent_as_private_token() -> None:
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=[{"new_path": "a.md"}])

    gl = GitLab(API + "/", TOKEN, transport=httpx2.MockTransport(handler))
    assert list(gl.mr_diffs("group/sub/ops", 3)) == [{"new_path": "a.md"}]
    (request,) = seen
    assert (
        request.url.raw_path
        == b"/api/v4/projects/group%2Fsub%2Fops/merge_requests/3/diffs?per_page=100"
    )
    assert request.headers["private-token"] == TOKEN and "authorization" not in request.headers


@pytest.mark.parametrize(
    ("status", "body", "headers", "expected"),
    [
        (
            429,
            {"message": {"error": "This endpoint has been requested too many times."}},
            {},
            "rate limited by GitLab (HTTP 429: error This endpoint has been requested too many",
        ),
        (403, {"message": "API rate limit exceeded"}, {"Retry-After": "60"}, "retry after 60"),
        (
            409,
            {"message": ["conflict", "again"]},
            {},
            "unexpected answer (HTTP 409: conflict; again)",
        ),
        (404, "<html>not json</html>", {}, "can see the project (HTTP 404)"),
    ],
)
def test_describe(status: int, body: object, headers: dict[str, str], expected: str) -> None:
    request = httpx2.Request("GET", API)
    if isinstance(body, str):
        response = httpx2.Response(status, text=body, headers=headers, request=request)
    else:
        response = httpx2.Response(status, json=body, headers=headers, request=request)
    assert expected in describe(response, "listing")


def test_a_transport_error_is_masked() -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError(f"proxy refused {TOKEN}", request=request)

    gl = GitLab(API, TOKEN, transport=httpx2.MockTransport(handler))
    with pytest.raises(ApiError) as info:
        gl.create_note("42", 7, "body")
    assert f"adding a note to 42!7: cannot reach {API} (proxy refused ***)" == str(info.value)
