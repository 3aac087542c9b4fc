"""`pmreview lsp` end to end, as an editor drives it: the server runs as a subprocess on
stdio; the tests initialize it, open postmortems written here, wait for the diagnostics it
publishes and compare them with `pmreview check --format json` on the same text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from _editor import Editor, config, expected, seen
from _support import SHARED
from lsprotocol import types

from pmreview.source import REVIEW_BYTES, from_text, reviewed_part

pytestmark = pytest.mark.asyncio

# Line 5 has two non-BMP characters (two UTF-16 code units each) before its first finding.
POSTMORTEM = """\
# Checkout outage on 2024-05-02

## Summary

🔥🔥 Several users could not pay between 14:05 and 15:10 UTC because of a glitch.

## Timeline

- 14:05 UTC 🚨 the payment alert fired
- 14:20 UTC we restarted the gateway
- 15:10 UTC payments recovered

## Action items

- [ ] Be more careful with deploys
"""
SEED = SHARED / "seeds" / "000_8dd2772cb27462af.txt"


@pytest_lsp.fixture(config=config())
async def editor(lsp_client: Editor, tmp_path: Path) -> AsyncIterator[None]:
    params = types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(),
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def write(folder: Path, text: str, name: str = "postmortem.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def by_code(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    return next(d for d in diagnostics if d.code == code)


async def test_open_publishes_the_cli_findings_at_utf16_positions(
    editor: Editor, tmp_path: Path
) -> None:
    path = write(tmp_path, POSTMORTEM)
    diagnostics = await editor.next_diagnostics(editor.open(path, POSTMORTEM), 1)
    assert seen(diagnostics) == expected(path)
    # "Several users", after 🔥🔥 and a space, to "glitch": the vague words of one sentence
    vague = by_code(diagnostics, "PM102")
    assert (vague.range.start.line, vague.range.start.character) == (4, 5)
    assert (vague.range.end.line, vague.range.end.character) == (4, 80)
    assert "“glitch”" in vague.message
    assert {d.source for d in diagnostics} == {"pmreview"}


async def test_each_code_links_to_its_section_of_the_rules_page(
    editor: Editor, tmp_path: Path
) -> None:
    path = write(tmp_path, POSTMORTEM)
    diagnostics = await editor.next_diagnostics(editor.open(path, POSTMORTEM), 1)
    links = {d.code: d.code_description.href for d in diagnostics if d.code_description}
    assert set(links) == {d.code for d in diagnostics}
    assert links["PM102"].endswith("docs/rules.md#pm102-vague-impact")
    assert links["summary.root_cause"].endswith("#summaryroot_cause-summary-root-cause")


async def test_a_change_is_reviewed_again(editor: Editor, tmp_path: Path) -> None:
    path = write(tmp_path, POSTMORTEM)
    uri = editor.open(path, POSTMORTEM)
    before = await editor.next_diagnostics(uri, 1)
    assert "“glitch”" in by_code(before, "PM102").message  # in the sentence's finding
    glitch = types.Range(types.Position(4, 72), types.Position(4, 80))
    editor.change(uri, 2, [types.TextEdit(range=glitch, new_text="an expired certificate")])
    after = await editor.next_diagnostics(uri, 2)
    changed = write(tmp_path, POSTMORTEM.replace("a glitch", "an expired certificate"), "b.md")
    assert "glitch" not in " ".join(d.message for d in after)
    assert seen(after) == expected(changed)


async def test_hover_shows_the_question_and_the_suggestion(editor: Editor, tmp_path: Path) -> None:
    path = write(tmp_path, POSTMORTEM)
    uri = editor.open(path, POSTMORTEM)
    vague = by_code(await editor.next_diagnostics(uri, 1), "PM102")
    hover = await editor.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=4, character=6),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.range == vague.range
    assert "**Question for the author:** What share of users" in hover.contents.value
    assert "**Suggestion:** Quantify it" in hover.contents.value
    nothing = await editor.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=9, character=3),
        )
    )
    assert nothing is None


async def test_the_quick_fix_disables_the_rule_on_that_line(editor: Editor, tmp_path: Path) -> None:
    path = write(tmp_path, POSTMORTEM)
    uri = editor.open(path, POSTMORTEM)
    vague = by_code(await editor.next_diagnostics(uri, 1), "PM102")
    actions = await editor.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=vague.range,
            context=types.CodeActionContext(diagnostics=[vague]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "PM102" in a.title)
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "<!-- pmreview-disable-next-line PM102 -->\n"
    assert (edit.range.start.line, edit.range.start.character) == (4, 0)
    assert edit.range.start == edit.range.end
    editor.change(uri, 2, [edit])
    codes = {d.code for d in await editor.next_diagnostics(uri, 2)}
    assert "PM102" not in codes and "PM101" in codes


async def test_the_quick_fix_keeps_a_list_items_indent(editor: Editor, tmp_path: Path) -> None:
    text = POSTMORTEM.replace(
        "- [ ] Be more careful", "- [ ] Review deploys\n  - [ ] Be more careful"
    )
    path = write(tmp_path, text)
    uri = editor.open(path, text)
    wish = by_code(await editor.next_diagnostics(uri, 1), "PM104")
    actions = await editor.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=wish.range,
            context=types.CodeActionContext(diagnostics=[wish]),
        )
    )
    fix = next(a for a in actions or [] if isinstance(a, types.CodeAction) and "PM104" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    assert fix.edit.changes[uri][0].new_text == "  <!-- pmreview-disable-next-line PM104 -->\n"


async def test_the_workspace_config_applies(editor: Editor, tmp_path: Path) -> None:
    (tmp_path / ".pmreview.toml").write_text('ignore = ["PM1"]\n[severity]\nPM504 = "error"\n')
    folder = tmp_path / "postmortems"
    folder.mkdir()
    path = write(folder, POSTMORTEM)
    diagnostics = await editor.next_diagnostics(editor.open(path, POSTMORTEM), 1)
    assert seen(diagnostics) == expected(path)
    codes = {d.code for d in diagnostics}
    assert not codes & {"PM101", "PM102", "PM104"} and "PM504" in codes
    assert by_code(diagnostics, "PM504").severity == types.DiagnosticSeverity.Error


async def test_an_invalid_config_is_said_once_not_crashed_on(
    editor: Editor, tmp_path: Path
) -> None:
    (tmp_path / ".pmreview.toml").write_text("profile = 3\n")
    path = write(tmp_path, POSTMORTEM)
    editor.open(path, POSTMORTEM)
    message = await editor.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
    assert message.type == types.MessageType.Error
    assert "invalid config at profile" in message.message


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed postmortem is not here")
async def test_the_seed_postmortem_as_plain_text(editor: Editor, tmp_path: Path) -> None:
    text = SEED.read_text("utf-8")
    path = write(tmp_path, text, "seed.txt")
    diagnostics = await editor.next_diagnostics(editor.open(path, text, "plaintext"), 1)
    assert diagnostics and seen(diagnostics) == expected(path)


async def test_an_unsaved_buffer_is_reviewed_as_far_as_a_file_and_says_so(
    editor: Editor, tmp_path: Path
) -> None:
    # the buffer is larger than REVIEW_BYTES (a log pasted after the postmortem): its first
    # lines are reviewed, as the CLI reviews the same text saved, and a diagnostic where the
    # review stopped says so
    line = "2024-05-02 14:05:01 gateway: payment request 8812 took 3012 ms\n"
    text = POSTMORTEM + "```\n" + line * (REVIEW_BYTES // len(line) + 100) + "```\n"
    path = write(tmp_path, text)
    diagnostics = await editor.next_diagnostics(editor.open(path, text), 1)
    (cut,) = [d for d in diagnostics if d.code == "reviewed_part"]
    last = len(reviewed_part(from_text(text)).lines)
    assert f"only its lines 1-{last} (those within its first 512 KB)" in cut.message
    assert cut.severity == types.DiagnosticSeverity.Information
    assert (cut.range.start.line, cut.range.start.character) == (last - 1, len(line) - 1)
    assert seen([d for d in diagnostics if d is not cut]) == expected(path)
    assert max(d.range.end.line for d in diagnostics) == last - 1
