"""The LLM reviewer stage: prompts, client, replay, redaction, grounding, cache.

`client.py` is the only module that imports `openai` and `tenacity`; everything here is
imported lazily by the pipeline, so an offline review never loads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol


class LLMError(Exception):
    """The LLM stage failed; the message is one line for the report."""

    def __init__(self, message: str, requests: int = 0) -> None:
        super().__init__(message)
        self.requests = requests


@dataclass(frozen=True)
class ChatRequest:
    model: str
    messages: tuple[dict[str, str], ...]
    response_format: dict[str, Any]
    max_tokens: int = 4096
    temperature: float = 0.0

    def normalised(self) -> dict[str, Any]:
        """What identifies a request: model, messages and response format (for replay)."""
        return {
            "model": self.model,
            "messages": [dict(m) for m in self.messages],
            "response_format": self.response_format,
        }

    def key(self) -> str:
        import hashlib  # here: loading OpenSSL costs ~4 ms that an offline review never needs

        data = json.dumps(self.normalised(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


@dataclass
class ChatResponse:
    content: str
    finish_reason: str = "stop"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str = ""
    requests: int = 1  # HTTP requests this answer took (retries included)
    format_used: str = "json_schema"


class ChatClient(Protocol):
    """What the reviewer needs of a chat endpoint (the real client, replay, recording)."""

    base_url: str

    def complete(self, request: ChatRequest) -> ChatResponse: ...


@dataclass
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 60.0
    redact: bool = True
    cache_dir: str | None = None
    use_cache: bool = True
    jobs: int = 4
    max_tokens: int = 4096
    extra: dict[str, Any] = field(default_factory=dict)


def public_url(url: str) -> str:
    """A base URL without credentials or query string, for reports and cache keys."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # IPv6
        host = f"[{host}]"
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))
