"""Find the model's quotes in the original document.

Matching forgives what a model changes without meaning to: case, runs of white space and line
breaks, curly vs straight quotes and dashes, Markdown emphasis markers, a trailing full stop or
ellipsis. Whatever cannot be found is not grounded, and the claim is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

_FOLD = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "…": "...",
}
_SKIP = set("*_`")


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int
    text: str  # the document's own words at that place


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each of its characters, the offset in `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch in _SKIP:
            continue
        ch = _FOLD.get(ch, ch)
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for c in ch.lower():
            out.append(c)
            where.append(i)
    return "".join(out), where


class Grounder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.where = _normalise(text)
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)

    def _position(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi - 1:
            mid = (lo + hi) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid
        return lo + 1, offset - self.starts[lo] + 1

    def find(self, quote: str) -> Span | None:
        """Where `quote` is in the document, or None."""
        needle, _ = _normalise(quote.strip().strip("\"'“”"))
        needle = needle.strip()
        for candidate in (needle, needle.rstrip(". ").strip()):
            if len(candidate) < 3:
                continue
            at = self.folded.find(candidate)
            if at >= 0:
                start = self.where[at]
                end = self.where[at + len(candidate) - 1] + 1
                line, col = self._position(start)
                end_line, end_col = self._position(end)
                return Span(line, col, end_line, end_col, self.text[start:end])
        return None
