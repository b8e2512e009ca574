"""Many jobs at once, on one shared client, remembered across restarts.

`JobManager` is the engine's front door for the window and the CLI: it
writes a job to the history before the first network wait, runs one
`JobTracker` per job, fans every `JobUpdate` out to subscribers, keeps the
history row in step (state changes at once, progress at most once a second),
and on start-up resumes every job that had not finished. Stopping the
manager (`aclose`) stops following without marking anything cancelled, so
the next run picks the jobs up again.

Each job runs under a supervisor: an exception that escapes its tracker is
logged with its traceback and ends the job as failed (never a crashed task
and a job left "downloading"). While a process follows a job, the history
row names it (`follower_pid`); a row still naming a dead process at the next
start means that process died while following it. Such a job is resumed,
unless it died while saving the video (which may crash again the same way)
or it has happened `MAX_INTERRUPTIONS` times: then the job is failed
(`ErrorKind.INTERRUPTED`) and Retry follows it again (`track`). A job the service never
confirmed is failed as `ErrorKind.UNCONFIRMED`: it may not exist there. A job
another live process follows is left to that process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
import uuid
from collections.abc import Callable, Coroutine
from pathlib import Path

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest, safe_id
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import Downloader
from app.engine.errors import InterruptedTooOftenError, InterruptedWhileSavingError, JobError
from app.engine.tracker import JobTracker
from app.engine.updates import ErrorKind, FailureDetail, JobState, JobUpdate
from app.store.history import AsyncHistoryStore, JobRecord, utc_now
from app.store.queue import Take

log = logging.getLogger("framecast.engine")

Subscriber = Callable[[JobUpdate], None]

#: Progress-only changes reach the history at most this often (seconds).
PROGRESS_WRITE_INTERVAL = 1.0

#: A job whose follower died this many times is failed instead of resumed again.
MAX_INTERRUPTIONS = 3


def process_alive(pid: int) -> bool:
    """True when a process with this id exists (it may be another user's)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return bool(kernel32.WaitForSingleObject(handle, 0) == 0x102)  # WAIT_TIMEOUT
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def update_from_record(record: JobRecord) -> JobUpdate:
    """A tracker's starting snapshot for a job read back from the history."""
    return JobUpdate(
        job_id=record.job_id,
        state=JobState(record.state),
        file_id=record.file_id,
        project_id=record.project_id,
        progress=record.progress,
        server_progress=record.server_progress,
        url=record.url,
        path=record.local_path,
        thumbnail=record.thumbnail_path,
        error_kind=_kind(record.error_kind),
        error_detail=FailureDetail.from_json(record.error_detail),
        server_message=record.server_message,
    )


def _kind(value: str | None) -> ErrorKind | None:
    """A row's error kind; one this Framecast does not know reads as internal."""
    if value is None:
        return None
    try:
        return ErrorKind(value)
    except ValueError:
        return ErrorKind.INTERNAL


def _record_fields(update: JobUpdate) -> dict[str, object]:
    return {
        "state": update.state,
        "progress": update.progress,
        "server_progress": update.server_progress,
        "file_id": update.file_id,
        "project_id": update.project_id,
        "url": update.url,
        "local_path": update.path,
        "thumbnail_path": update.thumbnail,
        **_failure_fields(update.error_kind, update.error_detail, update.server_message),
    }


def _failure_fields(
    kind: ErrorKind | None, detail: FailureDetail | None = None, server_message: str | None = None
) -> dict[str, object]:
    """A failure's facts as the history's columns keep them."""
    return {
        "error_kind": kind,
        "error_detail": detail.to_json() if detail is not None else None,
        "server_message": server_message,
    }


class JobManager:
    def __init__(
        self,
        client: SuperDuperClient,
        history: AsyncHistoryStore,
        *,
        videos_dir: Path,
        config: EngineConfig | None = None,
        diagnostics: Diagnostics | None = None,
        backend_id: str | None = None,
    ) -> None:
        config = config or EngineConfig()
        self.client = client
        self.history = history
        self.videos_dir = videos_dir
        self.config = config
        self.diagnostics = diagnostics or Diagnostics()
        #: What the history records as this job's backend: the URL, or a stable
        #: name for the built-in renderer whose port changes every run.
        self.backend_id = backend_id or client.base_url
        self.downloader = Downloader(
            client, videos_dir, config=config, diagnostics=self.diagnostics
        )
        self._trackers: dict[str, JobTracker] = {}
        self._tasks: dict[str, asyncio.Task[JobUpdate]] = {}
        self._by_file: dict[str, str] = {}
        self._subscribers: list[Subscriber] = []
        self._last_write: dict[str, tuple[float, JobState]] = {}
        self._writes: set[asyncio.Task[None]] = set()
        self._closed = False

    # ------------------------------------------------------------------ observing

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback` with every update of every job; returns the unsubscriber."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._subscribers.remove(callback)

        return unsubscribe

    def snapshot(self, job_id: str) -> JobUpdate | None:
        tracker = self._trackers.get(job_id)
        return tracker.snapshot if tracker else None

    async def wait(self, job_id: str) -> JobUpdate:
        """Wait for the job's terminal update."""
        return await asyncio.shield(self._tasks[job_id])

    # ------------------------------------------------------------------ starting jobs

    async def submit(
        self,
        request: GenerationRequest,
        *,
        source_image: Path | None = None,
        job_id: str | None = None,
        take: Take | None = None,
    ) -> str:
        """Record a new job, then start it; returns its id at once.

        `job_id` is the id a queued item was given (the queue's proof, at the
        next start, that its row was written before anything was sent);
        `take` the takes it is one of."""
        job_id = job_id or uuid.uuid4().hex
        record = JobRecord(
            job_id=job_id,
            prompt=request.prompt,
            model=request.generation_config_name,
            request_json=request.model_dump_json(),
            backend_url=self.backend_id,
            source_image=str(source_image) if source_image else None,
            state=JobState.SUBMITTING,
            follower_pid=os.getpid(),
            take_group=take.group if take else None,
            take_number=take.number if take else None,
            take_count=take.count if take else None,
        )
        await self.history.insert(record)
        tracker = self._new_tracker(job_id, JobUpdate(job_id=job_id, state=JobState.SUBMITTING))
        self._start(job_id, tracker.run_new(request, source_image))
        return job_id

    async def track(self, file_id: str) -> str:
        """Follow a job created elsewhere (or earlier) by its file id. A job
        this manager follows already keeps its id; one that ended here (failed,
        cancelled) is followed again from its history row, under the same id."""
        file_id = safe_id(file_id)
        known = self._by_file.get(file_id)
        if known is not None and known in self._tasks:
            if not self._trackers[known].snapshot.state.is_terminal:
                return known
            # Ended, perhaps still writing its ending down: let it, so the new
            # follow's claim on the row is not undone by the old one's release.
            await asyncio.wait({self._tasks[known]})
        record = await self.history.find_by_file_id(file_id)
        if record is not None and (
            record.state != JobState.COMPLETED
            or (record.local_path and Path(record.local_path).exists())
        ):
            initial = update_from_record(record)
            if initial.state in (JobState.FAILED, JobState.CANCELLED):
                initial = JobUpdate(
                    job_id=record.job_id,
                    state=JobState.QUEUED,
                    file_id=file_id,
                    project_id=record.project_id,
                    progress=record.progress,
                )
            job_id = record.job_id
            await self.history.update(job_id, follower_pid=os.getpid())
        else:
            job_id = uuid.uuid4().hex
            await self.history.insert(
                JobRecord(
                    job_id=job_id,
                    backend_url=self.backend_id,
                    file_id=file_id,
                    state=JobState.QUEUED,
                    follower_pid=os.getpid(),
                )
            )
            initial = JobUpdate(job_id=job_id, state=JobState.QUEUED, file_id=file_id)
        tracker = self._new_tracker(job_id, initial, started_at=None)
        self._start(job_id, tracker.follow())
        return job_id

    async def resume_unfinished(self) -> list[str]:
        """Pick up every job of this backend that had not finished; returns their ids."""
        resumed: list[str] = []
        for record in await self.history.unfinished():
            if record.backend_url != self.backend_id or record.job_id in self._tasks:
                continue
            if not record.file_id and not record.project_id:
                await self.history.update(
                    record.job_id,
                    state=JobState.FAILED,
                    **_failure_fields(ErrorKind.UNCONFIRMED),
                    finished_at=utc_now(),
                    follower_pid=None,
                )
                continue
            if not await self._claim(record):
                continue
            log.info("resuming job %s (%s)", record.job_id[:8], record.state)
            tracker = self._new_tracker(record.job_id, update_from_record(record))
            self._start(record.job_id, tracker.follow())
            resumed.append(record.job_id)
        return resumed

    async def _claim(self, record: JobRecord) -> bool:
        """Take over an unfinished job for this process, unless another live
        process follows it or its last follower died in a way not to repeat
        (then it is failed here). True when this process should follow it."""
        pid = record.follower_pid
        if pid is not None and pid != os.getpid() and process_alive(pid):
            log.info("job %s is followed by process %d; leaving it", record.job_id[:8], pid)
            return False
        interruptions = record.interruptions
        failure: JobError | None = None
        if pid is not None and pid != os.getpid():
            interruptions += 1
            log.warning(
                "job %s: Framecast stopped while following it (%d time(s), last while %s)",
                record.job_id[:8],
                interruptions,
                record.state,
            )
            if record.state == JobState.DOWNLOADING:
                failure = InterruptedWhileSavingError()
            elif interruptions >= MAX_INTERRUPTIONS:
                failure = InterruptedTooOftenError(interruptions)
        if failure is not None:
            await self.history.update(
                record.job_id,
                state=JobState.FAILED,
                **_failure_fields(failure.kind, failure.failure_detail()),
                interruptions=interruptions,
                follower_pid=None,
            )
            return False
        await self.history.update(
            record.job_id, follower_pid=os.getpid(), interruptions=interruptions
        )
        return True

    # ------------------------------------------------------------------ control

    def check_now(self, job_id: str) -> None:
        tracker = self._trackers.get(job_id)
        if tracker is not None:
            tracker.check_now()

    async def cancel(self, job_id: str) -> JobUpdate | None:
        """Stop following a job; its record says the service may still finish it."""
        tracker = self._trackers.get(job_id)
        if tracker is None:
            return None
        tracker.cancel()
        return await self.wait(job_id)

    async def aclose(self) -> None:
        """Stop following everything, leaving unfinished jobs resumable."""
        self._closed = True
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._writes:
            await asyncio.gather(*self._writes, return_exceptions=True)

    # ------------------------------------------------------------------ internals

    def _new_tracker(
        self, job_id: str, initial: JobUpdate, started_at: float | None = None
    ) -> JobTracker:
        tracker = JobTracker(
            job_id,
            self.client,
            self.downloader,
            config=self.config,
            diagnostics=self.diagnostics,
            emit=self._emit,
            persist=self._persist,
            initial=initial,
            started_at=started_at,
        )
        self._trackers[job_id] = tracker
        return tracker

    def _start(self, job_id: str, coro: Coroutine[object, object, JobUpdate]) -> None:
        task = asyncio.create_task(self._supervised(job_id, coro), name=f"job-{job_id}")
        self._tasks[job_id] = task
        task.add_done_callback(lambda t: self._job_done(job_id, t, coro))
        self._emit(self._trackers[job_id].snapshot)

    async def _supervised(
        self, job_id: str, coro: Coroutine[object, object, JobUpdate]
    ) -> JobUpdate:
        """The job's boundary: whatever escapes its tracker ends it as failed."""
        tracker = self._trackers[job_id]
        try:
            return await coro
        except Exception as exc:
            log.error("job %s crashed; marking it failed", job_id[:8], exc_info=exc)
            return await tracker.crashed(exc)
        finally:
            # Not followed by this process any more (done, failed or stopped):
            # the next start must not take this for a process that died.
            try:
                await self.history.update(job_id, follower_pid=None)
            except Exception:
                log.warning("could not release job %s in the history", job_id[:8])

    def _job_done(
        self, job_id: str, task: asyncio.Task[JobUpdate], coro: Coroutine[object, object, JobUpdate]
    ) -> None:
        # A task cancelled before its first step never started the tracker's
        # coroutine: close it, or Python warns that it was never awaited.
        coro.close()
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # only a failure of the supervisor itself
            log.error("job %s crashed: %r", job_id[:8], exc, exc_info=exc)

    def _emit(self, update: JobUpdate) -> None:
        if update.file_id:
            self._by_file.setdefault(update.file_id, update.job_id)
        for callback in list(self._subscribers):
            try:
                callback(update)
            except Exception:
                log.exception("an update subscriber failed")
        self._maybe_write(update)

    def _maybe_write(self, update: JobUpdate) -> None:
        """Keep the history in step without a write per progress tick."""
        if self._closed:
            return
        now = time.monotonic()
        last = self._last_write.get(update.job_id)
        if last is not None and last[1] == update.state and now - last[0] < PROGRESS_WRITE_INTERVAL:
            return
        self._last_write[update.job_id] = (now, update.state)
        task = asyncio.get_running_loop().create_task(self._write(update.job_id))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def _write(self, job_id: str) -> None:
        # The newest snapshot, not the one that scheduled this write: a write
        # that runs late must not put back an older state.
        update = self._trackers[job_id].snapshot
        try:
            await self.history.update(job_id, **_record_fields(update))
        except Exception:
            log.exception("could not record job %s", update.job_id[:8])

    async def _persist(self, update: JobUpdate) -> None:
        """A write the tracker waits for: ids, downloads and endings."""
        self._last_write[update.job_id] = (time.monotonic(), update.state)
        await self.history.update(update.job_id, **_record_fields(update))
