"""The jobs in flight: what the progress cards show, fed by the bridge.

`JobsModel` attaches the `JobBridge` to the session's job manager and keeps
one `ActiveJob` per job a card shows: its title and model, the request it
was made with, and its latest `JobUpdate`. A finished job leaves the list
and offers its video (`videoReady`); a failed one stays, for Retry, until
dismissed. Submitting, retrying, checking and cancelling go through here.
Submitting goes through the queue (`app.ui.models.queue`) when the window
has one: sent at once while a slot is free, else waiting there; several
takes get seeds counting up (`app.api.requests.take_seeds`) and one group.
`count` is the cards, `inFlight` the jobs still on their way to a video;
`waiting_for` turns them (and the connection) into what the empty player says.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.api.models import GenerationRequest, aspect_of
from app.api.requests import take_seeds
from app.engine.errors import RetryWay, retry_way
from app.engine.manager import JobManager
from app.engine.queue import request_of
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.session import Session
from app.store.history import AsyncHistoryStore, JobRecord
from app.store.queue import QueueItem, Take
from app.ui.bridge import JobBridge
from app.ui.models.connection import ConnectionStatus
from app.ui.models.history import saved_request, source_image
from app.ui.models.job_facts import record_failure
from app.ui.models.observable import Observable
from app.ui.models.problems import NotConnected, SettingsNotFound
from app.ui.models.queue import QueueModel
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup

log = logging.getLogger("framecast.ui")


@dataclass(frozen=True)
class ActiveJob:
    job_id: str
    update: JobUpdate
    title: str = ""  # the prompt; empty while unknown
    model_label: str = ""
    duration: int | None = None
    aspect: str = ""
    started_at: float = 0.0
    take: Take | None = None  # one of several takes of one press of Generate


class Waiting(StrEnum):
    """What the empty player says about the jobs."""

    NOTHING = "nothing"  # nothing in flight: an invitation
    ON_ITS_WAY = "on_its_way"  # a video is being made
    OFFLINE = "offline"  # videos are being made, but the server can't be reached
    FAILED = "failed"  # every job left has failed


def waiting_for(in_flight: int, cards: int, connection: ConnectionStatus) -> Waiting:
    """The empty player's message from the jobs and the connection (one rule)."""
    if in_flight:
        return Waiting.OFFLINE if connection is ConnectionStatus.OFFLINE else Waiting.ON_ITS_WAY
    return Waiting.FAILED if cards else Waiting.NOTHING


class JobsModel(QObject):
    jobAdded = Signal(object)  # ActiveJob
    jobChanged = Signal(object)  # ActiveJob
    jobRemoved = Signal(str)  # job id
    updated = Signal(object)  # every JobUpdate of every job, card or not
    finished = Signal(object)  # a job's terminal JobUpdate, once
    videoReady = Signal(object)  # Video of a job that completed
    jobFailed = Signal(object)  # JobUpdate of a job that failed
    tokenRefused = Signal()
    countChanged = Signal(object)
    count = Observable(0)  # the cards: jobs in flight and failed ones kept for Retry
    inFlightChanged = Signal(object)
    inFlight = Observable(0)  # the jobs still on their way to a video
    submittingChanged = Signal(object)
    submitting = Observable(False)

    def __init__(
        self,
        history: AsyncHistoryStore,
        tasks: TaskGroup,
        model_label: Callable[[str | None], str],
        parent: QObject | None = None,
        *,
        queue: QueueModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.queue = queue
        if queue is not None:
            queue.set_sender(self._send_item)
        self._tasks = tasks
        self._model_label = model_label
        self._jobs: dict[str, ActiveJob] = {}
        self._records: dict[str, JobRecord] = {}  # the unfinished rows, read before resuming
        # Requests being handed to the manager: their first update shows their prompt.
        self._expected: dict[str, tuple[GenerationRequest, Take | None]] = {}
        self._manager: JobManager | None = None
        self.bridge = JobBridge(self)
        self.bridge.jobUpdated.connect(self._on_update)
        self.bridge.jobFinished.connect(self._on_finished)

    def job(self, job_id: str) -> ActiveJob | None:
        return self._jobs.get(job_id)

    def jobs(self) -> list[ActiveJob]:
        return list(self._jobs.values())

    # ------------------------------------------------------------------ the session

    def attach(self, session: Session | None) -> None:
        """Follow a new session's jobs (None: the session closed) and resume unfinished ones."""
        self.bridge.detach()
        if self.queue is not None:
            self.queue.attach(session)  # first: the resumed jobs count against its limit
        self._manager = session.manager if session is not None else None
        if self._manager is not None:
            self.bridge.attach(self._manager)
            self._tasks.spawn(self._resume(self._manager))

    def _need_manager(self) -> JobManager:
        if self._manager is None:
            raise NotConnected()
        return self._manager

    async def _resume(self, manager: JobManager) -> None:
        # The rows first: a resumed job's first update then shows its title at
        # once, never a card that says "New video" for a moment.
        try:
            self._records = {r.job_id: r for r in await self.history.unfinished()}
            job_ids = await manager.resume_unfinished()
        except Exception:
            log.exception("resuming unfinished jobs failed")
            job_ids = []
        if self.queue is not None and self._manager is manager:
            self._tasks.spawn(self.queue.start())  # the resumed jobs count against its limit
        for job_id in job_ids:
            record = self._records.get(job_id) or await self.history.get(job_id)
            if record is None:
                self._show(job_id, manager.snapshot(job_id), "", None, None)
            else:
                self._show_record(record, manager.snapshot(job_id))

    def _show_record(self, record: JobRecord, update: JobUpdate | None) -> None:
        request = None
        with contextlib.suppress(SettingsNotFound):
            request = saved_request(record)
        take = None
        if record.take_group and record.take_number and record.take_count:
            take = Take(record.take_group, record.take_number, record.take_count)
        self._show(record.job_id, update, record.prompt, request, record.model, take)

    # ------------------------------------------------------------------ actions

    async def submit(
        self, request: GenerationRequest, image: Path | None = None, takes: int = 1
    ) -> str:
        """Send a new job (or `takes` of them, seeds counting up from the
        request's), or queue it past the backend's limit; a card appears for
        each one sent. Returns the first one's id. Raises the backend's refusal."""
        manager = self._need_manager()
        self.submitting = True
        try:
            if self.queue is None:
                job_id = await manager.submit(request, source_image=image)
                model = request.generation_config_name
                self._show(job_id, manager.snapshot(job_id), request.prompt, request, model)
                return job_id
            seeds = take_seeds(request.seed, takes) if takes > 1 else [request.seed]
            batch = [request.model_copy(update={"seed": seed}) for seed in seeds]
            return (await self.queue.send_or_queue(batch, image))[0]
        finally:
            self.submitting = False

    async def _send_item(self, item: QueueItem) -> str:
        """Send one item of the queue; its card shows its prompt from the first update."""
        manager = self._need_manager()
        request = request_of(item)
        self._expected[item.item_id] = (request, item.take)
        try:
            job_id = await manager.submit(
                request, source_image=item.image, job_id=item.item_id, take=item.take
            )
        finally:
            self._expected.pop(item.item_id, None)
        model = request.generation_config_name
        self._show(job_id, manager.snapshot(job_id), request.prompt, request, model, item.take)
        return job_id

    async def retry(self, job_id: str) -> str:
        """Retry a failed job the one way its failure allows (`retry_way`):
        follow the same job again, its card live again under the same id; or
        send its request again as a new job, the failed card going. Returns
        the id of the job that now runs."""
        record = await self.history.get(job_id)
        if record is None:
            raise SettingsNotFound(job_id)
        if (
            record.file_id
            and retry_way(record_failure(record).failure, record.file_id) is RetryWay.FOLLOW
        ):
            job = self._jobs.get(job_id)
            if job is not None:  # the card's clock starts again with the new follow
                self._jobs[job_id] = replace(job, started_at=time.time())
            followed = await self._need_manager().track(record.file_id)
            if followed != job_id:  # the service's file is another row's now
                self.dismiss(job_id)
            return followed
        new_id = await self.submit(saved_request(record), source_image(record))
        self.dismiss(job_id)
        return new_id

    def check_now(self, job_id: str) -> None:
        if self._manager is not None:
            self._manager.check_now(job_id)

    async def cancel(self, job_id: str) -> None:
        """Stop following a job (the service may still finish it)."""
        await self._need_manager().cancel(job_id)

    def dismiss(self, job_id: str) -> None:
        if self._jobs.pop(job_id, None) is not None:
            self.jobRemoved.emit(job_id)
            self._recount()

    def _recount(self) -> None:
        self.count = len(self._jobs)
        self.inFlight = sum(not j.update.state.is_terminal for j in self._jobs.values())

    # ------------------------------------------------------------------ updates

    def _show(
        self,
        job_id: str,
        update: JobUpdate | None,
        title: str,
        request: GenerationRequest | None,
        model: str | None,
        take: Take | None = None,
    ) -> None:
        """Add a job's card, or fill in what the card did not know yet."""
        existing = self._jobs.get(job_id)
        if update is None:
            update = existing.update if existing else JobUpdate(job_id, JobState.SUBMITTING)
        job = ActiveJob(
            job_id=job_id,
            update=update,
            title=title,
            model_label=self._model_label(model),
            duration=request.duration if request else None,
            aspect=aspect_of(request.width, request.height) if request else "",
            started_at=existing.started_at if existing else time.time(),
            take=take or (existing.take if existing else None),
        )
        if job.update.state in (JobState.COMPLETED, JobState.CANCELLED):
            return
        self._jobs[job_id] = job
        if existing is None:
            self.jobAdded.emit(job)
        else:
            self.jobChanged.emit(job)
        self._recount()

    def _on_update(self, update: JobUpdate) -> None:
        job = self._jobs.get(update.job_id)
        if job is not None:
            job = replace(job, update=update)
            self._jobs[update.job_id] = job
            self.jobChanged.emit(job)
        elif update.state not in (JobState.COMPLETED, JobState.CANCELLED):
            record = self._records.get(update.job_id)
            expected = self._expected.get(update.job_id)
            if record is not None:
                self._show_record(record, update)
            elif expected is not None:
                request, take = expected
                model = request.generation_config_name
                self._show(update.job_id, update, request.prompt, request, model, take)
            else:
                job = ActiveJob(update.job_id, update, started_at=time.time())
                self._jobs[update.job_id] = job
                self.jobAdded.emit(job)
        self._recount()
        self.updated.emit(update)

    def _on_finished(self, update: JobUpdate) -> None:
        job = self._jobs.get(update.job_id)
        if update.state is JobState.COMPLETED:
            self.dismiss(update.job_id)
            if update.path:
                poster = Path(update.thumbnail) if update.thumbnail else None
                title = job.title if job is not None else ""
                self.videoReady.emit(Video(Path(update.path), poster, title, update.url))
        elif update.state is JobState.CANCELLED:
            self.dismiss(update.job_id)
        elif update.state is JobState.FAILED:
            if update.error_kind is ErrorKind.AUTH:
                self.tokenRefused.emit()
            self.jobFailed.emit(update)
        self.finished.emit(update)
