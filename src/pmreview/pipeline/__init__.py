"""The pipeline: load -> analyse (parse, facts, checks, rules) -> [LLM] -> merge -> Review.

`review_text`, `review_document` and `review_paths` are the public API; nothing here renders
or prints. Each document is analysed once; the LLM stage adds to that analysis (see
`merge.finish`) instead of reviewing the document again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import DocumentReview, Source
from ..source import from_text, reviewed_part
from .analysis import analyse
from .batch import review_paths
from .merge import finish
from .options import Options

if TYPE_CHECKING:
    from ..llm.reviewer import LLMResult

__all__ = ["Options", "analyse", "finish", "review_document", "review_paths", "review_text"]


def review_document(source: Source, opts: Options, llm: LLMResult | None = None) -> DocumentReview:
    """The deterministic review of one document, with `llm` (an LLM stage's result) merged
    when given."""
    return finish(analyse(source, opts), opts, llm)


def review_text(text: str, path: str = "<text>", opts: Options | None = None) -> DocumentReview:
    """Review a postmortem given as a string: as much of it as a file's review reads (its
    first REVIEW_BYTES, cut at a line end; the review's `whole_bytes` says when it was cut)."""
    return review_document(reviewed_part(from_text(text, path)), opts or Options())
