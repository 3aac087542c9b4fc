"""Document -> facts record: the JSON that a profile (JSON Schema) validates.

The record holds what pmreview found, never a verdict: which sections exist, the summary's
times and share of users, the timeline's entries, the measures' tasks, and for each semantic
element the sentence that shows it (or null). `schemas/facts.schema.json` documents it; one
module builds each part.
"""

from __future__ import annotations

from ..models import Document
from .causes import root_cause
from .fixes import resolution
from .measures import measures
from .record import Facts, Place, place
from .summary import summary
from .timeline import timeline


def extract(doc: Document) -> Facts:
    """The facts record of a document (see schemas/facts.schema.json)."""
    return {
        "sections": _sections(doc),
        "summary": summary(doc),
        "timeline": timeline(doc),
        "root_cause": root_cause(doc),
        "resolution": resolution(doc),
        "measures": measures(doc),
        "zone_statement": doc.zone_statement,
        "lines": len(doc.source.lines),
    }


def _sections(doc: Document) -> dict[str, Place]:
    """Each section kind the document has, at its first section."""
    present: dict[str, Place] = {}
    for sec in doc.sections:
        for kind in sorted(sec.kinds):
            present.setdefault(kind, place(sec))
    return present
