"""Agreement of pmreview's offline verdicts with human labels.

Usage: python bench/accuracy.py LABELS.jsonl [--corpus DIR] [--show CHECK] [--docs]
                                [--misses [--why]]

LABELS.jsonl holds one object per document ({"doc", "checks", "vague", ...}; see
corpus/labels/README.md). Prints agreement per check id and per kind (structural, semantic),
the recall of the labelled vague statements (a vague finding overlapping the words counts),
vague findings per document, the same per source (alx: students, industry: organisations),
and the findings each rule made. With --why, each vague statement not found is followed by the
table's phrases inside it and the reading that turned each down (rules/vague_context.py), or
by "no phrase" when the table has none. The scoring is bench/scoring.py's, shared with
bench/llm_accuracy.py (the same figures with the LLM on).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring import SOURCES, Tally, checks_table, kinds, read_labels, rules_table, summary_table

from pmreview.errors import UsageError
from pmreview.pipeline import Options, review_document
from pmreview.rules import vague, vague_context


def trace_rejections() -> list[tuple[str, str]]:
    """Record the words and the reason of every vague phrase the context test turns down."""
    seen: list[tuple[str, str]] = []

    def traced(ctx: vague_context.Context, place: vague_context.Place) -> bool:
        why = vague_context.rejection(ctx, place)
        if why:
            seen.append((place.words, why))
        return why is None

    vague.is_vague_here = traced  # type: ignore[assignment]
    return seen


def why_missed(needle: str, seen: list[tuple[str, str]]) -> list[str]:
    """The table's phrases turned down inside a vague statement not found, and why."""
    inside = dict.fromkeys(f"{words!r}: {why}" for words, why in seen if words in needle.lower())
    return list(inside) or ["no phrase of the table, or a finding already in its sentence"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("--corpus", default=None, help="folder the 'doc' paths are relative to")
    ap.add_argument("--show", default=None, help="print the disagreements on this check id")
    ap.add_argument("--docs", action="store_true", help="print per-document agreement")
    ap.add_argument("--misses", action="store_true", help="print vague statements not found")
    ap.add_argument("--why", action="store_true", help="with --misses: why each was not found")
    args = ap.parse_args()
    seen = trace_rejections() if args.why else []
    total, by_source = Tally(), {s: Tally() for s in SOURCES}
    try:
        for label, source in read_labels(
            Path(args.labels), Path(args.corpus) if args.corpus else None
        ):
            # every vague finding (repeats included) for recall; the count is of the findings
            # an author reads (repeats collapsed)
            seen.clear()
            every = review_document(source, Options(offline=True, collapse=False))
            shown = review_document(source, Options(offline=True))
            score = total.add(label, source, every, shown)
            by_source.setdefault(label.source, Tally()).add(label, source, every, shown)
            for cid, want, got, message in score.disagreements:
                if args.show == cid:
                    print(f"  {label.doc}: label {want}, pmreview {got} — {message[:100]}")
            if args.docs:
                print(f"{label.doc}: {sum(score.agree)}/{len(score.agree)}")
            for needle in score.misses if args.misses else []:
                print(f"  miss {label.doc}: {needle}")
                for reason in why_missed(needle, seen) if args.why else []:
                    print(f"      {reason}")
    except UsageError as exc:
        ap.error(str(exc))
    print("\n".join(checks_table({"offline": total})))
    print()
    named = {"all": total} | {s: by_source[s] for s in SOURCES}
    print("\n".join(summary_table({k: t for k, t in named.items() if t.docs}, kinds())))
    print("(" + ", ".join(f"{s} = {who}" for s, who in SOURCES.items()) + ")")
    print()
    print("\n".join(rules_table({"offline": total})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
