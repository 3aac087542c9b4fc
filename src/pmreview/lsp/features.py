"""A review's findings as LSP values: diagnostics, hover text and code actions, for one
version of one document as the editor holds it."""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from ..models import DocumentReview, Finding
from ..render._common import cut_note
from .links import DOCS_URL, href
from .positions import Positions

SOURCE = "pmreview"
CUT = "reviewed_part"  # the code of the diagnostic that says a review stopped early
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def _contains(r: types.Range, p: types.Position) -> bool:
    start, end = (r.start.line, r.start.character), (r.end.line, r.end.character)
    return start <= (p.line, p.character) <= end


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return _contains(a, b.start) or _contains(a, b.end) or _contains(b, a.start)


@dataclass(frozen=True)
class Reviewed:
    """The findings of one review of a document's text, with the editor's lines."""

    uri: str
    version: int | None
    findings: tuple[Finding, ...]
    where: Positions
    profile: str  # the profile's name, for the checks' documentation
    docs: str = DOCS_URL
    notices: tuple[types.Diagnostic, ...] = ()  # what the review says of itself (cut_notice)

    def diagnostic(self, f: Finding) -> types.Diagnostic:
        link = href(f.rule, self.profile, self.docs)
        return types.Diagnostic(
            range=self.where.range(f),
            message=f.message,
            severity=SEVERITY[f.severity],
            code=f.rule,
            code_description=types.CodeDescription(href=link) if link else None,
            source=SOURCE,
        )

    def diagnostics(self) -> list[types.Diagnostic]:
        return [self.diagnostic(f) for f in self.findings] + list(self.notices)

    def hover(self, at: types.Position) -> types.Hover | None:
        """The findings under the cursor: each one's message, the question for the author
        and the suggestion."""
        hits = [f for f in self.findings if _contains(self.where.range(f), at)]
        if not hits:
            return None
        parts = []
        for f in hits:
            text = f"**{f.rule}** `{f.name}` ({f.severity}): {f.message}"
            if f.question:
                text += f"\n\n**Question for the author:** {f.question}"
            if f.suggestion:
                text += f"\n\n**Suggestion:** {f.suggestion}"
            parts.append(text)
        value = "\n\n---\n\n".join(parts)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
            range=self.where.range(hits[0]),
        )

    def disable_next_line(self, f: Finding) -> types.TextEdit:
        """`<!-- pmreview-disable-next-line ID -->` on its own line above the finding's first
        line, indented as that line is (so a list item stays in its list)."""
        start = types.Position(line=self.where.position(f.line, 1).line, character=0)
        text = f"{self.where.indent(f.line)}<!-- pmreview-disable-next-line {f.rule} -->\n"
        return types.TextEdit(range=types.Range(start=start, end=start), new_text=text)

    def code_actions(self, wanted: types.Range) -> list[types.CodeAction]:
        """A quick fix for each finding on the requested range: silence it on its line."""
        return [
            types.CodeAction(
                title=f"Disable {f.rule} ({f.name}) on this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[self.diagnostic(f)],
                edit=types.WorkspaceEdit(changes={self.uri: [self.disable_next_line(f)]}),
            )
            for f in self.findings
            if _overlaps(self.where.range(f), wanted)
        ]


def cut_notice(review: DocumentReview, where: Positions) -> tuple[types.Diagnostic, ...]:
    """Of a document larger than a review reads (source.reviewed_part): a diagnostic where
    the review stopped, saying so as every report does."""
    note, source = cut_note(review), review.source
    if note is None or source is None:
        return ()
    end = where.position(len(source.lines), len(source.lines[-1]) + 1)
    severity = types.DiagnosticSeverity.Information
    cut = types.Diagnostic(
        range=types.Range(end, end), message=note, severity=severity, code=CUT, source=SOURCE
    )
    return (cut,)
