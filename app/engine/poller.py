"""Polling `file/{id}` (or `project/{id}`): the fallback and the safety net.

The poller always runs beside the event stream. While SSE is unavailable it
is the primary source and polls at once, then every `poll_interval` seconds,
slowing for long jobs and after errors (capped); while SSE is live it is a
slow safety net, so a terminal event the stream never delivered is still
found. `Retry-After` is honoured, and `poll_now()` wakes it for a manual
check or when the stream hints that the job finished.
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


class Poller:
    def __init__(self, client: SuperDuperClient, *, file_id: str | None, project_id: str | None,
                 config: EngineConfig, diagnostics: Diagnostics, on_file: FileHandler,
                 on_project: ProjectHandler, on_error: ErrorHandler,
                 on_success: Callable[[], None], label: str = "") -> None:
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
        self._started = time.monotonic()
        self._wake = asyncio.Event()
        self._retry_after: float | None = None

    @property
    def interval(self) -> float:
        """Seconds until the next poll in the current mode."""
        if not self.primary:
            return self.config.safety_poll_interval
        elapsed = time.monotonic() - self._started
        # Real jobs take 1 to 15 minutes: no need to ask every few seconds
        # for the whole of a long one.
        growth = 1.0 if elapsed < 120 else 2.0 if elapsed < 600 else 4.0
        interval = self.config.poll_interval * growth
        if self.errors_in_a_row:
            interval *= 2 ** min(self.errors_in_a_row, 6)
        return min(interval, max(self.config.poll_interval_max, self.config.poll_interval))

    def set_primary(self, primary: bool) -> None:
        """Primary when SSE is unavailable (poll at once), else the safety net."""
        if primary == self.primary:
            return
        self.primary = primary
        if primary:
            self.diagnostics.polling_fallbacks += 1
            log.info("%s: polling takes over (every %.1f s)", self.label, self.interval)
            self._wake.set()

    def poll_now(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        delay = 0.0 if self.primary else self.interval
        while True:
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
            self._wake.clear()
            await self.poll_once()
            delay = self.interval * (random.uniform(0.9, 1.1) if self.primary else 1.0)
            if self._retry_after is not None:
                delay = max(delay, min(self._retry_after, self.config.retry_after_max))
                self._retry_after = None

    async def poll_once(self) -> None:
        self.diagnostics.polls += 1
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
                self._retry_after = exc.retry_after if exc.retry_after is not None else 5.0
            log.info("%s: poll failed (%s); next in %.1f s", self.label,
                     type(exc).__name__, self.interval)
            self.on_error(exc)

    def _succeeded(self) -> None:
        self.errors_in_a_row = 0
        self.on_success()
