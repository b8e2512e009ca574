"""Counters of what the engine did during this run of the app.

The Diagnostics dialog and `--json` output show them; benchmarks read them to
count requests. They are plain integers on the event loop's thread.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Diagnostics:
    sse_connects: int = 0
    sse_failures: int = 0
    sse_reconnects: int = 0
    polling_fallbacks: int = 0
    polls: int = 0
    poll_errors: int = 0
    events_received: int = 0
    events_skipped: int = 0
    downloads: int = 0
    download_retries: int = 0
    bytes_downloaded: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
