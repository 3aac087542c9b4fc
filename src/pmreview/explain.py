"""`pmreview explain ID`: what a rule or check is for, from the catalog.

The catalog's entries carry each id's documentation (a rule's from its `Rule`, a check's from its
profile's `x-checks`, the LLM rule's from `catalog.LLM_ENTRIES`); the score's is `score.FORMULA`.
`docs/rules.md` is `pmreview explain --all --format markdown`, so neither can drift from the code.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from . import catalog
from .catalog import Definition, Entry, cite_lines, option_lines
from .errors import UsageError

KINDS = {"check": "required element", "rule": "rule", "llm": "LLM rule", "score": "score"}


def where(entry: Entry) -> str:
    """The profiles a check belongs to, the category of a rule."""
    if entry.kind == "check":
        return f"profile {', '.join(entry.profiles)}"
    llm = ", LLM reviewer" if entry.kind == "llm" else ""
    return f"category {entry.category}{llm}"


def score_entry() -> Entry:
    """The score, explained like an id (it is no catalog entry: nothing selects or sets it)."""
    from .score import FORMULA

    first, _, rest = FORMULA.partition("\n\n")
    what = " ".join(first.split())
    return Entry(
        id="score",
        slug="score",
        kind="score",
        category="",
        severity="info",  # unused: the score is no finding
        summary=what,
        what=what,
        why=rest,
        example="",
        instead="",
    )


def topics(profile: str | None = None) -> dict[str, Entry]:
    """Every topic by id: the catalog of `profile` (of every built-in profile when None; a check
    in several has the first one's text) and `score`."""
    return {e.id: e for e in [*catalog.load(profile).entries, score_entry()]}


def find(key: str, profile: str | None = None) -> Entry:
    """A topic by id or slug, case-insensitively; a usage error with close matches otherwise."""
    if key.strip().lower() == "score":
        return score_entry()
    found = catalog.load(profile).get(key)
    if found is not None:
        return found
    other = catalog.load(None).get(key) if profile else None
    if other is not None and other.kind == "check":  # a check of another profile: say which
        raise UsageError(
            f"unknown rule or check {key!r} in profile {profile} ({other.id} is a check of "
            f"{', '.join(other.profiles)}; see pmreview rules --profile {profile})"
        )
    close = catalog.load(profile).close(key)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"unknown rule or check {key!r}{hint} (see pmreview rules)")


def quoted(topic: Entry) -> str:
    """What a check's pass quotes as its evidence: the fact its profile names, as the facts
    record describes it."""
    from .checks.evidence import shown_by
    from .checks.profile import load

    said = shown_by(load(topic.profiles[0]).fact_paths.get(topic.id, ()))
    return said or "The words that show the element, at their line."


def _indent(text: str, by: str = "    ") -> str:
    """An example, line for line (its line breaks are part of it)."""
    return "\n".join(by + line if line else line for line in text.splitlines())


def _prose(text: str) -> str:
    """A paragraph, wrapped for the terminal."""
    return textwrap.fill(
        " ".join(text.split()), 92, initial_indent=" " * 4, subsequent_indent=" " * 4
    )


def as_text(topic: Entry) -> str:
    """For the terminal: headed parts, examples indented."""
    if topic.kind == "score":
        from .score import FORMULA

        return f"score: the specificity score\n\n{FORMULA}"
    head = f"{topic.id} ({topic.slug}) · {KINDS[topic.kind]}, {topic.severity} · {where(topic)}"
    parts = [head, "", "What it checks", _prose(topic.what)]
    if topic.definition:
        parts += _definition_text(topic.definition)
    parts += ["", "Why it matters", _prose(topic.why)]
    cites = cite_lines(topic)
    if cites:
        parts += ["", "Where this practice comes from", *(_indent("- " + c) for c in cites)]
    parts += ["", "Bad", _indent(topic.example), "", "Good", _indent(topic.instead)]
    if topic.kind == "check":
        parts += ["", "What a pass quotes (-v, JSON evidence, HTML)", _prose(quoted(topic))]
    if topic.fix:
        parts += ["", "How to fix it", _prose(topic.fix)]
    if topic.question:
        parts += ["", "Ask yourself", _prose(topic.question)]
    if topic.options:
        parts += ["", "Options", *(_indent("- " + o) for o in option_lines(topic))]
    return "\n".join(parts) + "\n"


def _examples(d: Definition) -> list[tuple[str, tuple[str, ...]]]:
    return [(verb, xs) for verb, xs in (("pass", d.pass_examples), ("fail", d.fail_examples)) if xs]


def _definition_text(d: Definition) -> list[str]:
    """A check's definition for the terminal: when it passes and fails, examples of each."""
    parts = ["", "Passes when", _prose(d.passes), "", "Fails when", _prose(d.fails)]
    for verb, examples in _examples(d):
        parts += ["", f"Examples that {verb}", "\n\n".join(_indent(x) for x in examples)]
    return parts


def _definition_markdown(d: Definition) -> list[str]:
    parts = ["", f"**Passes when** {d.passes}.", "", f"**Fails when** {d.fails}."]
    for verb, examples in _examples(d):
        parts += ["", f"**Examples that {verb}:**", "", "\n\n".join(_quote(x) for x in examples)]
    return parts


def scope_lines(profile: str) -> list[str]:
    """The profile's scope rules (`x-scope`), one line each: how every check reads a document."""
    return [" ".join(rule.split()) for rule in catalog.scope(profile).values()]


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def as_markdown(topic: Entry, level: int = 2) -> str:
    """A Markdown section for one topic, its heading at `level`."""
    hashes = "#" * level
    if topic.kind == "score":
        from .score import FORMULA

        return f"{hashes} score\n\n{FORMULA}"
    parts = [
        f"{hashes} {topic.id} `{topic.slug}`",
        "",
        f"*{KINDS[topic.kind]}, {topic.severity}, {where(topic)}*",
        "",
        f"**What it checks.** {topic.what}",
        *(_definition_markdown(topic.definition) if topic.definition else []),
        "",
        f"**Why it matters.** {topic.why}",
    ]
    cites = cite_lines(topic, markdown=True)
    if cites:
        parts += ["", "**Where this practice comes from.** " + "; ".join(cites) + "."]
    parts += ["", "**Bad:**", "", _quote(topic.example), "", "**Good:**", ""]
    parts.append(_quote(topic.instead))
    if topic.kind == "check":
        parts += ["", f"**What a pass quotes** (its line and words). {quoted(topic)}"]
    if topic.fix:
        parts += ["", f"**How to fix it.** {topic.fix}"]
    if topic.question:
        parts += ["", f"**Ask yourself.** {topic.question}"]
    if topic.options:
        parts += ["", "**Options** (`[rules.ID]` in the configuration):", ""]
        parts += ["- " + o for o in option_lines(topic, markdown=True)]
    return "\n".join(parts) + "\n"


def groups(profile: str | None = None) -> list[tuple[str, list[Entry]]]:
    """Everything `--all` explains, in groups: each profile's checks (every built-in profile when
    None, each with its own text), the rules, the LLM rules, the score."""
    from .checks.profile import builtin_profiles, load

    out = []
    for name in [profile] if profile else builtin_profiles():
        checks = catalog.check_entries(name)
        out.append((_checks_title(load(name).name), checks))
    entries = catalog.load(profile).entries
    out.append(("Rules", [e for e in entries if e.kind == "rule"]))
    out.append(("LLM rules", [e for e in entries if e.kind == "llm"]))
    out.append(("The specificity score", [score_entry()]))
    return out


def _checks_title(name: str) -> str:
    return f"Required elements of profile `{name}`"


def _scopes(profile: str | None) -> dict[str, list[str]]:
    """Each check group's title -> the scope rules of its profile."""
    from .checks.profile import builtin_profiles, load

    return {
        _checks_title(load(name).name): scope_lines(name)
        for name in ([profile] if profile else builtin_profiles())
    }


SCOPE_HEAD = "How the checks read a document (the profile's scope rules):"


def _all(profile: str | None) -> Iterable[tuple[str, list[Entry]]]:
    return [(title, items) for title, items in groups(profile) if items]


def document(profile: str | None = None) -> str:
    """docs/rules.md: every check of every profile, every rule, the LLM rules, the score."""
    flag = f" --profile {profile}" if profile else ""
    head = (
        f"<!-- Generated by `pmreview explain --all{flag} --format markdown > docs/rules.md`; "
        "do not edit: edit the rules' documentation and the profiles' x-checks. -->\n\n"
        "# pmreview rules and required elements\n\n"
        "Every check (required element of a profile) and every rule: what it checks (a check: "
        "when it passes and fails, with examples), why it matters, where the practice comes "
        "from, a bad and a good example, and the options a "
        "rule takes. `pmreview explain ID` prints the same for one id or slug.\n"
    )
    body = []
    scopes = _scopes(profile)
    for title, items in _all(profile):
        if items[0].kind == "score":
            body.append(as_markdown(items[0], level=2))
            continue
        body.append(f"## {title}\n")
        if scopes.get(title):
            body.append(SCOPE_HEAD + "\n\n" + "".join(f"- {r}\n" for r in scopes[title]))
        body += [as_markdown(t, level=3) for t in items]
    return head + "\n" + "\n".join(body)


def text_all(profile: str | None = None) -> str:
    """`pmreview explain --all` for the terminal."""
    out = []
    scopes = _scopes(profile)
    for title, items in _all(profile):
        bar = "=" * len(title.replace("`", ""))
        out.append(f"{title.replace('`', '')}\n{bar}\n")
        if scopes.get(title):
            rules = "\n".join(_prose("- " + r) for r in scopes[title])
            out.append(f"{SCOPE_HEAD}\n{rules}\n")
        out += [as_text(t) for t in items]
    return "\n".join(out)
