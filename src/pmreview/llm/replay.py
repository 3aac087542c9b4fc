"""Recorded LLM exchanges (fixtures/llm/*.json): replay them offline, or record new ones.

A fixture holds the request (model, messages, response_format), the response, and where it
came from: `{"source": "recorded", "server", "model", "date"}` for an answer of a real server,
or `{"source": "authored", "why"}` for a hand-written answer that exercises a code path.
Replay finds a fixture by the hash of the normalised request; a request with no fixture is an
error that says how to record it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..models import DocumentReview, Source
from . import ChatClient, ChatRequest, ChatResponse, LLMError


def fixture(
    request: ChatRequest, response: ChatResponse, provenance: dict[str, Any], document: str
) -> dict[str, Any]:
    return {
        "key": request.key(),
        "document": document,
        "provenance": provenance,
        "request": request.normalised(),
        "response": {
            "content": response.content,
            "finish_reason": response.finish_reason,
            "model": response.model,
            "prompt_tokens": response.prompt_tokens,
            "completion_tokens": response.completion_tokens,
        },
    }


def load_all(folder: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["key"]] = data
    return out


class ReplayClient:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.base_url = f"replay:{folder.as_posix()}"
        self.fixtures = load_all(folder)
        self.served: list[str] = []

    def complete(self, request: ChatRequest) -> ChatResponse:
        k = request.key()
        found = self.fixtures.get(k)
        if found is None:
            raise LLMError(
                f"no recorded exchange for this request (key {k}) in {self.folder}; record it "
                "against a server with: pmreview fixtures record --base-url URL --model "
                f"{request.model} DOCUMENT",
                requests=0,
            )
        self.served.append(k)
        r = found["response"]
        return ChatResponse(
            r["content"],
            r.get("finish_reason", "stop"),
            r.get("prompt_tokens", 0),
            r.get("completion_tokens", 0),
            r.get("model", request.model),
            requests=1,
        )


class RecordingClient:
    """Passes requests to a real client and writes each exchange as a fixture."""

    def __init__(self, inner: ChatClient, folder: Path, document: str) -> None:
        self.inner = inner
        self.base_url = inner.base_url
        self.folder = folder
        self.document = document
        self.written: list[Path] = []

    def complete(self, request: ChatRequest) -> ChatResponse:
        response = self.inner.complete(request)
        provenance = {
            "source": "recorded",
            "server": self.base_url,
            "model": response.model,
            "date": date.today().isoformat(),
        }
        data = fixture(request, response, provenance, self.document)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{Path(self.document).stem}.{data['key']}.json"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        self.written.append(path)
        return response


def author(specs: Path, into: Path, review: Callable[[Source, str], DocumentReview]) -> list[Path]:
    """Fixtures from hand-written answers: each spec names its document, model, why it exists
    and the answer; the request is built exactly as a review would build it, from the
    deterministic review `review(source, profile)` gives."""
    from ..checks.profile import load as load_profile
    from ..errors import UsageError
    from ..source import load
    from . import LLMConfig
    from .redact import redact
    from .reviewer import build_request

    written = []
    for spec_path in sorted(specs.glob("*.json")):
        try:
            spec = json.loads(spec_path.read_text(encoding="utf-8"))
            document, model = spec["document"], spec["model"]
            answer, why = spec["answer"], spec["why"]
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(f"{spec_path}: not an authored fixture spec ({exc})") from None
        source = load(document)
        profile = spec.get("profile", "default")
        det = review(source, profile)
        config = LLMConfig(base_url="authored", model=model)
        request = build_request(det, load_profile(profile), config, redact(source))
        content = answer if isinstance(answer, str) else json.dumps(answer, indent=2)
        response = ChatResponse(content, spec.get("finish_reason", "stop"), 0, 0, model)
        data = fixture(request, response, {"source": "authored", "why": why}, document)
        for old in into.glob(f"{spec_path.stem}.*.json"):
            old.unlink()
        into.mkdir(parents=True, exist_ok=True)
        out = into / f"{spec_path.stem}.{data['key']}.json"
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(out)
    return written
