"""Constants and tools shared by the test modules (imported as `_support`: pytest puts tests/ on
sys.path)."""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
# The team's shared material (spec, corpus), next to the repository; PMREVIEW_SHARED points
# elsewhere (a git worktree lives one level deeper). Tests that need it skip without it.
SHARED = Path(os.environ.get("PMREVIEW_SHARED") or REPO.parent / "shared")
CORPUS = sorted((SHARED / "corpus").glob("*/*.md"))

# The ids of spec/checks.md (profile `default`), spelled exactly.
DEFAULT_CHECK_IDS = (
    "summary.present",
    "summary.duration",
    "summary.start_time",
    "summary.end_time",
    "summary.timezone",
    "summary.impact",
    "summary.affected_share",
    "summary.root_cause",
    "timeline.present",
    "timeline.format",
    "timeline.detection",
    "timeline.actions",
    "timeline.misleading",
    "timeline.escalation",
    "timeline.resolution",
    "root_cause.present",
    "root_cause.detail",
    "resolution.detail",
    "measures.present",
    "measures.improvements",
    "measures.tasks",
)

# A short postmortem with a few vague statements, each on its own line, for inline use.
SAMPLE = """\
# Cache outage

## Summary

On 2024-03-02 from 14:00 to 14:30 UTC the product pages of shop-web were slow.
The outage was caused by a glitch.

## Timeline

- 14:00 UTC - Latency alert fired for shop-web.
- 14:30 UTC - It was fixed.

## Action items

- Improve monitoring
- Add an alert on p99 latency of shop-web above 2 s (owner: web team)
"""


_Served = TypeVar("_Served", bound="Loopback")


class Loopback:
    """A `ThreadingHTTPServer` on 127.0.0.1 (a free port) served from a daemon thread while the
    object is used as a context manager: the fake GitHub and GitLab servers build on it."""

    def _serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self: _Served) -> _Served:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"
