"""What the bots do alike: review changed files from the job's checkout, find their earlier
comment by its marker, write the comment's body, and say what happened."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..models import DocumentReview, Report
from ..pipeline import Options, review_paths
from ..render import render
from ..render.markdown_format import MARKER
from .rest import mask

Action = Literal["created", "updated", "nothing", "would create", "would update", "not posted"]


@dataclass
class Outcome:
    action: Action
    report: Report | None = None  # None when no postmortem was reviewed
    body: str | None = None  # the comment posted (or that would be)
    url: str | None = None  # the comment's web address
    notes: list[str] = field(default_factory=list)  # warnings, one line each
    noun: str = "comment"  # what the forge calls it: a pull request's comment, an MR's note

    def summary(self) -> str:
        """What happened, in one line."""
        where, noun = (f" {self.url}" if self.url else ""), self.noun
        return {
            "nothing": f"no postmortem changed and no earlier {noun}: nothing posted",
            "created": f"created the review {noun}{where}",
            "updated": f"updated the review {noun}{where}",
            "would create": f"dry run: would create the {noun} above",
            "would update": f"dry run: would update the earlier {noun} with the one above",
            "not posted": f"the review {noun} was not posted",
        }[self.action]


def review(
    workspace: Path, names: list[str], opts: Options, jobs: int | None, missing: str
) -> Report:
    """Review the files `names` (repository paths) from the workspace; the report names them by
    those paths. A file missing from the workspace (said with `missing`), or a link out of it,
    is an error entry."""
    root = workspace.resolve()
    found: dict[str, str] = {}
    errors: list[dict[str, str]] = []
    for name in names:
        try:
            real = (root / name).resolve(strict=True)
        except (OSError, RuntimeError):
            errors.append(_error(name, missing))
            continue
        if not real.is_relative_to(root):
            errors.append(_error(name, "resolves to a file outside the workspace; not reviewed"))
        elif not real.is_file():
            errors.append(_error(name, "not a file"))
        else:
            found[str(root / name)] = name
    report = review_paths(list(found), opts, jobs)
    docs = [_renamed(d, found.get(d.path, d.path)) for d in report.documents]
    for e in report.errors:
        name = found.get(e["path"], e["path"])
        errors.append({**e, "path": name, "message": e["message"].replace(e["path"], name)})
    return Report(profile=report.profile, documents=docs, errors=errors)


def _error(name: str, message: str) -> dict[str, str]:
    return {"path": name, "message": f"{name}: {message}"}


def _renamed(d: DocumentReview, name: str) -> DocumentReview:
    if d.analysis is None:
        return replace(d, path=name)
    doc = d.analysis.document
    renamed = replace(doc, source=replace(doc.source, path=name))
    return replace(d, path=name, analysis=replace(d.analysis, document=renamed))


def find_marked(comments: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The bot's earlier comment: the first whose body starts with the marker."""
    for c in comments:
        body = c.get("body")
        if isinstance(body, str) and body.lstrip().startswith(MARKER) and "id" in c:
            return c
    return None


def marked_body(report: Report, token: str | None, **links: Any) -> str:
    """The comment on `report` (`links`: the markdown renderer's), marked, the token masked."""
    body = mask(render(report, "markdown", **links), token)
    return body if body.startswith(MARKER) else f"{MARKER}\n{body}"


def nothing_left(what: str) -> str:
    """The comment once `what` ("pull request") no longer changes any postmortem."""
    return (
        f"{MARKER}\n### pmreview\n\n"
        f"This {what} no longer changes any postmortem: nothing to review.\n"
    )
