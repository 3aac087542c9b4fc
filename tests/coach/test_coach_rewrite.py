"""With an LLM, the coach asks the model (through the one LLM helper) to turn an answer into a
rewrite of the passage; an unusable answer is asked again, then the author's words are used."""

from __future__ import annotations

import json
from typing import Any

from _coach_support import COACH_MD

from pmreview.coach.rewrite import Rewriter
from pmreview.coach.session import Outcome, session
from pmreview.llm import ChatRequest, ChatResponse, LLMConfig, LLMError
from pmreview.pipeline import Options, review_text


class Recorder:
    """An in-process chat client: answers each request with the next canned content."""

    base_url = "http://127.0.0.1:9/v1"

    def __init__(self, *contents: str | Exception) -> None:
        self.contents = list(contents)
        self.requests: list[ChatRequest] = []

    def complete(self, request: ChatRequest) -> ChatResponse:
        self.requests.append(request)
        content = self.contents.pop(0)
        if isinstance(content, Exception):
            raise content
        return ChatResponse(content, model="recorder")


def _session_with(client: Recorder, text: str, answers: dict[str, Any]) -> Outcome:
    review = review_text(text, opts=Options(offline=True))
    assert review.source is not None
    rewriter = Rewriter(client, LLMConfig(base_url=client.base_url, model="m"), review.source)
    return session(
        review,
        echo=lambda _: None,
        answers=answers,
        rewriter=rewriter,
    )


def test_the_llm_turns_an_answer_into_a_rewrite_of_the_sentence() -> None:
    text = COACH_MD.read_text().replace("glitch.", "glitch (ask ops@payouts.example).")
    rewrite = "The payouts worker failed because the bank gateway client's TLS certificate expired."
    client = Recorder(json.dumps({"rewrite": rewrite}))
    outcome = _session_with(client, text, {"PM101": "the TLS cert expired"})
    assert outcome.answered == ["PM101"] and outcome.llm_requests == 1
    assert rewrite in outcome.text and "glitch" not in outcome.text
    sent = json.dumps([m["content"] for m in client.requests[0].messages])
    assert "the TLS cert expired" in sent and "<passage>" in sent
    assert "ops@payouts.example" not in sent and "[EMAIL_1]" in sent  # redacted
    assert client.requests[0].response_format["json_schema"]["name"] == "coach_rewrite"


def test_an_invalid_llm_answer_is_asked_again_then_the_authors_words_are_used() -> None:
    client = Recorder("not json", json.dumps({"wrong": 1}))
    outcome = _session_with(client, COACH_MD.read_text(), {"PM101": "an expired TLS certificate"})
    assert len(client.requests) == 2
    assert "because of an expired TLS certificate." in outcome.text
    assert outcome.notes and "LLM rewrite failed" in outcome.notes[0]
    failing = Recorder(LLMError("the server answered 500", requests=3))
    outcome = _session_with(failing, COACH_MD.read_text(), {"PM101": "an expired TLS certificate"})
    assert "because of an expired TLS certificate." in outcome.text
