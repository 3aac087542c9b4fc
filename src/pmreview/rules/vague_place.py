"""Where a vague phrase stands (rules/vague_context.py): its sentence, clause, paragraph or
list item, and the paragraph or list after it, as lower-cased text without the phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from ..models import Block, Document, Section
from ..text.borrowed import is_quoted, status_post
from ..text.runs import RunSearch
from ..text.verb_forms import verbs

_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])?\s*")
_ROW_INDEX = re.compile(r"^[ \t]*+\|?[ \t]*+#?\d{1,3}[.)]?[ \t]*+(?=\|)")
# a paragraph numbered as in a report ("1.4 The interruption …", "4.2.1 Staff …"): its index, no
# value (a capital follows: "1.5 times the load" is a number of the sentence)
_PARAGRAPH_INDEX = re.compile(r"(?m)^[ \t]*+\d{1,2}(?:\.\d{1,2}){1,3}\.?[ \t]++(?=[A-Z])")
# a label opening a block, with text after it
_LABEL = re.compile(
    r"^\s*+(?:[-*+•]|\d+[.)])?\s*+"
    r"(?:\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__|[A-Z][\w /&-]{0,40}:)(?=:?\s+\S)"
)
_FIRST_WORD = re.compile(r"[A-Za-z]+")
CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[—–-]\s")  # "10:30", "4,100" and a parenthesis stay
# an aside in brackets, innermost ("(about 40 minutes)", "(a, b and c)")
BRACKETED = re.compile(r"\([^()]*+\)")
# a line that ends a sentence or a label, before a line that starts a new one
_LINE_BREAK = re.compile(r"(?<=[.:!?])[ \t*_]*\n(?=[ \t>*_#-]*[A-Z0-9])")
# links, addresses and ticket numbers (where a task is tracked, not what it does) and HTML
# tags (a colour is no value); reading each run of an unclosed "[" or "<" once
_REFERENCE = RunSearch(
    rest=re.compile(
        r"(?<![^\]\n])!?\[[^\]\n]*+\]\([^)\n]*\)|https?://\S+|#\d+\b|(?<![^>\n])<[^>\n]*+>"
    ),
    runs=(
        (re.compile(r"!\[(?<=[^\]\n]!\[)|\[(?<=[^\]\n]\[)"), re.compile(r"!?\[[^\]\n]*")),
        (re.compile(r"<(?<=[^>\n]<)"), re.compile(r"[^>\n]*")),
    ),
    alternative=re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|https?://\S+|#\d+\b|<[^>\n]*>"),
)


# a quarter or a half year ("Due: Q3 2024", "H2 FY25"): a date, which says when a task is due
# and nothing of what it does (the dates DATE_RE finds are taken out by the marker tests)
_QUARTER = re.compile(r"\b(?:q[1-4]|h[12])\s*+(?:fy\s*+)?(?:19|20)?\d\d\b")


def _clause_after(after: str, apposition: bool = False) -> str:
    """The rest of the words' clause; when a colon or a dash ends their noun phrase, the rest
    of the sentence too: it says what the words stand for ("the usual suspects – the web
    server, the database and the load balancer"). With `apposition`, a comma right after the
    words opens a clause that names them too ("an external service, `certbot-relay`, …")."""
    first, *rest = CLAUSE_END.split(after, maxsplit=1)
    sep = after[len(first) :].lstrip()[:1]
    if len(first.split()) <= 3 and sep in (":", "—", "–", "-"):
        return after
    if apposition and rest and not first.strip():
        return CLAUSE_END.split(rest[0], maxsplit=1)[0]
    return first


@dataclass(frozen=True)
class Place:
    """Where a match stands: its section, block, sentence (start, end) and span in the block,
    whether the document quantifies its impact where it states it (summary, impact), and the
    document (what it tells elsewhere: rules/vague_document.py)."""

    section: Section
    block: Block
    sentence: tuple[int, int]
    span: tuple[int, int]
    impact_stated: bool = False
    spans: tuple[tuple[int, int], ...] = ()  # the block's sentences
    doc: Document | None = None

    @property
    def borrowed(self) -> bool:
        """The words are quoted (a block quote, a quotation, code) or stand in a status-page
        post: not the author's claim."""
        if is_quoted(self.block, *self.span):
            return True
        return any(status_post(s, self.block) for s in self.sections)

    @property
    def sections(self) -> tuple[Section, ...]:
        """Its section and, for a paragraph titled by its own bold lead ("**Resolved** — …"),
        the titled section it stands under ("Status updates")."""
        if self.section.style != "inline" or self.doc is None:
            return (self.section,)
        at = next(k for k, s in enumerate(self.doc.sections) if s is self.section)
        outer = (s for s in reversed(self.doc.sections[:at]) if s.level < self.section.level)
        return (self.section, *[s for s in outer if s.style != "inline"][:1])

    @property
    def before(self) -> str:
        """The sentence's lower-cased text before the match."""
        return self.block.lower[self.sentence[0] : self.span[0]]

    @property
    def words(self) -> str:
        return self.block.lower[self.span[0] : self.span[1]]

    @property
    def after(self) -> str:
        """The sentence's lower-cased text after the match."""
        return self.block.lower[self.span[1] : self.sentence[1]]

    @property
    def written(self) -> str:
        """The text as written of the words' list item or table row, or else of their
        sentence (links and ticket numbers included)."""
        if self.block.kind in ("item", "row"):
            return self.block.text
        return self.block.text[self.sentence[0] : self.sentence[1]]

    @property
    def _start(self) -> int:
        """Where the text of the sentence starts (a list item: the whole item, after its marker:
        "7." is no number of the text)."""
        if self.block.kind == "item":
            lower = self.block.lower
            return len(lower) - len(_MARKER.sub("", lower, count=1))
        return self.sentence[0]

    @property
    def _plain(self) -> str:
        """The block's lower-cased text with links, ticket numbers, HTML tags and quarters
        ("Q3 2024") blanked out (before it is cut into sentences: a tag may span a
        sentence's start). Read once per block: each phrase in it asks several times."""
        found: str | None = self.block.memo.get("vague_plain")
        if found is None:
            found = _REFERENCE.sub(lambda m: " " * len(m.group(0)), self.block.lower)
            found = _QUARTER.sub(lambda m: " " * len(m.group(0)), found)
            if self.block.kind == "row":  # a first cell of only a number is the row's index
                found = _ROW_INDEX.sub(lambda m: " " * len(m.group(0)), found, count=1)
            elif self.block.kind == "paragraph":
                for m in _PARAGRAPH_INDEX.finditer(self.block.text):
                    found = found[: m.start()] + " " * len(m.group(0)) + found[m.end() :]
            self.block.memo["vague_plain"] = found
        return found

    def around(self, within: str) -> str:
        """The lower-cased text the match is judged in, without the match: its sentence (a list
        item: the whole item), its clause, or the rest of its clause ("after": what names the
        thing the words stand for follows them: "a recent change, #4812, …")."""
        lower = self._plain
        e = len(lower) if self.block.kind == "item" else self.sentence[1]
        before, after = lower[self._start : self.span[0]], lower[self.span[1] : e]
        if within in ("clause", "after"):
            before = CLAUSE_END.split(before)[-1] if within == "clause" else ""
            after = _clause_after(after, apposition=within == "after")
        return before + " " + after

    @property
    def paragraph(self) -> str:
        """The lower-cased text of the whole paragraph or list item, without the match. Lines
        that each end a sentence are read as paragraphs of their own: a document without blank
        lines ("Impact: …⏎Root cause: …⏎08:30 - …") writes one statement a line."""
        lower = self._plain
        s = self._start if self.block.kind == "item" else 0
        e = len(lower)
        for m in _LINE_BREAK.finditer(self.block.text, s):
            if m.end() <= self.span[0]:
                s = m.end()
            elif m.start() >= self.span[1]:
                e = m.start()
                break
        return lower[s : self.span[0]] + " " + lower[self.span[1] : e]

    @property
    def nearby(self) -> str:
        """The lower-cased text of the sentences just before and after the words' sentence in
        their paragraph or list item ("Bound the app to port 5001. This involved updating the
        settings."); a line that ends a sentence ends the paragraph here too."""
        if self.sentence not in self.spans:
            return ""
        at = self.spans.index(self.sentence)
        side = [self.spans[k] for k in (at - 1, at + 1) if 0 <= k < len(self.spans)]
        text, lower = self.block.text, self._plain

        def apart(s: int, e: int) -> bool:  # the gap between the two, and the next one's start
            gap = text[max(min(e, self.sentence[1]) - 1, 0) : max(s, self.sentence[0]) + 9]
            return _LINE_BREAK.search(gap) is not None

        return " ".join(lower[s:e] for s, e in side if not apart(s, e))

    @property
    def _at(self) -> int:
        """The index of the words' block among their section's blocks."""
        return next(k for k, b in enumerate(self.section.blocks) if b is self.block)

    @property
    def adjacent(self) -> str:
        """The lower-cased text of the block just before the words' block in their section when
        their sentence opens it, and of the block after (a list: its items) when it closes it
        ("… was set to `support@example.com`.⏎⏎This was a configuration error.")."""
        blocks = self.section.blocks
        at = self._at
        parts = []
        if at and (not self.spans or self.sentence == self.spans[0]):
            parts.append(blocks[at - 1].lower)
        if not self.spans or self.sentence == self.spans[-1]:
            parts.append(self.next_text)
        return " ".join(_REFERENCE.sub(" ", p) for p in parts)

    @property
    def next_block(self) -> str:
        """The lower-cased text of the block just after the words' block in their section (the
        next timeline entry, a sub-item), and of the sentence after theirs in the block."""
        blocks = self.section.blocks
        at = self._at + 1
        following = blocks[at].lower if at < len(blocks) else ""
        later = [(s, e) for s, e in self.spans if s >= self.sentence[1]][:1]
        return " ".join([*(self._plain[s:e] for s, e in later), following])

    @property
    def next_text(self) -> str:
        """The lower-cased text of the block after the words' block in their section, and of the
        items of a list that follows."""
        blocks = self.section.blocks
        at = self._at + 1
        following = blocks[at : at + 1]
        if following and following[0].kind == "item":
            following = list(takewhile(lambda b: b.kind == "item", blocks[at:]))
        return " ".join(_REFERENCE.sub(" ", b.lower) for b in following)


def in_label(place: Place) -> bool:
    """The words are the label of a paragraph or list item with text after it
    ("**Enhanced monitoring:** Page the DBA when …"): the label names the topic, the text
    after it is what is judged. A bold lead that opens with a verb and ends with no colon is
    the item's own statement, set in bold ("**Be more careful.** Nothing good …")."""
    m = _LABEL.match(place.block.text)
    if m is None or place.span[1] > m.end():
        return False
    return not _bold_statement(m.group(0) + place.block.text[m.end() : m.end() + 1])


def _bold_statement(label: str) -> bool:
    """A bold lead that is a sentence of its own: an instruction (its first word a verb),
    with no colon in or after it."""
    bold = label.strip().lstrip("-*+•0123456789.) ").strip("*_ ")
    first = _FIRST_WORD.match(bold)
    return ":" not in label and first is not None and first.group(0).lower() in verbs()


# a line that gives a title as a field: an e-mail's "**Subject:** …", "Title: …", "Re: …"
_TITLE_FIELD = re.compile(
    r"^[\s>*_+-]*+(?:subject|title|headline|re|fwd|incident\s+title)[\s*_]*+:", re.I | re.M
)


def in_title_field(place: Place) -> bool:
    """The words are on a line that gives a title ("**Subject:** Service disruption on
    Tuesday"): a title names the incident, the message's body tells its size."""
    text = place.block.text
    line = text.rfind("\n", 0, place.span[0]) + 1
    return _TITLE_FIELD.match(text, line) is not None


# a Markdown link (its text, then its destination) or a bare address
_LINK = re.compile(r"\[([^\]\n]{1,200}+)\]\(([^)\s]{1,500}+)(?:\s[^)\n]{0,200}+)?\)|https?://\S++")
# a sentence that sends the reader to another document ("Read more in [the report](…)")
_POINTER = re.compile(
    r"[\s>*_+•-]{0,12}+(?:(?:read|see|find out|learn) more\b|see\b|details (?:are )?in\b)", re.I
)


def in_link(place: Place) -> bool:
    """The words are part of a link: its destination or an address (a file name, a path: never
    a claim), or its text ("[shortly after](…/tx/0x76…)", "[some validators](…)": the linked page
    is the precise point); or they stand in a sentence that only sends the reader to a linked
    document ("Read more about that in our [prevention plan](…)")."""
    text, (s, e) = place.block.text, place.span
    for m in _LINK.finditer(text):
        if m.start() < e and s < m.end():
            return True
        if m.start() >= place.sentence[1]:
            break
    if _POINTER.match(text, place.sentence[0]) is None:
        return False
    return _LINK.search(text, *place.sentence) is not None
