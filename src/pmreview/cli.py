"""The command line (typer only): options -> config -> review -> render -> exit code."""

from __future__ import annotations

import copy
import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from . import __version__
from .errors import UsageError
from .models import SEVERITY_RANK, Report

if TYPE_CHECKING:
    from .review import Options

app = typer.Typer(
    name="pmreview",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Review incident postmortems: what is missing, what is vague, and how to fix it.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
COMMANDS = {"check", "github", "rules", "fixtures", "init", "coach", "explain"}


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


# The review options, shared by `check` and `github`.
ProfileOpt = Annotated[
    str | None,
    typer.Option(help="Profile name (default, google-sre) or path to a profile schema."),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option(help="Config file (default: .pmreview.toml or pyproject.toml, searched upward)."),
]
OfflineOpt = Annotated[
    bool | None, typer.Option("--offline", help="Deterministic checks only; no LLM.")
]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity."),
]
SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        help="Only these ids, slugs or prefixes (PM3, summary). Repeat or comma-separate."
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(help="Drop these ids, slugs or prefixes. Repeat or comma-separate."),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes for large batches, and LLM requests at a time (default: CPUs; 4).",
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).",
        rich_help_panel="LLM review",
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="Model name (env PMREVIEW_MODEL).", rich_help_panel="LLM review"),
]
LlmTimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--llm-timeout",
        min=0.1,
        help="Seconds for each LLM request (default 60).",
        rich_help_panel="LLM review",
    ),
]
NoRedactOpt = Annotated[
    bool,
    typer.Option(
        "--no-redact",
        help="Send personal data to the LLM unredacted.",
        rich_help_panel="LLM review",
    ),
]
CacheDirOpt = Annotated[
    str | None,
    typer.Option(
        "--cache-dir", help="LLM answer cache (default: user cache).", rich_help_panel="LLM review"
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Neither read nor write the LLM cache.", rich_help_panel="LLM review"
    ),
]
ReplayOpt = Annotated[
    Path | None,
    typer.Option(
        "--replay",
        help="Answer LLM requests from recorded fixtures in this folder.",
        rich_help_panel="LLM review",
    ),
]


def _review_options(
    cfg: dict[str, Any],
    *,
    profile: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    offline: bool | None,
    jobs: int | None,
    base_url: str | None,
    model: str | None,
    llm_timeout: float | None,
    no_redact: bool,
    cache_dir: str | None,
    no_cache: bool,
    replay: Path | None,
) -> Options:
    """The review options from the command line, then the config file (and the environment,
    for the LLM); warns about selectors that match nothing."""
    from .config import llm_settings
    from .review import Options

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
    if opts.select or opts.ignore:
        _warn_unknown(opts.profile, opts.select + opts.ignore)
    return opts


def _fail_on(fail_on: FailOn | None, cfg: dict[str, Any]) -> str:
    return fail_on.value if fail_on else str(cfg.get("fail-on", "error"))


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched for *.md, *.markdown, *.txt) or - for stdin."
        ),
    ],
    profile: ProfileOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Output format: text, json, markdown, sarif, github or html."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    config: ConfigOpt = None,
    offline: OfflineOpt = None,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text output (default: on a terminal)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every suggestion, info ones included.")
    ] = False,
    jobs: JobsOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    llm_timeout: LlmTimeoutOpt = None,
    no_redact: NoRedactOpt = False,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    replay: ReplayOpt = None,
) -> None:
    """Review postmortems and print what is missing and what is vague."""
    from .config import resolve
    from .render import render, renderer
    from .review import review_paths

    try:
        cfg = resolve(config, Path.cwd())
        fmt = fmt or cfg.get("format", "text")
        renderer(fmt)
        opts = _review_options(
            cfg,
            profile=profile,
            select=select,
            ignore=ignore,
            offline=offline,
            jobs=jobs,
            base_url=base_url,
            model=model,
            llm_timeout=llm_timeout,
            no_redact=no_redact,
            cache_dir=cache_dir,
            no_cache=no_cache,
            replay=replay,
        )
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
    raise typer.Exit(exit_code(report, _fail_on(fail_on, cfg)))


@app.command("github")
def github(
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help="Changed files to review (default: **/postmortem*.md, **/postmortems/**/*.md, "
            "**/*post-mortem*.md, **/incident*.md). Repeat or comma-separate.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the comment instead of posting it.")
    ] = False,
    event: Annotated[
        str | None, typer.Option("--event", help="Event payload (default: GITHUB_EVENT_PATH).")
    ] = None,
    repo: Annotated[
        str | None, typer.Option("--repo", help="OWNER/NAME (default: GITHUB_REPOSITORY).")
    ] = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    offline: OfflineOpt = None,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    jobs: JobsOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    llm_timeout: LlmTimeoutOpt = None,
    no_redact: NoRedactOpt = False,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    replay: ReplayOpt = None,
) -> None:
    """Review the postmortems a pull request changes and keep one comment on it up to date.

    Run in a GitHub Actions job on pull_request: reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
    GITHUB_TOKEN, GITHUB_API_URL and the files checked out in GITHUB_WORKSPACE. Exit codes
    as for check; any other event is not an error (a warning, exit 0).
    """
    import os

    from .config import resolve
    from .github import bot
    from .github.api import GitHubError, mask
    from .github.globs import DEFAULT_GLOBS
    from .render import render

    token = os.environ.get("GITHUB_TOKEN")
    try:
        ctx = bot.context(os.environ, event=event, repo=repo)
        pr = bot.read_event(ctx.event_path, os.environ.get("GITHUB_EVENT_NAME"))
        if not dry_run:
            bot.require_token(ctx)
        cfg = resolve(config, ctx.workspace)
        opts = _review_options(
            cfg,
            profile=profile,
            select=select,
            ignore=ignore,
            offline=offline,
            jobs=jobs,
            base_url=base_url,
            model=model,
            llm_timeout=llm_timeout,
            no_redact=no_redact,
            cache_dir=cache_dir,
            no_cache=no_cache,
            replay=replay,
        )
        globs = _split(glob) or list(DEFAULT_GLOBS)
        outcome = bot.run(ctx, pr, opts, globs, jobs=jobs, dry_run=dry_run)
    except bot.NotAPullRequest as exc:
        typer.echo(f"pmreview: warning: {exc}", err=True)
        raise typer.Exit(0) from None
    except (UsageError, GitHubError) as exc:
        _fail(mask(str(exc), token))
    report = outcome.report
    if dry_run and outcome.body:
        sys.stdout.write(mask(outcome.body, token))
    elif report is not None:
        sys.stdout.write(mask(render(report, "text", color=False), token))
    for note in outcome.notes:
        typer.echo(f"pmreview: warning: {mask(note, token)}", err=True)
    typer.echo(f"pmreview: {outcome.summary()}", err=True)
    for e in report.errors if report else []:
        typer.echo(f"pmreview: error: {mask(e['message'], token)}", err=True)
    raise typer.Exit(exit_code(report, _fail_on(fail_on, cfg)) if report else 0)


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
    from .checks.profile import load, slug
    from .llm import LLM_RULES
    from .rules import registry

    try:
        prof = load(profile)
    except UsageError as exc:
        _fail(str(exc))
    rows = [
        {
            "id": cid,
            "name": slug(cid),
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


@app.command("explain")
def explain(
    ids: Annotated[
        list[str] | None,
        typer.Argument(
            help="Rule or check ids or slugs (PM101, vague-cause, summary.end_time), or score."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
    every: Annotated[bool, typer.Option("--all", help="Explain every rule and check.")] = False,
    profile: Annotated[
        str | None,
        typer.Option(help="Explain this profile's checks (default: every built-in profile's)."),
    ] = None,
) -> None:
    """Explain a rule or check: what it checks, why it matters, a bad and a good example."""
    from . import explain as docs

    if fmt not in ("text", "markdown"):
        _fail(f"unknown format {fmt!r} (choose from: text, markdown)")
    if not ids and not every:
        _fail("name a rule or check id to explain (see pmreview rules), or use --all")
    try:
        if every:
            out = docs.document(profile) if fmt == "markdown" else docs.text_all(profile)
        else:
            render = docs.as_markdown if fmt == "markdown" else docs.as_text
            out = "\n".join(render(docs.find(i, profile)) for i in ids or [])
    except UsageError as exc:
        _fail(str(exc))
    typer.echo(out, nl=False)


@app.command("init")
def init(
    path: Annotated[
        str | None,
        typer.Argument(help="File to write (a folder gets postmortem.md); - prints it."),
    ] = None,
    profile: Annotated[str, typer.Option(help="Profile whose template to write.")] = "default",
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a postmortem template for a profile: guidance comments and placeholders to fill."""
    from . import scaffold

    try:
        if path == "-":
            typer.echo(scaffold.template(profile), nl=False)
            return
        out = scaffold.write(path, profile, force)
    except UsageError as exc:
        _fail(str(exc))
    profile_flag = "" if profile == "default" else f" --profile {profile}"
    typer.echo(
        f"Wrote {out}. Replace each [insert …] and XX:XX placeholder, then run: "
        f"pmreview{profile_flag} {out}"
    )


@app.command("coach")
def coach(
    path: Annotated[str, typer.Argument(help="The postmortem to coach.")],
    answers: Annotated[
        Path | None,
        typer.Option(
            help="YAML file mapping a check or rule id to your answer "
            "(e.g. summary.end_time: '07:45 EAT'); no questions are asked."
        ),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite PATH itself instead of PATH.coached.md.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the coached text here.")
    ] = None,
    profile: ProfileOpt = None,
    config: ConfigOpt = None,
    offline: OfflineOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    llm_timeout: LlmTimeoutOpt = None,
    no_redact: NoRedactOpt = False,
    replay: ReplayOpt = None,
) -> None:
    """Walk through what is missing and vague, most important first, and write your answers in."""
    from dataclasses import replace

    from . import coach as coaching
    from .checks.profile import load as load_profile
    from .config import resolve
    from .document import parse
    from .review import review_document
    from .rules import selectable
    from .source import from_text, load

    try:
        if path == "-":
            raise UsageError("coach needs a file to write next to; - (stdin) is not one")
        answer_map = coaching.load_answers(str(answers)) if answers is not None else None
        if answer_map is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(
                "coach asks questions in a terminal; without one, give the answers in a "
                "file: --answers answers.yaml"
            )
        cfg = resolve(config, Path.cwd())
        opts = _review_options(
            cfg,
            profile=profile,
            select=None,
            ignore=None,
            offline=offline,
            jobs=None,
            base_url=base_url,
            model=model,
            llm_timeout=llm_timeout,
            no_redact=no_redact,
            cache_dir=None,
            no_cache=True,
            replay=replay,
        )
        source = load(path)
        prof = load_profile(opts.profile)
    except UsageError as exc:
        _fail(str(exc))
    if answer_map:
        known = {name for pair in selectable(prof.checks) for name in pair}
        for key in answer_map:
            if key not in known:
                typer.echo(
                    f"pmreview: warning: {key!r} in the answers file is no check or rule id "
                    "(see pmreview rules)",
                    err=True,
                )
    deterministic = replace(opts, llm=None, llm_client=None, offline=True)
    before = review_document(source, deterministic)
    doc = parse(source)
    rewriter = None
    if opts.llm is not None and not opts.offline:
        from .review import _client

        client = opts.llm_client or _client(opts.llm)
        rewriter = coaching.Rewriter(client, opts.llm, doc)
    color = sys.stdout.isatty()

    def emph(text: str) -> str:
        return typer.style(text, bold=True, underline=True) if color else f"»{text}«"

    def ask(prompt: str) -> str:
        try:
            return input(prompt)
        except EOFError:
            return "q"

    outcome = coaching.session(
        before,
        doc,
        echo=typer.echo,
        answers=answer_map,
        ask=None if answer_map is not None else ask,
        rewriter=rewriter,
        emph=emph,
        failing=lambda text: {
            cid
            for cid, c in review_document(from_text(text, path), deterministic).checks.items()
            if c.status != "pass"
        },
    )
    if not outcome.answered:
        typer.echo("Nothing was answered, so nothing was written.")
        return
    target = output or (Path(path) if in_place else coaching.coached_path(path))
    try:
        target.write_text(outcome.text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{target}: cannot write: {exc.strerror or exc}")
    after = review_document(load(str(target)), deterministic)
    old, new = before.score["overall"], after.score["overall"]
    passed = [
        cid
        for cid, c in after.checks.items()
        if c.status == "pass" and before.checks[cid].status != "pass"
    ]
    typer.echo("")
    typer.echo(
        f"Wrote {target}: {len(outcome.answered)} answered, {outcome.skipped} skipped. "
        f"Specificity score {old} → {new} ({new - old:+d})."
    )
    if passed:
        typer.echo(f"Now present: {', '.join(passed)}.")
    llm_note = f" · LLM requests: {outcome.llm_requests}" if rewriter is not None else ""
    typer.echo(f"Review it: pmreview {target}{llm_note}")


def _warn_unknown(profile: str, selectors: list[str]) -> None:
    from .checks.profile import load
    from .directives import unknown
    from .rules import selectable

    for sel in unknown(selectors, selectable(load(profile).checks)):
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
    if first in COMMANDS and args[0] != first:  # after an option: maybe that option's value
        first = _first_word(args)
    if (
        args
        and first is not None
        and first not in COMMANDS
        and args[0] not in ("--help", "-h", "--version")
    ):
        sys.argv.insert(1, "check")
    try:
        code = _app_for(sys.argv[1] if len(sys.argv) > 1 else "")(standalone_mode=False)
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


def _first_word(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value. Options before it
    can only be `check`'s (`pmreview -o rules.txt FILE`, `pmreview --profile check FILE`), so
    `check` says which options take a value."""
    group = typer.main.get_command(_app_for("check"))
    check = group.commands["check"] if isinstance(group, typer.core.TyperGroup) else group
    takes_value = {
        name
        for p in check.params
        if p.param_type_name == "option" and not getattr(p, "is_flag", False)
        for name in p.opts
    }
    i = 0
    while i < len(args):
        if args[i] == "-" or not args[i].startswith("-"):
            return args[i]
        i += 2 if args[i] in takes_value else 1  # "--opt=value" is one argument
    return None


def _app_for(command: str) -> typer.Typer:
    """The app with only `command` registered when that is the command this run invokes:
    typer builds the parameters of every registered command on each run (~10 ms for all of
    them, a third of a cold review's own time), and a run needs one. Anything else (an option
    first, a group such as `fixtures`, a typo) gets the whole app, so help and errors are the
    same."""
    chosen = [c for c in app.registered_commands if _command_name(c) == command]
    if not chosen:
        return app
    slim = copy.copy(app)
    slim.registered_commands = chosen
    slim.registered_groups = []
    return slim


def _command_name(info: CommandInfo) -> str:
    """The name typer gives a registered command (its own, else the function's, dashed)."""
    return info.name or (get_command_name(info.callback.__name__) if info.callback else "")


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\(?'?\(Possible options:[^)]*\)'?,?\)?", "", text)
    return " ".join(text.replace("{paths}", "PATH").split())


def app_help() -> str:
    command = typer.main.get_command(app)
    ctx = command.make_context("pmreview", [], resilient_parsing=True)
    return str(command.get_help(ctx))
