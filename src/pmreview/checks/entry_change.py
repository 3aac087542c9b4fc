"""What a timeline entry says was done: a change made to a named thing (the fix), or only a
look, a finding, a guess acted on, a state that lasts or an attempt that failed (read by
checks/ended.py for the resolution's entry)."""

from __future__ import annotations

import re

from ..text.lexicon import lexicon
from ..text.prefilter import Lazy
from . import semantics as sem
from .events import OUTCOME, THING
from .fix_entries import DONE_BY, ENTRY_HEAD, NAMED_ONLY, NO_EFFECT, NOT_DONE
from .proper_names import named_things

_BROAD_CHANGE = re.compile(
    r"\b(?:adjust|optimi[sz]|tun(?:ed|ing)|redirect|reconfigur|correct|deploy|implement|appl(?:y|ied)"
    r"|fix(?:ed)? (?:the|by)|updat|destroy|migrat|complet\w* the migration|rerout)",
    re.IGNORECASE,
)
# what responders do to end an incident beyond the change verbs: contain, cut off, renew
_ENDING_CHANGE = Lazy(
    r"\b(?:revok\w*|rotat(?:ed|ing)|reopen(?:ed|s)?|reimag\w*|re-imag\w*"
    r"|(?:taken|took|pulled|put) \w+ ?offline"
    r"|(?:taken|took) offline|renew\w*|suspend\w*|isolat\w*|quarantin\w*|wiped|reinstall\w*"
    r"|paused|kill\w*|block(?:ed|ing)|unblock\w*|rebuil\w*|re-?enabl\w*|re-?index\w*"
    r"|drain(?:ed|ing)|purg\w*|evict\w*|freed|cleaned up|deleted"
    r"|cancel\w*|abort\w*|re-?run\w*|terminat\w*|re-?mount\w*|re-?energi[sz]\w*)\b"
)
# a job the schedule missed, run by hand: a change made to the job it names ("batch B
# triggered manually", "manually ran the nightly export")
_BY_HAND = Lazy(
    r"\b(?:(?:triggered|started|kicked off|ran|run) (?:\w+ )?(?:manually|by hand)"
    r"|manually (?:triggered|started|kicked off|ran|run|re-?ran))\b"
)
# access given: "were granted the required permissions", "granted the bot write access"
_GRANTED = Lazy(
    r"\bgrant(?:ed|ing|s)?\b[^.;]{0,40}?\b(?:access|permissions?|rights|roles?|privileges?)\b"
)
# a call or a setting in a code span, made: "`setMin(0)` successfully set on the DAI vault"
_CODE_SET = Lazy(r"` (?:was |were |is |are )?(?:successfully )?(?:set|applied|executed|invoked)\b")
_FIX_DONE = Lazy(
    r"\b(?:destroyed|revoked|rolled back|reverted|killed|replaced|disabled|removed|restarted"
    r"|redeployed|completes? the migration|migrated|upgraded|downgraded|patched|rotated"
    r"|reimaged|taken offline|renewed|rebuilt|reinstalled|wiped|isolated|suspended"
    # a flag or a feature turned off: "`new_checkout` switched OFF for all users"
    r"|(?:switched|turned|flipped) off"
    r"|restored (?:[\w-]+ ){0,3}?from"
    r"|(?:purge|rollback|roll-?back|restart|failover|redeploy(?:ment)?|flush|reindex|migration)"
    r" (?:was |is )?(?:issued|performed|complete[sd]?|done|run|ran|executed|triggered))\b"
)
# a fix told as the command that made it, run or quoted at the head of the entry ("ran `sudo
# ufw allow 80/tcp` on web-02", "`docker compose restart web` and the site is back up"), not
# a command that only looks ("ran `ufw status`", "`docker compose ps` shows db restarting")
_COMMAND_RUN = Lazy(
    r"(?:^\W{0,3}|\b(?:ran|run|runs|executed|issued|typed)\s+)`[^`]*?\b(?:allow|deny|enable|disable"
    r"|restart|reload|start|stop|install|uninstall|remove|rm|kill|pkill|set|apply|rollback|revert"
    r"|truncate|chmod|chown|scale|delete|drop|grant|renew|unlock|flush|up -d)\b[^`]*`"
)
# a thing set to a new value: "changed the A record to 203.0.113.7", "raised the pool to 40"
_SET_TO = Lazy(
    r"^\W*(?:\S+\s+){0,4}?(?:changed|set|raised|lowered|increased|reduced|pointed|switched|updated)\b"
    r"[^.;]{0,60}?\bto\s+\S*\d"
)
# the same told in the present, as students write a timeline ("I roll back", "Marta restarts
# nginx", "Rebuild the index"): the responders' change only with a person before it, or none
_FIX_NOW = Lazy(
    r"\b(?:(?:roll|rolls) back|reverts?|restarts?|reloads?|rebuilds?|redeploys?|reinstalls?"
    r"|replaces?|rotates?|renews?|revokes?|patch(?:es)?|rollback)\b"
)
_RESPONDER = Lazy(r"(?:^|\b(?:i|we|they|he|she|then|and)\s+|\b[A-Z][a-z]+\s+)$")
# what a system does by itself, or what is under way: not a change made ("restarts itself in a
# loop", "reloads the bad config every minute", "the deploy is running")
_BY_ITSELF = Lazy(
    r"\bitself\b|\bin a loop\b|\bevery (?:\d+ )?(?:second|minute|hour|few)|\bover and over\b"
    r"|\b(?:is|are) (?:still )?(?:running|in progress|ongoing|under ?way)\b"
    # a state still lasting: "the login queue was still draining"; a backlog that drained
    r"|\b(?:is|are|was|were) still \w+ing\b|\b(?:backlog|queue|lag)s? (?:drained|cleared|emptied)\b"
)


def tells_how(text: str) -> bool:
    """An event that says what was changed: a change to a part of the system, something
    specific, a job run by hand or a release withdrawn. The words that say it recovered
    ("restored", "fixed") are not how, and neither is what PM103 calls vague ("a fix was
    deployed") nor what was found or looked at ("Found `OOM` errors on cache-2", "checked the
    firewall with ufw": the specifics of a finding are no change, unless the entry goes on to
    tell one)."""
    said = ENTRY_HEAD.sub("", text)
    low = said.lower()
    named = NAMED_ONLY.compiled.match(low)
    if named:
        # "Fix deployed", named only as one; what follows it may say what it changed ("Fix
        # deployed, redirecting API calls to the v2 endpoint", "Patch applied: `pool` set to 50")
        rest = _GOES_ON.compiled.match(low, named.end())
        return rest is not None and tells_how(said[rest.end() :])
    changed, thing = _change_parts(text)
    if _FOUND.compiled.search(low) or _LOOKED.compiled.search(low) or _ASKED.compiled.search(low):
        # what was found is how only where the entry goes on to tell a change made
        return changed and not DONE_BY.compiled.search(low)
    return bool(
        changed
        and thing
        or sem.specific_terms(text)
        or released(text)
        or _BY_HAND.compiled.search(low)
    )


# what goes on after a change named only as one: a clause after a comma, a colon or a dash
# or the act that made it: "Temporary fix implemented by reconfiguring the load balancer"
_GOES_ON = Lazy(
    r"(?<![ \t])[ \t]*+(?:[,:;(]|--?|[–—])\s*+(?=\w|`)"
    r"|(?<![ \t])[ \t]++(?:by|through|via)[ \t]++(?=[a-z]{3,}ing\b)"
)


def _change_parts(text: str) -> tuple[bool, bool]:
    """Whether the text says a change was made, and whether it names a part of the system."""
    low = sem.fix_veto("sentence").sub(" ", text.lower())
    low = OUTCOME.compiled.sub(" ", _GENERIC_CHANGE.compiled.sub(" ", low))
    by_hand = _BY_HAND.compiled.search(low)
    granted = _GRANTED.compiled.search(low)  # the access is the thing changed
    changed = (
        lexicon("change_verb").search(low)
        or _BROAD_CHANGE.search(low)
        or sem.CONCRETE_CHANGE.search(low)
        or _ENDING_CHANGE.compiled.search(low)
        or by_hand
        or granted
    )
    thing = (
        by_hand
        or granted
        or lexicon("system_part").search(low)
        or THING.compiled.search(low)
        or _TO_VERSION.compiled.search(low)
        or _UNIT.compiled.search(low)
        # a thing named by quotes or a number: "reboots 'mailhost'", "PR #4812 merged"
        or named_things(text)
    )
    return bool(changed), bool(thing)


# a change told by the word for what it did: "Mitigation applied to the queue" says that
# something eased the impact, not what was changed
_GENERIC_CHANGE = Lazy(
    r"\b(?:(?:a|the|our) )?(?:mitigations?|workarounds?|remediations?)\s+"
    r"(?:(?:was|were|is|are|has been|have been)\s+)?(?:applied|deployed|implemented"
    r"|put in place|rolled out|made)\b"
)
# a change to a named version: "rolled back to 3.1", "upgraded to v2.4.1"
_TO_VERSION = Lazy(r"\bto\s+v?\d+(?:\.\d+)+\b")


def fix_event(text: str) -> bool:
    """An event that is itself the fix: a change made to something specific ("token for
    `svc-bot` destroyed", "rolled back orders-api to 4.1.3", "all credentials rotated")."""
    low = text.lower()
    if _BY_ITSELF.compiled.search(low):
        return False
    done = (
        _FIX_DONE.compiled.search(low)
        or _CODE_SET.compiled.search(low)
        or _SET_TO.compiled.search(low)
        or _ENDING_CHANGE.compiled.search(low)
        or _COMMAND_RUN.compiled.search(ENTRY_HEAD.sub("", low))
        or any(
            _RESPONDER.compiled.search(text, 0, m.start()) for m in _FIX_NOW.compiled.finditer(low)
        )
    )
    thing = _change_parts(text)[1]
    return bool(done and (sem.specific_terms(text) or thing))


def ending_fix(text: str) -> bool:
    """A fix that may have ended the impact: a change made to something specific, not one
    tried on a wrong guess ("Assumed the proxy was broken; restarted it"), nor one told with
    its failure ("restarted nginx but it gave an error")."""
    return fix_event(text) and change_entry(text)


# an entry that tells what was found or learnt ("Found the changelog …", "Confirmed `curl`
# returns 404"), not a change made
_FOUND = Lazy(
    r"^\s*(?:\S+\s+){0,6}?(?:(?:we|i|he|she|they)\s+)?(?:found|find|finds|noticed?|notices"
    r"|saw|sees?|identif\w+|discover\w*|reali[sz]\w*|confirm\w*|read|reads|compar(?:ed|es))\b"
)


# an entry that tells a question asked or advice given, not a change: "asked our mentor in the
# channel, he said check ufw", "pinged Sam, who suggested the firewall"
_ASKED = Lazy(
    r"^\s*(?:\S+\s+){0,4}?(?:(?:we|i|he|she|they)\s+)?(?:asked|messaged|pinged|emailed|e-mailed"
    r"|texted|dm['’]?e?d|reached out to|consulted)\b"
    r"|\b(?:he|she|they|who) (?:said|suggested|recommended|told (?:me|us)) (?:to )?"
    r"(?:check|look|try)\b"
)


# an entry that tells a look, not a change: "checked the firewall with ufw", "we looked at
# the `nginx` logs", "inspected cache-2" (not "changed the health check path")
_LOOKED = Lazy(
    r"^\s*(?:\S+\s+){0,6}?(?:(?:we|i|he|she|they|is|are|was|were)\s+)?(?:checked|looked (?:at|into)"
    r"|inspected|investigated|reviewed|examined|compared)\b"
)


def change_entry(text: str) -> bool:
    """An entry that is a fix, not a finding told with a change word in it nor a change that
    could not be made ("some merchants cannot be rerouted")."""
    low = text.lower()
    # before a recovery, a change says how; so does a job run by hand
    by_hand = _BY_HAND.compiled.search(text.lower())
    fix = fix_event(text) or all(_change_parts(text)) or bool(by_hand)
    return (
        fix
        and not _BY_ITSELF.compiled.search(low)
        and not _FOUND.compiled.search(ENTRY_HEAD.sub("", low))
        and not _COULD_NOT.compiled.search(low)
        and not NOT_DONE.compiled.search(low)
        and not NO_EFFECT.compiled.search(low)
        and not _FAILED.compiled.search(low)
        and lexicon("relapse").search(low) is None  # "restarted nginx. Still down."
    )


# a change tried and told with its failure: "restarted nginx but it gave an error", "ran
# `certbot renew` and it failed"
_FAILED = Lazy(
    r"\b(?:but|and) (?:it|that|this|the \w+) (?:also |still |just )?(?:failed|errored"
    r"|gave (?:an|the same|another) error|did(?:n['’]t| not) (?:help|work|start))\b"
)


# a unit named by its tag, letters joined by a hyphen to a number or a letter ("pdu-b2",
# "ats-b", "web-02", "gen-2"); not a severity ("sev-1", "p-1")
_UNIT = Lazy(r"\b(?!sev-|pri?-|p\d)[a-z]{2,}\d?-(?:[a-z]?\d{1,3}[a-z]?|[a-z])\b(?!-)")
_COULD_NOT = Lazy(r"\b(?:cannot|can ?not|can[’']t|could ?not|couldn[’']t|unable to)\b")
# a release published or withdrawn, which ends an incident as a change does: "4.1.0 yanked
# on PyPI", "patched build 2.3.4 deployed"
_RELEASED = Lazy(r"\b(?:yank\w*|unpublish\w*|deployed|patched|published|released)\b")


def released(text: str) -> bool:
    return bool(_RELEASED.compiled.search(text.lower()) and sem.specific_terms(text))
