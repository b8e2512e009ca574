"""The built-in renderer's HTTP server: `framecast serve`.

It speaks the SuperDuperAI contract (docs/api.md) under `/api/v1/...` so the
app has one code path for the cloud and for this local backend: catalogue
and styles (paged with `next` cursors, at most PAGE_CAP items a page),
the account (`user/me`), picture upload, `generate-video`, polling of files
and projects, the account's file list and deletion, and Server-Sent Events
with ids and `Last-Event-ID` replay. Every `/api/v1` request needs
`Authorization: Bearer <token>`;
finished videos, posters and uploads are served without auth at unguessable
`/media/<uuid4 hex>.<ext>` URLs with HTTP Range support, as a CDN would.

The token comes from `--token`, else from the environment variable
`FRAMECAST_SERVE_TOKEN` (how `launcher.LocalRendererProcess` passes it, so it
stays off the process list), else a random one printed as `token: <token>`.
Once the socket accepts requests, one line `listening on http://HOST:PORT` is
printed on stdout; the server then runs until SIGINT or SIGTERM and stops its
render workers before it exits.

Environment variable for demos and tests: `FRAMECAST_LOCAL_MIN_RENDER_SECONDS`
(a number of seconds) paces every render to last at least that long, so
progress can be seen moving; unset or 0 renders as fast as the machine can.
The server's limits (body sizes, timeouts, queue and stream caps, the `Host`
allow-list) live in `app.local.limits`; `FRAMECAST_LOCAL_LIMITS` changes them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import logging
import os
import secrets
import signal
import socket
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from pathlib import Path

import uvicorn
from PIL import Image
from sse_starlette.sse import AppStatus, EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from app.local.catalogue import CATALOGUE, STYLES, InvalidConfig, parse_config
from app.local.jobs import RenderService
from app.local.limits import HostAllowList, Limits, RequestLimits, exception_handlers, h11_protocol
from app.local.records import (
    IN_PROGRESS,
    MEDIA_TYPES,
    FileRecord,
    RecordStore,
    is_media_name,
    is_valid_id,
    new_id,
)
from app.local.renderer import base_hue, hsv_colour
from app.local.uploads import UploadRejected, check_image, multipart_field

log = logging.getLogger("framecast.local.server")

TOKEN_ENV = "FRAMECAST_SERVE_TOKEN"
PARENT_PIPE_ENV = "FRAMECAST_SERVE_PARENT_PIPE"  # see app.local.launcher
MIN_RENDER_SECONDS_ENV = "FRAMECAST_LOCAL_MIN_RENDER_SECONDS"
KEEPALIVE_SECONDS = 15
API_PREFIX = "/api/"
#: Lists answer at most this many items a page, whatever the client asks, so
#: every client of this renderer follows `next` cursors as the cloud needs.
PAGE_CAP = 5
DEFAULT_PAGE_LIMIT = 50  # the SDK's default
LOCAL_ACCOUNT = {
    "id": "local",
    "sub": "local",
    "nickname": "local",
    "email": "local@localhost",
    "name": "Built-in renderer",
    "vip": False,
    "admin": False,
}


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


class BearerAuth:
    """ASGI middleware: `/api/...` needs the bearer token; media stays public."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._token = token.encode("utf-8")

    def _authorized(self, scope: Scope) -> bool:
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, credentials = value.partition(b" ")
                return scheme.lower() == b"bearer" and secrets.compare_digest(
                    credentials.strip(), self._token
                )
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["path"].startswith(API_PREFIX)
            and not self._authorized(scope)
        ):
            response = JSONResponse(
                {"detail": "Missing or invalid API token."},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class LocalApi:
    """The route handlers, over one record store and one render service."""

    def __init__(self, store: RecordStore, service: RenderService) -> None:
        self.store = store
        self.service = service
        self._thumbnails: dict[str, bytes] = {}

    @property
    def base_url(self) -> str:
        return self.service.base_url

    # ------------------------------------------------------------ catalogue

    def _page(
        self,
        request: Request,
        items: list[dict[str, object]],
        *,
        order_by: tuple[str, ...] = ("name", "label", "title"),
        default_order: str = "ascendent",
    ) -> Response:
        """One page of a list (IResponsePaginated_*.ts), at most PAGE_CAP items
        whatever the client asked, with `next` as a cursor `{offset, limit}`."""
        query = request.query_params
        try:
            limit = int(query.get("limit", str(DEFAULT_PAGE_LIMIT)))
            offset = int(query.get("offset", "0"))
        except ValueError:
            return _error(422, "limit and offset must be whole numbers.")
        if not 1 <= limit <= 1000 or offset < 0:
            return _error(422, "limit must be 1 to 1000 and offset at least 0.")
        order = query.get("order", default_order)
        if order not in ("ascendent", "descendent", "asc", "desc"):
            return _error(422, "order must be ascendent or descendent.")
        key = query.get("order_by", order_by[0])
        if key not in order_by:
            return _error(422, f"order_by must be one of {', '.join(order_by)}.")
        descending = order in ("descendent", "desc")
        items = sorted(
            # Reversed first, so that ties (files made in the same second) keep
            # the list's own order in the direction asked for.
            reversed(items) if descending else items,
            # Nulls (a config without a label) sort after values, before them when
            # descending, as PostgreSQL sorts them.
            key=lambda item: (item.get(key) is None, str(item.get(key) or "")),
            reverse=descending,
        )
        limit = min(limit, PAGE_CAP)
        total = len(items)
        page = items[offset : offset + limit]
        end = offset + len(page)
        cursor = {"offset": end, "limit": limit} if end < total else None
        return JSONResponse(
            {"items": page, "total": total, "limit": limit, "offset": offset, "next": cursor}
        )

    async def generation_config(self, request: Request) -> Response:
        kind = request.query_params.get("type")
        items = [m.to_json() for m in CATALOGUE.values() if kind in (None, "", m.type)]
        return self._page(request, items)

    async def styles(self, request: Request) -> Response:
        items = [s.to_json(f"{self.base_url}/media/styles/{s.name}.png") for s in STYLES.values()]
        return self._page(request, items)

    async def style_thumbnail(self, request: Request) -> Response:
        name = request.path_params["name"].removesuffix(".png")
        style = STYLES.get(name)
        if style is None:
            return _error(404, "No such style.")
        if name not in self._thumbnails:
            hue = base_hue(style.title or style.name)
            img = Image.new("RGB", (160, 90))
            top, bottom = (
                hsv_colour(hue, style.saturation, style.top_value),
                hsv_colour(hue, style.saturation, style.bottom_value),
            )
            for y in range(90):
                mix = y / 89
                colour = tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
                img.paste(colour, (0, y, 160, y + 1))
            accent = hsv_colour(hue + style.hue_offsets[-1], style.saturation, style.accent_value)
            img.paste(accent, (60, 25, 100, 65))
            buffer = io.BytesIO()
            img.save(buffer, "PNG")
            self._thumbnails[name] = buffer.getvalue()
        return Response(
            self._thumbnails[name],
            media_type="image/png",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    async def user_me(self, request: Request) -> Response:
        """IUserRead.ts for the renderer's one account: not VIP, no balance."""
        return JSONResponse(LOCAL_ACCOUNT)

    # ------------------------------------------------------------ upload

    async def upload(self, request: Request) -> Response:
        kind = request.query_params.get("type", "image")
        if kind != "image":
            return _error(422, f"Uploads of type {kind!r} are not supported; use type=image.")
        try:
            # RequestLimits has capped and read the body already; check_image
            # holds the picture itself to uploads.MAX_UPLOAD_BYTES.
            body = await request.body()
            data = multipart_field(request.headers.get("content-type", ""), body)
            checked = await run_in_threadpool(check_image, data)
        except UploadRejected as exc:
            return _error(422, str(exc))
        file_id = new_id()
        name = f"{file_id}.{checked.extension}"
        path = self.store.media_path(name)
        tmp = path.with_name(f".{name}.part")
        await run_in_threadpool(tmp.write_bytes, checked.data)
        os.replace(tmp, path)
        record = FileRecord(
            id=file_id,
            type="image",
            media_name=name,
            content_type=checked.content_type,
            size=len(checked.data),
            width=checked.width,
            height=checked.height,
            progress=1.0,
        )
        self.store.add(record)
        log.info(
            "upload %s: %s %dx%d, %d bytes",
            file_id,
            checked.content_type,
            checked.width,
            checked.height,
            len(checked.data),
        )
        return JSONResponse(record.to_json(self.base_url))

    # ------------------------------------------------------------ generation

    async def generate_video(self, request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            return _error(422, 'The request body must be JSON: {"config": {...}}.')
        config = body.get("config") if isinstance(body, dict) else None
        if not isinstance(config, dict):
            return _error(422, 'Send the settings as {"config": {...}}.')
        try:
            generation = parse_config(config)
        except InvalidConfig as exc:
            return _error(422, str(exc))
        source: FileRecord | None = None
        if generation.source_id is not None:
            found = (
                self.store.get(generation.source_id) if is_valid_id(generation.source_id) else None
            )
            if found is None or found.type != "image":
                return _error(
                    422,
                    f"The source picture {generation.source_id!r} was not "
                    "found: upload it first with file/upload.",
                )
            source = found
        record = self.service.submit(generation, source)
        return JSONResponse(record.to_json(self.base_url))

    def _lookup(self, request: Request, key: str) -> FileRecord:
        ident = request.path_params[key]
        if not is_valid_id(ident):
            raise HTTPException(404, "Not a valid id.")
        record = self.store.get(ident) if key == "file_id" else self.store.by_project(ident)
        if record is None:
            raise HTTPException(404, "Not found.")
        return record

    async def get_file(self, request: Request) -> Response:
        return JSONResponse(self._lookup(request, "file_id").to_json(self.base_url))

    async def list_files(self, request: Request) -> Response:
        """The account's files (`GET file?types=video&types=image...`), newest first."""
        types = set(request.query_params.getlist("types"))
        items = [r.to_json(self.base_url) for r in self.store.all() if not types or r.type in types]
        return self._page(request, items, order_by=("created_at", "id"), default_order="descendent")

    async def delete_file(self, request: Request) -> Response:
        """Delete a file and its media; answers the file as it was (IFileRead.ts)."""
        record = self._lookup(request, "file_id")
        if record.status == IN_PROGRESS:
            return _error(
                409, "This video is still being made; delete it once it has finished or failed."
            )
        body = record.to_json(self.base_url)
        self.store.remove(record.id)
        log.info("deleted %s %s", record.type, record.id)
        return JSONResponse(body)

    async def get_project(self, request: Request) -> Response:
        return JSONResponse(self._lookup(request, "project_id").project_json(self.base_url))

    async def events(self, request: Request) -> Response:
        kind, _, ident = request.path_params["channel"].partition(".")
        if kind not in ("file", "project") or not is_valid_id(ident):
            return _error(404, "No such event channel; use file.<id> or project.<id>.")
        record = self.store.get(ident) if kind == "file" else self.store.by_project(ident)
        if record is None or record.type != "video":
            return _error(404, "Not found.")
        events = self.service.events_for(record)
        try:
            last_seen = max(0, int(request.headers.get("last-event-id", "0")))
        except ValueError:
            last_seen = 0

        async def stream() -> AsyncIterator[ServerSentEvent]:
            seen = last_seen
            while True:
                for event in await events.wait_after(seen):
                    seen = event.id
                    yield ServerSentEvent(data=json.dumps(event.payload), id=str(event.id))

        return EventSourceResponse(
            stream(),
            ping=KEEPALIVE_SECONDS,
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    # ------------------------------------------------------------ media

    async def media(self, request: Request) -> Response:
        name = request.path_params["name"]
        if not is_media_name(name):
            return _error(404, "Not found.")
        path = self.store.media_path(name)
        if not path.is_file():
            return _error(404, "Not found.")
        return FileResponse(
            path,
            media_type=MEDIA_TYPES[name.rsplit(".", 1)[1]],
            headers={"Cache-Control": "public, max-age=31536000, immutable"},
        )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


def build_app(
    store: RecordStore,
    service: RenderService,
    token: str,
    limits: Limits | None = None,
    bound_host: str = "127.0.0.1",
) -> ASGIApp:
    """The ASGI application: routes, JSON errors, bearer auth and the limits."""
    limits = limits or Limits()
    api = LocalApi(store, service)
    v1 = "/api/v1"
    routes = [
        Route(f"{v1}/generation-config", api.generation_config, methods=["GET"]),
        Route(f"{v1}/style", api.styles, methods=["GET"]),
        Route(f"{v1}/user/me", api.user_me, methods=["GET"]),
        Route(f"{v1}/file/upload", api.upload, methods=["POST"]),
        Route(f"{v1}/file/generate-video", api.generate_video, methods=["POST"]),
        Route(f"{v1}/file", api.list_files, methods=["GET"]),
        Route(f"{v1}/file/{{file_id}}", api.get_file, methods=["GET"]),
        Route(f"{v1}/file/{{file_id}}", api.delete_file, methods=["DELETE"]),
        Route(f"{v1}/project/{{project_id}}", api.get_project, methods=["GET"]),
        Route(f"{v1}/events/{{channel}}", api.events, methods=["GET"]),
        Route("/media/styles/{name}", api.style_thumbnail, methods=["GET", "HEAD"]),
        Route("/media/{name}", api.media, methods=["GET", "HEAD"]),
    ]
    handlers: dict[type[Exception] | int, Callable[[Request, Exception], Awaitable[Response]]]
    handlers = {HTTPException: _http_error, **exception_handlers(limits)}
    app = Starlette(routes=routes, exception_handlers=handlers)
    limited = RequestLimits(app, limits, upload_paths=[f"{v1}/file/upload"])
    return HostAllowList(BearerAuth(limited, token), bound_host)


# ---------------------------------------------------------------- running


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: `serve_main` installs its own,
    so a signal ends the server cleanly instead of being re-raised after it."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets
    # that say they are TCP, and with Nagle on every small response waits ~40 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if sock.family == socket.AF_INET6:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            stream=sys.stderr,
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "sse_starlette"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _min_render_seconds() -> float:
    raw = os.environ.get(MIN_RENDER_SECONDS_ENV, "").strip()
    if not raw:
        return 0.0
    try:
        return max(0.0, float(raw))
    except ValueError:
        log.warning("ignoring %s=%r: not a number", MIN_RENDER_SECONDS_ENV, raw)
        return 0.0


def _stop_when_parent_goes(
    loop: asyncio.AbstractEventLoop, request_stop: Callable[[], None]
) -> None:
    """Block on stdin, a pipe from the app that started this renderer, until it
    closes (the app stopped or died), then stop the server. Runs in a thread."""
    try:
        while os.read(0, 4096):
            pass  # the app never writes; anything read is ignored
    except OSError:
        pass
    log.info("the app that started this renderer has gone; stopping")
    with contextlib.suppress(RuntimeError):  # the loop already closed
        loop.call_soon_threadsafe(request_stop)


async def _serve(
    sock: socket.socket,
    store: RecordStore,
    token: str,
    workers: int,
    min_seconds: float,
    watch_parent: bool = False,
) -> int:
    url = _url_for(sock)
    limits = Limits.from_env()
    service = RenderService(
        store, url, workers=workers, min_render_seconds=min_seconds, max_jobs=limits.max_jobs
    )
    config = uvicorn.Config(
        build_app(store, service, token, limits, sock.getsockname()[0]),
        http=h11_protocol(limits),
        timeout_keep_alive=limits.keep_alive_timeout,
        log_config=None,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    server = _Server(config)

    def request_stop() -> None:
        if server.should_exit:
            server.force_exit = True
        server.should_exit = True
        AppStatus.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, request_stop)
    if watch_parent:
        threading.Thread(
            target=_stop_when_parent_goes,
            args=(loop, request_stop),
            name="parent-pipe",
            daemon=True,
        ).start()
    service.start()
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if serving.done():
                log.error("the server did not start")
                return 1
            await asyncio.sleep(0.01)
        print(f"listening on {url}", flush=True)
        log.info("render workers: %d; data in %s", service.workers, store.files_dir.parent)
        await serving
    finally:
        await service.close()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("stopped")
    return 0


def serve_main(args: argparse.Namespace, data_dir: Path) -> int:
    """`framecast serve`: run the built-in renderer, its files in `data_dir`
    (a writable folder, checked by the caller), until SIGINT/SIGTERM."""
    _configure_logging()
    env_token = os.environ.pop(TOKEN_ENV, None)  # workers need not inherit it
    watch_parent = os.environ.pop(PARENT_PIPE_ENV, "") == "1"
    token = getattr(args, "token", None) or env_token
    if not token:
        token = secrets.token_urlsafe(24)
        print(f"token: {token}", flush=True)
    host = getattr(args, "host", None) or "127.0.0.1"
    port = getattr(args, "port", None) or 0
    workers = getattr(args, "workers", None) or 1
    try:
        sock = _bind(host, port)
    except OSError as exc:
        print(f"framecast serve: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    store = RecordStore(data_dir)
    store.load()
    try:
        return asyncio.run(_serve(sock, store, token, workers, _min_render_seconds(), watch_parent))
    finally:
        sock.close()
