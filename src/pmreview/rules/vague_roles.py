"""Readings in which the words of a vague phrase play another role than the author's claim.

A phrase of data/vague.toml can stand where it asks nothing of the author: in a lead-in that
only titles what follows, in a hypothesis the team held and dropped, in a judgement of what
was done, in a note on how the service recovered, in a cause's effect told in the root cause
(the impact is stated where the document states it). These tests read the words' place only;
rules/vague_context.py decides which entries they apply to.
"""

from __future__ import annotations

import re

from ..models import Block, Section
from ..text.sentences import without_tags
from .vague_place import CLAUSE_END

# a label and nothing else: "1. **The usual suspects**:", "- Investigation steps:"
# (used from the start of a block only; where the label is no more than the spaces before the
# colon, the spaces read once stand for it: the look-behind)
_LEAD_IN = re.compile(
    r"^\s*+(?:(?:[-*+•]|\d+[.)])\s*+)?"
    r"(?:\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__|[^\n.!?]{1,80}|(?<=[^\S\n]))\s*+:(?:\*\*|__)?\s*+$"
)
# where a new clause starts that no belief before it reaches ("we assumed an attack, but the
# cause was a glitch"; "… when the root cause was known to be a glitch"; "rebooted on an
# assumption, causing an outage")
_CONTRAST = re.compile(
    r"[;—–]|\b(?:but|when|while|whereas|although|though|however|until|yet|later|turned out"
    r"|causing|leading to|resulting in)\b"
)
# words that admit not knowing
_UNKNOWING = re.compile(r"\b(?:for (?:some|no \w+) reason|somehow|unknown|something went)\b")
# a hedge on a judgement of what was done ("is probably inadvisable"), not on a cause
_JUDGED = re.compile(
    r"^\W*(?:not\s+)?(?:(?:a|an)\s+)?(?:(?:good|bad|great|better|wise|poor)\s+(?:idea|choice|"
    r"decision|call|practice)|inadvisable|unwise|wise|(?:a\s+)?mistake|better|best|worse|"
    r"worth\w*|overkill|unnecessary|necessary|avoidable|preferable|reasonable|fine)\b"
)
# what could have been done and was not: a judgement of the past, not a measure
_COUNTERFACTUAL = re.compile(r"\b(?:should|could|would|might)(?:n[’']t| not)? have\s+\w+")
# the sentence tells how the service recovered ("some jobs began to recover", "tests began
# passing shortly thereafter"): a note on the recovery, not a claim about the impact
_RECOVERY = re.compile(
    r"\b(?:recover\w*|began (?:to )?(?:pass|succeed|work|respond)\w*|started (?:to )?(?:pass|"
    r"succeed|work|respond)\w*|back to normal|(?:was|were) (?:restored|resumed)|came back|"
    r"re-?connect(?:ed|ing)|re-?joined|re-?established)\b"
)
# things counted but not named, as a sentence announcing them counts them
_ANNOUNCED = re.compile(
    r"\b(?:a few|several|some|various|a number of|many|multiple|two|three|four)\s+(?:\w+\s+)?"
    r"(?:changes|improvements|fixes|steps|measures|actions|updates|checks|tests)\b"
)
# words that say how big an impact was (and nothing else about it)
_SIZE = re.compile(
    r"\b(?:significant\w*|major\w*|widespread|severe\w*|huge|big|heavily|greatly|badly|large"
    r"|considerabl\w+|substantial\w*|most|many|numerous|lots?)\b"
)
# … and words about how long or how slow, which a share does not answer
_SPEED = re.compile(r"\b(?:delays?|latency|slow\w*|hours|minutes|days|duress)\b")
_DURATION = re.compile(
    r"\b(?:hours|minutes|days|weeks|a while|some time|shortly|soon|thereafter|eventually)\b"
)
# words that say a setting or a change was wrong ("queries were not optimised", "the limits
# were incorrectly tuned"): a cause, not a fix
_FAULT = re.compile(
    r"\b(?:not|never|incorrectly|wrongly|poorly|improperly|badly|inadequately|insufficiently"
    r"|mistakenly|erroneously|inadvertently|accidentally)\b|n[\x27’]t\b"
)
# a cause's words that open with their link to the effect ("due to a bug")
_CAUSE_LEAD = re.compile(r"(?:due to|caused by|because of|result of|from|by)\b")
# words that explain why something happened ("because" as people write it too: "bc", "cuz")
_CAUSAL = re.compile(r"\b(?:because|bc|cuz|due to|caused?|causing|reason|why|result of)\b")
IMPACT_KINDS = frozenset({"summary", "impact"})
CAUSE_KINDS = frozenset({"root_cause", "trigger"})
_NARRATING = CAUSE_KINDS | {"timeline"}


def is_lead_in(block: Block) -> bool:
    """The block is only a label that titles what follows ("1. **The usual suspects**:"): the
    items under it say what it holds, and they are judged themselves."""
    return "\n" not in block.text.strip() and _LEAD_IN.match(block.text) is not None


def belief_clause(before: str, words: str) -> str:
    """The part of `before` (the sentence before the words) that a belief marker in it could
    reach: what follows the last contrast; nothing when the words admit that the cause is
    unknown (the author's own gap, whoever held the belief around them)."""
    return "" if _UNKNOWING.search(words) else _CONTRAST.split(before)[-1]


def judges(after: str) -> bool:
    """The hedge is on a judgement of what was done ("… is probably inadvisable")."""
    return _JUDGED.match(after) is not None


def counterfactual(sentence: str) -> bool:
    """The sentence judges the past ("This should have been caught in review")."""
    return _COUNTERFACTUAL.search(sentence) is not None


def tells_recovery(sentence: str, words: str) -> bool:
    """The sentence tells how the service came back, and the words are not how long the
    outage lasted ("recovery took several hours" still leaves the duration open)."""
    return _RECOVERY.search(sentence) is not None and _DURATION.search(words) is None


def is_effect(section: Section, impact_stated: bool) -> bool:
    """Impact words in the root cause or the timeline (a section of no kind that states the
    impact) are the effect of the cause, told to explain it, or a step of the story ("09:05
    Multiple users reported errors"); when the document quantifies its impact where it states
    it, they are no claim of their own."""
    kinds = section.kinds
    return impact_stated and bool(kinds & _NARRATING) and not kinds & IMPACT_KINDS


def announces(words: str) -> bool:
    """The words count things they do not name ("a few changes")."""
    return _ANNOUNCED.search(words) is not None


def states_size(words: str) -> bool:
    """The words say only how big an impact was ("a significant outage", "most users"), not
    how long, how slow or what else (intermittent errors, lost revenue)."""
    return _SIZE.search(words) is not None and _SPEED.search(words) is None


def states_fault(words: str, before: str) -> bool:
    """The words, or the words just before them in their clause, say that a setting or a
    change was wrong ("queries were not optimised", "limits were incorrectly tuned"): the
    cause of the incident, not the fix."""
    clause = CLAUSE_END.split(before)[-1]
    return _FAULT.search(words) is not None or _FAULT.search(clause[-20:]) is not None


def explains(sentence: str) -> bool:
    """The sentence says why something happened ("… possibly because it restarted")."""
    return _CAUSAL.search(sentence) is not None


def negatable(before: str, words: str) -> str:
    """The part of `before` in which a negation negates the words: a negation just before a
    cause's link ("it was not due to a bug") does, one on the effect ("was not operational
    due to a bug") does not."""
    if _CAUSE_LEAD.match(words) and not re.search(r"(?:\bnot|\bnever|n[\x27’]t)\s*$", before):
        return ""
    return before


# a term defined, not a claim: "a split is when most miners …", a legend line of a table
# ("Prevent: an action that stops it recurring")
_DEFINES = re.compile(
    r"\b(?:is|are)\s+(?:when|where|defined as)\b|\brefers? to\b|\bis called\b"
    r"|\b(?:term|we call|called|known as)\b[^.;]{0,60}\bmeans\b"
    r"|^\W*[\w -]{1,30}[:—–]\s*(?:an?|any)\s+(?:[\w-]+\s+)?(?:action|item|task|measure|change"
    r"|step|ticket|work|fix)s?\s+(?:that|which|to|where)\b"
)
# how things normally are, told as background ("most nodes normally do not touch the disk")
_HABITUAL = re.compile(
    r"\b(?:usually|typically|generally|ordinarily|by default|in normal operation"
    r"|under normal|day[- ]to[- ]day|as a rule)\b"
    # "normally" of habit ("we normally deploy", "Normally, …"), not of manner at the end of
    # a clause ("while the queue was processing jobs normally, …")
    r"|(?<![a-z] )\bnormally\b|\bnormally\b(?!\s*+(?:[,.;:!?)]|$|again\b))"
)
# a present tense right after the words, not one that tells an impact going on; or a verb of
# how people use a service ("many people rely on our online services")
_PRESENT = re.compile(
    r"^[^\w-]*+(?:[\w-]+\s+){0,2}?(?:(?:are|is|do|does)(?:\s+not|n[\x27’]t)?\s+(?!(?:been|being"
    r"|experienc\w*|affected|impacted|unable|failing|broken|down|offline|unavailable|seeing"
    r"|getting|receiving|hitting|reporting|stuck|still|now|currently)\b)[a-z]"
    r"|(?:rel(?:y|ies)|depends?|counts?) on\b"
    r"|(?:use|visit|trust|prefer|love|enjoy)s?\s+(?:our|the|this|it)\b)"
)
_PAST = re.compile(r"\b(?:was|were|had|did|been|\w{3,}ed)\b|n[\x27’]t\s+(?:be|have)\b")
# the words are what a fix or a cleanup reached ("most repositories were updated")
_REMEDY = (
    r"(?:updat|patch|fix|migrat|upgrad|restor|repair|clean|rebuil|redeploy|re-?run|rerun|retri|restart"
    r"|reprocess|rotat|backfill|resync|revert|roll\w* back|re-?enabl|reinstall|reboot|replay)\w*"
)
_REMEDIED_AFTER = re.compile(
    rf"^[^\w-]*+(?:[\w-]+\s+){{0,3}}?(?:were|was|have been|had been|got|are being)\s+(?:\w+\s+)?"
    rf"{_REMEDY}\b"
)
# (or the count is what works again: "confirmed working for several test accounts")
_REMEDIED_BEFORE = re.compile(
    rf"\b(?:{_REMEDY}\s+(?:up\s+|out\s+|(?:[\w-]+\s+){{1,3}}?(?:for|to)\s+)?"
    rf"|(?:work(?:s|ed|ing)?|restored|fixed|back)\s+for\s+)$"
)
# the team's effort or state ("engineers worked for several hours", fatigue)
_EFFORT = re.compile(
    r"\b(?:we|i|team|engineers?|responders?|on-?call\w*|staff|sres?|admins?|developers?"
    r"|maintainers?|everyone)\b[^,.;]{0,30}\b(?:worked|working|spent|spending|debugg\w+"
    r"|stayed|stuck|awake|toil\w*|labou?r\w*)\b[^,.;]{0,20}$"
)
_FATIGUE = re.compile(r"\b(?:fatigue\w*|tired|exhausted|sleep\w*|naps?|burn-?out|burned out)\b")
# a hedge that says why something was easy or chosen ("with minimal churn, so it was simple")
_EASE = re.compile(
    r"\b(?:easy|easier|easily|simple|simpler|straightforward|trivial|cheap|low-risk|chose|chosen"
    r"|choice|prefer\w*|opted|decid\w+)\b"
)


def defines(before: str) -> bool:
    """The words stand in the definition of a term or in a legend line, not a claim."""
    return _DEFINES.search(before) is not None


def background(sentence: str, after: str, clause: str) -> bool:
    """The sentence tells how things normally are, as background to the incident: with a
    word of habit, or its clause in the present tense with no past in it ("most of our nodes
    do not touch the disk"; "many people rely on our services, and we regret the trouble this
    caused"; not "most users are unable to log in")."""
    if _HABITUAL.search(sentence):
        return True
    return _PRESENT.match(after) is not None and _PAST.search(clause) is None


def remedied(before: str, after: str) -> bool:
    """The words are what a fix or a cleanup reached, not who was hit."""
    return bool(_REMEDIED_AFTER.match(after) or _REMEDIED_BEFORE.search(before))


def effort(before: str, sentence: str) -> bool:
    """The words tell the team's effort or state, not the users' impact."""
    return bool(_EFFORT.search(before) or _FATIGUE.search(sentence))


def eases(sentence: str) -> bool:
    """The words are a hedge that says why something was easy or chosen."""
    return _EASE.search(sentence) is not None


# what the words stand for, listed right after them ("assorted failures: pods failing, kubelet
# crashes", "various effects, such as timeouts and 502s", "the few people who came — Ana and Bo")
_LISTED = re.compile(
    r"^(?:\s+(?:who|that)\s[^,;.:()—–]{0,50}?)?\s*+(?:\(|[:—–]|-\s|,?\s*+(?:such as|including|like"
    r"|e\.g\.,?|namely|i\.e\.,?))"
    r"\s*+[^,;.:()]{2,60}(?:,|\band\b|\bor\b)\s*\S"
)
# where a task or a fix is tracked: an issue or ticket number, a link to an issue or a pull
# request, a commit
_TRACKED = re.compile(
    r"(?<![\w&])#\d{2,}\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b"
    r"|/(?:issues|pull|pulls|merge_requests|browse|tickets?)/\d+"
    r"|/commits?/[0-9a-f]{7,40}\b|\bcommit\s+`?[0-9a-f]{7,40}\b"
)
# a check with the exact condition it acts on ("page the on-call when the queue stops draining",
# "tests that flag when a plan changes the launch template"); not "when issues occur"
_TRIGGER = re.compile(
    r"\b(?:alert\w*|pag(?:e|es|ing)|notif\w*|detect\w*|identif\w*|flag\w*|fail\w*|warn\w*"
    r"|test\w*|check\w*|monitor\w*|catch\w*|block\w*)\b[^.;\n]{0,40}?\b(?:when|whenever|if|once)"
    r"\s+(?!(?:there (?:is|are) )?(?:an? |any )?(?:issues?|problems?|something|anything|things"
    r"|errors?|incidents?|needed|necessary|possible|appropriate|required|applicable|most|many"
    r"|some|several|a lot|too many|it|they)\b)(?:(?:a|an|the|any|our)\s+)?[\w/.`-]+"
    r"(?:\s+[\w/.`-]+){0,4}?\s+(?:shows?|stops?|exceeds?|drops?|falls?|fails?|rises?|goes"
    r"|reach(?:es)?|changes?|returns?|differs?|diverges?|becomes?|hits?|cross(?:es)?|expires?"
    r"|lags?|contains?|includes?)\b(?!\s+(?:a\s+|the\s+)?(?:certain|some|predefined|predetermined"
    r"|given|particular|specific|defined|set|reasonable|acceptable|safe)\b)"
)


def listed(after: str) -> bool:
    """What the words stand for is listed right after them."""
    return _LISTED.match(after) is not None


def tracked(text: str) -> bool:
    """The task carries the issue or ticket that tracks it (as written: links and numbers)."""
    return _TRACKED.search(untagged(text)) is not None


def untagged(text: str) -> str:
    """`text` with a space for each HTML tag: its colours ("#696969") are no ticket."""
    return without_tags(text, " ")


def triggered(sentence: str) -> bool:
    """The measure is a check with the exact condition it acts on."""
    return _TRIGGER.search(sentence) is not None


def frames_list(blocks: list[Block], block: Block) -> bool:
    """A paragraph followed in its section by a list or table of two items or more frames them
    ("We are taking steps to reduce the impact of similar incidents." above the action items):
    the tasks are the list's, each judged on its own."""
    if block.kind != "paragraph":
        return False
    at = next((k for k, b in enumerate(blocks) if b is block), len(blocks))
    return sum(b.kind in ("item", "row") for b in blocks[at + 1 :]) >= 2
