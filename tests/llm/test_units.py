"""The LLM stage's parts on their own: grounding, prompt templates, redaction, the answer cache,
the client's retry policy and error messages, and the reviewer's validate-then-re-ask loop."""

from __future__ import annotations

import json
import os
import re
import threading
import warnings
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from _llm_support import Scripted, where
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmreview.checks.profile import load as load_profile
from pmreview.errors import UsageError
from pmreview.llm import LLMConfig, LLMError, public_url
from pmreview.llm import client as client_module
from pmreview.llm.cache import Cache, key
from pmreview.llm.client import _retry_after, _retryable, _Wait, describe
from pmreview.llm.ground import Grounder
from pmreview.llm.prompts import Prompt
from pmreview.llm.prompts import load as load_prompt
from pmreview.llm.redact import nothing, redact
from pmreview.llm.reviewer import build_request, run
from pmreview.pipeline import Options, review_document
from pmreview.resources import load_schema
from pmreview.source import from_text

FAST = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# --------------------------------------------------------------------------- ground.py

TEXT = """\
# Outage

The **root cause** was a `cache` "glitch" in the gateway.
It was fixed by the team.
We don't know why — yet.
"""


def found(quote: str) -> tuple[int, int, str] | None:
    span = Grounder(TEXT).find(quote)
    return None if span is None else (span.line, span.column, span.text)


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("It was fixed by the team", "It was fixed by the team"),
        ("IT WAS FIXED", "It was fixed"),  # case
        ("it   was\tfixed", "It was fixed"),  # white space
        ("gateway.\nIt was fixed", "gateway.\nIt was fixed"),  # a line break
        ("gateway. It was fixed", "gateway.\nIt was fixed"),  # a line break as a space
        ("The root cause was a cache", "The **root cause** was a `cache"),  # emphasis
        ("a cache “glitch”", 'a `cache` "glitch'),  # curly quotes
        ("We don’t know why", "We don't know why"),  # curly apostrophe
        ("know why - yet", "know why — yet"),  # dashes
        ("It was fixed by the team.", "It was fixed by the team."),  # full stop
        ("It was fixed by.", "It was fixed by"),  # a full stop the document does not have
        ('"It was fixed by the team"', "It was fixed by the team"),  # in quotation marks
        ("It was fixed by…", "It was fixed by"),  # an ellipsis
    ],
)
def test_grounder_forgives_what_models_change(quote: str, words: str) -> None:
    assert found(quote) == (*where(TEXT, words), words)


@pytest.mark.parametrize(
    "quote",
    [
        "It was fixed by the platform team",  # words that are not there
        "The root cause was a cache glitch in the database",
        "fixed the team",
        "It",  # too short to mean anything
        "  ",
        "",
    ],
)
def test_grounder_does_not_find_what_is_not_there(quote: str) -> None:
    assert found(quote) is None


def test_span_end_is_exclusive_and_one_based() -> None:
    span = Grounder(TEXT).find("the team")
    assert span is not None
    assert (span.line, span.column, span.end_line, span.end_column) == (4, 17, 4, 25)
    lines = TEXT.split("\n")
    assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == "the team"


def test_quote_at_the_very_end_of_a_text_without_newline() -> None:
    span = Grounder("one\ntwo three").find("two three")
    assert span is not None
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 10)


@FAST
@given(st.text(alphabet="abc xyz.\n*", min_size=1, max_size=60), st.data())
def test_any_slice_of_the_text_is_found_where_it_is(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    piece = text[start:end]
    span = Grounder(text).find(piece)
    if span is None:
        return  # too short once folded, or only markup
    assert " ".join(piece.replace("*", "").lower().strip(" .\n").split()).rstrip(". ") in " ".join(
        span.text.replace("*", "").lower().split()
    )
    lines = text.split("\n")
    assert lines[span.line - 1][span.column - 1 :].startswith(span.text.split("\n")[0])


# --------------------------------------------------------------------------- prompts.py


def test_missing_and_unused_variables_are_reported_together() -> None:
    prompt = Prompt(
        "t", 3, "Review $profile for ${audience}.", "$document\n$findings", "s.json", "s"
    )
    with pytest.raises(ValueError) as caught:
        prompt.render(profile="default", documnet="...", extra="x")
    message = str(caught.value)
    assert "prompt 't' v3" in message
    assert "missing variables: audience, document, findings" in message
    assert "variables the template does not use: documnet, extra" in message


def test_render_fills_both_templates() -> None:
    prompt = Prompt("t", 1, "Costs $$5 for $who.", "Hello ${who}!", "s.json", "s")
    assert prompt.variables() == {"who"}
    assert prompt.render(who="you") == ("Costs $5 for you.", "Hello you!")


def test_shipped_reviewer_prompt_takes_what_the_reviewer_gives() -> None:
    prompt = load_prompt("reviewer")
    assert prompt.id == "reviewer" and prompt.version >= 1
    assert prompt.variables() == {"profile", "scope", "requirements", "findings", "document"}
    # what changes per document comes last, the document at the very end (prompt caching)
    assert prompt.user.rstrip().endswith("<document>\n$document\n</document>")
    assert prompt.user.index("$findings") < prompt.user.index("$document")
    assert (
        not {"profile", "scope", "requirements"}
        & Prompt("u", 1, "", prompt.user, "s.json", "s").variables()
    )
    assert (prompt.schema, prompt.schema_name) == ("llm-review.schema.json", "postmortem_review")


@pytest.mark.parametrize("name", ["reviewer", "coach"])
def test_every_shipped_prompt_names_a_shipped_output_schema(name: str) -> None:
    schema = load_schema(load_prompt(name).schema)
    assert schema["type"] == "object" and schema["additionalProperties"] is False


def test_unknown_prompt_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not a usable prompt file"):
        load_prompt("no-such-prompt")


# --------------------------------------------------------------------------- redact.py

PERSONAL = """\
Reach ada.okafor@gmail.com or +2348031234567; the host 172.16.4.21 is down.
Ada (ada.okafor@gmail.com) posted ghp_Q7kLm2Xv9RtB4nZp8sWd1YfH6jCa3UeGo5Ni by mistake.
Then bo.lin@outlook.com wrote back.
"""


def test_placeholders_are_stable() -> None:
    r = redact(from_text(PERSONAL))
    assert r.text == (
        "Reach [EMAIL_1] or [PHONE_1]; the host [IP_1] is down.\n"
        "Ada ([EMAIL_1]) posted [SECRET_1] by mistake.\n"
        "Then [EMAIL_2] wrote back.\n"
    )
    assert r.mapping == {
        "[EMAIL_1]": "ada.okafor@gmail.com",
        "[PHONE_1]": "+2348031234567",
        "[IP_1]": "172.16.4.21",
        "[SECRET_1]": "ghp_Q7kLm2Xv9RtB4nZp8sWd1YfH6jCa3UeGo5Ni",
        "[EMAIL_2]": "bo.lin@outlook.com",
    }
    assert redact(from_text(PERSONAL)) == r  # the same text, the same placeholders


def test_restore_and_apply_are_inverse() -> None:
    r = redact(from_text(PERSONAL))
    assert r.restore(r.text) == PERSONAL
    assert r.restore("mail [EMAIL_2], not [EMAIL_9] or [email_1]") == (
        "mail bo.lin@outlook.com, not [EMAIL_9] or [email_1]"
    )
    assert r.apply("PM601 ada.okafor@gmail.com") == "PM601 [EMAIL_1]"


def test_no_redaction() -> None:
    r = nothing(from_text(PERSONAL))
    assert r.text == PERSONAL and r.mapping == {}
    assert r.restore("[EMAIL_1]") == "[EMAIL_1]"


def test_nothing_to_redact_leaves_the_text_alone() -> None:
    text = "Latency of api-gateway rose to 900 ms at 10:02 UTC (192.0.2.10 is a test host).\n"
    r = redact(from_text(text))
    assert r.text == text and r.mapping == {}


PLACEHOLDER = re.compile(r"\[(?:EMAIL|PHONE|IP|SECRET)_\d+\]")
PIECES = st.sampled_from(
    [
        "ada.okafor@gmail.com",
        "bo.lin@outlook.com",
        "+2348031234567",
        "172.16.4.21",
        "ghp_Q7kLm2Xv9RtB4nZp8sWd1YfH6jCa3UeGo5Ni",
        " ",
        "\n",
        "the cache ",
        "(",
        ")",
        ", ",
        "line 12",
    ]
)


@FAST
@given(st.lists(PIECES, max_size=25).map("".join))
def test_redaction_round_trip(text: str) -> None:
    source = from_text(text)
    r = redact(source)
    assert r.restore(r.text) == source.text
    assert len(set(r.mapping.values())) == len(r.mapping)
    assert set(PLACEHOLDER.findall(r.text)) == set(r.mapping)


def test_every_occurrence_of_a_redacted_value_is_replaced() -> None:
    r = redact(from_text("Call [+2348031234567](tel:+2348031234567) if paged.\n"))
    assert r.mapping == {"[PHONE_1]": "+2348031234567"}
    assert "+2348031234567" not in r.text


# --------------------------------------------------------------------------- cache.py


def test_cache_round_trip_and_layout(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    k = key("http://127.0.0.1/v1", "m", "reviewer", "1", "{}", "abc")
    assert cache.get(k) is None
    cache.put(k, {"answer": {"critiques": []}, "model": "m"})
    assert cache.get(k) == {"answer": {"critiques": []}, "model": "m"}
    assert [p.relative_to(tmp_path / "c").as_posix() for p in (tmp_path / "c").rglob("*")] == [
        k[:2],
        f"{k[:2]}/{k}.json",
    ]


def test_key_parts_are_separated() -> None:
    assert key("ab", "c") != key("a", "bc")
    assert key("a", "b") == key("a", "b")


def test_cache_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    k = key("x")
    cache.put(k, {"answer": {"v": 1}})
    final = tmp_path / k[:2] / f"{k}.json"

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    cache.put(k, {"answer": {"v": 2}})  # fails quietly ...
    assert cache.get(k) == {"answer": {"v": 1}}  # ... and the old entry is whole
    assert json.loads(final.read_text("utf-8")) == {"answer": {"v": 1}}


def test_failed_cache_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    Cache(tmp_path).put(key("x"), {"answer": {}})
    assert list(tmp_path.rglob("*.tmp")) == []


def test_concurrent_writers_leave_a_whole_entry(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    k = key("same")
    big = {"answer": {"critiques": ["x" * 2000] * 50}}

    def write(i: int) -> None:
        for _ in range(10):
            cache.put(k, {**big, "n": i})

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = cache.get(k)
    assert got is not None and got["answer"] == big["answer"]
    assert list(tmp_path.rglob("*.tmp")) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2]", b'"answer"', b"\xff\xfe\x00bad utf-8", b"null"],
    ids=["empty", "garbage", "list", "string", "binary", "null"],
)
def test_unreadable_cache_entry_is_a_miss(tmp_path: Path, content: bytes) -> None:
    k = key("y")
    path = tmp_path / k[:2] / f"{k}.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert Cache(tmp_path).get(k) is None


def test_cache_entry_that_is_a_folder_is_a_miss(tmp_path: Path) -> None:
    k = key("z")
    (tmp_path / k[:2] / f"{k}.json").mkdir(parents=True)
    assert Cache(tmp_path).get(k) is None
    Cache(tmp_path).put(k, {"answer": {}})  # cannot be written: not an error


def test_cache_folder_that_is_a_file_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = Cache(blocker)
    cache.put(key("a"), {"answer": {}})
    assert cache.get(key("a")) is None


# --------------------------------------------------------------------------- client.py


def _response(status: int, headers: dict[str, str] | None = None) -> httpx2.Response:
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    return httpx2.Response(status, headers=headers or {}, request=request)


def status_error(
    status: int, headers: dict[str, str] | None = None, body: Any = None
) -> openai.APIStatusError:
    classes: dict[int, type[openai.APIStatusError]] = {
        400: openai.BadRequestError,
        401: openai.AuthenticationError,
        403: openai.PermissionDeniedError,
        404: openai.NotFoundError,
        409: openai.ConflictError,
        422: openai.UnprocessableEntityError,
        429: openai.RateLimitError,
    }
    cls = classes.get(
        status, openai.InternalServerError if status >= 500 else openai.APIStatusError
    )
    return cls(f"Error code: {status}", response=_response(status, headers), body=body)


REQUEST = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")


@pytest.mark.parametrize(
    ("exc", "retry"),
    [
        (openai.APITimeoutError(request=REQUEST), True),
        (openai.APIConnectionError(message="refused", request=REQUEST), True),
        (status_error(429), True),
        (status_error(500), True),
        (status_error(502), True),
        (status_error(503), True),
        (status_error(400), False),
        (status_error(401), False),
        (status_error(403), False),
        (status_error(404), False),
        (status_error(422), False),
        (ValueError("a bug"), False),
        (LLMError("ours"), False),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v),
)
def test_what_is_retried(exc: BaseException, retry: bool) -> None:
    assert _retryable(exc) is retry


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after": "0"}, 0.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"Retry-After": "9", "retry-after-ms": "400"}, 0.4),  # the precise one wins
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, None),  # a date: use backoff
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after(headers: dict[str, str], seconds: float | None) -> None:
    assert _retry_after(status_error(429, headers)) == seconds


def test_retry_after_without_a_response() -> None:
    assert _retry_after(None) is None
    assert _retry_after(openai.APITimeoutError(request=REQUEST)) is None
    assert _retry_after(ValueError("x")) is None


class _State:
    """Just enough of tenacity's RetryCallState for a wait strategy."""

    def __init__(self, exc: BaseException, attempt: int = 1) -> None:
        self.attempt_number = attempt
        self.outcome = self
        self._exc = exc

    def exception(self) -> BaseException:
        return self._exc


@pytest.mark.filterwarnings("ignore:The 'initial' parameter is deprecated:DeprecationWarning")
def test_wait_honours_retry_after_with_a_cap_else_backs_off() -> None:
    wait = _Wait()
    assert wait(_State(status_error(429, {"Retry-After": "2"}))) == 2.0  # type: ignore[arg-type]
    assert wait(_State(status_error(429, {"Retry-After": "3600"}))) == client_module.RETRY_AFTER_CAP  # type: ignore[arg-type]
    first = wait(_State(status_error(500), attempt=1))  # type: ignore[arg-type]
    third = wait(_State(status_error(500), attempt=3))  # type: ignore[arg-type]
    assert 0.5 <= first <= 1.0
    assert 2.0 <= third <= 2.5


def test_backoff_uses_no_deprecated_tenacity_argument() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _Wait()


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (status_error(401), "HTTP 401 from the LLM server: the API key was refused"),
        (status_error(403), "HTTP 403 from the LLM server: the API key may not use"),
        (status_error(404), "HTTP 404 from the LLM server: not found: check --base-url"),
        (status_error(429), "HTTP 429 from the LLM server: rate limited"),
        (
            status_error(500, body={"error": {"message": "boom\n  at line 3"}}),
            "HTTP 500 from the LLM server: boom at line 3",
        ),
        (openai.APITimeoutError(request=REQUEST), "the LLM server did not answer in time"),
        (
            openai.APIConnectionError(message="x", request=REQUEST),
            "cannot connect to the LLM server",
        ),
    ],
)
def test_describe_in_one_line(exc: BaseException, words: str) -> None:
    text = describe(exc)
    assert text.startswith(words)
    assert "\n" not in text


def test_describe_an_unexpected_error() -> None:
    text = describe(RuntimeError("first line\nsecond line " + "x" * 500))
    assert text.startswith("first line second line") and len(text) <= 200
    assert describe(RuntimeError()) == "RuntimeError"


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("http://user:pw@127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1"),
        ("https://api.example.com/v1?api-version=2&key=abc#x", "https://api.example.com/v1"),
        ("http://localhost:11434/v1", "http://localhost:11434/v1"),
        ("replay:fixtures/llm", "replay:fixtures/llm"),
        pytest.param(
            "http://[::1]:8080/v1",
            "http://[::1]:8080/v1",
        ),
    ],
)
def test_public_url(url: str, public: str) -> None:
    assert public_url(url) == public


# --------------------------------------------------------------------------- reviewer.py


def test_run_never_raises() -> None:
    source = from_text("# Outage\n\nIt was fixed.\n")
    det = review_document(source, Options())
    config = LLMConfig(base_url="scripted:", model="m")
    result = run(
        source, det, load_profile("default"), config, Scripted(RuntimeError("bug\nhere")), None
    )
    assert result.stats["status"] == "failed"
    assert result.stats["error"] == "RuntimeError: bug here"
    assert result.critiques == [] and result.verdicts == {} and result.tasks == []


def test_request_carries_the_profile_and_the_redacted_numbered_document() -> None:
    source = from_text("# Outage\n\nMail ada.okafor@gmail.com.\nIt was fixed.\n")
    det = review_document(source, Options())
    config = LLMConfig(base_url="x", model="m", max_tokens=1234)
    request = build_request(det, load_profile("default"), config, redact(source))
    assert request.model == "m" and request.max_tokens == 1234 and request.temperature == 0.0
    system, user = (m["content"] for m in request.messages)
    assert 'profile "default"' in system
    # a semantic check to judge, by its definition (spec/checks.md's "pass when")
    assert (
        '- summary.root_cause: the summary states the cause in terms more specific than "a glitch"'
        in system
    )
    assert "- summary.duration:" not in system  # a structural one is not
    assert "judged on its paragraphs" in system  # the scope rules
    assert "   3 | Mail [EMAIL_1]." in user
    assert "ada.okafor" not in json.dumps(request.normalised())


def test_a_query_string_in_the_base_url_is_sent_as_query_parameters() -> None:
    from pmreview.llm import LLMConfig
    from pmreview.llm.client import OpenAIClient

    client = OpenAIClient(
        LLMConfig(base_url="http://127.0.0.1:9/v1?api-version=2024-06-01", model="m")
    )
    assert str(client._client.base_url).rstrip("/") == "http://127.0.0.1:9/v1"
    assert client._client._custom_query == {"api-version": "2024-06-01"}
    assert client.base_url == "http://127.0.0.1:9/v1"
