"""Section titles: what kinds a title means, and which paragraph lines open a section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from ..resources import load_toml
from ..text.phrases import Alternation, Phrases

# Each of the three line patterns below is linear: no whitespace is shared between two
# repetitions that could split it many ways (possessive `*+`), and a title is only tried ending
# on a non-space character (the shortest title that fits never ends on one). They find exactly
# what their backtracking forms found (`\s*` for `\s*+`, no lookbehind): a test in
# tests/test_backtracking.py compares the two.
_BOLD_END = r"\s*+\*?\s*+:?+\s*+(?:\*\*|__)\s*+:?+\s*+$"
_BOLD_LINE = re.compile(
    r"^\s{0,3}+(?:\*\*|__)\s*+\*?+\s*+(?P<t>[^*_\n](?:[^*_\n]{0,79}?(?<!\s))??)" + _BOLD_END
)
# "** **", "**  * __": the backtracking form took one space before the end for a title
_BOLD_BLANK = re.compile(
    rf"^\s{{0,3}}+(?:\*\*|__)\s*+(?:\*?+\s*+(?<=(?P<t>\s)){_BOLD_END}|(?<=(?P<u>\s)){_BOLD_END})"
)
_LABEL_LINE = re.compile(
    r"^\s{0,3}+[-=~]*+\s*+(?P<t>[A-Za-z0-9][^:\n.!?]{0,60}?(?<!\s))\s*+[-=~]*+\s*+:\s*+$"
)
_INLINE_LABEL = re.compile(
    r"^\s{0,3}+(?:(?:\*\*|__)(?P<b>[^*_\n](?:[^*_\n]{0,49}?(?<!\s))??)\s*+:?+\s*+(?:\*\*|__)"
    r"\s*+(?:[:\-–—]\s++\S|(?<=\s)\S)|(?P<c>[A-Za-z][^:\n.!?*]{0,40}?):\s++\S)"
)
_EMPH = re.compile(r"[*_`#~\[\]]+")


@cache
def _kind_table() -> list[tuple[str, Alternation, frozenset[str]]]:
    """Each kind with its title patterns as one alternation (one search a kind, not one a
    pattern: every title of a long document is looked up), which compiles only the patterns
    whose anchors a title holds, and the kinds that exclude it."""
    data = load_toml("sections.toml")["kinds"]
    return [
        (
            kind,
            Alternation(spec["patterns"]),
            frozenset(spec.get("excluded_by", [])),
        )
        for kind, spec in data.items()
    ]


@cache
def _title_phrases() -> tuple[Phrases, tuple[str, ...]]:
    """Every kind's title patterns as one table, and the kind of each: the kinds whose anchors
    a title holds are the only ones searched (most lines a long document offers as a title
    hold none)."""
    data = load_toml("sections.toml")["kinds"]
    pairs = [(p, kind) for kind, spec in data.items() for p in spec["patterns"]]
    return Phrases([p for p, _ in pairs]), tuple(kind for _, kind in pairs)


_EMPTY_ANCHOR = re.compile(r"<a\s[^<>]*+>\s*+</a>", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[ivx]+)[.)]\s+")
_NOT_WORD = re.compile(r"[^a-z0-9;' ]+")
_SPACES = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    if "</a>" in title:  # a wiki export's anchor: "Description <a href="#d" id="d"></a>"
        title = _EMPTY_ANCHOR.sub(" ", title)
    t = _EMPH.sub(" ", title).lower().replace("’", "'")
    t = _NUMBERING.sub("", t)
    t = _NOT_WORD.sub(" ", t).replace(";", " ")
    return _SPACES.sub(" ", t).strip()


# Room for every title of the largest document a review reads (512 KB of one-line labels is
# ~17,000 titles): past the cache each title was read again by every pass that asks.
@lru_cache(maxsize=32768)
def kinds_of(title: str) -> frozenset[str]:
    """The canonical kinds a section title means ("Issue Summary" -> {"summary"}). Code in a
    title names a thing ("Incident report: `todo-api` pods crashing"), not a kind, unless the
    title is nothing else."""
    words = _CODE.sub(" ", title) if "`" in title else title
    return _kinds_of_normal(
        normalise_title(words if words.strip(" :*_#") else title).translate(_ZEROS)
    )


_CODE = re.compile(r"`[^`\n]*+`")


# No title pattern tells one digit from another (tests/parse/test_titles.py checks it), so
# titles that differ in their numbers alone ("Timeline 1", "Timeline 2" …) are read once.
_ZEROS = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=32768)
def _kinds_of_normal(norm: str) -> frozenset[str]:
    """A title's kinds. In a title joining two parts ("Remediation and prevention") one
    part's word does not exclude a kind the other part names on its own."""
    if not norm:
        return frozenset()
    named = _named_kinds(norm)
    found = _without_excluded(named)
    parts = norm.split(" and ")
    if len(parts) > 1 and named != found:
        found |= named & frozenset().union(*(_without_excluded(_named_kinds(p)) for p in parts))
    return found


def _named_kinds(norm: str) -> frozenset[str]:
    phrases, kind_of = _title_phrases()
    maybe = {kind_of[i] for i in phrases.anchored(norm)}
    return frozenset(
        kind for kind, pattern, _ in _kind_table() if kind in maybe and pattern.search(norm)
    )


def _without_excluded(named: frozenset[str]) -> frozenset[str]:
    return frozenset(
        kind for kind, _, excluded_by in _kind_table() if kind in named and not excluded_by & named
    )


@dataclass
class Mark:
    title: str
    style: str
    level: int
    line: int
    column: int
    inline: bool  # the line also holds body text

    @cached_property
    def kinds(self) -> frozenset[str]:
        """kinds_of(title), read once for the passes that ask (a long document has more
        titles than kinds_of's cache holds)."""
        return kinds_of(self.title)


# "(" up to the next ")"; with no ")" the run to the end, taken once and kept (a search from
# each "(" would read it again each time)
_REMARK = re.compile(r"\([^)]*+\)?")


def _without_remarks(title: str) -> str:
    """`title` with each remark in parentheses replaced by a space."""
    return _REMARK.sub(lambda m: " " if m[0][-1] == ")" else m[0], title)


def title_case(title: str) -> bool:
    """Title Case words, a remark in parentheses aside ("Timeline (all times in UTC)")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'/-]*", _without_remarks(title))]
    small = {"a", "an", "and", "the", "of", "to", "in", "on", "for", "or", "with", "by", "vs"}
    return 0 < len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words)


# a line that opens with a clock time and a colon after its zone or remark: "6:25 PM (EAT): …",
# "14:05 UTC: …", "**09:10**: …"
_CLOCK_FIRST = re.compile(
    r"^[\s*_]*+\d{1,2}:\d{2}(?::\d{2})?+[ \t]*+(?:[AaPp]\.?[Mm]\.?)?+[*_]*+"
    r"(?:[ \t]*+(?:\([A-Za-z+\d: ]{1,12}\)|[A-Z]{2,5}))?+[*_]*+[ \t]*+[:\-–—]"
)


_TIMED = re.compile(r"\d{1,2}[:.h]\d\d\b|\d{1,2}\s?[AaPp]\.?[Mm]\b")


def section_mark(line: str, lineno: int, alone: bool, head: bool = False) -> Mark | None:
    """Whether a paragraph line opens a section, and how. `head`: the paragraph's first line,
    over a line that opens a sentence ("Root cause" over "Database locking: …", a title with
    no blank line under it), which may be a title in sentence case as a lone line may."""
    if _CLOCK_FIRST.match(line):
        return None  # "6:25 PM (EAT): Action plan:" is a timed entry, not a title
    if ":" in line or "**" in line or "__" in line:  # what the three patterns need
        mark = _marked_title(line, lineno)
        if mark is not None:
            return mark
    title = line.strip().strip("*_#: ")
    # a title on a line of its own: alone in its paragraph, or (plain text written without
    # blank lines) a Title Case line that names a kind (asked last: the dearest test)
    words = len(_without_remarks(title).split())
    if (
        not _TIMED.match(title)  # "14:50 Follow up with TAM" is an event at 14:50
        and 0 < words <= (10 if alone and _ASKS.match(title) and not title.endswith("?") else 5)
        and not title.endswith((".", ","))
        # not "thats it, lesson learned"
        and (title_case(title) or ((alone or head) and "," not in title))
        and kinds_of(title)
        and not _labelled_value(title)
    ):
        return Mark(title, "bare", 8, lineno, line.find(title) + 1, False)
    return None


def callout_mark(line: str, lineno: int) -> Mark | None:
    """A block quote that opens with a summary's label is the author's summary set off as a
    callout ("> 💡 **TL;DR** — On 3 May…", "> **Summary:** …"); other quotes (a status
    post's "> **Resolved** - …", a chat, a policy) open no section."""
    lead = _CALLOUT_LEAD.match(line)
    rest = line[lead.end() :] if lead else line
    mark = _marked_title(rest, lineno) if rest[:1] in "*_" or ":" in rest else None
    if mark is None or not mark.inline or "summary" not in mark.kinds:
        return None
    return Mark(mark.title, mark.style, mark.level, lineno, line.find(mark.title) + 1, True)


_CALLOUT_LEAD = re.compile(r"^\s*+(?:>\s*+)+[^\w*_\s]*+\s*+")


def _labelled_value(title: str) -> bool:
    """A field and its value ("Status: Resolved", "Severity: SEV-2"), whose label names no
    kind: the value's word names none either (the incident's state, not its resolution). A
    numbered part ("Section 3: Timeline") is a title."""
    label, colon, value = title.partition(":")
    if not (colon and value.strip() and label.strip()) or _PART_NUMBER.match(label):
        return False
    return not kinds_of(label)


_PART_NUMBER = re.compile(
    r"^\W*+(?:(?:section|part|chapter|step|phase|appendix)\s*+)?[\dIVXivx.]++\W*+$", re.I
)


# a longer plain title names what it answers ("What we are doing to prevent this happening
# again"); a question of its own ("Why does the test plan not include downloads?") is prose
_ASKS = re.compile(r"(?:what|how|why|where)\b", re.IGNORECASE)


def _marked_title(line: str, lineno: int) -> Mark | None:
    """A bold title ("**Timeline**"), a label ("Impact:") or an inline label ("Cause: …")."""
    bold = _bold_title(line)
    # a bold sentence ("**All times in this document are EET (UTC+2).**") is emphasis
    if bold is not None and len(bold.split()) <= (4 if bold.endswith((".", "!")) else 10):
        return Mark(bold.strip(" :"), "bold", 7, lineno, line.find(bold) + 1, False)
    m = _LABEL_LINE.match(line)
    if m:
        title = m.group("t").strip()
        # a title, not a sentence that ends in a colon ("The only safe way would be:")
        if len(title.split()) <= 6 and (kinds_of(title) or title_case(title)):
            return Mark(title, "label", 8, lineno, line.find(title) + 1, False)
    m = _INLINE_LABEL.match(line)
    if m:
        title = (m.group("b") or m.group("c") or "").strip()
        # a question in bold opens its answer: "**Q: What will you do so it never happens
        # again?** A: …"
        asked = m.group("b") is not None and title.endswith("?")
        if len(title.split()) <= (12 if asked else 6) and kinds_of(title):
            return Mark(title, "inline", 8, lineno, line.find(title) + 1, True)
    return None


def _bold_title(line: str) -> str | None:
    """The title of a bold title line ("**Timeline**", "__Impact:__"), as written."""
    m = _BOLD_LINE.match(line)
    if m is not None:
        return m.group("t")
    m = _BOLD_BLANK.match(line)
    return None if m is None else m.group("t") or m.group("u")
