"""`pmreview explain`: every id and slug `pmreview rules` lists is explained from the rules' own
documentation, no part is missing, the examples do what they say, and docs/rules.md is current."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pmreview.explain import PARTS, document, topics
from pmreview.review import Options, review_text
from pmreview.rules import registry

TOPICS = topics()
# Examples that need a whole document (a summary and a timeline) to show their rule; the rule
# cases in tests/rules/cases cover them.
WHOLE_DOCUMENT = {"PM401", "PM402"}
CONTEXT = {
    "timeline": "## Timeline\n\n",
    "action-item": "## Corrective and preventative measures\n\n",
}


@pytest.mark.parametrize("profile", ["default", "google-sre"])
def test_every_listed_id_and_slug_is_explained(cli: Callable[..., Result], profile: str) -> None:
    listed = json.loads(cli("rules", "--format", "json", "--profile", profile).stdout)
    assert listed
    for row in listed:
        for key in (row["id"], row["name"]):
            result = cli("explain", key)
            assert result.exit_code == 0, (key, result.output)
            assert result.stdout.startswith(f"{row['id']} ({row['name']})")
            for heading in ("What it checks", "Why it matters", "Bad", "Good"):
                assert f"\n{heading}\n" in result.stdout, (key, heading)


@pytest.mark.parametrize("topic_id", sorted(TOPICS))
def test_no_rule_or_check_lacks_a_part_of_its_documentation(topic_id: str) -> None:
    assert TOPICS[topic_id].missing() == [], f"{topic_id} lacks documentation"


def test_a_topic_without_its_parts_is_caught() -> None:
    from dataclasses import replace

    topic = replace(TOPICS["PM101"], why=" ", cites=())
    assert topic.missing() == ["why", "cites"]
    assert set(PARTS) == {"what", "why", "example", "instead"}


@pytest.mark.parametrize(
    "rule", [r for r in registry().values() if r.id not in WHOLE_DOCUMENT], ids=lambda r: r.id
)
def test_each_rules_bad_example_fires_it_and_the_good_one_does_not(rule: object) -> None:
    from pmreview.rules import Rule

    assert isinstance(rule, Rule)
    context = CONTEXT.get(rule.category, "")
    bad = {f.rule for f in review_text(context + rule.example, opts=Options(offline=True)).findings}
    good = {
        f.rule for f in review_text(context + rule.instead, opts=Options(offline=True)).findings
    }
    assert rule.id in bad
    assert rule.id not in good


def test_citations_name_a_practice_with_an_address(cli: Callable[..., Result]) -> None:
    out = cli("explain", "PM701").stdout
    assert "Where this practice comes from" in out
    assert "Blameless PostMortems and a Just Culture" in out and "<https://" in out


def test_score_is_explained_with_its_formula(cli: Callable[..., Result]) -> None:
    from pmreview.score import FORMULA

    out = cli("explain", "score").stdout
    assert FORMULA in out


@pytest.mark.parametrize("key", ["PM10", "summary.end", "nonsense"])
def test_an_unknown_id_is_a_one_line_error(cli: Callable[..., Result], key: str) -> None:
    result = cli("explain", key)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"pmreview: error: unknown rule or check {key!r}")


def test_lookup_ignores_case(cli: Callable[..., Result]) -> None:
    assert cli("explain", "pm101").stdout == cli("explain", "VAGUE-CAUSE").stdout


def test_docs_rules_md_is_current(repo: Path) -> None:
    current = (repo / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == document(), (
        "docs/rules.md is stale: pmreview explain --all --format markdown > docs/rules.md"
    )
