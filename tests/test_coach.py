"""`pmreview coach`: answers from a file or a terminal go into the right place, the checks they
answer pass, the score rises, and the original is never touched without --in-place."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _support import DATA, REPO
from typer.testing import Result

from pmreview import coach
from pmreview.checks.profile import load as load_profile
from pmreview.document import parse
from pmreview.llm import ChatRequest, ChatResponse, LLMConfig, LLMError
from pmreview.resources import load_toml
from pmreview.review import Options, review_text
from pmreview.source import from_text

SEED = REPO.parent / "shared" / "seeds" / "000_8dd2772cb27462af.txt"
ANSWERS = """\
summary.end_time: "02:35 UTC"
summary.affected_share: "4% of merchants (310 of 7,800)"
timeline.escalation: "the payments platform team at 01:50 UTC"
"""


def _statuses(text: str, profile: str = "default") -> dict[str, str]:
    review = review_text(text, opts=Options(profile=profile, offline=True))
    return {cid: c.status for cid, c in review.checks.items()}


def _coached(
    in_tmp: Path, name: str, text: str, answers: str, cli: Callable[..., Result]
) -> Result:
    (in_tmp / name).write_text(text)
    (in_tmp / "answers.yaml").write_text(answers)
    return cli("coach", name, "--answers", "answers.yaml")


def test_answers_file_fills_the_missing_elements_and_raises_the_score(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    original = (DATA / "coach.md").read_text()
    result = _coached(in_tmp, "pm.md", original, ANSWERS, cli)
    assert result.exit_code == 0, result.output
    assert (in_tmp / "pm.md").read_text() == original  # never touched
    coached = (in_tmp / "pm.coached.md").read_text()
    before, after = _statuses(original), _statuses(coached)
    for cid in ("summary.end_time", "summary.affected_share", "timeline.escalation"):
        assert before[cid] == "fail" and after[cid] == "pass", cid
    assert not [cid for cid in before if before[cid] == "pass" and after[cid] != "pass"]
    old = review_text(original, opts=Options(offline=True)).score["overall"]
    new = review_text(coached, opts=Options(offline=True)).score["overall"]
    assert new > old
    assert f"Specificity score {old} → {new} (+{new - old})" in result.stdout
    # where the answers went: the summary and, for the escalation, the timeline
    summary = coached.split("## Timeline")[0]
    assert "restored at 02:35 UTC." in summary and "4% of merchants (310 of 7,800)" in summary
    timeline = coached.split("## Timeline")[1].split("## Root cause")[0]
    assert "escalated to the payments platform team at 01:50 UTC." in timeline


@pytest.mark.skipif(not SEED.is_file(), reason="the seed postmortems are not next to the repo")
def test_the_seed_000_example_of_the_issue(cli: Callable[..., Result], in_tmp: Path) -> None:
    answers = (
        'summary.end_time: "07:45 EAT"\n'
        'summary.affected_share: "3% of mobile banking customers (about 1,200 accounts)"\n'
        'timeline.escalation: "the Core Banking platform team at 02:10 EAT"\n'
    )
    original = SEED.read_text()
    result = _coached(in_tmp, "seed.txt", original, answers, cli)
    assert result.exit_code == 0, result.output
    coached = (in_tmp / "seed.coached.md").read_text()
    after = _statuses(coached)
    assert {
        after[c] for c in ("summary.end_time", "summary.affected_share", "timeline.escalation")
    } == {"pass"}
    scores = [
        review_text(t, opts=Options(offline=True)).score["overall"] for t in (original, coached)
    ]
    assert scores[1] > scores[0]


def _table() -> dict[str, Any]:
    return dict(load_toml("coach.toml")["checks"])


BASES = {
    "bare": "# Notes\n\nSomething went wrong with the website yesterday.\n",
    "no zone": "## Summary\n\nFrom 09:05 to 09:30 the login page failed.\n",
    "vague": (DATA / "vague.md").read_text(),
    "coach": (DATA / "coach.md").read_text(),
}


@pytest.mark.parametrize("profile", ["default", "google-sre"])
def test_every_placement_rule_makes_its_check_pass_with_its_example(profile: str) -> None:
    """Each check's example answer, put in by its rule, supplies the element on a document
    where the check fails and what it needs (its `requires`) is there. (A timezone statement
    cannot give a summary without times a timezone, so not on every such document.)"""
    checks = load_profile(profile).checks
    from pmreview.scaffold import template

    bases = {**BASES, "template": template(profile)}
    tried: set[str] = set()
    for text in bases.values():
        statuses = _statuses(text, profile)
        review = review_text(text, opts=Options(profile=profile, offline=True))
        items = {i.id: i for i in coach.plan(review) if i.is_check}
        for cid, item in items.items():
            parent = checks[cid].get("requires")
            if item.mode == "manual" or (parent and statuses.get(parent) != "pass"):
                continue
            placer = coach.Placer(parse(from_text(text)))
            assert placer.apply(placer.proposal(item, item.spec["example"]))
            if _statuses(placer.result(), profile)[cid] == "pass":
                tried.add(cid)
    placeable = {c for c in checks if c in _table() and _table()[c].get("as") != "manual"}
    assert placeable - tried == set(), "these examples supply their element on no document"


def test_a_finding_answer_replaces_the_vague_words_or_the_whole_task(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    answers = (
        'PM101: "an expired TLS certificate on the bank gateway client"\n'
        'PM104: "Add a renewal job for payouts-worker certificates, 30 days before expiry"\n'
        'PM503: "payments team"\n'
    )
    result = _coached(in_tmp, "pm.md", (DATA / "coach.md").read_text(), answers, cli)
    assert result.exit_code == 0, result.output
    coached = (in_tmp / "pm.coached.md").read_text()
    assert "because of an expired TLS certificate on the bank gateway client." in coached
    assert "glitch" not in coached
    task = "- Add a renewal job for payouts-worker certificates, 30 days before expiry"
    assert f"{task} (owner: payments team)" in coached
    assert "careful" not in coached
    assert coached.count("(owner: payments team)") == 2  # both tasks


def test_answers_by_slug_list_and_quote(in_tmp: Path) -> None:
    text = "## Summary\n\nA glitch hit some customers, then several users, on checkout-api.\n"
    review = review_text(text, opts=Options(offline=True))
    items = coach.plan(review)
    answers = {"vague-impact": {"Some Customers": "2,100 customers"}, "PM101": ["a cache bug"]}
    placer = coach.Placer(parse(from_text(text)))
    used: dict[str, int] = {}
    for item in items:
        answer = coach.answer_for(item, answers, used)
        if answer is not None and not item.is_check:
            placer.apply(placer.proposal(item, answer))
    assert (
        "A cache bug hit 2,100 customers, then several users, on checkout-api." in placer.result()
    )


def test_in_place_and_output(cli: Callable[..., Result], in_tmp: Path) -> None:
    original = (DATA / "coach.md").read_text()
    assert _coached(in_tmp, "pm.md", original, ANSWERS, cli).exit_code == 0
    coached = (in_tmp / "pm.coached.md").read_text()
    assert cli("coach", "pm.md", "--answers", "answers.yaml", "-o", "other.md").exit_code == 0
    assert (in_tmp / "other.md").read_text() == coached
    assert cli("coach", "pm.md", "--answers", "answers.yaml", "--in-place").exit_code == 0
    assert (in_tmp / "pm.md").read_text() == coached


def test_nothing_answered_writes_nothing(cli: Callable[..., Result], in_tmp: Path) -> None:
    result = _coached(in_tmp, "pm.md", (DATA / "coach.md").read_text(), "{}\n", cli)
    assert result.exit_code == 0
    assert "nothing was written" in result.stdout
    assert not (in_tmp / "pm.coached.md").exists()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("summary.end_time: [unclosed\n", "not a valid YAML answers file (line 2)"),
        (
            "- just\n- a list\n",
            "the answers file must map ids to answers, e.g. summary.end_time: '07:45 EAT'",
        ),
        ("summary.end_time:\n  - {a: 1}\n", None),
    ],
)
def test_bad_answers_files_are_one_line_errors(
    cli: Callable[..., Result], in_tmp: Path, answers: str, message: str | None
) -> None:
    result = _coached(in_tmp, "pm.md", (DATA / "coach.md").read_text(), answers, cli)
    if message is None:  # a list of mappings is text to us: used as given, no traceback
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert result.stderr.strip() == f"pmreview: error: answers.yaml: {message}"


def test_unknown_ids_in_the_answers_file_are_named(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    result = _coached(in_tmp, "pm.md", (DATA / "coach.md").read_text(), "summary.end_tme: x\n", cli)
    assert result.exit_code == 0
    assert "'summary.end_tme' in the answers file is no check or rule id" in result.stderr


def test_without_a_terminal_and_without_answers_it_says_so(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "pm.md").write_text((DATA / "coach.md").read_text())
    result = cli("coach", "pm.md")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--answers answers.yaml" in lines[0]
    missing = cli("coach", "nope.md", "--answers", "x.yaml")
    assert missing.exit_code == 2 and missing.stderr.startswith("pmreview: error:")


# --------------------------------------------------------------------------- with an LLM


class Recorder:
    """An in-process chat client: answers each request with the next canned content."""

    base_url = "http://127.0.0.1:9/v1"

    def __init__(self, *contents: str | Exception) -> None:
        self.contents = list(contents)
        self.requests: list[ChatRequest] = []

    def complete(self, request: ChatRequest) -> ChatResponse:
        self.requests.append(request)
        content = self.contents.pop(0)
        if isinstance(content, Exception):
            raise content
        return ChatResponse(content, model="recorder")


def _session_with(client: Recorder, text: str, answers: dict[str, Any]) -> coach.Outcome:
    review = review_text(text, opts=Options(offline=True))
    doc = parse(from_text(text))
    rewriter = coach.Rewriter(client, LLMConfig(base_url=client.base_url, model="m"), doc)
    return coach.session(
        review,
        doc,
        echo=lambda _: None,
        answers=answers,
        rewriter=rewriter,
    )


def test_the_llm_turns_an_answer_into_a_rewrite_of_the_sentence() -> None:
    text = (DATA / "coach.md").read_text().replace("glitch.", "glitch (ask ops@payouts.example).")
    rewrite = "The payouts worker failed because the bank gateway client's TLS certificate expired."
    client = Recorder(json.dumps({"rewrite": rewrite}))
    outcome = _session_with(client, text, {"PM101": "the TLS cert expired"})
    assert outcome.answered == ["PM101"] and outcome.llm_requests == 1
    assert rewrite in outcome.text and "glitch" not in outcome.text
    sent = json.dumps([m["content"] for m in client.requests[0].messages])
    assert "the TLS cert expired" in sent and "<passage>" in sent
    assert "ops@payouts.example" not in sent and "[EMAIL_1]" in sent  # redacted
    assert client.requests[0].response_format["json_schema"]["name"] == "coach_rewrite"


def test_an_invalid_llm_answer_is_asked_again_then_the_authors_words_are_used() -> None:
    client = Recorder("not json", json.dumps({"wrong": 1}))
    outcome = _session_with(
        client, (DATA / "coach.md").read_text(), {"PM101": "an expired TLS certificate"}
    )
    assert len(client.requests) == 2
    assert "because of an expired TLS certificate." in outcome.text
    assert outcome.notes and "LLM rewrite failed" in outcome.notes[0]
    failing = Recorder(LLMError("the server answered 500", requests=3))
    outcome = _session_with(
        failing, (DATA / "coach.md").read_text(), {"PM101": "an expired TLS certificate"}
    )
    assert "because of an expired TLS certificate." in outcome.text


# --------------------------------------------------------------------------- in a terminal


@pytest.fixture
def tmux() -> Iterator[Callable[..., str]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (scripts/install-test-deps installs it)")
    socket = f"pmreview-{uuid.uuid4().hex[:8]}"

    def run(*args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    yield run
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def _wait_for(tmux: Callable[..., str], needle: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "coach")
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; the screen:\n{screen}")


def test_the_interactive_coach_in_tmux(tmux: Callable[..., str], tmp_path: Path) -> None:
    doc = tmp_path / "pm.md"
    doc.write_text((DATA / "coach.md").read_text())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "PMREVIEW_"))}
    command = f"{sys.executable} -m pmreview coach --offline {doc}; sleep 60"
    tmux(
        "new-session",
        "-d",
        "-s",
        "coach",
        "-x",
        "160",
        "-y",
        "50",
        "-c",
        str(tmp_path),
        *(
            a
            for k, v in env.items()
            if k in ("PATH", "HOME", "PYTHONPATH")
            for a in ("-e", f"{k}={v}")
        ),
        command,
    )
    first = _wait_for(tmux, "Your answer (Enter: skip, q: quit):")
    assert "[1/" in first and "summary.end_time" in first
    assert "? At what clock time was service fully restored?" in first
    tmux("send-keys", "-t", "coach", "02:35 UTC", "Enter")
    _wait_for(tmux, "✓ summary.end_time: Service was fully restored at 02:35 UTC.")
    _wait_for(tmux, "[3/")  # the duration is not asked: the end time gave it
    tmux("send-keys", "-t", "coach", "q", "Enter")
    screen = _wait_for(tmux, "Review it: pmreview")
    assert "summary.duration: present now" in screen
    coached = (tmp_path / "pm.coached.md").read_text()
    assert "Service was fully restored at 02:35 UTC." in coached
    assert _statuses(coached)["summary.end_time"] == "pass"
