"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step, so the
most severe findings come first, at most 10 of each kind are written, and what was left out is
summarised in one `::notice::` (which takes one of the 10 notice places), then one plain line.
"""

from __future__ import annotations

from ..convert import note
from ..models import SEVERITY_RANK, DocumentReview, Finding, Report
from ._common import counts, cut_note, plural, score_line

KIND = {"error": "error", "warning": "warning", "info": "notice"}
PER_KIND = 10


def escape_data(text: str) -> str:
    """The message of a workflow command: %, CR and LF are escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title…): also ':' and ',', which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: str | int) -> str:
    """`::kind k=v,k=v::message`, every part escaped."""
    inner = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{kind}{' ' + inner if inner else ''}::{escape_data(message)}"


def _annotation(f: Finding, d: DocumentReview) -> str:
    message = f.message
    if f.quote:
        quote = " ".join(f.quote.split())
        message = f"“{quote if len(quote) <= 120 else quote[:117] + '…'}”: {message}"
    if f.question:
        message += f"\nQuestion: {f.question}"
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    if d.converted_from:
        message += f"\nNote: {note(d.converted_from, d.path)}."
    props: dict[str, str | int] = {"file": d.path, "line": f.line, "col": f.column}
    props["endLine"] = max(f.line, f.end_line)
    props["endColumn"] = f.end_column
    props["title"] = f"{f.rule} {f.name}"
    return command(KIND[f.severity], message, **props)


def _ranked(documents: list[DocumentReview]) -> list[tuple[Finding, DocumentReview]]:
    """Every finding with its document, most severe first; within a severity, in report
    order."""
    items = [(f, d) for d in documents for f in d.findings]
    return sorted(items, key=lambda item: -SEVERITY_RANK[item[0].severity])


def _limited(
    items: list[tuple[str, str, Finding | None]],
) -> tuple[list[str], list[Finding], int]:
    """The annotations GitHub will show (at most PER_KIND of each kind), and what was left
    out: the findings, and the count of input errors."""
    total = {kind: sum(k == kind for k, _, _ in items) for kind in ("error", "warning", "notice")}
    # the summary notice takes one of the 10 notice places when anything is left out
    over = total["error"] > PER_KIND or total["warning"] > PER_KIND or total["notice"] > PER_KIND
    room = {"error": PER_KIND, "warning": PER_KIND, "notice": PER_KIND - 1 if over else PER_KIND}
    out: list[str] = []
    omitted: list[Finding] = []
    left_errors = 0
    for kind, line, f in items:
        if room[kind] > 0:
            room[kind] -= 1
            out.append(line)
        elif f is not None:
            omitted.append(f)
        else:
            left_errors += 1
    return out, omitted, left_errors


def _omitted_notice(omitted: list[Finding], left_errors: int) -> str:
    """The `::notice::` that says what was not annotated."""
    what = [f"{plural(len(omitted), 'finding')} ({counts(omitted)})"] if omitted else []
    what += [f"{plural(left_errors, 'unreadable input')}"] if left_errors else []
    return command(
        "notice",
        f"{' and '.join(what)} not annotated: GitHub shows at most {PER_KIND} "
        "annotations of each kind per step. Run pmreview locally to see them all.",
        title="pmreview: more findings",
    )


def _summary(report: Report, omitted: list[Finding]) -> str:
    """The plain last line: documents, findings, what was left out and what failed."""
    findings = [f for d in report.documents for f in d.findings]
    summary = f"pmreview: {plural(len(report.documents), 'document')} reviewed, {counts(findings)}"
    if omitted:
        summary += f" ({len(findings) - len(omitted)} annotated, {len(omitted)} left out)"
    unread = sum("rule" not in e for e in report.errors)
    if unread:
        summary += f"; {plural(unread, 'input')} could not be read"
    if len(report.errors) > unread:
        summary += f"; {plural(len(report.errors) - unread, 'rule')} failed"
    return summary


def render(report: Report, **_: object) -> str:
    items: list[tuple[str, str, Finding | None]] = [
        ("error", command("error", e["message"], file=e["path"]), None) for e in report.errors
    ]
    cuts = [(d.path, cut_note(d)) for d in report.documents]
    items += [("warning", command("warning", c, file=path), None) for path, c in cuts if c]
    items += [(KIND[f.severity], _annotation(f, d), f) for f, d in _ranked(report.documents)]
    out, omitted, left_errors = _limited(items)
    if omitted or left_errors:
        out.append(_omitted_notice(omitted, left_errors))
    scores = [f"{d.path}: {score_line(d.score)}" for d in report.documents]
    return "\n".join([*out, *scores, _summary(report, omitted)]) + "\n"
