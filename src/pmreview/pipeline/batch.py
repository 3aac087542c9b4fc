"""Many documents: files, folders and stdin; a process pool for large batches; the LLM stage."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..checks.profile import load as load_profile
from ..errors import UsageError
from ..models import DocumentReview, Report
from ..source import expand, load, reviewed_part
from .analysis import analyse
from .merge import finish
from .options import Options

if TYPE_CHECKING:
    from ..llm import ChatClient, LLMConfig
    from ..llm.cache import Cache

# Below this many files a process pool costs more (start-up, pattern compiling) than it saves.
PARALLEL_FROM = 32


def _review_path(path: str, opts: Options) -> DocumentReview | dict[str, str]:
    try:
        return finish(analyse(reviewed_part(load(path)), opts), opts)
    except UsageError as exc:
        return {"path": path, "message": str(exc)}


def review_paths(paths: Iterable[str], opts: Options, jobs: int | None = None) -> Report:
    """Review files, directories and `-`; one bad file is an error entry, not a failure.

    Large batches are reviewed by `jobs` processes (default: one per CPU); the report keeps
    the order of the paths.
    """
    load_profile(opts.profile)  # an unknown profile is a usage error before any file
    files = list(expand(list(paths)))
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(files) >= PARALLEL_FROM and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    _review_path,
                    files,
                    [opts] * len(files),
                    chunksize=max(4, min(32, len(files) // (jobs * 8))),
                )
            )
    else:
        results = [_review_path(path, opts) for path in files]
    docs = [r for r in results if isinstance(r, DocumentReview)]
    errors = [e for r in results for e in ([r] if isinstance(r, dict) else r.errors)]
    if opts.wants_llm and docs:
        docs = _llm_stage(docs, opts)
    return Report(profile=load_profile(opts.profile).name, documents=docs, errors=errors)


def _llm_stage(docs: list[DocumentReview], opts: Options) -> list[DocumentReview]:
    """The LLM review of every document, `jobs` requests at a time, each added to the
    document's analysis (parse and rules do not run again)."""
    from concurrent.futures import ThreadPoolExecutor

    from ..llm.reviewer import run

    assert opts.llm is not None
    config = opts.llm
    client = opts.llm_client or make_client(config)
    store = _store(config)
    profile = load_profile(opts.profile)

    def one(det: DocumentReview) -> DocumentReview:
        assert det.analysis is not None
        result = run(det.analysis.document.source, det, profile, config, client, store)
        return finish(det.analysis, opts, result)

    with ThreadPoolExecutor(max_workers=max(1, config.jobs)) as pool:
        return list(pool.map(one, docs))


def make_client(config: LLMConfig) -> ChatClient:
    from ..llm.client import OpenAIClient

    return OpenAIClient(config)


def _store(config: LLMConfig) -> Cache | None:
    from pathlib import Path

    from ..llm.cache import Cache, default_dir

    if not config.use_cache:
        return None
    return Cache(Path(config.cache_dir) if config.cache_dir else default_dir())
