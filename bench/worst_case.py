"""Adversarial documents at 64 KB, 512 KB and 5 MB: the review's cost must grow linearly.

    python bench/worst_case.py [--class NAME ...] [--size 64K|512K|5M ...] [--timeout S]

Each class repeats one hostile pattern (a line of many clock times, deep nesting, one
enormous word, thousands of directives...) up to each size, and reviews the file in a fresh
process: the whole offline pipeline (load, parse, facts, checks, rules, merge) and the JSON
render, timed after a warm-up review of a small document (so pattern compiling and start-up
are not counted). The time is the process's CPU time: on a shared machine the wall time
measures the neighbours too. Printed: seconds per MB at each size, and the growth of that
figure from one size to the next (1.0 = linear; the aim: under 1.3 per 8x, under 1 s per MB).
A class that takes more than --timeout seconds at a size is printed as TIMEOUT and its
larger sizes are skipped. A review reads at most the first 512 KB of a file
(source.REVIEW_BYTES, its lines that end within them), so at 5M this measures loading the
whole file and reviewing its start: a class whose pattern is one long line past the limit
reviews only the heading lines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from itertools import count
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
SIZES = {"64K": 64 * 1024, "512K": 512 * 1024, "5M": 5 * 1024 * 1024 - 4096}
HEAD = "# Postmortem: stress\n\n## Summary\n\nThe API failed from 10:00 to 11:00 UTC.\n\n"


def _clock(n: int) -> str:
    return f"{n // 60 % 24:02d}:{n % 60:02d}"


def _fill(unit: Callable[[int], str], size: int, head: str = HEAD, tail: str = "") -> str:
    """`head`, then unit(0), unit(1)... up to `size` bytes, then `tail`."""
    parts, total = [head], len(head) + len(tail)
    for n in count():
        piece = unit(n)
        if total + len(piece.encode("utf-8")) > size:
            break
        parts.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(parts) + tail


def _normal(n: int) -> str:
    example = Path(__file__).resolve().parents[1] / "examples" / "checkout-outage.md"
    return example.read_text(encoding="utf-8") + "\n"


def _nesting(n: int) -> str:
    depth = n % 120
    return "  " * depth + f"- item {n} at {_clock(n)}\n"


def _quotes(n: int) -> str:
    return ">" * (n % 200 + 1) + f" quoted {n} at {_clock(n)}\n"


CLASSES: dict[str, Callable[[int], str]] = {
    "normal": lambda size: _fill(_normal, size, head=""),
    "times_one_line": lambda size: _fill(lambda n: _clock(n) + " ", size, tail="\n"),
    "times_with_zones": lambda size: _fill(lambda n: f"{_clock(n)} UTC, ", size, tail="\n"),
    "headings": lambda size: _fill(lambda n: f"# Heading {n}\n\nSome text {n}.\n\n", size),
    "timeline_headings": lambda size: _fill(
        lambda n: f"# Timeline {n}\n\n- {_clock(n)} UTC the service {n} restarted\n\n", size
    ),
    "timeline_titles": lambda size: _fill(
        lambda n: ("**Timeline**\n" if n % 2 else "Timeline:\n") + f"{_clock(n)} deploy {n}\n\n",
        size,
    ),
    "list_items": lambda size: _fill(lambda n: f"- item {n} mentions the database\n", size),
    "timeline_huge": lambda size: _fill(
        lambda n: f"- 2024-03-{n // 1440 % 28 + 1:02d} {_clock(n)} UTC - step {n} was taken\n",
        size,
        head=HEAD + "## Timeline\n\n",
    ),
    "timeline_table": lambda size: _fill(
        lambda n: f"| {_clock(n)} | event {n} | ops |\n",
        size,
        head=HEAD + "## Timeline\n\n| Time | Event | Who |\n|---|---|---|\n",
    ),
    "deep_nesting": lambda size: _fill(_nesting, size),
    "deep_blockquotes": lambda size: _fill(_quotes, size),
    "enormous_word": lambda size: _fill(lambda n: "a" * 997 + "b" * 3, size, tail="\n"),
    "long_line_no_spaces": lambda size: _fill(
        lambda n: f"x{n},y;z(10:{n % 60:02d})/", size, tail="\n"
    ),
    "digits": lambda size: _fill(lambda n: "1234567890", size, tail="\n"),
    "backticks": lambda size: _fill(lambda n: "`" * (n % 7 + 1) + "a ", size, tail="\n"),
    "times_in_code": lambda size: _fill(lambda n: f"`{_clock(n)}` ", size, tail="\n"),
    "emphasis": lambda size: _fill(lambda n: "*_**__a ", size, tail="\n"),
    "html_tags": lambda size: _fill(lambda n: f"<div class='x{n}'><span>", size, tail="\n"),
    "brackets": lambda size: _fill(lambda n: "[[(a](", size, tail="\n"),
    "placeholders": lambda size: _fill(
        lambda n: "TODO: [insert owner] <TBD> XXX {{placeholder}} ", size, tail="\n"
    ),
    "directives": lambda size: _fill(
        lambda n: f"<!-- pmreview-disable PM{100 + n % 400} -->\nTODO simply {n}\n", size
    ),
    "directive_unclosed": lambda size: _fill(
        lambda n: " ", size, head=HEAD + "<!-- pmreview-disable ", tail="x\n"
    ),
    "emails_phones": lambda size: _fill(
        lambda n: f"user{n}@example.com +1 (555) {n % 1000:03d}-{n % 10000:04d} ", size, tail="\n"
    ),
    "table_huge": lambda size: _fill(
        lambda n: f"| {n} | cell {n} | TBD | someone |\n",
        size,
        head=HEAD + "| a | b | c | d |\n|---|---|---|---|\n",
    ),
    "table_wide": lambda size: _fill(lambda n: f"| c{n} ", size, tail="|\n|---|\n"),
    "front_matter": lambda size: _fill(lambda n: f"---\ntitle: t{n}\n---\n", size, head=""),
    "link_refs": lambda size: _fill(
        lambda n: f"[r{n}]: https://example.com/{n}\nSee [r{n}].\n", size
    ),
    "labels": lambda size: _fill(lambda n: f"Root cause {n}: the thing {n}\n", size),
    "prose_no_stops": lambda size: _fill(
        lambda n: "we probably should maybe look at the issue again and ", size, tail="\n"
    ),
    "dates": lambda size: _fill(lambda n: f"March {n % 28 + 1}, 2024 ", size, tail="\n"),
    "whitespace": lambda size: _fill(lambda n: " \t", size, tail="x\n"),
    "open_brackets": lambda size: _fill(lambda n: "[a ", size, tail="\n"),
    "open_links": lambda size: _fill(lambda n: "](a ", size, tail="\n"),
    "open_parens": lambda size: _fill(lambda n: "(a ", size, tail="\n"),
    "open_tags": lambda size: _fill(lambda n: "<a ", size, tail="\n"),
    "open_quotes": lambda size: _fill(lambda n: '"a ', size, tail="\n"),
    "stars": lambda size: _fill(lambda n: "*", size, tail="\n"),
    "underscores": lambda size: _fill(lambda n: "_", size, tail="\n"),
    "bold_spaces": lambda size: _fill(lambda n: " ", size, head=HEAD + "**a", tail="b:\n"),
    "label_spaces": lambda size: _fill(lambda n: " ", size, head=HEAD + "Impact", tail="x:\n"),
    "pipes": lambda size: _fill(lambda n: "|", size, tail="\n"),
    "setext": lambda size: _fill(lambda n: f"Title {n}\n{'=-'[n % 2] * 40}\n", size),
    "urls_open": lambda size: _fill(lambda n: "http://", size, tail="\n"),
    "at_signs": lambda size: _fill(lambda n: "a@", size, tail="\n"),
    "long_number": lambda size: _fill(lambda n: "1,234", size, tail="\n"),
    "nbsp": lambda size: _fill(lambda n: "\u00a0", size, tail="x\n"),
    "nested_mixed": lambda size: _fill(lambda n: "> " * (n % 50) + "- " * (n % 30) + "x\n", size),
    # runs that a search starting at each of their characters reads to the end
    "bracket_run": lambda size: _fill(lambda n: "[", size, tail="\n"),
    "bracket_lines": lambda size: _fill(lambda n: f"[a {n}\n", size),
    "tag_run": lambda size: _fill(lambda n: "<", size, tail="\n"),
    "link_run": lambda size: _fill(lambda n: "](", size, tail="\n"),
    "ticket_spaces": lambda size: _fill(lambda n: " ", size, head=HEAD + "Fix bug", tail="x\n"),
    "weekday_run": lambda size: _fill(lambda n: "mon", size, head=HEAD + "1 ", tail="\n"),
    "scheme_run": lambda size: _fill(lambda n: "x+y.z-", size, tail="://\n"),
    "dash_words": lambda size: _fill(lambda n: "a-b-c-", size, tail=" was removed\n"),
    "jwt_dashes": lambda size: _fill(lambda n: "eyJ-", size, tail="\n"),
    "stops": lambda size: _fill(lambda n: ".!?", size, tail="\n"),
    "curly_quotes": lambda size: _fill(lambda n: "\u201ca ", size, tail="\n"),
    "backtick_lines": lambda size: _fill(lambda n: "``a-\n", size),
    "have_for_spaces": lambda size: _fill(
        lambda n: " ", size, head=HEAD + "We have for", tail="x done\n"
    ),
    "crlf": lambda size: _fill(_normal, size * 24 // 25, head="").replace("\n", "\r\n"),
    "mixed_eol": lambda size: "".join(
        line + ("\r\n", "\r", "\n")[i % 3]
        for i, line in enumerate(_fill(_normal, size * 24 // 25, head="").split("\n"))
    ),
}


def child(path: str) -> None:
    """Review `path` (after a warm-up) and print the seconds it took."""
    import time

    from pmreview.pipeline import Options, review_paths, review_text
    from pmreview.render import render

    render(review_paths([str(SRC.parent / "examples" / "checkout-outage.md")], Options()), "json")
    review_text(HEAD)
    start = time.process_time()
    report = review_paths([path], Options(offline=True), jobs=1)
    render(report, "json")
    elapsed = time.process_time() - start
    print(f"{elapsed:.4f} {len(report.errors)}")


def measure(text: str, timeout: float) -> float | None:
    """Seconds to review `text` in a fresh process, or None after `timeout` seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_bytes(text.encode("utf-8"))
        env = dict(
            os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
        )
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=env,
                cwd=tmp,
            )
        except subprocess.TimeoutExpired:
            return None
    if proc.returncode != 0:
        raise SystemExit(f"review failed:\n{proc.stderr}")
    seconds, errors = proc.stdout.split()
    if errors != "0":
        raise SystemExit(f"the document was refused ({errors} errors)")
    return float(seconds)


def rows(names: Sequence[str], sizes: Sequence[str], timeout: float) -> Iterator[str]:
    yield f"{'class':<22}" + "".join(f"{s + ' s/MB':>12}" for s in sizes) + "  growth"
    for name in names:
        cells, per_mb = [], []
        for size in sizes:
            if per_mb and per_mb[-1] is None:
                cells.append(f"{'skipped':>12}")
                continue
            text = CLASSES[name](SIZES[size])
            seconds = measure(text, timeout)
            mb = len(text.encode("utf-8")) / 1048576
            per_mb.append(None if seconds is None else seconds / mb)
            cells.append(f"{'TIMEOUT':>12}" if seconds is None else f"{seconds / mb:>12.3f}")
        growth = [
            f"{b / a:.2f}" if a and b else "-" for a, b in zip(per_mb, per_mb[1:], strict=False)
        ]
        yield f"{name:<22}" + "".join(cells) + "  " + " ".join(growth)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--class", dest="classes", nargs="*", choices=sorted(CLASSES))
    parser.add_argument("--size", dest="sizes", nargs="*", choices=list(SIZES))
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per review")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    for row in rows(args.classes or list(CLASSES), args.sizes or list(SIZES), args.timeout):
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
