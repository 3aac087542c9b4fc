"""With an LLM: the author's answer turned into a rewrite of the passage it concerns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .placement import Placer
from .plan import Item

if TYPE_CHECKING:
    from ..llm import ChatClient, LLMConfig
    from ..llm.redact import Redaction
    from ..models import Source

PROMPT = "coach"


@dataclass
class Rewriter:
    """Turns an author's answer into a rewrite of the passage, with one LLM request."""

    client: ChatClient
    config: LLMConfig
    source: Source
    requests: int = 0

    @cached_property
    def redaction(self) -> Redaction:
        """The document's personal data and its placeholders, found once for all rewrites."""
        from ..llm.redact import redact

        return redact(self.source)

    def rewrite(self, item: Item, placer: Placer, answer: str) -> str:
        """The rewrite of the item's sentence or list item (or the text to add) that says
        what `answer` says. Raises LLMError."""
        from ..llm.ask import ask

        target = ""
        if item.mode in ("replace", "item") and item.finding.quote:
            start, end = placer.unit(item.finding)
            target = placer.text[start:end]
        first, last = placer.context(item, radius=3)
        context = "\n".join(placer.lines[first - 1 : last])
        apply = self.redaction.apply
        variables = {
            "issue": item.finding.message,
            "question": item.finding.question or "(none)",
            "target": apply(target) or "(nothing: the text is new, to be added)",
            "context": apply(context),
            "answer": apply(answer),
        }
        reply = ask(PROMPT, variables, self.config, self.client)
        self.requests += reply.requests
        return " ".join(self.redaction.restore(str(reply.data["rewrite"])).split())
