"""A fault-injecting backend that speaks the contract, scripted per job.

`ScriptedBackend` is a real HTTP server on loopback (Starlette on uvicorn in a
thread). Each `POST file/generate-video` takes the next queued `JobScript`
(or `default_script`) and creates a job whose events happen on a clock:
event *i* happens `(i + 1) * event_interval` seconds after creation (or after
`release()` once the script pauses). What has happened is what both sources
see: the SSE stream sends happened events (replaying from `Last-Event-ID`),
and `GET file/{id}` / `GET project/{id}` describe the job as of now, so a
terminal event that a faulty stream never delivers is still found by polling.

Every answer has the shape of the service's SDK types (docs/api.md): lists
page with a `next` cursor `{offset, limit}` and at most `page_cap` items a
page, file objects are IFileRead complete, `user/me` is IUserRead, events are
WSMessage envelopes.

The account's library (`GET file`) lists `library` (files no job here
made, newest first) before every job's file. `add_library_video` adds one
finished video whose result this backend serves, `fill_library` a large
library of them (1,000 files for the benchmark), with or without the
`created_at` some servers add to IFileRead.

Faults: per-connection SSE status, content type, drops, silence, raw bytes;
404s and scripted answers on polls; canned errors on any endpoint (`inject`,
`fail_next_creates`); lists whose paging is broken (`paging_fault`: a cursor
that repeats, a list that never ends, a string cursor); outages that refuse
connections on the same port; results served here, on a second origin
(`cdn`), or through a redirect to it, slowly or cut mid-way (Range honoured
on the retry); hostile result URLs. Every request is recorded with its
headers (`requests`).

    with ScriptedBackend() as backend:
        job = backend.add_job(JobScript(events=[progress(0.5), result()]))
        ... drive the engine at backend.url with backend.token ...
        assert job.sse_connections == 1
"""

from __future__ import annotations

import json
import math
import re
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from types import TracebackType
from typing import Literal

from starlette.requests import Request
from starlette.responses import (
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.types import Receive, Scope, Send

from tests.support.media import sample_video_bytes
from tests.support.servers import (
    CdnServer,
    InjectedFault,
    RecordedRequest,
    ThreadedServer,
    serve_bytes,
    wait_or_abort,
)
from tests.support.sse_script import (
    FILE_ID,
    PROJECT_ID,
    RESULT_URL,
    TASK_ID,
    Effect,
    Event,
    default_events,
    effect_of,
    encode,
    fill,
)

API = "/api/v1/"
IDLE_STEP = 0.25  # how often an idle open stream checks for a release or a shutdown
_EVENTS_PATH = re.compile(r"^events/(file|project)\.(.+)$")

FileState = Mapping[str, object] | int


@dataclass
class JobScript:
    """How one job behaves. Defaults: a clean job that succeeds in ~0.1 s."""

    events: Sequence[Event] = field(default_factory=default_events)
    event_interval: float = 0.02
    #: After this many events the job waits for `ScriptedJob.release()`.
    pause_after: int | None = None

    # --- the event stream
    with_ids: bool = True
    retry_ms: int | None = None  # a `retry:` field at the start of each connection
    keepalive_interval: float | None = None  # `: keepalive` comments while idle (not events)
    close_at_end: bool = False  # end the stream once every event is sent (else keep it open)
    drop_stream_after: int | None = None  # end a connection after N events...
    drop_connections: int | None = 1  # ...on this many connections (None: every one)
    drop_abruptly: bool = False  # cut the TCP connection instead of ending the body
    silent_after: int | None = None  # send nothing more after N events, keep open...
    silent_connections: int | None = None  # ...on this many connections (None: every one)
    sse_status: int = 200
    sse_content_type: str = "text/event-stream"
    sse_fault_connections: int | None = None  # status/type apply to N connections (None: all)
    bom: bool = False  # a UTF-8 BOM before the first event of each connection
    raw_chunks: Sequence[bytes] | None = None  # write exactly these bytes instead of events

    # --- polling
    file_states: Sequence[FileState] | None = None  # answers to successive file polls
    file_404_first: int = 0  # 404 for the first N polls of file/{id}
    poll_progress: bool = True  # derived file objects carry `progress`

    # --- create
    create_shape: Literal["current", "legacy", "legacy_entry_id", "legacy_file_id"] = "current"

    # --- the result
    video: bytes | None = None  # None: the session's sample MP4
    video_host: Literal["backend", "cdn", "redirect"] = "backend"
    video_content_type: str = "video/mp4"
    download_chunk_size: int = 16384
    download_chunk_delay: float = 0.0
    download_cut_after: int | None = None  # cut a download after N bytes of the response...
    download_cuts: int = 1  # ...for this many downloads
    result_url_override: str | None = None  # e.g. "file:///etc/passwd"


def _applies(limit: int | None, index: int) -> bool:
    return limit is None or index < limit


class ScriptedJob:
    """A job of the backend: its ids, its clock, and what happened to it."""

    def __init__(self, backend: ScriptedBackend, script: JobScript, index: int) -> None:
        self.backend = backend
        self.script = script
        self.index = index
        tag = secrets.token_hex(3)
        self.file_id = f"file-{index:03d}-{tag}"
        self.project_id = f"proj-{index:03d}-{tag}"
        self.task_id = f"task-{index:03d}-{tag}"
        self.video = script.video if script.video is not None else sample_video_bytes()
        self.effects: list[Effect] = [effect_of(e) for e in script.events]
        self.request_body: dict[str, object] | None = None
        self.created_at: float | None = None
        self.released_at: float | None = None
        self._lock = threading.Lock()
        self.sse_connections = 0
        self.polls = 0
        self.project_polls = 0
        self.downloads = 0
        #: `Last-Event-ID` of each SSE connection, in order (None when absent).
        self.last_event_ids: list[str | None] = []
        self.created = threading.Event()

    def __repr__(self) -> str:
        return f"ScriptedJob({self.file_id}, happened={self.happened()}/{len(self.effects)})"

    # ------------------------------------------------------------------ clock

    def start(self) -> None:
        with self._lock:
            self.created_at = time.monotonic()
        self.created.set()

    def release(self) -> None:
        """Let a job paused by `pause_after` go on."""
        with self._lock:
            if self.released_at is None:
                self.released_at = time.monotonic()

    def due(self, index: int) -> float:
        """When event `index` happens (monotonic seconds; inf if not yet known)."""
        if self.created_at is None:
            return math.inf
        step = self.script.event_interval
        pause = self.script.pause_after
        if pause is None or index < pause:
            return self.created_at + (index + 1) * step
        if self.released_at is None:
            return math.inf
        return max(self.released_at, self.created_at + pause * step) + (index - pause + 1) * step

    def happened(self, now: float | None = None) -> int:
        """How many script entries have happened by `now`."""
        now = time.monotonic() if now is None else now
        count = 0
        while count < len(self.effects) and self.due(count) <= now:
            count += 1
        return count

    def outcome(self, now: float | None = None) -> tuple[str, float | None, str | None]:
        """(`in_progress`|`done`|`failed`, latest numeric progress, error text) as of now."""
        progress: float | None = None
        for effect in self.effects[: self.happened(now)]:
            if effect.progress is not None:
                progress = effect.progress
            if effect.outcome == "done":
                return "done", progress, None
            if effect.outcome == "failed":
                return "failed", progress, effect.error
        return "in_progress", progress, None

    @property
    def finished(self) -> bool:
        return self.outcome()[0] != "in_progress"

    def download_requests(self) -> list[RecordedRequest]:
        """Every request for this job's result file, on the backend and the CDN
        (redirects included), in arrival order."""
        name = f"/{self.file_id}.mp4"
        return [r for r in self.backend.all_requests() if r.path.endswith(name)]

    # ------------------------------------------------------------------ views

    @property
    def result_url(self) -> str:
        s = self.script
        if s.result_url_override is not None:
            return s.result_url_override
        if s.video_host == "cdn":
            return f"{self.backend.cdn.url}/media/{self.file_id}.mp4"
        if s.video_host == "redirect":
            return f"{self.backend.url}/redirect/{self.file_id}.mp4"
        return f"{self.backend.url}/media/{self.file_id}.mp4"

    @property
    def placeholders(self) -> dict[str, str]:
        return {
            FILE_ID: self.file_id,
            PROJECT_ID: self.project_id,
            TASK_ID: self.task_id,
            RESULT_URL: self.result_url,
        }

    def file_object(self) -> dict[str, object]:
        """The job's file as `GET file/{id}` describes it now (IFileRead.ts)."""
        state, progress, error = self.outcome()
        task: dict[str, object] = {
            "id": self.task_id,
            "type": "video-generation-flow",
            "status": {"done": "completed", "failed": "error"}.get(state, "in_progress"),
            "file_id": self.file_id,
            "project_id": self.project_id,
        }
        if error is not None:
            task["error"] = error
        config = (self.request_body or {}).get("config")
        echo = config if isinstance(config, dict) else {}
        body: dict[str, object] = {
            "id": self.file_id,
            "url": self.result_url if state == "done" else None,
            "thumbnail_url": None,
            "type": "video",
            "image_generation_id": None,
            "image_generation": None,
            "video_generation_id": f"vg-{self.file_id}",
            "video_generation": video_generation(f"vg-{self.file_id}", echo),
            "audio_generation_id": None,
            "audio_generation": None,
            "duration": float(echo.get("duration") or 1) if state == "done" else None,
            "tasks": [task],
        }
        if state == "done":
            body["contentType"] = self.script.video_content_type
        if self.script.poll_progress and progress is not None:
            body["progress"] = progress
        return body

    def project_object(self) -> dict[str, object]:
        state, _, _ = self.outcome()
        data: list[dict[str, object]] = []
        if state == "done":
            data.append(
                {
                    "id": f"entity-{self.file_id}",
                    "type": "video",
                    "value": {
                        "url": self.result_url,
                        "file_id": self.file_id,
                        "contentType": self.script.video_content_type,
                    },
                }
            )
        file = self.file_object()
        return {"id": self.project_id, "name": "scripted", "data": data, "tasks": file["tasks"]}

    def create_response(self) -> dict[str, object]:
        shape = self.script.create_shape
        if shape == "legacy":
            return {
                "data": [
                    {
                        "id": f"entity-{self.file_id}",
                        "value": {"file_id": self.file_id, "project_id": self.project_id},
                    }
                ],
                "project_id": self.project_id,
            }
        if shape == "legacy_entry_id":
            return {"data": [{"id": self.file_id, "value": {}}], "project_id": self.project_id}
        if shape == "legacy_file_id":
            return {"success": True, "fileId": self.file_id, "project_id": self.project_id}
        body = self.file_object()
        body["url"] = None
        body.pop("progress", None)
        return body

    def _count(self, what: str) -> int:
        with self._lock:
            value: int = getattr(self, what) + 1
            setattr(self, what, value)
            return value


@dataclass
class Injection:
    """A canned answer for matching requests, `count` times (None: forever)."""

    method: str
    path: str  # prefix of the path after /api/v1/ ("file/", "events/", "file/generate-video")
    status: int
    count: int | None = 1
    body: object = None  # JSON body; default {"detail": ...}
    text: str | None = None  # raw body instead of JSON
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        return (
            (self.method == "*" or self.method == method)
            and path.startswith(self.path)
            and (self.count is None or self.hits < self.count)
        )

    def response(self) -> Response:
        if self.text is not None:
            return Response(
                self.text,
                status_code=self.status,
                headers=self.headers,
                media_type=self.content_type or "text/plain",
            )
        body = self.body if self.body is not None else {"detail": f"scripted HTTP {self.status}"}
        return Response(
            json.dumps(body),
            status_code=self.status,
            headers=self.headers,
            media_type=self.content_type or "application/json",
        )


def video_generation(ident: str, config: Mapping[str, object]) -> dict[str, object]:
    """IVideoGenerationRead.ts for a create request's `config`."""
    references = config.get("references")
    return {
        "prompt": config.get("prompt", ""),
        "negative_prompt": config.get("negative_prompt", ""),
        "seed": config.get("seed"),
        "duration": config.get("duration"),
        "width": config.get("width"),
        "height": config.get("height"),
        "aspect_ratio": config.get("aspect_ratio"),
        "id": ident,
        "generation_config_name": config.get("generation_config_name"),
        "generation_config": None,
        "references": [{**r, "reference": None} for r in references if isinstance(r, dict)]
        if isinstance(references, list)
        else [],
    }


#: When `fill_library(dated=True)`'s newest video was made; each older one a minute earlier.
LIBRARY_EPOCH = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def _minutes_before(moment: datetime, minutes: int) -> str:
    return (moment - timedelta(minutes=minutes)).isoformat()


def library_video(
    base_url: str,
    ident: str,
    *,
    prompt: str,
    model: str | None = "scripted/t2v",
    seed: int | None = None,
    duration: float | None = 5.0,
    created_at: str | None = None,
    thumbnail_url: str | None = None,
) -> dict[str, object]:
    """A finished video of the account (IFileRead.ts complete) whose result is
    `{base_url}/media/{ident}.mp4`; `created_at` only when given (the SDK does
    not declare it; some servers add it)."""
    generation = video_generation(
        f"vg-{ident}",
        {
            "prompt": prompt,
            "generation_config_name": model,
            "seed": seed,
            "duration": duration,
            "width": 1280,
            "height": 720,
            "aspect_ratio": "16:9",
        },
    )
    body: dict[str, object] = {
        "id": ident,
        "url": f"{base_url}/media/{ident}.mp4",
        "thumbnail_url": thumbnail_url,
        "type": "video",
        "image_generation_id": None,
        "image_generation": None,
        "video_generation_id": f"vg-{ident}",
        "video_generation": generation,
        "audio_generation_id": None,
        "audio_generation": None,
        "duration": duration,
        "tasks": [
            {
                "id": f"task-{ident}",
                "type": "video-generation-flow",
                "status": "completed",
                "file_id": ident,
                "project_id": f"proj-{ident}",
            }
        ],
    }
    if created_at is not None:
        body["created_at"] = created_at
    return body


def generation_config(
    name: str,
    kind: str,
    params: Mapping[str, object],
    label: str | None = None,
) -> dict[str, object]:
    """IGenerationConfigRead.ts: name, label (may be null), type, source, params."""
    return {"name": name, "label": label, "type": kind, "source": "local", "params": dict(params)}


def _default_catalogue() -> list[dict[str, object]]:
    return [
        generation_config(
            "scripted/t2v",
            "text_to_video",
            {"price_per_second": 0, "available_durations": [1, 5]},
            "Scripted text to video",
        ),
        generation_config(
            "scripted/i2v",
            "image_to_video",
            {"price_per_second": 0, "available_durations": [5]},
            "Scripted image to video",
        ),
    ]


PagingFault = Literal["loop", "endless", "string_next"]


def paged(
    items: Sequence[object],
    query: Mapping[str, str],
    cap: int | None,
    fault: PagingFault | None = None,
) -> dict[str, object]:
    """One page of `items` (IResponsePaginated_*.ts) for a request's `limit`
    and `offset`, never more than `cap` items, with a faulty cursor on demand:
    `loop` sends the same cursor again, `endless` never ends (made-up items
    past the real ones), `string_next` sends the next page's URL as a string."""
    limit = max(1, int(query.get("limit", "50")))
    offset = max(0, int(query.get("offset", "0")))
    size = min(limit, cap) if cap else limit
    page = list(items[offset : offset + size])
    end = offset + len(page)
    cursor: object = {"offset": end, "limit": size} if end < len(items) else None
    if fault == "loop":
        cursor = {"offset": offset, "limit": size}
    elif fault == "endless":
        page = page or [
            {"name": f"endless/{offset + i}", "type": "text_to_video", "params": {}}
            for i in range(size)
        ]
        cursor = {"offset": offset + size, "limit": size}
    elif fault == "string_next" and cursor is not None:
        cursor = f"/api/v1/generation-config?offset={end}&limit={size}"
    total = None if fault == "endless" else len(items)
    return {"items": page, "total": total, "limit": size, "offset": offset, "next": cursor}


class ScriptedBackend:
    """The contract on loopback, with scripted jobs and injected faults."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or secrets.token_urlsafe(18)
        #: Used when a create finds no queued script; None answers 500 instead.
        self.default_script: JobScript | None = JobScript()
        self.catalogue: list[dict[str, object]] = _default_catalogue()
        self.styles: list[dict[str, object]] = [
            {"name": "plain", "title": "Plain", "thumbnail": None, "tags": []}
        ]
        #: The most items any list answers a page (None: as many as asked).
        self.page_cap: int | None = None
        #: Broken paging of `generation-config` and `style` (see `paged`).
        self.paging_fault: PagingFault | None = None
        #: `GET user/me` answer (IUserRead.ts); None means 404 (the call is optional).
        self.account: dict[str, object] | None = None
        #: Files of the account that are not jobs, newest first (`GET file`
        #: lists them before the jobs' files).
        self.library: list[dict[str, object]] = []
        #: Result bytes of library videos this backend serves, by file id.
        self.library_media: dict[str, bytes] = {}
        #: Seconds between 256-byte chunks of a library video (0: as fast as it goes).
        self.library_chunk_delay = 0.0
        self.deleted: list[str] = []
        self._lock = threading.Lock()
        self._queue: list[ScriptedJob] = []
        self._jobs: list[ScriptedJob] = []
        self._injections: list[Injection] = []
        self._uploads = 0
        self._server = ThreadedServer(self._asgi, "backend")
        self.cdn = CdnServer()
        self._restart_timer: threading.Timer | None = None
        self._closed = False

    def __repr__(self) -> str:
        return f"ScriptedBackend({self.url}, jobs={len(self._jobs)})"

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> ScriptedBackend:
        self.cdn.start()
        self._server.start()
        return self

    def stop(self) -> None:
        self._closed = True
        if self._restart_timer is not None:
            self._restart_timer.cancel()
        stopping = [self._server.request_stop(), self.cdn.server.request_stop()]
        for each in stopping:
            ThreadedServer.join(each)

    def __enter__(self) -> ScriptedBackend:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def api_url(self) -> str:
        return self._server.url + API.rstrip("/")

    @property
    def is_up(self) -> bool:
        return self._server.is_up

    def go_down(self) -> None:
        """Stop listening: new connections are refused, open streams are cut."""
        self._server.stop()

    def come_up(self) -> None:
        """Listen again on the same port."""
        if not self._closed:
            self._server.start()

    def outage(self, seconds: float) -> None:
        """Go down now and come back up on the same port after `seconds` (returns at once)."""
        self.go_down()
        self._restart_timer = threading.Timer(seconds, self.come_up)
        self._restart_timer.daemon = True
        self._restart_timer.start()

    # ------------------------------------------------------------------ scripting

    def add_job(self, script: JobScript | None = None, *, start_now: bool = False) -> ScriptedJob:
        """Queue a job for the next create; with `start_now`, it exists at once
        (for tracking a job by id without creating it)."""
        with self._lock:
            job = ScriptedJob(self, script or JobScript(), len(self._jobs))
            self._jobs.append(job)
            if start_now:
                job.start()
            else:
                self._queue.append(job)
        self._publish(job)
        return job

    def _publish(self, job: ScriptedJob) -> None:
        s = job.script
        if s.video_host in ("cdn", "redirect"):
            self.cdn.put(
                f"/media/{job.file_id}.mp4",
                job.video,
                content_type=s.video_content_type,
                chunk_size=s.download_chunk_size,
                chunk_delay=s.download_chunk_delay,
                cut_after=s.download_cut_after,
                cuts=s.download_cuts,
            )

    def add_library_video(
        self,
        ident: str,
        prompt: str,
        *,
        newest: bool = True,
        video: bytes | None = None,
        **fields: object,
    ) -> dict[str, object]:
        """A finished video made elsewhere (the web app, another computer):
        listed by `GET file` (first, or last with `newest=False`), readable
        through `GET file/{id}`, its result served here."""
        body = library_video(self.url, ident, prompt=prompt, **fields)  # type: ignore[arg-type]
        with self._lock:
            if newest:
                self.library.insert(0, body)
            else:
                self.library.append(body)
            self.library_media[ident] = video if video is not None else sample_video_bytes()
        return body

    def fill_library(self, count: int, *, dated: bool = False) -> list[dict[str, object]]:
        """Append `count` older videos (`lib-00000`, `lib-00001`, ... newest
        first), each with its prompt, model and seed; `dated` adds the
        `created_at` some servers send, a minute apart."""
        video = sample_video_bytes()
        start = len(self.library)
        files = [
            library_video(
                self.url,
                f"lib-{start + i:05d}",
                prompt=f"Library video {start + i}: a slow pan across a misty valley",
                seed=10_000_000_000_000 + start + i,
                created_at=_minutes_before(LIBRARY_EPOCH, start + i) if dated else None,
            )
            for i in range(count)
        ]
        with self._lock:
            self.library.extend(files)
            for body in files:
                self.library_media[str(body["id"])] = video
        return files

    @property
    def jobs(self) -> list[ScriptedJob]:
        with self._lock:
            return list(self._jobs)

    def job(self, ident: str) -> ScriptedJob | None:
        with self._lock:
            for job in self._jobs:
                if job.created_at is not None and ident in (job.file_id, job.project_id):
                    return job
        return None

    def inject(
        self,
        method: str,
        path: str,
        status: int,
        *,
        count: int | None = 1,
        json_body: object = None,
        text: str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | str | None = None,
    ) -> Injection:
        """Answer the next `count` matching requests with `status` (checked
        before the token). `path` is a prefix after /api/v1/; `method` may be
        "*". `retry_after` is seconds, or a string sent as is (an HTTP date)."""
        all_headers = dict(headers or {})
        if retry_after is not None:
            all_headers["Retry-After"] = (
                retry_after if isinstance(retry_after, str) else str(int(retry_after))
            )
        rule = Injection(
            method.upper(),
            path.lstrip("/"),
            status,
            count,
            json_body,
            text,
            content_type,
            all_headers,
        )
        with self._lock:
            self._injections.append(rule)
        return rule

    def fail_next_creates(
        self,
        status: int,
        count: int | None = 1,
        *,
        detail: str | None = None,
        retry_after: float | str | None = None,
    ) -> Injection:
        """`POST file/generate-video` answers `status` for the next `count` calls."""
        body = {"detail": detail} if detail is not None else None
        return self.inject(
            "POST",
            "file/generate-video",
            status,
            count=count,
            json_body=body,
            retry_after=retry_after,
        )

    @staticmethod
    def http_date(seconds_from_now: float) -> str:
        """A Retry-After HTTP date `seconds_from_now` in the future."""
        return formatdate(time.time() + seconds_from_now, usegmt=True)

    # ------------------------------------------------------------------ observations

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request the backend origin received (not the CDN's)."""
        return self._server.requests

    def requests_to(self, path_prefix: str, method: str | None = None) -> list[RecordedRequest]:
        """Recorded requests whose path after /api/v1/ starts with `path_prefix`
        (or whose full path does, for paths outside the API)."""
        out = []
        for r in self.requests:
            rel = r.path[len(API) :] if r.path.startswith(API) else r.path
            if (rel.startswith(path_prefix) or r.path.startswith(path_prefix)) and (
                method is None or r.method == method.upper()
            ):
                out.append(r)
        return out

    def all_requests(self) -> list[RecordedRequest]:
        """Requests to both origins, in arrival order."""
        return sorted(self.requests + self.cdn.requests, key=lambda r: r.at)

    # ------------------------------------------------------------------ the app

    async def _asgi(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        response = await self._dispatch(request)
        await response(scope, receive, send)

    def _injected(self, method: str, rel: str) -> Response | None:
        with self._lock:
            for rule in self._injections:
                if rule.matches(method, rel):
                    rule.hits += 1
                    return rule.response()
        return None

    async def _dispatch(self, request: Request) -> Response:
        path, method = request.url.path, request.method
        if path.startswith("/media/") or path.startswith("/redirect/"):
            return self._media(request)
        if not path.startswith(API):
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        rel = path[len(API) :]
        injected = self._injected(method, rel)
        if injected is not None:
            return injected
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return JSONResponse({"detail": "Could not validate credentials"}, status_code=401)
        if method == "GET" and rel in ("generation-config", "style"):
            items = self.catalogue if rel == "generation-config" else self.styles
            query = request.query_params
            return JSONResponse(paged(items, query, self.page_cap, self.paging_fault))
        if method == "GET" and rel == "user/me":
            if self.account is None:
                return JSONResponse({"detail": "Not Found"}, status_code=404)
            return JSONResponse(self.account)
        if method == "GET" and rel == "file":
            return JSONResponse(paged(self._files(request), request.query_params, self.page_cap))
        if method == "DELETE" and rel.startswith("file/"):
            return self._delete(rel[len("file/") :])
        if method == "POST" and rel == "file/upload":
            await request.body()
            with self._lock:
                self._uploads += 1
                ident = f"upload-{self._uploads:03d}"
            return JSONResponse(
                {"id": ident, "url": f"{self.url}/uploads/{ident}", "type": "image"}
            )
        if method == "POST" and rel == "file/generate-video":
            return await self._create(request)
        if method == "GET" and rel.startswith("file/"):
            return self._poll_file(rel[len("file/") :])
        if method == "GET" and rel.startswith("project/"):
            job = self.job(rel[len("project/") :])
            if job is None:
                return JSONResponse({"detail": "Not Found"}, status_code=404)
            job._count("project_polls")
            return JSONResponse(job.project_object())
        match = _EVENTS_PATH.match(rel)
        if method == "GET" and match:
            return self._events(request, match.group(2))
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    async def _create(self, request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return JSONResponse({"detail": "body is not JSON"}, status_code=422)
        if not isinstance(body, dict) or not isinstance(body.get("config"), dict):
            return JSONResponse({"detail": "config: field required"}, status_code=422)
        with self._lock:
            job = self._queue.pop(0) if self._queue else None
            if job is None and self.default_script is not None:
                job = ScriptedJob(self, self.default_script, len(self._jobs))
                self._jobs.append(job)
        if job is None:
            return JSONResponse({"detail": "no scripted job"}, status_code=500)
        self._publish(job)
        job.request_body = body
        job.start()
        return JSONResponse(job.create_response())

    def _files(self, request: Request) -> list[dict[str, object]]:
        """The account's files, newest first: the library's, then every job's."""
        types = set(request.query_params.getlist("types"))
        with self._lock:
            jobs = [j for j in reversed(self._jobs) if j.created_at is not None]
            files = [*self.library, *(j.file_object() for j in jobs)]
            files = [f for f in files if f.get("id") not in self.deleted]
        return [f for f in files if not types or f.get("type") in types]

    def _delete(self, ident: str) -> Response:
        with self._lock:
            found = next((f for f in self.library if f.get("id") == ident), None)
        if found is None and (job := self.job(ident)) is not None and job.file_id == ident:
            found = job.file_object()
        if found is None or ident in self.deleted:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        with self._lock:
            self.deleted.append(ident)
        return JSONResponse(found)

    def _poll_file(self, ident: str) -> Response:
        job = self.job(ident)
        if job is None or ident in self.deleted:
            with self._lock:
                kept = next((f for f in self.library if f.get("id") == ident), None)
            if kept is not None and ident not in self.deleted:
                return JSONResponse(kept)
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        n = job._count("polls")
        s = job.script
        if n <= s.file_404_first:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        if s.file_states:
            state = s.file_states[min(n - s.file_404_first, len(s.file_states)) - 1]
            if isinstance(state, int):
                return JSONResponse({"detail": f"scripted HTTP {state}"}, status_code=state)
            return JSONResponse(fill(state, job.placeholders))
        return JSONResponse(job.file_object())

    def _media(self, request: Request) -> Response:
        name = request.url.path.rsplit("/", 1)[-1]
        ident = name.removesuffix(".mp4")
        with self._lock:
            kept = self.library_media.get(ident) if ident not in self.deleted else None
        if kept is not None and request.method == "GET":
            delay = self.library_chunk_delay
            return serve_bytes(request, kept, chunk_size=256 if delay else 16384, chunk_delay=delay)
        job = self.job(ident)
        if job is None or request.method != "GET":
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        if request.url.path.startswith("/redirect/"):
            return RedirectResponse(f"{self.cdn.url}/media/{job.file_id}.mp4", status_code=302)
        s = job.script
        n = job._count("downloads")
        generation = self._server.generation
        return serve_bytes(
            request,
            job.video,
            content_type=s.video_content_type,
            chunk_size=s.download_chunk_size,
            chunk_delay=s.download_chunk_delay,
            cut_after=s.download_cut_after if n <= s.download_cuts else None,
            aborted=lambda: self._server.generation != generation,
        )

    def _events(self, request: Request, ident: str) -> Response:
        job = self.job(ident)
        if job is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        s = job.script
        connection = job._count("sse_connections") - 1
        last_id = request.headers.get("last-event-id")
        with job._lock:
            job.last_event_ids.append(last_id)
        if _applies(s.sse_fault_connections, connection):
            if s.sse_status != 200:
                return JSONResponse(
                    {"detail": f"scripted HTTP {s.sse_status}"}, status_code=s.sse_status
                )
            if not s.sse_content_type.startswith("text/event-stream"):
                return PlainTextResponse(
                    "this is not an event stream", media_type=s.sse_content_type
                )
        generation = self._server.generation
        stream = _EventWriter(
            job, connection, last_id, aborted=lambda: self._server.generation != generation
        )
        return StreamingResponse(
            stream.run(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )


class _EventWriter:
    """One SSE connection of a job: replays what happened, then follows the clock."""

    def __init__(
        self, job: ScriptedJob, connection: int, last_id: str | None, aborted: Callable[[], bool]
    ) -> None:
        self.job = job
        self.script = job.script
        self.connection = connection
        self.aborted = aborted
        self.cursor = 0
        if last_id is not None and last_id.strip().isdigit():
            self.cursor = min(int(last_id.strip()), len(self.script.events))

    def _is_aborted(self) -> bool:
        return self.aborted()

    async def _hold_open(self) -> None:
        # Idle streams wake rarely: many of them share the test process.
        while True:
            await wait_or_abort(IDLE_STEP, self._is_aborted, step=IDLE_STEP)

    async def run(self) -> AsyncIterator[bytes]:
        s = self.script
        preamble = b"\xef\xbb\xbf" if s.bom else b""
        if s.retry_ms is not None:
            preamble += f"retry: {s.retry_ms}\n\n".encode()
        if preamble:
            yield preamble
        if s.raw_chunks is not None:
            for chunk in s.raw_chunks:
                yield chunk
                await wait_or_abort(s.event_interval, self._is_aborted)
            if not s.close_at_end:
                await self._hold_open()
            return
        drop_at = s.drop_stream_after if _applies(s.drop_connections, self.connection) else None
        silent_at = s.silent_after if _applies(s.silent_connections, self.connection) else None
        sent = 0
        last_write = time.monotonic()
        values = self.job.placeholders
        while True:
            if self._is_aborted():
                raise InjectedFault("server going away")
            if drop_at is not None and sent >= drop_at:
                if s.drop_abruptly:
                    raise InjectedFault("stream cut on purpose")
                return
            if silent_at is not None and sent >= silent_at:
                await self._hold_open()
            now = time.monotonic()
            if self.cursor < self.job.happened(now):
                event = s.events[self.cursor]
                self.cursor += 1
                if event.hidden:
                    continue
                yield encode(event, str(self.cursor) if s.with_ids else None, values)
                sent += 1
                last_write = time.monotonic()
                continue
            if self.cursor >= len(s.events) and s.close_at_end:
                return
            next_due = self.job.due(self.cursor) if self.cursor < len(s.events) else math.inf
            wait = next_due - now
            if s.keepalive_interval is not None:
                until_keepalive = last_write + s.keepalive_interval - now
                if until_keepalive <= 0:
                    yield b": keepalive\n\n"
                    last_write = time.monotonic()
                    continue
                wait = min(wait, until_keepalive)
            step = 0.05 if next_due < math.inf else IDLE_STEP
            await wait_or_abort(min(max(wait, 0.0), step), self._is_aborted, step=step)
