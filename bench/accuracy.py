"""Agreement of pmreview's offline verdicts with human labels.

Usage: python bench/accuracy.py LABELS.jsonl [--corpus DIR] [--show CHECK] [--docs] [--misses]

LABELS.jsonl holds one object per document ({"doc", "checks", "vague", ...}; see
corpus/labels/README.md). Prints agreement per check id and per kind (structural, semantic),
the recall of the labelled vague statements (a vague finding overlapping the words counts),
vague findings per document, the same per source (alx: students, industry: organisations),
and the findings each rule made. The scoring is bench/scoring.py's, shared with
bench/llm_accuracy.py (the same figures with the LLM on).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scoring import SOURCES, Tally, checks_table, kinds, read_labels, rules_table, summary_table

from pmreview.errors import UsageError
from pmreview.pipeline import Options, review_document


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("--corpus", default=None, help="folder the 'doc' paths are relative to")
    ap.add_argument("--show", default=None, help="print the disagreements on this check id")
    ap.add_argument("--docs", action="store_true", help="print per-document agreement")
    ap.add_argument("--misses", action="store_true", help="print vague statements not found")
    args = ap.parse_args()
    total, by_source = Tally(), {s: Tally() for s in SOURCES}
    try:
        for label, source in read_labels(
            Path(args.labels), Path(args.corpus) if args.corpus else None
        ):
            # every vague finding (repeats included) for recall; the count is of the findings
            # an author reads (repeats collapsed)
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
