"""The language server's parts without a client: the message when pygls is missing, the
documentation anchors, and positions on lines LSP and Python split differently."""

from __future__ import annotations

import re
import subprocess
import sys

from _editor import server_env
from _support import REPO
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from pmreview.checks.profile import builtin_profiles, load
from pmreview.lsp.links import anchors, github_slug, href
from pmreview.lsp.positions import Positions
from pmreview.pipeline import review_text
from pmreview.resources import parse_toml
from pmreview.rules import registry

WITHOUT_PYGLS = """
import sys
sys.modules["pygls"] = None  # as if the lsp extra were not installed
from pmreview.cli import main
sys.argv = ["pmreview", "lsp"]
main()
"""


def test_without_pygls_one_line_says_what_to_install() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYGLS],
        capture_output=True,
        text=True,
        env=server_env(),
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "pmreview: error: the language server needs pygls: pip install 'pmreview[lsp]'\n"
    )


def test_every_rule_and_check_has_an_anchor_on_the_rules_page() -> None:
    page = (REPO / "docs" / "rules.md").read_text("utf-8")
    headings = {github_slug(h) for h in re.findall(r"^#{1,6} (.+)$", page, re.M)}
    keys = [("", rule) for rule in registry()] + [
        (load(name).name, check) for name in builtin_profiles() for check in load(name).checks
    ]
    for key in keys:
        assert re.sub(r"-\d+$", "", anchors()[key]) in headings, key
    assert href("PM102", "default") == "https://pmreview.dev/docs/rules.md#pm102-vague-impact"
    assert anchors()[("default", "timeline.present")] == "timelinepresent-timeline-present"
    assert anchors()[("google-sre", "timeline.present")] == "timelinepresent-timeline-present-1"
    assert href("summary.present", "my-team-profile") is None


def test_positions_follow_lsp_line_ends_and_utf16() -> None:
    # \f and \u2028 do not end a line for LSP (str.splitlines would split there)
    text = "\ufeff# Outage \U0001f525\n\nPage\fone \u2028 several users could not pay.\r\n"
    review = review_text(text)
    vague = next(f for f in review.findings if f.rule == "PM102")
    where = Positions.of(text, PositionCodec(types.PositionEncodingKind.Utf16))
    assert where.range(vague) == types.Range(
        start=types.Position(line=2, character=11), end=types.Position(line=2, character=24)
    )
    # pmreview's line 1 is "# Outage 🔥" (it drops the BOM): 🔥 is at column 10, its end at 11
    assert where.position(1, 10) == types.Position(line=0, character=10)
    assert where.position(1, 11) == types.Position(line=0, character=12)
    utf32 = Positions.of(text, PositionCodec(types.PositionEncodingKind.Utf32))
    assert utf32.position(1, 11) == types.Position(line=0, character=11)


def test_pygls_comes_only_with_the_lsp_extra() -> None:
    project = parse_toml(REPO / "pyproject.toml")["project"]
    assert not [d for d in project["dependencies"] if d.startswith(("pygls", "pytest-lsp"))]
    assert [d.split(">")[0] for d in project["optional-dependencies"]["lsp"]] == ["pygls"]
