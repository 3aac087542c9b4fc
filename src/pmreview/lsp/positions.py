"""pmreview's positions (1-based lines and columns, columns counting code points, as Python's
str does) as LSP positions (0-based, in the code units the client and server agreed on at
initialize: UTF-16 unless the client offered another). pygls' PositionCodec counts the units;
the lines are the editor's, split where LSP ends a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from ..models import Finding

# LSP ends a line at \r\n, \r or \n only (str.splitlines also splits at \f, \x85, \u2028...),
# which is also where pmreview's Source splits once it has turned \r\n and \r into \n.
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Positions:
    codec: PositionCodec
    lines: tuple[str, ...]
    bom: int  # byte order marks at the start of line 1, which pmreview's Source drops

    @classmethod
    def of(cls, text: str, codec: PositionCodec) -> Positions:
        return cls(codec, tuple(_LINE_END.split(text)), len(text) - len(text.lstrip("\ufeff")))

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of pmreview's 1-based `line` and `column`."""
        character = column - 1 + (self.bom if line == 1 else 0)
        server = ServerTextPosition(line - 1, max(character, 0))
        return self.codec.position_to_client_units(self.lines, server)

    def range(self, f: Finding) -> types.Range:
        """The finding's words; its end column is exclusive, as LSP's end is."""
        return types.Range(self.position(f.line, f.column), self.position(f.end_line, f.end_column))

    def indent(self, line: int) -> str:
        """The leading blanks of pmreview's 1-based `line`."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return text[: len(text) - len(text.lstrip(" \t"))]
