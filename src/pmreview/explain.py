"""`pmreview explain ID`: what a rule or check is for, from its own documentation.

Rules document themselves (`Rule.what/why/example/instead/cites`), checks in their profile's
`x-checks` table (description, why, example, instead, cites, fix, question), the LLM rule next to
its id (`LLM_RULE_DOCS`, `LLM_RULE_CITES`), and the score in `score.FORMULA`; `cites` are keys of
data/practices.toml (title and address of each practice). `docs/rules.md` is
`pmreview explain --all --format markdown`, so neither can drift from the code.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from .checks.profile import slug
from .errors import UsageError
from .resources import load_toml

PARTS = ("what", "why", "example", "instead")
KINDS = {"check": "required element", "rule": "rule", "llm": "LLM rule", "score": "score"}


@dataclass(frozen=True)
class Topic:
    id: str
    slug: str
    kind: str  # "check", "rule", "llm" or "score"
    severity: str
    what: str
    why: str
    example: str  # a bad example
    instead: str  # a good example
    cites: tuple[str, ...]  # keys of data/practices.toml
    fix: str = ""
    question: str = ""
    where: str = ""  # the profiles a check belongs to, the category of a rule

    def missing(self) -> list[str]:
        """The parts of its documentation this topic lacks."""
        if self.kind == "score":  # the formula: what and how, no examples to give
            return [p for p in ("what", "why") if not getattr(self, p).strip()]
        out = [p for p in PARTS if not getattr(self, p).strip()]
        return out + ([] if self.cites else ["cites"])


def _cites(raw: Any) -> tuple[str, ...]:
    """A `cites` value of a profile (a list of keys); anything else cites nothing."""
    if isinstance(raw, list):
        return tuple(str(k) for k in raw)
    return ()


def check_topics(profile: str) -> list[Topic]:
    """The checks of one profile (a built-in name or a profile file), in the profile's order."""
    from .checks.profile import load

    prof = load(profile)
    out = []
    for cid, spec in prof.checks.items():
        entry: dict[str, Any] = dict(spec)
        out.append(
            Topic(
                cid,
                slug(cid),
                "check",
                str(entry.get("severity", "error")),
                str(entry.get("description", "")),
                str(entry.get("why", "")),
                str(entry.get("example", "")),
                str(entry.get("instead", "")),
                _cites(entry.get("cites")),
                str(entry.get("fix", "")),
                str(entry.get("question", "")),
                f"profile {prof.name}",
            )
        )
    return out


def rule_topics() -> list[Topic]:
    """Every rule of the registry, then the LLM rules."""
    from .llm import LLM_RULE_CITES, LLM_RULE_DOCS, LLM_RULES
    from .rules import registry

    out = [
        Topic(
            r.id,
            r.name,
            "rule",
            r.severity,
            r.what,
            r.why,
            r.example,
            r.instead,
            r.cites,
            where=f"category {r.category}",
        )
        for r in registry().values()
    ]
    for rid, name, category, severity, _summary in LLM_RULES:
        doc = LLM_RULE_DOCS.get(rid, {})
        out.append(
            Topic(
                rid,
                name,
                "llm",
                severity,
                doc.get("what", ""),
                doc.get("why", ""),
                doc.get("example", ""),
                doc.get("instead", ""),
                LLM_RULE_CITES.get(rid, ()),
                where=f"category {category}, LLM reviewer",
            )
        )
    return out


def score_topic() -> Topic:
    from .score import FORMULA

    first, _, rest = FORMULA.partition("\n\n")
    return Topic("score", "score", "score", "", " ".join(first.split()), rest, "", "", ())


def topics(profile: str | None = None) -> dict[str, Topic]:
    """Every topic by id: the checks of `profile` (of every built-in profile when None; a check
    in several has the first one's text), every rule, the LLM rules, and `score`."""
    from .checks.profile import builtin_profiles

    out: dict[str, Topic] = {}
    for name in [profile] if profile else builtin_profiles():
        for t in check_topics(name):
            if t.id in out:
                out[t.id] = replace(out[t.id], where=f"{out[t.id].where}, {name}")
            else:
                out[t.id] = t
    for t in [*rule_topics(), score_topic()]:
        out[t.id] = t
    return out


def find(key: str, profile: str | None = None) -> Topic:
    """A topic by id or slug, case-insensitively; a usage error with close matches otherwise."""
    table = topics(profile)
    wanted = key.strip().lower()
    for t in table.values():
        if wanted in (t.id.lower(), t.slug.lower()):
            return t
    if profile:  # a check of another profile: say which
        for t in topics().values():
            if t.kind == "check" and wanted in (t.id.lower(), t.slug.lower()):
                raise UsageError(
                    f"unknown rule or check {key!r} in profile {profile} ({t.id} is a check of "
                    f"{t.where.removeprefix('profile ')}; see pmreview rules --profile {profile})"
                )
    names = {name.lower(): name for t in table.values() for name in (t.id, t.slug)}
    close = [names[n] for n in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"unknown rule or check {key!r}{hint} (see pmreview rules)")


def practices() -> dict[str, dict[str, str]]:
    """The cited practices by key: title and url ("" when it has no public address)."""
    data = load_toml("practices.toml")
    return {k: {"title": str(v["title"]), "url": str(v.get("url", ""))} for k, v in data.items()}


def _cite_lines(topic: Topic, markdown: bool = False) -> list[str]:
    table = practices()
    out = []
    for key in topic.cites:
        p = table.get(key, {"title": key, "url": ""})
        if markdown and p["url"]:
            out.append(f"[{p['title']}]({p['url']})")
        else:
            out.append(p["title"] + (f" <{p['url']}>" if p["url"] else ""))
    return out


def _indent(text: str, by: str = "    ") -> str:
    """An example, line for line (its line breaks are part of it)."""
    return "\n".join(by + line if line else line for line in text.splitlines())


def _prose(text: str) -> str:
    """A paragraph, wrapped for the terminal."""
    return textwrap.fill(
        " ".join(text.split()), 92, initial_indent=" " * 4, subsequent_indent=" " * 4
    )


def as_text(topic: Topic) -> str:
    """For the terminal: headed parts, examples indented."""
    if topic.kind == "score":
        from .score import FORMULA

        return f"score: the specificity score\n\n{FORMULA}"
    head = f"{topic.id} ({topic.slug}) · {KINDS[topic.kind]}, {topic.severity} · {topic.where}"
    parts = [head, "", "What it checks", _prose(topic.what), "", "Why it matters"]
    parts.append(_prose(topic.why))
    cites = _cite_lines(topic)
    if cites:
        parts += ["", "Where this practice comes from", *(_indent("- " + c) for c in cites)]
    parts += ["", "Bad", _indent(topic.example), "", "Good", _indent(topic.instead)]
    if topic.fix:
        parts += ["", "How to fix it", _prose(topic.fix)]
    if topic.question:
        parts += ["", "Ask yourself", _prose(topic.question)]
    return "\n".join(parts) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def as_markdown(topic: Topic, level: int = 2) -> str:
    """A Markdown section for one topic, its heading at `level`."""
    hashes = "#" * level
    if topic.kind == "score":
        from .score import FORMULA

        return f"{hashes} score\n\n{FORMULA}"
    parts = [
        f"{hashes} {topic.id} `{topic.slug}`",
        "",
        f"*{KINDS[topic.kind]}, {topic.severity}, {topic.where}*",
        "",
        f"**What it checks.** {topic.what}",
        "",
        f"**Why it matters.** {topic.why}",
    ]
    cites = _cite_lines(topic, markdown=True)
    if cites:
        parts += ["", "**Where this practice comes from.** " + "; ".join(cites) + "."]
    parts += ["", "**Bad:**", "", _quote(topic.example), "", "**Good:**", ""]
    parts.append(_quote(topic.instead))
    if topic.fix:
        parts += ["", f"**How to fix it.** {topic.fix}"]
    if topic.question:
        parts += ["", f"**Ask yourself.** {topic.question}"]
    return "\n".join(parts) + "\n"


def groups(profile: str | None = None) -> list[tuple[str, list[Topic]]]:
    """Everything `--all` explains, in groups: each profile's checks (every built-in profile when
    None, each with its own text), the rules, the LLM rules, the score."""
    from .checks.profile import builtin_profiles, load

    out = []
    for name in [profile] if profile else builtin_profiles():
        checks = check_topics(name)
        out.append((f"Required elements of profile `{load(name).name}`", checks))
    rules = rule_topics()
    out.append(("Rules", [t for t in rules if t.kind == "rule"]))
    out.append(("LLM rules", [t for t in rules if t.kind == "llm"]))
    out.append(("The specificity score", [score_topic()]))
    return out


def _all(profile: str | None) -> Iterable[tuple[str, list[Topic]]]:
    return [(title, items) for title, items in groups(profile) if items]


def document(profile: str | None = None) -> str:
    """docs/rules.md: every check of every profile, every rule, the LLM rules, the score."""
    flag = f" --profile {profile}" if profile else ""
    head = (
        f"<!-- Generated by `pmreview explain --all{flag} --format markdown > docs/rules.md`; "
        "do not edit: edit the rules' documentation and the profiles' x-checks. -->\n\n"
        "# pmreview rules and required elements\n\n"
        "Every check (required element of a profile) and every rule: what it checks, why it "
        "matters, where the practice comes from, and a bad and a good example. "
        "`pmreview explain ID` prints the same for one id or slug.\n"
    )
    body = []
    for title, items in _all(profile):
        if items[0].kind == "score":
            body.append(as_markdown(items[0], level=2))
            continue
        body.append(f"## {title}\n")
        body += [as_markdown(t, level=3) for t in items]
    return head + "\n" + "\n".join(body)


def text_all(profile: str | None = None) -> str:
    """`pmreview explain --all` for the terminal."""
    out = []
    for title, items in _all(profile):
        bar = "=" * len(title.replace("`", ""))
        out.append(f"{title.replace('`', '')}\n{bar}\n")
        out += [as_text(t) for t in items]
    return "\n".join(out)
