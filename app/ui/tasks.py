"""The one way the window runs background work.

- Network and engine calls are coroutines on qasync's loop: a `TaskGroup`
  starts them (`spawn`), remembers them so closing the window can cancel
  them, and hands any failure to one callback, so no error is ever lost in
  a forgotten task.
- Blocking calls (disk, decoding pictures) run on Qt's global thread pool:
  `run_in_thread(fn, on_done)` calls `on_done(result, error)` back on the GUI
  thread; inside a coroutine, `await in_thread(fn)` does the same.

Nothing in `app/ui` starts work any other way (no bare `ensure_future`,
`run_in_executor` or `@asyncSlot`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("framecast.ui")

T = TypeVar("T")

ErrorHandler = Callable[[BaseException], None]


class TaskGroup:
    """Coroutines started for one owner (the window, a dialog)."""

    def __init__(self, on_error: ErrorHandler | None = None) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run `coro` on the loop; a failure is logged and passed to `on_error`."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        log.error("background task failed", exc_info=error)
        if self._on_error is not None:
            self._on_error(error)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def aclose(self) -> None:
        """Cancel every task and wait until each has unwound (its `finally`
        blocks ran): a task still pending when the loop stops is torn down
        half-way, leaving processes and sessions behind."""
        tasks = [t for t in self._tasks if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def __len__(self) -> int:
        return len(self._tasks)


_live: set[_Relay] = set()


class _Relay(QObject):
    """Carries one blocking call's outcome back to the GUI thread.

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
            log.debug("blocking call failed", exc_info=True)
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


async def in_thread(fn: Callable[[], T]) -> T:
    """`fn()` on a worker thread, awaited from a coroutine; its error is raised here."""
    future: asyncio.Future[T] = asyncio.get_running_loop().create_future()

    def done(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the awaiting coroutine was cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    run_in_thread(fn, done)
    return await future
