"""Answers to a vague phrase told beyond its sentence (rules/vague_context.py).

- `section` answers: the rest of the words' section (in the summary: of the whole summary,
  spec/checks.md) states the quantity the words leave open, of the same kind: a share of the
  same things for words of size ("a subset of workspaces" … "8% of workspaces"), a duration or
  a time range for words of time ("for some time" … "from 13:30 until 15:15"). A number of
  other things ("6.5% of volumes" for "a subset of instances") answers nothing, and neither
  does a number told before the words: a vague amount after it is another claim.
- a `recap` of the fix ("we fixed it", "corrected the configuration") in a summary or a
  conclusion, when a resolution section of the document says what was changed.
- `again`: words of degree ("so many servers", "such a large number of requests") that say
  again an amount the section told before: one finding is the first mention's.
"""

from __future__ import annotations

import re
from functools import cache

from ..models import Document, per_document
from ..text.sentences import sentences
from ..text.times import without_dates_and_times
from .vague_clock import lasts, ranges
from .vague_markers import TESTS
from .vague_place import CLAUSE_END, Place
from .vague_roles import explains
from .vague_summary import later, own

# things counted together: a share of one answers words about another of the same group
_GROUPS = (
    r"users?|customers?|clients?|people|persons?|visitors?|subscribers?|members?|accounts?"
    r"|merchants?|shoppers?|students?|tenants?|workspaces?|organi[sz]ations?|players?"
    r"|guests?|residents?|patients?|readers?|viewers?|listeners?",
    r"requests?|transactions?|calls?|quer(?:y|ies)|orders?|payments?|payouts?|checkouts?"
    r"|traffic|messages?|e-?mails?|uploads?|downloads?|page ?loads?|bookings?|reservations?"
    r"|logins?|sign-?ups?|sessions?|authori[sz]ations?|submissions?|operations?"
    r"|deliver(?:y|ies)|events?|webhooks?|notifications?|jobs?",
    r"nodes?|hosts?|servers?|instances?|machines?|vms?",
)
_WORD = re.compile(r"[a-z][a-z-]*")
# words ending in "s" that are no plural noun
_NOT_NOUN = frozenset(
    {"is", "was", "has", "its", "this", "thus", "us", "as", "his", "does", "process", "status"}
    | {"access", "always", "across", "less", "unless", "various", "numerous", "previous"}
    | {"serious", "series", "analysis"}
)


def _noun(place: Place) -> str | None:
    """What the words count: the first plural noun among their last word and the few words
    after them ("a subset of Nimbra Compute instances" counts instances)."""
    after: list[str] = _WORD.findall(CLAUSE_END.split(place.after, maxsplit=1)[0])[:4]
    words: list[str] = _WORD.findall(place.words)[-1:] + after
    for word in words:
        if word.endswith("s") and len(word) > 3 and word not in _NOT_NOUN or word == "people":
            return word
    return None


@cache
def _counted(noun: str) -> re.Pattern[str]:
    """A share of `noun` or of things of its group ("8% of workspaces", "1,900 of 23,500
    users"); a bare count ("415 jobs") gives no share, and "all stuck jobs were restarted"
    tells the fix's reach."""
    group = next((g for g in _GROUPS if re.fullmatch(g, noun)), None)
    things = group or re.escape(re.sub(r"(?:es|s)$", "", noun)) + r"(?:e?s)?"
    number = r"(?<![\d,.])\d[\d,.]*+"
    words = r"(?:[\w-]+\s+){0,3}?"
    return re.compile(
        rf"{number}\s*(?:%|percent)(?:\s+of)?\s+(?:(?:the|our|all|its|their)\s+)?{words}(?:{things})\b"
        rf"|{number}\s+(?:out\s+)?of\s+(?:the\s+|our\s+)?(?:{number}\s+)?{words}(?:{things})\b"
    )


# people counted as a whole or by a number ("all visitors", "about 40 students"), beside a share
_PEOPLE_TOLD = re.compile(
    rf"\b(?:all|every|half|none)\s+(?:of\s+)?(?:(?:our|the|its|their)\s+)?(?:[\w-]+\s+)?(?:{_GROUPS[0]})\b"
    # a count, also written "1,900+" or "2.4k" ("1,900+ clients waiting")
    rf"|(?<![\w,.-])\d(?:[\d,.]*\d)?(?:\+|[km]\+?)?\s+(?:[\w-]+\s+)?(?:{_GROUPS[0]})\b"
)


def counts_people(place: Place) -> bool:
    """The words count people ("a lot of people", "a subset of customers")."""
    noun = _noun(place)
    return noun is not None and re.fullmatch(_GROUPS[0], noun) is not None


def states_people(text: str) -> bool:
    """Lower-cased `text` tells how many people: a share or a count of people ("9% of
    customers", "1,900 of 23,500 users", "all visitors"); a share of requests or of jobs
    says nothing of how many people were hit."""
    text = without_dates_and_times(text)
    return bool(_counted("users").search(text) or _PEOPLE_TOLD.search(text))


def states_share(place: Place) -> bool:
    """The section (the summary) goes on to give the share of the things the words count."""
    noun = _noun(place)
    if noun is None:
        return False
    rest = without_dates_and_times(later(place))  # a time or a date is no share
    return _counted(noun).search(rest) is not None


def states_duration(place: Place) -> bool:
    """The section (the summary) goes on to say how long: a duration or a range of two clock
    times."""
    return _lasts(later(place))


def _lasts(text: str) -> bool:
    return lasts(text) or ranges(text)


# where a fix is told (the resolution, a timeline entry) or a cause ("something in the
# update changed the settings"), not recapped
_NOT_RECAP = frozenset({"resolution", "timeline", "root_cause", "trigger"})


def recaps_fix(place: Place) -> bool:
    """The words stand where a fix is recapped (a summary, a conclusion; not a resolution
    section, a timeline entry or the root cause, unless the words date something by the fix
    or name it as the one told elsewhere: "the fix was applied"), and a sentence of a
    resolution section says what was changed (a concrete change, a setting given its new
    value)."""
    if place.doc is None:
        return False
    named_before = _WHEN.search(place.before) or _THE_FIX.match(place.words)
    if place.section.kinds & _NOT_RECAP and not named_before:
        return False
    return any(names_change(text) for text in _fix_sentences(place.doc))


# the fix of a timeline entry, told as one the document tells elsewhere ("The fix was applied
# with sed"; not "A fix was applied")
_THE_FIX = re.compile(r"the (?:[\w-]+ )?(?:fix|patch|hotfix|correction)\b")
# a clause that dates something by the fix, wherever it stands ("by the time we had fixed it
# the cutoff had passed", "when I restarted it in the wrong order, …"): the fix is told where
# the resolution is, not here
_WHEN = re.compile(r"\b(?:when|by the time|once|after|as soon as|until)\s++(?:[\w'’]++\s++){0,3}$")


def milestone(place: Place) -> bool:
    """A restore told as a milestone of an account that tells the fix elsewhere: a timeline
    entry or a table row (the entries around it are the steps), a restore after a fix told in
    its sentence or the one before ("After the bug was fixed, the app was restored": the fix
    is the claim to judge) or after what brought it back ("once the queue drained, …"), or a
    document whose resolution section or timeline names a change, a new value or a file."""
    if "timeline" in place.section.kinds or place.block.kind == "row" or place.doc is None:
        return True
    if _FIXED.search(place.before) or _FIXED.search(place.nearby) or _AFTER.search(place.before):
        return True
    timeline = [b.lower for s in place.doc.sections if "timeline" in s.kinds for b in s.blocks]
    return any(names_change(text) for text in [*_fix_sentences(place.doc), *timeline])


def after_steps(place: Place) -> bool:
    """A state after the fix ("Everything is fine") told as a timeline entry or a table row
    of a document whose timeline or resolution names the change: the entries before it are
    the fix; in a resolution's prose it is the fix claimed."""
    if place.doc is None or not ("timeline" in place.section.kinds or place.block.kind == "row"):
        return False
    timeline = [b.lower for s in place.doc.sections if "timeline" in s.kinds for b in s.blocks]
    return any(names_change(text) for text in [*_fix_sentences(place.doc), *timeline])


def names_change(text: str) -> bool:
    """A sentence that says what was changed: a change made, a new value, a named file or code."""
    return any(TESTS[name](text) for name in ("change", "new_value", "named"))


# what the restore followed, told before it
_AFTER = re.compile(r"\b(?:after|once|when|as soon as)\b")
# a fix told, however vaguely: what brought the service back
_FIXED = re.compile(
    r"\b(?:fix(?:ed|ing)?|resolv(?:ed|ing)|correct(?:ed|ing)|patch(?:ed|ing)|rolled back"
    r"|rolling back|revert(?:ed|ing)|restart(?:ed|ing)|rebooted|redeploy(?:ed|ing)"
    r"|deploy(?:ed|ing)|applied|applying|restored|restoring|replaced|removed|updated)\b"
)


# a sentence that tells what a log or a query showed, not what was changed
_SEEN = re.compile(r"\b(?:see|saw|seen|seeing|shows?|showed|shown)\b")


def _aside(sentence: str) -> bool:
    """The sentence tells a cause or what was seen ("here we see the user being removed")."""
    return explains(sentence) or _SEEN.search(sentence) is not None


@per_document
def _fix_sentences(doc: Document) -> list[str]:
    """The lower-cased sentences of the resolution sections that tell neither a cause (a
    combined "Root cause and resolution" tells both) nor what was seen."""
    out = []
    for sec in doc.sections:
        if "resolution" in sec.kinds:
            for b in sec.blocks:
                spans = sentences(b) if own(sec, b) else []
                out += [b.lower[s:e] for s, e in spans if not _aside(b.lower[s:e])]
    if any("resolution" in sec.kinds for sec in doc.sections):
        return out
    return _fixes_told(doc)


def _fixes_told(doc: Document) -> list[str]:
    """With no resolution section (a letter, a single page of prose), the sentences anywhere
    in the document that tell a fix ("we updated the pinned key in the job's configuration")."""
    spans = ((b, sentences(b)) for sec in doc.sections for b in sec.blocks)
    told = (b.lower[s:e] for b, found in spans for s, e in found)
    return [t for t in told if _CHANGED.search(t) and not _aside(t)]


# a change someone made, told in the past: "we raised the limit", "the engineer, who found
# the error, updated the pinned key"; not "when the key changed"
_CHANGED = re.compile(
    r"\b(?:we|i|who|engineers?|team)\b[^.;]{0,120}?\b(?:raised|lowered|increased|decreased|set"
    r"|changed|edited|added|rotated|renewed|pinned|upgraded|downgraded|reconfigured|switched"
    r"|bumped|fixed|corrected|patched|rolled back|reverted|restarted|rebooted|redeployed"
    r"|deployed|applied|replaced|removed|updated)\s++(?:the|a|an|our|its|it|them|`)"
)


# words of degree that refer back to an amount ("so many", "such a large number of")
# "so many", "such a lot of": not "so" as "therefore" ("… evicted, so a number of customers …")
_DEGREE = re.compile(r"\bsuch(?:\s+an?)?\s+$|\bso\s+$")
_SO_WHAT = re.compile(r"(?:many|much|few|little)\b")


def says_again(place: Place) -> bool:
    """Words of degree ("so many servers") about things the section counted before them."""
    degree = _DEGREE.search(place.before[-12:])
    if degree is None or degree.group(0).startswith("so") and not _SO_WHAT.match(place.words):
        return False
    noun = _noun(place)
    if noun is None:
        return False
    stem = re.escape(re.sub(r"(?:es|s)$", "", noun))
    earlier = _earlier(place)
    return re.search(rf"\b{stem}", earlier) is not None


def _earlier(place: Place) -> str:
    """The lower-cased text of the words' section before their sentence."""
    out = []
    for b in place.section.blocks:
        if b is place.block:
            out.append(b.lower[: place.sentence[0]])
            break
        out.append(b.lower)
    return " ".join(out)


# a vague part of a group counted elsewhere ("… 4,100 of 9,800 tokens …; many of them stopped
# retrying", "several could not register", "for many of them it was unusable"): the count of
# the group says nothing of the part
_PART = re.compile(
    r"(?:(?:for|to) )?(?:several|many|some|most|a few|quite a few|a couple|a lot|lots)"
    r"(?: of (?:them|those|these|you|us)\b| (?:could|can|were|failed|lost"
    r"|crashed|stopped|gave|abandoned|complained|experienced|broke|went|errored|timed|showed|got"
    r"|saw|received|hit|displayed|returned|threw)\b)"
)


# … unless the part is the one hit ("many of you were affected"): a count of those hit answers it
_HIT = re.compile(r"\b(?:were|was|got|been) (?:affected|impacted|hit)\b")


def counts_part(words: str, after: str) -> bool:
    """The words count a vague part of a group ("many of them", "several could not"), which
    a count of the whole group elsewhere does not answer; not the part that was hit, words
    and the `after` them ("many of you were affected")."""
    hit = _HIT.search(words) or _HIT.match(after.lstrip())
    return _PART.match(words) is not None and hit is None


# the group a vague part is taken of ("most of you")
_GROUP = re.compile(r"\bof (them|those|these|you|us)\b")


def counts_group(words: str, text: str) -> bool:
    """A vague part of a group ("most of you couldn't log in") that `text` counts with a
    number of the same group ("164,000 of you (71%)")."""
    m = _GROUP.search(words)
    number = r"(?<![\w.,])\d[\d,.]*+\s*(?:%|percent)?"
    counted = m and re.search(rf"{number}\s+(?:out\s+)?of\s+{m.group(1)}\b", text)
    return counted is not None
