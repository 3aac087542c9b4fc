"""Cause words that tell no cause of the incident: in an aside, naming the write-up ("see root
cause below"), or a "because" that explains how the author felt, the impact's reach or who
noticed it."""

from __future__ import annotations

import re

from ..text.prefilter import Lazy


def no_cause(sentence: str, m: re.Match[str]) -> bool:
    """A cause word in parentheses explains an aside ("(not the core repository, due to its
    workflow)"), not the incident; "root cause" naming a write-up ("we have included a root
    cause analysis below", "see root cause below") states no cause; nor does a "because" that
    explains how the author felt ("I was panicked because the deadline was close"), who was
    affected or what kept working ("About half the visitors were affected, because the other
    requests went to web-2", "The home page worked because it has no rewrite rule") or why a
    part was hit ("Search was down too, because it needs the session store")."""
    if sentence.count("(", 0, m.start()) > sentence.count(")", 0, m.start()):
        return True
    if explains_impact(sentence, m):
        return True
    if m.group(0) == "was a" and _DEGREE.compiled.match(sentence, m.end()):
        return True  # "I was a bit panicked", "it was a while before…"
    if m.group(0) == "because" and _FELT.compiled.search(sentence, 0, m.start()):
        return True
    if _SOUGHT.compiled.search(sentence, 0, m.start()) and "cause" in m.group(0):
        return True  # "identify the root cause", "hard to give an exact root cause"
    return bool(_WRITE_UP_OF_CAUSE.compiled.match(sentence, m.end()))


# the cause as what is still sought, not found: "Investigation is in progress to identify the
# root cause", "it's hard to give an exact root cause", "we have not yet determined the cause"
_SOUGHT = Lazy(
    r"\b(?:identify|identifying|find|finding|determine|determining|give|giving|establish"
    r"|establishing|pinpoint|pinpointing|confirm|confirming|understand|understanding|isolate"
    r"|isolating|narrow down|look(?:ing)? for|search(?:ing)? for|investigat\w*"
    r"|(?:not|never|yet to|n['’]t) (?:yet )?(?:been )?(?:identified|found|determined|established"
    r"|pinpointed|confirmed|isolated|understood|known))"
    r" (?:(?:the|an?|its|their|our|any|exact|precise|actual|real|underlying|true|final) ){0,3}$"
)


def explains_impact(sentence: str, m: re.Match[str]) -> bool:
    """A "because" that explains the impact's reach, its count or who noticed it: the
    sentence tells no cause of the incident, whatever other cause word it holds."""
    return m.group(0) == "because" and bool(
        _SCOPE.compiled.search(sentence, 0, m.start())
        # "Pipelines stalled, and because checks never reported, merges were blocked": a
        # knock-on of the impact told before it
        or _AND_BECAUSE.compiled.search(sentence, 0, m.start())
        or _RELIES.compiled.match(sentence, m.end())
        or _SYMPTOM.compiled.match(sentence, m.end())
        # "Because it was night, almost nobody noticed"
        or m.start() < 4
        and _SCOPE.compiled.search(sentence, m.end())
    )


# a "because" that names only the symptom one layer down: "…, because nginx in front of my
# API was answering every request with a `502`" (what made nginx answer so is the cause)
_SYMPTOM = Lazy(
    r" (?:(?!and\b|so\b|then\b|which\b|after\b|when\b|since\b)[\w`.@/-]+ ){1,7}?"
    r"(?:(?:was|were|is|are|kept) )?(?:return\w*|answer\w*|respond\w* with|throw\w*|serv\w*"
    r"|show\w*|giv\w*)\b[^.;]{0,50}?\b(?:errors?|[45]\d\d|[45]xx|timeouts?|exceptions?)\b"
)
_AND_BECAUSE = Lazy(r"\w[,;]\s*(?:and|and so|so)\s+$")
# a part hit because it relies on another ("…, because both need a finished login"): the
# impact's reach, not its cause
_RELIES = Lazy(
    r" (?:both|they|it|these|those|all|each|everything|the \w+) (?:also |only )?"
    r"(?:need|require|rel(?:y|ies)|depend|use)s?\b"
)
# the extent of the impact, which a "because" after it explains
_SCOPE = Lazy(
    r"\b(?:(?:were|was|are|is) (?:also |not |only )?(?:un)?affected|unaffected|not affected"
    r"|(?:kept |still )?work(?:ed|ing) (?:normally|fine|as usual)|(?:page|site|app) worked"
    # how many were affected, or who noticed: "no reliable count of affected users because we
    # don't log IPs", "because it was night, almost nobody noticed"
    r"|(?:count|number|estimate|figure|list) of (?:the )?affected|notic(?:ed|e))\b"
)


# "was a" that opens a degree or a time, not what something was
_DEGREE = Lazy(r" (?:bit|little|lot|while|few|couple)\b")
# how the author felt, which a "because" after it explains
_FELT = Lazy(
    r"\b(?:was|were|am|felt|got|became) (?:a bit |a little |very |so |really |quite |pretty )?"
    r"(?:panick\w*|stressed|worried|nervous|scared|annoyed|frustrated|confused|embarrassed|upset"
    r"|anxious|relieved|happy|sad|angry)\s*$"
)
# what follows "root cause" / "the cause" when the words name a document or a search for it,
# or point to where it is told ("see root cause below")
_WRITE_UP_OF_CAUSE = Lazy(
    r"[\s-]?(?:below|above|later)\b"
    r"|[\s-]?(?:analys[ie]s|investigations?|reports?|reviews?|write-?ups?|documents?|sections?"
    r"|\(rca\)|is (?:still )?(?:being|under) investigat"
    r"|(?:is|remains|was) (?:still |yet )?(?:unknown|unclear"
    r"|not (?:yet )?(?:known|clear|identified|determined)))"
)
