"""What tells a change that was not made: a hypothesis, a plan or a duty ("would be rolled
back", "was supposed to switch"), an attempt that did not work, a change made as part of
planned work (how incidents start) and a change made on a guess (checks/changes.py)."""

from __future__ import annotations

from ..text.prefilter import Lazy

# a hypothesis, a plan, or an attempt that did not work is no fix (a failure after several
# attempts is found from the last: each attempt reads no further than the next)
_TRIED = r"\b(?:attempt(?:ed|ing)?|tr(?:ied|ying))\b"
# a change meant or planned, not made: "was supposed to switch", "were planning the migration"
_MEANT = r"\b(?:(?:supposed|meant|intended) to|planning)\b"
MEANT = Lazy(_MEANT)
UNDONE = Lazy(
    r"\b(?:would|could|might|will|should|may|plan(?:s|ned)? to|going to)\b"
    rf"|{_MEANT}"
    rf"|{_TRIED}(?:(?!{_TRIED})[^.;])*?"  # what follows an attempt, up to the next attempt
    r"\b(?:but|fail|did ?n[o']?t|unsuccessful|corrupt|delayed|error)"
)


# a change made as part of planned work: how incidents start, not how they end
PLANNED = Lazy(
    r"\bas part of (?:an?|the|our) (?:[\w-]+ ){0,2}?(?:scheduled|routine|planned|regular|weekly"
    r"|nightly)\b|\b(?:scheduled|routine|planned|regular|weekly|nightly) (?:[\w-]+ ){0,2}?"
    r"(?:upgrade|maintenance|change|rollout|roll-out|deploy\w*|migration|release)"
)


# a change made on a guess: "i thought nginx was down so i restarted it a bunch of times", "we
# assumed it was the cache and flushed it": an attempt, not the fix
GUESSED = Lazy(
    r"\b(?:i|we) (?:thought|assumed|suspected|figured|guessed|was sure|were sure)\b[^.;]{0,80}?"
    r"\b(?:so|and)\b"
    # a theory told as a noun ("Our first thought was that the gateway…", "the initial theory
    # was the cache"), and a change made before the incident that it names ("which had been
    # upgraded the previous weekend", "had been patched the night before")
    r"|\b(?:our|my|the) (?:first|initial|early|main|working|leading) (?:thought|theory|guess"
    r"|assumption|suspicion|hypothesis|suspect)\b|\b(?:we|i) (?:first |initially )?suspected\b"
    r"|\bhad (?:already )?(?:been )?\w+ed\b[^.;]{0,40}?\b(?:the (?:previous|prior|preceding) \w+"
    r"|the (?:day|night|week|weekend|evening|morning) before|last (?:week|weekend|night|month)"
    r"|earlier (?:that|the same) \w+)"
)
