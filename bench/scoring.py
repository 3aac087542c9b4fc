"""Scoring reviews against human labels: what bench/accuracy.py (offline) and
bench/llm_accuracy.py (the LLM on) both print.

A `Tally` collects, over labelled documents: agreement per check id, the recall of the labelled
vague statements (a vague finding overlapping the words counts), vague findings per document,
findings per rule, and the LLM stage's costs. `table` prints tallies side by side.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmreview.checks.profile import load as load_profile
from pmreview.errors import UsageError
from pmreview.models import DocumentReview, Source
from pmreview.source import load

# The findings about vague statements: the phrase rules and the LLM's critiques.
VAGUE_RULES = re.compile(r"^PM(1\d\d|901)$")
SOURCES = {"alx": "students", "industry": "organisations"}


@dataclass(frozen=True)
class Label:
    doc: str  # relative to the corpus folder, e.g. "alx/007.md"
    checks: dict[str, str]
    vague: tuple[str, ...]

    @property
    def source(self) -> str:
        """Who wrote it: the corpus folder ("alx": students, "industry": organisations)."""
        return self.doc.split("/", 1)[0]


def read_labels(path: Path, corpus: Path | None = None) -> Iterator[tuple[Label, Source]]:
    """Each labelled document with its text; a usage error names the bad line."""
    corpus = corpus or path.parent.parent
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    for number, raw in enumerate(rows, 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
            label = Label(data["doc"], dict(data["checks"]), tuple(data.get("vague", [])))
            source = load(str(corpus / label.doc))
        except (ValueError, KeyError, TypeError, UsageError) as exc:
            raise UsageError(
                f"{path}:{number}: {exc} (labels format: corpus/labels/README.md)"
            ) from None
        yield label, source


def kinds(profile: str = "default") -> dict[str, str]:
    return {
        cid: str(s.get("kind", "structural")) for cid, s in load_profile(profile).checks.items()
    }


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the labelled words are, tolerant of whitespace differences."""
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _offset(lines: list[str], line: int, col: int) -> int:
    return sum(len(x) + 1 for x in lines[: line - 1]) + col - 1


@dataclass
class DocScore:
    agree: list[int]
    disagreements: list[tuple[str, str, str, str]]  # check, label, pmreview, message
    misses: list[str]  # labelled vague statements no finding covers


@dataclass
class Tally:
    agree: dict[str, list[int]] = field(default_factory=dict)
    hits: int = 0
    vague: int = 0
    vague_findings: int = 0
    docs: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    llm: Counter[str] = field(default_factory=Counter)  # requests, tokens, dropped, failed

    def add(
        self, label: Label, source: Source, every: DocumentReview, shown: DocumentReview
    ) -> DocScore:
        """Score one document: `every` has each finding (repeats not collapsed; for recall),
        `shown` what an author reads (for the counts)."""
        self.docs += 1
        score = DocScore([], [], [])
        for cid, want in label.checks.items():
            check = every.checks.get(cid)
            got = check.status if check else "missing"
            ok = int(got == want)
            self.agree.setdefault(cid, []).append(ok)
            score.agree.append(ok)
            if not ok:
                score.disagreements.append((cid, want, got, check.message if check else ""))
        self.vague_findings += sum(bool(VAGUE_RULES.match(f.rule)) for f in shown.findings)
        self.rules.update(f.rule for f in shown.findings)
        lines = source.text.split("\n")
        spans = [
            (_offset(lines, f.line, f.column), _offset(lines, f.end_line, f.end_column))
            for f in every.findings
            if VAGUE_RULES.match(f.rule)
        ]
        for needle in label.vague:
            self.vague += 1
            if any(s < fe and fs < e for s, e in _spans(source.text, needle) for fs, fe in spans):
                self.hits += 1
            else:
                score.misses.append(needle)
        self._add_llm(shown.llm)
        return score

    def _add_llm(self, stats: dict[str, Any]) -> None:
        if stats.get("status") == "skipped":
            return
        for k in ("requests", "prompt_tokens", "completion_tokens", "dropped_ungrounded"):
            self.llm[k] += int(stats.get(k, 0) or 0)
        self.llm["failed"] += stats.get("status") == "failed"
        self.llm["answered"] += stats.get("status") != "failed"

    def by_kind(self, kinds: dict[str, str]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for cid, oks in self.agree.items():
            out.setdefault(kinds.get(cid, "?"), []).extend(oks)
        return out

    def summary(self, kinds: dict[str, str]) -> list[tuple[str, float, str]]:
        """(name, value, detail) rows: agreement per kind and overall, vague recall and
        findings per document, and the LLM's costs when it ran."""
        rows = [
            (f"{k} (all)", _rate(oks), str(len(oks)))
            for k, oks in sorted(self.by_kind(kinds).items())
        ]
        every = [x for oks in self.agree.values() for x in oks]
        rows.append(("overall", _rate(every), str(len(every))))
        rows.append(("vague recall", self.hits / max(self.vague, 1), f"{self.hits}/{self.vague}"))
        rows.append(
            ("vague findings per doc", self.vague_findings / max(self.docs, 1), f"{self.docs} docs")
        )
        if self.llm:
            answered = max(self.llm["answered"], 1)
            for key, name in LLM_ROWS:
                n = answered if key in PER_ANSWERED else max(self.docs, 1)
                rows.append((name, self.llm[key] / n, str(self.llm[key])))
        return rows


# The LLM's figures: costs per document the LLM stage answered, requests and failures per
# document reviewed.
LLM_ROWS = (
    ("dropped_ungrounded", "ungrounded dropped/doc"),
    ("prompt_tokens", "prompt tokens per doc"),
    ("completion_tokens", "completion tok per doc"),
    ("requests", "requests per doc"),
    ("failed", "failed LLM per doc"),
)
PER_ANSWERED = {"dropped_ungrounded", "prompt_tokens", "completion_tokens"}


def _rate(oks: list[int]) -> float:
    return sum(oks) / max(len(oks), 1)


def checks_table(tallies: dict[str, Tally]) -> list[str]:
    """Agreement per check id, one column per tally."""
    first = next(iter(tallies.values()))
    out = [_row("check", [*tallies, "n"])]
    for cid, oks in first.agree.items():
        out.append(
            _row(
                cid,
                [f"{_rate(t.agree.get(cid, [])):.2f}" for t in tallies.values()] + [str(len(oks))],
            )
        )
    return out


def summary_table(tallies: dict[str, Tally], kinds: dict[str, str]) -> list[str]:
    """The summary rows, one column per tally (the detail column is the first tally's)."""
    summaries = {name: {r[0]: r for r in t.summary(kinds)} for name, t in tallies.items()}
    names = list(dict.fromkeys(r for s in summaries.values() for r in s))
    w = _width(tallies)
    out = [_row("", [*tallies, ""], w)]
    for name in names:
        cells = [_fmt(s[name][1], name) if name in s else "-" for s in summaries.values()]
        first = next(iter(summaries.values()))
        out.append(_row(name, [*cells, first[name][2] if name in first else ""], w))
    return out


def rules_table(tallies: dict[str, Tally]) -> list[str]:
    """Findings per rule (and failed check), one column per tally."""
    ids = sorted({r for t in tallies.values() for r in t.rules})
    w = _width(tallies)
    out = [_row("findings per rule/check", list(tallies), w)]
    out += [_row(r, [str(t.rules.get(r, 0)) for t in tallies.values()], w) for r in ids]
    return out


def _fmt(value: float, name: str) -> str:
    if "tokens" in name or "tok " in name:
        return f"{value:.0f}"
    return f"{value:.2f}" if "per doc" in name else f"{value:.3f}"


def _row(name: str, cells: list[str], width: int = 13) -> str:
    return f"{name:<24}" + "".join(f" {c:>{width}}" for c in cells)


def _width(tallies: dict[str, Tally]) -> int:
    return max(13, *map(len, tallies))
