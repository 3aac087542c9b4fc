"""timeline.misleading: a theory told in a timeline's present tense ("The on-call believes the
disk is bad") and then found sound, a theory dropped in other words ("the cache theory is
discounted", "disproved"), and a path named by what it was afterwards ("a plausible but wrong
explanation"); a belief that was right, a fix that did not help alone, and a wrong value that
was found are no path (examples written for these tests)."""

from __future__ import annotations

import pytest
from _support import doc_of

from pmreview.checks.timeline import timeline

ROOT = "\n\n## Root cause\n\nThe disk of `db-1` filled up with binary logs.\n"


def _misleading(*entries: str, after: str = "") -> bool:
    body = "\n".join(f"- 10:{10 + 5 * i:02d} UTC - {x}" for i, x in enumerate(entries))
    doc = doc_of(f"# Outage\n\n## Timeline\n\n{body}{ROOT}{after}")
    return timeline(doc)["misleading"] is not None


@pytest.mark.parametrize(
    "entries",
    [
        (
            "The on-call believes the pump on chiller 2 failed and walks to the roof.",
            "Chiller 2 found running normally.",
        ),
        (
            "Operations assume a bad input file and ask for a new one.",
            "New file arrives; the job stops on the same row. The bad-file theory is discounted.",
        ),
        ("Ana suspects the proxy certificate.", "The certificate theory is disproved by a test."),
    ],
)
def test_a_theory_dropped_in_other_words(entries: tuple[str, ...]) -> None:
    assert _misleading(*entries)


@pytest.mark.parametrize(
    "factor",
    [
        "The deploy an hour earlier gave a plausible but wrong explanation, and we rolled it back.",
        "The cache alert was a false lead that cost us forty minutes.",
        "A config change that morning offered a convincing wrong explanation for the errors.",
    ],
)
def test_a_path_named_by_what_it_was(factor: str) -> None:
    after = f"\n## Contributing factors\n\n- {factor}\n"
    assert _misleading("Disk alert fires for db-1.", "We clear old binlogs.", after=after)


@pytest.mark.parametrize(
    "entries",
    [
        ("The on-call believes the disk of db-1 is full.", "Confirmed: db-1 is at 100%."),
        ("We restart the API.", "Errors continue."),
        ("Found the wrong explanation text in the error page template.",),
    ],
)
def test_no_path(entries: tuple[str, ...]) -> None:
    assert not _misleading(*entries)
