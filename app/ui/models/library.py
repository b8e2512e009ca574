"""The account's library in the window: imported into history in the background.

`AccountLibrary` runs the engine's `LibraryImporter` for the session's
backend when a session is attached, and again every `REFRESH_MS` while it
stays attached, one run at a time (a request while one runs becomes one
more run after it). Pages are written on the history's worker thread; after
each page that added videos, `videosAdded` asks the history list to reload.
Its state is one `LibraryStatus`, with how many videos this run added and
the error that stopped it beside it; a failed run loses nothing (the pages
written stay, and the next run goes on where it stopped).

The built-in renderer's library is not imported: it lists its own renders,
which are all jobs of this app already (in the same history), and its
addresses change with every start.
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from app.engine.library import ImportReport, LibraryImporter
from app.session import Session
from app.store.history import AsyncHistoryStore
from app.ui.models.observable import Observable
from app.ui.tasks import TaskGroup

log = logging.getLogger("framecast.ui")

#: How often the library is looked at again while connected (new videos made elsewhere).
REFRESH_MS = 5 * 60 * 1000


class LibraryStatus(StrEnum):
    IDLE = "idle"  # nothing to say: no account library, or the last run went well
    IMPORTING = "importing"
    FAILED = "failed"  # `error` says why; the next run goes on where this one stopped


class AccountLibrary(QObject):
    videosAdded = Signal(int)  # a page added this many videos to the history
    finished = Signal(object)  # ImportReport of a run that ended well
    statusChanged = Signal(object)
    status = Observable(LibraryStatus.IDLE)
    addedChanged = Signal(object)
    added = Observable(0)  # videos this run has added so far
    errorChanged = Signal(object)
    error: Observable[BaseException | None] = Observable(None)

    def __init__(
        self,
        store: AsyncHistoryStore,
        tasks: TaskGroup,
        *,
        refresh_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._tasks = tasks
        self._session: Session | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)

    @staticmethod
    def imports(session: Session | None) -> bool:
        """Whether this session's library is imported (not the built-in renderer's)."""
        return session is not None and session.kind != "local"

    def attach(self, session: Session | None) -> None:
        """Import the library of a new session (None: the session closed)."""
        if self._task is not None:
            self._task.cancel()  # it reads through the old session's client
            self._task = None
        self._again = False
        self._session = session if self.imports(session) else None
        self.error = None
        self.status = LibraryStatus.IDLE
        if self._session is None:
            self._timer.stop()
            return
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Look at the library again soon; requests while a run goes on collapse into one."""
        if self._session is None:
            return
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = self._tasks.spawn(self._run(self._session))

    async def _run(self, session: Session) -> None:
        while True:
            self._again = False
            self.added = 0
            self.status = LibraryStatus.IMPORTING
            importer = LibraryImporter(session.client, self.store, session.manager.backend_id)
            try:
                report = await importer.run(self._page_done)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # said in the history panel; the log has the details
                log.warning("importing the account's library failed: %r", exc)
                self.error = exc
                self.status = LibraryStatus.FAILED
                return
            self.error = None
            self.status = LibraryStatus.IDLE
            self.finished.emit(report)
            if not self._again or self._session is not session:
                return

    def _page_done(self, report: ImportReport) -> None:
        new = report.added - self.added
        self.added = report.added
        if new:
            self.videosAdded.emit(new)
