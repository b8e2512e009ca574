"""Polling `file/{id}` (or `project/{id}`): the fallback and the safety net.

The poller always runs beside the event stream, in one of three cadences:
- primary, while SSE is unavailable: at once, then every `poll_interval`
  seconds, slower for long jobs and after errors (capped);
- safety net, while SSE is live and talking: every `safety_poll_interval`,
  so a terminal event the stream never delivered is still found;
- quiet, while SSE looks live but has said nothing for several of its usual
  gaps between events: a stream that goes silent without closing can't be
  told from a slow job without asking, so ask soon, then back off towards
  the safety-net cadence while the silence lasts.
`Retry-After` is honoured, and `poll_now()` wakes it for a manual check or
when the stream hints that the job finished. A job polls at most
`poll_budget` times: then `run()` returns and the tracker ends the job.
Answers are parsed with bounded depth and size (the client does that); an
error in reading one is an `ApiError` passed to `on_error`, while an error
in the tracker's own handlers is not caught here: it ends `run()` and the
tracker fails the job with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable

from app.api.client import SuperDuperClient
from app.api.errors import ApiError, RateLimitedError
from app.api.models import FileObject, ProjectObject
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics

log = logging.getLogger("framecast.engine")

FileHandler = Callable[[FileObject], Awaitable[None] | None]
ProjectHandler = Callable[[ProjectObject], Awaitable[None] | None]
ErrorHandler = Callable[[ApiError], None]

#: A live stream is "quiet" after this many of its usual gaps without an event...
QUIET_GAPS = 4.0
#: ...but never sooner than this (seconds), and before its cadence is known,
#: after two base polling intervals.
QUIET_MIN = 1.0


class Poller:
    def __init__(
        self,
        client: SuperDuperClient,
        *,
        file_id: str | None,
        project_id: str | None,
        config: EngineConfig,
        diagnostics: Diagnostics,
        on_file: FileHandler,
        on_project: ProjectHandler,
        on_error: ErrorHandler,
        on_success: Callable[[], None],
        label: str = "",
    ) -> None:
        if not file_id and not project_id:
            raise ValueError("a poller needs a file id or a project id")
        self.client = client
        self.file_id = file_id
        self.project_id = project_id
        self.config = config
        self.diagnostics = diagnostics
        self.on_file = on_file
        self.on_project = on_project
        self.on_error = on_error
        self.on_success = on_success
        self.label = label or (file_id or project_id or "")
        self.primary = True
        self.errors_in_a_row = 0
        self.polls_made = 0
        self._started = time.monotonic()
        self._wake = asyncio.Event()
        self._last_poll: float | None = None
        self._jitter = 1.0
        self._not_before = 0.0
        # The stream's rhythm: when it last said something, and its usual gap.
        self._last_event: float | None = None
        self._gap: float | None = None
        self._events = 0
        self._quiet_polls = 0

    # ------------------------------------------------------------------ cadence

    def note_stream_activity(self) -> None:
        """The stream delivered an event (or just connected): it is talking."""
        now = time.monotonic()
        if self._last_event is not None and self._events:
            gap = now - self._last_event
            self._gap = gap if self._gap is None else 0.7 * self._gap + 0.3 * gap
        self._events += 1
        self._last_event = now
        self._quiet_polls = 0

    @property
    def quiet_after(self) -> float:
        """Seconds of silence after which a live stream is suspect."""
        if self._gap is None or self._events < 3:
            limit = 2 * self.config.poll_interval
        else:
            limit = QUIET_GAPS * self._gap
        return min(max(limit, QUIET_MIN), self.config.sse_idle_timeout)

    def _quiet_at(self) -> float:
        base = self._last_event if self._last_event is not None else self._started
        return base + self.quiet_after

    @property
    def quiet(self) -> bool:
        return not self.primary and time.monotonic() >= self._quiet_at()

    @property
    def interval(self) -> float:
        """Seconds between polls in the current cadence."""
        if not self.primary:
            if not self.quiet:
                return self.config.safety_poll_interval
            # Ask soon after the stream went quiet, then less and less often.
            return min(
                self.config.poll_interval * 2 ** max(0, self._quiet_polls - 1),
                self.config.safety_poll_interval,
            )
        elapsed = time.monotonic() - self._started
        # Real jobs take 1 to 15 minutes: no need to ask every few seconds
        # for the whole of a long one.
        growth = 1.0 if elapsed < 120 else 2.0 if elapsed < 600 else 4.0
        interval = self.config.poll_interval * growth
        if self.errors_in_a_row:
            interval *= 2 ** min(self.errors_in_a_row, 6)
        return min(interval, max(self.config.poll_interval_max, self.config.poll_interval))

    def _next_poll_at(self) -> float:
        if self.primary:
            at = (
                self._started
                if self._last_poll is None
                else self._last_poll + self.interval * self._jitter
            )
        else:
            last = self._last_poll if self._last_poll is not None else self._started
            at = last + self.config.safety_poll_interval
            if self._quiet_polls == 0:
                # Check once as soon as the stream turns quiet.
                at = min(at, max(self._quiet_at(), last + QUIET_MIN))
            else:
                at = min(at, last + self.interval)
        return max(at, self._not_before)

    def set_primary(self, primary: bool) -> None:
        """Primary when SSE is unavailable (poll at once), else the safety net."""
        if primary == self.primary:
            return
        self.primary = primary
        if primary:
            self.diagnostics.polling_fallbacks += 1
            log.info("%s: polling takes over (every %.1f s)", self.label, self.interval)
            self._wake.set()
        else:
            self.note_stream_activity()

    def poll_now(self) -> None:
        self._wake.set()

    # ------------------------------------------------------------------ running

    async def run(self) -> None:
        """Poll until cancelled, or until the budget is spent (then return)."""
        while self.polls_made < self.config.poll_budget:
            delay = self._next_poll_at() - time.monotonic()
            if delay > 0 and not self._wake.is_set():
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                if not self._wake.is_set() and self._next_poll_at() > time.monotonic():
                    continue  # the cadence changed while we slept
            self._wake.clear()
            if self.quiet:
                self._quiet_polls += 1
                log.info(
                    "%s: the stream has been quiet for %.1f s; checking",
                    self.label,
                    time.monotonic() - (self._last_event or self._started),
                )
            await self.poll_once()
        log.warning("%s: stopped polling after %d polls", self.label, self.polls_made)

    async def poll_once(self) -> None:
        self._last_poll = time.monotonic()
        self._jitter = random.uniform(0.9, 1.1) if self.primary else 1.0
        self.diagnostics.polls += 1
        self.polls_made += 1
        try:
            if self.file_id:
                file = await self.client.get_file(self.file_id)
                self._succeeded()
                result = self.on_file(file)
            else:
                assert self.project_id is not None
                project = await self.client.get_project(self.project_id)
                self._succeeded()
                result = self.on_project(project)
            if result is not None:
                await result
        except ApiError as exc:
            self.diagnostics.poll_errors += 1
            self.errors_in_a_row += 1
            if isinstance(exc, RateLimitedError):
                wait = exc.retry_after if exc.retry_after is not None else 5.0
                self._not_before = time.monotonic() + min(wait, self.config.retry_after_max)
            log.info(
                "%s: poll failed (%s); next in %.1f s",
                self.label,
                type(exc).__name__,
                self.interval,
            )
            self.on_error(exc)

    def _succeeded(self) -> None:
        self.errors_in_a_row = 0
        self.on_success()
