"""Speed and memory of pmreview, printed as plain labelled numbers.

    python bench/speed.py [FILE] [--runs N] [--files N] [--batch-runs N] [--corpus DIR ...]

(a) cold start: the median wall time of `pmreview --format json --offline FILE` in a new
    process, next to `proselint check FILE` (or `proselint FILE` on old versions) when
    proselint is installed, and an empty `python -c pass` for the interpreter's own share;
(b) in process: the time of one `review_text` on FILE (first call, then the median of warm calls);
(c) batch: documents per second of `review_paths` over a folder of many postmortems, built in a
    temporary folder by copying every .md of the corpus folders until there are about --files
    of them (the copies never leave the temporary folder; copy n ends its lines with n spaces,
    so no cache keyed by text serves one copy from another), the median of --batch-runs runs
    in one process, in one per CPU and as a cold CLI run; and the peak memory of that run.

Targets: the cold run no slower than proselint's; at least 300 documents per second.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

# The project's shared material sits beside the repository (../shared), wherever it is cloned.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_FILE = SHARED / "seeds" / "000_8dd2772cb27462af.txt"
DEFAULT_CORPUS = [SHARED / "corpus" / "alx", SHARED / "corpus" / "industry"]


def script(name: str) -> str | None:
    """The console script next to this interpreter (no pyenv/asdf shim in between), else PATH's."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.is_file() else shutil.which(name)


T = TypeVar("T")

# As installed: byte code cached. (A PYTHONDONTWRITEBYTECODE in the caller's environment, as
# some shells and tools set, would make every run compile pmreview's modules anew.)
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: Sequence[str], runs: int, cwd: Path) -> float:
    """Median wall time of `cmd` in seconds (after one untimed run that warms the file cache
    and writes the byte code)."""
    subprocess.run(cmd, cwd=cwd, capture_output=True, env=INSTALLED_ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=INSTALLED_ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def proselint_command(file: Path, cwd: Path) -> list[str] | None:
    exe = script("proselint")
    if exe is None:
        return None
    for cmd in ([exe, "check", str(file)], [exe, str(file)]):
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=INSTALLED_ENV)
        if proc.returncode in (0, 1) and "usage:" not in proc.stderr.lower():
            return cmd
    return None


def cold(file: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:  # no config file is discovered from here
        cwd = Path(tmp)
        exe = script("pmreview")
        cmd = [exe] if exe else [sys.executable, "-m", "pmreview"]
        base = wall([sys.executable, "-c", "pass"], runs, cwd)
        ours = wall([*cmd, "--format", "json", "--offline", str(file)], runs, cwd)
        print(f"cold.python_startup_s        {base:.3f}")
        print(f"cold.pmreview_s              {ours:.3f}")
        other = proselint_command(file, cwd)
        if other is None:
            print("cold.proselint_s             n/a (proselint not installed)")
            return
        theirs = wall(other, runs, cwd)
        shown = " ".join([Path(other[0]).name, *other[1:-1], "FILE"])
        print(f"cold.proselint_s             {theirs:.3f}   ({shown})")
        print(f"cold.ratio_pmreview/proselint {ours / theirs:.2f}")


def in_process(file: Path, runs: int) -> None:
    from pmreview.pipeline import review_text

    text = file.read_text(encoding="utf-8")
    start = time.perf_counter()
    review_text(text, str(file))
    first = time.perf_counter() - start
    times = []
    for _ in range(max(runs, 20)):
        start = time.perf_counter()
        review_text(text, str(file))
        times.append(time.perf_counter() - start)
    print(f"doc.chars                    {len(text)}")
    print(f"doc.first_review_ms          {first * 1000:.1f}   (loads tables, compiles patterns)")
    print(f"doc.review_ms                {statistics.median(times) * 1000:.2f}")


def build_folder(corpus: Sequence[Path], files: int, into: Path) -> int:
    sources = sorted(p for folder in corpus if folder.is_dir() for p in folder.glob("*.md"))
    if not sources:
        return 0
    copies = max(1, round(files / len(sources)))
    for n in range(copies):
        for src in sources:
            # copy n ends every line with n spaces: the same review, but no cache keyed by text
            # (sentences of a block, terms of a sentence) can serve one copy from another
            lines = src.read_text(encoding="utf-8").split("\n")
            text = "\n".join(line + " " * n if line.strip() else line for line in lines)
            (into / f"{src.parent.name}-{src.stem}-{n:02d}.md").write_text(text, encoding="utf-8")
    return copies * len(sources)


def median_time(run: Callable[[], T], repeats: int) -> tuple[float, T]:
    """The median wall time of `run()` over `repeats` runs (this machine is shared and noisy),
    and what the last run returned."""
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def batch(corpus: Sequence[Path], files: int, repeats: int) -> None:
    from pmreview.pipeline import Options, review_paths

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count = build_folder(corpus, files, folder)
        if not count:
            print("batch                        n/a (no corpus found)")
            return
        size = sum(p.stat().st_size for p in folder.iterdir())
        review_paths([str(next(folder.iterdir()))], Options())  # warm: tables and patterns
        elapsed, report = median_time(
            lambda: review_paths([str(folder)], Options(), jobs=1), repeats
        )
        jobs = os.cpu_count() or 1
        parallel, _ = median_time(
            lambda: review_paths([str(folder)], Options(), jobs=jobs), repeats
        )
        cmd = [
            sys.executable,
            "-m",
            "pmreview",
            "check",
            "--offline",
            "--format",
            "json",
            "--fail-on",
            "never",
            str(folder),
        ]
        cli, _ = median_time(
            lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=INSTALLED_ENV),
            repeats,
        )
        tracemalloc.start()
        review_paths([str(folder)], Options(), jobs=1)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
        print(
            f"batch.documents              {len(report.documents)}   (errors: {len(report.errors)})"
        )
        print(f"batch.mean_kb_per_document   {size / count / 1024:.1f}")
        print(f"batch.seconds                {elapsed:.2f}")
        print(f"batch.docs_per_s             {len(report.documents) / elapsed:.0f}   (1 process)")
        print(
            f"batch.ms_per_doc             {elapsed / len(report.documents) * 1000:.2f}"
            "   (1 process)"
        )
        print(
            f"batch.docs_per_s_parallel    {len(report.documents) / parallel:.0f}"
            f"   ({jobs} processes)"
        )
        print(
            f"batch.cli_docs_per_s         {len(report.documents) / cli:.0f}   "
            "(cold `pmreview --format json FOLDER`, start-up included)"
        )
        print(
            f"batch.peak_traced_mb         {peak / 1048576:.1f}   (tracemalloc, during the batch)"
        )
        print(f"process.maxrss_mb            {maxrss_kb / 1024:.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "file", nargs="?", type=Path, default=DEFAULT_FILE, help="the postmortem for (a) and (b)"
    )
    parser.add_argument("--runs", type=int, default=10, help="runs per cold-start median")
    parser.add_argument("--files", type=int, default=500, help="about how many documents for (c)")
    parser.add_argument(
        "--corpus",
        type=Path,
        nargs="*",
        default=DEFAULT_CORPUS,
        help="folders whose *.md are copied for (c)",
    )
    parser.add_argument("--batch-runs", type=int, default=3, help="runs per batch median (c)")
    parser.add_argument("--skip-cold", action="store_true", help="skip (a)")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        parser.error(f"{args.file}: no such file")
    print(f"python                       {sys.version.split()[0]} ({os.cpu_count()} CPUs)")
    print(f"file                         {args.file}")
    if not args.skip_cold:
        cold(args.file, args.runs)
    in_process(args.file, args.runs)
    batch(args.corpus, args.files, args.batch_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
