"""Worst-case inputs for a regular expression, and a time check that finds catastrophic
backtracking in it (used by tests/test_backtracking.py).

For each repetition in a pattern with no small upper bound (`*`, `+`, `{2,}`, `{0,500}`), the
strings a backtracking engine is slowest on: a near-miss (what the pattern needs before the
repetition, then a long run of what it repeats, then a character that fails), the run with
no end, and the near-miss repeated all along the text (so that every start position pays).
A pattern is "linear" when its time on those strings grows about as their length does: the
time at a long length stays under LIMIT x the time at a short one, scaled linearly. An
exponential or quadratic pattern misses that by orders of magnitude, a busy machine not.
"""

from __future__ import annotations

import gc
import math
import re
import signal
import time
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# 16 times longer: a quadratic pattern is 256 times slower there, 42 times past the bound
SHORT, LONG = 250, 4_000
LIMIT = 6  # how many times slower than the linear extrapolation counts as a blow-up
FLOOR = 0.00002  # seconds: below this a short time is timer noise
SHORT_CAP = 0.2  # seconds: a pattern this slow on SHORT characters has blown up already
LONG_CAP = 1.0  # seconds on LONG characters: 250 us a character is no linear pattern
_BIG_REPEAT = 40  # a repetition bounded above by this much or less is no danger
_PROBES = " a1.-<>*_`\n:/"  # characters tried against negated classes


def _sample(items: Any) -> list[str]:
    """A few characters that the first element of `items` (a parsed subpattern) matches."""
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(next(c for c in _PROBES if ord(c) != av))
        elif op is C.ANY:
            out += ["a", " "]
        elif op is C.IN:
            out += _sample_class(av)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out += _sample(av[2])
        elif op is C.SUBPATTERN:
            out += _sample(av[3])
        elif op is C.ATOMIC_GROUP:
            out += _sample(av)
        elif op is C.BRANCH:
            for branch in av[1]:
                out += _sample(branch)
        else:
            continue  # an assertion or an anchor: look at what follows
        break
    return list(dict.fromkeys(out))[:3]


def _sample_class(items: list[tuple[Any, Any]]) -> list[str]:
    if items and items[0][0] is C.NEGATE:
        pattern = re.compile(_class_source(items[1:]))
        return [c for c in _PROBES if not pattern.match(c)][:2]
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.RANGE:
            out.append(chr(av[0]))
        elif op is C.CATEGORY:
            out.append({"DIGIT": "1", "SPACE": " ", "WORD": "a"}.get(str(av).split("_")[-1], "a"))
    return out


def _class_source(items: list[tuple[Any, Any]]) -> str:
    """The positive class of `items` as pattern text (to test probes against a negated one)."""
    parts = []
    for op, av in items:
        if op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY:
            name = str(av).split("_")[-1]
            negated = "NOT" in str(av)
            letter = {"DIGIT": "d", "SPACE": "s", "WORD": "w"}.get(name, "w")
            parts.append("\\" + (letter.upper() if negated else letter))
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


def _minimal(items: Any) -> str:
    """A short string that the parsed subpattern matches, roughly (a near-miss lead-in)."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op in (C.IN, C.ANY, C.NOT_LITERAL):
            out.append((_sample([(op, av)]) or ["a"])[0])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out.append(_minimal(av[2]) * min(av[0], 3))
        elif op is C.SUBPATTERN:
            out.append(_minimal(av[3]))
        elif op is C.ATOMIC_GROUP:
            out.append(_minimal(av))
        elif op is C.BRANCH:
            out.append(_minimal(av[1][0]))
    return "".join(out)


def _repeats(items: Any, lead: str = "") -> Iterator[tuple[str, list[str]]]:
    """(lead-in, characters repeated) for every unbounded repetition, nested ones too."""
    for i, (op, av) in enumerate(items):
        before = lead + _minimal(items[:i])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[1] is C.MAXREPEAT or av[1] > _BIG_REPEAT:
                yield before, _sample(av[2])
            yield from _repeats(av[2], before)
        elif op is C.SUBPATTERN:
            yield from _repeats(av[3], before)
        elif op is C.ATOMIC_GROUP:
            yield from _repeats(av, before)
        elif op is C.BRANCH:
            for branch in av[1]:
                yield from _repeats(branch, before)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            yield from _repeats(av[1], before)


def worst_cases(pattern: str, flags: int, length: int) -> list[str]:
    """The hostile strings of about `length` characters for `pattern`."""
    parsed = _parser.parse(pattern, flags)
    out: dict[tuple[str, str, int], str] = {}  # by what they are made of, whatever `length`
    for lead, chars in _repeats(list(parsed)):
        for c in chars:
            run = c * length
            unit = lead + c * 8
            out[lead, c, 0] = lead + run + "\x00"
            out[lead, c, 1] = lead + run
            out[lead, c, 2] = unit * (length // len(unit) + 1)
    return list(out.values())


class _Interrupted(Exception):
    pass


def _raise(signum: int, frame: object) -> None:
    raise _Interrupted


def _seconds(pattern: re.Pattern[str], text: str, cap: float) -> float:
    """How long finditer takes over `text`; infinity when that is more than `cap` seconds (re
    checks for signals while it matches, so an exponential pattern is stopped too)."""
    previous = signal.signal(signal.SIGALRM, _raise)
    collecting = gc.isenabled()
    gc.disable()  # the time of the pattern, not of collecting what earlier tests left alive
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, min(cap, LONG_CAP))
        try:
            for _ in pattern.finditer(text):
                pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Interrupted:  # raised in the loop, or as it ended
        return math.inf
    finally:
        signal.signal(signal.SIGALRM, previous)
        if collecting:
            gc.enable()
    return time.perf_counter() - start


def _bound(pattern: re.Pattern[str], short: str, long: str, runs: int) -> float:
    best = min(_seconds(pattern, short, SHORT_CAP) for _ in range(runs))
    return LIMIT * len(long) / len(short) * max(best, FLOOR)


def blow_ups(pattern: str, flags: int = 0) -> list[str]:
    """The worst cases (shown short) on which `pattern` is far slower than linear."""
    compiled = re.compile(pattern, flags)
    slow = []
    shorts = worst_cases(pattern, flags, SHORT)
    longs = worst_cases(pattern, flags, LONG)
    for short, long in zip(shorts, longs, strict=True):
        bound = _bound(compiled, short, long, 1)
        if bound == math.inf or _seconds(compiled, long, bound) > bound:
            # confirm: the best of three, as a busy machine slows one run, not all
            bound = _bound(compiled, short, long, 3)
            if bound == math.inf or min(_seconds(compiled, long, bound) for _ in range(3)) > bound:
                slow.append(repr(short[:60]))
    return slow
