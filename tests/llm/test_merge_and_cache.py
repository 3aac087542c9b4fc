"""What the pipeline does with an answer: only grounded claims count, verdicts overrule semantic
checks only, LLM findings point at the document's own words; and the answer cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _llm_support import (
    WEBHOOKS,
    Check,
    FakeLLM,
    answer,
    assert_quote_in_document,
    critique,
    error,
    ok,
    task,
    verdict,
    where,
)

from pmreview.checks.profile import load as load_profile
from pmreview.errors import UsageError
from pmreview.llm import LLMConfig
from pmreview.llm.reviewer import LLMResult
from pmreview.models import Check as ModelCheck
from pmreview.models import Finding, Hit
from pmreview.pipeline import Options, review_document, review_paths
from pmreview.pipeline.merge import POLICIES, combine
from pmreview.source import from_text, load

TEXT = load(str(WEBHOOKS)).text
Pair = tuple[dict[str, Any], dict[str, Any]]  # the LLM run's document, the offline one
GOOD = answer(critiques=[critique("things were adjusted on the gateway")])

MIXED = answer(
    critiques=[
        critique("things were adjusted on the gateway"),
        critique("Somebody  FIXED\nit"),  # case and white space differ
        critique("The gateway was rebooted twice by the night shift"),  # not in the document
    ],
    verdicts=[
        verdict("timeline.resolution", "pass", "Deliveries resume after things were adjusted"),
        verdict("root_cause.detail", "fail", "The new certificate missed an intermediate"),
        verdict("summary.duration", "fail", "(55 minutes)"),  # structural: ignored
        verdict("summary.severity", "fail", "On 2025-04-03"),  # unknown id: ignored
        verdict("resolution.detail", "pass", "the cache was flushed and warmed"),  # not there
        verdict("timeline.escalation", "fail", ""),  # no quote: the element is absent
    ],
    tasks=[
        task(
            "Add a full-chain check to the hooks-gateway certificate rotation job",
            quote="Improve certificate handling",
            priority="P1",
        ),
        task("Page the platform team when billing-events webhooks fail for 5 min"),
        task("Revoke the leaked deploy token", quote="the token that leaked in the channel"),
    ],
)


@pytest.fixture
def mixed(check: Check, fake_llm: FakeLLM) -> Pair:
    fake_llm.always(ok(MIXED))
    return check(WEBHOOKS).doc, check(WEBHOOKS, "--offline").doc


def test_ungrounded_claims_are_dropped_and_counted(mixed: Pair) -> None:
    doc, _ = mixed
    assert doc["llm"]["status"] == "ok"
    # a critique, a verdict and a task whose quotes are not in the document
    assert doc["llm"]["dropped_ungrounded"] == 3
    quotes = " ".join(f["quote"] for f in doc["findings"])
    assert "rebooted" not in quotes and "night shift" not in json.dumps(doc)
    assert "cache was flushed" not in json.dumps(doc["checks"])


def test_llm_findings_point_at_the_documents_words(mixed: Pair) -> None:
    doc, _ = mixed
    # critiques (a check the LLM failed has its own finding, with source "llm" too)
    llm = [f for f in doc["findings"] if f["source"] == "llm" and f["rule"] == "PM901"]
    assert {f["quote"] for f in llm} == {"things were adjusted on the gateway"}
    # "Somebody  FIXED\nit" is grounded (not dropped), but PM103 already reports those words
    assert [f["quote"] for f in doc["findings"] if f["rule"] == "PM103"] == ["fixed it"]
    for f in llm:
        assert f["rule"] == "PM901" and f["name"] == "llm-critique"
        assert_quote_in_document(f, TEXT)
        assert (f["line"], f["column"]) == where(TEXT, f["quote"])
        assert f["section"]  # placed in its section like any finding
    (adjusted,) = [f for f in llm if f["quote"].startswith("things")]
    assert adjusted["question"] == "What exactly happened?"
    assert adjusted["suggestion"] == "Say which component and which setting."


def test_grounded_verdict_overrules_a_semantic_check(mixed: Pair) -> None:
    doc, offline = mixed
    assert offline["checks"]["timeline.resolution"]["status"] == "fail"
    line, _ = where(TEXT, "Deliveries resume after things were adjusted")
    assert doc["checks"]["timeline.resolution"] == {
        "status": "pass",
        "source": "llm",
        "message": "As quoted.",
        "line": line,
        "evidence": "Deliveries resume after things were adjusted",  # the grounded quote
    }
    assert "timeline.resolution" not in {f["rule"] for f in doc["findings"]}

    assert offline["checks"]["root_cause.detail"]["status"] == "pass"
    assert doc["checks"]["root_cause.detail"]["status"] == "fail"
    assert doc["checks"]["root_cause.detail"]["source"] == "llm"
    (finding,) = [f for f in doc["findings"] if f["rule"] == "root_cause.detail"]
    assert "LLM reviewer" in finding["message"]


def test_finding_of_a_check_the_llm_failed_says_so(mixed: Pair) -> None:
    doc, _ = mixed
    (finding,) = [f for f in doc["findings"] if f["rule"] == "root_cause.detail"]
    assert finding["source"] == "llm"


def test_verdicts_on_other_checks_are_ignored(mixed: Pair) -> None:
    doc, offline = mixed
    assert set(doc["checks"]) == set(offline["checks"])  # no "summary.severity"
    for cid in ("summary.duration", "resolution.detail"):
        assert doc["checks"][cid] == offline["checks"][cid], cid
        assert doc["checks"][cid]["source"] == "rules"
    structural = {"summary.duration"}
    assert not structural & {c for c, v in doc["checks"].items() if v["source"] == "llm"}


def test_a_fail_without_a_quote_says_the_element_is_absent(mixed: Pair) -> None:
    doc, offline = mixed
    assert offline["checks"]["timeline.escalation"]["status"] == "pass"
    assert doc["checks"]["timeline.escalation"] == {
        "status": "fail",
        "source": "llm",
        "message": "As quoted.",
        "line": offline["checks"]["timeline.escalation"]["line"],  # nothing to point at
        "evidence": "",  # a fail quotes nothing
    }


# --------------------------------------------------------------------------- policies

PROFILE = load_profile("default")


def _llm(*verdicts: tuple[str, str, int | None]) -> LLMResult:
    out = LLMResult()
    for cid, status, line in verdicts:
        out.verdicts[cid] = ModelCheck(cid, status, "model", line, source="llm")  # type: ignore[arg-type]
        if line is None:
            out.absent.add(cid)
    return out


DET = {
    "summary.root_cause": ModelCheck("summary.root_cause", "fail", "rules", 3),
    "timeline.escalation": ModelCheck("timeline.escalation", "pass", "rules", 9),
    "timeline.present": ModelCheck("timeline.present", "fail", "rules", 1),
    "summary.duration": ModelCheck("summary.duration", "pass", "rules", 4),
}
LLM = _llm(
    ("summary.root_cause", "pass", 5),  # semantic, quoted
    ("timeline.escalation", "fail", None),  # semantic, absent
    ("timeline.present", "pass", 12),  # structural: the evidence the parser missed
)


def _statuses(policy: str) -> dict[str, str]:
    return {cid: f"{c.status}:{c.source}" for cid, c in combine(PROFILE, DET, LLM, policy).items()}


@pytest.mark.parametrize(
    ("policy", "root_cause", "escalation", "timeline"),
    [
        ("deterministic", "fail:rules", "pass:rules", "fail:rules"),
        ("semantic-quoted", "pass:llm", "pass:rules", "fail:rules"),
        ("semantic", "pass:llm", "fail:llm", "fail:rules"),
        ("semantic+structural", "pass:llm", "fail:llm", "pass:llm"),
    ],
)
def test_each_policy_combines_verdicts_by_check_kind(
    policy: str, root_cause: str, escalation: str, timeline: str
) -> None:
    assert _statuses(policy) == {
        "summary.root_cause": root_cause,
        "timeline.escalation": escalation,
        "timeline.present": timeline,
        "summary.duration": "pass:rules",
    }


def test_an_absent_element_keeps_the_checks_line_and_the_llm_never_fails_a_structural_check() -> (
    None
):
    out = combine(PROFILE, DET, LLM, "semantic+structural")
    assert out["timeline.escalation"].line == 9
    fails_it = _llm(("summary.duration", "fail", 4))
    assert (
        combine(PROFILE, DET, fails_it, "semantic+structural")["summary.duration"]
        == DET["summary.duration"]
    )


def test_the_llm_passes_only_structural_checks_the_profile_lets_it() -> None:
    # a section the parser missed, yes; a check of exact form (a share of users), never: on
    # the labelled sets the model's lenient shares lowered agreement
    det = {
        "measures.present": ModelCheck("measures.present", "fail", "rules", 1),
        "summary.affected_share": ModelCheck("summary.affected_share", "fail", "rules", 2),
    }
    llm = _llm(("measures.present", "pass", 20), ("summary.affected_share", "pass", 3))
    out = combine(PROFILE, det, llm, "semantic+structural")
    assert PROFILE.checks["measures.present"].get("llm_may_pass") is True
    assert "llm_may_pass" not in PROFILE.checks["summary.affected_share"]
    assert (out["measures.present"].source, out["summary.affected_share"].source) == (
        "llm",
        "rules",
    )


def test_every_policy_is_documented_and_an_unknown_one_is_a_usage_error() -> None:
    assert set(POLICIES) == {"deterministic", "semantic-quoted", "semantic", "semantic+structural"}
    assert Options().llm_policy in POLICIES
    with pytest.raises(UsageError, match="unknown LLM policy 'llm-wins'"):
        combine(PROFILE, DET, LLM, "llm-wins")


def test_tasks_keep_their_grounded_line(mixed: Pair) -> None:
    doc, _ = mixed
    line, _ = where(TEXT, "Improve certificate handling")
    assert doc["tasks"] == [
        {
            "title": "Add a full-chain check to the hooks-gateway certificate rotation job",
            "done_when": "A test shows it works",
            "owner": "platform team",
            "priority": "P1",
            "source": "llm",
            "line": line,
        },
        {
            "title": "Page the platform team when billing-events webhooks fail for 5 min",
            "done_when": "A test shows it works",
            "owner": "platform team",
            "priority": "P2",
            "source": "llm",
        },
    ]


def test_critique_on_words_a_rule_reports_is_merged(check: Check, fake_llm: FakeLLM) -> None:
    fake_llm.always(ok(answer(critiques=[critique("Somebody fixed it", "Fixed how?")])))
    run = check(WEBHOOKS)
    offline = check(WEBHOOKS, "--offline")
    assert run.llm["merged"] == 1
    assert len(run.doc["findings"]) == len(offline.doc["findings"])
    (pm103,) = [f for f in run.doc["findings"] if f["rule"] == "PM103"]
    assert pm103["source"] == "rules"
    assert pm103["suggestion"] == "Say which component and which setting."


# --------------------------------------------------------------------------- cache


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json")) if folder.exists() else []


def test_second_run_comes_from_the_cache(check: Check, fake_llm: FakeLLM, tmp_path: Path) -> None:
    fake_llm.always(ok(MIXED))
    folder = tmp_path / "llm-cache"
    first = check(WEBHOOKS, "--cache-dir", str(folder))
    second = check(WEBHOOKS, "--cache-dir", str(folder))
    assert first.llm["status"] == "ok"
    assert second.llm["status"] == "cached"
    assert second.llm["requests"] == 0
    assert len(fake_llm.chats) == 1
    assert len(cache_files(folder)) == 1
    # the same review, from the stored answer
    assert second.doc["findings"] == first.doc["findings"]
    assert second.doc["checks"] == first.doc["checks"]
    assert second.doc["tasks"] == first.doc["tasks"]
    assert second.llm["dropped_ungrounded"] == first.llm["dropped_ungrounded"]
    # nothing personal is stored
    stored = cache_files(folder)[0].read_text("utf-8")
    assert "ada.okafor" not in stored


def test_no_cache_asks_again_and_stores_nothing(
    check: Check, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    fake_llm.always(ok(GOOD))
    folder = tmp_path / "llm-cache"
    check(WEBHOOKS, "--cache-dir", str(folder))
    again = check(WEBHOOKS, "--cache-dir", str(folder), "--no-cache")
    assert again.llm["status"] == "ok" and again.llm["requests"] == 1
    assert len(fake_llm.chats) == 2

    other = tmp_path / "untouched"
    check(WEBHOOKS, "--cache-dir", str(other), "--no-cache")
    assert cache_files(other) == []


def test_a_changed_document_is_asked_again(check: Check, fake_llm: FakeLLM, tmp_path: Path) -> None:
    fake_llm.always(ok(GOOD))
    folder = tmp_path / "llm-cache"
    doc = tmp_path / "pm.md"
    doc.write_text(TEXT, encoding="utf-8")
    check(doc, "--cache-dir", str(folder))
    doc.write_text(TEXT.replace("Somebody fixed it.", "The platform team fixed it."), "utf-8")
    changed = check(doc, "--cache-dir", str(folder))
    assert changed.llm["status"] == "ok"
    assert len(fake_llm.chats) == 2
    # another model, another answer
    other_model = check(doc, "--cache-dir", str(folder), "--model", "m2")
    assert other_model.llm["status"] == "ok"
    assert len(fake_llm.chats) == 3


def test_a_failure_is_not_cached(check: Check, fake_llm: FakeLLM, tmp_path: Path) -> None:
    folder = tmp_path / "llm-cache"
    fake_llm.always(error(401, "no"))
    assert check(WEBHOOKS, "--cache-dir", str(folder)).llm["status"] == "failed"
    assert cache_files(folder) == []
    fake_llm.always(ok(GOOD))
    assert check(WEBHOOKS, "--cache-dir", str(folder)).llm["status"] == "ok"


def test_an_unreadable_cache_entry_is_a_miss(
    check: Check, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    fake_llm.always(ok(GOOD))
    folder = tmp_path / "llm-cache"
    check(WEBHOOKS, "--cache-dir", str(folder))
    (entry,) = cache_files(folder)
    entry.write_text('{"answer": {"critiques": [', encoding="utf-8")  # cut off mid-write
    run = check(WEBHOOKS, "--cache-dir", str(folder))
    assert run.llm["status"] == "ok"
    assert len(fake_llm.chats) == 2


def test_a_cached_answer_that_breaks_the_schema_is_a_miss(
    check: Check, fake_llm: FakeLLM, tmp_path: Path
) -> None:
    fake_llm.always(ok(GOOD))
    folder = tmp_path / "llm-cache"
    check(WEBHOOKS, "--cache-dir", str(folder))
    (entry,) = cache_files(folder)
    entry.write_text(json.dumps({"answer": {"critiques": [{"text": "old format"}]}}), "utf-8")
    run = check(WEBHOOKS, "--cache-dir", str(folder))
    assert run.llm["status"] == "ok"
    assert len(fake_llm.chats) == 2


# --------------------------------------------------------------------------- Python API


def test_review_paths_with_an_llm_config(fake_llm: FakeLLM, tmp_path: Path) -> None:
    fake_llm.always(ok(GOOD))
    config = LLMConfig(base_url=fake_llm.url, model="m", timeout=5, cache_dir=str(tmp_path))
    report = review_paths([str(WEBHOOKS)], Options(llm=config))
    (doc,) = report.documents
    assert doc.llm["status"] == "ok"
    assert any(f.source == "llm" for f in doc.findings)

    offline = review_paths([str(WEBHOOKS)], Options(llm=config, offline=True))
    assert offline.documents[0].llm == {"status": "skipped", "reason": "offline"}
    assert len(fake_llm.chats) == 1


# A short postmortem written for this test: its action items name no owner and no due date.
KIOSK = """\
# Ticket kiosk outage

## Summary
From 09:10 to 09:50 UTC on 2 March the ticket kiosks at all 12 stations showed a blank screen
because the kiosk-api certificate expired; every ticket sale at a kiosk failed.

## Action items
- Revisit how kiosk-api certificates get renewed
- Alert the kiosk on-call 14 days before a certificate on kiosk-api expires
"""


def _with_critique(quote: str) -> list[Finding]:
    source = from_text(KIOSK)
    line = next(n for n, text in enumerate(source.lines, 1) if quote in text)
    column = source.lines[line - 1].index(quote) + 1
    hit = Hit(line, column, line, column + len(quote), "Reliable how?", quote, "How?", "Add X.")
    return review_document(source, Options(), LLMResult(critiques=[hit])).findings


def test_critique_is_not_merged_into_a_finding_about_the_whole_list() -> None:
    offline = review_document(from_text(KIOSK), Options()).findings
    (owners,) = [f for f in offline if f.rule == "PM503"]
    assert "Revisit" in owners.quote  # the list's finding marks its first item
    findings = _with_critique("Revisit how kiosk-api certificates get renewed")
    (critique_,) = [f for f in findings if f.rule == "PM901"]
    assert critique_.message == "Reliable how?"
    assert [f for f in findings if f.rule == "PM503"] == [owners]
