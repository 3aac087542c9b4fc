"""The merge-request bot: the merge request's changes -> postmortems -> review -> one note,
created once and then edited in place.

It reads what a GitLab CI job on `merge_request_event` provides (CI_MERGE_REQUEST_IID,
CI_MERGE_REQUEST_PROJECT_ID, CI_PROJECT_ID, CI_API_V4_URL, CI_SERVER_URL, CI_PROJECT_PATH,
CI_COMMIT_SHA, CI_PROJECT_DIR) and a token in PMREVIEW_GITLAB_TOKEN or GITLAB_TOKEN, and
reviews the files from the job's checkout, never from the API. Printing is the command's
business: `run` returns what happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..forge.globs import matches_any
from ..forge.rest import ApiError
from ..forge.review import Action, Outcome, find_marked, marked_body, nothing_left, review
from ..models import Report
from ..pipeline import Options
from .api import DEFAULT_API_URL, TOKEN_VARIABLES, GitLab

PROJECT = re.compile(r"[0-9]+|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+")
SHA = re.compile(r"[0-9a-fA-F]{7,64}")
MISSING = "not in the job's checkout (CI_PROJECT_DIR; is GIT_STRATEGY none?)"


class NotAMergeRequest(Exception):
    """The pipeline is not for a merge request (a branch, a tag, a schedule…): exit 0."""


@dataclass(frozen=True)
class Context:
    """Where the job runs: the API, the merge request, the token and the checked-out files."""

    project: str  # the merge request's project: its id, or its path
    iid: int
    workspace: Path
    token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    link_base: str | None = None  # {server}/{project path}/-/blob/{sha}/, when all are known
    mr_url: str | None = None  # the merge request's page, for the note's address


def context(env: Mapping[str, str], *, project: str | None, mr: int | None) -> Context:
    """The job's settings from the environment (and the command's overrides)."""
    iid = mr if mr is not None else _iid(env)
    name = project or env.get("CI_MERGE_REQUEST_PROJECT_ID") or env.get("CI_PROJECT_ID", "")
    if not name:
        raise UsageError(
            "CI_PROJECT_ID is not set: run in a GitLab CI job, or pass --project ID_OR_PATH"
        )
    if not PROJECT.fullmatch(name) or ".." in name.split("/"):
        where = "--project" if project else "CI_PROJECT_ID"
        raise UsageError(f"{where} must be a project id or GROUP/NAME path, not {name!r}")
    workspace = Path(env.get("CI_PROJECT_DIR") or ".")
    if not workspace.is_dir():
        raise UsageError(f"CI_PROJECT_DIR {str(workspace)!r} is not a folder")
    server = (env.get("CI_SERVER_URL") or "").rstrip("/")
    api_url = env.get("CI_API_V4_URL") or (f"{server}/api/v4" if server else DEFAULT_API_URL)
    mr_url = env.get("CI_MERGE_REQUEST_PROJECT_URL", "").rstrip("/")
    return Context(
        project=name,
        iid=iid,
        workspace=workspace,
        token=token_of(env),
        api_url=api_url,
        link_base=_link_base(env, server or "https://gitlab.com", project),
        mr_url=f"{mr_url}/-/merge_requests/{iid}" if mr_url else None,
    )


def token_of(env: Mapping[str, str]) -> str | None:
    """The API token: PMREVIEW_GITLAB_TOKEN, else GITLAB_TOKEN."""
    return next((env[v] for v in TOKEN_VARIABLES if env.get(v)), None)


def _iid(env: Mapping[str, str]) -> int:
    value = env.get("CI_MERGE_REQUEST_IID", "")
    if not value:
        source = env.get("CI_PIPELINE_SOURCE")
        if source:
            raise NotAMergeRequest(
                f"a {source} pipeline is not for a merge request: nothing to review"
            )
        raise NotAMergeRequest(
            "CI_MERGE_REQUEST_IID is not set: not a merge request pipeline, nothing to review "
            "(or pass --mr IID)"
        )
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"CI_MERGE_REQUEST_IID must be a number, not {value!r}")
    return int(value)


def _link_base(env: Mapping[str, str], server: str, project: str | None) -> str | None:
    """Where the reviewed files are on the web: the commit the job checked out."""
    path = env.get("CI_PROJECT_PATH") or (project if project and "/" in project else "")
    sha = env.get("CI_COMMIT_SHA", "")
    if not path or not SHA.fullmatch(sha):
        return None
    return f"{server}/{path}/-/blob/{sha}/"


def require_token(ctx: Context) -> None:
    if not ctx.token:
        raise UsageError(
            "PMREVIEW_GITLAB_TOKEN is not set (CI_JOB_TOKEN cannot post notes): store a project "
            "access token with the api scope and the Reporter role in a masked CI/CD variable "
            "(or use --dry-run)"
        )


def select(diffs: Iterable[dict[str, Any]], globs: list[str]) -> list[str]:
    """The changed files that match a glob and are still there (not deleted), in order."""
    chosen: list[str] = []
    for d in diffs:
        name = d.get("new_path")
        if not isinstance(name, str) or d.get("deleted_file") is True or name in chosen:
            continue
        if matches_any(name, globs):
            chosen.append(name)
    return chosen


def note_body(report: Report | None, ctx: Context) -> str:
    if report is None:
        return nothing_left("merge request")
    if ctx.link_base is None:
        return marked_body(report, ctx.token)
    return marked_body(report, ctx.token, link_base=ctx.link_base, range_end="-")


def run(
    ctx: Context,
    opts: Options,
    globs: list[str],
    *,
    jobs: int | None = None,
    dry_run: bool = False,
    api: GitLab | None = None,
) -> Outcome:
    """List the merge request's changes, review its postmortems, and create or edit the one
    note (or, with `dry_run`, only say which and return its body)."""
    with api or GitLab(ctx.api_url, ctx.token) as gl:
        names = select(gl.mr_diffs(ctx.project, ctx.iid), globs)
        report = review(ctx.workspace, names, opts, jobs, MISSING) if names else None
        existing = find_marked(gl.mr_notes(ctx.project, ctx.iid))
        if report is None and existing is None:
            return Outcome("nothing", noun="note")
        body = note_body(report, ctx)
        if dry_run:
            action: Action = "would update" if existing else "would create"
            return Outcome(action, report, body, noun="note")
        outcome = _post(gl, ctx, body, existing)
    outcome.report = report
    return outcome


def _post(gl: GitLab, ctx: Context, body: str, existing: dict[str, Any] | None) -> Outcome:
    if existing is not None:
        try:
            done = gl.update_note(ctx.project, ctx.iid, int(existing["id"]), body)
            return Outcome("updated", body=body, url=_url(ctx, done), noun="note")
        except ApiError as exc:  # deleted since it was listed: post a new one
            if exc.status != 404:
                raise
    done = gl.create_note(ctx.project, ctx.iid, body)
    return Outcome("created", body=body, url=_url(ctx, done), noun="note")


def _url(ctx: Context, note: dict[str, Any]) -> str | None:
    note_id = note.get("id")
    return f"{ctx.mr_url}#note_{note_id}" if ctx.mr_url and note_id else None
