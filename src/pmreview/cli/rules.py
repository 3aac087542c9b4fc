"""`pmreview rules`: every rule and check id with its severity and one-line description."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..errors import UsageError
from . import fail


def register(app: typer.Typer) -> None:
    app.command("rules")(list_rules)


def list_rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    profile: Annotated[str, typer.Option(help="Profile whose checks to list.")] = "default",
) -> None:
    """List every rule and check id with its severity and one-line description."""
    from ..llm import LLM_RULES
    from ..profile import load, slug
    from ..rules import registry

    try:
        prof = load(profile)
    except UsageError as exc:
        fail(str(exc))
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
        fail(f"unknown format {fmt!r} (choose from: text, json)")
