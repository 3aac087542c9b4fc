"""The pull-request bot: event -> changed postmortems -> review -> one comment, created once and
then updated in place.

It reads what a GitHub Actions job provides (GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
GITHUB_TOKEN, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY) and
reviews the files from the checked-out workspace, never from the API. Printing is the
command's business: `run` returns what happened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..forge.globs import matches_any
from ..forge.rest import ApiError
from ..forge.review import Outcome, find_marked, marked_body, nothing_left
from ..forge.review import review as review_files
from ..models import Report
from ..pipeline import Options
from .api import DEFAULT_API_URL, GitHub

DEFAULT_SERVER_URL = "https://github.com"
REPO_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
SHA = re.compile(r"[0-9a-fA-F]{7,64}")


class NotAPullRequest(Exception):
    """The event is not about a pull request (push, schedule…): nothing to do, exit 0."""


@dataclass(frozen=True)
class Context:
    """Where the job runs: the API, the repository, the token and the checked-out files."""

    repo: str
    event_path: Path
    workspace: Path
    token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    server_url: str = DEFAULT_SERVER_URL
    step_summary: Path | None = None


@dataclass(frozen=True)
class PullRequest:
    number: int
    head_sha: str
    fork: bool = False  # its head is in another repository: the token is read-only


def context(env: Mapping[str, str], *, event: str | None, repo: str | None) -> Context:
    """The job's settings from the environment (and the command's overrides)."""
    event_path = event or env.get("GITHUB_EVENT_PATH")
    if not event_path:
        raise UsageError(
            "GITHUB_EVENT_PATH is not set: run in a GitHub Actions job on pull_request, "
            "or pass --event FILE"
        )
    name = repo or env.get("GITHUB_REPOSITORY", "")
    if not REPO_NAME.fullmatch(name) or ".." in name.split("/"):
        where = "--repo" if repo else "GITHUB_REPOSITORY"
        raise UsageError(f"{where} must be OWNER/NAME, not {name!r}")
    workspace = Path(env.get("GITHUB_WORKSPACE") or ".")
    if not workspace.is_dir():
        raise UsageError(f"GITHUB_WORKSPACE {str(workspace)!r} is not a folder")
    summary = env.get("GITHUB_STEP_SUMMARY")
    return Context(
        repo=name,
        event_path=Path(event_path),
        workspace=workspace,
        token=env.get("GITHUB_TOKEN") or None,
        api_url=env.get("GITHUB_API_URL") or DEFAULT_API_URL,
        server_url=(env.get("GITHUB_SERVER_URL") or DEFAULT_SERVER_URL).rstrip("/"),
        step_summary=Path(summary) if summary else None,
    )


def require_token(ctx: Context) -> None:
    if not ctx.token:
        raise UsageError(
            "GITHUB_TOKEN is not set: give the step `env: GITHUB_TOKEN: ${{ github.token }}` "
            "(or use --dry-run)"
        )


def read_event(path: Path, event_name: str | None = None) -> PullRequest:
    """The pull request of a pull_request (or pull_request_target) event payload."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: event file not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the event ({' '.join(str(exc).split())})") from None
    pr = data.get("pull_request") if isinstance(data, dict) else None
    if not isinstance(pr, dict):
        kind = f"a {event_name} event" if event_name else "an event without a pull_request"
        raise NotAPullRequest(f"{kind} is not a pull request: nothing to review")
    number = pr.get("number", data.get("number"))
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise UsageError(f"{path}: the event has no pull request number")
    sha = (pr.get("head") or {}).get("sha")
    if not isinstance(sha, str) or not SHA.fullmatch(sha):
        raise UsageError(f"{path}: the event has no head commit (pull_request.head.sha)")
    head = ((pr.get("head") or {}).get("repo") or {}).get("full_name")
    base = ((pr.get("base") or {}).get("repo") or {}).get("full_name")
    return PullRequest(number, sha, fork=bool(head and base and head != base))


def select(files: Iterable[dict[str, Any]], globs: list[str]) -> list[str]:
    """The changed files that match a glob and are still there (not "removed"), in order."""
    chosen: list[str] = []
    for f in files:
        name = f.get("filename")
        if not isinstance(name, str) or f.get("status") == "removed" or name in chosen:
            continue
        if matches_any(name, globs):
            chosen.append(name)
    return chosen


def review(workspace: Path, names: list[str], opts: Options, jobs: int | None) -> Report:
    """Review the changed files `names` from the checked-out workspace."""
    missing = "not in the workspace (did the job run actions/checkout?)"
    return review_files(workspace, names, opts, jobs, missing)


def comment_body(report: Report | None, ctx: Context, pr: PullRequest) -> str:
    if report is None:
        return nothing_left("pull request")
    return marked_body(
        report, ctx.token, link_base=f"{ctx.server_url}/{ctx.repo}/blob/{pr.head_sha}/"
    )


def run(
    ctx: Context,
    pr: PullRequest,
    opts: Options,
    globs: list[str],
    *,
    jobs: int | None = None,
    dry_run: bool = False,
    api: GitHub | None = None,
) -> Outcome:
    """List the pull request's files, review its postmortems, and create or update the one
    comment (or, with `dry_run`, only say which and return its body)."""
    with api or GitHub(ctx.api_url, ctx.token) as gh:
        names = select(gh.pull_files(ctx.repo, pr.number), globs)
        report = review(ctx.workspace, names, opts, jobs) if names else None
        existing = find_marked(gh.issue_comments(ctx.repo, pr.number))
        if report is None and existing is None:
            return Outcome("nothing")
        body = comment_body(report, ctx, pr)
        if dry_run:
            return Outcome("would update" if existing else "would create", report, body)
        outcome = _post(gh, ctx, pr, body, existing)
    outcome.report = report
    if ctx.step_summary is not None:
        try:
            with ctx.step_summary.open("a", encoding="utf-8") as f:
                f.write(body + "\n")
        except OSError as exc:
            outcome.notes.append(f"cannot write the step summary ({exc.strerror})")
    return outcome


def _post(
    gh: GitHub, ctx: Context, pr: PullRequest, body: str, existing: dict[str, Any] | None
) -> Outcome:
    try:
        if existing is not None:
            try:
                done = gh.update_comment(ctx.repo, int(existing["id"]), body)
                return Outcome("updated", body=body, url=done.get("html_url"))
            except ApiError as exc:  # deleted since it was listed: post a new one
                if exc.status != 404:
                    raise
        done = gh.create_comment(ctx.repo, pr.number, body)
        return Outcome("created", body=body, url=done.get("html_url"))
    except ApiError as exc:
        if not (pr.fork and exc.status == 403 and "rate limit" not in str(exc)):
            raise
        note = (
            "this pull request comes from a fork, whose token is read-only: the review was "
            "not posted (it is in this log and the job summary)"
        )
        return Outcome("not posted", body=body, notes=[note])
