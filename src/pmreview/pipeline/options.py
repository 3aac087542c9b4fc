"""What a review is asked to do: the profile, filters, severities, rule options, the LLM."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Severity

if TYPE_CHECKING:
    from ..llm import ChatClient, LLMConfig


@dataclass
class Options:
    profile: str = "default"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    offline: bool = False
    collapse: bool = (
        True  # one finding for the same words repeated (the accuracy bench turns it off)
    )
    llm: LLMConfig | None = None  # the LLM stage runs when this is set and not offline
    llm_client: ChatClient | None = field(default=None, repr=False)  # injected (tests, replay)
    llm_policy: str = "semantic+structural"  # how LLM verdicts combine: merge.POLICIES

    @classmethod
    def from_config(
        cls,
        cfg: dict[str, Any],
        *,
        profile: str | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        offline: bool | None = None,
    ) -> Options:
        """The options a config file gives, each overridden by the command line's when given."""
        return cls(
            profile=profile or cfg.get("profile", "default"),
            select=select or cfg.get("select", []),
            ignore=ignore or cfg.get("ignore", []),
            severity=cfg.get("severity", {}),
            rule_options=cfg.get("rules", {}),
            offline=bool(offline if offline is not None else cfg.get("offline", False)),
        )

    @property
    def wants_llm(self) -> bool:
        return self.llm is not None and not self.offline

    def skip_reason(self) -> str:
        if self.offline:
            return "offline"
        return "no LLM endpoint configured: set --base-url or OPENAI_BASE_URL, and --model"
