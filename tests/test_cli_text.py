"""Text output details that an author notices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

TEXT = """## Summary
On 2025-01-10 from 10:00 to 11:00 UTC (1 hour) 12% of users saw 503 errors on checkout-api.
The cause was a glitch.

## Root cause
Some framework problem.
"""


def test_a_rules_suggestion_is_shown_once_per_document(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "pm.md").write_text(TEXT)
    out = cli("check", "--select", "PM101", str(in_tmp / "pm.md")).stdout
    assert out.count("PM101") == 2
    assert out.count("→ ") == 1
    verbose = cli("check", "--select", "PM101", "-v", str(in_tmp / "pm.md")).stdout
    assert verbose.count("→ ") == 2


def test_unknown_selectors_are_warned_about(cli: Callable[..., Result], in_tmp: Path) -> None:
    (in_tmp / "pm.md").write_text(TEXT)
    result = cli("check", "--ignore", "PM999,sumary,PM1,summary", str(in_tmp / "pm.md"))
    warnings = result.stderr.splitlines()
    assert warnings == [
        "pmreview: warning: 'PM999' matches no rule or check (see pmreview rules)",
        "pmreview: warning: 'sumary' matches no rule or check (see pmreview rules)",
    ]


def test_verbose_shows_each_pass_with_its_line_and_words(
    cli: Callable[..., Result], in_tmp: Path
) -> None:
    (in_tmp / "pm.md").write_text(
        "# API outage\n\n## Summary\n\nThe API failed at 10:30 UTC after a config push.\n",
        encoding="utf-8",
    )
    quiet = cli("check", "--offline", str(in_tmp / "pm.md")).stdout
    verbose = cli("check", "--offline", "-v", str(in_tmp / "pm.md")).stdout
    assert "✓" not in quiet
    assert "✓ summary.start_time  line 5: “10:30 UTC”" in verbose
    assert "✓ summary.present     line 3: “Summary”" in verbose
    assert "summary.end_time" not in verbose.split("── Present")[1].split("\n\n")[0]
