"""Borrowed text: words in a postmortem that are not the author's account of the incident, so
no verdict may rest on them (spec/checks.md: "a timestamp inside a quoted log line does not
count").

- a quoted log line: a line that is a JSON object (`{"level":"error","time":"…"}`), or a log
  record (a machine timestamp with seconds followed by a level, `2024-01-01T10:00:00Z ERROR …`;
  in a blockquote, any line that opens with such a timestamp), also set in inline code;
- the assignment's own text: requirements pasted into the document ("Issue Summary … must
  contain: duration of the outage with start and end times (including timezone)…") and the
  list items such a requirement introduces;
- a question ("What was the root cause?") states nothing about the incident;
- a block quote (`> …`: a chat log, a tweet, a status page, a policy; `is_block_quote`) and,
  inside the author's sentences, a quotation of someone else's words or inline code
  (`is_quoted`): no vague finding rests on them (rules/vague_context.py), and the searches
  through the whole story (a misleading path, an escalation, a cause or fix told outside
  its section) skip block quotes. Evidence inside a section keeps them: authors also set
  their own summary in a block quote;
- a status page's post (`status_post`: under a title naming the posts, or a status set off
  as a label with the time it went out: "**Resolved** - …" above "Posted Mar 9, 22:41 UTC"):
  no vague finding rests on it.

Code is handled where it is read: fenced code blocks become no blocks, except timed entries
fenced under a Timeline title (parse/code.py), and inline code spans are blanked before times
are read (parse/timeline.py). Times are collected
(parse/timeline.py) and evidence sentences chosen (checks/) through this module only, so the
facts record and the rules skip the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Block, Section
from .post_titles import STATUS, is_posts_title, is_status_title, is_updates_title
from .prefilter import Lazy, run_end
from .quotations import quoted_spans
from .sentences import sentences
from .times import DATE_RE, TIME_RE

_QUOTE = Lazy(r"^\s*(?:>\s*)+")
_LEAD = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_JSON_OBJECT = re.compile(r"^\{\s*+\"[^\"\n]++\"\s*+:.*\}\s*+,?\s*+$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# a machine timestamp, always with seconds: ISO 8601, "2024/01/01 10:00:00", syslog's
# "Jan  1 10:00:00", Apache's "[Mon Jan 01 10:00:00.123 2024]"
_STAMP = (
    r"\[?(?:\d{4}-\d{2}-\d{2}[T ]|\d{4}/\d{2}/\d{2} |(?:\w{3} )?" + _MONTH + r" +\d{1,2} )"
    r"\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: ?\d{4})?(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?\]?"
)
_STAMP_RE = re.compile(_STAMP)
_LEVEL_LEAD = re.compile(r"[\s:|-]*+")  # before a level, which _LEVEL matches from its end
_LEVEL = Lazy(
    r"(?:\[\s*(?:\w+:)?(?:error|warn(?:ing)?|info|debug|fatal|crit(?:ical)?|notice"
    r"|alert|emerg|trace)\s*\]|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|CRIT(?:ICAL)?|NOTICE"
    r"|ALERT|EMERG|TRACE|SEVERE)\b|level=)",
    re.IGNORECASE,
)
# What a pasted assignment says of the postmortem's parts ("Issue Summary … must contain:",
# "The postmortem must be written in English"), or "the following requirements:".
_REQUIREMENT = re.compile(
    r"\b(?:summary|timeline|post-?mortems?|documents?|report|sections?|root cause|resolution"
    r"|measures|write-?up)\b[^.\n]{0,100}?\b(?:must|should|shall|needs? to|has to)\s+"
    r"(?:contain|include|cover|have|be|state|describe|explain|give|list)\b"
    r"|\b(?:following|these|the) requirements\s*:",
    re.IGNORECASE,
)


def log_line(line: str) -> bool:
    """Whether a line of the document is a quoted log line (see the module's docstring)."""
    body = _LEAD.sub("", line, count=1).strip()
    if len(body) > 2 and body[0] == body[-1] == "`" and "`" not in body[1:-1]:
        body = body[1:-1].strip()  # a log line pasted in inline code is still a log line
    if _JSON_OBJECT.match(body):
        return True
    stamp = _STAMP_RE.match(body)
    if stamp is None:
        return False
    return _QUOTE.compiled.match(line) is not None or _level_after(body, stamp.end())


def _level_after(body: str, end: int) -> bool:
    """Whether a log level ("[ERROR]", "WARN", "level=") follows a time stamp ending at `end`."""
    return _LEVEL.compiled.match(body, run_end(_LEVEL_LEAD, body, end)) is not None


_MODAL = re.compile(r"must|should|shall|need|has to|requirements")  # on lower-cased text


def on_log_line(text: str, offset: int) -> bool:
    """Whether the line of `text` that holds `offset` is a quoted log line."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return log_line(text[start : end if end >= 0 else len(text)])


def requirement(block: Block) -> bool:
    """Whether a paragraph or list item states what a postmortem must contain, or tells its
    writer what to do ("Write a postmortem…", "Keep the document brief", "Enhance the
    readability of your postmortem"). Worked out once per block: the facts record asks
    through `borrowed_blocks` of the whole document's blocks about ten times."""
    found: bool | None = block.memo.get("requirement")
    if found is None:
        found = block.memo["requirement"] = _requirement(block.text, block.lower)
    return found


def _requirement(text: str, lower: str) -> bool:
    if _INSTRUCTION.compiled.search(lower):
        return True
    return _MODAL.search(lower) is not None and _REQUIREMENT.search(text) is not None


# an instruction to the writer of the postmortem (on lower-cased text)
_INSTRUCTION = Lazy(
    r"\byour (?:post-?mortem|document|write-?up|report)\b"
    r"|^\W*(?:\d+[.)]\s*)?(?:write|ensure|keep|make sure)\b[^.\n]{0,40}"
    r"\b(?:a post-?mortem|the (?:post-?mortem|document))\b"
)


def assignment_section(blocks: list[Block]) -> bool:
    """Whether a section is the assignment's own text: most of its paragraphs and items are
    (a README's "Tasks" listing what to write)."""
    text = [b for b in blocks if b.kind != "heading"]
    return bool(text) and 2 * len(borrowed_blocks(text)) > len(text)


def borrowed_blocks(blocks: Iterable[Block]) -> set[int]:
    """The ids of the blocks that are the assignment's own text: a requirement, and the list
    items right after one that ends with a colon (the requirements it introduces)."""
    out: set[int] = set()
    intro: Block | None = None
    for b in blocks:
        if b.kind == "heading":
            intro = None
            continue
        if (
            intro is not None
            and b.kind == "item"
            and (intro.kind != "item" or b.depth > intro.depth)
        ):
            out.add(id(b))
            continue
        intro = None
        if requirement(b):
            out.add(id(b))
            intro = b if b.text.rstrip().endswith(":") else None
    return out


def own_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks that are not the assignment's own text. (A block quote is kept: authors
    set their own summary in one; the whole-document searches for a story drop them.)"""
    borrowed = borrowed_blocks(blocks)
    return [b for b in blocks if id(b) not in borrowed]


def own_sentences(block: Block) -> list[tuple[int, int]]:
    """The (start, end) offsets of a block's sentences that may be evidence: not on a quoted
    log line, not a question. Worked out once per block: the facts record asks of the whole
    document's blocks about ten times."""
    found: list[tuple[int, int]] | None = block.memo.get("own_sentences")
    if found is None:
        found = block.memo["own_sentences"] = _own_sentences(block)
    return found


def _own_sentences(block: Block) -> list[tuple[int, int]]:
    logs = _log_offsets(block)
    out = []
    for s, e in sentences(block):
        if _asked(block.text[s:e]):
            continue
        if logs and any(a <= s < b for a, b in logs):
            continue
        out.append((s, e))
    return out


def _asked(text: str) -> bool:
    """Whether a sentence is a question the writer asks, not one it quotes ("A friend sent
    me: \"is your site down??\"" reports a message)."""
    return text.rstrip(" *_)\"'").endswith("?") and not _QUOTED_QUESTION.search(text)


# a quotation that ends the sentence with its own question mark
_QUOTED_QUESTION = re.compile(r"[\"“‘'][^\"“”\n]*\?[\"”’'][\s*_)]*$")


def _log_offsets(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets of the block's lines that are quoted log lines."""
    out = []
    start = 0
    for line in block.text.split("\n"):
        if ("{" in line or ":" in line) and log_line(line):
            out.append((start, start + len(line) + 1))
        start += len(line) + 1
    return out


def is_block_quote(block: Block) -> bool:
    """Whether the block is inside a Markdown block quote (`> …`)."""
    return _QUOTE.compiled.match(block.text) is not None


def is_quoted(block: Block, start: int, end: int) -> bool:
    """Whether text[start:end] of the block is quoted material rather than the author's claim."""
    if is_block_quote(block):
        return True
    spans: list[tuple[int, int]] | None = block.memo.get("quoted_spans")
    if spans is None:  # read once per block: a block holds several vague phrases
        spans = block.memo["quoted_spans"] = quoted_spans(block.text)
    return any(s <= start and end <= e for s, e in spans)


# a post in one line: its status, set off as a label, next to the time it was posted
# ("**Investigating** — 15:24 UTC — …", "- 15:24 UTC · **Identified**: …")
_STATUS_LABEL = re.compile(
    rf"^[\s>*+•-]*(?:[^\n]{{0,40}}?[—–|·-]\s*)?(?:\*\*|__){STATUS}(?:\*\*|__)\s*(?:[—–|:·-]|$)",
    re.IGNORECASE,
)
_STAMP_WORDS = 10  # a line that only says when a post went out is this short


def status_post(section: Section, block: Block) -> bool:
    """Whether the block is a status-page post quoted as a record: under a title that names
    the posts ("Status page updates"), in a section titled by a post's status whose first line
    is the time it was posted ("**Investigating**⏎*Mar 19, 15:24 UTC*⏎…"), or, outside the
    author's timeline, a line that labels itself with a status next to its time
    ("**Investigating** — 15:24 UTC — …")."""
    if is_posts_title(section.title):
        return True
    if is_status_title(section.title) and _stamped(section):
        return True
    if "timeline" in section.kinds and not is_updates_title(section.title):
        return False
    first = block.text.split("\n", 1)[0]
    label = _STATUS_LABEL.match(first)
    if label is not None and TIME_RE.search(first[: label.end() + 40]) is not None:
        return True
    return _STATUS_OPEN.match(first) is not None and _posted(section, block)


# a post that opens with its status set off by a dash or colon ("**Resolved** - This incident
# has been resolved.", "Investigating: We are looking into…"), the status capitalised
_STATUS_OPEN = re.compile(
    rf"^[\s>]*(?:\*\*|__)?(?-i:(?=[A-Z])){STATUS}(?:\*\*|__)?\s*[—–:-]\s+\S", re.IGNORECASE
)


def _posted(section: Section, block: Block) -> bool:
    """The post's stamp follows it: its last line, or the block right after it, only says
    when it went out ("Posted Mar 9, 2024 - 22:41 UTC")."""
    lines = block.text.rstrip().split("\n")
    pairs = zip(section.blocks, section.blocks[1:], strict=False)
    after = next((b for a, b in pairs if a is block), None)
    stamps = [lines[-1]] if len(lines) > 1 else []
    stamps += [after.text] if after is not None else []
    return any(len(t.split()) <= _STAMP_WORDS and TIME_RE.search(t) for t in stamps)


def _stamped(section: Section) -> bool:
    """The section's first block only says when it was posted (a date or a time)."""
    first = next((b for b in section.blocks if b.kind != "heading"), None)
    if first is None or len(first.text.split()) > _STAMP_WORDS:
        return False
    return bool(TIME_RE.search(first.text) or DATE_RE.search(first.text))
