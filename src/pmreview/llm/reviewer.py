"""The LLM stage for one document: prompt -> request -> validated JSON -> grounded result.

Nothing here changes a review: it returns an `LLMResult` (check verdicts it may overrule,
critiques, tasks, stats) that `review.review_document` merges, so the deterministic results
stand whatever happens here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..catalog import Definition
from ..checks.profile import Profile
from ..models import Check, DocumentReview, Hit, Source, Status
from . import ChatClient, ChatRequest, LLMConfig, LLMError, public_url
from .ask import ask, build
from .cache import Cache
from .ground import Grounder, Span
from .redact import Redaction, nothing, redact

PROMPT = "reviewer"
MAX_DOCUMENT_CHARS = 24_000
MAX_FINDINGS_IN_PROMPT = 40
OVERHEAD_CONFIG = LLMConfig(base_url="", model="")
CHARS_PER_TOKEN = 4
OVERHEAD_LIMIT = 2000  # tokens besides the findings and the document (prompts/README.md)


@dataclass
class LLMResult:
    # grounded verdicts on the profile's checks (semantic ones, and passes on structural ones
    # with the evidence quoted); `pipeline.merge.combine` decides which apply
    verdicts: dict[str, Check] = field(default_factory=dict)
    absent: set[str] = field(default_factory=set)  # "fail" verdicts without a quote (no line)
    critiques: list[Hit] = field(default_factory=list)  # the engine stamps them (PM901)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


def _numbered(text: str) -> str:
    if len(text) > MAX_DOCUMENT_CHARS:
        text = text[:MAX_DOCUMENT_CHARS] + "\n[… the rest of the document is cut off …]"
    return "\n".join(f"{n:4d} | {line}" for n, line in enumerate(text.split("\n"), 1))


def definitions(profile: Profile) -> str:
    """The profile's semantic checks, one line each: when it passes (its `definition`'s "pass"
    text: what fails is everything else, and the token budget has no room for both; a profile
    without definitions gives the description)."""
    out = []
    for cid, spec in profile.checks.items():
        if spec.get("kind") != "semantic":
            continue
        d = Definition.read(spec.get("definition"))
        text = d.passes if d else spec.get("description", "")
        out.append(f"- {cid}: {' '.join(text.split())}")
    return "\n".join(out) or "(none)"


def scope(profile: Profile) -> str:
    """The profile's scope rules (`x-scope`), one line each."""
    rules = profile.schema.get("x-scope")
    lines = [f"- {' '.join(str(r).split())}" for r in (rules or {}).values()]
    return "\n".join(lines) or "(sections are found by their titles)"


def fixed_variables(profile: Profile) -> dict[str, str]:
    """What fills the part of the prompt that is the same for every document of a profile:
    its name, scope rules and semantic checks' definitions."""
    return {"profile": profile.name, "scope": scope(profile), "requirements": definitions(profile)}


def variables(det: DocumentReview, profile: Profile, redaction: Redaction) -> dict[str, str]:
    """What the reviewer prompt is filled with: the fixed part, the findings already made,
    and the redacted document with line numbers."""
    findings = "\n".join(
        f"- line {f.line}: {f.rule} {redaction.apply(f.quote) if f.quote else f.message}"
        for f in det.each_finding[:MAX_FINDINGS_IN_PROMPT]
    )
    return {
        **fixed_variables(profile),
        "findings": findings or "(none)",
        "document": _numbered(redaction.text),
    }


def overhead(profile: Profile) -> dict[str, int]:
    """What every request of `profile` sends besides the findings and the document: the
    characters of the messages and of the answer's schema (response_format, as compact JSON),
    their sum, and its estimate in tokens (characters / CHARS_PER_TOKEN)."""
    request = build(
        PROMPT, {**fixed_variables(profile), "findings": "", "document": ""}, OVERHEAD_CONFIG
    )
    schema = len(json.dumps(request.response_format, separators=(",", ":"), ensure_ascii=False))
    messages = sum(len(m["content"]) for m in request.messages)
    chars = messages + schema
    return {"messages": messages, "schema": schema, "chars": chars, "tokens": tokens(chars)}


def tokens(chars: int) -> int:
    """Tokens estimated from characters: about 4 per token for English prose with some JSON
    (SmolLM2's tokenizer counts 4.0-4.2 on the reviewer prompt, GPT-4's a little more)."""
    return -(-chars // CHARS_PER_TOKEN)


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
    for item in answer.get("critiques", []):
        span = locate(item["quote"])
        if span is None:
            dropped += 1
            continue
        out.critiques.append(_critique(item, span, redaction))
    for item in answer.get("verdicts", []):
        dropped += _verdict(item, profile, locate, out)
    for item in answer.get("tasks", []):
        span = locate(item["quote"]) if item["quote"].strip() else None
        if item["quote"].strip() and span is None:
            dropped += 1
            continue
        out.tasks.append(_task(item, span))
    out.stats = {"dropped_ungrounded": dropped}
    return out


def _verdict(
    item: dict[str, str], profile: Profile, locate: Callable[[str], Span | None], out: LLMResult
) -> int:
    """Keep a verdict on a check of the profile when its quote is found: a semantic check's
    "pass" or "fail" (a "fail" may quote nothing: the element is absent), a structural
    check's "pass" (the evidence the parser missed). Returns 1 for a quote not found."""
    cid, quote = item["check"], item["quote"].strip()
    status: Status = "pass" if item["status"] == "pass" else "fail"
    kind = profile.checks.get(cid, {}).get("kind")
    if kind is None or (kind != "semantic" and status != "pass"):
        return 0
    if not quote:
        if kind == "semantic" and status == "fail":
            out.verdicts[cid] = Check(cid, "fail", item["reason"].strip(), None, source="llm")
            out.absent.add(cid)
        return 0
    span = locate(item["quote"])
    if span is None:
        return 1
    out.verdicts[cid] = Check(
        cid,
        status,
        item["reason"].strip(),
        span.line,
        source="llm",
        evidence=span.text if status == "pass" else "",
    )
    return 0


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
