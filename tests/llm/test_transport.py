"""The real OpenAIClient against a scripted server on loopback: retries, failures that leave the
deterministic review whole, time bounds, the schema-then-re-ask contract, the json_object
fallback, and how the text report tells what happened."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from _llm_support import (
    WEBHOOKS,
    Check,
    FakeLLM,
    Reply,
    Run,
    answer,
    critique,
    error,
    ok,
)

GOOD = answer(critiques=[critique("things were adjusted on the gateway")])


def deterministic(run: Run) -> tuple[object, object]:
    return run.doc["checks"], run.doc["findings"]


def assert_failed_cleanly(run: Run, offline: Run) -> None:
    """A failed LLM stage: one-line error, and the deterministic review exactly as offline."""
    assert run.llm["status"] == "failed", run.llm
    error_text = run.llm["error"]
    assert error_text and "\n" not in error_text and error_text == error_text.strip()
    assert deterministic(run) == deterministic(offline)
    assert run.doc["tasks"] == []
    assert run.code == offline.code
    assert all(c["source"] == "rules" for c in run.doc["checks"].values())


# --------------------------------------------------------------------------- retries


def test_rate_limited_twice_then_answered(check: Check, fake_llm: FakeLLM) -> None:
    limited = error(429, "Rate limit reached", {"Retry-After": "0"})
    fake_llm.reply(limited, limited, ok(GOOD))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 3
    assert len(fake_llm.chats) == 3
    assert run.llm["model"] == "m"
    assert run.llm["base_url"] == fake_llm.url
    assert (run.llm["prompt_tokens"], run.llm["completion_tokens"]) == (120, 30)
    # the three requests are the same request
    assert fake_llm.chats[0].json == fake_llm.chats[1].json == fake_llm.chats[2].json


def test_retry_after_ms_is_honoured(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(error(429, "slow down", {"retry-after-ms": "400"}), ok(GOOD))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok" and run.llm["requests"] == 2
    assert run.elapsed >= 0.4


def test_negative_retry_after_is_retried_at_once(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(error(429, "slow down", {"Retry-After": "-1"}), ok(GOOD))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 2


def test_server_error_always_fails_within_the_deadline(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(error(500, "The server had an error while processing your request"))
    timeout = 1.0
    run = check(WEBHOOKS, "--llm-timeout", str(timeout))
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert "HTTP 500" in run.llm["error"]
    assert run.llm["requests"] == len(fake_llm.chats) >= 2  # it did retry, and says how often
    assert f"({run.llm['requests']} requests)" in run.llm["error"]
    assert run.elapsed < 3 * timeout + 10


def test_server_that_never_answers_times_out(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(Reply(200, answer(), delay=30))
    timeout = 0.5
    run = check(WEBHOOKS, "--llm-timeout", str(timeout))
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert "did not answer in time" in run.llm["error"] or "ran out of time" in run.llm["error"]
    assert run.llm["requests"] >= 1
    assert run.elapsed < 3 * timeout + 10
    assert run.doc["findings"], "the deterministic report is complete"


def test_nobody_listening_fails_within_the_deadline(check: Check, tmp_path: Path) -> None:
    with socket.socket() as s:  # a loopback port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = check(WEBHOOKS, "--llm-timeout", "0.5", base_url=f"http://127.0.0.1:{port}/v1")
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert "cannot connect" in run.llm["error"]
    assert run.elapsed < 3 * 0.5 + 10


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, ("HTTP 401", "API key", "OPENAI_API_KEY")),
        (403, ("HTTP 403", "API key")),
        (404, ("HTTP 404", "--base-url", "--model")),
    ],
)
def test_client_errors_are_not_retried(
    check: Check, fake_llm: FakeLLM, status: int, words: tuple[str, ...]
) -> None:
    fake_llm.always(error(status, "nope"))
    run = check(WEBHOOKS)
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert run.llm["requests"] == 1 and len(fake_llm.chats) == 1
    for w in words:
        assert w in run.llm["error"], run.llm["error"]


def test_bad_request_says_what_the_server_said(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(error(400, "This model's maximum context length is 2048 tokens"))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "failed"
    assert run.llm["requests"] == 1
    assert "maximum context length is 2048 tokens" in run.llm["error"]


# --------------------------------------------------------------------------- answers


def test_not_json_twice_gives_up_after_the_re_ask(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(ok("Sure! The postmortem looks fine to me."))
    run = check(WEBHOOKS)
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert run.llm["requests"] == 2 and len(fake_llm.chats) == 2
    assert "JSON" in run.llm["error"] and "schema" in run.llm["error"]


def test_invalid_then_valid_answer(check: Check, fake_llm: FakeLLM) -> None:
    invalid = '{"critiques": [], "verdicts": [], "tasks": [], "score": 10}'
    fake_llm.reply(ok(invalid), ok(GOOD))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 2
    first, second = (c.messages for c in fake_llm.chats)
    assert len(second) == len(first) + 2
    assert second[: len(first)] == first
    assert second[-2] == {"role": "assistant", "content": invalid}
    assert second[-1]["role"] == "user"
    assert "'score' was unexpected" in second[-1]["content"]
    # both answers' tokens are counted
    assert (run.llm["prompt_tokens"], run.llm["completion_tokens"]) == (240, 60)


def test_answer_cut_off_at_the_token_limit_is_asked_again(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(ok('{"critiques": [{"quote": "things', finish_reason="length"), ok(GOOD))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 2
    assert "cut off" in fake_llm.chats[1].messages[-1]["content"]


def test_server_without_json_schema_gets_json_object(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(
        error(400, "response_format type 'json_schema' is not supported; use json_object"),
        ok(GOOD),
    )
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 2
    first, second = (c.json for c in fake_llm.chats)
    assert first["response_format"]["type"] == "json_schema"
    assert first["response_format"]["json_schema"]["strict"] is True
    assert first["response_format"]["json_schema"]["schema"]["required"] == [
        "critiques",
        "verdicts",
        "tasks",
    ]
    assert second["response_format"] == {"type": "json_object"}
    # without a json_schema response format, the schema is spelled out in the system message
    assert second["messages"][1:] == first["messages"][1:]
    assert second["messages"][0]["content"].startswith(first["messages"][0]["content"])
    assert '"critiques"' in second["messages"][0]["content"]


def test_json_object_fallback_failure_is_described(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(error(400, "response_format json_schema is not supported"))
    fake_llm.always(error(401, "Incorrect API key provided"))
    run = check(WEBHOOKS)
    assert run.llm["status"] == "failed"
    assert run.llm["requests"] == 2 == len(fake_llm.chats)
    assert run.llm["error"].startswith("HTTP 401 from the LLM server: the API key was refused")


def test_json_object_fallback_still_tells_the_model_the_schema(
    check: Check, fake_llm: FakeLLM
) -> None:
    fake_llm.reply(error(400, "response_format json_schema is not supported"), ok(GOOD))
    check(WEBHOOKS)
    fallback = fake_llm.chats[1].json
    assert fallback["response_format"] == {"type": "json_object"}
    told = json.dumps(fallback["messages"])
    for name in ("critiques", "verdicts", "tasks", "rewrite", "done_when", "owner_role"):
        assert name in told, name


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, "<!doctype html><title>Chat UI</title>", {"Content-Type": "text/html"}),
        Reply(200, "upstream error", {"Content-Type": "application/json"}),
    ],
    ids=["html", "broken-json"],
)
def test_an_answer_that_is_not_a_chat_completion(
    check: Check, fake_llm: FakeLLM, reply: Reply
) -> None:
    fake_llm.always(reply)
    run = check(WEBHOOKS)
    offline = check(WEBHOOKS, "--offline")
    assert_failed_cleanly(run, offline)
    assert run.llm["requests"] >= 1
    assert "LLM server" in run.llm["error"] and "--base-url" in run.llm["error"]


def test_retries_and_re_ask_are_all_counted(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.reply(
        error(503, "overloaded", {"Retry-After": "0"}),
        ok("not json"),
        error(429, "slow down", {"Retry-After": "0"}),
        ok(GOOD),
    )
    run = check(WEBHOOKS)
    assert run.llm["status"] == "ok", run.llm
    assert run.llm["requests"] == 4 == len(fake_llm.chats)


def test_several_documents_are_reviewed_concurrently(
    check: Check, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        text = WEBHOOKS.read_text("utf-8").replace("55 minutes", f"5{i} minutes")
        (folder / f"pm{i}.md").write_text(text, encoding="utf-8")
    fake_llm.always(ok(GOOD))
    run = check(folder)
    assert run.report is not None
    assert [d["llm"]["status"] for d in run.report["documents"]] == ["ok"] * 3
    assert len(fake_llm.chats) == 3


# --------------------------------------------------------------------------- text output


def llm_line(run: Run) -> str:
    (line,) = [x for x in run.result.stdout.splitlines() if x.startswith("LLM review:")]
    return line


def test_text_output_names_the_model_requests_and_tokens(check: Check, fake_llm: FakeLLM) -> None:
    limited = error(429, "slow down", {"Retry-After": "0"})
    fake_llm.reply(limited, limited, ok(GOOD))
    run = check(WEBHOOKS, "--format", "text")
    assert llm_line(run) == (
        "LLM review: ok · model m · 3 requests · 120+30 tokens · 0 ungrounded claims dropped"
    )


def test_text_output_on_failure(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(error(401, "bad key"))
    run = check(WEBHOOKS, "--format", "text")
    offline = check(WEBHOOKS, "--format", "text", "--offline")
    line = llm_line(run)
    assert line.startswith("LLM review: failed: HTTP 401 from the LLM server: the API key")
    assert "deterministic review, complete" in line
    # everything but that line is the offline report
    strip = [x for x in run.result.stdout.splitlines() if not x.startswith("LLM review:")]
    assert strip == [x for x in offline.result.stdout.splitlines() if not x.startswith("LLM")]
    assert run.code == offline.code


def test_text_output_when_cached(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(ok(GOOD))
    check(WEBHOOKS)
    run = check(WEBHOOKS, "--format", "text")
    assert llm_line(run) == (
        "LLM review: cached · model m · 0 requests · 0 ungrounded claims dropped"
    )


def test_offline_skips_the_llm(check: Check, fake_llm: FakeLLM) -> None:
    run = check(WEBHOOKS, "--offline", "--base-url", fake_llm.url, "--model", "m")
    assert run.llm == {"status": "skipped", "reason": "offline"}
    assert fake_llm.requests == []
