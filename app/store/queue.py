"""The local queue: requests waiting for a free slot of their backend.

The queue lives in the history database (tables `queue` and
`queue_settings`, made by the history's migration 6), so quitting, a crash
or a reboot loses nothing. Each item is one request as it will be sent,
with the facts the window lists (prompt, model, duration) and its take,
if it is one of several. Items are sent in `position` order, per backend.

Sending nothing twice: an item's `item_id` is the id its job gets when it is
sent, and the history writes a job's row *before* the create request goes
out (`JobManager.submit`). The dispatcher marks an item `sending` before it
hands it to the manager and removes it once the manager took it. An item
found `sending` at the next start (Framecast stopped in between) is settled
by that row: a row with its id means the job was (or may have been) sent,
so the item is dropped and the job is the history's to resume or fail as
unconfirmed; no row means nothing went out, so the item waits again, in its
place. Nothing is ever sent again on a guess.

`QueueStore` has its own SQLite connection to the history file (WAL mode
lets it sit beside the history's); `AsyncQueueStore` runs its calls on one
worker thread, so the loop never waits on the disk.
"""

from __future__ import annotations

import asyncio
import builtins
import concurrent.futures
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import ParamSpec, TypeVar

from app.store.history import HistoryClosedError, utc_now, write_transaction


class ItemState(StrEnum):
    WAITING = "waiting"
    #: Handed to the job manager; settled at the next start if Framecast stopped here.
    SENDING = "sending"


@dataclass(frozen=True)
class Take:
    """One job of a press of Generate with several takes."""

    group: str
    number: int  # from 1
    count: int


@dataclass(frozen=True)
class QueueItem:
    """One request waiting in the queue."""

    item_id: str  # also the id of the job it becomes
    backend_url: str
    request_json: str
    prompt: str = ""
    model: str | None = None
    duration: int | None = None
    source_image: str | None = None
    take_group: str | None = None
    take_number: int | None = None
    take_count: int | None = None
    position: int = 0
    state: str = ItemState.WAITING
    created_at: str = field(default_factory=utc_now)

    @property
    def take(self) -> Take | None:
        if self.take_group is None or self.take_number is None or self.take_count is None:
            return None
        return Take(self.take_group, self.take_number, self.take_count)

    @property
    def image(self) -> Path | None:
        return Path(self.source_image) if self.source_image else None


@dataclass(frozen=True)
class Recovered:
    """What the start-up check did with items left `sending`."""

    requeued: tuple[str, ...] = ()  # nothing was sent: waiting again
    dropped: tuple[str, ...] = ()  # a job row exists: the history follows it


_COLUMNS = tuple(f.name for f in fields(QueueItem))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM queue"
PAUSED = "paused"


class QueueStore:
    """The queue's table in the history database, safe to call from any thread.

    Open the history (`HistoryStore`) first: its migrations make the tables."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA synchronous = NORMAL")

    def add(self, items: Sequence[QueueItem]) -> builtins.list[QueueItem]:
        """Put items at the end of their backend's queue, in one transaction."""
        added: builtins.list[QueueItem] = []
        with self._lock, write_transaction(self._conn):
            for item in items:
                row = self._conn.execute(
                    "SELECT COALESCE(MAX(position), -1) + 1 FROM queue WHERE backend_url = ?",
                    (item.backend_url,),
                ).fetchone()
                values = {**vars(item), "position": row[0], "state": str(ItemState.WAITING)}
                self._conn.execute(
                    f"INSERT INTO queue ({', '.join(_COLUMNS)})"
                    f" VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [values[name] for name in _COLUMNS],
                )
                added.append(QueueItem(**values))
        return added

    def items(self, backend_url: str) -> builtins.list[QueueItem]:
        """A backend's items in sending order."""
        sql = f"{_SELECT} WHERE backend_url = ? ORDER BY position, created_at"
        with self._lock:
            rows = self._conn.execute(sql, (backend_url,)).fetchall()
        return [QueueItem(**dict(zip(_COLUMNS, row, strict=True))) for row in rows]

    def get(self, item_id: str) -> QueueItem | None:
        with self._lock:
            row = self._conn.execute(f"{_SELECT} WHERE item_id = ?", (item_id,)).fetchone()
        return QueueItem(**dict(zip(_COLUMNS, row, strict=True))) if row else None

    def next_waiting(self, backend_url: str) -> QueueItem | None:
        """The first item to send, marked `sending` in the same transaction."""
        sql = f"{_SELECT} WHERE backend_url = ? AND state = ? ORDER BY position, created_at LIMIT 1"
        with self._lock, write_transaction(self._conn):
            row = self._conn.execute(sql, (backend_url, str(ItemState.WAITING))).fetchone()
            if row is None:
                return None
            item = QueueItem(**dict(zip(_COLUMNS, row, strict=True)))
            self._conn.execute(
                "UPDATE queue SET state = ? WHERE item_id = ?",
                (str(ItemState.SENDING), item.item_id),
            )
        return QueueItem(**{**vars(item), "state": str(ItemState.SENDING)})

    def set_waiting(self, item_id: str) -> bool:
        """Put an item that was not sent back in its place."""
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE queue SET state = ? WHERE item_id = ?", (str(ItemState.WAITING), item_id)
            )
        return cursor.rowcount > 0

    def remove(self, item_id: str) -> bool:
        """Take an item out (sent, or removed by the creator). False if it was gone."""
        with self._lock:
            cursor = self._conn.execute("DELETE FROM queue WHERE item_id = ?", (item_id,))
        return cursor.rowcount > 0

    def remove_waiting(self, item_id: str) -> bool:
        """Remove an item the creator took out, unless it is being sent right now."""
        with self._lock:
            cursor = self._conn.execute(
                "DELETE FROM queue WHERE item_id = ? AND state = ?",
                (item_id, str(ItemState.WAITING)),
            )
        return cursor.rowcount > 0

    def reorder(self, backend_url: str, item_ids: Sequence[str]) -> None:
        """Set the sending order: `item_ids` first, in that order, then any
        item not named (added meanwhile) in its old order."""
        with self._lock, write_transaction(self._conn):
            rows = self._conn.execute(
                "SELECT item_id FROM queue WHERE backend_url = ? ORDER BY position, created_at",
                (backend_url,),
            ).fetchall()
            known = [row[0] for row in rows]
            wanted = [i for i in dict.fromkeys(item_ids) if i in set(known)]
            order = wanted + [i for i in known if i not in set(wanted)]
            self._conn.executemany(
                "UPDATE queue SET position = ? WHERE item_id = ?",
                [(position, item_id) for position, item_id in enumerate(order)],
            )

    def move_to_top(self, item_id: str) -> bool:
        item = self.get(item_id)
        if item is None:
            return False
        others = [i.item_id for i in self.items(item.backend_url) if i.item_id != item_id]
        self.reorder(item.backend_url, [item_id, *others])
        return True

    def recover(self, backend_url: str) -> Recovered:
        """Settle this backend's items left `sending` by a run that stopped
        (see the module's docstring): dropped when the history has their
        job, waiting again when it does not."""
        requeued: builtins.list[str] = []
        dropped: builtins.list[str] = []
        with self._lock, write_transaction(self._conn):
            rows = self._conn.execute(
                "SELECT item_id, EXISTS (SELECT 1 FROM jobs WHERE jobs.job_id = queue.item_id)"
                " FROM queue WHERE backend_url = ? AND state = ?",
                (backend_url, str(ItemState.SENDING)),
            ).fetchall()
            for item_id, recorded in rows:
                if recorded:
                    self._conn.execute("DELETE FROM queue WHERE item_id = ?", (item_id,))
                    dropped.append(item_id)
                else:
                    self._conn.execute(
                        "UPDATE queue SET state = ? WHERE item_id = ?",
                        (str(ItemState.WAITING), item_id),
                    )
                    requeued.append(item_id)
        return Recovered(tuple(requeued), tuple(dropped))

    def paused(self) -> bool:
        with self._lock:
            row = self._conn.execute(
                "SELECT value FROM queue_settings WHERE name = ?", (PAUSED,)
            ).fetchone()
        return row is not None and row[0] == "1"

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO queue_settings (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (PAUSED, "1" if paused else "0"),
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()


P = ParamSpec("P")
T = TypeVar("T")


class AsyncQueueStore:
    """`QueueStore`'s methods as coroutines on one worker thread (calls run in
    order). The connection is opened on that thread at the first call."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._store: QueueStore | None = None
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="framecast-queue"
        )
        self._closed = False

    def _opened(self) -> QueueStore:
        if self._store is None:
            self._store = QueueStore(self.path)
        return self._store

    async def _run(self, fn: Callable[[QueueStore], T]) -> T:
        if self._closed:
            raise HistoryClosedError(f"the queue in {self.path} is closed")
        future = self._executor.submit(lambda: fn(self._opened()))
        return await asyncio.wrap_future(future, loop=asyncio.get_running_loop())

    async def add(self, items: Sequence[QueueItem]) -> builtins.list[QueueItem]:
        return await self._run(lambda s: s.add(items))

    async def items(self, backend_url: str) -> builtins.list[QueueItem]:
        return await self._run(lambda s: s.items(backend_url))

    async def next_waiting(self, backend_url: str) -> QueueItem | None:
        return await self._run(lambda s: s.next_waiting(backend_url))

    async def set_waiting(self, item_id: str) -> bool:
        return await self._run(lambda s: s.set_waiting(item_id))

    async def remove(self, item_id: str) -> bool:
        return await self._run(lambda s: s.remove(item_id))

    async def remove_waiting(self, item_id: str) -> bool:
        return await self._run(lambda s: s.remove_waiting(item_id))

    async def reorder(self, backend_url: str, item_ids: Sequence[str]) -> None:
        await self._run(lambda s: s.reorder(backend_url, item_ids))

    async def move_to_top(self, item_id: str) -> bool:
        return await self._run(lambda s: s.move_to_top(item_id))

    async def recover(self, backend_url: str) -> Recovered:
        return await self._run(lambda s: s.recover(backend_url))

    async def paused(self) -> bool:
        return await self._run(lambda s: s.paused())

    async def set_paused(self, paused: bool) -> None:
        await self._run(lambda s: s.set_paused(paused))

    async def aclose(self) -> None:
        """Finish queued calls and close; safe to call twice."""
        if self._closed:
            return
        self._closed = True

        def close() -> None:
            if self._store is not None:
                self._store.close()

        await asyncio.wrap_future(self._executor.submit(close), loop=asyncio.get_running_loop())
        self._executor.shutdown(wait=False)
