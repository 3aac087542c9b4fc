"""The one LLM helper (llm/ask.py): the request carries the prompt's own output schema, the
answer is validated against it and asked for once more with the error, every request and
token is counted, and a stored answer is reused only while it still follows the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _llm_support import Scripted

from pmreview.llm import ChatRequest, ChatResponse, LLMConfig, LLMError
from pmreview.llm.ask import ask, exchange, problems
from pmreview.llm.cache import Cache
from pmreview.resources import load_schema

REVIEW = "llm-review.schema.json"
VALID = json.dumps({"critiques": [], "verdicts": [], "tasks": []})
REWRITE = json.dumps({"rewrite": "The certificate expired at 01:10 UTC."})
COACH_VARIABLES = {
    "issue": "Vague cause",
    "question": "What failed?",
    "target": "A glitch.",
    "context": "A glitch.",
    "answer": "the certificate expired",
}


def test_problems_says_why_an_answer_is_unusable() -> None:
    assert problems(VALID, "stop", REVIEW) is None
    assert "cut off" in (problems(VALID, "length", REVIEW) or "")
    assert (problems("{oops", "stop", REVIEW) or "").startswith("the answer is not JSON")
    missing = problems('{"critiques": []}', "stop", REVIEW) or ""
    assert missing.startswith("at top level:") and "(and 1 more)" in missing
    wrong = problems('{"critiques": [{"quote": 1}], "verdicts": [], "tasks": []}', "stop", REVIEW)
    assert (wrong or "").startswith("at critiques/0")


def test_re_ask_sends_the_answer_and_the_problem() -> None:
    client = Scripted(ChatResponse("x" * 5000, prompt_tokens=5), ChatResponse(VALID, requests=2))
    request = ChatRequest("m", ({"role": "user", "content": "review"},), {"type": "json_object"})
    answer = exchange(client, request, REVIEW)
    assert answer.data == json.loads(VALID) and answer.requests == 3
    assert answer.prompt_tokens == 5 and not answer.cached
    retry = client.requests[1]
    assert retry.messages[-2] == {"role": "assistant", "content": "x" * 4000}
    assert "not JSON" in retry.messages[-1]["content"]
    assert retry.response_format == request.response_format


def test_failed_re_ask_counts_every_request() -> None:
    client = Scripted(ChatResponse("nope", requests=2), LLMError("HTTP 500 (3 requests)", 3))
    request = ChatRequest("m", ({"role": "user", "content": "review"},), {"type": "json_object"})
    with pytest.raises(LLMError) as caught:
        exchange(client, request, REVIEW)
    assert caught.value.requests == 5


def test_each_prompt_is_sent_with_and_checked_against_its_own_schema() -> None:
    """The coach prompt names coach-rewrite.schema.json: a review answer is not one, so it is
    asked again; its own limit of tokens wins over the config's."""
    client = Scripted(ChatResponse(VALID), ChatResponse(REWRITE, model="served"))
    config = LLMConfig(base_url="scripted:", model="m", max_tokens=1234)
    answer = ask("coach", COACH_VARIABLES, config, client)
    assert answer.data == json.loads(REWRITE) and answer.requests == 2
    assert answer.model == "served"
    fmt = client.requests[0].response_format
    assert fmt["json_schema"]["name"] == "coach_rewrite"
    # the schema's shape, without what the file says about itself ($id, title, description)
    whole = load_schema("coach-rewrite.schema.json")
    assert fmt["json_schema"]["schema"] == {
        k: v for k, v in whole.items() if k not in ("$schema", "$id", "title", "description")
    }
    assert "$id" in whole and "$id" not in fmt["json_schema"]["schema"]
    assert client.requests[0].max_tokens == 400
    assert "the certificate expired" in client.requests[0].messages[1]["content"]


def test_an_answer_is_stored_and_reused_while_it_follows_the_schema(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    config = LLMConfig(base_url="scripted:", model="m")
    first = ask("coach", COACH_VARIABLES, config, Scripted(ChatResponse(REWRITE)), store)
    again = ask("coach", COACH_VARIABLES, config, Scripted(), store)
    assert again.cached and again.requests == 0 and again.data == first.data
    assert again.model == "m"  # the model the stored answer came from
    (stored,) = tmp_path.glob("*/*.json")
    stored.write_text(json.dumps({"answer": {"rewrite": ""}, "model": "m"}))
    fresh = ask("coach", COACH_VARIABLES, config, Scripted(ChatResponse(REWRITE)), store)
    assert not fresh.cached and fresh.requests == 1
