"""The real client: any OpenAI-compatible endpoint through the `openai` package, with the
retry policy in tenacity. The only module that imports either."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import openai
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential,
    wait_random,
)

from . import ChatRequest, ChatResponse, LLMConfig, LLMError, public_url

MAX_ATTEMPTS = 4
RETRY_AFTER_CAP = 30.0


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 429) or exc.status_code >= 500
    return False


def _retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After, retry-after-ms), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None
    return None


class _Wait:
    """Honour Retry-After when the server sends it, else exponential backoff with jitter."""

    def __init__(self) -> None:
        self.backoff = wait_exponential(multiplier=0.5, max=8.0) + wait_random(0, 0.5)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = _retry_after(exc)
        if asked is not None and asked == asked:  # not NaN
            return max(0.0, min(asked, RETRY_AFTER_CAP))
        return float(self.backoff(state))


def describe(exc: BaseException) -> str:
    """One line saying what went wrong, without credentials."""
    if isinstance(exc, openai.APIStatusError):
        hints = {
            401: "the API key was refused (check OPENAI_API_KEY)",
            403: "the API key may not use this model or endpoint",
            404: "not found: check --base-url and --model",
            429: "rate limited",
        }
        detail = hints.get(exc.status_code) or _message(exc)
        return f"HTTP {exc.status_code} from the LLM server: {detail}"
    if isinstance(exc, openai.APITimeoutError):
        return "the LLM server did not answer in time"
    if isinstance(exc, openai.APIConnectionError):
        return "cannot connect to the LLM server"
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _message(exc: openai.APIStatusError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error", body) if isinstance(body, dict) else {}
    msg = err.get("message") if isinstance(err, dict) else None
    return " ".join(str(msg or exc.message).split())[:160]


@dataclass
class _Attempts:
    count: int = 0


class OpenAIClient:
    """`complete()` sends one chat request, retrying what is worth retrying within a deadline
    of three request timeouts; a server that rejects `json_schema` gets `json_object`."""

    def __init__(self, config: LLMConfig) -> None:
        self.base_url = public_url(config.base_url)
        self.timeout = config.timeout
        self.deadline = config.timeout * 3
        self.schema_supported = True
        self._key = config.api_key or ""
        # a query string (Azure's api-version=…) is sent with every request, not glued to paths
        url, _, query = config.base_url.partition("?")
        self._client = openai.OpenAI(
            base_url=url,
            default_query=dict(parse_qsl(query)) or None,
            api_key=config.api_key or "not-needed",
            timeout=config.timeout,
            max_retries=0,
        )

    def complete(self, request: ChatRequest) -> ChatResponse:
        attempts = _Attempts()
        started = time.monotonic()
        try:
            return self._complete(request, attempts, started)
        except LLMError as exc:
            n = attempts.count
            raise LLMError(f"{exc} ({n} request{'s' if n != 1 else ''})", requests=n) from None

    def _complete(self, request: ChatRequest, attempts: _Attempts, started: float) -> ChatResponse:
        fmt = request.response_format if self.schema_supported else {"type": "json_object"}
        try:
            try:
                raw = self._send(
                    request if self.schema_supported else _with_schema(request),
                    fmt,
                    attempts,
                    started,
                )
            except openai.BadRequestError as exc:
                if fmt.get("type") != "json_schema" or not _about_format(exc):
                    raise
                # the server does not take a json_schema response format: ask for JSON and
                # put the schema in the prompt instead (the answer is validated locally anyway)
                self.schema_supported = False
                fmt = {"type": "json_object"}
                raw = self._send(_with_schema(request), fmt, attempts, started)
        except openai.OpenAIError as exc:
            raise LLMError(self.describe(exc)) from None
        choices = getattr(raw, "choices", None)
        if not isinstance(choices, list):
            raise LLMError(
                "the LLM server's answer is not an OpenAI chat completion: check --base-url"
            )
        if not choices:
            raise LLMError("the LLM server returned no choices")
        choice = choices[0]
        usage = getattr(raw, "usage", None)
        return ChatResponse(
            content=getattr(getattr(choice, "message", None), "content", None) or "",
            finish_reason=getattr(choice, "finish_reason", None) or "stop",
            prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
            model=getattr(raw, "model", None) or request.model,
            requests=attempts.count,
            format_used=str(fmt.get("type")),
        )

    def describe(self, exc: BaseException) -> str:
        """`describe`, with the API key masked wherever the server echoed it."""
        text = describe(exc)
        return text.replace(self._key, "***") if self._key and len(self._key) >= 6 else text

    def _send(
        self, request: ChatRequest, fmt: dict[str, Any], attempts: _Attempts, started: float
    ) -> Any:
        remaining = self.deadline - (time.monotonic() - started)
        retrying = Retrying(
            retry=retry_if_exception(_retryable),
            wait=_Wait(),
            stop=stop_after_attempt(MAX_ATTEMPTS) | stop_before_delay(max(remaining, 0.1)),
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                attempts.count += 1
                left = self.deadline - (time.monotonic() - started)
                if left <= 0:
                    raise LLMError("the LLM stage ran out of time")
                try:
                    return self._client.chat.completions.create(  # type: ignore[call-overload]
                        model=request.model,
                        messages=list(request.messages),
                        response_format=fmt,
                        max_tokens=request.max_tokens,
                        temperature=request.temperature,
                        timeout=min(self.timeout, left),
                    )
                except (ValueError, AttributeError, TypeError):  # a 200 that is not JSON
                    raise LLMError(
                        "the LLM server's answer is not an OpenAI chat completion: check --base-url"
                    ) from None
        raise LLMError("no request was made")  # pragma: no cover


def _with_schema(request: ChatRequest) -> ChatRequest:
    """The request with the output schema spelled out in the system message (json_object mode)."""
    import json

    schema = request.response_format.get("json_schema", {}).get("schema")
    if not schema:
        return request
    system, *rest = request.messages
    text = (
        f"{system['content']}\n\nThe JSON object must follow this JSON Schema:\n"
        f"{json.dumps(schema, separators=(',', ':'))}"
    )
    return ChatRequest(
        request.model,
        ({"role": "system", "content": text}, *rest),
        request.response_format,
        request.max_tokens,
        request.temperature,
    )


def _about_format(exc: openai.BadRequestError) -> bool:
    text = f"{exc.message} {exc.body}".lower()
    return any(w in text for w in ("response_format", "json_schema", "schema", "structured"))
