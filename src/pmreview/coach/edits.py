"""Edits of a text, each in the original's offsets, applied at once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Edit:
    start: int
    end: int
    text: str
    seq: int


@dataclass
class Editor:
    """Edits of `original`, each in the original's offsets; replacements never overlap."""

    original: str
    edits: list[Edit] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str) -> bool:
        if any(start < e.end and e.start < end for e in self.edits if e.end > e.start):
            return False  # these words were already rewritten
        self.edits.append(Edit(start, end, text, len(self.edits)))
        return True

    def insert(self, at: int, text: str) -> None:
        for e in self.edits:
            if e.start < at < e.end:
                at = e.end
        self.edits.append(Edit(at, at, text, len(self.edits)))

    def text(self) -> str:
        out, pos = [], 0
        for e in sorted(self.edits, key=lambda e: (e.start, e.end > e.start, e.seq)):
            out.append(self.original[pos : e.start])
            out.append(e.text)
            pos = max(pos, e.end)
        out.append(self.original[pos:])
        return "".join(out)
