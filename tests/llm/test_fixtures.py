"""Recorded and authored LLM exchanges (fixtures/llm): honest provenance, current with the prompt,
replayable offline; and the `pmreview fixtures record|author` commands that make them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
from _llm_support import WEBHOOKS, Check, FakeLLM, answer, critique, ok
from _support import REPO
from jsonschema import Draft202012Validator
from typer.testing import Result

from pmreview.checks.profile import load as load_profile
from pmreview.llm import ChatRequest, LLMConfig
from pmreview.llm import ask as ask_module
from pmreview.llm.prompts import load as load_prompt
from pmreview.llm.redact import redact
from pmreview.llm.reviewer import build_request
from pmreview.pipeline import Options, review_document
from pmreview.resources import load_schema
from pmreview.source import load

FIXTURES = REPO / "fixtures" / "llm"
STAMPEDE = REPO / "fixtures" / "docs" / "cache-stampede.md"
ALL = sorted(FIXTURES.glob("*.json"))
Cli = Callable[..., Result]


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def rebuilt(fixture: dict[str, Any]) -> ChatRequest:
    """The request a review makes today for the fixture's document and model."""
    source = load(str(REPO / fixture["document"]))
    opts = Options(profile="default")
    config = LLMConfig(base_url="fixture", model=fixture["request"]["model"])
    det = review_document(source, opts)
    return build_request(det, load_profile(opts.profile), config, redact(source))


def stale(path: Path) -> str | None:
    """Why the fixture no longer matches the request the current code builds, or None."""
    fx = read(path)
    now = rebuilt(fx).normalised()
    sent = fx["request"]
    first_two = {**sent, "messages": sent["messages"][:2]}  # a re-ask starts the same way
    if first_two == now:
        return None
    how = (
        "pmreview fixtures author"
        if fx["provenance"]["source"] == "authored"
        else f"pmreview fixtures record --base-url URL --model {sent['model']} {fx['document']}"
    )
    return (
        f"{path.name} is stale: the prompt, schema or deterministic findings changed, so a "
        f"review of {fx['document']} no longer sends this request (key now "
        f"{ChatRequest(now['model'], tuple(now['messages']), now['response_format']).key()}). "
        f"Run `{how}` and delete the old file."
    )


@pytest.fixture(params=ALL, ids=[p.name for p in ALL])
def fixture_path(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_there_are_recorded_and_authored_fixtures() -> None:
    kinds = {read(p)["provenance"]["source"] for p in ALL}
    assert kinds == {"recorded", "authored"}


def test_fixture_says_where_it_came_from(fixture_path: Path) -> None:
    fx = read(fixture_path)
    prov = fx["provenance"]
    if prov["source"] == "recorded":
        assert prov["server"] and prov["model"], prov
        date.fromisoformat(prov["date"])
        assert "@" not in prov["server"] and "?" not in prov["server"]
    else:
        assert prov["source"] == "authored", prov
        assert len(prov.get("why", "").split()) >= 5, "say why the answer was written by hand"
    assert (REPO / fx["document"]).is_file()


def test_fixture_request_is_complete(fixture_path: Path) -> None:
    fx = read(fixture_path)
    req = fx["request"]
    assert set(req) >= {"model", "messages", "response_format"}
    assert req["model"]
    assert [m["role"] for m in req["messages"][:2]] == ["system", "user"]
    assert req["response_format"]["type"] in ("json_schema", "json_object")
    key = ChatRequest(req["model"], tuple(req["messages"]), req["response_format"]).key()
    assert fx["key"] == key
    assert fixture_path.name.endswith(f".{key}.json")
    resp = fx["response"]
    assert isinstance(resp["content"], str) and resp["finish_reason"]


def test_fixture_sends_no_personal_data(fixture_path: Path) -> None:
    fx = read(fixture_path)
    source = load(str(REPO / fx["document"]))
    sent = json.dumps(fx["request"], ensure_ascii=False)
    for value in redact(source).mapping.values():
        assert value not in sent


def test_fixture_is_current(fixture_path: Path) -> None:
    problem = stale(fixture_path)
    assert problem is None, problem


def test_a_prompt_change_makes_every_fixture_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The currency test above cannot pass by accident: change the prompt and it fails, with
    the command that fixes it."""
    real = load_prompt("reviewer")
    edited = replace(real, system=real.system + "\n- Be kind.")
    monkeypatch.setattr(ask_module, "load_prompt", lambda name: edited)
    for path in ALL:
        problem = stale(path)
        assert problem is not None, path.name
        assert "pmreview fixtures record" in problem or "pmreview fixtures author" in problem


def test_an_invalid_recorded_answer_has_its_re_ask_recorded(fixture_path: Path) -> None:
    """Replay must be able to finish the exchange the fixture starts."""
    fx = read(fixture_path)
    validator = Draft202012Validator(load_schema("llm-review.schema.json"))
    try:
        valid = not list(validator.iter_errors(json.loads(fx["response"]["content"])))
    except ValueError:
        valid = False
    if valid and fx["response"]["finish_reason"] != "length":
        return
    follow = [read(p) for p in ALL if p != fixture_path]
    prefix = fx["request"]["messages"]
    assert any(f["request"]["messages"][: len(prefix)] == prefix for f in follow), (
        f"{fixture_path.name}: the answer is not usable, and no fixture holds the re-ask"
    )


# --------------------------------------------------------------------------- replay


def test_replay_of_the_authored_answer(cli: Cli, report_validator: Draft202012Validator) -> None:
    result = cli(
        "check", "--replay", str(FIXTURES), "--model", "authored-model", str(STAMPEDE),
        "--format", "json",
    )  # fmt: skip
    report = json.loads(result.stdout)
    report_validator.validate(report)
    (doc,) = report["documents"]
    assert doc["llm"]["status"] == "ok", doc["llm"]
    assert doc["llm"]["dropped_ungrounded"] == 2
    assert doc["llm"]["model"] == "authored-model"
    assert doc["llm"]["base_url"].startswith("replay:")
    offline = cli("check", "--offline", str(STAMPEDE), "--format", "json")
    assert json.loads(offline.stdout)["documents"][0]["checks"]["timeline.resolution"] == {
        "status": "pass", "source": "rules", "message": ANY, "line": ANY, "evidence": ANY
    }  # fmt: skip
    overruled = doc["checks"]["timeline.resolution"]
    assert overruled["status"] == "fail" and overruled["source"] == "llm"
    lines = STAMPEDE.read_text(encoding="utf-8").splitlines()  # its line: the model's quote
    assert "Pages recover after the fix was applied." in lines[overruled["line"] - 1]
    assert "timeline.resolution" in {f["rule"] for f in doc["findings"]}
    agreed = doc["checks"]["timeline.misleading"]  # the rules found it too; the LLM's stands
    assert agreed["status"] == "pass" and agreed["source"] == "llm"
    assert agreed["evidence"] and agreed["evidence"] in lines[agreed["line"] - 1]
    assert doc["tasks"] and all(t["title"] and t["source"] == "llm" for t in doc["tasks"])
    assert [t["priority"] for t in doc["tasks"]] == ["P1", "P2"]


FIRST = [p for p in ALL if len(read(p)["request"]["messages"]) == 2]  # not a re-ask


@pytest.mark.parametrize("path", FIRST, ids=[p.name for p in FIRST])
def test_every_fixture_replays(
    cli: Cli, path: Path, report_validator: Draft202012Validator
) -> None:
    fx = read(path)
    result = cli(
        "check", "--replay", str(FIXTURES), "--model", fx["request"]["model"],
        str(REPO / fx["document"]), "--format", "json",
    )  # fmt: skip
    report = json.loads(result.stdout)
    report_validator.validate(report)
    (doc,) = report["documents"]
    assert doc["llm"]["status"] == "ok", doc["llm"]
    assert doc["llm"]["requests"] >= 1


def test_replay_without_a_fixture_says_how_to_record_one(
    cli: Cli, report_validator: Draft202012Validator
) -> None:
    result = cli(
        "check", "--replay", str(FIXTURES), "--model", "authored-model", str(WEBHOOKS),
        "--format", "json",
    )  # fmt: skip
    report = json.loads(result.stdout)
    report_validator.validate(report)
    llm = report["documents"][0]["llm"]
    assert llm["status"] == "failed"
    assert llm["requests"] == 0
    assert "no recorded exchange" in llm["error"]
    assert "pmreview fixtures record --base-url URL --model authored-model" in llm["error"]


def test_replay_needs_a_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", "--replay", str(tmp_path / "nope"), "--model", "m", str(WEBHOOKS))
    assert result.exit_code == 2
    assert "--replay needs a folder" in result.stderr


# --------------------------------------------------------------------------- making fixtures


def test_record_then_replay(cli: Cli, check: Check, fake_llm: FakeLLM, tmp_path: Path) -> None:
    fake_llm.always(ok(answer(critiques=[critique("things were adjusted on the gateway")])))
    into = tmp_path / "recorded"
    result = cli(
        "fixtures", "record", "--base-url", fake_llm.url, "--model", "m", "--dir", str(into),
        str(WEBHOOKS),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "ok (1 exchange(s) recorded)" in result.stdout
    (path,) = into.glob("*.json")
    fx = read(path)
    assert fx["provenance"] == {
        "source": "recorded",
        "server": fake_llm.url,
        "model": "m",
        "date": date.today().isoformat(),
    }
    sent = fake_llm.chats[0].json
    assert fx["request"] == {k: sent[k] for k in ("model", "messages", "response_format")}
    assert "ada.okafor@gmail.com" not in path.read_text("utf-8")

    live = check(WEBHOOKS, "--no-cache")
    replayed = check(WEBHOOKS, "--replay", str(into), "--model", "m")
    assert replayed.llm["status"] == "ok"
    assert replayed.doc["findings"] == live.doc["findings"]


def test_author_builds_the_request_a_review_makes(
    cli: Cli, tmp_path: Path, report_validator: Draft202012Validator
) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    spec = {
        "document": str(WEBHOOKS),
        "model": "authored-model",
        "why": "A hand-written answer that quotes the vague fix on the gateway.",
        "answer": json.loads(answer(critiques=[critique("things were adjusted on the gateway")])),
    }
    (specs / "webhooks-good.json").write_text(json.dumps(spec), encoding="utf-8")
    into = tmp_path / "llm"
    (into).mkdir()
    (into / "webhooks-good.0000.json").write_text("{}", encoding="utf-8")  # an old version
    result = cli("fixtures", "author", "--specs", str(specs), "--dir", str(into))
    assert result.exit_code == 0, result.output
    (path,) = into.glob("*.json")
    assert stale(path) is None
    assert read(path)["provenance"] == {"source": "authored", "why": spec["why"]}

    replayed = cli(
        "check", "--replay", str(into), "--model", "authored-model", str(WEBHOOKS),
        "--format", "json",
    )  # fmt: skip
    report = json.loads(replayed.stdout)
    report_validator.validate(report)
    (doc,) = report["documents"]
    assert doc["llm"]["status"] == "ok"
    assert [f["quote"] for f in doc["findings"] if f["source"] == "llm"] == [
        "things were adjusted on the gateway"
    ]


def test_author_rejects_an_incomplete_spec(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"document": "x.md"}', encoding="utf-8")
    result = cli("fixtures", "author", "--specs", str(tmp_path), "--dir", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "not an authored fixture spec" in result.stderr
