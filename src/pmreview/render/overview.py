"""The team overview (`pmreview overview`): one self-contained page over many postmortems.

A table of documents × required elements (✓ present, ✗ missing), each document's score and
finding counts, a pass-rate row (the share of documents that have each element), and the
findings beyond the required elements that are most frequent across the documents. Every
document links to its own HTML report; every column sorts on a click (inline script, a few
lines; the table reads the same without it). Nothing is loaded from the network.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import PurePath

from .. import __version__
from ..convert import NAMES
from ..models import CHECK_CATEGORY, SEVERITY_RANK, DocumentReview, Report
from ._common import plural
from .catalog import catalog
from .csv_format import SEVERITIES, check_ids

e = html.escape
MARK = {"pass": ("✓", 2), "skip": ("–", 1), "fail": ("✗", 0)}  # symbol, sort value
FREQUENT = 12  # rules listed under "most frequent findings"
SHOWN = 40  # characters of a document's path shown in the table
GROUPS = {"root_cause": "Root cause"}


@cache
def _asset(name: str) -> str:
    return (files("pmreview") / "data" / name).read_text(encoding="utf-8")


def report_names(report: Report) -> list[str]:
    """A file name for each document's own report: its order and its file's name, so that
    names are unique and sort as the documents do (`003-checkout-outage.html`)."""
    width = max(3, len(str(len(report.documents))))
    return [
        f"{i:0{width}d}-{re.sub(r'[^A-Za-z0-9._-]+', '-', PurePath(d.path).stem)[:60]}.html"
        for i, d in enumerate(report.documents, start=1)
    ]


def _folder(report: Report) -> tuple[str, ...]:
    """The folder every document is in (its parts), named once in the page's header."""
    parents = [PurePath(d.path).parent.parts for d in report.documents]
    shared: list[str] = []
    for level in zip(*parents, strict=False):
        if len(set(level)) > 1:
            break
        shared.append(level[0])
    return tuple(shared)


def _shown_paths(report: Report) -> list[str]:
    """The paths without the folder they all share; a long one loses its middle, so that both
    its start and its file name show (the whole path is the link's tooltip)."""
    skip = len(_folder(report))
    shown = [str(PurePath(*PurePath(d.path).parts[skip:])) for d in report.documents]
    return [p if len(p) <= SHOWN else f"{p[: SHOWN // 3]}…{p[-(SHOWN * 2 // 3) :]}" for p in shown]


def _band(percent: float) -> str:
    return "good" if percent >= 80 else "mid" if percent >= 50 else "bad"


def _groups(ids: list[str]) -> list[tuple[str, list[str]]]:
    """The check ids by the part before the dot (summary, timeline…), in order."""
    out: list[tuple[str, list[str]]] = []
    for cid in ids:
        group = cid.split(".")[0] if "." in cid else ""
        if out and out[-1][0] == group:
            out[-1][1].append(cid)
        else:
            out.append((group, [cid]))
    return out


def _heads(ids: list[str], labels: dict[str, str]) -> str:
    """Two header rows: the groups (Findings, Summary, Timeline…), then one sortable heading
    per column; check headings are written upward to keep 21 columns narrow, and a group of
    one check has its whole name there instead."""
    fixed = [("Document", "doc", "text"), ("Score", "score", ""), ("Elements", "elements", "")]
    fixed += [(s.capitalize() + ("s" if s != "info" else ""), s, "") for s in SEVERITIES]
    top = ['<th colspan="3"></th><th colspan="3" class="group">Findings</th>']
    cells = [_sortable(label, key, i, kind) for i, (label, key, kind) in enumerate(fixed)]
    for group, members in _groups(ids):
        name = GROUPS.get(group, group.replace("_", " ").capitalize())
        alone = len(members) == 1 or not group
        top.append(
            f'<th colspan="{len(members)}"></th>'
            if alone
            else f'<th colspan="{len(members)}" class="group">{e(name)}</th>'
        )
        for cid in members:
            short = cid.replace(".", " ") if alone else cid.split(".", 1)[1]
            title = labels.get(cid, cid)
            cells.append(_sortable(short.replace("_", " "), cid, len(cells), "", title, "check"))
    return f"<tr>{''.join(top)}</tr><tr>{''.join(cells)}</tr>"


def _sortable(label: str, key: str, col: int, kind: str, title: str = "", cls: str = "") -> str:
    tip = f' title="{e(key)}: {e(title)}"' if title else ""
    sort_as = ' data-type="text"' if kind == "text" else ""
    return (
        f'<th class="{cls}" data-key="{e(key)}" data-col="{col}"{tip}{sort_as}>'
        f"<button><span>{e(label)}</span></button></th>"
    )


def _rate_row(report: Report, ids: list[str]) -> str:
    """The share of documents where each element is present, and the averages."""
    docs = report.documents
    n = max(1, len(docs))
    mean = sum(d.score.get("overall", 0) for d in docs) / n
    present = sum(sum(c.status == "pass" for c in d.checks.values()) for d in docs) / n
    cells = [
        '<th scope="row" title="the share of documents that have each element; the mean score, '
        'the mean number of elements present and the total of findings">pass rate, mean</th>',
        f'<td class="num {_band(mean)}">{mean:.0f}</td>',
        f'<td class="num">{present:.1f}/{len(ids)}</td>',
    ]
    cells += [
        f'<td class="num">{sum(f.severity == s for d in docs for f in d.findings)}</td>'
        for s in SEVERITIES
    ]
    for cid in ids:
        decided = [d.checks[cid].status for d in docs if cid in d.checks]
        decided = [s for s in decided if s != "skip"]
        rate = 100 * decided.count("pass") / len(decided) if decided else 100.0
        cells.append(
            f'<td class="rate {_band(rate)}" title="{e(cid)}: present in '
            f'{decided.count("pass")} of {len(decided)} documents">{rate:.0f}%</td>'
        )
    return f'<tr class="rates">{"".join(cells)}</tr>'


def _row(d: DocumentReview, shown: str, link: str, ids: list[str]) -> str:
    score = d.score.get("overall", 0)
    passed = sum(c.status == "pass" for c in d.checks.values())
    kind = (
        f' <span class="kind" title="reviewed as Markdown converted from '
        f'{NAMES.get(d.converted_from, d.converted_from)}">{e(d.converted_from)}</span>'
        if d.converted_from
        else ""
    )
    cells = [
        f'<th scope="row" class="doc"><a href="{e(link)}" title="{e(d.path)}">{e(shown)}</a>'
        f"{kind}</th>",
        f'<td class="num {_band(score)}" data-v="{score}">{score}</td>',
        f'<td class="num" data-v="{passed}">{passed}/{len(d.checks)}</td>',
    ]
    for sev in SEVERITIES:
        n = sum(f.severity == sev for f in d.findings)
        cells.append(f'<td class="num {sev if n else "zero"}" data-v="{n}">{n}</td>')
    for cid in ids:
        status = d.checks[cid].status if cid in d.checks else "skip"
        mark, value = MARK[status]
        cells.append(
            f'<td class="mark {status}" data-v="{value}" title="{e(shown)}: {e(cid)} '
            f'{"present" if status == "pass" else "missing" if status == "fail" else "n/a"}">'
            f"{mark}</td>"
        )
    return f"<tr>{''.join(cells)}</tr>"


def _matrix(report: Report, links: Sequence[str]) -> str:
    ids = check_ids(report)
    labels = {r.id: r.short for r in catalog(report) if r.category == CHECK_CATEGORY}
    rows = "".join(
        _row(d, shown, link, ids)
        for d, shown, link in zip(report.documents, _shown_paths(report), links, strict=True)
    )
    return (
        '<section class="card"><h3>Documents × required elements <span class="sub">'
        "✓ present · ✗ missing · click a heading to sort · a name opens its report</span></h3>"
        f'<div class="scroll"><table class="sortable matrix">{_columns(ids)}'
        f"<thead>{_heads(ids, labels)}"
        f"{_rate_row(report, ids)}</thead><tbody>{rows}</tbody></table></div></section>"
    )


def _columns(ids: list[str]) -> str:
    """Column groups, so that a line can part the findings and each group of checks."""
    spans = [3, 3] + [len(members) for _, members in _groups(ids)]
    return "".join(f'<colgroup span="{n}"></colgroup>' for n in spans)


def _frequent(report: Report) -> str:
    """The rules (beyond the required elements) with the most findings, and in how many
    documents each is found."""
    docs = report.documents
    count = Counter(
        f.rule for d in docs for f in d.findings if f.category != CHECK_CATEGORY
    ).most_common(FREQUENT)
    if not count:
        return ""
    rules = {r.id: r for r in catalog(report)}
    rows = []
    for rule, n in count:
        r = rules[rule]
        in_docs = sum(any(f.rule == rule for f in d.findings) for d in docs)
        share = 100 * in_docs // max(1, len(docs))
        rows.append(
            f'<tr><th scope="row"><code>{e(rule)}</code> {e(r.name)}</th>'
            f'<td class="what">{e(r.short)}</td>'
            f'<td class="sev {r.severity}" data-v="{SEVERITY_RANK[r.severity]}">{r.severity}</td>'
            f'<td class="num" data-v="{n}">{n}</td>'
            f'<td class="spread" data-v="{in_docs}"><span class="bar" style="width:{share}%">'
            f"</span><span>{in_docs} of {len(docs)}</span></td></tr>"
        )
    heads = [("Rule", "rule", "text"), ("What it flags", "what", "text"), ("Severity", "sev", "")]
    heads += [("Findings", "findings", ""), ("Documents", "documents", "")]
    head = "".join(_sortable(label, key, i, kind) for i, (label, key, kind) in enumerate(heads))
    return (
        '<section class="card"><h3>Most frequent findings <span class="sub">beyond the required '
        "elements (those are the table's columns), by rule</span></h3>"
        f'<table class="sortable frequent"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def render(report: Report, links: Sequence[str]) -> str:
    """The overview page; `links[i]` is the address of document i's own report."""
    parts = _folder(report)
    folder = str(PurePath(*parts)) if parts else ""
    errors = "".join(
        f'<p class="input-error">Could not review {e(x["path"])}: {e(x["message"])}</p>'
        for x in report.errors
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>pmreview overview: {e(folder or 'postmortems')}</title>"
        f"<style>{_asset('report.css')}{_asset('overview.css')}</style></head><body>"
        f'<header class="top"><span class="brand">pmreview</span>'
        f'<span class="meta">overview of {plural(len(report.documents), "postmortem")}'
        f"{' in ' + e(folder) if folder else ''} · profile {e(report.profile)} · pmreview "
        f"{e(__version__)}</span></header>"
        f'<main class="overview">{errors}{_matrix(report, links)}{_frequent(report)}</main>'
        f"<script>{_asset('overview.js')}</script></body></html>\n"
    )
