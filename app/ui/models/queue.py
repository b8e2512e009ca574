"""The queue as the window lists it: a list model over the engine's dispatcher.

`QueueModel` owns one `QueueDispatcher` per session (made in `attach`, its
limit from Settings: the built-in renderer's or the cloud's), lists the
waiting items in sending order, and passes the creator's actions on: remove,
move to the top, move by drag (`moveRows`, which the list view calls on a
drop), pause and resume. `aheadChanged`/`wouldWaitChanged` tell the form
whether the next video waits and behind how many. The queue's table is in
the history database (`app.store.queue`), so the list is the same after a
restart.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.api.models import GenerationRequest
from app.engine.queue import QueueDispatcher
from app.session import Session
from app.store.history import AsyncHistoryStore
from app.store.queue import AsyncQueueStore, QueueItem
from app.store.settings import Settings
from app.ui.models.observable import Observable
from app.ui.models.problems import NotConnected
from app.ui.tasks import TaskGroup

log = logging.getLogger("framecast.ui")

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: What a dragged row carries (only ever within this list).
MIME_TYPE = "application/x-framecast-queue-item"
Index = QModelIndex | QPersistentModelIndex


def limit_setting(session: Session) -> str:
    """The name of the setting that holds this session's backend's limit."""
    return "queue_limit_local" if session.kind == "local" else "queue_limit_cloud"


def limit_for(session: Session, settings: Settings) -> int:
    """The concurrency limit of this session's backend."""
    limit: int = getattr(settings, limit_setting(session))
    return limit


def with_limit(session: Session, settings: Settings, limit: int) -> Settings:
    """`settings` with this session's backend sending `limit` videos at a time."""
    return settings.model_copy(update={limit_setting(session): limit})


class QueueModel(QAbstractListModel):
    problem = Signal(object)  # an exception: a waiting video could not be sent
    changed = Signal()
    pausedChanged = Signal(object)
    paused = Observable(False)
    wouldWaitChanged = Signal(object)
    wouldWait = Observable(False)  # a new video would wait in the queue
    limitChanged = Signal(object)
    limit = Observable(1)

    def __init__(
        self,
        history: AsyncHistoryStore,
        tasks: TaskGroup,
        settings: Callable[[], Settings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = AsyncQueueStore(history.path)
        self._tasks = tasks
        self._settings = settings
        self._items: list[QueueItem] = []
        self._dispatcher: QueueDispatcher | None = None
        self._session: Session | None = None
        self._sender: Callable[[QueueItem], Awaitable[str]] | None = None

    # ------------------------------------------------------------------ the session

    def set_sender(self, send: Callable[[QueueItem], Awaitable[str]]) -> None:
        """How an item is sent (the jobs model, so its card shows the prompt)."""
        self._sender = send

    def attach(self, session: Session | None) -> None:
        """A new session: a dispatcher for its backend (None: stop sending)."""
        old, self._dispatcher = self._dispatcher, None
        self._session = session
        if old is not None:
            old.stop()  # at once: the old session's manager is closing
        if session is not None:
            self._dispatcher = QueueDispatcher(
                session.manager,
                self.store,
                backend_id=session.manager.backend_id,
                limit=limit_for(session, self._settings()),
                send=self._sender,
                on_change=self._sync,
                on_problem=self.problem.emit,
            )
        self._sync()

    def apply_settings(self, settings: Settings) -> None:
        """Saved Settings: the limit of this backend may have changed."""
        if self._dispatcher is not None and self._session is not None:
            self._tasks.spawn(self._dispatcher.set_limit(limit_for(self._session, settings)))

    async def start(self) -> None:
        """Start sending (after the session's unfinished jobs were resumed, so they count)."""
        if self._dispatcher is not None:
            await self._dispatcher.start()

    async def aclose(self) -> None:
        dispatcher, self._dispatcher = self._dispatcher, None
        if dispatcher is not None:
            await dispatcher.aclose()
        await self.store.aclose()

    def _need(self) -> QueueDispatcher:
        if self._dispatcher is None:
            raise NotConnected()
        return self._dispatcher

    # ------------------------------------------------------------------ actions

    async def send_or_queue(
        self, requests: Sequence[GenerationRequest], image: Path | None = None
    ) -> list[str]:
        """Send the requests (takes of one press) now, or queue them; their job ids."""
        return await self._need().submit(requests, image)

    def remove(self, item_id: str) -> None:
        self._tasks.spawn(self._need().remove(item_id))

    def move_to_top(self, item_id: str) -> None:
        self._tasks.spawn(self._need().move_to_top(item_id))

    def set_paused(self, paused: bool) -> None:
        self._tasks.spawn(self._need().set_paused(paused))

    def toggle_paused(self) -> None:
        self.set_paused(not self.paused)

    def items(self) -> list[QueueItem]:
        return list(self._items)

    def item(self, row: int) -> QueueItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    # ------------------------------------------------------------------ the list

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.prompt
        if role == ITEM_ROLE:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = ",".join(str(i.row()) for i in indexes if i.isValid())
        data.setData(MIME_TYPE, QByteArray(rows.encode()))
        return data

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move rows (a drop in the list): shown at once, kept in the database."""
        last = source_row + count - 1
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or source_row < 0
            or last >= len(self._items)
            or not 0 <= destination_child <= len(self._items)
            or source_row <= destination_child <= last + 1
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, last, QModelIndex(), destination_child
        ):
            return False
        moving = self._items[source_row : last + 1]
        rest = self._items[:source_row] + self._items[last + 1 :]
        at = destination_child if destination_child < source_row else destination_child - count
        self._items = rest[:at] + moving + rest[at:]
        self.endMoveRows()
        order = [item.item_id for item in self._items]
        self._tasks.spawn(self._need().reorder(order))
        return True

    # ------------------------------------------------------------------ from the dispatcher

    def _sync(self) -> None:
        dispatcher = self._dispatcher
        items = dispatcher.items if dispatcher is not None else []
        if [i.item_id for i in items] != [i.item_id for i in self._items]:
            self.beginResetModel()
            self._items = items
            self.endResetModel()
        else:
            self._items = items
        self.paused = dispatcher.paused if dispatcher is not None else self.paused
        self.wouldWait = dispatcher.would_wait() if dispatcher is not None else False
        self.limit = dispatcher.limit if dispatcher is not None else self.limit
        self.changed.emit()
