"""First verdicts on the semantic checks, from word lists (data/lexicon.toml).

Each detector looks at the blocks the check is about and returns the sentence that satisfies
it (an `Evidence`: the quote and where it is) or None. They are deliberately simple and
documented; the LLM reviewer may overrule them with a grounded quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TypedDict

from ..models import ASCII_LOWER, Block
from ..resources import load_toml
from ..text.borrowed import own_blocks, own_sentences
from ..text.gates import gated
from ..text.phrases import Alternation
from ..text.prefilter import Searcher, lower_case
from ..text.runs import RunSearch


class Evidence(TypedDict):
    quote: str
    line: int
    column: int


def evidence(block: Block, start: int, end: int) -> Evidence:
    raw = block.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    quote = raw.strip()
    if len(quote) > 240:
        quote = quote[:240].rsplit(" ", 1)[0]
    line, col = block.position(start + lead)
    return {"quote": quote, "line": line, "column": col}


def find_sentence(
    blocks: Iterable[Block],
    pattern: Searcher,
    also: Searcher | None = None,
    unless: Searcher | None = None,
    cased: Searcher | None = None,
) -> Evidence | None:
    """The first sentence matching `pattern` (and `also`, and not `unless`) in lower-cased
    text, and `cased` in the text as written (never borrowed text: text/borrowed.py)."""
    for b in gated(own_blocks(list(blocks)), pattern):
        for s, e in own_sentences(b):
            text = b.lower[s:e]
            if (
                pattern.search(text)
                and (also is None or also.search(text))
                and not (unless is not None and unless.search(text))
                and (cased is None or cased.search(b.text[s:e]))
            ):
                return evidence(b, s, e)
    return None


_FILE = (
    r"\.(?:conf|php|phpp|py|js|ts|json|ya?ml|ini|cfg|sh|rb|lock|log|txt|html?|sql|pp|xml|env"
    r"|service|toml|go|java|properties|wslconfig|d)\b"
)
# products and services by name: a concrete term, but one that says which part, not what went
# wrong with it (checks/judged.py)
PRODUCTS = (
    r"nginx|apache2?|haproxy|mysql|mariadb|postgres(?:ql)?|redis|memcached|mongodb"
    r"|elasticsearch|kafka|rabbitmq|docker|kubernetes|k8s|wordpress|php-fpm|gunicorn|uwsgi"
    r"|varnish|node\.js|cloudflare|s3|ec2|rds|jenkins|etcd|zookeeper|consul"
)
_OTHER_TERMS = (
    r"(?<![\w/])/(?:etc|var|usr|opt|home|tmp|srv|proc|lib|bin)/\S+"
    r"|(?<![\w.])\.(?:php|phpp|conf|py|js|json|ya?ml|ini|cfg|sh|env|htaccess|wslconfig)\b"
    r"|\bv?\d+\.\d+(?:\.\d+)+\b|\bversion \d[\w.]*|\bv\d+(?:\.\d+)?\b"
    r"|\bports? \d+|\b\d+(?:/\d+)+\b"
    r"|\b\d+(?:\.\d+)? ?(?:ms|sec|seconds|mb|gb|kb|tb|%|percent|connections|threads|workers"
    r"|requests|rps|qps|files|nodes|replicas)\b"
    r"|\b[a-z][a-z0-9]*_[a-z0-9_]+\b"
    rf"|\b(?:{PRODUCTS}|puppet|ansible|chef|kubectl|bcrypt|gemfile|ulimit|systemd|systemctl"
    r"|cron(?:tab)?|letsencrypt|certbot|terraform|iptables|ufw|wsl2?"
    r"|npm|pip|apt(?:-get)?|yum|git|bgp|ospf|raid|lvm|ext4|inode"
    r"|statefulset|daemonset|configmap|replica|hard (?:drive|disk)|ssd|power supply|index(?:es)?"
    r"|schema|migration|commit|rollback"
    r"|max_\w+|timeout|ttl|heap|oom|memory leak|connection pool|deadlock|race condition"
    r"|null pointer|typo|certificate|expired"
    r"|disk (?:full|space)|semaphore|mutex|hash|checksum|dns record|cname|a record"
    # a physical fault of the hardware: "spilled coffee on a server, causing a short circuit"
    r"|short[- ]circuit\w*|overheat\w*|power (?:outage|failure|surge|cut|loss)|water damage"
    r"|cooling (?:failure|fan)|firewall rule)\b"
)
# `[^`\n]+`|\b[\w-]+FILE|OTHER_TERMS, searched reading each run of [\w-] once (a file name's
# [\w-]+ reads it to its end from every start after a "-"); matched on lower-cased text (faster
# than re.IGNORECASE); identifiers need the case:
SPECIFIC = RunSearch(
    rest=re.compile(rf"`[^`\n]+`|(?<![\w-])\b[\w-]++{_FILE}|{_OTHER_TERMS}"),
    runs=((re.compile(r"(?<=[\w-])\b(?=[\w-])"), re.compile(r"[\w-]*")),),
    alternative=re.compile(rf"[\w-]++{_FILE}"),
)
_CASED = re.compile(r"\b[a-z]+[A-Z][A-Za-z]+\b|\b[A-Z]{2,}_[A-Z_]+\b")


# !?\[[^\]]*\]\([^)]*\)|https?://\S+, reading each run of [^\]] once (a link's [^\]]* reads to
# the next "]", across lines, from every "[" of an unclosed run)
_URL = RunSearch(
    rest=re.compile(r"(?<![^\]])!?\[[^\]]*+\]\([^)]*\)|https?://\S+"),
    runs=((re.compile(r"!\[(?<=[^\]]!\[)|\[(?<=[^\]]\[)"), re.compile(r"!?\[[^\]]*")),),
    alternative=re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+"),
)


def specific_terms(text: str) -> frozenset[str]:
    """The concrete things a text names: files, settings, versions, values, technologies."""
    return _specific_terms(text)


@lru_cache(maxsize=4096)
def _specific_terms(text: str) -> frozenset[str]:
    plain = _URL.sub(" ", text)
    found = {m.group(0).strip("`") for m in SPECIFIC.finditer(plain.translate(ASCII_LOWER))}
    found |= {m.group(0).lower() for m in _CASED.finditer(plain)}
    return frozenset(found)


_MISCONFIGURED = r"\bmis-?configur|\bconfiguration (?:error|issue|problem|mismatch)"
_SOME_GLITCH = r"\bglitch|\bsome (?:\w+ )?(?:problem|issue|error)\b"
# the vague causes that name no thing: "a misconfiguration", "a configuration error", "a glitch"
NO_THING = f"{_MISCONFIGURED}|{_SOME_GLITCH}"
VAGUE_CAUSE = re.compile(
    rf"{_MISCONFIGURED}|\bnot (?:properly |correctly )?optimi[sz]"
    rf"|\bunoptimi[sz]|{_SOME_GLITCH}|\bsneaky\b|\bunforeseen\b",
    re.IGNORECASE,
)


# a defect placed in no named thing: "a minor bug in the code", "an error in the application"
# ("…that went unnoticed"), not "a bug in the code that rounds the fees", which names it
GENERIC_DEFECT = re.compile(
    r"\b(?:an?|one|some) (?:(?:minor|small|tiny|little|simple|silly|unknown|unexpected|strange"
    r"|weird) )?(?:bug|error|issue|problem|mistake|fault)s? in (?:the |our |its )?(?:code|codebase"
    r"|application|app|software|system|program)\b(?! (?:of|for)\b| that (?!went unnoticed"
    r"|(?:was|were) (?:not |never )?(?:caught|noticed|detected)|slipped)\b)",
    re.IGNORECASE,
)


# a security incident's cause: who got in and by what means ("an attacker used a leaked
# token", "an unknown party used this token to push a branch")
ATTACK = re.compile(
    r"\b(?:attackers?|threat actors?"
    r"|(?:unauthori[sz]ed|unknown|malicious) (?:party|user|actor)s?)\b"
    r"[^.;]{0,60}\b(?:used|exploited|obtained|gained|stole|leveraged|via|through|using)\b"
)
# the secret that got out ("a personal access token … was leaked from our CI"): a cause more
# specific than "a glitch", if not yet its detail (how it got out)
LEAKED = re.compile(
    r"\b(?:tokens?|credentials?|keys?|secrets?|passwords?)\b[^.;]{0,60}"
    r"\b(?:was|were|had been) (?:leaked|exposed|stolen|committed to)\b"
)


@cache
def fix_veto(scope: str) -> Alternation:
    """The vague-fix phrases of data/vague.toml marked `veto = scope` ("sentence" or
    "document"): what rule PM103 flags cannot also count as a detailed fix."""
    patterns = [
        p for e in load_toml("vague.toml")["entry"] if e.get("veto") == scope for p in e["patterns"]
    ]
    return Alternation(lower_case(patterns, f"vague.toml veto={scope}"))


@cache
def measure_wish() -> Alternation:
    """The phrases rule PM104 flags as a measure with no concrete task (data/vague.toml):
    what it calls a wish cannot also show the measures' concrete task."""
    patterns = [
        p for e in load_toml("vague.toml")["entry"] if e["rule"] == "PM104" for p in e["patterns"]
    ]
    return Alternation(lower_case(patterns, "vague.toml PM104"))


CONCRETE_CHANGE = re.compile(
    r"\b(?:restart|reboot|roll(?:ed|ing)? ?back|roll(?:ed|ing)? (?:the |our |its )?[\w.-]+ back\b"
    # "rolled the resolver software on all 16 servers back to version 9.18.24"
    r"|roll(?:ed|ing)? (?!out\b)(?:[\w.,-]+ ){2,12}?back (?:to|from)\b"
    r"|revert|redeploy|install|truncat|revok"
    # "reloaded nginx" applies a changed config; "reloaded the page" only looks again
    r"|reload(?:ed|ing|s)?\b(?! (?:the |my |a )?(?:page|browser|site|website|tab)\b)"
    r"|(?<!was )(?<!were )(?<!is )(?<!are )turn(?:ed|ing)? (?:on|off)\b"
    r"|(?<!\ba )(?<!\bthe )patch(?:ed)? (?!the issue)"  # not "a patched version"
    r"|reinstall|upgrad|downgrad"
    # a job run again by hand: "triggered batch B manually", "re-triggered the build"
    r"|trigger(?:ed|ing) (?:[\w`-]+ ){0,4}?(?:manually|by hand)\b|(?:manually |re-?)trigger"
    r"|increas|rais(?:ed|ing)|renam|remov|delet|add(?:ed|ing)\b|replac|scal(?:ed|ing) (?:up|out)"
    r"|flush|clear(?:ed|ing)\b|kill"
    # a version pinned: "pinned the image to `postgres:15.7`"
    r"|pin(?:s|ned|ning)? (?:[\w`.:-]+ ){0,4}?(?:to|at)\b"
    # a named thing corrected ("the firewall rule was corrected"), not "the correct file"
    r"|correct(?:ed|ing)\b"
    r"|edit|modif|enabl|disabl|migrat|switch|fail(?:ed)? ?over|purg|rebuil|re-?ran\b|\bset\b"
    r"|\bsetting (?=`|(?:the|a|an|it|its|our|their) )"
    r"|restor\w* (?:[\w-]+ ){0,4}from\b"
    r"|restor\w* (?:\w+ ){0,3}(?:previous|last|earlier|prior|original)\b|restor\w* (?:the )?(?=`)"
    # "the previous connection limit of 4,096 was restored", "the rollout was halted"
    r"|(?:previous|last|earlier|prior|original)\b[^.;]{0,60}?\b(?:was|were) restored\b|halted\b"
    # the right thing put in place: "deployed the correct certificate bundle to PGW-A"
    r"|deploy(?:ed|ing)? (?:the |a )?(?:correct|corrected|fixed|patched|previous|right)\b"
    r"|mov(?:ed|ing)\b|freed|paus(?:ed|ing)\b|throttl|\b(?:ran|running) (?=`|sudo\b)"
    r"|shut(?:ting)? down\b|capp(?:ed|ing)\b"
    # an outcome ("error rates decreased") is no change: these act on a thing, to a value
    r"|(?:decreas|lower|reduc)(?:ed|ing) (?:[\w.`-]+ ){1,5}?(?:to|from|by) \d"
    r"|(?:re-?)?creat|open(?:ed|ing)\b|symlink|reconfigur|chang|swap|expand|extend|renew|rotat|uncomment"
    r"|comment(?:ed)? out|insert|bump(?:ed|ing)\b|resiz)",
    re.IGNORECASE,
)


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}", text))
