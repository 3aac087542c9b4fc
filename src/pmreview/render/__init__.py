"""Renderers: one pure function per format, Report -> str."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..errors import UsageError
from ..models import Report

FORMATS = (
    "text",
    "json",
    "markdown",
    "sarif",
    "github",
    "html",
    "rdjson",
    "rdjsonl",
    "codequality",
    "csv",
)


def renderer(fmt: str) -> Callable[..., str]:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from: {', '.join(FORMATS)})")
    module = import_module(f".{fmt}_format", __name__)
    fn: Callable[..., str] = module.render
    return fn


def render(report: Report, fmt: str, **options: object) -> str:
    return renderer(fmt)(report, **options)
