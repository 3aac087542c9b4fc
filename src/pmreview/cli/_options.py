"""The review options, declared once for every command that reviews (check, github, coach):
their typer declarations, what they mean together with the config file, and the exit code."""

# No `from __future__ import annotations` here: typer reads ReviewArgs' annotations, which are
# cheaper to build once at import than to evaluate from strings on each run.
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..models import SEVERITY_RANK, Report

if TYPE_CHECKING:
    from ..pipeline import Options


def _llm(flag: str, text: str, minimum: float | None = None) -> Any:
    """An option of the LLM stage (listed under its own heading where help has headings)."""
    return typer.Option(flag, help=text, rich_help_panel="LLM review", min=minimum)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@dataclass(frozen=True, eq=False, repr=False)  # neither is used; each costs start-up time
class ReviewArgs:
    """The review options as given on the command line (None: not given)."""

    profile: Annotated[
        str | None,
        typer.Option(help="Profile name (default, google-sre) or path to a profile schema."),
    ] = None
    config: Annotated[
        str | None,
        typer.Option(
            help="Config file (default: .pmreview.toml or pyproject.toml, searched upward)."
        ),
    ] = None
    offline: Annotated[
        bool | None, typer.Option("--offline", help="Deterministic checks only; no LLM.")
    ] = None
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
    ] = None
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="Only these ids, slugs or prefixes (PM3, summary). Repeat or comma-separate."
        ),
    ] = None
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Drop these ids, slugs or prefixes. Repeat or comma-separate."),
    ] = None
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes for large batches, and LLM requests at a time (default: CPUs; 4).",
        ),
    ] = None
    base_url: Annotated[
        str | None, _llm("--base-url", "OpenAI-compatible endpoint (env OPENAI_BASE_URL).")
    ] = None
    model: Annotated[str | None, _llm("--model", "Model name (env PMREVIEW_MODEL).")] = None
    llm_timeout: Annotated[
        float | None, _llm("--llm-timeout", "Seconds for each LLM request (default 60).", 0.1)
    ] = None
    no_redact: Annotated[bool, _llm("--no-redact", "Send personal data to the LLM unredacted.")] = (
        False
    )
    cache_dir: Annotated[
        str | None, _llm("--cache-dir", "LLM answer cache (default: user cache).")
    ] = None
    no_cache: Annotated[bool, _llm("--no-cache", "Neither read nor write the LLM cache.")] = False
    replay: Annotated[
        Path | None, _llm("--replay", "Answer LLM requests from recorded fixtures in this folder.")
    ] = None

    def options(self, cfg: dict[str, Any]) -> "Options":
        """The review options from the command line, then the config file (and the
        environment, for the LLM); warns about selectors that match nothing."""
        from ..config import llm_settings
        from ..pipeline import Options

        opts = Options.from_config(
            cfg,
            profile=self.profile,
            select=split(self.select),
            ignore=split(self.ignore),
            offline=self.offline,
        )
        if not opts.offline:
            opts.llm, opts.llm_client = llm_settings(
                cfg,
                base_url=self.base_url,
                model=self.model,
                timeout=self.llm_timeout,
                redact=not self.no_redact,
                cache_dir=self.cache_dir,
                use_cache=not self.no_cache,
                jobs=self.jobs,
                replay=self.replay,
            )
        if opts.select or opts.ignore:
            _warn_unknown(opts.profile, opts.select + opts.ignore)
        return opts

    def fail_level(self, cfg: dict[str, Any]) -> str:
        """The severity that fails the run: --fail-on, else the config's, else error."""
        return self.fail_on.value if self.fail_on else str(cfg.get("fail-on", "error"))


def review_options(*names: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the review options `names` (every one when none are named), after its
    own parameters; the command receives them as one `review: ReviewArgs` argument."""
    added = [
        inspect.Parameter(
            f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=f.type
        )
        for f in fields(ReviewArgs)
        if not names or f.name in names
    ]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(command, eval_str=True).parameters.values()
        params = [p for p in own if p.name != "review"] + added

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            review = ReviewArgs(**{p.name: kwargs.pop(p.name) for p in added})
            command(**kwargs, review=review)

        run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


def split(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values as one list."""
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def exit_code(report: Report, fail_on: str) -> int:
    """0: clean; 1: a finding at or above `fail_on`; 2: an input could not be reviewed (a rule
    that failed on a document is reported, but the exit code is the findings')."""
    if any("rule" not in e for e in report.errors):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= floor for d in report.documents for f in d.findings)
    return 1 if hit else 0


def _warn_unknown(profile: str, selectors: list[str]) -> None:
    from ..catalog import unknown_selectors

    for warning in unknown_selectors(profile, selectors):
        typer.echo(f"pmreview: warning: {warning}", err=True)
