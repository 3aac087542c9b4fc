"""One self-contained HTML page: inline CSS, no script, nothing loaded from the network.

Per document: the counts, the checklist of required elements, the timeline drawn on a time
axis (detection and resolution flagged), the suggested tasks, and the document itself with
each finding's words highlighted (explained on hover, and beside the line in a note).
Everything that comes from the document or the findings is HTML-escaped.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files

from .. import __version__
from ..convert import note as converted_note
from ..models import CHECK_CATEGORY, Check, DocumentReview, Report
from ._common import counts, cut_note, elements, evidence_words, llm_summary, plural
from ._html_source import Numbered, document_view, note
from ._timeline_axis import duration, events, svg
from .catalog import catalog

e = html.escape


@cache
def _css() -> str:
    return (files("pmreview") / "data" / "report.css").read_text(encoding="utf-8")


def _stats(d: DocumentReview) -> str:
    passed = sum(c.status == "pass" for c in d.checks.values())
    sections = ", ".join(
        f"{k.replace('_', ' ')} {v}" for k, v in d.score.get("sections", {}).items()
    )
    cells = [
        f'<div class="stat score" title="{e(sections)} (pmreview explain score)">'
        f"<b>{d.score.get('overall', 0)}/100</b>specificity score</div>",
        f'<div class="stat"><b>{passed}/{len(d.checks)}</b>required elements</div>',
    ]
    for sev, word in (("error", "error"), ("warning", "warning"), ("info", "info")):
        n = sum(f.severity == sev for f in d.findings)
        label = word if n == 1 or sev == "info" else word + "s"
        cells.append(f'<div class="stat {sev}{" zero" if not n else ""}"><b>{n}</b>{label}</div>')
    return '<div class="stats">' + "".join(cells) + "</div>"


def _checklist(d: DocumentReview, labels: dict[str, tuple[str, str]], doc_id: str) -> str:
    """Every required element, ✓ or ✗; a missing one says what is required, where, and (on
    a click) the question to ask and how to fix it."""
    found = {f.rule: f for f in d.findings if not f.quote}
    items = []
    for cid, c in d.checks.items():
        mark = {"pass": "✓", "fail": "✗", "skip": "–"}[c.status]
        by = ' <span class="by">LLM</span>' if c.source == "llm" else ""
        if c.status != "fail":
            items.append(
                f'<li class="{c.status}" title="{e(labels.get(cid, (c.message, ""))[0])}">'
                f'<span class="tick">{mark}</span><span class="cid">{e(cid)}{_at(c, doc_id)}{by}'
                f"</span>{_evidence(c)}</li>"
            )
            continue
        where = _at(c, doc_id)
        f = found.get(cid)
        question = f'<span class="question">{e(f.question)}</span>' if f and f.question else ""
        fix = (f.suggestion if f else "") or c.message
        items.append(
            f'<li class="fail" id="{doc_id}-c-{e(cid)}"><span class="tick">{mark}</span>'
            f'<span class="cid">{e(cid)}{where}{by}</span>'
            f'<span class="label">{e(labels.get(cid, ("", c.message))[1])}</span>'
            f'<details class="howto"><summary>how to fix</summary>{question}'
            f'<span class="fix">{e(fix)}</span></details></li>'
        )
    return (
        f'<section class="card checks"><h3>Required elements <span class="sub">{elements(d)}'
        f'</span></h3><ul class="checklist">{"".join(items)}</ul></section>'
    )


def _at(c: Check, doc_id: str) -> str:
    """A link to the line a verdict rests on (a pass's evidence, a failure's place)."""
    return f' <a class="at" href="#{doc_id}-L{c.line}">line {c.line}</a>' if c.line else ""


def _evidence(c: Check) -> str:
    """A pass's evidence: the document's words that made it pass."""
    if c.status != "pass" or not c.evidence:
        return ""
    return f'<q class="evidence">{e(evidence_words(c.evidence, 120))}</q>'


def _timeline(d: DocumentReview, doc_id: str) -> str:
    head = '<section class="card timeline"><h3>Timeline</h3>'
    if d.source is None:
        return head + '<p class="empty">The document text is not in this report.</p></section>'
    evs, untimed = events(d)
    if not evs:
        return (
            head + '<p class="empty">No timeline entry with a clock time was found.</p></section>'
        )
    kinds = {ev.kind: ev for ev in evs if ev.kind}
    legend = [
        f'<span class="key detection">detected {e(kinds["detection"].time)}</span>'
        if "detection" in kinds
        else '<span class="key missing">no detection entry found</span>',
        f'<span class="key resolution">resolved {e(kinds["resolution"].time)}</span>'
        if "resolution" in kinds
        else '<span class="key missing">no resolution entry found</span>',
    ]
    if "detection" in kinds and "resolution" in kinds:
        took = kinds["resolution"].minutes - kinds["detection"].minutes
        legend.append(
            f'<span class="key span">{duration(took)} from detection to resolution</span>'
        )
    legend.append(f'<span class="key">{plural(len(evs), "timed event")}</span>')
    zones = sorted({ev.zone for ev in evs if ev.zone})
    legend.append(
        f'<span class="key">times in {e(", ".join(zones))}</span>'
        if zones
        else '<span class="key missing">no timezone given</span>'
    )
    if untimed:
        legend.append(
            f'<span class="key">{plural(untimed, "entry")} without a time not drawn</span>'
        )
    return head + svg(evs, doc_id) + f'<p class="legend">{" ".join(legend)}</p></section>'


def _tasks(d: DocumentReview) -> str:
    if not d.tasks:
        return ""
    items = []
    for t in d.tasks:
        extra = [f"done when: {e(str(t['done_when']))}" if t.get("done_when") else ""]
        extra += [f"owner: {e(str(t['owner']))}" if t.get("owner") else ""]
        extra += [f"replaces line {int(t['line'])}" if t.get("line") else ""]
        detail = " · ".join(x for x in extra if x)
        items.append(
            f'<li><input type="checkbox" disabled{" checked" if t.get("done") else ""}>'
            f'<span class="prio">{e(str(t.get("priority") or "P2"))}</span>'
            f'<span class="title">{e(str(t.get("title", "")))}</span>'
            + (f'<span class="detail">{detail}</span>' if detail else "")
            + "</li>"
        )
    return (
        f'<section class="card tasks"><h3>Suggested tasks</h3><ul>{"".join(items)}</ul></section>'
    )


def _document(d: DocumentReview, n: int, labels: dict[str, tuple[str, str]]) -> str:
    doc_id = f"d{n}"
    numbered = [Numbered(i, f) for i, f in enumerate(d.findings, start=1)]
    if d.source is not None:
        body = document_view(d.source, numbered, doc_id, set(d.checks))
        title = "The document, with its findings highlighted"
        if d.converted_from:
            title = "The document as converted to Markdown, with its findings highlighted"
    else:
        body = '<div class="list">' + "".join(note(i, doc_id) for i in numbered) + "</div>"
        title = "Findings (the document text is not in this report)"
    return (
        f'<article class="doc" id="{doc_id}"><header class="doc-head"><h2>{e(d.path)}</h2>'
        f'{_stats(d)}{_converted(d)}<p class="llm">{e(llm_summary(d.llm))}</p></header>'
        f"{_timeline(d, doc_id)}{_checklist(d, labels, doc_id)}{_tasks(d)}"
        f'<section class="card document"><h3>{title} <span class="sub">'
        f"{counts(d.findings)}</span></h3>{body}</section></article>"
    )


def _converted(d: DocumentReview) -> str:
    """Notes on what was reviewed: the Markdown of a converted file, the start of a large one."""
    out = ""
    if d.converted_from:
        text = converted_note(d.converted_from, d.path)
        out += f'<p class="converted">{e(text[0].upper() + text[1:])}.</p>'
    cut = cut_note(d)
    return out + (f'<p class="converted">{e(cut)}.</p>' if cut else "")


def _labels(report: Report) -> dict[str, tuple[str, str]]:
    """Check id -> (what the element is, what it means that it is missing)."""
    return {r.id: (r.short, r.full) for r in catalog(report) if r.category == CHECK_CATEGORY}


def render(report: Report, **_: object) -> str:
    labels = _labels(report)
    title = report.documents[0].path if len(report.documents) == 1 else "postmortems"
    nav = ""
    if len(report.documents) > 1:
        links = "".join(
            f'<li><a href="#d{i}">{e(d.path)}</a> '
            f'<span class="sub">{counts(d.findings)}</span></li>'
            for i, d in enumerate(report.documents, start=1)
        )
        nav = f'<nav class="card"><h3>Documents</h3><ol>{links}</ol></nav>'
    errors = "".join(
        f'<p class="input-error">Could not review {e(x["path"])}: {e(x["message"])}</p>'
        for x in report.errors
    )
    docs = "".join(_document(d, i, labels) for i, d in enumerate(report.documents, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>pmreview: {e(title)}</title><style>{_css()}</style></head><body>"
        f'<header class="top"><span class="brand">pmreview</span>'
        f'<span class="meta">{plural(len(report.documents), "postmortem")} · profile '
        f"{e(report.profile)} · pmreview {e(__version__)}</span></header>"
        f"<main>{nav}{errors}{docs}</main></body></html>\n"
    )
