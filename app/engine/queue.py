"""When to send: a per-backend limit on jobs in flight, and the queue behind it.

`QueueDispatcher` sits in front of a `JobManager`. A new request (or each
take of one press of Generate) is sent at once while fewer than `limit`
jobs of this process are on their way and nothing waits before it;
otherwise it waits in the queue (`app.store.queue`, in the history
database) and costs nothing. Whenever a job ends, the queue is resumed or
the limit rises, the first waiting item is sent. Pausing stops the sending
(not the jobs in flight) and is remembered in the database.

Sending a queued item: mark it `sending`, hand it to the manager (which
writes the job's history row under the item's id before the create request
goes out), then take it out of the queue. `start()` first settles items a
stopped run left `sending` (`QueueStore.recover`): each is sent exactly once.

Plain asyncio, no Qt: the window wraps it in `app.ui.models.queue`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from app.api.models import GenerationRequest
from app.engine.manager import JobManager
from app.engine.updates import JobUpdate
from app.store.queue import AsyncQueueStore, QueueItem, Take

log = logging.getLogger("framecast.engine")

#: Sends one item now; returns its job id (the item's id).
Sender = Callable[[QueueItem], Awaitable[str]]


def request_of(item: QueueItem) -> GenerationRequest:
    """The request a queued item will send."""
    return GenerationRequest.model_validate_json(item.request_json)


def new_items(
    backend_url: str, requests: Sequence[GenerationRequest], image: Path | None
) -> list[QueueItem]:
    """Items for one press of Generate: several requests are takes of one group."""
    group = uuid.uuid4().hex if len(requests) > 1 else None
    return [
        QueueItem(
            item_id=uuid.uuid4().hex,
            backend_url=backend_url,
            request_json=request.model_dump_json(),
            prompt=request.prompt,
            model=request.generation_config_name,
            duration=request.duration,
            source_image=str(image) if image is not None else None,
            take_group=group,
            take_number=number if group else None,
            take_count=len(requests) if group else None,
        )
        for number, request in enumerate(requests, start=1)
    ]


class QueueDispatcher:
    """Sends a backend's jobs at most `limit` at a time; the rest wait in the queue."""

    def __init__(
        self,
        manager: JobManager,
        store: AsyncQueueStore,
        *,
        backend_id: str,
        limit: int,
        send: Sender | None = None,
        on_change: Callable[[], None] | None = None,
        on_problem: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.manager = manager
        self.store = store
        self.backend_id = backend_id
        self.limit = max(1, limit)
        self._send = send or self._send_with_manager
        self._on_change = on_change or (lambda: None)
        self._on_problem = on_problem or (lambda exc: None)
        self._items: list[QueueItem] = []
        self._active: set[str] = set()
        self._paused = False
        self._started = False
        self._closed = False
        self._lock = asyncio.Lock()
        self._ready = asyncio.Event()  # set once `start()` has run (or failed, or closed)
        self._kicks: set[asyncio.Task[None]] = set()
        # At once: jobs the manager resumes report themselves and count.
        self._unsubscribe = manager.subscribe(self._on_update)

    # ------------------------------------------------------------------ what it knows

    @property
    def items(self) -> list[QueueItem]:
        """The waiting items, in sending order."""
        return list(self._items)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def active(self) -> int:
        """Jobs of this process on their way to a video."""
        return len(self._active)

    def would_wait(self) -> bool:
        """True when a new request would wait in the queue instead of being sent."""
        return self._paused or bool(self._items) or self._full()

    def _full(self) -> bool:
        return len(self._active) >= self.limit

    # ------------------------------------------------------------------ life

    async def start(self) -> None:
        """Settle items a stopped run left `sending`, read the queue, start sending."""
        try:
            await self._read_queue()
        finally:
            self._ready.set()
        await self.kick()

    async def _read_queue(self) -> None:
        recovered = await self.store.recover(self.backend_id)
        if recovered.dropped:
            log.warning(
                "%d queued job(s) were being sent when Framecast stopped; the history "
                "has them, so they are not sent again",
                len(recovered.dropped),
            )
        if recovered.requeued:
            log.info(
                "%d queued job(s) were not sent before a stop; waiting again",
                len(recovered.requeued),
            )
        self._paused = await self.store.paused()
        self._items = await self.store.items(self.backend_id)
        self._started = True
        self._on_change()

    def stop(self) -> None:
        """Stop sending at once (the queue stays as it is in the database); an
        item being handed over finishes that (see `aclose`)."""
        self._closed = True
        self._ready.set()
        self._unsubscribe()
        for task in list(self._kicks):
            task.cancel()

    async def aclose(self) -> None:
        """Stop sending and wait for the background sending to unwind."""
        self.stop()
        for task in list(self._kicks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # ------------------------------------------------------------------ the creator's actions

    async def submit(
        self, requests: Sequence[GenerationRequest], image: Path | None = None
    ) -> list[str]:
        """Send these requests (takes of one press when several) or queue
        them; returns their job ids in order. A refusal while sending at once
        is raised, as the manager raised it; the ones not sent yet are dropped."""
        items = new_items(self.backend_id, requests, image)
        await self._ready.wait()  # the jobs resumed at start count first
        async with self._lock:
            now: list[QueueItem] = []
            while (
                items
                and self._started
                and not self.would_wait()
                and len(self._active) + len(now) < self.limit
            ):
                now.append(items.pop(0))
            for item in now:
                await self._send_now(item)
            if items:
                await self.store.add(items)
                await self._reload()
        return [item.item_id for item in (*now, *items)]

    async def remove(self, item_id: str) -> bool:
        """Take a waiting item out of the queue (one being sent stays)."""
        removed = await self.store.remove_waiting(item_id)
        await self._reload()
        return removed

    async def move_to_top(self, item_id: str) -> None:
        await self.store.move_to_top(item_id)
        await self._reload()

    async def reorder(self, item_ids: Sequence[str]) -> None:
        await self.store.reorder(self.backend_id, item_ids)
        await self._reload()

    async def set_paused(self, paused: bool) -> None:
        await self.store.set_paused(paused)
        self._paused = paused
        self._on_change()
        if not paused:
            await self.kick()

    async def set_limit(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._on_change()
        await self.kick()

    # ------------------------------------------------------------------ sending

    async def kick(self) -> None:
        """Send waiting items while there is room."""
        async with self._lock:
            while not self._closed and self._started and not self._paused and not self._full():
                item = await self.store.next_waiting(self.backend_id)
                if item is None:
                    break
                try:
                    await self._send_now(item)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Not sent: it waits in its place; the creator hears why.
                    log.warning("a queued job could not be sent: %r", exc)
                    await self.store.set_waiting(item.item_id)
                    await self._reload()
                    self._on_problem(exc)
                    break
                await self.store.remove(item.item_id)
                await self._reload()

    async def _send_now(self, item: QueueItem) -> None:
        job_id = await self._send(item)
        if job_id != item.item_id:
            raise RuntimeError("the job manager did not take the queued item's id")
        self._active.add(job_id)
        self._on_change()

    async def _send_with_manager(self, item: QueueItem) -> str:
        return await self.manager.submit(
            request_of(item), source_image=item.image, job_id=item.item_id, take=item.take
        )

    async def _reload(self) -> None:
        self._items = await self.store.items(self.backend_id)
        self._on_change()

    def _on_update(self, update: JobUpdate) -> None:
        before = len(self._active)
        if update.state.is_terminal:
            self._active.discard(update.job_id)
        else:
            self._active.add(update.job_id)
        if len(self._active) == before:
            return
        self._on_change()
        if len(self._active) < before and not self._closed:
            task = asyncio.get_running_loop().create_task(self._kick_logged())
            self._kicks.add(task)
            task.add_done_callback(self._kicks.discard)

    async def _kick_logged(self) -> None:
        try:
            await self.kick()
        except Exception as exc:  # the database went away (closing): nothing is lost
            log.warning("the queue could not send its next job: %r", exc)


__all__ = ["QueueDispatcher", "QueueItem", "Sender", "Take", "new_items", "request_of"]
