"""Blocking work (file probes, thumbnails, deleting files) off the GUI thread.

`run_in_thread(fn, on_done)` runs `fn` on Qt's global thread pool and calls
`on_done(result, error)` back on the GUI thread through a queued signal, so
callers never block the event loop and never touch widgets from a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("framecast.ui")

T = TypeVar("T")

_live: set[_Relay] = set()


class _Relay(QObject):
    """Carries one task's outcome back to the GUI thread.

    The outcome is stored on the relay and the signal carries no arguments:
    passing Python objects (None in particular) through a queued `Signal(object)`
    trips a PySide6 reference-counting bug that crashes the process after a
    few hundred calls ("deallocating None")."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.result: object = None
        self.error: BaseException | None = None


class _Task(QRunnable, Generic[T]):
    def __init__(self, fn: Callable[[], T], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self.relay.result = self.fn()
        except Exception as exc:
            log.debug("background task failed", exc_info=True)
            self.relay.error = exc
        self.relay.done.emit()


def run_in_thread(
    fn: Callable[[], T], on_done: Callable[[T | None, BaseException | None], None]
) -> None:
    """Run `fn()` on a worker thread; `on_done(result, error)` runs on the GUI thread."""
    relay = _Relay()
    _live.add(relay)

    def finish() -> None:
        _live.discard(relay)
        result, error = relay.result, relay.error
        relay.result = relay.error = None
        relay.deleteLater()
        on_done(result, error)  # type: ignore[arg-type]

    relay.done.connect(finish)
    QThreadPool.globalInstance().start(_Task(fn, relay))
