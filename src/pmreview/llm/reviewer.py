"""The LLM stage for one document: prompt -> request -> validated JSON -> grounded result.

Nothing here changes a review: it returns an `LLMResult` (check verdicts it may overrule,
critiques, tasks, stats) that `review.review_document` merges, so the deterministic results
stand whatever happens here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..checks.profile import Profile
from ..models import Check, DocumentReview, Hit, Source
from . import ChatClient, ChatRequest, LLMConfig, LLMError, public_url
from .ask import ask, build
from .cache import Cache
from .ground import Grounder, Span
from .redact import Redaction, nothing, redact

PROMPT = "reviewer"
MAX_DOCUMENT_CHARS = 24_000
MAX_FINDINGS_IN_PROMPT = 40


@dataclass
class LLMResult:
    verdicts: dict[str, Check] = field(default_factory=dict)
    critiques: list[Hit] = field(default_factory=list)  # the engine stamps them (PM901)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


def _numbered(text: str) -> str:
    if len(text) > MAX_DOCUMENT_CHARS:
        text = text[:MAX_DOCUMENT_CHARS] + "\n[… the rest of the document is cut off …]"
    return "\n".join(f"{n:4d} | {line}" for n, line in enumerate(text.split("\n"), 1))


def variables(det: DocumentReview, profile: Profile, redaction: Redaction) -> dict[str, str]:
    """What the reviewer prompt is filled with: the profile's semantic checks, the findings
    already made, and the redacted document with line numbers."""
    semantic = [
        (cid, spec) for cid, spec in profile.checks.items() if spec.get("kind") == "semantic"
    ]
    requirements = "\n".join(f"- {cid}: {spec.get('description', '')}" for cid, spec in semantic)
    findings = "\n".join(
        f"- line {f.line}: {f.rule} {redaction.apply(f.quote) if f.quote else f.message}"
        for f in det.findings[:MAX_FINDINGS_IN_PROMPT]
    )
    return {
        "profile": profile.name,
        "requirements": requirements or "(none)",
        "findings": findings or "(none)",
        "document": _numbered(redaction.text),
    }


def build_request(
    det: DocumentReview, profile: Profile, config: LLMConfig, redaction: Redaction
) -> ChatRequest:
    """The request a review sends (fixtures are keyed by it)."""
    return build(PROMPT, variables(det, profile, redaction), config)


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
        answer = ask(PROMPT, variables(det, profile, redaction), config, client, store)
        stats.update(
            status="cached" if answer.cached else "ok",
            model=answer.model,
            requests=answer.requests,
            prompt_tokens=answer.prompt_tokens,
            completion_tokens=answer.completion_tokens,
        )
        result = ground(answer.data, source, profile, redaction)
    except LLMError as exc:
        stats.update(requests=exc.requests, error=" ".join(str(exc).split()))
        return LLMResult(stats=stats)
    except Exception as exc:  # a bug or an unexpected reply must not cost the review
        stats.update(error=f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:200])
        return LLMResult(stats=stats)
    result.stats = {**stats, "dropped_ungrounded": result.stats.get("dropped_ungrounded", 0)}
    return result


def ground(
    answer: dict[str, Any], source: Source, profile: Profile, redaction: Redaction
) -> LLMResult:
    """Keep only what can be found in the document, at the place it is."""
    finder = Grounder(source.text)

    def locate(quote: str) -> Span | None:
        return finder.find(redaction.restore(quote))

    out = LLMResult()
    dropped = 0
    semantic = {cid for cid, spec in profile.checks.items() if spec.get("kind") == "semantic"}
    for item in answer.get("critiques", []):
        span = locate(item["quote"])
        if span is None:
            dropped += 1
            continue
        out.critiques.append(_critique(item, span, redaction))
    for item in answer.get("verdicts", []):
        if item["check"] not in semantic or not item["quote"].strip():
            continue  # an LLM verdict counts only with a grounded quote
        span = locate(item["quote"])
        if span is None:
            dropped += 1
            continue
        passed = item["status"] == "pass"
        out.verdicts[item["check"]] = Check(
            item["check"],
            item["status"],
            item["reason"].strip(),
            span.line,
            source="llm",
            evidence=span.text if passed else "",
        )
    for item in answer.get("tasks", []):
        span = locate(item["quote"]) if item["quote"].strip() else None
        if item["quote"].strip() and span is None:
            dropped += 1
            continue
        out.tasks.append(_task(item, span))
    out.stats = {"dropped_ungrounded": dropped}
    return out


def _critique(item: dict[str, str], span: Span, redaction: Redaction) -> Hit:
    return Hit(
        message=redaction.restore(item["problem"]).strip() or "This is vague.",
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        quote=span.text,
        question=redaction.restore(item["question"]).strip(),
        suggestion=redaction.restore(item["rewrite"]).strip(),
    )


def _task(item: dict[str, str], span: Span | None) -> dict[str, Any]:
    task: dict[str, Any] = {
        "title": item["title"].strip(),
        "done_when": item["done_when"],
        "owner": item["owner_role"],
        "priority": item["priority"],
        "source": "llm",
    }
    if span is not None:
        task["line"] = span.line
    return task
