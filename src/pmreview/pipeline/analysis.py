"""The deterministic stage: Source -> Document -> facts -> profile verdicts, and the rules."""

from __future__ import annotations

from .. import rules
from ..checks import extract
from ..checks.profile import evaluate
from ..checks.profile import load as load_profile
from ..models import Analysis, Source
from ..parse import parse
from .options import Options


def analyse(source: Source, opts: Options) -> Analysis:
    """Parse once, decide the profile's checks, run every rule: nothing filtered yet."""
    doc = parse(source)
    checks = evaluate(load_profile(opts.profile), extract(doc))
    ran = rules.run(doc, opts.rule_options, opts.severity)
    return Analysis(doc, checks, tuple(ran.findings), tuple(ran.failures))
