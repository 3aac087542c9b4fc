"""One way to ask the LLM for JSON, for every prompt: render the prompt, send it with the
prompt's own output schema as the response format, validate the answer against that schema,
ask once more with the validation error, and count the requests and tokens.

`ask` is the only caller of `ChatClient.complete` outside tests and fixture recording.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from ..resources import load_schema
from . import ChatClient, ChatRequest, ChatResponse, LLMConfig, LLMError, public_url
from .cache import Cache, key
from .prompts import Prompt
from .prompts import load as load_prompt


@dataclass
class Answer:
    """A schema-valid answer and what it cost (nothing, when it came from the cache)."""

    data: dict[str, Any]
    model: str
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False


@cache
def validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(schema))


# What a schema file says about itself, for people and tools (where it lives, its dialect,
# its name): nothing about the answer's shape, so the request does not spend tokens on it.
ANNOTATIONS = ("$schema", "$id", "title", "description")


def sent_schema(name: str) -> dict[str, Any]:
    """The schema file `name` as a request's response format carries it: without its
    top-level annotations. Answers are validated against the whole file."""
    return {k: v for k, v in load_schema(name).items() if k not in ANNOTATIONS}


def build(name: str, variables: Mapping[str, str], config: LLMConfig) -> ChatRequest:
    """The request for prompts/`name`.toml with `variables` filled in."""
    prompt = load_prompt(name)
    system, user = prompt.render(**variables)
    response_format = {
        "type": "json_schema",
        "json_schema": {
            "name": prompt.schema_name,
            "strict": True,
            "schema": sent_schema(prompt.schema),
        },
    }
    return ChatRequest(
        config.model,
        ({"role": "system", "content": system}, {"role": "user", "content": user}),
        response_format,
        max_tokens=prompt.max_tokens or config.max_tokens,
    )


def ask(
    name: str,
    variables: Mapping[str, str],
    config: LLMConfig,
    client: ChatClient,
    store: Cache | None = None,
) -> Answer:
    """The answer to prompts/`name`.toml, valid against the prompt's schema: from `store`
    when it holds one for this very request, else from `client` (then stored)."""
    prompt = load_prompt(name)
    request = build(name, variables, config)
    k = _cache_key(prompt, request, client)
    cached = store.get(k) if store else None
    if cached is not None and _valid(cached.get("answer"), prompt.schema):
        return Answer(cached["answer"], cached.get("model") or config.model, cached=True)
    answer = exchange(client, request, prompt.schema)
    answer.model = answer.model or config.model
    if store:
        store.put(k, {"answer": answer.data, "model": answer.model})
    return answer


def exchange(client: ChatClient, request: ChatRequest, schema: str) -> Answer:
    """Send `request`; if the answer does not follow schemas/`schema`, ask once more with the
    validation error. Raises LLMError (one line, every request counted) when both fail."""
    first = client.complete(request)
    problem = problems(first.content, first.finish_reason, schema)
    if problem is None:
        return _answer(first, first.requests)
    try:
        second = client.complete(_re_ask(request, first.content, problem))
    except LLMError as exc:
        raise LLMError(str(exc), first.requests + exc.requests) from None
    requests = first.requests + second.requests
    again = problems(second.content, second.finish_reason, schema)
    if again is not None:
        raise LLMError(f"the model's answer did not follow the schema twice: {again}", requests)
    second.prompt_tokens += first.prompt_tokens
    second.completion_tokens += first.completion_tokens
    return _answer(second, requests)


def problems(content: str, finish_reason: str, schema: str) -> str | None:
    """Why an answer is unusable (one line), or None."""
    if finish_reason == "length":
        return "the answer was cut off at the token limit; give fewer, shorter items"
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        return f"the answer is not JSON ({exc.msg} at position {exc.pos})"
    errors = sorted(validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "top level"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return f"at {where}: {errors[0].message[:160]}{more}"
    return None


def _re_ask(request: ChatRequest, content: str, problem: str) -> ChatRequest:
    return ChatRequest(
        request.model,
        (
            *request.messages,
            {"role": "assistant", "content": content[:4000]},
            {
                "role": "user",
                "content": f"That answer is not usable: {problem}. "
                "Answer again with one JSON object that follows the schema exactly.",
            },
        ),
        request.response_format,
        request.max_tokens,
        request.temperature,
    )


def _answer(response: ChatResponse, requests: int) -> Answer:
    return Answer(
        json.loads(response.content),
        response.model,
        requests,
        response.prompt_tokens,
        response.completion_tokens,
    )


def _cache_key(prompt: Prompt, request: ChatRequest, client: ChatClient) -> str:
    """Everything that decides the answer: endpoint, model, prompt, schema, the request."""
    return key(
        public_url(client.base_url),
        request.model,
        prompt.id,
        str(prompt.version),
        json.dumps(load_schema(prompt.schema), sort_keys=True),
        request.key(),
    )


def _valid(answer: Any, schema: str) -> bool:
    """A cached answer is used only if it still follows the schema (else it is a miss)."""
    return isinstance(answer, dict) and not any(True for _ in validator(schema).iter_errors(answer))
