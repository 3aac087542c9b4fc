"""The Reviewdog Diagnostic Format, one Diagnostic a line (`reviewdog -f=rdjsonl`): the
diagnostics of `rdjson`, each a self-contained JSON object on its own line."""

from __future__ import annotations

import json

from ..models import Report
from .rdjson_format import diagnostics


def render(report: Report, **_: object) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in diagnostics(report))
