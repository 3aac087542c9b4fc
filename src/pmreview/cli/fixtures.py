"""`pmreview fixtures record|author`: the recorded LLM exchanges offline tests replay."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from . import fail

if TYPE_CHECKING:
    from ..llm import LLMConfig

fixtures = typer.Typer(help="Recorded LLM exchanges for offline tests.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(fixtures, name="fixtures")


@fixtures.command("record")
def record(
    documents: Annotated[list[Path], typer.Argument(help="Postmortems to record exchanges for.")],
    base_url: Annotated[str | None, typer.Option(help="Endpoint (env OPENAI_BASE_URL).")] = None,
    model: Annotated[str | None, typer.Option(help="Model (env PMREVIEW_MODEL).")] = None,
    into: Annotated[Path, typer.Option("--dir", help="Fixture folder.")] = Path("fixtures/llm"),
    profile: Annotated[str, typer.Option(help="Profile the requests are made for.")] = "default",
    llm_timeout: Annotated[float, typer.Option("--llm-timeout", min=0.1)] = 120.0,
) -> None:
    """Send each document's review request to the configured endpoint and record the exchange
    (request, response, server, model, date) as a fixture in --dir."""
    from ..llm.client import OpenAIClient
    from ..llm.replay import RecordingClient
    from ..pipeline import Options, review_paths

    try:
        config = _endpoint(base_url, model, llm_timeout)
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
        fail(str(exc))


def _endpoint(base_url: str | None, model: str | None, llm_timeout: float) -> LLMConfig:
    """The endpoint to record from: the options, then the environment (no config file)."""
    from ..config import llm_settings

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
        raise UsageError("no LLM endpoint to record from: pass --base-url (or set OPENAI_BASE_URL)")
    return config


@fixtures.command("author")
def author(
    specs: Annotated[Path, typer.Option("--specs", help="Folder of authored answers.")] = Path(
        "fixtures/authored"
    ),
    into: Annotated[Path, typer.Option("--dir", help="Fixture folder.")] = Path("fixtures/llm"),
) -> None:
    """(Re)build the authored fixtures: hand-written answers (fixtures/authored/*.json) keyed
    by the request the current prompt makes for their document."""
    from ..llm.replay import author as write_authored
    from ..pipeline import Options, review_document

    try:
        for path in write_authored(
            specs, into, lambda source, profile: review_document(source, Options(profile=profile))
        ):
            typer.echo(f"wrote {path}")
    except UsageError as exc:
        fail(str(exc))
