"""Real HTTP servers for tests: uvicorn in a background thread on loopback.

`ThreadedServer` runs any ASGI app on 127.0.0.1 (port 0 picks a free port),
records every request it receives, and can stop and start again on the same
port (a backend outage that refuses connections). `CdnServer` is a second
origin that serves result files, with Range support, slow and interrupted
transfers, so tests can check what reaches a host that is not the backend.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from types import TracebackType

import uvicorn
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("framecast.tests.servers")

HOST = "127.0.0.1"
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


class InjectedFault(Exception):
    """Raised inside a response on purpose, so uvicorn cuts the connection."""


def _is_injected(exc: BaseException | None) -> bool:
    if isinstance(exc, InjectedFault):
        return True
    inner = getattr(exc, "exceptions", None)
    return bool(inner) and all(_is_injected(e) for e in inner)  # type: ignore[union-attr]


class _HideInjectedFaults(logging.Filter):
    """uvicorn logs a traceback for every cut connection; ours are deliberate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and _is_injected(record.exc_info[1]))


for _name in ("uvicorn.error", "uvicorn"):
    logging.getLogger(_name).addFilter(_HideInjectedFaults())


@dataclass(frozen=True)
class RecordedRequest:
    """One request as a server received it (header names lower-case)."""

    server: str
    method: str
    path: str
    query: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)

    @property
    def authorization(self) -> str | None:
        return self.headers.get("authorization")


class _Recorder:
    """ASGI wrapper that records each HTTP request before the app sees it."""

    def __init__(self, app: ASGIApp, sink: Callable[[RecordedRequest], None], name: str) -> None:
        self.app, self.sink, self.name = app, sink, name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
            }
            self.sink(
                RecordedRequest(
                    self.name,
                    scope["method"],
                    scope["path"],
                    scope.get("query_string", b"").decode("latin-1"),
                    headers,
                )
            )
        await self.app(scope, receive, send)


class ThreadedServer:
    """An ASGI app on 127.0.0.1 in a thread; `stop()` then `start()` reuses the port."""

    def __init__(self, app: ASGIApp, name: str) -> None:
        self.name = name
        self.port = 0
        self._app = _Recorder(app, self._record, name)
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        #: Bumped on every stop: long responses watch it and end themselves.
        self.generation = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def is_up(self) -> bool:
        return self._server is not None

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def start(self, timeout: float = 15.0) -> None:
        if self._server is not None:
            return
        config = uvicorn.Config(
            self._app,
            host=HOST,
            port=self.port,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name=f"{self.name}-server", daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError(f"{self.name} server failed to start on port {self.port}")
            if time.monotonic() > deadline:
                server.should_exit = True
                raise RuntimeError(f"{self.name} server not ready after {timeout} s")
            time.sleep(0.002)
        if self.port == 0:
            self.port = server.servers[0].sockets[0].getsockname()[1]
        self._server, self._thread = server, thread

    def stop(self) -> None:
        """Stop listening (connections are refused) and cut open responses."""
        self.join(self.request_stop())

    def request_stop(self) -> tuple[uvicorn.Server, threading.Thread] | None:
        """Begin stopping without waiting; pass the result to `join`."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return None
        self.generation += 1
        self._server = self._thread = None
        server.should_exit = True
        return server, thread

    @staticmethod
    def join(stopping: tuple[uvicorn.Server, threading.Thread] | None) -> None:
        if stopping is None:
            return
        server, thread = stopping
        thread.join(15)
        if thread.is_alive():  # pragma: no cover - only when uvicorn hangs
            server.force_exit = True
            thread.join(5)


async def wait_or_abort(delay: float, aborted: Callable[[], bool], *, step: float = 0.05) -> None:
    """Sleep `delay` seconds in steps of at most `step`; raise InjectedFault
    as soon as `aborted()` (the server is stopping)."""
    end = time.monotonic() + delay
    while True:
        if aborted():
            raise InjectedFault("server going away")
        left = end - time.monotonic()
        if left <= 0:
            return
        await asyncio.sleep(min(left, step))


def serve_bytes(
    request: Request,
    data: bytes,
    *,
    content_type: str = "video/mp4",
    chunk_size: int = 16384,
    chunk_delay: float = 0.0,
    cut_after: int | None = None,
    aborted: Callable[[], bool] = lambda: False,
) -> Response:
    """Answer a GET for `data`, honouring `Range: bytes=N-`. With `cut_after`,
    send that many bytes of this response and then cut the connection."""
    total = len(data)
    start, end = 0, total - 1
    status = 200
    headers = {"Accept-Ranges": "bytes"}
    wanted = request.headers.get("range")
    if wanted:
        match = _RANGE.match(wanted.strip())
        if match is None or int(match.group(1)) >= total:
            return Response(status_code=416, headers={"Content-Range": f"bytes */{total}"})
        start = int(match.group(1))
        if match.group(2):
            end = min(end, int(match.group(2)))
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{total}"
    body = data[start : end + 1]
    headers["Content-Length"] = str(len(body))

    async def chunks() -> AsyncIterator[bytes]:
        sent = 0
        while sent < len(body):
            size = chunk_size
            if cut_after is not None:
                size = min(size, cut_after - sent)
                if size <= 0:
                    raise InjectedFault("download cut on purpose")
            yield body[sent : sent + size]
            sent += size
            if chunk_delay:
                await wait_or_abort(chunk_delay, aborted)
            elif aborted():
                raise InjectedFault("server going away")

    return StreamingResponse(chunks(), status_code=status, headers=headers, media_type=content_type)


@dataclass
class Blob:
    """A file a CdnServer serves, and how it misbehaves."""

    data: bytes
    content_type: str = "video/mp4"
    chunk_size: int = 16384
    chunk_delay: float = 0.0
    cut_after: int | None = None
    cuts: int = 1  # how many responses are cut (the later ones complete)
    downloads: int = 0


class CdnServer:
    """A second origin (another port) serving result files; records every request."""

    def __init__(self) -> None:
        self._blobs: dict[str, Blob] = {}
        self._lock = threading.Lock()
        self._server = ThreadedServer(self._app, "cdn")

    async def _app(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        with self._lock:
            blob = self._blobs.get(request.url.path)
            if blob is not None and request.method == "GET":
                blob.downloads += 1
                cut = blob.cut_after if blob.downloads <= blob.cuts else None
        if blob is None or request.method != "GET":
            response: Response = JSONResponse({"detail": "not found"}, status_code=404)
        else:
            generation = self._server.generation
            response = serve_bytes(
                request,
                blob.data,
                content_type=blob.content_type,
                chunk_size=blob.chunk_size,
                chunk_delay=blob.chunk_delay,
                cut_after=cut,
                aborted=lambda: self._server.generation != generation,
            )
        await response(scope, receive, send)

    def put(
        self,
        path: str,
        data: bytes,
        *,
        content_type: str = "video/mp4",
        chunk_size: int = 16384,
        chunk_delay: float = 0.0,
        cut_after: int | None = None,
        cuts: int = 1,
    ) -> str:
        """Serve `data` at `path` (e.g. `/media/x.mp4`); return its absolute URL."""
        path = "/" + path.lstrip("/")
        with self._lock:
            self._blobs[path] = Blob(data, content_type, chunk_size, chunk_delay, cut_after, cuts)
        return self.url + path

    def downloads(self, path: str) -> int:
        with self._lock:
            blob = self._blobs.get("/" + path.lstrip("/"))
            return blob.downloads if blob else 0

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._server.requests

    def start(self) -> CdnServer:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    @property
    def server(self) -> ThreadedServer:
        return self._server

    def __enter__(self) -> CdnServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
