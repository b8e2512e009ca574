"""Render jobs of the built-in renderer: worker pool, progress and event logs.

`RenderService` owns a `spawn` process pool; the HTTP server only ever
submits and reads, so its event loop stays free to answer polls and streams
while workers encode. Workers report progress on a multiprocessing queue that
a small thread drains into the event loop. Every job has an `EventLog`: the
SSE messages of the contract (`render_progress`, `render_result`, `file`,
`task`, `error`), each with an id that grows by one, kept whole so a client
that reconnects with `Last-Event-ID` (or connects late) gets exactly what it
missed.

A job waiting for a free worker is queued: its task is `in_progress`, its
progress 0, and its event log empty; the first `render_progress` comes when a
worker starts it. At most `max_jobs` videos are unfinished at once (`submit`
raises `QueueFull` past that). Stopping the service interrupts its jobs
without failing them; the next service on the same data folder makes them
again from their saved requests under the same file ids (`start`).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from app.local.catalogue import GenerationRequest, InvalidConfig, parse_config
from app.local.records import (
    COMPLETED,
    ERROR,
    IN_PROGRESS,
    INTERRUPTED,
    QUEUED,
    RENDERING,
    FileRecord,
    RecordStore,
    new_id,
)
from app.local.renderer import RenderSpec
from app.local.worker import ProgressQueue, RenderFailed, init_worker, run_render, warm_up

log = logging.getLogger("framecast.local.jobs")

EventPayload = dict[str, object]
WAITING_MESSAGE = "Waiting for a free renderer"
STARTED_MESSAGE = "Rendering"
INTERRUPTED_MESSAGE = "Paused: the renderer stopped; it makes this video when it starts again."
DEFAULT_MAX_JOBS = 32


class QueueFull(Exception):
    """`submit` refused a job: `waiting` videos are unfinished already."""

    def __init__(self, waiting: int) -> None:
        super().__init__(f"{waiting} videos are unfinished")
        self.waiting = waiting


@dataclass(frozen=True)
class LoggedEvent:
    id: int
    payload: EventPayload


class EventLog:
    """The SSE messages of one job, in order, with monotonic ids from 1."""

    def __init__(self) -> None:
        self.events: list[LoggedEvent] = []
        self._changed = asyncio.Event()

    def append(self, payload: EventPayload) -> None:
        self.events.append(LoggedEvent(len(self.events) + 1, payload))
        self._changed.set()
        self._changed = asyncio.Event()

    def after(self, last_id: int) -> list[LoggedEvent]:
        # ids are 1-based positions, so the events after `last_id` are a slice.
        # An id this log never gave out comes from a run of the renderer before
        # a restart (whose log was lost): everything is new to that client.
        if last_id > len(self.events):
            return list(self.events)
        return self.events[max(0, last_id) :]

    async def wait_after(self, last_id: int) -> list[LoggedEvent]:
        """The events after `last_id`, waiting until there is at least one."""
        while True:
            changed = self._changed
            found = self.after(last_id)
            if found:
                return found
            await changed.wait()


class RenderService:
    """Creates video jobs, runs them in worker processes and logs their events."""

    def __init__(
        self,
        store: RecordStore,
        base_url: str,
        workers: int = 1,
        min_render_seconds: float = 0.0,
        max_jobs: int = DEFAULT_MAX_JOBS,
    ) -> None:
        self.store = store
        self.base_url = base_url
        self.workers = max(1, workers)
        self.min_render_seconds = max(0.0, min_render_seconds)
        self.max_jobs = max(1, max_jobs)
        self._closing = False
        self._ctx = multiprocessing.get_context("spawn")
        self._progress: ProgressQueue = self._ctx.Queue()
        self._stop = self._ctx.Event()
        self._pool = self._new_pool()
        self._logs: dict[str, EventLog] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._drain_thread: threading.Thread | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._ctx,
            initializer=init_worker,
            initargs=(self._progress, self._stop),
        )

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Start draining progress, warm a worker up and queue again the videos
        an earlier run left unfinished; call from the event loop."""
        self._loop = asyncio.get_running_loop()
        self._drain_thread = threading.Thread(
            target=self._drain, name="progress-drain", daemon=True
        )
        self._drain_thread.start()
        self._pool.submit(warm_up)
        for record in self.store.unfinished():
            self._resume(record)

    async def close(self) -> None:
        """Stop running renders (their jobs are interrupted, not failed), shut
        the workers down and stop draining."""
        self._closing = True
        self._stop.set()
        for task in list(self._tasks):
            task.cancel()
        pool = self._pool
        await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
        self._progress.put(None)
        if self._drain_thread is not None:
            await asyncio.to_thread(self._drain_thread.join, 5)
        self._progress.close()
        log.info("render workers stopped")

    def _drain(self) -> None:
        while True:
            message = self._progress.get()
            if message is None:
                return
            loop = self._loop
            if loop is None or loop.is_closed():
                return
            try:
                loop.call_soon_threadsafe(self._on_progress, *message)
            except RuntimeError:  # the loop closed between the check and the call
                return

    # ---------------------------------------------------------------- events

    def events_for(self, record: FileRecord) -> EventLog:
        """The record's event log; one rebuilt from its state for jobs of earlier runs."""
        found = self._logs.get(record.id)
        if found is None:
            found = EventLog()
            if record.status == COMPLETED:
                self._log_completion(found, record)
            elif record.status == ERROR:
                self._log_failure(found, record)
            self._logs[record.id] = found
        return found

    def _progress_event(
        self, record: FileRecord, done: int | None = None, total: int | None = None
    ) -> EventPayload:
        obj: dict[str, object] = {
            "id": record.id,
            "file_id": record.id,
            "project_id": record.project_id,
            "progress": round(record.progress, 4),
            "message": record.message,
        }
        if done is not None and total is not None:
            obj["frames_done"] = done
            obj["frames_total"] = total
        return {"type": "render_progress", "object": obj}

    def _log_completion(self, events: EventLog, record: FileRecord) -> None:
        # render_result carries the whole file object, as the cloud's does.
        events.append({"type": "render_result", "object": record.to_json(self.base_url)})
        events.append({"type": "file", "object": record.to_json(self.base_url)})
        events.append({"type": "task", "object": record.task_json()})

    def _log_failure(self, events: EventLog, record: FileRecord) -> None:
        events.append({"type": "task", "object": {**record.task_json(), "error": record.error}})
        events.append({"type": "error", "error": record.error})

    # ---------------------------------------------------------------- jobs

    def submit(self, request: GenerationRequest, source: FileRecord | None) -> FileRecord:
        """Create the video's record and queue its render; returns at once.

        Raises `QueueFull` when `max_jobs` videos are unfinished already."""
        if len(self._tasks) >= self.max_jobs:
            raise QueueFull(len(self._tasks))
        record = FileRecord(
            id=new_id(),
            type="video",
            project_id=new_id(),
            task_id=new_id(),
            video_generation_id=new_id(),
            config=request.echo(),
            status=IN_PROGRESS,
            stage=QUEUED,
            progress=0.0,
            message=WAITING_MESSAGE,
            width=request.width,
            height=request.height,
        )
        self.store.add(record)
        self._enqueue(record, request, source)
        log.info(
            "job %s queued: %s %dx%d %ds@%d",
            record.id,
            request.model.name,
            request.width,
            request.height,
            request.duration,
            request.fps,
        )
        return record

    def _resume(self, record: FileRecord) -> None:
        """Queue again a video an earlier run did not finish, from its saved request."""
        self._logs[record.id] = EventLog()
        try:
            request = parse_config(dict(record.config or {}))
        except InvalidConfig as exc:
            self._fail(record, f"This video could not be made again after a restart ({exc}).")
            return
        source: FileRecord | None = None
        if request.source_id is not None:
            source = self.store.get(request.source_id)
            if source is None or source.type != "image":
                self._fail(record, "The picture this video animates is gone; upload it again.")
                return
        record.stage = QUEUED
        record.progress = 0.0
        record.message = WAITING_MESSAGE
        self.store.save(record)
        self._enqueue(record, request, source)
        log.info("job %s queued again after a restart", record.id)

    def _enqueue(
        self, record: FileRecord, request: GenerationRequest, source: FileRecord | None
    ) -> None:
        self._logs.setdefault(record.id, EventLog())
        source_path = (
            self.store.media_path(source.media_name)
            if source is not None and source.media_name
            else None
        )
        spec = RenderSpec(
            prompt=request.prompt,
            width=request.width,
            height=request.height,
            fps=request.fps,
            duration=request.duration,
            seed=request.seed,
            style=request.style,
            shot_size=request.shot_size,
            source_image=source_path,
            min_seconds=self.min_render_seconds,
        )
        task = asyncio.get_running_loop().create_task(self._run(record, spec))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, record: FileRecord, spec: RenderSpec) -> None:
        video_name, poster_name = f"{record.id}.mp4", f"{record.id}.jpg"
        loop = asyncio.get_running_loop()
        for attempt in range(2):
            pool = self._pool
            try:
                await loop.run_in_executor(
                    pool,
                    run_render,
                    record.id,
                    spec,
                    self.store.media_path(video_name),
                    self.store.media_path(poster_name),
                )
            except asyncio.CancelledError:
                self._interrupt(record)
                raise
            except BrokenProcessPool:
                if self._closing:
                    self._interrupt(record)
                    return
                if pool is self._pool:
                    log.error("a render worker died; starting a new pool")
                    self._pool = self._new_pool()
                if record.stage == QUEUED and attempt == 0:
                    continue  # it never started, so it did not break the worker: once more
                self._fail(
                    record, "The renderer stopped unexpectedly while making this video. Try again."
                )
                return
            except RenderFailed as exc:
                if self._closing:
                    self._interrupt(record)
                else:
                    self._fail(record, str(exc))
                return
            except Exception as exc:
                log.exception("job %s failed", record.id)
                self._fail(record, f"The video could not be rendered ({exc}).")
                return
            self._complete(record, video_name, poster_name)
            return

    def _on_progress(self, file_id: str, done: int, total: int) -> None:
        record = self.store.get(file_id)
        if record is None or record.status != IN_PROGRESS or record.stage == INTERRUPTED:
            return  # over, or the service is stopping: late news from a worker
        if record.stage != RENDERING:  # a worker took the job: it is no longer queued
            record.stage = RENDERING
            record.message = STARTED_MESSAGE
            self.store.save(record)
            self._logs[file_id].append(self._progress_event(record, 0, total))
        if done == 0:
            return
        fraction = done / total if total else 0.0
        if fraction < record.progress:
            return
        record.progress = fraction
        record.message = f"Rendering frame {done} of {total}"
        self._logs[file_id].append(self._progress_event(record, done, total))

    def _complete(self, record: FileRecord, video_name: str, poster_name: str) -> None:
        video_path = self.store.media_path(video_name)
        events = self._logs[record.id]
        if record.progress < 1.0:
            record.progress = 1.0
            record.message = "Finished"
            events.append(self._progress_event(record))
        record.status = COMPLETED
        record.stage = None
        record.progress = 1.0
        record.message = "Finished"
        record.media_name = video_name
        record.poster_name = poster_name
        record.content_type = "video/mp4"
        record.size = video_path.stat().st_size
        self.store.save(record)
        self._log_completion(events, record)
        log.info("job %s completed (%d bytes)", record.id, record.size)

    def _interrupt(self, record: FileRecord) -> None:
        """The service is stopping: leave the job unfinished, to be made at the next start."""
        if record.status != IN_PROGRESS:
            return
        record.stage = INTERRUPTED
        record.message = INTERRUPTED_MESSAGE
        self.store.save(record)
        log.info("job %s interrupted; it resumes when the renderer starts again", record.id)

    def _fail(self, record: FileRecord, message: str) -> None:
        if record.status != IN_PROGRESS:
            return
        record.status = ERROR
        record.stage = None
        record.error = message
        record.message = message
        self.store.save(record)
        self._log_failure(self._logs[record.id], record)
        log.warning("job %s failed: %s", record.id, message)
