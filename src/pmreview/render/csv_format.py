"""CSV for spreadsheets: a header row, then one row per document: its path, its specificity
score, the status of each check of the profile (one column per check id, in the profile's
order; empty where a document has no verdict), and its number of error, warning and info
findings. Lines end with LF. Unreadable inputs have no row (they are reported on stderr)."""

from __future__ import annotations

import csv
import io

from ..catalog import load
from ..errors import UsageError
from ..models import Report

SEVERITIES = ("error", "warning", "info")


def check_ids(report: Report) -> list[str]:
    """The profile's check ids in order; for a profile that cannot be loaded by its name (a
    custom profile file, named by its title), the ids the documents carry."""
    try:
        ids = [e.id for e in load(report.profile).entries if e.kind == "check"]
    except UsageError:
        ids = []
    return list(dict.fromkeys(ids + [cid for d in report.documents for cid in d.checks]))


def render(report: Report, **_: object) -> str:
    ids = check_ids(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["path", "score", *ids, *SEVERITIES])
    for d in report.documents:
        statuses = [d.checks[cid].status if cid in d.checks else "" for cid in ids]
        counts = [sum(f.severity == sev for f in d.findings) for sev in SEVERITIES]
        writer.writerow([d.path, d.score["overall"], *statuses, *counts])
    return out.getvalue()
