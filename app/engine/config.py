"""The engine's tunables, from the caller.

The two that people set, the polling cadence and the live stream's idle
timeout, come from the settings (`FRAMECAST_POLL_INTERVAL` and
`FRAMECAST_SSE_IDLE_TIMEOUT`, read and checked by `app.store.settings` alone)
through `for_intervals`; the engine reads no environment. The rest are for
tests and benchmarks that need to squeeze time, and have safe defaults for
real jobs that run 1 to 15 minutes. Every interval must be a finite number
above zero, and the per-job budgets bound how many requests one job may ever
make, whatever a server says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class EngineConfig:
    #: Base polling cadence when SSE is unavailable (seconds).
    poll_interval: float = 5.0
    #: Longest polling cadence, reached by long jobs and repeated errors.
    poll_interval_max: float = 30.0
    #: Cadence of the safety-net poll while SSE is live.
    safety_poll_interval: float = 30.0
    #: Seconds of silence (keepalives count as activity) before a live stream is stalled.
    sse_idle_timeout: float = 45.0
    #: Reconnect backoff for the event stream: first delay and cap (seconds).
    sse_backoff_initial: float = 0.5
    sse_backoff_max: float = 30.0
    #: After SSE was refused (404, 5xx, wrong content type): first retry delay.
    sse_refused_retry: float = 15.0
    #: A server's `retry:` is clamped to this range (seconds) before jitter.
    sse_retry_min: float = 1.0
    sse_retry_max: float = 300.0
    #: Connection attempts of one job's event stream; then polling carries it alone.
    sse_connect_budget: int = 2000
    #: Polls of one job; then it fails (a later `track` or Retry starts afresh).
    poll_budget: int = 10000
    #: Answers in a row polling could not read before the job fails.
    protocol_error_limit: int = 5
    #: Events larger than this are dropped (bytes).
    max_event_bytes: int = 1 << 20
    #: 404 from polling counts as "not visible yet" this long after the job began.
    not_found_grace: float = 60.0
    #: Give a job up as unreachable after this long offline (None: never).
    offline_give_up: float | None = None
    #: Attempts to reach the backend when creating a job (only when the request never left).
    create_attempts: int = 5
    #: Largest result accepted (bytes).
    max_download_bytes: int = 2 * 1024**3
    #: Attempts at one download (resumed with Range after an interruption).
    download_attempts: int = 5
    #: Whole downloads of a result that arrives incomplete before the job fails.
    verify_attempts: int = 2
    #: Free space kept beyond the video itself (the poster, the file system's own needs).
    disk_margin_bytes: int = 1024 * 1024
    #: Longest wait for another process that is downloading the same video (seconds).
    lock_wait_max: float = 1800.0
    #: Upper bound for any single backoff sleep (seconds).
    retry_after_max: float = 120.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or isinstance(value, bool):
                continue
            if not math.isfinite(value) or value <= 0:
                raise ValueError(f"EngineConfig.{f.name} must be a finite number above 0")

    @classmethod
    def for_intervals(
        cls, poll_interval: float, sse_idle_timeout: float, **overrides: Any
    ) -> EngineConfig:
        """A config for this base polling cadence and idle timeout, with the
        cadences that follow from them (cap, safety net) scaled to match."""
        config = cls(
            poll_interval=poll_interval,
            sse_idle_timeout=sse_idle_timeout,
            poll_interval_max=max(poll_interval, cls.poll_interval_max),
            safety_poll_interval=max(
                poll_interval, min(cls.safety_poll_interval, poll_interval * 6)
            ),
        )
        return replace(config, **overrides) if overrides else config
