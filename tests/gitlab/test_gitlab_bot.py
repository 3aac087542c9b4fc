"""`pmreview gitlab` end to end against a GitLab-compatible server on 127.0.0.1: one note,
created and then edited in place; pagination followed; every failure in one line; the token
only ever in the PRIVATE-TOKEN header."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _gitlab_support import (
    HEAD_SHA,
    PROJECT_PATH,
    SERVER,
    TOKEN,
    VAGUE,
    VAGUE_V2,
    Bot,
    FakeGitLab,
    Job,
    job_env,
    put,
)

from pmreview.render.markdown_format import MARKER

PM = "docs/postmortems/2024-06-db.md"
NOTES = "/api/v4/projects/42/merge_requests/7/notes"


def marker_notes(gl: FakeGitLab, iid: int = 7) -> list[dict[str, object]]:
    return [n for n in gl.notes_on(iid) if str(n["body"]).startswith(MARKER)]


def assert_token_only_in_private_token(gl: FakeGitLab) -> None:
    assert gl.requests
    for r in gl.requests:
        assert TOKEN not in r.target and TOKEN not in r.body, r
        assert r.headers.get("private-token") == TOKEN
        assert all(TOKEN not in v for k, v in r.headers.items() if k != "private-token"), r


def one_error_line(job: Job) -> str:
    assert job.code == 2, (job.stdout, job.stderr)
    lines = job.stderr.strip().splitlines()
    assert len(lines) == 1, job.stderr
    assert lines[0].startswith("pmreview: error: ")
    return lines[0]


# --------------------------------------------------------------------------- one note


def test_two_runs_leave_one_note_edited_in_place(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    put(workspace, "src/app.py", "print('hi')\n")
    gl.add_diffs(7, PM, "src/app.py")
    gl.add_note(7, "Looks good to me!")
    gl.add_note(7, "added 1 commit", system=True)

    first = bot("--offline", "--fail-on", "never")
    assert first.code == 0, first.stderr
    (post,) = gl.writes()
    assert post.method == "POST" and post.path == NOTES
    (note,) = marker_notes(gl)
    body = str(note["body"])
    assert json.loads(post.body) == {"body": body}
    assert "2024-06-db.md" in body and "app.py" not in body
    assert f"created the review note {SERVER}/{PROJECT_PATH}/-/merge_requests/7#note_" in (
        first.stderr
    )
    assert "2024-06-db.md" in first.stdout  # the text report, for the job log

    put(workspace, PM, VAGUE_V2)
    second = bot("--offline", "--fail-on", "never")
    assert second.code == 0, second.stderr
    assert [w.method for w in gl.writes()] == ["POST", "PUT"]
    assert gl.writes()[1].path == f"{NOTES}/{note['id']}"
    (edited,) = marker_notes(gl)
    assert edited["id"] == note["id"] and edited["body"] != body
    assert len(gl.notes_on(7)) == 3  # the human's, the system's and the bot's
    assert "updated the review note" in second.stderr
    assert_token_only_in_private_token(gl)


def test_headers_and_blob_links(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    bot("--offline")
    for r in gl.requests:
        assert r.headers["user-agent"].startswith("pmreview/")
        assert "authorization" not in r.headers and "job-token" not in r.headers
    (note,) = marker_notes(gl)
    assert f"({SERVER}/{PROJECT_PATH}/-/blob/{HEAD_SHA}/{PM}#L" in str(note["body"])


def test_without_a_commit_the_note_has_no_links(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    bot("--offline", env={"CI_COMMIT_SHA": None})
    body = str(marker_notes(gl)[0]["body"])
    assert f"{PM}:" in body and "/-/blob/" not in body


def test_a_merge_request_without_postmortems_gets_no_note(
    bot: Bot, gl: FakeGitLab, workspace: Path
) -> None:
    put(workspace, "README.md", "# Hello\n")
    gl.add_diffs(7, "README.md", "src/app.py")
    job = bot()
    assert job.code == 0
    assert gl.writes() == [] and gl.notes_on(7) == []
    assert job.stdout == ""
    assert "no postmortem changed and no earlier note: nothing posted" in job.stderr


def test_a_deleted_postmortem_updates_the_earlier_note(
    bot: Bot, gl: FakeGitLab, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    bot("--offline")
    gl.diffs[7] = []
    gl.add_diffs(7, PM, deleted=True)
    (workspace / PM).unlink()
    job = bot("--offline", "--fail-on", "error")
    assert job.code == 0, job.stderr
    assert [w.method for w in gl.writes()] == ["POST", "PUT"]
    assert "This merge request no longer changes any postmortem" in str(marker_notes(gl)[0]["body"])


def test_dry_run_prints_the_note_and_posts_nothing(
    bot: Bot, gl: FakeGitLab, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    job = bot("--dry-run", "--offline", "--fail-on", "error")
    assert job.code == 1
    assert job.stdout.startswith(MARKER) and "2024-06-db.md" in job.stdout
    assert "dry run: would create the note above" in job.stderr
    assert {r.method for r in gl.requests} == {"GET"}


def test_dry_run_needs_no_token(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    nid = gl.add_note(7, f"{MARKER}\nold review")
    job = bot("--dry-run", "--offline", env={"PMREVIEW_GITLAB_TOKEN": None})
    assert job.stdout.startswith(MARKER) and "would update" in job.stderr
    assert all("private-token" not in r.headers for r in gl.requests)
    assert gl.writes() == [] and gl.notes_on(7)[0]["id"] == nid


def test_without_a_token_it_says_how_to_give_one(bot: Bot, gl: FakeGitLab) -> None:
    line = one_error_line(bot(env={"PMREVIEW_GITLAB_TOKEN": None}))
    assert "PMREVIEW_GITLAB_TOKEN is not set (CI_JOB_TOKEN cannot post notes)" in line
    assert "api scope" in line and gl.requests == []


def test_gitlab_token_is_the_fallback(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    job = bot("--offline", env={"PMREVIEW_GITLAB_TOKEN": None, "GITLAB_TOKEN": TOKEN})
    assert job.code == 1, job.stderr
    assert len(marker_notes(gl)) == 1
    assert_token_only_in_private_token(gl)


def test_a_note_deleted_meanwhile_is_posted_anew(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    gl.add_note(7, f"{MARKER}\nold")
    gl.fail("PUT", "/notes/", 404, {"message": "404 Note Not Found"})
    job = bot("--offline", "--fail-on", "never")
    assert job.code == 0, job.stderr
    assert [w.method for w in gl.writes()] == ["PUT", "POST"]
    assert "created the review note" in job.stderr


# --------------------------------------------------------------------------- pagination


def test_pagination_of_diffs_and_notes(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    gl.add_diffs(7, *[f"src/module_{i}.py" for i in range(6)], PM)  # page 4 of 2-item pages
    put(workspace, PM, VAGUE)
    for i in range(4):
        gl.add_note(7, f"note {i}")
    nid = gl.add_note(7, f"{MARKER}\nan earlier review")  # the 5th note: page 3
    gl.add_note(7, "a later note")

    job = bot("--offline", "--fail-on", "never")
    assert job.code == 0, job.stderr
    diff_pages = [r.query.get("page", "1") for r in gl.calls("GET", r"/diffs$")]
    note_pages = [r.query.get("page", "1") for r in gl.calls("GET", r"/notes$")]
    assert diff_pages == ["1", "2", "3", "4"]
    assert note_pages[:3] == ["1", "2", "3"]  # it may stop once it has found its note
    first_notes = gl.calls("GET", r"/notes$")[0].query
    assert first_notes == {"per_page": "100", "sort": "asc", "order_by": "created_at"}
    (write,) = gl.writes()
    assert write.method == "PUT" and write.path == f"{NOTES}/{nid}"
    assert len(gl.notes_on(7)) == 6


def test_a_next_link_to_another_host_is_not_followed(
    bot: Bot, gl: FakeGitLab, workspace: Path
) -> None:
    gl.link_host = "http://127.0.0.2:9"  # loopback, so a request there would not leave
    gl.add_diffs(7, "a.py", "b.py", PM)
    line = one_error_line(bot("--offline"))
    assert "another host" in line and len(gl.requests) == 1


def test_the_project_by_path_and_the_mr_by_option(
    bot: Bot, gl: FakeGitLab, workspace: Path
) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(12, PM)
    unset: dict[str, str | None] = {
        name: None
        for name in ("CI_MERGE_REQUEST_IID", "CI_MERGE_REQUEST_PROJECT_ID", "CI_PROJECT_ID")
    }
    job = bot("--offline", "--project", PROJECT_PATH, "--mr", "12", env=unset)
    assert job.code == 1, job.stderr
    assert len(marker_notes(gl, 12)) == 1
    assert all(
        r.target.startswith("/api/v4/projects/acme%2Fops/merge_requests/12/") for r in gl.requests
    )


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("method", "path", "status", "body", "headers", "expected"),
    [
        ("GET", "/diffs", 401, {"message": "401 Unauthorized"}, {}, "rejected the token"),
        (
            "POST",
            "/notes",
            403,
            {"message": "403 Forbidden"},
            {},
            "needs the api scope, and its user at least the Reporter role",
        ),
        (
            "GET",
            "/diffs",
            403,
            {"error": "insufficient_scope", "error_description": "higher privileges"},
            {},
            "the token lacks the api scope",
        ),
        ("GET", "/diffs", 404, {"message": "404 Project Not Found"}, {}, "404 Project Not Found"),
        ("GET", "/notes", 429, {"message": "Retry later"}, {"Retry-After": "30"}, "retry after 30"),
        ("GET", "/diffs", 429, "Retry later", {}, "wait a few minutes"),
        (
            "POST",
            "/notes",
            422,
            {"message": {"note": ["is too long (maximum is 1000000 characters)"]}},
            {},
            "could not process the request (HTTP 422: note is too long",
        ),
        ("POST", "/notes", 400, {"error": "body is missing"}, {}, "HTTP 400: body is missing"),
        ("GET", "/diffs", 502, None, {}, "GitLab server error (HTTP 502)"),
    ],
)
def test_http_faults_give_one_clean_line(
    bot: Bot,
    gl: FakeGitLab,
    workspace: Path,
    method: str,
    path: str,
    status: int,
    body: object,
    headers: dict[str, str],
    expected: str,
) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    gl.fail(method, path, status, body, headers)
    job = bot("--offline")
    line = one_error_line(job)
    assert expected in line, line
    assert "42!7" in line
    assert job.stdout == "" and gl.notes_on(7) == []


def test_rate_limit_says_when_it_resets(bot: Bot, gl: FakeGitLab) -> None:
    reset = int(time.time()) + 1800
    gl.fail("GET", "/diffs", 429, {"message": "Retry later"}, {"RateLimit-Reset": str(reset)})
    line = one_error_line(bot())
    assert "rate limited by GitLab (HTTP 429: Retry later)" in line
    assert time.strftime("%H:%M:%S UTC", time.gmtime(reset)) in line
    assert "in about 30 min" in line


def test_a_wrong_token_is_masked_everywhere(bot: Bot, gl: FakeGitLab) -> None:
    gl.token = "glpat-other"  # the server expects another token: 401
    assert "rejected the token" in one_error_line(bot())


def test_a_server_that_is_down(bot: Bot) -> None:
    line = one_error_line(bot(env={"CI_API_V4_URL": "http://127.0.0.1:9/api/v4"}))
    assert "cannot reach http://127.0.0.1:9/api/v4" in line


# --------------------------------------------------------------------------- the job


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (
            {"CI_PIPELINE_SOURCE": "push", "CI_MERGE_REQUEST_IID": None},
            "a push pipeline is not for a merge request: nothing to review",
        ),
        (
            {"CI_PIPELINE_SOURCE": None, "CI_MERGE_REQUEST_IID": None},
            "CI_MERGE_REQUEST_IID is not set: not a merge request pipeline",
        ),
    ],
)
def test_outside_a_merge_request_pipeline_a_warning_and_exit_0(
    bot: Bot, gl: FakeGitLab, env: dict[str, str | None], expected: str
) -> None:
    job = bot(env={**env, "PMREVIEW_GITLAB_TOKEN": None})
    assert job.code == 0
    assert job.stderr.startswith("pmreview: warning: ") and expected in job.stderr
    assert len(job.stderr.strip().splitlines()) == 1 and gl.requests == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"CI_MERGE_REQUEST_IID": "seven"}, "CI_MERGE_REQUEST_IID must be a number"),
        (
            {"CI_MERGE_REQUEST_PROJECT_ID": None, "CI_PROJECT_ID": None},
            "CI_PROJECT_ID is not set",
        ),
        ({"CI_MERGE_REQUEST_PROJECT_ID": "acme/../x"}, "must be a project id or GROUP/NAME"),
        ({"CI_PROJECT_DIR": "/nonexistent/ws"}, "is not a folder"),
        ({"CI_API_V4_URL": "ftp://example"}, "cannot reach"),
    ],
)
def test_a_broken_job_environment_is_one_line(
    bot: Bot, gl: FakeGitLab, env: dict[str, str | None], expected: str
) -> None:
    gl.add_diffs(7, PM)
    assert expected in one_error_line(bot(env=env))


# --------------------------------------------------------------------------- the review


def test_exit_code_follows_fail_on(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    assert bot("--offline", "--fail-on", "error").code == 1
    assert bot("--offline", "--fail-on", "never").code == 0
    assert bot("--offline").code == 1  # the default is error
    put(workspace, ".pmreview.toml", 'fail-on = "never"\n')
    assert bot("--offline").code == 0  # the project's config
    assert len(marker_notes(gl)) == 1


def test_select_and_globs(bot: Bot, gl: FakeGitLab, workspace: Path) -> None:
    put(workspace, "ops/reviews/db.md", VAGUE)
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, "ops/reviews/db.md", PM)
    bot("--offline", "--glob", "ops/reviews/*.md")
    body = str(marker_notes(gl)[0]["body"])
    assert "ops/reviews/db.md" in body and "2024-06-db.md" not in body
    bot("--offline", "--select", "PM1", "--glob", "ops/**,docs/**")
    body = str(marker_notes(gl)[0]["body"])
    assert "ops/reviews/db.md" in body and "2024-06-db.md" in body


def test_a_file_missing_from_the_checkout_is_an_error_entry(bot: Bot, gl: FakeGitLab) -> None:
    gl.add_diffs(7, PM)
    job = bot("--offline")
    assert job.code == 2
    assert "not in the job's checkout" in job.stderr
    assert "could not review" in str(marker_notes(gl)[0]["body"])


# --------------------------------------------------------------------------- the real entry point


def test_the_installed_command(gl: FakeGitLab, workspace: Path, tmp_path: Path) -> None:
    """`pmreview gitlab` through main(), in a fresh process: two runs, one note."""
    put(workspace, PM, VAGUE)
    gl.add_diffs(7, PM)
    env = {"PATH": "/usr/bin:/bin", "NO_PROXY": "127.0.0.1", "HOME": str(tmp_path)}
    env |= {"PYTHONPATH": os.environ.get("PYTHONPATH", ""), **job_env(gl, workspace)}
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "pmreview", "gitlab", "--offline"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert TOKEN not in proc.stdout + proc.stderr
    assert [w.method for w in gl.writes()] == ["POST", "PUT"]
    assert len(marker_notes(gl)) == 1
    assert_token_only_in_private_token(gl)
