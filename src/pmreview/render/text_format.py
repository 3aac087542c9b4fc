"""Text output like a linter's: path:line:col: ID [severity] message, grouped by section."""

from __future__ import annotations

from typing import Any

from ..convert import note
from ..models import SEVERITY_RANK, DocumentReview, Finding, Report
from ..source import REVIEW_BYTES

_STYLE = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "dim": "\033[2m",
    "bold": "\033[1m",
    "green": "\033[32m",
}
_RESET = "\033[0m"


def _c(text: str, style: str, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def _finding(f: Finding, path: str, color: bool, verbose: bool, seen: set[str]) -> list[str]:
    sev = _c(f"[{f.severity}]", f.severity, color)
    out = [f"{path}:{f.line}:{f.column}: {_c(f.rule, 'bold', color)} {sev} {f.message}"]
    if f.quote:
        quote = f.quote if len(f.quote) <= 160 else f.quote[:157] + "…"
        out.append(f"    {_c('│', 'dim', color)} “{quote}”")
    if f.question:
        out.append(f"    {_c('? ' + f.question, 'dim', color) if color else '? ' + f.question}")
    # the same suggestion is shown once per document (all of them with --verbose)
    if f.suggestion and (verbose or (f.severity != "info" and f.suggestion not in seen)):
        out.append(f"    → {f.suggestion}")
    seen.add(f.suggestion)
    return out


def cut_note(d: DocumentReview) -> str | None:
    """What every report says of a file too large to review whole (source.reviewed_part)."""
    if d.whole_bytes is None or d.source is None:
        return None
    return (
        f"{d.path} is {d.whole_bytes / 1048576:.1f} MB: only its lines 1-{len(d.source.lines)} "
        f"(those within its first {REVIEW_BYTES // 1024} KB) were reviewed, the most pmreview "
        "reads of a document; split it, or move pasted logs out of it"
    )


def llm_summary(llm: dict[str, Any]) -> str:
    """The LLM stage in one line: what ran, what it cost, what was dropped, or why not."""
    status = llm.get("status", "skipped")
    if status == "skipped":
        return f"LLM review: skipped ({llm.get('reason', 'not configured')})"
    if status == "failed":
        return (
            f"LLM review: failed: {llm.get('error', 'unknown error')} — the findings above "
            "are the deterministic review, complete"
        )
    n = llm.get("requests", 0)
    parts = [
        f"LLM review: {status}",
        f"model {llm.get('model', '?')}",
        f"{n} request{'s' if n != 1 else ''}",
    ]
    if status == "ok":
        parts.append(f"{llm.get('prompt_tokens', 0)}+{llm.get('completion_tokens', 0)} tokens")
    dropped = llm.get("dropped_ungrounded", 0)
    parts.append(f"{dropped} ungrounded claim{'s' if dropped != 1 else ''} dropped")
    return " · ".join(parts)


def score_line(score: dict[str, Any]) -> str:
    """ "Specificity score 43/100 (summary 38, timeline 81, root cause 57)"."""
    parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in score.get("sections", {}).items())
    return f"Specificity score {score.get('overall', 0)}/100" + (f" ({parts})" if parts else "")


def evidence_words(words: str, width: int = 72) -> str:
    """Evidence on one line: its whitespace folded, cut at `width` characters."""
    flat = " ".join(words.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _passed(d: DocumentReview, color: bool) -> list[str]:
    """With -v: each passing check, and the line and words that made it pass."""
    passed = {cid: c for cid, c in d.checks.items() if c.status == "pass"}
    if not passed:
        return []
    width = max(len(cid) for cid in passed)
    out = [_c("── Present ", "bold", color) + _c("─" * 50, "dim", color)]
    for cid, c in passed.items():
        by = " (LLM)" if c.source == "llm" else ""
        where = f"line {c.line}: “{evidence_words(c.evidence)}”" if c.line and c.evidence else ""
        out.append(f"  {_c('✓', 'green', color)} {cid.ljust(width)}  {where}{by}".rstrip())
    return [*out, ""]


def _sections(d: DocumentReview, color: bool, verbose: bool) -> list[str]:
    """The findings grouped by the section they are in, each group under its title."""
    out: list[str] = []
    groups: dict[str, list[Finding]] = {}
    seen: set[str] = set()
    for f in d.findings:
        groups.setdefault(f.section, []).append(f)
    for section, items in groups.items():
        title = section or "(opening text)"
        out.append(
            _c(f"── {title} ", "bold", color) + _c("─" * max(3, 60 - len(title)), "dim", color)
        )
        for f in items:
            out.extend(_finding(f, d.path, color, verbose, seen))
        out.append("")
    return out


def _tasks(d: DocumentReview, color: bool) -> list[str]:
    """The suggested tasks as a checklist, if there are any."""
    if not d.tasks:
        return []
    out = [_c("── Suggested tasks ", "bold", color) + _c("─" * 42, "dim", color)]
    for t in d.tasks:
        where = f" (replaces line {t['line']})" if t.get("line") else ""
        owner = f"; owner: {t['owner']}" if t.get("owner") else ""
        out.append(f"  - [ ] [{t.get('priority', 'P2')}] {t['title']}{where}")
        if t.get("done_when"):
            out.append(f"        done when: {t['done_when']}{owner}")
    return [*out, ""]


def _totals(d: DocumentReview, color: bool) -> list[str]:
    """Checks present and findings by severity, the score, and the LLM stage."""
    passed = sum(c.status == "pass" for c in d.checks.values())
    counts = {s: sum(f.severity == s for f in d.findings) for s in ("error", "warning", "info")}
    parts = [f"{n} {s}{'s' if n != 1 and s != 'info' else ''}" for s, n in counts.items() if n] or [
        "no findings"
    ]
    return [
        _c(f"{d.path}: {passed}/{len(d.checks)} required elements present", "bold", color)
        + f" · {', '.join(parts)}",
        score_line(d.score) + _c(" · how it is computed: pmreview explain score", "dim", color),
        _c(llm_summary(d.llm), "dim", color),
    ]


def _document(d: DocumentReview, color: bool, verbose: bool) -> list[str]:
    out: list[str] = []
    if d.converted_from:
        out.append(_c(f"{d.path}: {note(d.converted_from, d.path)}", "bold", color))
    cut = cut_note(d)
    if cut:
        out.append(_c(cut, "bold", color))
    out.extend(_sections(d, color, verbose))
    if verbose:
        out.extend(_passed(d, color))
    return [*out, *_tasks(d, color), *_totals(d, color)]


def render(report: Report, color: bool = False, verbose: bool = False, **_: object) -> str:
    """The findings of every document; files that could not be read are the CLI's to report
    (one `pmreview: error:` line each on stderr), so they are not repeated here."""
    out: list[str] = []
    for d in report.documents:
        out.extend(_document(d, color, verbose))
        out.append("")
    if len(report.documents) > 1:
        total = sum(len(d.findings) for d in report.documents)
        worst = max(
            (SEVERITY_RANK[f.severity] for d in report.documents for f in d.findings), default=-1
        )
        out.append(
            f"{len(report.documents)} documents reviewed, {total} findings"
            + ("" if worst >= 0 else " — all clear")
        )
    text = "\n".join(out).rstrip("\n")
    return text + "\n" if text else ""
