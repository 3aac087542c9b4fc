"""Constants of the renderers' tests (imported as `_render_support`)."""

from __future__ import annotations

from _support import SHARED

SEED_000 = SHARED / "seeds" / "000_8dd2772cb27462af.txt"

# An example postmortem for these tests: vague in places, a timeline that crosses midnight.
NIGHT = """\
# Postmortem: search returned errors overnight

## Issue Summary

From 23:40 to 01:10 UTC (1 hour 30 minutes) search-api returned HTTP 500 to 40% of users.
The root cause was a glitch in the indexer.

## Timeline

- 23:40 UTC - Deploy of indexer 7.1 finished.
- 23:52 UTC - A PagerDuty alert fired for search-api error rate above 5%.
- 00:05 UTC - On-call suspected the load balancer and checked its logs; nothing was wrong.
- 00:30 UTC - Escalated to the search team lead.
- 01:10 UTC - Rolled back the indexer to 7.0; search-api error rate back to 0.1%.

## Root cause and resolution

Some framework problem in the indexer. It was fixed.

## Corrective and preventative measures

- Improve monitoring
- Add a canary stage for indexer deploys (owner: search team, due 2025-03-01)
"""
