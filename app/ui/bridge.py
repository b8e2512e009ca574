"""The one consumer of the engine's job updates on the Qt side.

The engine calls `push()` for every `JobUpdate` it emits (it may emit hundreds
per second across many jobs). The bridge keeps only the latest snapshot per
job and flushes them to Qt signals at the screen's pace, so widgets repaint at
most once a frame per job whatever the network does. Terminal updates are
flushed at once: nobody should wait a frame for "your video is ready".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.engine.updates import JobUpdate

log = logging.getLogger("framecast.ui")

FRAME_MS = 16


class UpdateSource(Protocol):
    def subscribe(self, callback: Callable[[JobUpdate], None]) -> Callable[[], None]: ...


class JobBridge(QObject):
    """Coalesces `JobUpdate`s into `jobUpdated` (latest per job, once a frame)
    and `jobFinished` (each job's terminal update, exactly once each time it
    is followed: a job followed again after its ending ends once more)."""

    jobUpdated = Signal(object)  # JobUpdate
    jobFinished = Signal(object)  # JobUpdate in a terminal state

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._pending: dict[str, JobUpdate] = {}
        self._finished: set[str] = set()
        self._unsubscribe: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush)
        self.emitted = 0  # signals sent, for benchmarks
        self.received = 0

    def attach(self, source: UpdateSource) -> None:
        self.detach()
        self._unsubscribe = source.subscribe(self.push)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            try:
                self._unsubscribe()
            except Exception:  # the engine may already be closed
                log.debug("unsubscribe failed", exc_info=True)
            self._unsubscribe = None

    def push(self, update: JobUpdate) -> None:
        """Called by the engine, on the GUI thread's event loop."""
        self.received += 1
        self._pending[update.job_id] = update
        if update.state.is_terminal:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for update in pending.values():
            if update.state.is_terminal:
                if update.job_id in self._finished:
                    continue
                self._finished.add(update.job_id)
                self.emitted += 1
                self.jobUpdated.emit(update)
                self.jobFinished.emit(update)
            else:
                # A job followed again after its ending (Retry) will end once more.
                self._finished.discard(update.job_id)
                self.emitted += 1
                self.jobUpdated.emit(update)
