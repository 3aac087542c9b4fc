"""The command line (typer only): one module per command; `main()` imports and builds only the
command a run invokes (typer builds every registered command's parameters on each run)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from .. import __version__

# Every command, in the order --help lists them; each is registered by the module of its name.
COMMANDS = (
    "check",
    "overview",
    "convert",
    "github",
    "gitlab",
    "fixtures",
    "rules",
    "explain",
    "init",
    "coach",
    "lsp",
)


def build(commands: Iterable[str] = COMMANDS) -> typer.Typer:
    """The app with these commands registered (and their modules imported)."""
    app = typer.Typer(
        name="pmreview",
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        help="Review incident postmortems: what is missing, what is vague, and how to fix it.",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in commands:
        import_module(f"{__name__}.{name}").register(app)
    return app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pmreview {__version__}")
        raise typer.Exit()


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


def fail(message: str) -> NoReturn:
    """A bad input or option: one line on stderr, exit 2."""
    typer.echo(f"pmreview: error: {message}", err=True)
    raise typer.Exit(2)


def write_out(text: str, output: Path | None, what: str) -> None:
    """`text` to the --output file, else to stdout; a file that cannot be written fails."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write {what} ({exc.strerror})")


def main() -> None:
    """Entry point: `pmreview PATH...` means `pmreview check PATH...`."""
    if _implicit_check(sys.argv[1:]):
        sys.argv.insert(1, "check")
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    app = build([command] if command in COMMANDS else COMMANDS)
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


def _implicit_check(args: list[str]) -> bool:
    """Whether these arguments mean `check` without naming it: the first word is no command."""
    first = next((a for a in args if not a.startswith("-") or a == "-"), None)
    if first in COMMANDS and args[0] != first:  # after an option: maybe that option's value
        first = _first_word(args)
    return (
        first is not None and first not in COMMANDS and args[0] not in ("--help", "-h", "--version")
    )


def _first_word(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value. Options before it
    can only be `check`'s (`pmreview -o rules.txt FILE`, `pmreview --profile check FILE`), so
    `check` says which options take a value."""
    group = typer.main.get_command(build(["check"]))
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


def _one_line(text: str) -> str:
    text = re.sub(r"\s*\(?'?\(Possible options:[^)]*\)'?,?\)?", "", text)
    return " ".join(text.replace("{paths}", "PATH").split())


def app_help() -> str:
    """The help of the whole app, every command listed with its one-line help."""
    command = typer.main.get_command(build())
    ctx = command.make_context("pmreview", [], resilient_parsing=True)
    return str(command.get_help(ctx))
