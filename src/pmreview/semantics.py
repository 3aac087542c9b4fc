"""First verdicts on the semantic checks, from word lists (data/lexicon.toml).

Each detector looks at the blocks the check is about and returns the sentence that satisfies
it (an `Evidence`: the quote and where it is) or None. They are deliberately simple and
documented; the LLM reviewer may overrule them with a grounded quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TypedDict

from .models import Block
from .resources import load_toml


class Evidence(TypedDict):
    quote: str
    line: int
    column: int


@cache
def lexicon(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_toml("lexicon.toml")[name]), re.IGNORECASE)


_SENTENCE_END = re.compile(r"(?<!\b[a-z]\.[a-z])(?<!\be\.g)(?<!\bi\.e)[.!?](?=\s+[A-Z0-9*_(\"'`\[]|\s*$)|\n(?=\s*(?:[-*+•]|\d+[.)])\s)|\n\s*\n")


def sentences(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a block's text."""
    text = block.text
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group(0) in ".!?" else m.start()
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def evidence(block: Block, start: int, end: int) -> Evidence:
    raw = block.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    quote = raw.strip()
    if len(quote) > 240:
        quote = quote[:240].rsplit(" ", 1)[0]
    line, col = block.position(start + lead)
    return {"quote": quote, "line": line, "column": col}


def find_sentence(blocks: Iterable[Block], pattern: re.Pattern[str],
                  also: re.Pattern[str] | None = None,
                  unless: re.Pattern[str] | None = None) -> Evidence | None:
    """The first sentence matching `pattern` (and `also`, and not `unless`)."""
    for b in blocks:
        for s, e in sentences(b):
            text = b.text[s:e]
            if pattern.search(text) and (also is None or also.search(text)) and not (
                unless is not None and unless.search(text)
            ):
                return evidence(b, s, e)
    return None


SPECIFIC = re.compile(
    r"`[^`\n]+`"
    r"|\b[\w-]+\.(?:conf|php|phpp|py|js|ts|json|ya?ml|ini|cfg|sh|rb|lock|log|txt|html?|sql|pp|xml|env"
    r"|service|toml|go|java|properties|wslconfig|d)\b"
    r"|(?<![\w/])/(?:etc|var|usr|opt|home|tmp|srv|proc|lib|bin)/\S+"
    r"|\bv?\d+\.\d+(?:\.\d+)+\b|\bversion \d[\w.]*|\bv\d+(?:\.\d+)?\b"
    r"|\bports? \d+|\b\d+(?:/\d+)+\b"
    r"|\b\d+(?:\.\d+)? ?(?:ms|sec|seconds|mb|gb|kb|tb|%|percent|connections|threads|workers|requests|rps|qps|files|nodes|replicas)\b"
    r"|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|(?-i:\b[a-z]+[A-Z][A-Za-z]+\b|\b[A-Z]{2,}_[A-Z_]+\b)"
    r"|\b(?:nginx|apache2?|haproxy|mysql|mariadb|postgres(?:ql)?|redis|memcached|mongodb|elasticsearch|kafka"
    r"|rabbitmq|puppet|ansible|chef|docker|kubernetes|k8s|kubectl|wordpress|bcrypt|gemfile|ulimit|systemd|systemctl"
    r"|cron(?:tab)?|letsencrypt|certbot|cloudflare|s3|ec2|rds|terraform|jenkins|iptables|ufw|wsl2?|etcd|zookeeper"
    r"|consul|varnish|gunicorn|uwsgi|php-fpm|node\.js|npm|pip|apt(?:-get)?|yum|git|bgp|ospf|raid|lvm|ext4|inode"
    r"|boskos|statefulset|daemonset|deployment|configmap|replica|primary|index(?:es)?|schema|migration|commit|rollback"
    r"|max_\w+|timeout|ttl|heap|oom|memory leak|connection pool|deadlock|race condition|null pointer|typo|certificate|expired"
    r"|disk (?:full|space)|semaphore|mutex|hash|checksum|dns record|cname|a record|firewall rule)\b",
    re.IGNORECASE,
)


def specific_terms(text: str) -> set[str]:
    """The concrete things a text names: files, settings, versions, values, technologies."""
    return {m.group(0).lower().strip("`") for m in SPECIFIC.finditer(text)}


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}", text))
