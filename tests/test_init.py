"""`pmreview init`: a template per profile that, unfilled, reports only what is left to fill,
and, filled, passes its profile."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pmreview.pipeline import Options, review_text

PLACEHOLDER = re.compile(r"\[insert[^\]\n]*\]|\bXX:XX\b")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def _visible_placeholder_lines(text: str) -> set[int]:
    """1-based lines with a placeholder outside HTML comments."""
    blanked = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return {blanked.count("\n", 0, m.start()) + 1 for m in PLACEHOLDER.finditer(blanked)}


@pytest.mark.parametrize("profile", ["default", "google-sre"])
def test_an_unfilled_template_reports_only_what_is_left_to_fill(
    cli: Callable[..., Result], in_tmp: Path, profile: str
) -> None:
    result = cli("init", "--profile", profile)
    assert result.exit_code == 0, result.output
    assert "postmortem.md" in result.stdout
    text = (in_tmp / "postmortem.md").read_text()
    review = review_text(text, opts=Options(profile=profile, offline=True))
    assert {f.category for f in review.findings} == {"placeholder", "structure"}
    reported: set[int] = set()
    for f in review.findings:
        if f.rule == "PM801":
            reported.add(f.line)
            again = re.search(r"again on lines? ([\d, ]+)\)", f.message)
            reported.update(int(n) for n in again[1].split(", ")) if again else None
    assert _visible_placeholder_lines(text) <= reported
    assert any(c.status == "fail" for c in review.checks.values())


def test_the_default_template_filled_in_passes_every_check(in_tmp: Path) -> None:
    from pmreview.scaffold import template

    values = iter(
        [
            "Checkout errors for 38% of customers",
            "14:02 UTC",
            "14:47 UTC",
            "3 March 2026",
            "45 minutes",
            "the checkout page returned HTTP 500 errors",
            "38% of customers",
            "a retry loop in payments-api 4.2.0 that exhausted the payments-db connection pool",
            "UTC",
            "14:02 UTC",
            'The "checkout 5xx above 2%" alert paged the on-call engineer.',
            "14:09 UTC",
            "Suspected the CDN (maintenance window): a red herring, its logs were clean.",
            "14:18 UTC",
            "Escalated to the payments team.",
            "14:47 UTC",
            "Rolled back payments-api to 4.1.3; the 5xx rate fell to 0.1%.",
            "payments-api 4.2.0 retried failed database calls without a limit, so each request "
            "held a connection while retrying and the pool of 200 connections ran out.",
            "We rolled back payments-api to 4.1.3 and watched pool usage fall below 40% within "
            "5 minutes.",
            "Retries need a limit, and pool exhaustion must page before customers notice.",
            "Add an alert on payments-db connection pool usage above 80%",
            "payments team",
            "PAY-1234",
            "Limit retries in the payments-api database client to 3 with backoff",
            "payments team",
            "PAY-1235",
        ]
    )
    text = template("default")
    filled = re.sub(  # placeholders outside comments (the guidance mentions them too)
        r"<!--.*?-->|\[insert[^\]\n]*\]|(?<=^- )XX:XX",
        lambda m: m[0] if m[0].startswith("<!--") else next(values),
        text,
        flags=re.M | re.S,
    )
    assert next(values, None) is None, "the template has fewer placeholders than this test"
    review = review_text(filled, opts=Options(offline=True))
    assert {cid for cid, c in review.checks.items() if c.status != "pass"} == set()
    assert review.findings == []
    assert review.score["overall"] == 100


def test_init_refuses_to_overwrite_without_force(cli: Callable[..., Result], in_tmp: Path) -> None:
    target = in_tmp / "pm.md"
    target.write_text("my notes\n")
    result = cli("init", "pm.md")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "pmreview: error: pm.md already exists; pass --force to overwrite it"
    )
    assert target.read_text() == "my notes\n"
    assert cli("init", "pm.md", "--force").exit_code == 0
    assert "[insert" in target.read_text()


def test_init_into_a_folder_and_to_stdout(cli: Callable[..., Result], in_tmp: Path) -> None:
    (in_tmp / "docs").mkdir()
    assert cli("init", "docs").exit_code == 0
    assert (in_tmp / "docs" / "postmortem.md").is_file()
    printed = cli("init", "-", "--profile", "google-sre")
    assert printed.exit_code == 0 and printed.stdout.startswith("# [insert a title")
    assert not (in_tmp / "-").exists()


def test_a_custom_profile_brings_its_own_template(
    cli: Callable[..., Result], in_tmp: Path, repo: Path
) -> None:
    schema = json.loads((repo / "schemas" / "profiles" / "google-sre.schema.json").read_text())
    (in_tmp / "team.schema.json").write_text(json.dumps(schema))
    missing = cli("init", "x.md", "--profile", "team.schema.json")
    assert missing.exit_code == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "x-template" in missing.stderr
    (in_tmp / "tpl").mkdir()
    (in_tmp / "tpl" / "team.md").write_text("# Our template\n\n[insert the summary]\n")
    (in_tmp / "team.schema.json").write_text(json.dumps({**schema, "x-template": "tpl/team.md"}))
    assert cli("init", "x.md", "--profile", "team.schema.json").exit_code == 0
    assert (in_tmp / "x.md").read_text().startswith("# Our template")


def test_unknown_profile_is_a_usage_error(cli: Callable[..., Result], in_tmp: Path) -> None:
    result = cli("init", "--profile", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("pmreview: error: unknown profile 'nope'")
    assert not (in_tmp / "postmortem.md").exists()
