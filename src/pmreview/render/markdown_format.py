"""A pull-request comment (GitHub-flavoured Markdown).

It starts with a hidden marker, so a bot can find and update its own comment; then a table of
the required elements (rows: checks, columns: documents), then each document's findings grouped
by section, its suggested tasks as a checklist and the LLM status line. Long parts are in
<details>; the comment is cut, with a note, to stay under GitHub's 65,536-character limit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..convert import note
from ..models import DocumentReview, Finding, Report
from ._common import counts, cut_note, elements, llm_summary, plural, score_line

MARKER = "<!-- pmreview -->"
GITHUB_LIMIT = 65_536
BUDGET = 65_000  # in UTF-16 code units (>= characters however GitHub counts), with a margin
WIDE = 8  # above this many documents, the table counts instead of one column per document
OPEN_UP_TO = 25  # a document's findings are shown open when there are at most this many
ICON = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}
STATUS = {"pass": "✅", "fail": "❌", "skip": "➖"}
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # inline text: line-start markup cannot occur


def text(value: str) -> str:
    """Document text as inert Markdown: one line, no markup, no HTML, no @mentions."""
    one = " ".join(value.split())
    one = html.escape(one, quote=False)  # &, < and > as entities: no HTML gets through
    one = _SPECIAL.sub(r"\\\1", one)
    return one.replace("@", "@\u2060")  # a word joiner: "@team" does not notify anybody


Link = Callable[[str, int, int], str]  # (path, line, end line) -> "path:line", maybe linked


def _link(path: str, line: int, end_line: int, link_base: str | None, range_end: str) -> str:
    label = f"{path}:{line}"
    if not link_base:
        return text(label)
    anchor = f"#L{line}" + (f"{range_end}{end_line}" if end_line > line else "")
    target = quote(path.removeprefix("./"), safe="/")
    return f"[{text(label)}]({link_base}{target}{anchor})"


def _table(report: Report) -> list[str]:
    docs = report.documents
    ids = list(dict.fromkeys(cid for d in docs for cid in d.checks))
    if not ids:
        return []

    def cells(cid: str) -> list[str]:
        if len(docs) > WIDE:
            failed = sum(d.checks[cid].status == "fail" for d in docs if cid in d.checks)
            passed = sum(d.checks[cid].status == "pass" for d in docs if cid in d.checks)
            return [f"✅ {passed}", f"❌ {failed}" if failed else "–"]
        return [STATUS[d.checks[cid].status] if cid in d.checks else "–" for d in docs]

    if len(docs) > WIDE:
        head = ["Required element", "present in", "missing in"]
    else:
        head = ["Required element", *(text(d.path) for d in docs)]
    rule = ["---", *([":-:"] * (len(head) - 1))]
    failing = [c for c in ids if any(c in d.checks and d.checks[c].status == "fail" for d in docs)]
    passing = [c for c in ids if c not in failing]

    def rows(chosen: list[str]) -> list[str]:
        lines = [f"| {' | '.join(head)} |", f"| {' | '.join(rule)} |"]
        return lines + [f"| `{cid}` | {' | '.join(cells(cid))} |" for cid in chosen]

    out = rows(failing) if failing else ["All required elements are present. ✅"]
    if passing and failing:
        out += ["", f"<details><summary>{plural(len(passing), 'element')} present</summary>", ""]
        out += [*rows(passing), "", "</details>"]
    return out


def _finding(f: Finding, path: str, link: Link, seen: set[str]) -> str:
    where = link(path, f.line, f.end_line)
    quote_part = f"“{text(f.quote)}” — " if f.quote else ""
    out = f"- {ICON[f.severity]} **{text(f.rule)}** {where}: {quote_part}{text(f.message)}"
    if f.question:
        out += f"<br>_{text(f.question)}_"
    if f.suggestion and f.severity != "info" and f.suggestion not in seen:
        out += f"<br>→ {text(f.suggestion)}"
    seen.add(f.suggestion)
    return out


def _task(t: dict[str, Any]) -> str:
    line = f"- [ ] **[{text(str(t.get('priority') or 'P2'))}]** {text(str(t.get('title', '')))}"
    extra = []
    if t.get("done_when"):
        extra.append(f"done when: {text(str(t['done_when']))}")
    if t.get("owner"):
        extra.append(f"owner: {text(str(t['owner']))}")
    if t.get("line"):
        extra.append(f"replaces line {t['line']}")
    return line + (f" <br>{'; '.join(extra)}" if extra else "")


def _document(d: DocumentReview, shown: list[Finding], link: Link) -> list[str]:
    head = (
        f"<b>{html.escape(d.path)}</b> — {elements(d)} · score {d.score.get('overall', 0)}/100"
        f" · {counts(d.findings)}"
    )
    opened = " open" if len(shown) <= OPEN_UP_TO else ""
    out = [f"<details{opened}><summary>{head}</summary>", ""]
    if d.converted_from:
        out += [f"_{text(note(d.converted_from, d.path))}_", ""]
    cut = cut_note(d)
    if cut:
        out += [f"_{text(cut)}_", ""]
    seen: set[str] = set()
    section: str | None = None
    for f in shown:
        if f.section != section:
            section = f.section
            out += ["", f"**{text(section or '(opening text)')}**", ""]
        out.append(_finding(f, d.path, link, seen))
    if len(shown) < len(d.findings):
        out += ["", f"_…and {plural(len(d.findings) - len(shown), 'more finding')}._"]
    if d.tasks:
        out += ["", "**Suggested tasks**", "", *(_task(t) for t in d.tasks)]
    out += ["", f"<sub>{text(score_line(d.score))}</sub><br>"]
    out += [f"<sub>{text(llm_summary(d.llm))}</sub>"]
    out += ["", "</details>", ""]
    return out


def _compose(report: Report, limit: int | None, link: Link) -> str:
    """The comment with at most `limit` findings (all when None), in report order."""
    findings = [f for d in report.documents for f in d.findings]
    total = len(findings)
    left = total if limit is None else limit
    verdict = "❌" if any(f.severity == "error" for f in findings) else "✅"
    docs = plural(len(report.documents), "postmortem")
    out = [MARKER, f"### {verdict} pmreview: {docs} reviewed · {counts(findings)}", ""]
    out += [*_table(report), ""]
    for d in report.documents:
        shown = d.findings[: max(0, left)]
        left -= len(shown)
        if shown or limit is None or len(shown) == len(d.findings):
            out += _document(d, shown, link)
    for e in report.errors:
        out.append(f"- 🛑 could not review `{text(e['path'])}`: {text(e['message'])}")
    if limit is not None and limit < total:
        out += [
            "",
            f"> **Note:** this comment was shortened to stay under GitHub's {GITHUB_LIMIT:,}"
            f"-character limit: {plural(total - limit, 'finding')} of {total} are not shown. "
            "Run `pmreview PATH` locally (or `pmreview --format html`) to see them all.",
        ]
    out += ["", f"<sub>pmreview {__version__} · profile `{text(report.profile)}`</sub>"]
    return "\n".join(out) + "\n"


def size(comment: str) -> int:
    """The length GitHub's limit applies to, counted pessimistically (UTF-16 code units)."""
    return len(comment.encode("utf-16-le")) // 2


def render(
    report: Report,
    link_base: str | None = None,
    budget: int = BUDGET,
    range_end: str = "-L",
    **_: object,
) -> str:
    """The comment; each finding's place linked to `link_base` + path + `#L3` (a range
    `#L3{range_end}5`: GitHub's `-L`, GitLab's `-`) when `link_base` is given."""
    link = partial(_link, link_base=link_base, range_end=range_end)
    full = _compose(report, None, link)
    if size(full) <= budget:
        return full
    lo, hi = 0, sum(len(d.findings) for d in report.documents) - 1
    while lo < hi:  # the most findings that fit
        mid = (lo + hi + 1) // 2
        if size(_compose(report, mid, link)) <= budget:
            lo = mid
        else:
            hi = mid - 1
    comment = _compose(report, lo, link)
    if size(comment) > budget:  # the table alone is too long (thousands of documents)
        note = "\n\n> **Note:** cut at GitHub's comment limit; run `pmreview PATH` locally.\n"
        comment = comment[: budget // 2 - len(note)] + note
    return comment
