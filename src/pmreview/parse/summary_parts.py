"""The summary's parts under their own titles (Impact, Duration, and with them Root cause):
which sections stand for the summary or join it by their titles alone (spec/checks.md)."""

from __future__ import annotations

from ..models import Section
from .labelled import SUMMARY_PART
from .titles import kinds_of


def leading_parts(secs: list[Section]) -> list[Section]:
    """With no summary section, a document that opens with the summary's parts under their
    own titles ("Duration:" with its start and end, "Impact:", "Root cause:") before anything
    else: those parts are its summary. At least two, one a Duration or Impact part."""
    out = []
    for s in secs:
        own = kinds_of(s.title)
        if not own or not own <= SUMMARY_PART | {"root_cause"} or not s.blocks:
            break
        out.append(s)
    kinds = {k for s in out for k in s.kinds}
    return out if len(out) >= 2 and kinds & SUMMARY_PART else []


def own_parts(after: list[Section]) -> list[Section]:
    """The sections right after the title that are Impact, Duration or Root-cause parts by
    their own titles."""
    out = []
    for s in after:
        own = kinds_of(s.title)
        if not own or not own <= SUMMARY_PART:
            break
        out.append(s)
    return out
