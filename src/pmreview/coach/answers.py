"""The answers file (YAML: a check id, rule id or slug mapped to an answer), and which of its
answers answers which item of the plan."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .plan import Item

Answer = str | list[str]


def load_answers(path: str) -> dict[str, Any]:
    """An answers file: YAML mapping a check id, rule id or slug to an answer (a string; a list
    for several findings of one rule or several tasks; or a mapping of quoted words to answers)."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the answers file: {exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 1})" if where is not None else ""
        raise UsageError(f"{path}: not a valid YAML answers file{at}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(
            f"{path}: the answers file must map ids to answers, e.g. summary.end_time: '07:45 EAT'"
        )
    return {str(key): _value(path, key, value) for key, value in data.items()}


def _value(path: str, key: Any, value: Any) -> str | list[str] | dict[str, str]:
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    raise UsageError(f"{path}: the answer to {key!r} must be text, a list or a mapping")


def answer_for(item: Item, answers: Mapping[str, Any], used: dict[str, int]) -> Answer | None:
    """The answer the file gives this item: by id or slug; a list is taken in turn by the
    findings of one rule (a task list answers a check at once); a mapping by quoted words."""
    for key in (item.id, item.finding.name):
        if key not in answers:
            continue
        value = answers[key]
        if isinstance(value, dict):
            quote = item.finding.quote.lower()
            return next(
                (v for k, v in value.items() if k.lower() in quote or quote in k.lower()), None
            )
        if isinstance(value, list):
            if item.mode in ("item", "section") and item.is_check:
                return value
            n = used.get(key, 0)
            used[key] = n + 1
            return value[n] if n < len(value) else None
        if not item.is_check and used.get(key, 0) and item.mode != "suffix":
            return None  # one string answers the first finding of a rule only
        used[key] = used.get(key, 0) + 1
        return str(value)
    return None
