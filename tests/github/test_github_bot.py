"""`pmreview github` end to end against a GitHub-compatible server on 127.0.0.1: one comment,
created and then updated in place; pagination followed; errors in one line; the token only
ever in the Authorization header."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _github_support import (
    HEAD_SHA,
    REPO,
    TOKEN,
    VAGUE,
    VAGUE_V2,
    Bot,
    FakeGitHub,
    Job,
    put,
    write_event,
)
from _support import DATA

from pmreview.render.markdown_format import MARKER
from pmreview.rules import Hit

PM = "docs/postmortems/2024-05-queue.md"


def marker_comments(gh: FakeGitHub, number: int = 7) -> list[dict[str, object]]:
    return [c for c in gh.comments_on(number) if str(c["body"]).startswith(MARKER)]


def assert_token_only_in_authorization(gh: FakeGitHub) -> None:
    assert gh.requests
    for r in gh.requests:
        assert TOKEN not in r.target and TOKEN not in r.body, r
        for name, value in r.headers.items():
            if name != "authorization":
                assert TOKEN not in value, (name, r)


def one_error_line(job: Job) -> str:
    assert job.code == 2, (job.stdout, job.stderr)
    lines = job.stderr.strip().splitlines()
    assert len(lines) == 1, job.stderr
    assert lines[0].startswith("pmreview: error: ")
    return lines[0]


# --------------------------------------------------------------------------- one comment


def test_first_run_creates_one_comment_second_run_updates_it(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    put(workspace, "src/app.py", "print('hi')\n")
    gh.add_files(7, PM, "src/app.py")
    gh.add_comment(7, "Looks good to me!")

    first = bot("--offline", "--fail-on", "never")
    assert first.code == 0, first.stderr
    (post,) = gh.writes()
    assert post.method == "POST" and post.path == f"/repos/{REPO}/issues/7/comments"
    (comment,) = marker_comments(gh)
    body = str(comment["body"])
    assert json.loads(post.body)["body"] == body
    assert body.startswith(MARKER)
    assert "2024-05-queue.md" in body and "app.py" not in body
    assert "created the review comment" in first.stderr
    assert "2024-05-queue.md" in first.stdout  # the text report, for the job log

    put(workspace, PM, VAGUE_V2)
    second = bot("--offline", "--fail-on", "never")
    assert second.code == 0, second.stderr
    assert [w.method for w in gh.writes()] == ["POST", "PATCH"]
    assert gh.writes()[1].path == f"/repos/{REPO}/issues/comments/{comment['id']}"
    (updated,) = marker_comments(gh)
    assert updated["id"] == comment["id"]
    assert str(updated["body"]).startswith(MARKER) and updated["body"] != body
    assert len(gh.comments_on(7)) == 2  # the human's and the bot's
    assert "updated the review comment" in second.stderr
    assert_token_only_in_authorization(gh)


def test_headers_and_links(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    bot("--offline", env={"GITHUB_SERVER_URL": "https://ghe.test"})
    for r in gh.requests:
        assert r.headers["authorization"] == f"Bearer {TOKEN}"
        assert r.headers["accept"] == "application/vnd.github+json"
        assert r.headers["x-github-api-version"] == "2022-11-28"
        assert r.headers["user-agent"].startswith("pmreview/")
    (comment,) = marker_comments(gh)
    assert f"(https://ghe.test/{REPO}/blob/{HEAD_SHA}/{PM}#L" in str(comment["body"])


def test_a_pull_request_without_postmortems_gets_no_comment(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, "README.md", "# Hello\n")
    gh.add_files(7, "README.md", "src/app.py")
    job = bot()
    assert job.code == 0
    assert gh.writes() == [] and gh.comments_on(7) == []
    assert job.stdout == ""
    assert "nothing posted" in job.stderr


def test_removed_postmortems_update_the_earlier_comment(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    bot("--offline")
    gh.files[7] = [{"filename": PM, "status": "removed"}, {"filename": "a.py", "status": "added"}]
    (workspace / PM).unlink()
    job = bot("--offline", "--fail-on", "error")
    assert job.code == 0, job.stderr
    assert [w.method for w in gh.writes()] == ["POST", "PATCH"]
    (comment,) = marker_comments(gh)
    assert "nothing to review" in str(comment["body"])


def test_removed_postmortem_and_no_comment_posts_nothing(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    gh.add_files(7, PM, status="removed")
    job = bot()
    assert job.code == 0 and gh.writes() == []


def test_dry_run_prints_the_comment_and_posts_nothing(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    job = bot("--dry-run", "--offline", "--fail-on", "error")
    assert job.code == 1
    assert job.stdout.startswith(MARKER) and "2024-05-queue.md" in job.stdout
    assert "would create" in job.stderr
    assert gh.writes() == []
    assert {r.method for r in gh.requests} == {"GET"}


def test_dry_run_needs_no_token(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    cid = gh.add_comment(7, f"{MARKER}\nold review")
    job = bot("--dry-run", "--offline", env={"GITHUB_TOKEN": None})
    assert job.stdout.startswith(MARKER) and "would update" in job.stderr
    assert all("authorization" not in r.headers for r in gh.requests)
    assert gh.comments_on(7)[0]["id"] == cid and gh.comments_on(7)[0]["body"].endswith("old review")


def test_without_a_token_it_says_how_to_give_one(bot: Bot, gh: FakeGitHub) -> None:
    line = one_error_line(bot(env={"GITHUB_TOKEN": None}))
    assert "GITHUB_TOKEN is not set" in line
    assert gh.requests == []


def test_a_comment_deleted_meanwhile_is_posted_anew(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    gh.add_comment(7, f"{MARKER}\nold")
    gh.fail("PATCH", "/issues/comments/", 404, {"message": "Not Found"})
    job = bot("--offline", "--fail-on", "never")
    assert job.code == 0, job.stderr
    assert [w.method for w in gh.writes()] == ["PATCH", "POST"]
    assert "created the review comment" in job.stderr


# --------------------------------------------------------------------------- pagination


def test_pagination_is_followed_for_files_and_comments(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    others = [f"src/module_{i}.py" for i in range(6)]
    gh.add_files(7, *others, PM)  # the postmortem is the 7th file: page 4 of 2-item pages
    put(workspace, PM, VAGUE)
    for i in range(4):
        gh.add_comment(7, f"comment {i}")
    cid = gh.add_comment(7, f"{MARKER}\nan earlier review")  # the 5th comment: page 3
    gh.add_comment(7, "a later comment")

    job = bot("--offline", "--fail-on", "never")
    assert job.code == 0, job.stderr
    file_pages = [r.query.get("page", "1") for r in gh.calls("GET", r"/pulls/7/files$")]
    comment_pages = [r.query.get("page", "1") for r in gh.calls("GET", r"/issues/7/comments$")]
    assert file_pages == ["1", "2", "3", "4"]
    assert comment_pages[:3] == ["1", "2", "3"]  # it may stop once it has found its comment
    assert gh.requests[0].query["per_page"] == "100"
    (write,) = gh.writes()
    assert write.method == "PATCH" and write.path.endswith(f"/issues/comments/{cid}")
    assert len(gh.comments_on(7)) == 6
    (comment,) = marker_comments(gh)
    assert "2024-05-queue.md" in str(comment["body"])


def test_a_next_link_to_another_host_is_not_followed(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    gh.link_host = "http://127.0.0.2:9"  # loopback, so a request there would not leave
    gh.add_files(7, "a.py", "b.py", PM)
    line = one_error_line(bot("--offline"))
    assert "another host" in line
    assert len(gh.requests) == 1


def test_github_enterprise_api_prefix(tmp_path: Path, workspace: Path, bot: Bot) -> None:
    with FakeGitHub(prefix="/api/v3") as ghe:
        ghe.add_files(7, PM)
        put(workspace, PM, VAGUE)
        job = bot("--offline", env={"GITHUB_API_URL": ghe.url + "/"})
        assert job.code == 1, job.stderr
        assert all(r.path.startswith("/api/v3/repos/") for r in ghe.requests)
        assert len(marker_comments(ghe)) == 1


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("method", "path", "status", "body", "headers", "expected"),
    [
        ("GET", "/files", 401, {"message": "Bad credentials"}, {}, "rejected the token"),
        ("GET", "/files", 404, {"message": "Not Found"}, {}, "not found"),
        (
            "POST",
            "/comments",
            403,
            {"message": "Resource not accessible by integration"},
            {},
            "pull-requests: write",
        ),
        (
            "POST",
            "/comments",
            422,
            {"message": "Validation Failed", "errors": [{"message": "Body is too long"}]},
            {},
            "Validation Failed; Body is too long",
        ),
        (
            "GET",
            "/comments",
            403,
            {"message": "API rate limit exceeded for installation ID 1."},
            {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(time.time()) + 600)},
            "rate limit exhausted",
        ),
        (
            "GET",
            "/files",
            403,
            {"message": "You have exceeded a secondary rate limit."},
            {"retry-after": "60"},
            "retry after 60 seconds",
        ),
        ("GET", "/files", 429, {"message": "Too many"}, {"retry-after": "30"}, "retry after 30"),
        ("GET", "/files", 502, None, {}, "server error (HTTP 502)"),
    ],
)
def test_http_errors_give_one_clean_line(
    bot: Bot,
    gh: FakeGitHub,
    workspace: Path,
    method: str,
    path: str,
    status: int,
    body: object,
    headers: dict[str, str],
    expected: str,
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    gh.fail(method, path, status, body, headers)
    job = bot("--offline")
    line = one_error_line(job)
    assert expected in line, line
    assert f"{REPO}#7" in line or "comment" in line
    assert job.stdout == ""
    assert gh.comments_on(7) == []


def test_rate_limit_says_when_it_resets(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    reset = int(time.time()) + 1800
    gh.fail(
        "GET",
        "/files",
        403,
        {"message": "rate limited"},
        {
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": str(reset),
        },
    )
    line = one_error_line(bot())
    assert time.strftime("%H:%M:%S UTC", time.gmtime(reset)) in line
    assert "in about 30 min" in line


def test_a_wrong_token_is_masked_everywhere(bot: Bot, gh: FakeGitHub) -> None:
    gh.token = "ghs_other"  # the server expects another token: 401
    line = one_error_line(bot())
    assert "rejected the token" in line  # and `bot` checked the token is in no output


def test_a_server_that_is_down(bot: Bot, gh: FakeGitHub) -> None:
    line = one_error_line(bot(env={"GITHUB_API_URL": "http://127.0.0.1:9"}))
    assert "cannot reach http://127.0.0.1:9" in line


def test_a_fork_without_write_access_is_not_a_failure(
    bot: Bot, gh: FakeGitHub, workspace: Path, tmp_path: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    gh.fail("POST", "/comments", 403, {"message": "Resource not accessible by integration"})
    (tmp_path / "fork").mkdir()
    event = write_event(tmp_path / "fork", fork=True)
    summary = tmp_path / "summary.md"
    job = bot(
        "--offline", env={"GITHUB_EVENT_PATH": str(event), "GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert job.code == 1, job.stderr  # the review's exit code, not 2
    assert "from a fork" in job.stderr and "not posted" in job.stderr
    assert summary.read_text("utf-8").startswith(MARKER)


# --------------------------------------------------------------------------- the event


def test_another_event_is_a_warning_and_exit_0(bot: Bot, gh: FakeGitHub, tmp_path: Path) -> None:
    push = tmp_path / "push.json"
    push.write_text(json.dumps({"ref": "refs/heads/main", "after": "a" * 40}), "utf-8")
    job = bot(
        env={"GITHUB_EVENT_PATH": str(push), "GITHUB_EVENT_NAME": "push", "GITHUB_TOKEN": None}
    )
    assert job.code == 0
    assert (
        job.stderr.strip()
        == "pmreview: warning: a push event is not a pull request: nothing to review"
    )
    assert gh.requests == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"GITHUB_EVENT_PATH": None}, "GITHUB_EVENT_PATH is not set"),
        ({"GITHUB_EVENT_PATH": "/nonexistent/event.json"}, "event file not found"),
        ({"GITHUB_REPOSITORY": None}, "GITHUB_REPOSITORY must be OWNER/NAME"),
        ({"GITHUB_REPOSITORY": "acme/../x"}, "GITHUB_REPOSITORY must be OWNER/NAME"),
        ({"GITHUB_WORKSPACE": "/nonexistent/ws"}, "is not a folder"),
        ({"GITHUB_API_URL": "ftp://example"}, "cannot reach"),
    ],
)
def test_a_broken_job_environment_is_one_line(
    bot: Bot, gh: FakeGitHub, env: dict[str, str | None], expected: str
) -> None:
    gh.add_files(7, PM)
    assert expected in one_error_line(bot(env=env))


def test_a_broken_event_file_is_one_line(bot: Bot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert "cannot read the event" in one_error_line(bot(env={"GITHUB_EVENT_PATH": str(bad)}))
    bad.write_text(json.dumps({"pull_request": {"number": 7}}), "utf-8")
    assert "head commit" in one_error_line(bot(env={"GITHUB_EVENT_PATH": str(bad)}))


def test_event_and_repo_overrides(
    bot: Bot, gh: FakeGitHub, workspace: Path, tmp_path: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(12, PM)
    (tmp_path / "other").mkdir()
    event = write_event(tmp_path / "other", number=12)
    job = bot(
        "--offline",
        "--event",
        str(event),
        "--repo",
        REPO,
        env={"GITHUB_EVENT_PATH": None, "GITHUB_REPOSITORY": None},
    )
    assert job.code == 1, job.stderr
    assert len(marker_comments(gh, 12)) == 1


# --------------------------------------------------------------------------- the review


def test_exit_code_follows_fail_on(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    assert bot("--offline", "--fail-on", "error").code == 1
    assert bot("--offline", "--fail-on", "never").code == 0
    assert bot("--offline").code == 1  # the default is error
    assert len(marker_comments(gh)) == 1


def test_a_failing_rule_leaves_the_exit_code_to_the_findings(
    bot: Bot, gh: FakeGitHub, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from pmreview.rules import registry

    def boom(*_: object) -> Iterator[Hit]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(registry(), "PM304", replace(registry()["PM304"], check=boom))
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    job = bot("--offline", "--fail-on", "never")
    assert job.code == 0
    assert "rule PM304 (timeline-entry-too-long) failed on this document" in job.stderr


def test_a_good_postmortem_passes(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    good = "incidents/2024/incident-cache.md"
    (workspace / "incidents/2024").mkdir(parents=True)
    shutil.copy(DATA / "good.md", workspace / good)
    gh.add_files(7, good)
    job = bot("--offline", "--fail-on", "warning")
    assert job.code == 0, job.stdout
    (comment,) = marker_comments(gh)
    assert "incident-cache.md" in str(comment["body"])


def test_offline_and_no_llm_configured_skip_the_llm(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    bot("--offline")
    assert "LLM review: skipped (offline)" in str(marker_comments(gh)[0]["body"])
    bot()
    assert "LLM review: skipped (no LLM endpoint configured" in str(marker_comments(gh)[0]["body"])
    assert not gh.calls("POST", "/v1/")


def test_the_llm_options_reach_the_review(
    bot: Bot, gh: FakeGitHub, workspace: Path, tmp_path: Path
) -> None:
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    job = bot("--base-url", gh.origin + "/v1", "--model", "m", "--cache-dir", str(tmp_path / "c"))
    assert job.code == 1, job.stderr
    (chat,) = gh.calls("POST", "/v1/chat/completions")
    assert json.loads(chat.body)["model"] == "m"
    assert "authorization" not in chat.headers or TOKEN not in chat.headers["authorization"]
    assert "LLM review: ok" in str(marker_comments(gh)[0]["body"])


def test_config_select_and_globs(bot: Bot, gh: FakeGitHub, workspace: Path) -> None:
    put(workspace, "ops/reviews/queue.md", VAGUE)
    put(workspace, PM, VAGUE)
    gh.add_files(7, "ops/reviews/queue.md", PM)
    put(workspace, ".pmreview.toml", 'fail-on = "never"\n')
    job = bot("--offline", "--glob", "ops/reviews/*.md")
    assert job.code == 0  # fail-on from the workspace's config
    body = str(marker_comments(gh)[0]["body"])
    assert "ops/reviews/queue.md" in body and "2024-05-queue.md" not in body
    job = bot("--offline", "--select", "PM1", "--glob", "ops/**,docs/**")
    body = str(marker_comments(gh)[0]["body"])
    assert "ops/reviews/queue.md" in body and "2024-05-queue.md" in body


def test_a_file_missing_from_the_workspace_is_an_error_entry(
    bot: Bot, gh: FakeGitHub, workspace: Path
) -> None:
    gh.add_files(7, PM)
    job = bot("--offline")
    assert job.code == 2
    assert "did the job run actions/checkout?" in job.stderr
    (comment,) = marker_comments(gh)
    assert "could not review" in str(comment["body"])


def test_a_link_out_of_the_workspace_is_not_read(
    bot: Bot, gh: FakeGitHub, workspace: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# Outage\n\nThe password is hunter2-do-not-post.\n", "utf-8")
    (workspace / "postmortem.md").symlink_to(secret)
    gh.add_files(7, "postmortem.md")
    job = bot("--offline")
    assert job.code == 2
    assert "outside the workspace" in job.stderr
    body = str(marker_comments(gh)[0]["body"])
    assert "hunter2" not in body and "hunter2" not in job.stdout


# --------------------------------------------------------------------------- the real entry point


def test_the_installed_command(gh: FakeGitHub, workspace: Path, tmp_path: Path) -> None:
    """`pmreview github` through main(), in a fresh process: two runs, one comment."""
    put(workspace, PM, VAGUE)
    gh.add_files(7, PM)
    env = {
        "PATH": "/usr/bin:/bin",
        "NO_PROXY": "127.0.0.1",
        "HOME": str(tmp_path),
        "GITHUB_EVENT_PATH": str(write_event(tmp_path)),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_API_URL": gh.url,
        "GITHUB_WORKSPACE": str(workspace),
    }
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "pmreview", "github", "--offline"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert TOKEN not in proc.stdout + proc.stderr
    assert [w.method for w in gh.writes()] == ["POST", "PATCH"]
    assert len(marker_comments(gh)) == 1
    assert_token_only_in_authorization(gh)
