"""The pipeline: load -> parse -> facts -> profile checks + rules -> filter -> Review.

`review_text` and `review_paths` are the public API; nothing here renders or prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from . import directives, rules
from .checks import extract
from .checks.profile import Profile, evaluate, slug
from .checks.profile import load as load_profile
from .document import parse
from .errors import UsageError
from .models import Check, Document, DocumentReview, Finding, Report, Severity, Source
from .rules import section_of
from .score import score
from .source import expand, from_text, load

if TYPE_CHECKING:
    from .llm import ChatClient, LLMConfig
    from .llm.cache import Cache
    from .llm.reviewer import LLMResult

CHECK_CATEGORY = "structure"


@dataclass
class Options:
    profile: str = "default"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    offline: bool = False
    collapse: bool = (
        True  # one finding for the same words repeated (the accuracy bench turns it off)
    )
    llm: LLMConfig | None = None  # the LLM stage runs when this is set and not offline
    llm_client: ChatClient | None = field(default=None, repr=False)  # injected (tests, replay)


def check_findings(
    profile: Profile, checks: dict[str, Check], doc: Document, severities: dict[str, Severity]
) -> list[Finding]:
    """A finding for every failed check, at the line the check concerns.

    A check that `requires` another failed one (no timeline, so no timeline format) is named
    in that one's finding instead of getting its own: one missing section, one finding.
    """
    out = []
    failed = {cid for cid, c in checks.items() if c.status == "fail"}
    folded: dict[str, list[str]] = {}
    for cid in failed:
        parent = profile.checks.get(cid, {}).get("requires")
        if parent in failed:
            folded.setdefault(parent, []).append(cid)
    for cid, check in checks.items():
        if check.status != "fail" or profile.checks.get(cid, {}).get("requires") in failed:
            continue
        spec = profile.checks.get(cid, {})
        message = _missing_message(spec)
        if check.source == "llm" and check.message:
            message += f" (LLM reviewer: {check.message.rstrip('.')}.)"
        if folded.get(cid):
            message += f" (so these fail too: {', '.join(sorted(folded[cid]))})"
        line = check.line or 1
        text = doc.source.lines[line - 1] if 0 < line <= len(doc.source.lines) else ""
        out.append(
            Finding(
                rule=cid,
                name=slug(cid),
                category=CHECK_CATEGORY,
                severity=severities.get(cid, spec.get("severity", "error")),  # type: ignore[arg-type]
                message=message,
                line=line,
                column=1,
                end_line=line,
                end_column=len(text) + 1,
                quote="",
                question=spec.get("question", ""),
                suggestion=spec.get("fix", "") if check.source == "llm" else check.message,
                section=section_of(doc, line),
                source=check.source,
            )
        )
    return out


def _missing_message(spec: dict[str, str]) -> str:
    if spec.get("missing"):
        return spec["missing"]
    desc = spec.get("description", "").rstrip(".")
    return f"Missing: {desc[0].lower() + desc[1:]}." if desc else "A required element is missing."


# A finding of the key rule says nothing new where one of these covers the same line.
SUBSUMED_BY = {
    "PM502": ("PM104",),
    "PM501": ("PM104",),
    # a profile that requires owners and tickets (google-sre) already says so, as an error
    "PM503": ("action_items.owner",),
    "PM504": ("action_items.bug",),
}


def drop_inside_placeholders(findings: list[Finding]) -> list[Finding]:
    """Words inside a placeholder ("[insert how the issue was fixed]") are instructions to the
    author, not content: the placeholder's own finding is the one to show."""
    spans = [
        ((f.line, f.column), (f.end_line, f.end_column)) for f in findings if f.rule == "PM801"
    ]
    return [
        f
        for f in findings
        if f.rule == "PM801"
        or not f.quote
        or not any(a <= (f.line, f.column) and (f.end_line, f.end_column) <= b for a, b in spans)
    ]


def drop_subsumed(findings: list[Finding]) -> list[Finding]:
    """ "Be careful" is a wish (PM104) and so has no concrete object (PM502): say it once."""
    lines = {(f.rule, n) for f in findings for n in range(f.line, f.end_line + 1)}
    return [
        f
        for f in findings
        if not any((other, f.line) in lines for other in SUBSUMED_BY.get(f.rule, ()))
    ]


def collapse_repeats(findings: list[Finding]) -> list[Finding]:
    """The same rule on the same words again and again ("glitch" six times) is one finding, at
    the first place, naming the other lines. Runs after directives, so that a directive on
    one occurrence silences only that one."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        key = (f.rule, " ".join(f.quote.lower().split()))
        if f.quote and key in groups:
            groups[key].append(f)
            continue
        groups[key] = [f]
        out.append(f)
    for i, f in enumerate(out):
        repeats = (
            groups.get((f.rule, " ".join(f.quote.lower().split())), [f])[1:] if f.quote else []
        )
        numbers = sorted({r.line for r in repeats} - {f.line})
        if repeats:
            lines = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "") or str(
                f.line
            )
            plural = "s" if len(numbers) > 1 else ""
            out[i] = replace(
                f, message=f"{f.message} (the same words again on line{plural} {lines})"
            )
    return out


def review_document(source: Source, opts: Options, llm: LLMResult | None = None) -> DocumentReview:
    """The review of one document; `llm`, the LLM stage's result, is merged when given: its
    grounded verdicts overrule semantic checks, its critiques join the findings unless a rule
    already reports the same words."""
    profile = load_profile(opts.profile)
    doc = parse(source)
    checks = evaluate(profile, extract(doc))
    if llm is not None:
        checks.update({cid: v for cid, v in llm.verdicts.items() if cid in checks})
    findings = check_findings(profile, checks, doc, opts.severity)
    findings += rules.run(doc, opts.rule_options, opts.severity)
    merged = 0
    if llm is not None:
        for f in llm.findings:
            same = next((i for i, g in enumerate(findings) if _same_words(f, g)), None)
            if same is not None:  # one finding: the rule's, with the model's specific advice
                g = findings[same]
                findings[same] = replace(
                    g, question=f.question or g.question, suggestion=f.suggestion or g.suggestion
                )
                merged += 1
                continue
            findings.append(
                replace(
                    f,
                    section=section_of(doc, f.line),
                    severity=opts.severity.get(f.rule, f.severity),
                )
            )
    findings = directives.apply(doc, findings, opts.select, opts.ignore)
    findings = drop_subsumed(drop_inside_placeholders(findings))
    if opts.collapse:
        findings = collapse_repeats(findings)
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    stats = (
        {**llm.stats, "merged": merged}
        if llm is not None
        else {"status": "skipped", "reason": _skip_reason(opts)}
    )
    severities = {
        cid: opts.severity.get(cid, spec.get("severity", "error"))
        for cid, spec in profile.checks.items()
    }
    return DocumentReview(
        source.path,
        checks,
        findings,
        tasks=llm.tasks if llm else [],
        llm=stats,
        source=source,
        score=score(checks, severities, findings, doc).as_dict(),
    )


def _same_words(a: Finding, b: Finding) -> bool:
    """Two findings on overlapping words of the same line range."""
    if not b.quote or a.line > b.end_line or b.line > a.end_line:
        return False
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (
        a.end_line,
        a.end_column,
    )


def _skip_reason(opts: Options) -> str:
    if opts.offline:
        return "offline"
    return "no LLM endpoint configured: set --base-url or OPENAI_BASE_URL, and --model"


def review_text(text: str, path: str = "<text>", opts: Options | None = None) -> DocumentReview:
    """Review a postmortem given as a string."""
    return review_document(from_text(text, path), opts or Options())


def _review_path(path: str, opts: Options) -> DocumentReview | dict[str, str]:
    try:
        return review_document(load(path), opts)
    except UsageError as exc:
        return {"path": path, "message": str(exc)}


# Below this many files a process pool costs more (start-up, pattern compiling) than it saves.
PARALLEL_FROM = 32


def review_paths(paths: Iterable[str], opts: Options, jobs: int | None = None) -> Report:
    """Review files, directories and `-`; one bad file is an error entry, not a failure.

    Large batches are reviewed by `jobs` processes (default: one per CPU); the report keeps
    the order of the paths.
    """
    load_profile(opts.profile)  # an unknown profile is a usage error before any file
    files = list(expand(list(paths)))
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(files) >= PARALLEL_FROM and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    _review_path,
                    files,
                    [opts] * len(files),
                    chunksize=max(4, min(32, len(files) // (jobs * 8))),
                )
            )
    else:
        results = [_review_path(path, opts) for path in files]
    docs = [r for r in results if isinstance(r, DocumentReview)]
    errors = [r for r in results if isinstance(r, dict)]
    if opts.llm is not None and not opts.offline and docs:
        docs = _llm_stage(docs, opts)
    return Report(profile=load_profile(opts.profile).name, documents=docs, errors=errors)


def _llm_stage(docs: list[DocumentReview], opts: Options) -> list[DocumentReview]:
    """The LLM review of every document, `jobs` requests at a time; each document is then
    reviewed again with the result merged (the deterministic part is cheap and pure)."""
    from concurrent.futures import ThreadPoolExecutor

    from .llm.reviewer import run

    assert opts.llm is not None
    config = opts.llm
    client = opts.llm_client or _client(config)
    store = _store(config)
    profile = load_profile(opts.profile)

    def one(det: DocumentReview) -> DocumentReview:
        assert det.source is not None
        result = run(det.source, det, profile, config, client, store)
        return review_document(det.source, opts, result)

    with ThreadPoolExecutor(max_workers=max(1, config.jobs)) as pool:
        return list(pool.map(one, docs))


def _client(config: LLMConfig) -> ChatClient:
    from .llm.client import OpenAIClient

    return OpenAIClient(config)


def _store(config: LLMConfig) -> Cache | None:
    from pathlib import Path

    from .llm.cache import Cache, default_dir

    if not config.use_cache:
        return None
    return Cache(Path(config.cache_dir) if config.cache_dir else default_dir())
