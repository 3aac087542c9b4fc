"""Where a quoted phrase ends: a quote must be a whole phrase. A pattern's match may stop
on a word that leaves the phrase open ("We need better", "Reviewing how", "try to be", "some
revenue was", "most of you couldn't"); the quote then takes the words that close it."""

from __future__ import annotations

import re

# words a quote cannot end on
_DANGLING = re.compile(
    r"how|what|why|when|whether|which|who|where|be|to|of|the|a|an|was|were|is|are|been|being"
    r"|better|more|less|could|couldn['’]t|can['’]t|cannot|should|would|will|at|in|on|for|with"
    r"|and|or|by|about|from|into|during|than|some|our|their|its|my|your|this|that|these|those"
    r"|very|not|no"
)
# words of degree, which end the phrase when no noun or adjective follows them ("communicate
# better about …")
_DEGREE = re.compile(r"better|more|less")
# a verb after one of these leaves the phrase open too ("couldn't log in", "can't send money")
_MODAL = re.compile(r"could|couldn['’]t|can['’]t|cannot|should|would|will|not")
# … and so does a subject after a word that opens a clause ("how we communicate")
_OPENS = re.compile(r"how|what|why|when|whether|which|who|where|that|if|because")
_SUBJECT = re.compile(r"we|i|they|you|it|he|she")
# words that always come before their noun ("very few PRs", "similar occurrences")
_BEFORE_NOUN = re.compile(r"few|similar|other|such|same|many|several|various|numerous")
# a last word that closes its clause ("the OOM killer)")
_CLOSES = re.compile(r"(?<![ \t])[ \t]*+(?:$|[.,;:!?)\]](?!\w))")
_LAST_WORD = re.compile(r"(?<![\w'’-])[\w'’-]++$")
_NEXT_WORD = re.compile(r"(?<![ \t])[ \t]++([\w'’-]++)")


def whole_phrase(text: str, end: int, stop: int, most: int = 4) -> int:
    """Where a quote of `text` ending at `end` ends as a whole phrase: while its last word
    leaves it open, or is the verb after a modal or a clause's subject, it takes the next
    word (at most `most` words, none past `stop` or a punctuation mark); once it has taken
    one, a last word before the clause's end is taken too ("by the OOM killer)")."""
    pending = False  # the word taken last needs the next one: a modal's verb, a subject's
    for taken in range(most):
        last = _LAST_WORD.search(text, max(0, end - 40), end)
        nxt = _NEXT_WORD.match(text, end, stop)
        word = last.group(0) if last else ""
        if nxt is None:
            break
        closes = taken > 0 and _CLOSES.match(text, nxt.end(), stop) is not None
        if not (pending or closes or _DANGLING.fullmatch(word) or _BEFORE_NOUN.fullmatch(word)):
            break
        following = nxt.group(1)
        if _DEGREE.fullmatch(word) and _DANGLING.fullmatch(following):
            break
        pending = bool(
            _MODAL.fullmatch(word) or (_OPENS.fullmatch(word) and _SUBJECT.fullmatch(following))
        )
        end = nxt.end()
    return end
