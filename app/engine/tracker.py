"""One job's state machine, fed by the event stream and the poller.

```
submitting → queued → processing → downloading → completed
     └──────────┴──────────┴────────────┴──────→ failed | cancelled
```
SSE and polling are two inputs, never two owners: whichever first reports a
result URL or a failure decides the outcome, once; everything after is
logged as a duplicate and ignored. An event that only names a file, or a
project entry holding a file id, is never an outcome by itself: the file is
fetched and judged. Progress is normalised to 0..1 (servers send a fraction
or a percentage; the stream and the polled file each keep their own scale)
and never goes backwards. Every change is published as a `JobUpdate` snapshot;
it holds facts only (a `Stage`, an `ErrorKind` with its detail), and server
text in it (progress words, a failure's reason, the URL) is cleaned on the way
(control characters removed, the token redacted) so no screen, terminal or
history row gets it raw.

The tracker is the boundary of its job: an exception escaping the event
stream, the poller, a handler or the download is logged with its traceback
and ends the job as failed (`InternalError`), never a hang; answers polling
can't read end it after a few in a row (while polling carries the job); and a
job that spends its budget of checks ends too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal, cast

from app.api.client import SuperDuperClient, check_http_url
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    NotFoundError,
    ProtocolError,
    RateLimitedError,
    UnsafeUrlError,
)
from app.api.models import (
    CreatedGeneration,
    DataMessage,
    ErrorMessage,
    FileMessage,
    FileObject,
    FileReference,
    GenerationRequest,
    ProjectEntry,
    ProjectObject,
    Reference,
    RenderProgress,
    RenderResult,
    StreamMessage,
    Task,
    TaskMessage,
    TaskStatusMessage,
    is_safe_id,
    safe_id,
)
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import Downloader
from app.engine.errors import (
    FollowBudgetSpentError,
    InternalError,
    JobError,
    UnreadableAnswersError,
    error_kind_of,
    server_reason_of,
)
from app.engine.poller import Poller
from app.engine.sse import EventStream, StreamState
from app.engine.updates import (
    ConnectionState,
    ErrorKind,
    FailureDetail,
    JobState,
    JobUpdate,
    Stage,
    Transport,
    stage_of_state,
    with_changes,
)
from app.logs import clean_text, redact

log = logging.getLogger("framecast.engine")

#: A `task` error often comes just before an `error` event that says why:
#: wait this long for the reason before failing with a generic one.
FAILURE_REASON_GRACE = 1.0

_ORDER = [JobState.SUBMITTING, JobState.QUEUED, JobState.PROCESSING, JobState.DOWNLOADING]

Persist = Callable[[JobUpdate], Awaitable[None]]
Emit = Callable[[JobUpdate], None]


class _Outcome:
    """What ends the following phase: a result URL, a failure, or (neither) a cancel."""

    def __init__(
        self,
        url: str | None = None,
        kind: ErrorKind | None = None,
        detail: FailureDetail | None = None,
        server_message: str | None = None,
    ) -> None:
        self.url = url
        self.kind = kind
        self.detail = detail
        self.server_message = server_message

    @classmethod
    def of(cls, failure: JobError) -> _Outcome:
        return cls(kind=failure.kind, detail=failure.failure_detail())

    @classmethod
    def of_api(cls, exc: ApiError) -> _Outcome:
        return cls(kind=error_kind_of(exc), server_message=server_reason_of(exc))


#: Fields of a `JobUpdate` that hold the server's own words.
_SERVER_TEXT = ("server_progress", "server_message")


def _clean_server_text(changes: dict[str, object]) -> None:
    """Server text as it may be shown and stored: no control characters, no
    token. The URL is only redacted; the download uses the real one."""
    for name in _SERVER_TEXT:
        text = changes.get(name)
        if isinstance(text, str):
            changes[name] = clean_text(text)
    url = changes.get("url")
    if isinstance(url, str):
        changes["url"] = redact(url)


class ProgressScale:
    """Turns one stream's progress numbers into fractions.

    Servers count in percent (0-100) or in fractions (0-1), and each input
    (the event stream, the polled file) keeps its own scale. A value above 1
    means percent. A value at or below 1 that is not whole means the stream
    sends fractions, and from then on 1 means 100 %. Before either is known,
    0 and 1 are read as percent: a fraction stream that says 1 is done and a
    result follows anyway, while reading a percent stream's 1 as done would
    pin its progress at 100 % from the start."""

    def __init__(self) -> None:
        self.unit: Literal["unknown", "percent", "fraction"] = "unknown"

    def fraction(self, value: float | None, current: float | None = None) -> float | None:
        """`value` as 0..1, or None when it is no progress at all. `current`
        (the job's progress) is accepted for callers that pass it; the
        stream's own history decides the scale."""
        if value is None or not math.isfinite(value) or value < 0:
            return None
        if value > 1.0:
            self.unit = "percent"
        elif self.unit == "unknown" and not float(value).is_integer():
            self.unit = "fraction"
        if self.unit == "fraction" and value <= 1.0:
            return value
        return min(1.0, value / 100.0)


class JobTracker:
    def __init__(
        self,
        job_id: str,
        client: SuperDuperClient,
        downloader: Downloader,
        *,
        config: EngineConfig,
        diagnostics: Diagnostics,
        emit: Emit,
        persist: Persist,
        initial: JobUpdate | None = None,
        started_at: float | None = None,
    ) -> None:
        self.job_id = job_id
        self.client = client
        self.downloader = downloader
        self.config = config
        self.diagnostics = diagnostics
        self._emit = emit
        self._persist = persist
        snapshot = initial or JobUpdate(job_id=job_id, state=JobState.SUBMITTING)
        if snapshot.stage is None:  # a new job, or one read back from the history
            snapshot = replace(snapshot, stage=stage_of_state(snapshot.state))
        self.snapshot = snapshot
        #: One scale per input: the stream and the polled file may count differently.
        self._scales = {"sse": ProgressScale(), "poll": ProgressScale()}
        #: `GET file/{id}` lookups of files a project or an event named, by file id.
        self._lookups: dict[str, asyncio.Task[None]] = {}
        #: Files looked up that are not this job's video (a source picture, ...).
        self._not_the_video: set[str] = set()
        self._started = started_at if started_at is not None else time.monotonic()
        self._outcome: asyncio.Future[_Outcome] | None = None
        self._poller: Poller | None = None
        self._stream: EventStream | None = None
        self._pending_failure: asyncio.TimerHandle | None = None
        self._offline_since: float | None = None
        self._cancel_requested = False
        self._poll_ok = False
        self._task: asyncio.Task[object] | None = None
        self._protocol_errors = 0
        self.duplicates_ignored = 0

    # ------------------------------------------------------------------ state

    @property
    def label(self) -> str:
        return f"job {self.job_id[:8]}"

    def _publish(self, **changes: object) -> None:
        if "server_progress" in changes or "server_message" in changes or "url" in changes:
            _clean_server_text(changes)
        if "state" in changes and "stage" not in changes:
            changes["stage"] = stage_of_state(cast(JobState, changes["state"]))
        current = self.snapshot.__dict__
        if all(name in current and current[name] == value for name, value in changes.items()):
            return  # nothing new: no update
        self.snapshot = with_changes(self.snapshot, changes)
        self._emit(self.snapshot)

    def _advance(self, state: JobState, **changes: object) -> bool:
        """Move forward along submitting→downloading (with other changes in
        the same update); never backwards, never out of a terminal state."""
        current = self.snapshot.state
        if current.is_terminal or state == current:
            return False
        if _ORDER.index(state) < _ORDER.index(current):
            return False
        log.info("%s: %s -> %s", self.label, current, state)
        self._publish(state=state, **changes)
        return True

    def _set_progress(
        self, raw: float | None, message: str | None = None, *, source: str = "sse"
    ) -> None:
        current = self.snapshot.progress
        value = self._scales[source].fraction(raw, current)
        changes: dict[str, object] = {}
        if value is not None and (current is None or value > current):
            changes["progress"] = value
        if message:
            changes["server_progress"] = message
        if changes:
            self._publish(**changes)

    # ------------------------------------------------------------------ control

    def check_now(self) -> None:
        """Ask the backend now (the user pressed Check now)."""
        if self._poller is not None:
            self._poller.poll_now()

    def cancel(self) -> None:
        """Stop following. The backend has no cancel call: the job may still
        finish there, and its record says so."""
        if self.snapshot.state.is_terminal:
            return  # already over: interrupting its last history write would lose it
        self._cancel_requested = True
        if self._outcome is not None and not self._outcome.done():
            self._outcome.set_result(_Outcome())
        elif self._task is not None and not self._task.done():
            self._task.cancel()

    # ------------------------------------------------------------------ running

    async def run_new(self, request: GenerationRequest, source_image: Path | None) -> JobUpdate:
        """Create the job on the backend, then follow it to the end."""
        self._task = asyncio.current_task()
        try:
            created = await self._create(request, source_image)
            self._publish(
                file_id=created.file_id, project_id=created.project_id, state=JobState.QUEUED
            )
            await self._persist(self.snapshot)
        except ApiError as exc:
            log.info("%s: could not create the job: %s", self.label, exc)
            return await self._end(_Outcome.of_api(exc))
        except asyncio.CancelledError:
            if self._cancel_requested:
                return await self._finish_cancelled()
            raise
        return await self.follow()

    async def _create(
        self, request: GenerationRequest, source_image: Path | None
    ) -> CreatedGeneration:
        attempt = 0
        while True:
            attempt += 1
            try:
                if source_image is not None and not request.references:
                    self._publish(stage=Stage.UPLOADING)
                    uploaded = await self.client.upload_image(source_image)
                    request = request.model_copy(
                        update={"references": [Reference(reference_id=safe_id(uploaded.id))]}
                    )
                self._publish(stage=Stage.SENDING)
                return await self.client.generate_video(request)
            except RateLimitedError as exc:
                if attempt >= self.config.create_attempts:
                    raise
                delay = min(exc.retry_after or 2.0 * attempt, self.config.retry_after_max)
            except BackendUnavailableError as exc:
                # Only repeat a create that certainly never reached the server:
                # anything else might charge the user twice.
                if exc.request_sent and exc.status not in (502, 503, 504):
                    raise
                if attempt >= self.config.create_attempts:
                    raise
                delay = min(0.5 * 2 ** (attempt - 1), 8.0)
                self._publish(connection=ConnectionState.OFFLINE)
            log.info("%s: create attempt %d failed; retrying in %.1f s", self.label, attempt, delay)
            await asyncio.sleep(delay)

    async def follow(self) -> JobUpdate:
        """Follow an existing job (its file id or project id is known)."""
        self._task = asyncio.current_task()
        snap = self.snapshot
        if snap.state.is_terminal:
            return snap
        loop = asyncio.get_running_loop()
        self._outcome = loop.create_future()
        if self._cancel_requested:
            self._outcome.set_result(_Outcome())
        file_id, project_id = snap.file_id, snap.project_id
        channel = f"file.{file_id}" if file_id else f"project.{project_id}"
        if snap.state == JobState.SUBMITTING:
            self._advance(JobState.QUEUED)
        self._stream = EventStream(
            self.client,
            channel,
            config=self.config,
            diagnostics=self.diagnostics,
            on_message=self._on_message,
            on_state=self._on_stream_state,
            job_label=self.label,
        )
        self._poller = Poller(
            self.client,
            file_id=file_id,
            project_id=project_id,
            config=self.config,
            diagnostics=self.diagnostics,
            on_file=self._on_file,
            on_project=self._on_project,
            on_error=self._on_poll_error,
            on_success=self._on_poll_success,
            label=self.label,
        )
        self._publish(connection=ConnectionState.CONNECTING)
        stream_task = asyncio.create_task(self._run_stream(), name=f"sse-{self.job_id}")
        poll_task = asyncio.create_task(self._poller.run(), name=f"poll-{self.job_id}")
        stream_task.add_done_callback(self._supervise)
        poll_task.add_done_callback(self._supervise)
        try:
            outcome = await self._outcome
        except asyncio.CancelledError:
            if not self._cancel_requested:
                raise
            outcome = _Outcome()
        finally:
            for task in (stream_task, poll_task):
                task.cancel()
            for task in (stream_task, poll_task):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            if self._pending_failure is not None:
                self._pending_failure.cancel()
            for lookup in self._lookups.values():
                lookup.cancel()
        if self._cancel_requested:
            return await self._finish_cancelled()
        if outcome.url is None:
            return await self._end(outcome)
        return await self._download(outcome.url)

    def _supervise(self, task: asyncio.Task[None]) -> None:
        """The stream's or the poller's end: a crash fails the job (never a
        silent hang); a poller that returns has spent its budget."""
        if task.cancelled() or self._outcome is None or self._outcome.done():
            return  # stopped on purpose, or the job was decided already
        exc = task.exception()
        if exc is not None:
            log.error("%s: %s crashed; failing the job", self.label, task.get_name(), exc_info=exc)
            self._decide(_Outcome.of(InternalError()))
        elif task.get_name().startswith("poll-"):
            assert self._poller is not None
            self._decide(_Outcome.of(FollowBudgetSpentError(self._poller.polls_made)))

    async def _run_stream(self) -> None:
        assert self._stream is not None
        try:
            await self._stream.run()
        except AuthenticationError as exc:
            self._decide(_Outcome.of_api(exc))
        # Returning otherwise means the stream spent its budget: polling goes on alone.

    # ------------------------------------------------------------------ inputs

    def _decide(self, outcome: _Outcome) -> None:
        """The first outcome wins; later ones are duplicates."""
        if self._outcome is None or self._outcome.done():
            self.duplicates_ignored += 1
            log.debug("%s: ignored a duplicate outcome", self.label)
            return
        self._outcome.set_result(outcome)

    def _found_result(self, url: str, source: str) -> None:
        if self._outcome is None or self._outcome.done():
            self.duplicates_ignored += 1
            log.debug("%s: duplicate result from %s ignored", self.label, source)
            return
        try:
            check_http_url(url)
        except UnsafeUrlError:
            log.warning("%s: %s gave a non-http(s) result URL; refusing it", self.label, source)
            self._decide(_Outcome(kind=ErrorKind.DOWNLOAD))
            return
        log.info("%s: result found by %s", self.label, source)
        self._publish(url=url)
        self._decide(_Outcome(url=url))

    def _failed(self, reason: str | None, *, wait_for_reason: bool = False) -> None:
        """The service says the render failed, with its reason (its own words)
        or without: then wait a moment for an `error` event that gives one."""
        if self._outcome is None or self._outcome.done():
            return
        if wait_for_reason and not reason:
            if self._pending_failure is None:
                loop = asyncio.get_running_loop()
                self._pending_failure = loop.call_later(FAILURE_REASON_GRACE, self._failed, None)
            return
        self._decide(_Outcome(kind=ErrorKind.RENDER, server_message=reason or None))

    def _on_message(self, message: StreamMessage) -> None:
        if self._poller is not None:
            self._poller.note_stream_activity()
        if isinstance(message, RenderProgress):
            self._advance(JobState.PROCESSING)
            self._set_progress(message.value, message.message)
        elif isinstance(message, RenderResult):
            if message.url:
                self._found_result(message.url, "sse:render_result")
            else:
                self.check_now()
        elif isinstance(message, FileMessage):
            self._on_file(message.file, source="sse:file")
        elif isinstance(message, FileReference):
            self._look_at_file(message.file_id)
        elif isinstance(message, TaskMessage):
            self._on_task(message.task)
        elif isinstance(message, TaskStatusMessage):
            status = message.status.lower()
            if status == "completed":
                self.check_now()
            elif status in ("error", "failed"):
                self._failed(None, wait_for_reason=True)
        elif isinstance(message, ErrorMessage):
            self._failed(message.error)
        elif isinstance(message, DataMessage):
            self._on_entry(message.entry, "sse:data")

    def _is_other_file(self, file_id: str | None) -> bool:
        ours = self.snapshot.file_id
        return bool(file_id and ours and file_id != ours)

    def _on_task(self, task: Task) -> None:
        """A `task` event: progress, a result URL when completed, or a failure.
        A task of another file (an upload on a shared channel) is not ours."""
        if self._is_other_file(task.file_id):
            return
        if task.progress is not None and task.state not in ("error", "failed"):
            if task.progress > 0:
                self._advance(JobState.PROCESSING)
            self._set_progress(task.progress)
        if task.state == "completed":
            if task.result_url:
                self._found_result(task.result_url, "sse:task")
            elif task.file_id and not self.snapshot.file_id:
                self._look_at_file(task.file_id)
            else:
                self.check_now()
        elif task.state in ("error", "failed"):
            self._failed(task.error_text, wait_for_reason=True)

    def _look_at_file(self, file_id: str) -> None:
        """An event named a file without describing it: ask for it now. Our own
        file goes through the poller; a file of the project is looked up once."""
        if file_id == self.snapshot.file_id:
            self.check_now()
        elif not self._is_other_file(file_id):
            self._resolve_file(file_id)

    def _resolve_file(self, file_id: str) -> None:
        if file_id in self._lookups or file_id in self._not_the_video:
            return
        if not is_safe_id(file_id):
            log.warning("%s: ignoring a file id that is not URL-safe", self.label)
            return
        if self._outcome is None or self._outcome.done():
            return
        task = asyncio.get_running_loop().create_task(self._fetch_file(file_id))
        self._lookups[file_id] = task

    async def _fetch_file(self, file_id: str) -> None:
        try:
            file = await self.client.get_file(file_id)
        except ApiError as exc:
            log.info("%s: looking up file %s failed (%s)", self.label, file_id[:8], exc)
            return
        finally:
            self._lookups.pop(file_id, None)
        if not file.is_video:
            self._not_the_video.add(file_id)
            return
        self._on_file(file, source="lookup")

    def _on_file(self, file: FileObject, source: str = "poll") -> None:
        """A file object, from a poll of our file (`poll`), an event (`sse:file`)
        or a lookup of a file the project named (`lookup`). A poll of our own
        file is done when it has a url; any other needs a url that plays as video."""
        if self._is_other_file(file.id):
            return
        if file.progress is not None and source != "lookup":
            before = self.snapshot.progress or 0.0
            if file.progress > 0:
                self._advance(JobState.PROCESSING)
            self._set_progress(file.progress, source="poll" if source == "poll" else "sse")
            if (
                source == "poll"
                and self._poller is not None
                and self._poller.quiet
                and self._stream is not None
                and (self.snapshot.progress or 0.0) > before + 0.005
            ):
                # The service moved on while the "live" stream said nothing:
                # it is stale (a dead proxy or NAT), so connect again now.
                self._stream.restart("the stream fell behind the service")
        if file.url and (source == "poll" or file.is_video_result):
            self._found_result(file.url, source)
        elif file.failed_task is not None:
            self._failed(file.failed_task.error_text, wait_for_reason=source.startswith("sse"))

    def _on_entry(self, entry: ProjectEntry, source: str) -> None:
        """A project data entry: a video url is the result; a file id is looked up."""
        url = entry.video_url
        if url is not None:
            self._found_result(url, source)
        elif entry.file_id is not None and not self._is_other_file(entry.file_id):
            self._look_at_file(entry.file_id)

    def _on_project(self, project: ProjectObject) -> None:
        """A polled project: a video entry is the result, else any task in
        error fails the job, else the files its entries name are looked up."""
        urls = project.video_urls()
        if urls:
            self._found_result(urls[0], "poll:project")
            return
        failed = project.failed_task
        if failed is not None:
            self._failed(failed.error_text)
            return
        for file_id in project.file_ids():
            if not self._is_other_file(file_id):
                self._look_at_file(file_id)

    def _on_stream_state(self, state: StreamState, reason: str) -> None:
        assert self._poller is not None
        if state == StreamState.LIVE:
            self._poller.set_primary(False)
            self._offline_since = None
            self._publish(
                transport=Transport.SSE, connection=ConnectionState.LIVE, poll_interval=None
            )
            return
        # Anything but live: polling carries the job, at once.
        self._poller.set_primary(True)
        if self._poll_ok:
            connection = ConnectionState.LIVE
        else:
            connection = {
                StreamState.OFFLINE: ConnectionState.OFFLINE,
                StreamState.RECONNECTING: ConnectionState.RECONNECTING,
            }.get(state, ConnectionState.CONNECTING)
        self._publish(
            transport=Transport.POLLING,
            connection=connection,
            poll_interval=round(self._poller.interval, 1),
        )

    def _on_poll_success(self) -> None:
        self._offline_since = None
        self._poll_ok = True
        self._protocol_errors = 0
        if self._poller is not None and self._poller.primary:
            self._publish(
                transport=Transport.POLLING,
                connection=ConnectionState.LIVE,
                poll_interval=round(self._poller.interval, 1),
            )

    def _on_poll_error(self, exc: ApiError) -> None:
        self._poll_ok = False
        if isinstance(exc, ProtocolError):
            # One unreadable answer may be a glitch; the same every time is not.
            # They count only while polling carries the job: a live stream
            # may still deliver the outcome.
            log.warning("%s: unreadable answer to a poll: %s", self.label, exc.detail[:200])
            if self._poller is None or self._poller.primary:
                self._protocol_errors += 1
            if self._protocol_errors >= self.config.protocol_error_limit:
                self._decide(_Outcome.of(UnreadableAnswersError(self._protocol_errors)))
        elif isinstance(exc, AuthenticationError):
            self._decide(_Outcome.of_api(exc))
        elif isinstance(exc, NotFoundError):
            if time.monotonic() - self._started > self.config.not_found_grace:
                self._decide(_Outcome(kind=ErrorKind.GONE))
        elif isinstance(exc, BackendUnavailableError):
            now = time.monotonic()
            if self._offline_since is None:
                self._offline_since = now
            if self._stream is None or self._stream.state != StreamState.LIVE:
                self._publish(
                    connection=ConnectionState.OFFLINE,
                    transport=Transport.POLLING,
                    poll_interval=round(self._poller.interval, 1) if self._poller else None,
                )
            give_up = self.config.offline_give_up
            if give_up is not None and now - self._offline_since > give_up:
                self._decide(_Outcome(kind=ErrorKind.OFFLINE))

    # ------------------------------------------------------------------ endings

    async def _download(self, url: str) -> JobUpdate:
        # The generation itself is done: its progress is whole from here on.
        self._advance(JobState.DOWNLOADING, progress=1.0, transport=Transport.NONE)
        assert self.snapshot.file_id or self.snapshot.project_id
        file_id = self.snapshot.file_id or f"project-{self.snapshot.project_id}"

        def on_progress(fraction: float | None) -> None:
            if fraction is not None:
                self._publish(stage=Stage.DOWNLOADING, download=round(fraction, 3))

        def on_verifying() -> None:
            self._publish(stage=Stage.VERIFYING)

        try:
            await self._persist(self.snapshot)
            result = await self.downloader.download(url, file_id, on_progress, on_verifying)
        except JobError as exc:
            log.warning("%s: download failed: %s", self.label, exc)
            return await self._end(_Outcome.of(exc))
        except ApiError as exc:
            log.warning("%s: download failed: %s", self.label, exc)
            return await self._end(_Outcome(kind=ErrorKind.DOWNLOAD))
        except asyncio.CancelledError:
            if self._cancel_requested:
                return await self._finish_cancelled()
            raise
        self._publish(
            state=JobState.COMPLETED,
            progress=1.0,
            download=1.0,
            path=str(result.path),
            thumbnail=str(result.thumbnail) if result.thumbnail else None,
            connection=ConnectionState.LIVE,
        )
        log.info("%s: completed (%d bytes)", self.label, result.size)
        await self._persist(self.snapshot)
        return self.snapshot

    async def _end(self, outcome: _Outcome) -> JobUpdate:
        """End the job failed, for the outcome's reason (a render failure if it gives none)."""
        if self.snapshot.state.is_terminal:
            return self.snapshot
        kind = outcome.kind or ErrorKind.RENDER
        log.info("%s: failed (%s)", self.label, kind)
        self._publish(
            state=JobState.FAILED,
            error_kind=kind,
            error_detail=outcome.detail,
            server_message=outcome.server_message,
            transport=Transport.NONE,
        )
        await self._persist(self.snapshot)
        return self.snapshot

    async def crashed(self, exc: BaseException) -> JobUpdate:
        """End the job failed after `exc` escaped it (the caller logged it).
        Recording the failure is best effort: the history may be the problem."""
        try:
            return await self._end(_Outcome.of(InternalError()))
        except Exception:
            log.exception("%s: could not record the failure", self.label)
            return self.snapshot

    async def _finish_cancelled(self) -> JobUpdate:
        """Stopped following: the service may still finish the video."""
        if self.snapshot.state.is_terminal:
            return self.snapshot
        self._publish(state=JobState.CANCELLED, transport=Transport.NONE)
        await self._persist(self.snapshot)
        return self.snapshot
