"""From an analysis to the review: failed checks as findings, the LLM's result merged,
directives and filters applied, repeats collapsed, the score."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .. import directives
from ..checks.profile import Profile
from ..checks.profile import load as load_profile
from ..errors import UsageError
from ..models import (
    CHECK_CATEGORY,
    Analysis,
    Check,
    Document,
    DocumentReview,
    Finding,
    Severity,
    slug,
)
from ..rules import section_of, stamp
from ..score import score
from .collapse import collapse_repeats, fold
from .options import Options

if TYPE_CHECKING:
    from ..llm.reviewer import LLMResult


def check_findings(
    profile: Profile, checks: dict[str, Check], doc: Document, severities: dict[str, Severity]
) -> list[Finding]:
    """A finding for every failed check, at the line the check concerns.

    A check that `requires` another failed one (no timeline, so no timeline format) is named
    in that one's finding instead of getting its own: one missing section, one finding.
    """
    failed = {cid for cid, c in checks.items() if c.status == "fail"}
    folded: dict[str, list[str]] = {}
    for cid in failed:
        parent = profile.checks.get(cid, {}).get("requires")
        if parent in failed:
            folded.setdefault(parent, []).append(cid)
    return [
        _check_finding(
            cid, check, profile.checks.get(cid, {}), doc, severities, folded.get(cid, [])
        )
        for cid, check in checks.items()
        if check.status == "fail" and profile.checks.get(cid, {}).get("requires") not in failed
    ]


def _check_finding(
    cid: str,
    check: Check,
    spec: dict[str, str],
    doc: Document,
    severities: dict[str, Severity],
    folded: list[str],
) -> Finding:
    """The finding of a failed check, over the whole of its line (`folded`: the checks that
    fail with it)."""
    line = check.line or 1
    text = doc.source.lines[line - 1] if 0 < line <= len(doc.source.lines) else ""
    return Finding(
        rule=cid,
        name=slug(cid),
        category=CHECK_CATEGORY,
        severity=severities.get(cid, spec.get("severity", "error")),  # type: ignore[arg-type]
        message=_failed_message(spec, check, folded),
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


def _failed_message(spec: dict[str, str], check: Check, folded: list[str]) -> str:
    """What is missing, with the LLM reviewer's reason and the checks that fail with it."""
    message = _missing_message(spec)
    if check.source == "llm" and check.message:
        message += f" (LLM reviewer: {check.message.rstrip('.')}.)"
    if folded:
        message += f" (so these fail too: {', '.join(sorted(folded))})"
    return message


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


# How an LLM verdict and the deterministic one combine (`Options.llm_policy`), by check kind.
# Offline reviews never see an LLM verdict; `bench/llm_accuracy.py score --policy` compares them.
POLICIES = {
    "deterministic": "the LLM's verdicts change no check (its critiques and tasks still count)",
    "semantic-quoted": "on a semantic check the LLM's verdict wins when its quote is found in "
    "the document; a verdict without a quote is ignored",
    "semantic": "on a semantic check the LLM's verdict wins when its quote is found in the "
    "document, or when it fails the check without a quote (the element is absent); "
    "structural checks stay deterministic",
    "semantic+structural": "as `semantic`, and a structural check the parser failed passes when "
    "the LLM quotes the evidence it missed, where the profile lets it (`llm_may_pass`: the "
    "checks that a section or list is there, not those of exact form such as times or shares)",
}


def accepts(policy: str, spec: dict[str, Any], det: Check, verdict: Check, absent: bool) -> bool:
    """Whether the LLM's `verdict` replaces the deterministic `det` under `policy`; `spec` is
    the check's entry in the profile's `x-checks`."""
    kind = str(spec.get("kind", "structural"))
    if policy not in POLICIES:
        raise UsageError(f"unknown LLM policy {policy!r} (choose from: {', '.join(POLICIES)})")
    if policy == "deterministic":
        return False
    if kind == "semantic":
        return policy != "semantic-quoted" or not absent
    structural = policy == "semantic+structural" and not absent and spec.get("llm_may_pass")
    return bool(structural) and det.status == "fail" and verdict.status == "pass"


def combine(
    profile: Profile, checks: dict[str, Check], llm: LLMResult, policy: str
) -> dict[str, Check]:
    """The checks after the LLM's verdicts, by `policy`; a verdict with no line of its own
    (an absent element) keeps the deterministic check's line."""
    out = dict(checks)
    for cid, verdict in llm.verdicts.items():
        det = checks.get(cid)
        spec = profile.checks.get(cid, {})
        if det is not None and accepts(policy, spec, det, verdict, cid in llm.absent):
            out[cid] = verdict if verdict.line else replace(verdict, line=det.line)
    return out


def finish(analysis: Analysis, opts: Options, llm: LLMResult | None = None) -> DocumentReview:
    """The review made of an analysis: failed checks as findings, the LLM's result merged when
    given (its verdicts by `opts.llm_policy`, see `POLICIES`; its critiques join the findings
    unless a rule already reports the same words), then directives, filters and the score;
    what is shown folds the vague findings of one sentence into one (`collapse.fold`), while
    the score and the LLM's request read them all (`unfolded`)."""
    profile = load_profile(opts.profile)
    doc = analysis.document
    checks = dict(analysis.checks)
    if llm is not None:
        checks = combine(profile, checks, llm, opts.llm_policy)
    findings = check_findings(profile, checks, doc, opts.severity) + list(analysis.findings)
    merged = _merge_llm(findings, llm, doc, opts) if llm is not None else 0
    findings = directives.apply(doc, findings, opts.select, opts.ignore)
    findings = drop_subsumed(drop_inside_placeholders(findings))
    if opts.collapse:
        findings = collapse_repeats(findings)
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    shown = fold(findings, doc) if opts.collapse else findings
    stats = (
        {**llm.stats, "merged": merged}
        if llm is not None
        else {"status": "skipped", "reason": opts.skip_reason()}
    )
    return DocumentReview(
        doc.source.path,
        checks,
        shown,
        tasks=llm.tasks if llm else [],
        llm=stats,
        analysis=analysis,
        score=_score(profile, checks, findings, doc, opts),
        errors=[
            {"path": doc.source.path, "rule": rid, "message": f"{doc.source.path}: {message}"}
            for rid, message in analysis.errors
        ],
        unfolded=findings,
    )


def _score(
    profile: Profile,
    checks: dict[str, Check],
    findings: list[Finding],
    doc: Document,
    opts: Options,
) -> dict[str, Any]:
    severities = {
        cid: opts.severity.get(cid, spec.get("severity", "error"))
        for cid, spec in profile.checks.items()
    }
    return score(checks, severities, findings, doc).as_dict()


def _merge_llm(findings: list[Finding], llm: LLMResult, doc: Document, opts: Options) -> int:
    """Add the LLM's critiques to `findings` in place; returns how many were merged into a
    rule's finding on the same words (which gets the model's specific advice)."""
    from ..catalog import LLM_CRITIQUE  # the catalog (and difflib): only when the LLM ran

    merged = 0
    rule = (LLM_CRITIQUE.id, LLM_CRITIQUE.slug, LLM_CRITIQUE.category)
    severity = opts.severity.get(LLM_CRITIQUE.id, LLM_CRITIQUE.severity)
    for hit in llm.critiques:
        f = stamp(rule, severity, hit, doc, source="llm")
        same = next((i for i, g in enumerate(findings) if _same_words(f, g)), None)
        if same is not None:
            g = findings[same]
            findings[same] = replace(
                g, question=f.question or g.question, suggestion=f.suggestion or g.suggestion
            )
            merged += 1
            continue
        findings.append(f)
    return merged


# Findings whose quote only marks where they are, about something other than those words: a
# list's missing owners or due dates (once per list, at its first item), a timeline's order or
# zone, two times that disagree. A critique says its words are vague: on such words it is a
# finding of its own, not advice for that one.
_PLACE_ONLY_RULES = frozenset({"PM503", "PM504"})
_PLACE_ONLY_CATEGORIES = frozenset({"timeline", "consistency"})


def _same_words(a: Finding, b: Finding) -> bool:
    """Two findings on overlapping words of the same line range, `b` being about the words."""
    if b.rule in _PLACE_ONLY_RULES or b.category in _PLACE_ONLY_CATEGORIES:
        return False
    if not b.quote or a.line > b.end_line or b.line > a.end_line:
        return False
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (
        a.end_line,
        a.end_column,
    )
