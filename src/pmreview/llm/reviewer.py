"""The LLM stage for one document: prompt -> request -> validated JSON -> grounded result.

Nothing here changes a review: it returns an `LLMResult` (check verdicts it may overrule,
critiques, tasks, stats) that `review.review_document` merges, so the deterministic results
stand whatever happens here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from ..checks.profile import Profile
from ..models import Check, DocumentReview, Finding, Source
from ..resources import load_schema
from . import ChatClient, ChatRequest, ChatResponse, LLMConfig, LLMError, public_url
from .cache import Cache, key
from .ground import Grounder
from .prompts import load as load_prompt
from .redact import Redaction, nothing, redact

PROMPT = "reviewer"
SCHEMA = "llm-review.schema.json"
MAX_DOCUMENT_CHARS = 24_000
MAX_FINDINGS_IN_PROMPT = 40
CRITIQUE_RULE = ("PM901", "llm-critique")


@dataclass
class LLMResult:
    verdicts: dict[str, Check] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


@cache
def _validator(schema: str = SCHEMA) -> Draft202012Validator:
    return Draft202012Validator(load_schema(schema))


def _numbered(text: str) -> str:
    if len(text) > MAX_DOCUMENT_CHARS:
        text = text[:MAX_DOCUMENT_CHARS] + "\n[… the rest of the document is cut off …]"
    return "\n".join(f"{n:4d} | {line}" for n, line in enumerate(text.split("\n"), 1))


def build_request(
    source: Source, det: DocumentReview, profile: Profile, config: LLMConfig, redaction: Redaction
) -> ChatRequest:
    prompt = load_prompt(PROMPT)
    semantic = [
        (cid, spec) for cid, spec in profile.checks.items() if spec.get("kind") == "semantic"
    ]
    requirements = "\n".join(f"- {cid}: {spec.get('description', '')}" for cid, spec in semantic)
    findings = "\n".join(
        f"- line {f.line}: {f.rule} {redaction.apply(f.quote) if f.quote else f.message}"
        for f in det.findings[:MAX_FINDINGS_IN_PROMPT]
    )
    system, user = prompt.render(
        profile=profile.name,
        requirements=requirements or "(none)",
        findings=findings or "(none)",
        document=_numbered(redaction.text),
    )
    schema_format = {
        "type": "json_schema",
        "json_schema": {"name": "postmortem_review", "strict": True, "schema": load_schema(SCHEMA)},
    }
    return ChatRequest(
        config.model,
        ({"role": "system", "content": system}, {"role": "user", "content": user}),
        schema_format,
        max_tokens=config.max_tokens,
    )


def _errors(content: str, finish_reason: str, schema: str = SCHEMA) -> str | None:
    """Why an answer is unusable (one line), or None."""
    if finish_reason == "length":
        return "the answer was cut off at the token limit; give fewer, shorter items"
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        return f"the answer is not JSON ({exc.msg} at position {exc.pos})"
    errors = sorted(_validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "top level"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return f"at {where}: {errors[0].message[:160]}{more}"
    return None


def ask(
    client: ChatClient, request: ChatRequest, schema: str = SCHEMA
) -> tuple[dict[str, Any], ChatResponse, int]:
    """A schema-valid answer (valid against schemas/`schema`), asking once more with the
    validation error if the first is not."""
    first = client.complete(request)
    requests = first.requests
    problem = _errors(first.content, first.finish_reason, schema)
    if problem is None:
        return json.loads(first.content), first, requests
    retry = ChatRequest(
        request.model,
        (
            *request.messages,
            {"role": "assistant", "content": first.content[:4000]},
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
    try:
        second = client.complete(retry)
    except LLMError as exc:
        raise LLMError(str(exc), requests + exc.requests) from None
    requests += second.requests
    again = _errors(second.content, second.finish_reason, schema)
    if again is not None:
        raise LLMError(f"the model's answer did not follow the schema twice: {again}", requests)
    second.prompt_tokens += first.prompt_tokens
    second.completion_tokens += first.completion_tokens
    return json.loads(second.content), second, requests


def run(
    source: Source,
    det: DocumentReview,
    profile: Profile,
    config: LLMConfig,
    client: ChatClient,
    store: Cache | None,
) -> LLMResult:
    """The LLM review of one document; never raises: a failure is in `stats`."""
    stats: dict[str, Any] = {
        "status": "failed",
        "model": config.model,
        "base_url": public_url(client.base_url),
        "requests": 0,
        "prompt_tokens": 0,
        "completion_tokens": 0,
        "dropped_ungrounded": 0,
    }
    redaction = redact(source) if config.redact else nothing(source)
    try:
        request = build_request(source, det, profile, config, redaction)
        prompt = load_prompt(PROMPT)
        k = key(
            stats["base_url"],
            config.model,
            prompt.id,
            str(prompt.version),
            json.dumps(load_schema(SCHEMA), sort_keys=True),
            request.key(),
        )
        cached = store.get(k) if store else None
        if cached is not None and _valid(cached.get("answer")):
            answer = cached["answer"]
            stats.update(status="cached", model=cached.get("model") or config.model)
        else:
            answer, response, requests = ask(client, request)
            stats.update(
                status="ok",
                model=response.model or config.model,
                requests=requests,
                prompt_tokens=response.prompt_tokens,
                completion_tokens=response.completion_tokens,
            )
            if store:
                store.put(k, {"answer": answer, "model": stats["model"]})
        result = ground(answer, source, profile, redaction)
    except LLMError as exc:
        stats.update(requests=exc.requests, error=" ".join(str(exc).split()))
        return LLMResult(stats=stats)
    except Exception as exc:  # a bug or an unexpected reply must not cost the review
        stats.update(error=f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:200])
        return LLMResult(stats=stats)
    result.stats = {**stats, "dropped_ungrounded": result.stats.get("dropped_ungrounded", 0)}
    return result


def _valid(answer: Any) -> bool:
    """A cached answer is used only if it still follows the schema (else it is a miss)."""
    return isinstance(answer, dict) and not any(True for _ in _validator().iter_errors(answer))


def ground(
    answer: dict[str, Any], source: Source, profile: Profile, redaction: Redaction
) -> LLMResult:
    """Keep only what can be found in the document, at the place it is."""
    finder = Grounder(source.text)
    out = LLMResult()
    dropped = 0
    semantic = {cid for cid, spec in profile.checks.items() if spec.get("kind") == "semantic"}
    for item in answer.get("critiques", []):
        span = finder.find(redaction.restore(item["quote"]))
        if span is None:
            dropped += 1
            continue
        out.findings.append(
            Finding(
                rule=CRITIQUE_RULE[0],
                name=CRITIQUE_RULE[1],
                category="vague",
                severity="warning",
                message=redaction.restore(item["problem"]).strip() or "This is vague.",
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                quote=span.text,
                question=redaction.restore(item["question"]).strip(),
                suggestion=redaction.restore(item["rewrite"]).strip(),
                source="llm",
            )
        )
    for item in answer.get("verdicts", []):
        if item["check"] not in semantic or not item["quote"].strip():
            continue  # an LLM verdict counts only with a grounded quote
        span = finder.find(redaction.restore(item["quote"]))
        if span is None:
            dropped += 1
            continue
        out.verdicts[item["check"]] = Check(
            item["check"], item["status"], item["reason"].strip(), span.line, source="llm"
        )
    for item in answer.get("tasks", []):
        task: dict[str, Any] = {
            "title": item["title"].strip(),
            "done_when": item["done_when"],
            "owner": item["owner_role"],
            "priority": item["priority"],
            "source": "llm",
        }
        if item["quote"].strip():
            span = finder.find(redaction.restore(item["quote"]))
            if span is None:
                dropped += 1
                continue
            task["line"] = span.line
        out.tasks.append(task)
    out.stats = {"dropped_ungrounded": dropped}
    return out
