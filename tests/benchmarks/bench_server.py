"""The benchmark's scripted backend: the contract on loopback, with a timestamped log.

The test suite's `ScriptedBackend` scripts faults well, but a benchmark needs
three things it does not keep: the moment each event was written (embedded in
the event as `t_ns` and kept in a per-job log), the bytes and requests of every
follower per job, and the moment a stream failed. So this is a small server of
its own, run as a separate process (`python -m tests.benchmarks.bench_server`)
so that its CPU never counts against a follower:

- `POST /api/v1/file/generate-video` with `config.prompt` = `bench <JobSpec JSON>`
  creates a job whose events happen on the server's clock;
- `GET /api/v1/file/{id}` describes the job as of now (what polling sees);
- `GET /api/v1/events/file.{id}` streams the job's events from the moment of
  connection, without `id:` or `retry:` and without replay, as the service does;
  the spec's fault applies to the first connection only (it ends, is dropped or
  goes silent after `fault_after` events); later connections are healthy;
- `GET /media/{id}.mp4` serves the result; `GET /bench/job/{id}` returns the log.

Clock: `time.monotonic_ns()`, which is CLOCK_MONOTONIC on Linux and so shared
by every process on the machine: a follower in another process compares its own
readings with the server's directly.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import secrets
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field

import uvicorn
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from tests.support.media import sample_video_bytes

log = logging.getLogger("framecast.bench.server")

API = "/api/v1/"
PROMPT_PREFIX = "bench "


@dataclass(frozen=True)
class JobSpec:
    """One scripted job: `events` progress events `interval` s apart, then the
    result (`render_result` then a `file` event). `fault` ("die": the server ends
    the stream; "cut": it drops the connection; "silent": it stops writing) hits
    the first stream after `fault_after` events. `result_at` overrides when
    the result happens (the idle job); `keepalive` sends comments while idle."""

    kind: str
    events: int
    interval: float
    fault: str | None = None
    fault_after: int = 3
    result_at: float | None = None
    keepalive: float | None = None
    lead: float = 0.05

    def offsets(self) -> list[float]:
        """When each progress event happens, in seconds after creation."""
        return [self.lead + i * self.interval for i in range(self.events)]

    def result_offset(self) -> float:
        if self.result_at is not None:
            return self.result_at
        return self.lead + self.events * self.interval

    def prompt(self) -> str:
        return PROMPT_PREFIX + json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_prompt(cls, prompt: str) -> JobSpec:
        return cls(**json.loads(prompt[len(PROMPT_PREFIX) :]))


def progress_of(index: int, events: int) -> float:
    """Event `index`'s progress: distinct, increasing, below 1 (a fraction)."""
    return round((index + 1) / (events + 1), 6)


@dataclass
class Traffic:
    requests: int = 0
    bytes: int = 0


@dataclass
class BenchJob:
    spec: JobSpec
    file_id: str
    created_ns: int
    #: (progress, write time) of every progress event, in order.
    progress_log: list[tuple[float, int]] = field(default_factory=list)
    done_ns: int | None = None
    failure_ns: int | None = None
    scripted_failure_ns: int | None = None
    #: (time, source) of every status the server sent: "poll" or "sse<connection>".
    status_log: list[tuple[int, str]] = field(default_factory=list)
    traffic: dict[str, Traffic] = field(default_factory=dict)
    connections: int = 0
    queues: list[asyncio.Queue[bytes]] = field(default_factory=list)
    progress: float | None = None

    def count(self, kind: str, size: int) -> None:
        entry = self.traffic.setdefault(kind, Traffic())
        entry.requests += 1
        entry.bytes += size

    def add_bytes(self, kind: str, size: int) -> None:
        self.traffic.setdefault(kind, Traffic()).bytes += size


def _request_size(scope: Scope, body: int = 0) -> int:
    line = len(scope["method"]) + len(scope.get("raw_path") or scope["path"].encode()) + 12
    headers = sum(len(k) + len(v) + 4 for k, v in scope["headers"])
    return line + headers + 2 + body


def _response_size(response: Response, body: int) -> int:
    headers = sum(len(k) + len(v) + 4 for k, v in response.raw_headers)
    return 17 + headers + 2 + body


class StreamCut(Exception):
    """Raised inside a stream so that uvicorn drops the connection mid-body."""


def _is_cut(exc: BaseException | None) -> bool:
    if isinstance(exc, StreamCut):
        return True
    inner = getattr(exc, "exceptions", None)
    return bool(inner) and all(_is_cut(e) for e in inner)  # type: ignore[union-attr]


class _HideStreamCuts(logging.Filter):
    """A dropped stream is deliberate: no traceback for it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and _is_cut(record.exc_info[1]))


class BenchServer:
    """The ASGI app and its jobs."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.base_url = ""
        self.jobs: dict[str, BenchJob] = {}
        self.video = sample_video_bytes()
        self._clocks: set[asyncio.Task[None]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        response = await self.dispatch(request)
        await response(scope, receive, send)

    async def dispatch(self, request: Request) -> Response:
        path = request.url.path
        if path.startswith("/bench/job/"):
            return self._log(path.rsplit("/", 1)[-1])
        if path.startswith("/media/"):
            return self._media(request, path.rsplit("/", 1)[-1].removesuffix(".mp4"))
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return JSONResponse({"detail": "Could not validate credentials"}, status_code=401)
        rel = path[len(API) :] if path.startswith(API) else ""
        if request.method == "POST" and rel == "file/generate-video":
            return await self._create(request)
        if request.method == "GET" and rel.startswith("file/"):
            return self._poll(request, rel[len("file/") :])
        if request.method == "GET" and rel.startswith("events/file."):
            return self._events(request, rel[len("events/file.") :])
        return JSONResponse({"detail": "Not Found"}, status_code=404)

    # ------------------------------------------------------------------ endpoints

    async def _create(self, request: Request) -> Response:
        body = await request.body()
        config = json.loads(body).get("config", {})
        try:
            spec = JobSpec.from_prompt(str(config.get("prompt", "")))
        except (TypeError, ValueError) as exc:
            return JSONResponse({"detail": f"not a bench prompt: {exc}"}, status_code=422)
        file_id = f"bench-{spec.kind}-{secrets.token_hex(4)}"
        job = BenchJob(spec, file_id, time.monotonic_ns())
        self.jobs[file_id] = job
        clock = asyncio.get_running_loop().create_task(self._run_clock(job))
        self._clocks.add(clock)
        clock.add_done_callback(self._clocks.discard)
        response = JSONResponse(self._file_object(job))
        job.count(
            "create",
            _request_size(request.scope, len(body)) + _response_size(response, len(response.body)),
        )
        return response

    def _poll(self, request: Request, file_id: str) -> Response:
        job = self.jobs.get(file_id)
        if job is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        response = JSONResponse(self._file_object(job))
        job.status_log.append((time.monotonic_ns(), "poll"))
        job.count(
            "poll", _request_size(request.scope) + _response_size(response, len(response.body))
        )
        return response

    def _media(self, request: Request, file_id: str) -> Response:
        job = self.jobs.get(file_id)
        if job is None or job.done_ns is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        response = Response(self.video, media_type="video/mp4")
        job.count("media", _request_size(request.scope) + _response_size(response, len(self.video)))
        return response

    def _log(self, file_id: str) -> Response:
        job = self.jobs.get(file_id)
        if job is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return JSONResponse(
            {
                "file_id": job.file_id,
                "spec": asdict(job.spec),
                "created_ns": job.created_ns,
                "progress_log": job.progress_log,
                "done_ns": job.done_ns,
                "failure_ns": job.failure_ns or job.scripted_failure_ns,
                "status_log": job.status_log,
                "traffic": {k: asdict(v) for k, v in job.traffic.items()},
            }
        )

    def _file_object(self, job: BenchJob) -> dict[str, object]:
        done = job.done_ns is not None
        body: dict[str, object] = {
            "id": job.file_id,
            "url": self._result_url(job) if done else None,
            "type": "video",
            "contentType": "video/mp4" if done else None,
            "tasks": [
                {
                    "id": f"task-{job.file_id}",
                    "type": "video-generation-flow",
                    "status": "completed" if done else "in_progress",
                    "file_id": job.file_id,
                }
            ],
        }
        if job.progress is not None:
            body["progress"] = job.progress
        return body

    def _result_url(self, job: BenchJob) -> str:
        return f"{self.base_url}/media/{job.file_id}.mp4"

    # ------------------------------------------------------------------ the job's clock

    async def _run_clock(self, job: BenchJob) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time() - (time.monotonic_ns() - job.created_ns) / 1e9
        spec = job.spec
        for index, offset in enumerate(spec.offsets()):
            delay = start + offset - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            elif index % 64 == 0:
                await asyncio.sleep(0)  # a flood still lets the writers run
            value = progress_of(index, spec.events)
            now = time.monotonic_ns()
            job.progress = value
            job.progress_log.append((value, now))
            if spec.fault is not None and index == spec.fault_after - (
                0 if spec.fault == "silent" else 1
            ):
                # When the fault hits the first stream, for followers that have none.
                job.scripted_failure_ns = now
            self._broadcast(
                job, {"type": "render_progress", "object": {"progress": value, "t_ns": now}}
            )
        delay = start + spec.result_offset() - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        now = time.monotonic_ns()
        job.done_ns = now
        url = self._result_url(job)
        self._broadcast(job, {"type": "render_result", "object": {"url": url, "t_ns": now}})
        self._broadcast(job, {"type": "file", "object": self._file_object(job)})

    def _broadcast(self, job: BenchJob, payload: dict[str, object]) -> None:
        data = f"data: {json.dumps(payload, separators=(',', ':'))}\n\n".encode()
        for queue in job.queues:
            queue.put_nowait(data)

    # ------------------------------------------------------------------ the stream

    def _events(self, request: Request, file_id: str) -> Response:
        job = self.jobs.get(file_id)
        if job is None:
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        connection = job.connections
        job.connections += 1
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        job.queues.append(queue)
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        response = StreamingResponse(
            self._stream(job, connection, queue), media_type="text/event-stream", headers=headers
        )
        job.count("events", _request_size(request.scope) + _response_size(response, 0))
        return response

    async def _stream(
        self, job: BenchJob, connection: int, queue: asyncio.Queue[bytes]
    ) -> AsyncIterator[bytes]:
        spec = job.spec
        faulty = connection == 0 and spec.fault is not None
        sent = 0
        source = f"sse{connection}"
        keepalive = spec.keepalive if spec.keepalive is not None else math.inf
        try:
            while True:
                try:
                    async with asyncio.timeout(None if math.isinf(keepalive) else keepalive):
                        data = await queue.get()
                except TimeoutError:
                    data = b": keepalive\n\n"
                    job.add_bytes("events", len(data) + 8)
                    yield data
                    continue
                if faulty and sent >= spec.fault_after:
                    if job.failure_ns is None:
                        # Silent: the first withheld event is the failure.
                        job.failure_ns = time.monotonic_ns()
                    continue
                job.status_log.append((time.monotonic_ns(), source))
                job.add_bytes("events", len(data) + 8)  # + chunked framing
                yield data
                sent += 1
                if faulty and spec.fault in ("die", "cut") and sent >= spec.fault_after:
                    job.failure_ns = time.monotonic_ns()
                    if spec.fault == "cut":
                        raise StreamCut("connection dropped on purpose")
                    return
        finally:
            job.queues.remove(queue)


async def _serve(port: int, token: str) -> None:
    app = BenchServer(token)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_config=None,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_keep_alive=30,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
            return
        await asyncio.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    app.base_url = f"http://127.0.0.1:{bound}"
    print(f"listening on {app.base_url}", flush=True)
    await task


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--token",
        default=os.environ.get("BENCH_TOKEN"),
        help="the bearer token to require (default: $BENCH_TOKEN)",
    )
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("no token: pass --token or set BENCH_TOKEN")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    logging.getLogger("uvicorn.error").addFilter(_HideStreamCuts())
    asyncio.run(_serve(args.port, args.token))


if __name__ == "__main__":
    main()
