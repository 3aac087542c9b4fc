"""The forms a verb of data/verbs.txt takes in an action item: "Implementing rate limits"
(a gerund with its object), "Added an alert" and "We have removed …" (work reported as done),
"Figure out …" (a phrasal verb), and the marks that say an item is done (✅, [x], DONE,
"(completed)", "(in effect)", a leading "Done:", strikethrough, a Status cell) or open ("[ ]",
"In progress:", "(target: Q2)")."""

from __future__ import annotations

import re
from functools import cache

from ..resources import DATA, load_toml
from .prefilter import Lazy

# After a gerund, a preposition makes it a topic ("Monitoring of disk", "Alerting on queue
# depth"); an object makes it a task ("Implementing rate limits on …").
PREPOSITIONS = frozenset(
    ["of", "for", "on", "in", "at", "with", "about", "to", "from", "around", "across", "by", "and"]
)
_PARTICLES = frozenset(["out", "up", "down", "off", "back", "away", "through", "over"])
# A done mark: a ticked box or check mark, DONE in capitals, "(completed)", "— done" at the
# end, a leading "Done:", or the whole item struck through.
_DONE_WORD = (
    r"(?:done|completed?|fixed|closed|resolved|shipped|implemented|in (?:effect|place|force))"
)
# the date a leading done label gives: "3 Apr", "on 9 June", "(2 May)", "2024-05-02"
_DONE_DATE = (
    r"(?:on\s+)?\(?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:\s+\d{4})?"
    r"|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4}-\d\d-\d\d)\)?"
)
_DONE_MARK = Lazy(
    r"✅|✔|☑|\[[xX✓✔]\]|(?-i:\bDONE\b)"
    # "(done)", "(done 18 April)", "(in effect)", "(shipped for this release; standing
    # practice after)" over a line break; not "(done by 3 May)", a due date, nor "(fixed on
    # web-1; web-2 pending)", a part still open
    rf"|\({_DONE_WORD}(?!\s+(?:by|before|until|when|once|after|next)\b)"
    r"(?![^()]{0,80}\b(?:pending|outstanding|not\s+yet|partial(?:ly)?|remaining|in\s+progress)\b)"
    r"[^()]{0,80}\)"
    r"|[—–:-]\s*(?:done|completed|fixed|closed|resolved|shipped)\s*(?:[.!]\s*)?$"
    # a status among the item's other fields in brackets: "(Owner: Infra; complete)",
    # "(SRE, done 4 May)"; not "(Owner: Infra; done by 3 May)", a due date
    rf"|\([^()\n]{{1,60}}[;,|]\s*{_DONE_WORD}(?!\s+(?:by|before|until|when|once|after|next)\b)"
    r"[^();,|\n]{0,20}\)"
    # a last sentence that is only the mark: "… in between. **Done.**", "… (#41). Shipped!"
    r"|[.!)]\s+[*_]{0,2}(?:done|completed|fixed|closed|resolved|shipped)[.!]?[*_]{0,2}[.!]?\s*$"
    # a leading status label ("**Done:** …", "Completed - …") or a "Status: done" part
    # or with its date ("**Shipped 3 Apr:**", "Done (2 May):", "Completed on 9 June —")
    rf"|^[\s>*+•●-]*+(?:\d+[.)]\s*+)?[*_]*+{_DONE_WORD}(?:\s++{_DONE_DATE})?[*_]*+\s*+"
    r"(?::|[—–-]\s)"
    rf"|\bstatus\s*[:=]\s*[*_]*{_DONE_WORD}\b"
    r"|^\W*(?:~~|<(?:del|s|strike)>)"
    # a rule already in force: "(Owner: NOC, effective immediately)", "with immediate effect",
    # "in force as of today", "starting now"
    r"|\beffective\s+(?:immediately|now|today|at\s+once|as\s+of\s+(?:now|today))\b"
    r"|\bwith\s+immediate\s+effect\b|\b(?:in\s+(?:effect|force)|applies)\s+(?:now|as\s+of\s+today)\b"
    r"|\bstarting\s+(?:now|today|immediately)\b",
    re.I,
)
_DONE_CELL = frozenset(
    ["done", "completed", "complete", "fixed", "closed", "resolved", "shipped", "✅", "✔"]
    + ["in effect", "in place", "implemented"]
)
# A mark that the item is still open: an unticked box, a leading "In progress:" or "Planned -"
# label, "(planned)" or "(already planned)" (planned before, still to do), a target or due
# date ("(target: Q2)", "due 3 May"); or a Status cell
# that says so. It outweighs wording that reads as done ("Circuit breaker reduced to 2 per
# hour (target: 30 April)" is planned).
_OPEN_WORD = (
    r"(?:in progress|planned|open|to ?do|not started|pending|ongoing|scheduled|proposed"
    r"|outstanding|not yet (?:started|built|done)|(?:in|under) development|under ?way)"
)
_OPEN_MARK = Lazy(
    r"^[\s>*+•●-]*+\[ \]"
    rf"|^[\s>*+•●-]*+(?:\d+[.)]\s*+)?[*_]*+{_OPEN_WORD}[*_]*+\s*+(?:\([^)\n]{{0,30}}\))?"
    r"[*_]*+\s*+(?::|[—–-]\s)"
    rf"|\((?:already\s+|currently\s+|still\s+)?{_OPEN_WORD}\b[^()\n]{{0,30}}\)"
    rf"|\bstatus\s*[:=]\s*[*_]*{_OPEN_WORD}\b"
    r"|\b(?:target(?:\s+date)?|due|eta)\s*[:(]|\(\s*(?:target|due|eta)\b",
    re.I,
)
_OPEN_CELL = frozenset(
    ["in progress", "planned", "open", "todo", "to do", "not started", "pending", "ongoing"]
    + ["scheduled", "proposed", "wip", "in review", "backlog"]
)
_PERFECT = Lazy(
    r"\b(?:ha(?:ve|s|d)|['’]ve|was|were|(?:is|are)\s+(?:now\s+)?being)\s+"
    r"(?:already\s+|now\s+|also\s+|since\s+|for\s+[^,.]{1,30}?\s+)?(?:been\s+)?"
    r"(?P<verb>[a-z]+)\b",
    re.I,
)
_ONGOING = Lazy(r"\b(?:we|team|they)\s+(?:are|is)\s+(?:now\s+|also\s+)?(?P<verb>[a-z]+ing)\b", re.I)
_MODALS = frozenset(["will", "shall", "should", "must", "would", "can", "could", "may", "might"])
# Before a past form, words that make it a passive or a description, not a report: "to be
# deployed", "are documented", "is not abandoned".
_NOT_REPORTING = frozenset(["be", "to", "being", "is", "are", "not", "am"])
# a word of letters, with its apostrophes and hyphens (also the tasks' word)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# What a past form is followed by when it reports an action ("Added an alert"), not when it
# describes a noun ("Automated tests", "Improved monitoring").
_OBJECT_START = frozenset(
    [
        "a",
        "an",
        "the",
        "our",
        "all",
        "every",
        "each",
        "this",
        "these",
        "those",
        "its",
        "their",
        "some",
        "any",
        "new",
        "it",
        "them",
    ]
)


@cache
def verbs() -> frozenset[str]:
    lines = (DATA / "verbs.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def _irregular() -> dict[str, str]:
    return dict(load_toml("actions.toml")["irregular_past"])


@cache
def action_words(key: str) -> frozenset[str]:
    """A word list of data/actions.toml ("lead_ins", "abstract_heads", "np_openers"…)."""
    return frozenset(load_toml("actions.toml")[key])


def _stems(word: str, suffix: str) -> list[str]:
    """Base forms a word ending in `suffix` may come from: "adding" add, "configured"
    configure, "stopped" stop, "applied" apply."""
    if not word.endswith(suffix) or len(word) <= len(suffix) + 1:
        return []
    stem = word[: -len(suffix)]
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    if suffix == "ed" and stem.endswith("i"):
        out.append(stem[:-1] + "y")
    return out


def gerund_of(word: str) -> str | None:
    """The verb of an -ing form: "implementing" implement."""
    return next((v for v in _stems(word, "ing") if v in verbs()), None)


def past_of(word: str) -> str | None:
    """The verb of a past form: "added" add, "applied" apply, "built" build."""
    if word in _irregular():
        return _irregular()[word]
    return next((v for v in _stems(word, "ed") if v in verbs()), None)


def opens_as_verb(words: list[str]) -> bool:
    """Whether an item's first words are a verb: imperative, phrasal ("figure out the …"),
    a gerund with its object ("implementing rate limits"; "monitoring of disk" and "monitoring
    improvements" are topics), or
    a past form reporting the work ("added an alert")."""
    if not words:
        return False
    first, nxt = words[0], words[1] if len(words) > 1 else ""
    if first in verbs() or past_of(first):
        return True
    if gerund_of(first):  # "Monitoring improvements" is a topic: its head says only "change"
        return nxt != "" and nxt not in PREPOSITIONS and nxt not in action_words("abstract_heads")
    return nxt in _PARTICLES and len(words) > 2


def reported_done(first_sentence: str) -> bool:
    """ "We enabled branch protection", "Upon detection, we removed …", "The action has been
    disabled", "A test was run": work reported as done, not a task still to do."""
    head = re.split(r"[;!?]|[:.](?!\S)", first_sentence[:100], maxsplit=1)[0]
    words = [w.lower() for w in WORD.findall(head)][:14]
    if not words or words[0] in verbs():
        return _in_force_now(words, strict=True)
    for i, w in enumerate(words):
        if w in _MODALS:
            return False
        if i and w not in verbs() and past_of(w) and words[i - 1] not in _NOT_REPORTING:
            return True
    perfect = _PERFECT.compiled.search(head)
    return bool(perfect and past_of(perfect.group("verb").lower())) or _in_force_now(words)


def _in_force_now(words: list[str], strict: bool = False) -> bool:
    """ "All tokens are now scoped", "The scanner now runs on every repository": a state the
    change has reached, not one still wished ("we now need to …", "until now", "should now").
    `strict` for words that open with a verb ("Deploy keys are now scoped"; "Deploy it now" is
    an instruction): "now" must follow "is" or "are", or come before a verb in "-s"."""
    for i, w in enumerate(words[1:-1], 1):
        if w != "now" or words[i - 1] in _NOT_NOW or words[i + 1] in _NOT_NOW:
            continue
        if any(m in _MODALS for m in words[:i]):
            return False
        if not strict or words[i - 1] in ("is", "are") or words[i + 1].endswith("s"):
            return True
    return False


# words around "now" that make it no state reached: "until now", "now need to", "now on"
_NOT_NOW = frozenset(
    ["until", "till", "by", "from", "right", "need", "needs", "have", "has", "want", "wants"]
    + ["plan", "plans", "aim", "hope", "to", "on"]
)


def under_way(first_sentence: str) -> bool:
    """ "We are improving the docs": work reported as under way."""
    ongoing = _ONGOING.compiled.search(first_sentence[:200])
    return bool(ongoing and gerund_of(ongoing.group("verb").lower()))


def done_past(words: list[str]) -> bool:
    """An item opening with a past form and its object: "Added an alert", "Removed the key"."""
    return (
        len(words) > 1
        and words[0] not in verbs()
        and past_of(words[0]) is not None
        and (words[1] in _OBJECT_START)
    )


def marked_done(text: str, cells: list[str]) -> bool:
    """A done mark on the item, or a table row's cell saying it is done."""
    if _DONE_MARK.compiled.search(text):
        return True
    return any(c.strip(" *_`").lower() in _DONE_CELL for c in cells[1:])


def marked_open(text: str, cells: list[str]) -> bool:
    """A mark that the item is still to do, or a table row's cell saying so."""
    if _OPEN_MARK.compiled.search(text):
        return True
    return any(c.strip(" *_`").lower() in _OPEN_CELL for c in cells[1:])
