"""Causes the summary tells without a cause word: a change that did something to a named thing,
a named thing that lapsed, a mistake made to a named thing (read by checks/summary_cause.py)."""

from __future__ import annotations

from ..models import ASCII_LOWER
from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem


def change_did(sentence: str) -> bool:
    """A change named as the subject and what it did to a thing, as the rubric's "a config
    push set max_connections to 10" does: "a Terraform change to the bucket replaced its
    policy", "an automatic node pool upgrade drained the nodes", "a config change lowered the
    pool size from 40 to 4", "on Monday my Ansible playbook removed the site's config". The
    sentence names a specific term; a person acting during the change ("During the deploy we
    replaced…") is no cause."""
    # a sentence after the first of its paragraph starts with the space after the full stop
    low = sentence.translate(ASCII_LOWER).lstrip()
    m = CHANGE_DID.compiled.search(low) or AFTER_CHANGE.compiled.search(low)
    return bool(m and sem.specific_terms(sentence))


# the failure told first, then the change that brought it and what the change did: "the
# autoscaler lost permission after a Terraform module upgrade changed the role's trust
# policy", "builds broke when the 3.2 release removed the `--legacy` flag" (no person between)
AFTER_CHANGE = Lazy(
    r"\b(?:after|when|once) (?:an?|the|our|my|this|that)\s"
    r"(?:(?!we\b|i\b|they\b)[^\s;:,]+\s){0,6}?"
    r"(?:change|update|deploy(?:ment)?|migration|upgrade|release|push|commit|pr|pull request"
    r"|patch|manifest|playbook|script|cron ?job|template)\s"
    r"(?:(?!\b(?:we|i|they|you)\b)[^.;,]){0,40}?"
    r"\b(?:replaced|removed|deleted|dropped|switched|changed|set|disabled|overwrote|renamed"
    r"|truncated|revoked|wiped|drained|evicted|lowered|raised|reduced|increased|decreased"
    r"|shortened|capped)\b"
)


# the change opens the sentence (after a label such as "The short explanation:" or the day,
# "On Wednesday") and its own verb follows, with no person between
CHANGE_DID = Lazy(
    r"^(?:[^:]{0,40}:\s*)?(?:(?:on|last) \w+,?\s|yesterday,?\s)?"
    r"(?:an?|the|our|my|this|that)\s(?:(?!we\b|i\b|they\b)[^\s.;:]+\s){0,10}?"
    r"(?:change|update|deploy(?:ment)?|migration|upgrade|release|push|commit|pr|pull request"
    # what applies a change: "my Puppet manifest `2-fix.pp` changed Apache to port 8080"
    r"|manifest|playbook|script|cron ?job|template"
    # a value that changed: "a remote configuration value changed from a number to text"
    r"|value|setting|flag|parameter)\b"
    r"(?:(?!\b(?:we|i|they|you)\b)(?:[^.;]|\.(?=\S))){0,90}?"
    r"\b(?:replaced|removed|deleted|dropped|switched|changed|set|disabled|overwrote|renamed"
    r"|truncated|revoked|wiped|drained|evicted"
    # a value changed: "a configuration change lowered `max.poll.interval.ms` to 30 seconds"
    r"|lowered|raised|reduced|increased|decreased|shortened|capped)\b"
)


def lapsed(sentence: str) -> bool:
    """A named thing that lapsed or was taken away: "my domain `tallybook.app` expired", "the
    `deploy` key was revoked" (a specific term before the words)."""
    m = LAPSED.compiled.search(sentence.translate(ASCII_LOWER))
    return bool(m and sem.specific_terms(sentence[: m.start()]))


LAPSED = Lazy(
    r"\b(?:expired|lapsed|(?:was|were|got) (?:revoked|deleted|dropped|removed)"
    # a date reached or passed: "reached its expiry date", "passed its expiration date", "was
    # not renewed"
    r"|(?:reached|passed|hit) (?:its|their|the) (?:expiry|expiration|end-of-life|end of life)"
    r"|(?:was|were) (?:not|never) renewed)\b"
)


def mistake(sentence: str) -> bool:
    """A mistake made to a named thing: "I pasted the wrong IP into the A record for `www`",
    "the new certificate was installed without its intermediate certificate". The wrong
    thing is named by a specific term, or what was left out is a part of the system."""
    low = sentence.translate(ASCII_LOWER)
    m = MISTAKE.compiled.search(low)
    if m is None:
        return False
    if m.group("left_out"):
        return bool(lexicon("system_part").search(low, m.start()))
    return bool(sem.specific_terms(sentence))


# a wrong value put in ("pasted the wrong IP"), or a part left out of a change ("was
# installed without the intermediate certificate")
MISTAKE = Lazy(
    r"\b(?:pasted|entered|typed|copied|used|put|set|configured|deployed|pushed"
    r"|pointed \w+ (?:at|to)) (?:in |into |at )?(?:the|a) wrong\b"
    r"|\b(?:was|were|got) (?P<left_out>(?:installed|deployed|shipped|rotated|configured|released"
    r"|set up|issued)) without (?:the|a|an|its|their)\b"
)


def damaged(sentence: str) -> bool:
    """A part of the system damaged by an agent or left pointing at something gone: "the
    primary fibre route was cut by a contractor's drill", "the VM was deleted by a cleanup
    job", "the A record pointed at the IP of our old load balancer" (a part of the system or a
    specific term before the words; not the people hit: "users were hit by errors")."""
    low = sentence.translate(ASCII_LOWER)
    m = DAMAGED.compiled.search(low)
    return bool(
        m
        and (
            lexicon("system_part").search(low, 0, m.start())
            or _PHYSICAL.compiled.search(low, 0, m.start())
            or sem.specific_terms(sentence[: m.start()])
        )
        and not _HIT_PEOPLE.compiled.search(low, 0, m.start())
    )


DAMAGED = Lazy(
    r"\b(?:was|were|had been|got) (?:\w+ly )?(?:cut|severed|damaged|dug up|broken|knocked out"
    r"|taken down|deleted|overwritten|wiped|removed|destroyed|unplugged|disconnected|struck"
    r"|shut down|powered off|killed|evicted|throttled|blocked) by\b"
    r"|\b(?:pointed|points|pointing|still resolved|resolved|routed) (?:at|to) [^.;]{0,60}?"
    r"\b(?:old|stale|former|previous|deleted|destroyed|decommissioned|retired|removed|dead)\b"
)
# the physical parts a network or a site is built of ("the fibre link", "the power feed")
_PHYSICAL = Lazy(
    r"\b(?:links?|fib(?:re|er)s?|cables?|routes?|circuits?|uplinks?|spans?|power (?:supply|feed)"
    r"|generators?|racks?|switch(?:es)?|routers?)\b"
)
# the people the failure hit, as the subject: the impact, not the cause
_HIT_PEOPLE = Lazy(r"\b(?:users?|customers?|people|visitors?|clients?|we|i|they|you|everyone)\b")


# a sentence told as the cause: it names itself the cause, or what the failure came from
# (matched on lower-cased text; the cause lexicon's "because", "led to" tell any reason)
STATED = Lazy(
    r"\broot cause|\bcaused by\b|\bdue to\b"
    r"|\bthe (?:(?:main|immediate|direct|underlying|proximate|primary|technical|real|actual"
    r"|ultimate) )?cause"
    r"|\bcause(?:\*\*|__)?\s*+:|\btrigger(?:ed by\b|\s+(?:was|is)\b)|\bculprit\b"
    r"|\b(?:result(?:ed|ing)?|stemm(?:ed|ing)|came|comes?) from\b|\btraced (?:back )?to\b"
    r"|\battributed to\b|\bowing to\b|\bbrought on by\b"
    r"|\bthe (?:real |actual |underlying |main )?(?:problem|issue) (?:was|turned out to be)\b"
)
# a cause told as a theory held ("I assumed the problem was the phone's clock") or by
# pointing back ("failing due to the same reason"): no cause stated in the sentence
_UNSTATED = Lazy(
    r"\b(?:assum\w*|thought|suspect\w*|believ\w*|guess\w*|hypothes\w*)\b"
    r"|\b(?:due to|caused by|because of|for) (?:the same (?:reason|cause|issue|problem)\b"
    r"|(?:this|that|it)\W*$)"
)


def stated_as_cause(stated: Lazy, sentence: str) -> bool:
    """A sentence told as the cause by `stated`, not as a theory held or by pointing back."""
    return bool(stated.compiled.search(sentence)) and not _UNSTATED.compiled.search(sentence)


def defect_then(sentence: str) -> bool:
    """A named thing with a defect and what it made happen, with no cause word: "the
    `api-gateway` Deployment had no PodDisruptionBudget, so only two replicas served", "a
    cron job had a wrong schedule (`* 2 * * *`), so it ran every minute". The thing must be
    named by a specific term (a file, a setting, a code name) or a part of the system ("the
    root filesystem was 100% full, so MySQL could not write") before the consequence."""
    m = DEFECT_THEN.compiled.search(low := sentence.translate(ASCII_LOWER))
    return bool(
        m
        and (
            sem.specific_terms(sentence[: m.end()])
            or lexicon("system_part").search(low, 0, m.start())
        )
        and not _PEOPLE.compiled.search(low, 0, m.start())
    )


def defect_of_named_before(sentence: str, before: str) -> bool:
    """A defect told of a thing the sentence before named ("A default-deny NetworkPolicy was
    applied to `shop`. The policy did not allow DNS traffic, so…"): the sentence points back
    ("the policy", "this rule") to a word of the one before, which names something specific."""
    low = sentence.translate(ASCII_LOWER)
    m = DEFECT_THEN.compiled.search(low)
    back = m and _POINTS_BACK.compiled.match(low, 0, m.start())
    return bool(
        back
        and back["head"] in before.translate(ASCII_LOWER)
        and (sem.specific_terms(before) or "`" in before)
        and not _PEOPLE.compiled.search(back["head"])
    )


# "The policy ", "This new rule ": a definite subject and its head noun, right before the defect
_POINTS_BACK = Lazy(
    r"\W{0,4}(?:the|this|that|these|those) (?:new |same )?(?P<head>[a-z][\w-]{2,30}) $"
)


def failed_after(sentence: str) -> bool:
    """A failure told after a part of the system that failed ("Rack PDU-2 lost power after the
    utility feed failed and the transfer switch did not move the load", "the API returned
    errors after the Redis primary crashed"): the failure before "after", never one of people
    ("we", "buyers"), and a part named and failing after it; not a recovery ("came back after
    we restarted nginx") nor a time ("after 10:00")."""
    low = sentence.translate(ASCII_LOWER)
    m = FAILED_AFTER.compiled.search(low)
    if not m or _PEOPLE.compiled.search(low, 0, m.start()):
        return False
    rest = low[m.end() :]
    part = _PART_FAILED.compiled.search(rest)
    subject = rest[: part.start()] if part else ""
    return bool(
        0 < len(subject.split()) <= _SUBJECT_WORDS
        and not any(c in subject for c in ",;:")
        and not _PEOPLE.compiled.search(subject)
        and not _STAFF.compiled.search(subject)
    )


# a failure, then "after": "lost power after", "returned errors for most calls after"
FAILED_AFTER = Lazy(
    r"\b(?:lost (?:power|connectivity|data)|went (?:down|offline|dark)|crashed|failed|stopped"
    r"|returned (?:\w+ )?errors|(?:became|was|were) (?:unavailable|unreachable|down))\b"
    r"[^.;]{0,40}? after (?!\d)"
)
# the words of the thing that failed, named right after "after": "the utility feed", "our
# `runner-3` host", "utility service to the site"
_SUBJECT_WORDS = 7
_STAFF = Lazy(r"\b(?:team|engineers?|on-?call|staff|someone|operators?|admins?|technicians?)\b")
# what the part after "after" did: "the utility feed failed", "the switch did not move the load"
_PART_FAILED = Lazy(
    r"\b(?:failed|crashed|died|hung|did(?:n['’]t| not) \w+|ran out|expired|went down|was lost)\b"
)


# people who lacked something ("users had no way to pay, so…") tell the impact, not a defect
_PEOPLE = Lazy(r"\b(?:users?|customers?|people|visitors?|clients?|we|i|they|you|everyone|nobody)\b")


# a defect ("had no X", "was missing", "a wrong schedule") then ", so …" / ", which …"
DEFECT_THEN = Lazy(
    r"\b(?:had|has|have|was|were|is|are)\b(?:[^.;]|\.(?=\S)){0,60}?\b(?:wrong|incorrect|invalid|broken"
    r"|missing|misspell\w*|expired|malformed|full|no"
    # a step never taken: "the DaemonSet was not scheduled on the new nodes, so…"
    r"|(?:not|never) (?:scheduled|deployed|installed|renewed|configured|updated|restarted"
    r"|mounted|enabled|created|applied|included|copied|migrated|rotated|reloaded))\b(?:[^.;]|\.(?=\S)){0,160}?,\s*(?:so|which|causing|making)\b"
    # what a thing did not do: "the policy did not allow DNS traffic, so every pod…"
    r"|\bdid(?:n['’]t| not) (?:allow|permit|include|accept|match|handle|cover|contain|support"
    r"|renew|reload|restart)\b(?:[^.;]|\.(?=\S)){0,120}?,\s*(?:so|which|causing|making)\b"
)
