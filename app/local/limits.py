"""Limits that keep the built-in renderer answering, whatever it is sent.

The renderer listens on loopback, where any program and any web page the
user opens can reach it. Each limit here answers one way it could be worn
down, with a plain status and a JSON `{"detail": ...}` a person can read:

- `HostAllowList`: only requests addressed to the renderer by a loopback
  name (or the address it was bound to) are answered; anything else is 421.
  A web page that rebinds its own DNS name to 127.0.0.1 still sends its own
  name in `Host`, so it cannot read the API through the user's browser.
- `RequestLimits`: request bodies are capped (413), counted as they stream
  in, so a chunked body without Content-Length is stopped just the same and
  never held in memory past its cap; a body must arrive within
  `body_timeout` (408); JSON bodies are refused with 422 when nested deeper
  than `max_json_depth`, or when they hold NaN, Infinity, a float that
  overflows (1e999) or a whole number past a signed 64-bit one; at most `max_streams`
  event streams are open at once (429 with Retry-After). A client that hangs
  up mid-body is dropped quietly.
- `GuardedH11Protocol` (uvicorn's h11 protocol, extended): a connection must
  deliver each request's head (request line and headers) within
  `head_timeout` of opening or of its previous response, however slowly it
  trickles bytes in; at most `max_connections` are open, and past that the
  one that has waited longest for its next request is closed to make room.
  Neither writes anything to the log per connection.
- `exception_handlers`: the answer (429 with Retry-After) when the render
  queue is full (`RenderService` takes at most `max_jobs` unfinished videos).

`Limits()` holds the defaults; `Limits.from_env()` lets demos and tests
change them through `FRAMECAST_LOCAL_LIMITS`, a comma-separated list of
`name=value` pairs such as `max_jobs=2,head_timeout=0.5`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import json
import logging
import math
import os
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

import h11
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.local.jobs import DEFAULT_MAX_JOBS, QueueFull
from app.local.uploads import MAX_UPLOAD_BYTES

log = logging.getLogger("framecast.local.limits")

ExceptionHandler = Callable[[Request, Exception], Awaitable[Response]]

LIMITS_ENV = "FRAMECAST_LOCAL_LIMITS"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})
#: Multipart headers and boundaries around an uploaded picture.
_UPLOAD_SLACK = 256 * 1024


@dataclass(frozen=True)
class Limits:
    """Every limit of the built-in renderer, in bytes, seconds and counts."""

    max_json_bytes: int = 256 * 1024  # a generate-video config is a few hundred bytes
    max_upload_bytes: int = MAX_UPLOAD_BYTES + _UPLOAD_SLACK
    # Past a cap, up to this much more of a declared body is let through and
    # dropped by the server so the client reads its 413 instead of a reset
    # connection; a larger declared body is refused before it is read at all.
    drain_bytes: int = 16 * 1024 * 1024
    max_json_depth: int = 32
    max_integer: int = 2**63 - 1
    max_jobs: int = DEFAULT_MAX_JOBS  # unfinished videos: rendering and waiting
    max_streams: int = 32  # open event streams
    max_connections: int = 256
    head_timeout: float = 10.0
    body_timeout: float = 60.0
    keep_alive_timeout: int = 5  # seconds, between requests on one connection
    retry_after: int = 5  # seconds, in the Retry-After of a 429

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, with the `name=value` overrides of `FRAMECAST_LOCAL_LIMITS`."""
        raw = (os.environ if environ is None else environ).get(LIMITS_ENV, "").strip()
        if not raw:
            return cls()
        kinds = {f.name: f.type for f in dataclasses.fields(cls)}
        changes: dict[str, int | float] = {}
        for item in raw.split(","):
            name, _, value = (part.strip() for part in item.partition("="))
            try:
                number = float(value) if kinds.get(name) == "float" else int(value)
            except ValueError:
                number = -1
            if name not in kinds or number <= 0:
                log.warning(
                    "ignoring %s entry %r: not a known limit with a positive value",
                    LIMITS_ENV,
                    item,
                )
                continue
            changes[name] = number
        return dataclasses.replace(cls(), **changes)  # type: ignore[arg-type]


def _refusal(
    status: int, detail: str, *, retry_after: int | None = None, close: bool = False
) -> Response:
    headers: dict[str, str] = {}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if close:
        headers["Connection"] = "close"
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def exception_handlers(limits: Limits) -> dict[type[Exception] | int, ExceptionHandler]:
    """Starlette exception handlers for the limits routes run into."""

    async def queue_full(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, QueueFull)
        return _refusal(
            429,
            f"The built-in renderer already has {exc.waiting} videos to make; "
            "try again when one of them has finished.",
            retry_after=limits.retry_after,
        )

    return {QueueFull: queue_full}


# ---------------------------------------------------------------- Host


def host_of(value: str) -> str | None:
    """The host part of a `Host` header, lower-case and without brackets or port;
    None when the header is not a host with an optional numeric port."""
    value = value.strip().lower()
    if value.startswith("["):
        host, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not re.fullmatch(r":[0-9]{0,5}", rest)):
            return None
    else:
        host, _, port = value.partition(":")
        if ":" in port or (port and not port.isdigit()):
            return None
    try:
        return str(ipaddress.ip_address(host))  # one spelling per address: [0::1] is ::1
    except ValueError:
        return host or None


class HostAllowList:
    """ASGI middleware: answer only requests whose `Host` names this renderer."""

    def __init__(self, app: ASGIApp, bound_host: str) -> None:
        self.app = app
        bound = host_of(bound_host) or ""
        self._any_address = bound_host in _WILDCARD_HOSTS
        self._allowed = LOOPBACK_HOSTS | ({bound} if bound else set())
        self._detail = (
            "This renderer answers only requests addressed to it as "
            + " or ".join(sorted(self._allowed))
            + (" or by an IP address." if self._any_address else ".")
        )

    def allows(self, header: str | None) -> bool:
        host = host_of(header) if header is not None else None
        if host is None:
            return False
        if host in self._allowed:
            return True
        if self._any_address:  # a DNS rebinding attack always carries a name, never an address
            try:
                ipaddress.ip_address(host)
            except ValueError:
                return False
            return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            hosts = [v for k, v in scope.get("headers", []) if k == b"host"]
            header = hosts[0].decode("latin-1") if len(hosts) == 1 else None
            if not self.allows(header):
                await _refusal(421, self._detail, close=True)(scope, receive, send)
                return
        await self.app(scope, receive, send)


# ---------------------------------------------------------------- JSON


class JsonRejected(ValueError):
    """A JSON body this renderer refuses to read; the message says why."""


_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKETS = re.compile(rb"[\[\]{}]")


def json_depth(body: bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a bare value).

    Counted without parsing, so a body nested a million levels deep costs a
    scan, not a recursion error."""
    brackets = _JSON_BRACKETS.findall(_JSON_STRING.sub(b"", body))
    steps = (1 if b in (b"[", b"{") else -1 for b in brackets)
    return max(accumulate(steps, initial=0))


def check_json(body: bytes, limits: Limits) -> None:
    """Raise `JsonRejected` for JSON that nests too deeply or holds numbers no
    one can use (NaN, Infinity, 1e999, whole numbers beyond 64 bits).

    Text that is not JSON at all passes: the route that reads it says how
    the body should look."""
    if json_depth(body) > limits.max_json_depth:
        raise JsonRejected(
            f"The request nests more than {limits.max_json_depth} levels deep; "
            "send a plain JSON object."
        )

    def no_constant(name: str) -> object:
        raise JsonRejected(f"{name} is not a number this renderer accepts; send a finite number.")

    def finite_float(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise JsonRejected(f"The number {text[:20]} is too large.")
        return value

    def bounded_int(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > len(str(limits.max_integer)) or abs(int(text)) > limits.max_integer:
            shown = text if len(text) <= 24 else f"{text[:20]}… ({digits} digits)"
            raise JsonRejected(f"The whole number {shown} is too large.")
        return int(text)

    try:
        json.loads(
            body, parse_constant=no_constant, parse_float=finite_float, parse_int=bounded_int
        )
    except RecursionError:  # nesting the bracket count missed: the same answer
        raise JsonRejected(
            f"The request nests more than {limits.max_json_depth} levels deep."
        ) from None
    except JsonRejected:
        raise
    except ValueError:
        pass  # not JSON (or not UTF-8): the route's own reading of it explains


# ---------------------------------------------------------------- bodies and streams


@dataclass
class _Body:
    data: bytes
    size: int
    complete: bool  # read to its end (a body past its cap is read on only so far)


class RequestLimits:
    """ASGI middleware: body caps, JSON checks and the cap on open event streams."""

    def __init__(
        self,
        app: ASGIApp,
        limits: Limits,
        *,
        upload_paths: Iterable[str] = (),
        stream_prefix: str = "/api/v1/events/",
    ) -> None:
        self.app = app
        self.limits = limits
        self._upload_paths = frozenset(upload_paths)
        self._stream_prefix = stream_prefix
        self.open_streams = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["path"].startswith(self._stream_prefix):
            await self._stream(scope, receive, send)
        elif _declares_body(scope):
            await self._with_body(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _stream(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.open_streams >= self.limits.max_streams:
            response = _refusal(
                429,
                f"Too many event streams are open (at most {self.limits.max_streams}); "
                "close one or poll instead.",
                retry_after=self.limits.retry_after,
            )
            await response(scope, receive, send)
            return
        self.open_streams += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.open_streams -= 1

    async def _with_body(self, scope: Scope, receive: Receive, send: Send) -> None:
        upload = scope["path"] in self._upload_paths
        cap = self.limits.max_upload_bytes if upload else self.limits.max_json_bytes
        too_large = _too_large_detail(upload, cap)
        declared = _content_length(scope)
        if declared is not None and declared > cap:
            # Refused before reading. A body small enough is left for the server
            # to read and drop, so the client gets to read this answer.
            close = declared > cap + self.limits.drain_bytes
            await _refusal(413, too_large, close=close)(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.limits.body_timeout):
                body = await _read_body(receive, cap, cap + self.limits.drain_bytes)
        except TimeoutError:
            detail = f"The request body did not arrive within {self.limits.body_timeout:g} s."
            await _refusal(408, detail, close=True)(scope, receive, send)
            return
        if body is None:
            return  # the client hung up: nobody to answer, nothing to log
        if body.size > cap:
            await _refusal(413, too_large, close=not body.complete)(scope, receive, send)
            return
        if not _content_type(scope).startswith("multipart/"):
            try:
                check_json(body.data, self.limits)
            except JsonRejected as exc:
                await _refusal(422, str(exc))(scope, receive, send)
                return
        await self.app(scope, _replay(body.data, receive), send)


def _too_large_detail(upload: bool, cap: int) -> str:
    if upload:
        return f"The picture is too large; the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
    return f"The request is too large; the limit is {cap // 1024} KB."


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value)
    return None


def _content_length(scope: Scope) -> int | None:
    raw = _header(scope, b"content-length")
    return int(raw) if raw is not None and raw.strip().isdigit() else None


def _content_type(scope: Scope) -> str:
    return (_header(scope, b"content-type") or b"").decode("latin-1").lower()


def _declares_body(scope: Scope) -> bool:
    return bool(_content_length(scope)) or _header(scope, b"transfer-encoding") is not None


async def _read_body(receive: Receive, cap: int, give_up: int) -> _Body | None:
    """Read the body, keeping at most `cap` bytes; past the cap, read on and
    drop the rest until it ends or passes `give_up` bytes. None when the
    client disconnects first."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= cap:
            chunks.append(chunk)
        else:
            chunks.clear()  # refused anyway: hold nothing
        more = bool(message.get("more_body", False))
        if not more or size > give_up:
            return _Body(b"".join(chunks), size, complete=not more)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the app the body already read, then the real one."""
    pending = True

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


# ---------------------------------------------------------------- connections


def _raw_response(status: str, text: str, *extra: str) -> bytes:
    """A whole HTTP/1.1 response that closes the connection, for use outside h11."""
    body = text.encode("utf-8")
    head = [
        f"HTTP/1.1 {status}",
        "Content-Type: text/plain; charset=utf-8",
        *extra,
        "Connection: close",
        f"Content-Length: {len(body)}",
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


_REQUEST_TIMEOUT = _raw_response("408 Request Timeout", "The request did not arrive in time.")
_BUSY = _raw_response("503 Service Unavailable", "Too many connections.", "Retry-After: 1")


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for every request head and a
    cap on open connections (uvicorn has neither: its keep-alive timer stops
    at the first byte, so a client sending one byte now and then holds a
    connection forever).

    The deadline runs from the moment the connection opens, or its previous
    response ends, until the next request's head has been parsed; requests
    being handled (a long event stream, a render upload) are never timed.
    `h11_protocol(limits)` makes the class uvicorn is given."""

    limits: ClassVar[Limits] = Limits()

    _deadline: asyncio.TimerHandle | None = None
    _waiting_since: float | None = None
    _cycle_seen: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections and not self._make_room():
            transport.write(_BUSY)
            transport.close()
            return
        self._await_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._check_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()
            self._check_head()  # a pipelined request may already be parsed

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def _await_head(self) -> None:
        self._stop_deadline()
        self._waiting_since = self.loop.time()
        self._deadline = self.loop.call_later(self.limits.head_timeout, self._head_overdue)

    def _stop_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._waiting_since = None

    def _check_head(self) -> None:
        """Stop the deadline once a new request's head has been parsed."""
        cycle = self.cycle
        if cycle is not None and cycle is not self._cycle_seen and not cycle.response_complete:
            self._cycle_seen = cycle
            self._stop_deadline()

    def _head_overdue(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        partial_head = self.conn.their_state is h11.IDLE and bool(self.conn.trailing_data[0])
        if partial_head:
            self.transport.write(_REQUEST_TIMEOUT)
        self.transport.close()

    def _make_room(self) -> bool:
        """Close the connection that has waited longest for its next request;
        False when every other connection is busy with one."""
        waiting = [
            c
            for c in self.connections
            if isinstance(c, GuardedH11Protocol) and c is not self and c._waiting_since is not None
        ]
        if not waiting:
            return False
        oldest = min(waiting, key=lambda c: c._waiting_since or 0.0)
        oldest._stop_deadline()
        oldest.transport.close()
        oldest.connections.discard(oldest)  # counted out now, not when the loop gets to it
        return True


def h11_protocol(limits: Limits) -> type[GuardedH11Protocol]:
    """The protocol class for `uvicorn.Config(http=...)`, holding `limits`."""
    return type("LimitedH11Protocol", (GuardedH11Protocol,), {"limits": limits})
