"""`pmreview explain`: every id and slug `pmreview rules` lists is explained from the rules' own
documentation, no part is missing, every citation resolves, the examples do what they say, and
docs/rules.md is current."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import Result

from pmreview import catalog
from pmreview.catalog import DOC_PARTS, Entry, check_entries, practices
from pmreview.checks.profile import builtin_profiles, load
from pmreview.explain import document, topics
from pmreview.pipeline import Options, review_text
from pmreview.rules import Rule, registry

PROFILES = builtin_profiles()
# Every topic of every profile, each profile's checks with their own text.
ALL = [(p, t) for p in PROFILES for t in check_entries(p)] + [
    ("", e) for e in catalog.load(None).entries if e.kind != "check"
]

# Rule examples that need a whole document (a summary and a timeline that disagree) to show
# their rule; the rule cases in tests/rules/cases cover them.
WHOLE_DOCUMENT = {"PM401", "PM402"}
RULE_CONTEXT = {
    "timeline": "## Timeline\n\n",
    "action-item": "## Corrective and preventative measures\n\n",
}
# Check examples are snippets of one section: the section they go in, by the id's first part.
SECTION = {
    "summary": "## Issue Summary\n\n",
    "timeline": "## Timeline\n\n",
    "root_cause": "## Root cause\n\n",
    "resolution": "## Root cause and resolution\n\n",
    "measures": "## Corrective and preventative measures\n\n",
    "impact": "## Impact\n\n",
    "trigger": "## Trigger\n\n",
    "detection": "## Detection\n\n",
    "action_items": "## Action Items\n\n",
    "lessons": "## Lessons Learned\n\n",
}


def _snippet(check_id: str, text: str) -> str:
    """A check example as a document: "(no … section)" is an empty one, a snippet that brings
    its own heading stands alone, any other goes under the heading of its section."""
    if text.startswith("("):
        return ""
    return text if text.startswith("#") else SECTION[check_id.split(".")[0]] + text


@pytest.mark.parametrize("profile", PROFILES)
def test_every_listed_id_and_slug_is_explained(cli: Callable[..., Result], profile: str) -> None:
    listed = json.loads(cli("rules", "--format", "json", "--profile", profile).stdout)
    assert {r["id"] for r in listed} >= set(load(profile).checks)
    for row in listed:
        for key in (row["id"], row["name"]):
            for extra in ([], ["--profile", profile]):
                result = cli("explain", key, *extra)
                assert result.exit_code == 0, (key, extra, result.output)
                assert result.stdout.startswith(f"{row['id']} ({row['name']})")
                for heading in ("What it checks", "Why it matters", "Bad", "Good"):
                    assert f"\n{heading}\n" in result.stdout, (key, heading)


@pytest.mark.parametrize(("profile", "topic"), ALL, ids=[f"{p}:{t.id}" for p, t in ALL])
def test_no_rule_or_check_lacks_a_part_of_its_documentation(profile: str, topic: Entry) -> None:
    assert topic.undocumented() == [], f"{topic.id} ({profile or topic.kind}) lacks documentation"


def test_a_topic_without_its_parts_is_caught() -> None:
    topic = replace(topics()["PM101"], why=" ", cites=())
    assert topic.undocumented() == ["why", "cites"]
    assert set(DOC_PARTS) == {"what", "why", "example", "instead"}


def test_ids_and_slugs_name_one_topic_each() -> None:
    table = topics()
    names = [n.lower() for t in table.values() for n in {t.id, t.slug}]
    assert len(names) == len(set(names))


def test_every_citation_names_a_listed_practice_and_every_practice_is_cited() -> None:
    table = practices()
    cited = {key for _, t in ALL for key in t.cites}
    assert cited <= set(table), f"unknown practice keys: {sorted(cited - set(table))}"
    assert set(table) <= cited, f"practices nobody cites: {sorted(set(table) - cited)}"
    for key, p in table.items():
        assert p["title"], key
        assert p["url"].startswith("https://") or key == "requirements", key


@pytest.mark.parametrize(
    "rule", [r for r in registry().values() if r.id not in WHOLE_DOCUMENT], ids=lambda r: r.id
)
def test_each_rules_bad_example_fires_it_and_the_good_one_does_not(rule: Rule) -> None:
    context = RULE_CONTEXT.get(rule.category, "")
    bad = {f.rule for f in review_text(context + rule.example, opts=Options(offline=True)).findings}
    good = {
        f.rule for f in review_text(context + rule.instead, opts=Options(offline=True)).findings
    }
    assert rule.id in bad
    assert rule.id not in good


@pytest.mark.parametrize(
    ("profile", "check_id"),
    [(p, cid) for p in PROFILES for cid in load(p).checks],
    ids=[f"{p}:{cid}" for p in PROFILES for cid in load(p).checks],
)
def test_each_checks_bad_example_fails_it_and_the_good_one_passes(
    profile: str, check_id: str
) -> None:
    spec = load(profile).checks[check_id]
    opts = Options(profile=profile, offline=True)
    bad = review_text(_snippet(check_id, spec["example"]), opts=opts).checks[check_id]
    good = review_text(_snippet(check_id, spec["instead"]), opts=opts).checks[check_id]
    assert bad.status == "fail", spec["example"]
    assert good.status == "pass", (spec["instead"], good.message)


def test_citations_name_a_practice_with_an_address(cli: Callable[..., Result]) -> None:
    out = cli("explain", "PM701").stdout
    assert "Where this practice comes from" in out
    assert "Blameless PostMortems and a Just Culture" in out and "<https://" in out
    md = cli("explain", "summary.timezone", "--format", "markdown").stdout
    assert "[ISO 8601: Date and time format" in md and "(https://www.iso.org/" in md


def test_a_check_is_explained_with_its_profiles_own_text(cli: Callable[..., Result]) -> None:
    default = cli("explain", "root_cause.present").stdout
    google = cli("explain", "root-cause-present", "--profile", "google-sre").stdout
    assert "profile default, google-sre" in default.splitlines()[0]
    assert "profile google-sre" in google.splitlines()[0]
    assert load("google-sre").checks["root_cause.present"]["description"] in google
    assert google != default


def test_a_check_of_another_profile_is_named(cli: Callable[..., Result]) -> None:
    result = cli("explain", "impact.present", "--profile", "default")
    assert result.exit_code == 2
    assert "impact.present is a check of google-sre" in result.stderr


def test_several_ids_and_score(cli: Callable[..., Result]) -> None:
    from pmreview.score import FORMULA

    out = cli("explain", "PM101", "score").stdout
    assert out.startswith("PM101 (vague-cause)")
    assert FORMULA in out


def test_score_is_explained_with_its_formula(cli: Callable[..., Result]) -> None:
    from pmreview.score import FORMULA

    assert FORMULA in cli("explain", "score").stdout
    assert FORMULA in cli("explain", "SCORE", "--format", "markdown").stdout


@pytest.mark.parametrize("key", ["PM10", "summary.end", "nonsense"])
def test_an_unknown_id_is_a_one_line_error(cli: Callable[..., Result], key: str) -> None:
    result = cli("explain", key)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"pmreview: error: unknown rule or check {key!r}")
    assert result.stderr.rstrip().endswith("(see pmreview rules)")


def test_an_unknown_id_suggests_close_ones_whatever_its_case(cli: Callable[..., Result]) -> None:
    assert "did you mean PM101" in cli("explain", "pm1011").stderr
    assert "summary-end-time" in cli("explain", "SUMMARY-END-TIM").stderr


def test_no_id_and_a_bad_format_are_usage_errors(cli: Callable[..., Result]) -> None:
    assert cli("explain").exit_code == 2
    assert cli("explain", "PM101", "--format", "html").exit_code == 2


def test_lookup_ignores_case(cli: Callable[..., Result]) -> None:
    assert cli("explain", "pm101").stdout == cli("explain", "VAGUE-CAUSE").stdout


def test_all_explains_every_profile_rule_and_the_score(cli: Callable[..., Result]) -> None:
    out = cli("explain", "--all").stdout
    for profile in PROFILES:
        assert f"Required elements of profile {profile}" in out
    for _, t in ALL:
        assert f"\n{t.id} ({t.slug})" in out
    assert "score: the specificity score" in out
    only = cli("explain", "--all", "--profile", "google-sre", "--format", "markdown").stdout
    assert "### impact.present" in only and "### summary.duration" not in only


def test_docs_rules_md_is_current(cli: Callable[..., Result], repo: Path) -> None:
    current = (repo / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current.startswith("<!-- Generated by `pmreview explain --all --format markdown")
    assert current == document() == cli("explain", "--all", "--format", "markdown").stdout, (
        "docs/rules.md is stale: pmreview explain --all --format markdown > docs/rules.md"
    )


@pytest.mark.parametrize("profile", PROFILES)
def test_every_check_says_what_its_pass_quotes(profile: str) -> None:
    """The facts record describes the fact each check's evidence is read from."""
    from pmreview.explain import as_text, quoted

    for topic in check_entries(profile):
        said = quoted(topic)
        assert said and said != "The words that show the element, at their line.", topic.id
        assert "null" not in said, topic.id
        assert said[:40] in " ".join(as_text(topic).split()), topic.id


@pytest.mark.parametrize("profile", PROFILES)
def test_every_check_is_defined_with_examples_of_both_verdicts(profile: str) -> None:
    for entry in check_entries(profile):
        d = entry.definition
        assert d is not None, entry.id
        assert d.passes.strip() and d.fails.strip(), entry.id
        assert d.pass_examples and d.fail_examples, entry.id
    assert catalog.scope(profile), f"profile {profile} has no x-scope"


def test_explain_shows_the_definition(cli: Callable[..., Result]) -> None:
    out = cli("explain", "summary.root_cause").stdout
    passes = out.index("\nPasses when\n")
    assert passes < out.index("\nFails when\n") < out.index("\nExamples that pass\n")
    assert out.index("\nExamples that pass\n") < out.index("\nExamples that fail\n")
    assert '"a glitch"' in out[passes:]  # the spec's wording
    assert "root_cause.detail" in out  # what it does not ask for


def test_the_rules_document_gives_each_profiles_scope() -> None:
    text = document()
    for profile in PROFILES:
        section = text.split(f"## Required elements of profile `{profile}`", 1)[1]
        assert section.lstrip().startswith("How the checks read a document")
    assert "judged on its paragraphs" in text
