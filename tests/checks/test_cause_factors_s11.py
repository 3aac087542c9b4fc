"""root_cause.detail quotes the cause proper, from the root-cause section, before the factors
that made it worse ("## Contributing factors", "### Why it took so long"), which tell how a
fault went unseen or spread; a section that names both ("Root cause and contributing
factors") is the cause's own. Examples written for these tests."""

from __future__ import annotations

import pytest

from pmreview.checks.causes import root_cause
from pmreview.parse import parse
from pmreview.source import from_text

_CAUSE = (
    "## Root cause\n\n"
    "The new writer stores each block's offset in a `u32` field. Segments on the largest"
    " shards pass 4 GiB, so the offset wrapped around past that mark and the reader seeked to"
    " an unrelated block.\n\n"
)
_FACTOR = (
    "- **Silent skip.** The decoder logs a failed length check at `debug` and returns partial"
    " results, so nothing alerted on it.\n"
    "- **Small test data.** Our staging segments never exceed 2 GiB.\n"
)


def _detail(body: str) -> str | None:
    doc = parse(from_text("# Search outage\n\n## Summary\n\nSearch degraded.\n\n" + body))
    found = root_cause(doc)["detail"]
    return None if found is None else found["quote"]


@pytest.mark.parametrize(
    "title",
    ["## Contributing factors", "## Contributing Factors", "## Factors that made it worse"],
)
def test_the_cause_before_its_factors(title: str) -> None:
    quote = _detail(_CAUSE + f"{title}\n\n" + _FACTOR)
    assert quote is not None and "u32" in quote or "wrapped" in str(quote), quote


def test_a_section_naming_both_is_read_whole() -> None:
    quote = _detail(
        "## Root cause and contributing factors\n\n"
        "A cron job rotated `/var/log/app.log` while the app held it open, so the disk filled"
        " with the deleted file.\n"
    )
    assert quote is not None and "cron job" in quote, quote


def test_factors_are_read_when_the_cause_section_names_nothing() -> None:
    quote = _detail("## Root cause\n\nSome issue.\n\n## Contributing factors\n\n" + _FACTOR)
    assert quote is not None and "`debug`" in quote, quote
