"""`pmreview explain ID`: what a rule or check is for, from its own documentation.

Rules document themselves (`Rule.what/why/example/instead`), checks in their profile's
`x-checks` table (description, why, example, instead, fix, question), the LLM rule next to its
id, and the score in `score.FORMULA`; the practices they come from are in data/practices.toml.
`docs/rules.md` is `pmreview explain --all --format markdown`, so neither can drift.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .errors import UsageError
from .resources import load_toml

PARTS = ("what", "why", "example", "instead")


@dataclass(frozen=True)
class Topic:
    id: str
    slug: str
    kind: str  # "check", "rule", "llm" or "score"
    severity: str
    what: str
    why: str
    example: str
    instead: str
    cites: tuple[str, ...]
    fix: str = ""
    question: str = ""
    where: str = ""  # the profiles a check belongs to, the category of a rule

    def missing(self) -> list[str]:
        """The parts of its documentation this topic lacks."""
        if self.kind == "score":  # the formula: what and how, no examples to give
            return [p for p in ("what", "why") if not getattr(self, p).strip()]
        out = [p for p in PARTS if not getattr(self, p).strip()]
        return out + ([] if self.cites else ["cites"])


def _slug(cid: str) -> str:
    return cid.replace(".", "-").replace("_", "-")


def topics() -> dict[str, Topic]:
    """Every check of every built-in profile, every rule, the LLM rules, and `score`."""
    from .llm import LLM_RULE_DOCS, LLM_RULES
    from .profile import builtin_profiles, load
    from .rules import registry

    practices = load_toml("practices.toml")
    out: dict[str, Topic] = {}
    for name in builtin_profiles():
        for cid, spec in load(name).checks.items():
            if cid in out:
                out[cid] = _also_in(out[cid], name)
                continue
            out[cid] = Topic(
                cid,
                _slug(cid),
                "check",
                str(spec.get("severity", "error")),
                str(spec.get("description", "")),
                str(spec.get("why", "")),
                str(spec.get("example", "")),
                str(spec.get("instead", "")),
                tuple(spec.get("cites", practices["by-profile"].get(name, []))),
                str(spec.get("fix", "")),
                str(spec.get("question", "")),
                f"profile {name}",
            )
    for r in registry().values():
        out[r.id] = Topic(
            r.id,
            r.name,
            "rule",
            r.severity,
            r.what,
            r.why,
            r.example,
            r.instead,
            tuple(practices["by-category"].get(r.category, [])),
            where=f"category {r.category}",
        )
    for rid, name, category, severity, _summary in LLM_RULES:
        doc = LLM_RULE_DOCS.get(rid, {})
        out[rid] = Topic(
            rid,
            name,
            "llm",
            severity,
            doc.get("what", ""),
            doc.get("why", ""),
            doc.get("example", ""),
            doc.get("instead", ""),
            tuple(practices["by-category"].get(category, [])),
            where=f"category {category}, LLM reviewer",
        )
    from .score import FORMULA

    first, _, rest = FORMULA.partition("\n\n")
    out["score"] = Topic("score", "score", "score", "", " ".join(first.split()), rest, "", "", ())
    return out


def _also_in(topic: Topic, profile: str) -> Topic:
    from dataclasses import replace

    return replace(topic, where=f"{topic.where}, {profile}")


def find(key: str) -> Topic:
    """A topic by id or slug, case-insensitively; a usage error with close matches otherwise."""
    table = topics()
    wanted = key.strip().lower()
    for t in table.values():
        if wanted in (t.id.lower(), t.slug.lower()):
            return t
    names = [t.id for t in table.values()] + [t.slug for t in table.values()]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"unknown rule or check {key!r}{hint} (see pmreview rules)")


def _cite_lines(topic: Topic) -> list[str]:
    practices = load_toml("practices.toml")
    out = []
    for key in topic.cites:
        p = practices.get(key, {})
        url = f" <{p['url']}>" if p.get("url") else ""
        out.append(f"{p.get('title', key)}{url}")
    return out


def _indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


def as_text(topic: Topic) -> str:
    if topic.kind == "score":
        from .score import FORMULA

        return f"score: the specificity score\n\n{FORMULA}"
    kind = {"check": "required element", "rule": "rule", "llm": "LLM rule"}[topic.kind]
    head = f"{topic.id} ({topic.slug}) · {kind}, {topic.severity} · {topic.where}"
    parts = [
        head,
        "",
        "What it checks",
        _indent(topic.what),
        "",
        "Why it matters",
        _indent(topic.why),
    ]
    cites = _cite_lines(topic)
    if cites:
        parts += ["", "Where this practice comes from", *(_indent("- " + c) for c in cites)]
    parts += ["", "Bad", _indent(topic.example), "", "Good", _indent(topic.instead)]
    if topic.fix:
        parts += ["", "How to fix it", _indent(topic.fix)]
    if topic.question:
        parts += ["", "Ask yourself", _indent(topic.question)]
    return "\n".join(parts) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def as_markdown(topic: Topic) -> str:
    if topic.kind == "score":
        from .score import FORMULA

        return f"## score\n\n{FORMULA}"
    kind = {"check": "required element", "rule": "rule", "llm": "LLM rule"}[topic.kind]
    parts = [
        f"## {topic.id} `{topic.slug}`",
        "",
        f"*{kind}, {topic.severity}, {topic.where}*",
        "",
        f"**What it checks.** {topic.what}",
        "",
        f"**Why it matters.** {topic.why}",
    ]
    cites = _cite_lines(topic)
    if cites:
        parts += ["", "**Sources.** " + "; ".join(cites)]
    parts += ["", "**Bad:**", "", _quote(topic.example), "", "**Good:**", "", _quote(topic.instead)]
    if topic.fix:
        parts += ["", f"**How to fix it.** {topic.fix}"]
    if topic.question:
        parts += ["", f"**Ask yourself.** {topic.question}"]
    return "\n".join(parts) + "\n"


def document() -> str:
    """docs/rules.md: every topic, checks first, then rules, then the score."""
    order = {"check": 0, "rule": 1, "llm": 2, "score": 3}
    items = sorted(topics().values(), key=lambda t: order[t.kind])
    head = (
        "<!-- Generated by `pmreview explain --all --format markdown > docs/rules.md`; "
        "do not edit: edit the rules' documentation and the profiles' x-checks. -->\n\n"
        "# pmreview rules and required elements\n\n"
        "Every check (required element of a profile) and every rule, with why it matters, "
        "where the practice comes from, and a bad and a good example. "
        "`pmreview explain ID` prints the same for one id.\n"
    )
    return head + "\n" + "\n".join(as_markdown(t) for t in items)
