"""Accuracy with the LLM on: the requests pmreview sends, and the figures of recorded answers.

    python bench/llm_accuracy.py export LABELS OUTDIR [--model NAME] [--profile P]
    python bench/llm_accuracy.py score LABELS ANSWERS [--offline-too] [--policy NAME|all] [--misses]
    python bench/llm_accuracy.py overhead [--tokenize URL]

`export` writes, for each labelled document, the exact request a review sends (redacted as
sent: model, messages, response_format, max_tokens) to OUTDIR/<id>.json, and the same for a
person or a model to read to OUTDIR/<id>.txt (system, user, schema); <id> is the document's
path in the corpus with "/" replaced by "_" and without ".md" (alx/007.md: alx_007).

`score` serves the answers in ANSWERS (<id>.json, each the answer's JSON object) from an
OpenAI-compatible server on 127.0.0.1 (bench/answer_server.py; an answer is keyed by a hash of
the document text the request sends, so answers survive changes to the instructions and the
findings list), reviews every labelled document with the LLM on through pmreview's own client,
and prints what bench/accuracy.py prints, under each combination policy of LLM and
deterministic verdicts (pipeline/merge.py's POLICIES), with the LLM's costs: ungrounded quotes
dropped, prompt and completion tokens (counted by the server as characters / 4) and requests
per document. A document without an answer is reviewed as a failed LLM stage (counted, listed).
`--misses` lists the labelled vague statements no finding covers with the LLM on.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from dataclasses import replace
from pathlib import Path

from answer_server import AnswerServer, document_key
from scoring import (
    SOURCES,
    Label,
    Tally,
    checks_table,
    kinds,
    read_labels,
    rules_table,
    summary_table,
)

from pmreview.checks.profile import builtin_profiles
from pmreview.checks.profile import load as load_profile
from pmreview.errors import UsageError
from pmreview.llm import ChatRequest, LLMConfig
from pmreview.llm.client import OpenAIClient
from pmreview.llm.redact import redact
from pmreview.llm.reviewer import build_request, overhead, run
from pmreview.models import DocumentReview, Source
from pmreview.pipeline import Options, analyse, finish, review_document
from pmreview.pipeline.merge import POLICIES


def doc_id(doc: str) -> str:
    return doc.removesuffix(".md").replace("/", "_")


def request_for(source: Source, profile: str, model: str) -> ChatRequest:
    """The request `pmreview check` sends for `source` (redacted, with its findings)."""
    det = review_document(source, Options(profile=profile))
    return build_request(
        det, load_profile(profile), LLMConfig(base_url="", model=model), redact(source)
    )


def readable(request: ChatRequest) -> str:
    system, user = (m["content"] for m in request.messages)
    schema = json.dumps(request.response_format["json_schema"]["schema"], indent=2)
    return f"=== system ===\n{system}\n\n=== user ===\n{user}\n\n=== answer schema ===\n{schema}\n"


def export(labels: Path, outdir: Path, model: str, profile: str) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    n = 0
    for label, source in read_labels(labels):
        request = request_for(source, profile, model)
        data = {
            "doc": label.doc,
            "document_key": document_key(request.messages[1]["content"]),
            "request": request.normalised() | {"max_tokens": request.max_tokens},
        }
        base = outdir / doc_id(label.doc)
        base.with_suffix(".json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8"
        )
        base.with_suffix(".txt").write_text(readable(request), "utf-8")
        n += 1
    print(f"wrote {n} requests to {outdir} ({n} .json, {n} .txt)")
    print_overhead([profile])


def print_overhead(profiles: list[str], tokenize: str | None = None) -> None:
    """What every request sends besides the findings and the document."""
    for name in profiles:
        cost = overhead(load_profile(name))
        real = f", {_count(name, tokenize)} tokens by {tokenize}" if tokenize else ""
        print(
            f"prompt overhead ({name}): {cost['chars']} characters (messages {cost['messages']}, "
            f"schema {cost['schema']}), about {cost['tokens']} tokens (characters / 4){real}"
        )


def _count(profile: str, url: str | None) -> int:
    """Tokens of the fixed part, counted by a llama.cpp server's /tokenize."""
    from pmreview.llm.ask import build
    from pmreview.llm.reviewer import OVERHEAD_CONFIG, PROMPT, fixed_variables

    variables = {**fixed_variables(load_profile(profile)), "findings": "", "document": ""}
    request = build(PROMPT, variables, OVERHEAD_CONFIG)
    texts = [m["content"] for m in request.messages]
    texts.append(json.dumps(request.response_format, separators=(",", ":"), ensure_ascii=False))
    total = 0
    for text in texts:
        body = json.dumps({"content": text}).encode("utf-8")
        with urllib.request.urlopen(
            urllib.request.Request(f"{url}/tokenize", body), timeout=30
        ) as r:
            total += len(json.load(r)["tokens"])
    return total


def load_answers(
    labels: list[tuple[Label, Source]], answers: Path, profile: str, model: str
) -> tuple[dict[str, str], list[str]]:
    """The recorded answers by the key of the document each labelled document's request sends,
    and the labelled documents that have no answer."""
    out, missing = {}, []
    for label, source in labels:
        path = answers / f"{doc_id(label.doc)}.json"
        if not path.is_file():
            missing.append(label.doc)
            continue
        key = document_key(request_for(source, profile, model).messages[1]["content"])
        out[str(key)] = path.read_text("utf-8").strip()
    return out, missing


class Columns:
    """A tally per column (offline, each policy) and per source, and the labelled vague
    statements no finding covers in the last column (the LLM's critiques are the same under
    every policy)."""

    def __init__(self, names: list[str]) -> None:
        self.total = {n: Tally() for n in names}
        self.sources = {s: {n: Tally() for n in names} for s in SOURCES}
        self.last = names[-1]
        self.misses: list[str] = []

    def add(
        self, name: str, label: Label, source: Source, every: DocumentReview, shown: DocumentReview
    ) -> None:
        score = self.total[name].add(label, source, every, shown)
        per_source = self.sources.setdefault(label.source, {})
        per_source.setdefault(name, Tally()).add(label, source, every, shown)
        if name == self.last:
            self.misses += [f"{label.doc}: {needle}" for needle in score.misses]


def score(
    labels_path: Path,
    answers: Path,
    policies: list[str],
    offline_too: bool,
    profile: str,
    model: str,
    misses: bool = False,
) -> None:
    labels = list(read_labels(labels_path))
    recorded, missing = load_answers(labels, answers, profile, model)
    columns = Columns((["offline"] if offline_too else []) + policies)
    failed: list[str] = []
    with AnswerServer(recorded, model) as server:
        config = LLMConfig(base_url=server.url, model=model, use_cache=False, timeout=60)
        client = OpenAIClient(config)
        for label, source in labels:
            opts = Options(profile=profile, llm=config, llm_client=client)
            analysis = analyse(source, opts)
            result = run(
                source, finish(analysis, opts), load_profile(profile), config, client, None
            )
            if result.stats["status"] == "failed" and label.doc not in missing:
                failed.append(f"{label.doc}: {result.stats.get('error', '')[:120]}")
            for policy in policies:
                per = replace(opts, llm_policy=policy)
                every = finish(analysis, replace(per, collapse=False), result)
                columns.add(policy, label, source, every, finish(analysis, per, result))
            if offline_too:
                off = Options(profile=profile, offline=True)
                every = review_document(source, replace(off, collapse=False))
                columns.add("offline", label, source, every, review_document(source, off))
    _print(columns, profile, len(labels), missing, failed)
    if misses:
        print(f"\nlabelled vague statements no finding covers ({columns.last}):")
        print("".join(f"  {miss}\n" for miss in columns.misses) or "  (none)", end="")


def _print(
    columns: Columns, profile: str, ndocs: int, missing: list[str], failed: list[str]
) -> None:
    print_overhead([profile])
    print(f"{ndocs} labelled documents; reviewed as a failed LLM stage:")
    print(f"  no recorded answer: {len(missing)}" + (f" ({', '.join(missing)})" if missing else ""))
    print(f"  an answer the LLM stage could not use: {len(failed)}")
    print("".join(f"    {line}\n" for line in failed), end="")
    print("(tokens: counted by the bench's server as characters / 4)\n")
    print("\n".join(checks_table(columns.total)) + "\n")
    print("all documents\n" + "\n".join(summary_table(columns.total, kinds(profile))) + "\n")
    for src, who in SOURCES.items():
        tallies = {n: t for n, t in columns.sources.get(src, {}).items() if t.docs}
        if tallies:
            print(f"{src} ({who})\n" + "\n".join(summary_table(tallies, kinds(profile))) + "\n")
    print("\n".join(rules_table(columns.total)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "export", help="write the request pmreview sends for each labelled document"
    )
    ex.add_argument("labels", type=Path)
    ex.add_argument("outdir", type=Path)
    sc = sub.add_parser("score", help="review the labelled documents with recorded answers")
    sc.add_argument("labels", type=Path)
    sc.add_argument("answers", type=Path)
    sc.add_argument("--offline-too", action="store_true", help="add the offline figures")
    sc.add_argument(
        "--misses", action="store_true", help="list the labelled vague statements not found"
    )
    sc.add_argument(
        "--policy",
        default="all",
        choices=[*POLICIES, "all"],
        help="how LLM and deterministic verdicts combine",
    )
    for p in (ex, sc):
        p.add_argument("--model", default="recorded", help="the model name the requests carry")
        p.add_argument("--profile", default="default", choices=builtin_profiles())
    ov = sub.add_parser("overhead", help="print the prompt overhead of each profile")
    ov.add_argument("--tokenize", default=None, help="a llama.cpp server to count tokens with")
    args = ap.parse_args(argv)
    try:
        if args.command == "export":
            export(args.labels, args.outdir, args.model, args.profile)
        elif args.command == "score":
            if not args.answers.is_dir():
                raise UsageError(f"{args.answers} is not a folder of answers")
            policies = list(POLICIES) if args.policy == "all" else [args.policy]
            score(
                args.labels,
                args.answers,
                policies,
                args.offline_too,
                args.profile,
                args.model,
                args.misses,
            )
        else:
            print_overhead(builtin_profiles(), args.tokenize)
    except UsageError as exc:
        ap.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
