"""Configuration: .pmreview.toml or [tool.pmreview] in pyproject.toml, found upward from a
folder, validated against schemas/config.schema.json."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:
    from .llm import LLMConfig
from .resources import load_schema, parse_toml


def discover(start: Path) -> Path | None:
    """The nearest .pmreview.toml, or pyproject.toml with a [tool.pmreview] table."""
    for folder in [start, *start.parents]:
        own = folder / ".pmreview.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.pmreview" in pyproject.read_bytes():
            return pyproject
    return None


def load(path: Path) -> dict[str, Any]:
    try:
        data = parse_toml(path)
    except FileNotFoundError:
        raise UsageError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read config: {exc}") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("pmreview", {})
    data = {k.replace("_", "-"): v for k, v in data.items()}
    # imported here, not at the top: it takes ~45 ms and most runs have no config file
    from jsonschema import Draft202012Validator

    error = next(
        iter(Draft202012Validator(load_schema("config.schema.json")).iter_errors(data)), None
    )
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "config"
        raise UsageError(f"{path}: invalid config at {where}: {error.message}")
    profile = data.get("profile")
    if isinstance(profile, str) and profile.endswith(".json"):
        data["profile"] = str((path.parent / profile).resolve())
    where = f"{path}: [tool.pmreview." if path.name == "pyproject.toml" else f"{path}: ["
    if "rules" in data:
        data["rules"] = _rule_options(data["rules"], where)
    if "severity" in data:
        data["severity"] = _severities(data["severity"], data.get("profile"), where)
    return data


def _rule_options(tables: dict[str, Any], where: str) -> dict[str, Any]:
    """`[rules.<id or slug>]` tables by rule id, each option checked against the rule's."""
    from .rules import OptionError, lookup

    out: dict[str, Any] = {}
    for key, values in tables.items():
        rule = lookup(key)
        if rule is None:
            raise UsageError(f"{where}rules.{key}]: {_not_a_rule(key)}")
        if rule.id in out:
            raise UsageError(f"{where}rules.{key}]: the options of {rule.id} are given twice")
        try:
            rule.resolve(values)
        except OptionError as exc:
            raise UsageError(f"{where}rules.{key}] {exc.key}: {exc}") from None
        out[rule.id] = values
    return out


def _severities(table: dict[str, Any], profile: str | None, where: str) -> dict[str, Any]:
    """`[severity]` by id, from keys that are ids or slugs of rules and checks."""
    from .catalog import for_config

    catalog = for_config(profile)
    out = {}
    for key, severity in table.items():
        entry = catalog.get(key)
        if entry is None:
            raise UsageError(f"{where}severity] {key}: {_unknown(key, 'rule or check', profile)}")
        if entry.id in out:
            raise UsageError(f"{where}severity] {key}: the severity of {entry.id} is given twice")
        out[entry.id] = severity
    return out


def _not_a_rule(key: str) -> str:
    from .catalog import for_config

    entry = for_config(None).get(key)
    if entry is None:
        return _unknown(key, "rule", None)
    kind = "a check" if entry.kind == "check" else "an LLM rule"
    return f"{entry.id} is {kind}, which takes no options"


def _unknown(key: str, what: str, profile: str | None) -> str:
    """The reason a key is unknown, with the closest ids and slugs."""
    from .catalog import for_config

    close = for_config(profile).close(key)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown {what}{hint} (see pmreview rules)"


def resolve(explicit: str | None, start: Path) -> dict[str, Any]:
    """The config named by --config, else the one found upward from `start`, else {}."""
    if explicit:
        return load(Path(explicit))
    found = discover(start)
    return load(found) if found else {}


def _endpoint(
    cfg: dict[str, Any],
    base_url: str | None,
    model: str | None,
    key: str | None,
    replay: Path | None,
) -> tuple[str | None, str | None, Any]:
    """The endpoint URL, the model and (with --replay) the replay client: each from the
    options, then the config file, then the environment. With --replay the URL is the
    client's and the model, if not given, the one all its fixtures were recorded with."""
    model = model or cfg.get("model") or os.environ.get("PMREVIEW_MODEL")
    url = base_url or cfg.get("base-url") or os.environ.get("OPENAI_BASE_URL")
    if replay is not None:
        from .llm.replay import ReplayClient

        if not replay.is_dir():
            raise UsageError(f"{replay}: --replay needs a folder of recorded fixtures")
        client = ReplayClient(replay)
        if not model:
            models = {f["request"]["model"] for f in client.fixtures.values()}
            model = models.pop() if len(models) == 1 else None
        return client.base_url, model, client
    if not url and key:
        url = "https://api.openai.com/v1"
    return url, model, None


def llm_settings(
    cfg: dict[str, Any],
    *,
    base_url: str | None,
    model: str | None,
    timeout: float | None,
    redact: bool,
    cache_dir: str | None,
    use_cache: bool,
    jobs: int | None,
    replay: Path | None,
) -> tuple[LLMConfig | None, Any]:
    """The LLM stage's settings from options, then the config file, then the environment;
    (None, None) when no endpoint is configured. With --replay, the replay client."""
    from .llm import LLMConfig

    key = os.environ.get("OPENAI_API_KEY")
    url, model, client = _endpoint(cfg, base_url, model, key, replay)
    if not url:
        return None, None
    if not model:
        raise UsageError(
            "an LLM endpoint is configured but no model: pass --model or set "
            "PMREVIEW_MODEL (or use --offline)"
        )
    config = LLMConfig(
        base_url=url,
        model=model,
        api_key=key,
        timeout=float(timeout or cfg.get("llm-timeout", 60.0)),
        redact=redact and bool(cfg.get("redact", True)),
        cache_dir=cache_dir or cfg.get("cache-dir"),
        use_cache=use_cache and replay is None,
        jobs=jobs or 4,
    )
    return config, client
