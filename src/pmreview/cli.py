"""The command line (typer only): options -> config -> review -> render -> exit code."""

from __future__ import annotations

import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .errors import UsageError
from .llm import LLM_RULES
from .models import SEVERITY_RANK, Report

app = typer.Typer(
    name="pmreview",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Review incident postmortems: what is missing, what is vague, and how to fix it.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
COMMANDS = {"check", "rules", "fixtures"}


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pmreview {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """Review incident postmortems: what is missing, what is vague, and how to fix it.

    pmreview PATH... is short for pmreview check PATH...
    """


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def exit_code(report: Report, fail_on: str) -> int:
    """0: clean; 1: a finding at or above `fail_on`; 2: an input could not be reviewed."""
    if report.errors:
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= floor for d in report.documents for f in d.findings)
    return 1 if hit else 0


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched for *.md, *.markdown, *.txt) or - for stdin."
        ),
    ],
    profile: Annotated[
        str | None,
        typer.Option(help="Profile name (default, google-sre) or path to a profile schema."),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Output format: text or json.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            help="Config file (default: .pmreview.toml or pyproject.toml, searched upward)."
        ),
    ] = None,
    offline: Annotated[
        bool | None, typer.Option("--offline", help="Deterministic checks only; no LLM.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="Only these ids, slugs or prefixes (PM3, summary). Repeat or comma-separate."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Drop these ids, slugs or prefixes. Repeat or comma-separate."),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every suggestion, info ones included.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes for large batches, and LLM requests at a time (default: CPUs; 4).",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).",
            rich_help_panel="LLM review",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", help="Model name (env PMREVIEW_MODEL).", rich_help_panel="LLM review"
        ),
    ] = None,
    llm_timeout: Annotated[
        float | None,
        typer.Option(
            "--llm-timeout",
            min=0.1,
            help="Seconds for each LLM request (default 60).",
            rich_help_panel="LLM review",
        ),
    ] = None,
    no_redact: Annotated[
        bool,
        typer.Option(
            "--no-redact",
            help="Send personal data to the LLM unredacted.",
            rich_help_panel="LLM review",
        ),
    ] = False,
    cache_dir: Annotated[
        str | None,
        typer.Option(
            "--cache-dir",
            help="LLM answer cache (default: user cache).",
            rich_help_panel="LLM review",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Neither read nor write the LLM cache.", rich_help_panel="LLM review"
        ),
    ] = False,
    replay: Annotated[
        Path | None,
        typer.Option(
            "--replay",
            help="Answer LLM requests from recorded fixtures in this folder.",
            rich_help_panel="LLM review",
        ),
    ] = None,
) -> None:
    """Review postmortems and print what is missing and what is vague."""
    from .config import llm_settings, resolve
    from .render import render, renderer
    from .review import Options, review_paths

    try:
        cfg = resolve(config, Path.cwd())
        fmt = fmt or cfg.get("format", "text")
        renderer(fmt)
        opts = Options(
            profile=profile or cfg.get("profile", "default"),
            select=_split(select) or cfg.get("select", []),
            ignore=_split(ignore) or cfg.get("ignore", []),
            severity=cfg.get("severity", {}),
            rule_options=cfg.get("rules", {}),
            offline=bool(offline if offline is not None else cfg.get("offline", False)),
        )
        if not opts.offline:
            opts.llm, opts.llm_client = llm_settings(
                cfg,
                base_url=base_url,
                model=model,
                timeout=llm_timeout,
                redact=not no_redact,
                cache_dir=cache_dir,
                use_cache=not no_cache,
                jobs=jobs,
                replay=replay,
            )
        _warn_unknown(opts.profile, opts.select + opts.ignore)
        report = review_paths(paths, opts, jobs)
    except UsageError as exc:
        _fail(str(exc))
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    text = render(report, fmt, color=use_color, verbose=verbose)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write report ({exc.strerror})")
    else:
        sys.stdout.write(text)
    for e in report.errors:  # always on stderr, one line each, whatever the format
        typer.echo(f"pmreview: error: {e['message']}", err=True)
    raise typer.Exit(exit_code(report, (fail_on.value if fail_on else cfg.get("fail-on", "error"))))


fixtures_app = typer.Typer(help="Recorded LLM exchanges for offline tests.", no_args_is_help=True)
app.add_typer(fixtures_app, name="fixtures")


@fixtures_app.command("record")
def fixtures_record(
    documents: Annotated[list[Path], typer.Argument(help="Postmortems to record exchanges for.")],
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Endpoint (env OPENAI_BASE_URL).")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Model (env PMREVIEW_MODEL).")
    ] = None,
    into: Annotated[Path, typer.Option("--dir", help="Fixture folder.")] = Path("fixtures/llm"),
    profile: Annotated[str, typer.Option(help="Profile the requests are made for.")] = "default",
    llm_timeout: Annotated[float, typer.Option("--llm-timeout", min=0.1)] = 120.0,
) -> None:
    """Send each document's review request to the configured endpoint and record the exchange
    (request, response, server, model, date) as a fixture in --dir."""
    from .config import llm_settings
    from .llm.client import OpenAIClient
    from .llm.replay import RecordingClient
    from .review import Options, review_paths

    try:
        config, _ = llm_settings(
            {},
            base_url=base_url,
            model=model,
            timeout=llm_timeout,
            redact=True,
            cache_dir=None,
            use_cache=False,
            jobs=1,
            replay=None,
        )
        if config is None:
            raise UsageError(
                "no LLM endpoint to record from: pass --base-url (or set OPENAI_BASE_URL)"
            )
        real = OpenAIClient(config)
        for doc in documents:
            recorder = RecordingClient(real, into, doc.as_posix())
            report = review_paths(
                [str(doc)], Options(profile=profile, llm=config, llm_client=recorder)
            )
            for d in report.documents:
                typer.echo(
                    f"{doc}: {d.llm.get('status')} ({len(recorder.written)} exchange(s) "
                    f"recorded){': ' + str(d.llm['error']) if d.llm.get('error') else ''}"
                )
            for e in report.errors:
                typer.echo(f"pmreview: error: {e['message']}", err=True)
    except UsageError as exc:
        _fail(str(exc))


@fixtures_app.command("author")
def fixtures_author(
    specs: Annotated[Path, typer.Option("--specs", help="Folder of authored answers.")] = Path(
        "fixtures/authored"
    ),
    into: Annotated[Path, typer.Option("--dir", help="Fixture folder.")] = Path("fixtures/llm"),
) -> None:
    """(Re)build the authored fixtures: hand-written answers (fixtures/authored/*.json) keyed
    by the request the current prompt makes for their document."""
    from .llm.replay import author

    try:
        for path in author(specs, into):
            typer.echo(f"wrote {path}")
    except UsageError as exc:
        _fail(str(exc))


@app.command("rules")
def list_rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    profile: Annotated[str, typer.Option(help="Profile whose checks to list.")] = "default",
) -> None:
    """List every rule and check id with its severity and one-line description."""
    from .profile import load
    from .rules import registry

    try:
        prof = load(profile)
    except UsageError as exc:
        _fail(str(exc))
    rows = [
        {
            "id": cid,
            "name": cid.replace(".", "-").replace("_", "-"),
            "kind": "check",
            "category": "structure",
            "severity": spec.get("severity", "error"),
            "summary": spec.get("description", ""),
        }
        for cid, spec in prof.checks.items()
    ]
    rows += [
        {
            "id": r.id,
            "name": r.name,
            "kind": "rule",
            "category": r.category,
            "severity": r.severity,
            "summary": r.summary,
        }
        for r in registry().values()
    ]
    rows += [
        {"id": i, "name": n, "kind": "llm", "category": c, "severity": sev, "summary": text}
        for i, n, c, sev, text in LLM_RULES
    ]
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2))
    elif fmt == "text":
        for row in rows:
            typer.echo(f"{row['id']:<24} {row['severity']:<8} {row['name']:<28} {row['summary']}")
    else:
        _fail(f"unknown format {fmt!r} (choose from: text, json)")


def _warn_unknown(profile: str, selectors: list[str]) -> None:
    from .directives import unknown
    from .profile import load
    from .rules import registry

    ids = [(cid, cid.replace(".", "-").replace("_", "-")) for cid in load(profile).checks]
    ids += [(r.id, r.name) for r in registry().values()]
    ids += [(r[0], r[1]) for r in LLM_RULES]
    for sel in unknown(selectors, ids):
        typer.echo(
            f"pmreview: warning: {sel!r} matches no rule or check (see pmreview rules)", err=True
        )


def _fail(message: str) -> NoReturn:
    typer.echo(f"pmreview: error: {message}", err=True)
    raise typer.Exit(2)


def main() -> None:
    """Entry point: `pmreview PATH...` means `pmreview check PATH...`."""
    args = sys.argv[1:]
    first = next((a for a in args if not a.startswith("-") or a == "-"), None)
    if (
        args
        and first is not None
        and first not in COMMANDS
        and args[0] not in ("--help", "-h", "--version")
    ):
        sys.argv.insert(1, "check")
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    except Exception as exc:  # click's usage errors: one line, exit 2 (a bug still raises)
        if not (hasattr(exc, "format_message") and getattr(exc, "exit_code", None) == 2):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(app_help(), err=True)
        else:
            typer.echo(
                f"pmreview: error: {_one_line(exc.format_message())} (see pmreview --help)",
                err=True,
            )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\(?'?\(Possible options:[^)]*\)'?,?\)?", "", text)
    return " ".join(text.replace("{paths}", "PATH").split())


def app_help() -> str:
    command = typer.main.get_command(app)
    ctx = command.make_context("pmreview", [], resilient_parsing=True)
    return str(command.get_help(ctx))
