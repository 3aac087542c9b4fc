"""Agreement of pmreview's offline verdicts with human labels.

Usage: python bench/accuracy.py LABELS.jsonl [--corpus DIR] [--show CHECK] [--docs]

LABELS.jsonl holds one object per document ({"doc", "checks", "vague", ...}; see
corpus/labels/README.md). Prints agreement per check id and per kind (structural, semantic),
the recall of the labelled vague statements (a vague finding overlapping the words counts),
vague findings per document, and the findings of each rule (bench/rule_counts.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from pmreview.checks.profile import load as load_profile
from pmreview.errors import UsageError
from pmreview.pipeline import Options, review_document
from pmreview.source import load

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rule_counts import RuleCounts  # noqa: E402

VAGUE_RULES = re.compile(r"^PM1\d\d$")


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the labelled words are, tolerant of whitespace differences."""
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _offset(lines: list[str], line: int, col: int) -> int:
    return sum(len(x) + 1 for x in lines[: line - 1]) + col - 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("--corpus", default=None, help="folder the 'doc' paths are relative to")
    ap.add_argument("--show", default=None, help="print the disagreements on this check id")
    ap.add_argument("--docs", action="store_true", help="print per-document agreement")
    ap.add_argument("--misses", action="store_true", help="print vague statements not found")
    args = ap.parse_args()
    labels_path = Path(args.labels)
    corpus = Path(args.corpus) if args.corpus else labels_path.parent.parent
    kinds = {
        cid: spec.get("kind", "structural") for cid, spec in load_profile("default").checks.items()
    }
    agree: dict[str, list[int]] = {}
    per_rule = RuleCounts()
    hits = total_vague = vague_findings = ndocs = 0
    try:
        rows = labels_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        ap.error(f"cannot read {labels_path}: {exc}")
    for number, raw in enumerate(rows, 1):
        if not raw.strip():
            continue
        try:
            label = json.loads(raw)
            source = load(str(corpus / label["doc"]))
        except (ValueError, KeyError, TypeError, UsageError) as exc:
            ap.error(f"{labels_path}:{number}: {exc} (labels format: corpus/labels/README.md)")
        # positions of every vague finding (repeats included) for recall; the count is of
        # the findings an author reads (repeats collapsed)
        review = review_document(source, Options(offline=True, collapse=False))
        shown = review_document(source, Options(offline=True))
        ndocs += 1
        per_rule.add(shown.findings)
        doc_agree = []
        for cid, want in label["checks"].items():
            got = review.checks[cid].status if cid in review.checks else "missing"
            ok = int(got == want)
            agree.setdefault(cid, []).append(ok)
            doc_agree.append(ok)
            if args.show == cid and not ok:
                print(
                    f"  {label['doc']}: label {want}, pmreview {got} — "
                    f"{review.checks[cid].message[:100]}"
                )
        if args.docs:
            print(f"{label['doc']}: {sum(doc_agree)}/{len(doc_agree)}")
        lines = source.text.split("\n")
        vague = [f for f in review.findings if VAGUE_RULES.match(f.rule)]
        vague_findings += sum(bool(VAGUE_RULES.match(f.rule)) for f in shown.findings)
        spans = [
            (_offset(lines, f.line, f.column), _offset(lines, f.end_line, f.end_column))
            for f in vague
        ]
        for needle in label.get("vague", []):
            total_vague += 1
            where = _spans(source.text, needle)
            if any(s < fe and fs < e for s, e in where for fs, fe in spans):
                hits += 1
            elif args.misses:
                print(f"  miss {label['doc']}: {needle}")
    print(f"{'check':<24} {'agreement':>9}  n")
    by_kind: dict[str, list[int]] = {}
    for cid, oks in agree.items():
        by_kind.setdefault(kinds.get(cid, "?"), []).extend(oks)
        print(f"{cid:<24} {sum(oks) / len(oks):>9.2f}  {len(oks)}")
    for kind, oks in sorted(by_kind.items()):
        print(f"{kind + ' (all)':<24} {sum(oks) / len(oks):>9.3f}  {len(oks)}")
    allv = [x for v in agree.values() for x in v]
    print(f"{'overall':<24} {sum(allv) / max(len(allv), 1):>9.3f}  {len(allv)}")
    print(f"vague recall             {hits / max(total_vague, 1):>9.3f}  {hits}/{total_vague}")
    print(f"vague findings per doc   {vague_findings / max(ndocs, 1):>9.2f}  {ndocs} docs")
    print("\n".join(per_rule.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
