"""The coaching loop, in a terminal or from an answers file: each item of the plan asked
about (or looked up), its answer placed, or rewritten by the LLM first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import DocumentReview
from .answers import Answer, answer_for
from .placement import Change, Placer
from .plan import Item, plan
from .rewrite import Rewriter


@dataclass
class Outcome:
    text: str
    answered: list[str]  # ids, in the order answered
    skipped: int
    quit: bool
    llm_requests: int = 0
    notes: list[str] = field(default_factory=list)


class _Quit(Exception):
    """The author asked to stop."""


@dataclass
class _Loop:
    """One session's state: where answers go, how to ask, what happened so far."""

    placer: Placer
    echo: Callable[[str], None]
    answers: Mapping[str, Any] | None
    ask: Callable[[str], str] | None
    rewriter: Rewriter | None
    emph: Callable[[str], str]
    out: Outcome
    used: dict[str, int] = field(default_factory=dict)

    def step(self, n: int, total: int, item: Item) -> bool:
        """Ask about one item and put the answer in; whether it was put in."""
        changes = self._changes(n, total, item)
        if changes is None:
            self.out.skipped += 1
            return False
        if not self.placer.apply(changes):
            self.echo(f"  {item.id}: these words were already rewritten; skipped")
            self.out.skipped += 1
            return False
        self.out.answered.append(item.id)
        shown = " ".join(c[2].strip() for c in changes)
        self.echo(f"✓ {item.id}: {shown[:160]}")
        return True

    def _changes(self, n: int, total: int, item: Item) -> list[Change] | None:
        """The edits the author's answer makes, or None: skipped."""
        answer: Answer | None
        if self.answers is not None:
            answer = answer_for(item, self.answers, self.used)
            answer = None if item.mode == "manual" else answer
        else:
            answer = self._interview(n, total, item)
        if answer is None:
            return None
        changes = self.placer.proposal(item, answer)
        if not changes:
            return None
        if self.rewriter is None or item.mode == "suffix":
            return changes
        return self._rewritten(self.rewriter, item, answer, changes)

    def _interview(self, n: int, total: int, item: Item) -> str | None:
        """Show the item in its context and ask for an answer (None: skipped)."""
        assert self.ask is not None
        f = item.finding
        where = f"line {f.line}" + (f", {f.section}" if f.section else "")
        self.echo("")
        self.echo(f"[{n}/{total}] {item.id} ({f.severity}) · {where}")
        self.echo("\n".join(self._context(item)))
        self.echo(f"  {f.message}")
        self.echo(f"  (why it matters: pmreview explain {item.id})")
        if item.mode == "manual":
            self.echo(f"  {self.placer.describe(item)}")
            if self.ask("  Enter to go on, q to quit: ").strip().lower() in ("q", "quit"):
                raise _Quit
            return None
        if f.question:
            self.echo(f"  ? {f.question}")
        if item.hint:
            self.echo(f"    {item.hint}")
        self.echo(f"  {self.placer.describe(item)}")
        reply = self.ask("  Your answer (Enter: skip, q: quit): ").strip()
        if reply.lower() in ("q", "quit", ":q"):
            raise _Quit
        return reply or None

    def _context(self, item: Item) -> list[str]:
        """The lines around an item, numbered, its words emphasised."""
        f = item.finding
        first, last = self.placer.context(item)
        out = []
        for n in range(first, last + 1):
            line = self.placer.lines[n - 1]
            if f.quote and f.line == n == f.end_line and f.end_column > f.column:
                a, b = f.column - 1, f.end_column - 1
                line = line[:a] + self.emph(line[a:b]) + line[b:]
            marker = "›" if f.line <= n <= f.end_line else " "
            out.append(f"  {marker}{n:4d} │ {line}")
        return out

    def _rewritten(
        self, rewriter: Rewriter, item: Item, answer: Answer, changes: list[Change]
    ) -> list[Change] | None:
        """The edits of the LLM's rewrite, as the author takes it (None: skipped); the
        author's own words when the rewrite fails."""
        from ..llm import LLMError

        text = answer if isinstance(answer, str) else "\n".join(answer)
        try:
            proposed = rewriter.rewrite(item, self.placer, text)
        except LLMError as exc:
            note = f"LLM rewrite failed ({exc}); your words are used as they are"
            self.out.notes.append(note)
            self.echo(f"  {note}")
            return changes
        if self.ask is not None:
            self.echo(f"  Proposed: {proposed}")
            choice = self.ask("  Enter: accept · e: edit · k: keep your words · s: skip: ")
            choice = choice.strip().lower()
            if choice == "s":
                return None
            if choice == "k":
                return changes
            if choice == "e":
                proposed = self.ask("  Your version: ").strip() or proposed
        return self.placer.proposal(item, proposed, raw=True)


def session(
    review: DocumentReview,
    *,
    echo: Callable[[str], None],
    answers: Mapping[str, Any] | None = None,
    ask: Callable[[str], str] | None = None,
    rewriter: Rewriter | None = None,
    emph: Callable[[str], str] = lambda s: f"»{s}«",
    failing: Callable[[str], set[str]] | None = None,
) -> Outcome:
    """Coach one reviewed document: from an answers file (`answers`) or by asking (`ask`).
    `failing(text)` gives the check ids that still fail in a text: after each answer, the
    missing elements it already supplied (a start and an end give a duration) are not asked."""
    assert review.document is not None, "a review made by review_document keeps its Document"
    items = plan(review)
    placer = Placer(review.document)
    loop = _Loop(placer, echo, answers, ask, rewriter, emph, Outcome(placer.text, [], 0, False))
    still = {i.id for i in items if i.is_check}
    for n, item in enumerate(items, 1):
        if item.is_check and item.id not in still:
            echo(f"✓ {item.id}: present now, from your earlier answers")
            continue
        try:
            done = loop.step(n, len(items), item)
        except _Quit:
            loop.out.quit = True
            break
        if done and failing is not None:
            still &= failing(placer.result())
    loop.out.text = placer.result()
    if rewriter is not None:
        loop.out.llm_requests = rewriter.requests
    return loop.out
