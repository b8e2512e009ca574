"""The engine's tunables, from the environment or from the caller.

`FRAMECAST_POLL_INTERVAL` and `FRAMECAST_SSE_IDLE_TIMEOUT` are documented in
docs/cli.md; the rest are for tests and benchmarks that need to squeeze
time, and have safe defaults for real jobs that run 1 to 15 minutes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        return default
    return value if value > 0 else default


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
    #: Upper bound for any single backoff sleep (seconds).
    retry_after_max: float = 120.0

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

    @classmethod
    def from_env(cls, **overrides: Any) -> EngineConfig:
        """The intervals from the environment (or from `overrides`, which win)."""
        poll = overrides.pop("poll_interval", None) or _env_float(
            "FRAMECAST_POLL_INTERVAL", cls.poll_interval
        )
        idle = overrides.pop("sse_idle_timeout", None) or _env_float(
            "FRAMECAST_SSE_IDLE_TIMEOUT", cls.sse_idle_timeout
        )
        return cls.for_intervals(poll, idle, **overrides)
