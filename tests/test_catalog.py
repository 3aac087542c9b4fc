"""The catalog: one entry per id and slug, read alike by every consumer; rule options declared,
resolved and validated; configuration checked against it; a failing rule isolated."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from _support import REPO
from typer.testing import Result

from pmreview import catalog, explain
from pmreview.catalog import Catalog, DuplicateId
from pmreview.checks.profile import builtin_profiles
from pmreview.models import Document
from pmreview.pipeline import Options, review_paths, review_text
from pmreview.render.sarif_format import render as sarif
from pmreview.rules import Hit, OptionError, Rule, registry, unique

PROFILES = builtin_profiles()

# ------------------------------------------------------------------------------ one per id


def test_a_duplicate_id_or_slug_is_an_error() -> None:
    cat = catalog.load("default")
    entries, pm101, pm102 = cat.entries, cat.get("PM101"), cat.get("PM102")
    assert pm101 is not None and pm102 is not None
    with pytest.raises(DuplicateId, match="PM101"):
        Catalog([*entries, replace(pm102, id=pm101.id)])
    with pytest.raises(DuplicateId, match="vague-cause"):
        Catalog([*entries, replace(pm102, id="PM199", slug=pm101.slug)])
    with pytest.raises(DuplicateId):  # a check named like a rule's slug, whatever the case
        Catalog([*entries, replace(entries[0], id="Vague-Cause", slug="x")])
    assert Catalog(entries).ids() == [e.id for e in entries]


def test_two_rules_with_one_id_are_an_error() -> None:
    rules = list(registry().values())
    with pytest.raises(ValueError, match="PM101"):
        unique([*rules, replace(rules[1], id=rules[0].id)])
    with pytest.raises(ValueError, match="vague-cause"):
        unique([*rules, replace(rules[1], id="PM199", name=rules[0].name)])


@pytest.mark.parametrize("profile", PROFILES)
def test_the_built_in_catalogs_have_unique_ids_and_slugs(profile: str) -> None:
    entries = catalog.load(profile).entries
    names = [n.lower() for e in entries for n in {e.id, e.slug}]
    assert len(names) == len(set(names))
    assert {e.kind for e in entries} == {"check", "rule", "llm"}


def test_lookup_by_id_or_slug_in_any_case() -> None:
    cat = catalog.load("default")
    assert cat.get("PM304") is cat.get("timeline-entry-too-long") is cat.get(" pm304 ")
    assert cat.get("summary-end-time") is cat.get("summary.end_time")
    assert cat.get("PM999") is None
    assert "PM304" in cat.close("PM3O4")


def _sarif_ids(profile: str, md: Path) -> list[str]:
    report = review_paths([str(md)], Options(profile=profile, offline=True))
    return [r["id"] for r in json.loads(sarif(report))["runs"][0]["tool"]["driver"]["rules"]]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_consumer_reads_the_same_entries(
    cli: Callable[..., Result], profile: str, vague_md: Path
) -> None:
    ids = catalog.load(profile).ids()
    listed = json.loads(cli("rules", "--format", "json", "--profile", profile).stdout)
    text = cli("rules", "--profile", profile).stdout.splitlines()
    explained = [e.id for _, group in explain.groups(profile) for e in group if e.id != "score"]
    assert [r["id"] for r in listed] == ids
    assert [line.split()[0] for line in text] == ids
    assert explained == ids
    assert _sarif_ids(profile, vague_md) == ids
    for row in listed:
        entry = catalog.load(profile).get(row["id"])
        assert entry is not None and row["name"] == entry.slug
        assert [o["name"] for o in row["options"]] == [o.name for o in entry.options]


def test_rules_json_lists_options_with_type_and_default(cli: Callable[..., Result]) -> None:
    rows = {r["id"]: r for r in json.loads(cli("rules", "--format", "json").stdout)}
    assert rows["PM304"]["options"] == [
        {
            "name": "max_sentences",
            "type": "integer",
            "default": 2,
            "description": "The most sentences a timeline entry may have.",
        }
    ]
    assert rows["PM503"]["options"][0]["choices"] == ["document", "list"]
    assert rows["PM101"]["options"] == []


# --------------------------------------------------------------------------------- options

OPTION_USE = re.compile(r'options\["(\w+)"\]')


@pytest.mark.parametrize(
    "module", sorted((REPO / "src" / "pmreview" / "rules").glob("[!_]*.py")), ids=lambda p: p.stem
)
def test_every_option_a_rule_reads_is_declared(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    assert "options.get(" not in source, "the engine gives every option: options[name]"
    used = set(OPTION_USE.findall(source))
    declared = {o.name for r in registry().values() for o in r.options}
    assert used <= declared, used - declared


def test_the_engine_gives_defaults_and_typed_values() -> None:
    pm403 = registry()["PM403"]
    assert pm403.resolve({}) == {"tolerance_minutes": 10, "tolerance_percent": 10.0}
    assert pm403.resolve({"tolerance_percent": 5}) == {
        "tolerance_minutes": 10,
        "tolerance_percent": 5.0,
    }
    assert registry()["PM101"].resolve({}) == {}


@pytest.mark.parametrize(
    ("rule", "given", "key", "message"),
    [
        ("PM304", {"max_sentences": "two"}, "max_sentences", 'expected an integer, got "two"'),
        ("PM304", {"max_sentences": True}, "max_sentences", "expected an integer, got true"),
        ("PM304", {"max_sentences": 2.5}, "max_sentences", "expected an integer, got 2.5"),
        ("PM304", {"max_sentence": 3}, "max_sentence", "its options: max_sentences"),
        ("PM101", {"x": 1}, "x", "its options: none"),
        ("PM503", {"per": "lists"}, "per", 'one of "document", "list", got "lists"'),
        ("PM403", {"tolerance_percent": "5%"}, "tolerance_percent", "expected a number"),
    ],
)
def test_a_bad_option_is_named(rule: str, given: dict[str, Any], key: str, message: str) -> None:
    with pytest.raises(OptionError, match=re.escape(message)) as caught:
        registry()[rule].resolve(given)
    assert caught.value.key == key


LONG_ENTRY = "## Timeline\n\n- 10:02: Alert fired. Bob looked. He saw it. He paged Ana.\n"


def test_options_reach_the_rule_by_id_or_slug() -> None:
    text = LONG_ENTRY
    for options, fires in [
        ({}, True),
        ({"PM304": {"max_sentences": 4}}, False),
        ({"timeline-entry-too-long": {"max_sentences": 4}}, False),
    ]:
        found = review_text(text, opts=Options(offline=True, rule_options=options)).findings
        assert any(f.rule == "PM304" for f in found) is fires, options


def test_the_api_rejects_an_unknown_rule_or_option() -> None:
    from pmreview.errors import UsageError

    for options in ({"PM999": {}}, {"PM304": {"max_sentence": 3}}):
        with pytest.raises(UsageError, match="rule option PM(999|304.max_sentence)"):
            review_text("# x\n", opts=Options(offline=True, rule_options=options))


# ----------------------------------------------------------------------------- config file


def _check(
    cli: Callable[..., Result], where: Path, name: str, toml: str, md: Path, *args: str
) -> Result:
    (where / name).write_text(toml, encoding="utf-8")
    return cli("check", "--offline", "-f", "json", *args, str(md))


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        (
            '[rules.PM304]\nmax_sentences = "two"\n',
            '[rules.PM304] max_sentences: expected an integer, got "two"',
        ),
        ("[rules.PM999]\n", "[rules.PM999]: unknown rule"),
        (
            "[rules.PM304]\nmax_sentence = 3\n",
            "[rules.PM304] max_sentence: unknown option of PM304 (its options: max_sentences)",
        ),
        (
            "[rules.timeline-entry-too-long]\nmax_sentences = []\n",
            "[rules.timeline-entry-too-long] max_sentences: expected an integer, got []",
        ),
        (
            '[rules."summary.duration"]\n',
            "[rules.summary.duration]: summary.duration is a check, which takes no options",
        ),
        ('[severity]\nPM999 = "error"\n', "[severity] PM999: unknown rule or check"),
        (
            '[severity]\nPM101 = "info"\nvague-cause = "error"\n',
            "[severity] vague-cause: the severity of PM101 is given twice",
        ),
        (
            "[rules.PM304]\nmax_sentences = 3\n[rules.timeline-entry-too-long]\n",
            "[rules.timeline-entry-too-long]: the options of PM304 are given twice",
        ),
        ("[rules.llm-critique]\n", "[rules.llm-critique]: PM901 is an LLM rule, which takes no"),
        (
            '[severity]\nvague-causes = "error"\n',
            "[severity] vague-causes: unknown rule or check; did you mean vague-cause",
        ),
    ],
)
def test_a_config_error_is_one_line_naming_the_file_and_key(
    cli: Callable[..., Result], in_tmp: Path, vague_md: Path, toml: str, line: str
) -> None:
    result = _check(cli, in_tmp, ".pmreview.toml", toml, vague_md)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"pmreview: error: {in_tmp / '.pmreview.toml'}: {line}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_config_error_in_pyproject_names_its_table(
    cli: Callable[..., Result], in_tmp: Path, vague_md: Path
) -> None:
    toml = '[tool.pmreview.rules.PM304]\nmax_sentences = "two"\n'
    result = _check(cli, in_tmp, "pyproject.toml", toml, vague_md)
    assert result.exit_code == 2
    assert "pyproject.toml: [tool.pmreview.rules.PM304] max_sentences: expected" in result.stderr


def _severities(result: Result) -> dict[str, str]:
    docs = json.loads(result.stdout)["documents"]
    return {f["rule"]: f["severity"] for f in docs[0]["findings"]}


def test_severity_and_options_by_slug(
    cli: Callable[..., Result], in_tmp: Path, vague_md: Path
) -> None:
    before = _severities(cli("check", "--offline", "-f", "json", str(vague_md)))
    assert before["PM101"] == "warning" and before["summary.end_time"] == "error"
    toml = '[severity]\nvague-cause = "error"\nsummary-end-time = "info"\n'
    after = _severities(_check(cli, in_tmp, ".pmreview.toml", toml, vague_md))
    assert after["PM101"] == "error" and after["summary.end_time"] == "info"
    (in_tmp / ".pmreview.toml").unlink()
    long = in_tmp / "long.md"
    long.write_text(LONG_ENTRY, encoding="utf-8")
    assert "PM304" in _severities(cli("check", "--offline", "-f", "json", str(long)))
    toml = "[tool.pmreview.rules.timeline-entry-too-long]\nmax_sentences = 4\n"
    assert "PM304" not in _severities(_check(cli, in_tmp, "pyproject.toml", toml, long))


# ---------------------------------------------------------------------------- rule failure


def _boom(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from ()
    raise ZeroDivisionError("division by zero\nsecond line")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """PM304 raises on every document."""
    monkeypatch.setitem(registry(), "PM304", replace(registry()["PM304"], check=_boom))


def test_a_failing_rule_is_an_error_and_the_others_findings_stand(
    monkeypatch: pytest.MonkeyPatch, vague_md: Path, report_validator: Any
) -> None:
    from pmreview.render.json_format import report_dict

    healthy = review_paths([str(vague_md)], Options(offline=True))
    monkeypatch.setitem(registry(), "PM304", replace(registry()["PM304"], check=_boom))
    report = review_paths([str(vague_md)], Options(offline=True))
    expected = [f for f in healthy.documents[0].findings if f.rule != "PM304"]
    assert report.documents[0].findings == expected and expected
    assert report.errors == [
        {
            "path": str(vague_md),
            "rule": "PM304",
            "message": f"{vague_md}: rule PM304 (timeline-entry-too-long) failed on this "
            "document: ZeroDivisionError: division by zero",
        }
    ]
    report_validator.validate(report_dict(report))


@pytest.mark.usefixtures("broken")
@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("warning", 1)])
def test_a_failing_rule_leaves_the_exit_code_to_the_findings(
    cli: Callable[..., Result], vague_md: Path, fail_on: str, code: int
) -> None:
    result = cli("check", "--offline", "--fail-on", fail_on, str(vague_md))
    assert result.exit_code == code
    assert result.stderr == (
        f"pmreview: error: {vague_md}: rule PM304 (timeline-entry-too-long) failed on this "
        "document: ZeroDivisionError: division by zero\n"
    )


def test_an_unreadable_input_still_exits_2(cli: Callable[..., Result], in_tmp: Path) -> None:
    assert cli("check", "--offline", str(in_tmp / "missing.md")).exit_code == 2


def test_a_rule_may_not_be_declared_without_its_documentation() -> None:
    for rule in registry().values():
        assert isinstance(rule, Rule)
        for option in rule.options:
            assert option.description.strip() and option.parse(option.default) == option.default


# ----------------------------------------------------------------------------- selectors


def test_selectors_are_checked_against_the_catalog(
    cli: Callable[..., Result], vague_md: Path
) -> None:
    quiet = cli("check", "--offline", "--select", "vague-cause,summary-end-time", str(vague_md))
    assert "warning" not in quiet.stderr
    loud = cli("check", "--offline", "--ignore", "PM999,llm-critique", str(vague_md))
    assert loud.stderr == (
        "pmreview: warning: 'PM999' matches no rule or check (see pmreview rules)\n"
    )


def test_a_rule_error_is_no_unread_input_for_the_exit_code_and_annotations() -> None:
    from pmreview.cli._options import exit_code
    from pmreview.models import Report
    from pmreview.render import render

    failed = {"path": "a.md", "rule": "PM304", "message": "a.md: rule PM304 failed on this"}
    unread = {"path": "b.md", "message": "b.md: not found"}
    assert exit_code(Report("default", [], [failed]), "error") == 0
    assert exit_code(Report("default", [], [failed, unread]), "error") == 2
    summary = render(Report("default", [], [failed]), "github").splitlines()[-1]
    assert summary.endswith("; 1 rule failed") and "could not be read" not in summary
