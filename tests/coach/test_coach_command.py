"""`pmreview coach`: answers from a file or a terminal go into the right place, the checks they
answer pass, the score rises, and the original is never touched without --in-place."""

from __future__ import annotations

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
from _coach_support import COACH_MD, statuses
from _coach_support import coached as coach_with
from _support import SHARED
from typer.testing import Result

from pmreview.models import Document, Source
from pmreview.pipeline import Options, review_text

SEED = SHARED / "seeds" / "000_8dd2772cb27462af.txt"
ANSWERS = """\
summary.end_time: "02:35 UTC"
summary.affected_share: "4% of merchants (310 of 7,800)"
timeline.escalation: "the payments platform team at 01:50 UTC"
"""


def test_answers_file_fills_the_missing_elements_and_raises_the_score(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    original = COACH_MD.read_text()
    result = coach_with(in_tmp, "pm.md", original, ANSWERS, cli)
    assert result.exit_code == 0, result.output
    assert (in_tmp / "pm.md").read_text() == original  # never touched
    coached = (in_tmp / "pm.coached.md").read_text()
    before, after = statuses(original), statuses(coached)
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
    result = coach_with(in_tmp, "seed.txt", original, answers, cli)
    assert result.exit_code == 0, result.output
    coached = (in_tmp / "seed.coached.md").read_text()
    after = statuses(coached)
    assert {
        after[c] for c in ("summary.end_time", "summary.affected_share", "timeline.escalation")
    } == {"pass"}
    scores = [
        review_text(t, opts=Options(offline=True)).score["overall"] for t in (original, coached)
    ]
    assert scores[1] > scores[0]


def test_a_finding_answer_replaces_the_vague_words_or_the_whole_task(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    answers = (
        'PM101: "an expired TLS certificate on the bank gateway client"\n'
        'PM104: "Add a renewal job for payouts-worker certificates, 30 days before expiry"\n'
        'PM503: "payments team"\n'
    )
    result = coach_with(in_tmp, "pm.md", COACH_MD.read_text(), answers, cli)
    assert result.exit_code == 0, result.output
    coached = (in_tmp / "pm.coached.md").read_text()
    assert "because of an expired TLS certificate on the bank gateway client." in coached
    assert "glitch" not in coached
    task = "- Add a renewal job for payouts-worker certificates, 30 days before expiry"
    assert f"{task} (owner: payments team)" in coached
    assert "careful" not in coached
    assert coached.count("(owner: payments team)") == 2  # both tasks


def test_the_coach_reads_the_reviews_document_instead_of_parsing_again(
    cli: Callable[..., Result], in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The original is parsed once, by its review; the coached texts once each, by theirs."""
    parsed: list[str] = []
    real = Document.__init__

    def counting(self: Document, source: Source, *args: Any, **kwargs: Any) -> None:
        parsed.append(source.text)
        real(self, source, *args, **kwargs)

    monkeypatch.setattr(Document, "__init__", counting)
    original = COACH_MD.read_text()
    assert coach_with(in_tmp, "pm.md", original, ANSWERS, cli).exit_code == 0
    assert parsed.count(original) == 1
    assert parsed.count((in_tmp / "pm.coached.md").read_text()) == 2  # last answer, the summary


def test_in_place_and_output(cli: Callable[..., Result], in_tmp: Path) -> None:
    original = COACH_MD.read_text()
    assert coach_with(in_tmp, "pm.md", original, ANSWERS, cli).exit_code == 0
    coached = (in_tmp / "pm.coached.md").read_text()
    assert cli("coach", "pm.md", "--answers", "answers.yaml", "-o", "other.md").exit_code == 0
    assert (in_tmp / "other.md").read_text() == coached
    assert cli("coach", "pm.md", "--answers", "answers.yaml", "--in-place").exit_code == 0
    assert (in_tmp / "pm.md").read_text() == coached


def test_nothing_answered_writes_nothing(cli: Callable[..., Result], in_tmp: Path) -> None:
    result = coach_with(in_tmp, "pm.md", COACH_MD.read_text(), "{}\n", cli)
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
    result = coach_with(in_tmp, "pm.md", COACH_MD.read_text(), answers, cli)
    if message is None:  # a list of mappings is text to us: used as given, no traceback
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert result.stderr.strip() == f"pmreview: error: answers.yaml: {message}"


def test_unknown_ids_in_the_answers_file_are_named(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    result = coach_with(in_tmp, "pm.md", COACH_MD.read_text(), "summary.end_tme: x\n", cli)
    assert result.exit_code == 0
    assert "'summary.end_tme' in the answers file is no check or rule id" in result.stderr


def test_without_a_terminal_and_without_answers_it_says_so(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "pm.md").write_text(COACH_MD.read_text())
    result = cli("coach", "pm.md")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--answers answers.yaml" in lines[0]
    missing = cli("coach", "nope.md", "--answers", "x.yaml")
    assert missing.exit_code == 2 and missing.stderr.startswith("pmreview: error:")


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
    doc.write_text(COACH_MD.read_text())
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
    assert statuses(coached)["summary.end_time"] == "pass"
