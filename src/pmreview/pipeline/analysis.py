"""The deterministic stage: Source -> Document -> facts -> profile verdicts, and the rules."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from .. import rules
from ..checks import extract
from ..checks.profile import evaluate
from ..checks.profile import load as load_profile
from ..models import Analysis, Source
from ..parse import parse
from .options import Options


def analyse(source: Source, opts: Options) -> Analysis:
    """Parse once, decide the profile's checks, run every rule: nothing filtered yet."""
    with _no_cycle_collection():
        doc = parse(source)
        checks = evaluate(load_profile(opts.profile), extract(doc))
        ran = rules.run(doc, opts.rule_options, opts.severity)
    return Analysis(doc, checks, tuple(ran.findings), tuple(ran.failures))


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while one document is analysed: the analysis
    allocates hundreds of thousands of small objects (blocks, matches, facts) that live as
    long as the document, and each collection walked them all again (8-15% of a 512 KB
    review). What it holds is bounded by the reviewed part of one file; the collector
    resumes after it."""
    if not gc.isenabled():  # a caller (or an outer analysis) paused it: leave it so
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
