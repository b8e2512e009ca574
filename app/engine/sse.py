"""The live event stream of one job: SSE with the WHATWG EventSource rules.

Off-the-shelf SSE decoders keep unbounded buffers, drop the first event after
a UTF-8 BOM, emit empty "phantom" events, and never reconnect, send
`Last-Event-ID`, honour `retry:` or check the status. So the parsing here is
an incremental, bounded byte parser with those rules, and `EventStream` is
the reconnecting loop around it, over the bytes the client yields
(`SuperDuperClient.open_event_stream`, which checks the status and the
content type and turns every refusal into a typed error):

- a refusal (the server answered, but not with a 200 event stream) is not
  retried in a tight loop: the tracker's poller takes over and the stream is
  retried later with backoff;
- a dropped stream reconnects with capped exponential backoff and jitter,
  honouring the server's `retry:` clamped to `sse_retry_min..sse_retry_max`
  (a `retry: 0` must not become a reconnect storm), sending `Last-Event-ID`
  once an id was seen; after `sse_connect_budget` attempts the stream gives
  up and polling carries the job alone;
- no read timeout, but an idle timeout: silence longer than
  `sse_idle_timeout` (keepalive comments count as activity) means stalled;
- events over `max_event_bytes` are dropped with a warning; event data is
  parsed with bounded depth (`app.api.bounded_json`), and malformed or too
  deeply nested JSON and unknown types are logged and skipped: the stream
  lives on;
- an unexpected error in the connection itself is logged with its traceback
  and retried with backoff like a dropped stream; an error raised by the
  `on_message` handler is the caller's (`HandlerError`) and ends `run()`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from enum import StrEnum
from typing import NamedTuple

from app.api.bounded_json import loads_bounded
from app.api.client import SuperDuperClient
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    ProtocolError,
    RateLimitedError,
)
from app.api.models import StreamMessage, UnknownMessage, parse_message
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics

log = logging.getLogger("framecast.engine")

_BOM = b"\xef\xbb\xbf"
#: A `retry:` with more digits than this is read as this many (int() of
#: thousands of digits raises, and any such value is clamped anyway).
_MAX_RETRY_DIGITS = 9
_LINE_END = re.compile(rb"\r\n|\r|\n")


class ServerSentEvent(NamedTuple):
    """One dispatched event: its type ("message" unless named), its data
    lines joined by newlines, the last event id seen, and its `retry:` in ms.
    (A named tuple: one is made per event, and it is the cheapest to make.)"""

    event: str
    data: str
    id: str
    retry: int | None = None


class SSEParser:
    """Turns the bytes of an event stream into events, whatever the chunking.

    Follows the WHATWG "interpret an event stream" rules: a leading BOM is
    skipped, lines end at CRLF, CR or LF, `:` lines are comments, an event is
    dispatched at a blank line only when it has data, `id` (without NUL)
    survives across events, `retry` takes only digits. Memory is bounded: a
    line or event larger than `max_event_bytes` is discarded whole, and
    counted in `oversized`.
    """

    def __init__(self, max_event_bytes: int = 1 << 20) -> None:
        self.max_event_bytes = max_event_bytes
        self.last_event_id = ""
        self.oversized = 0
        self._buffer = bytearray()
        self._at_start = True
        self._skip_lf = False
        self._discarding_line = False
        self._reset_event()

    def _reset_event(self) -> None:
        self._data: list[str] = []
        self._size = 0
        self._event_type = ""
        self._retry: int | None = None
        self._too_big = False

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Parse a chunk; return the events it completed, in order."""
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
        self._buffer += chunk
        if self._at_start:
            if len(self._buffer) < len(_BOM) and _BOM.startswith(bytes(self._buffer)):
                return []
            if self._buffer.startswith(_BOM):
                del self._buffer[: len(_BOM)]
            self._at_start = False
        events: list[ServerSentEvent] = []
        pos = 0
        buffer = self._buffer
        for match in _LINE_END.finditer(buffer):
            start, end = match.span()
            if end == len(buffer) and match.group() == b"\r":
                # A CR at the very end may be the first half of CRLF.
                self._skip_lf = True
            if self._discarding_line:
                self._discarding_line = False
            else:
                event = self._line(bytes(buffer[pos:start]))
                if event is not None:
                    events.append(event)
            pos = end
        del buffer[:pos]
        if len(buffer) > self.max_event_bytes:
            # An endless line: drop what we have and the rest of it.
            buffer.clear()
            self._discarding_line = True
            self._mark_too_big()
        return events

    def _mark_too_big(self) -> None:
        if not self._too_big:
            self._too_big = True
            self.oversized += 1
            log.warning("dropping an event larger than %d bytes", self.max_event_bytes)

    def _line(self, raw: bytes) -> ServerSentEvent | None:
        if not raw:
            return self._dispatch()
        if raw.startswith(b":"):
            return None
        line = raw.decode("utf-8", errors="replace")
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._size += len(raw)
            if self._size > self.max_event_bytes:
                self._mark_too_big()
                self._data = []
            elif not self._too_big:
                self._data.append(value)
        elif name == "event":
            self._event_type = value
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            digits = value.lstrip("0") or "0"
            self._retry = int(digits) if len(digits) <= _MAX_RETRY_DIGITS else 10**_MAX_RETRY_DIGITS
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        too_big, data, event_type, retry = (
            self._too_big,
            self._data,
            self._event_type,
            self._retry,
        )
        self._reset_event()
        if too_big or not data:
            if retry is not None and not too_big:
                # A retry-only block still changes the reconnection time.
                return ServerSentEvent(event="message", data="", id=self.last_event_id, retry=retry)
            return None
        return ServerSentEvent(event_type or "message", "\n".join(data), self.last_event_id, retry)


class StreamState(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    REFUSED = "refused"  # the server answered, but not with an event stream
    OFFLINE = "offline"  # the server could not be reached


class StreamStalled(Exception):
    """Nothing (not even a keepalive) arrived within the idle timeout."""


class HandlerError(Exception):
    """The `on_message` handler raised; the original error is `__cause__`."""


MessageHandler = Callable[[StreamMessage], Awaitable[None] | None]
StateHandler = Callable[[StreamState, str], None]


class EventStream:
    """Follows `events/{channel}` until stopped, reconnecting as needed.

    `on_message` gets each parsed message; `on_state` gets every change of
    the stream's state with a reason for the log and the UI. An
    AuthenticationError ends the loop (raised to the caller): retrying a
    refused token helps nobody.
    """

    def __init__(
        self,
        client: SuperDuperClient,
        channel: str,
        *,
        config: EngineConfig,
        diagnostics: Diagnostics,
        on_message: MessageHandler,
        on_state: StateHandler,
        job_label: str = "",
    ) -> None:
        self.client = client
        self.channel = channel
        self.config = config
        self.diagnostics = diagnostics
        self.on_message = on_message
        self.on_state = on_state
        self.label = job_label or channel
        self.last_event_id: str | None = None
        self.retry_ms: int | None = None
        self.state = StreamState.CONNECTING
        self._failures = 0
        self.attempts = 0
        self._connected_once = False
        self._deadline: asyncio.Timeout | None = None
        self._restart_reason: str | None = None

    def restart(self, reason: str) -> None:
        """Drop a live connection that has fallen behind and connect again
        (with `Last-Event-ID`), as if it had stalled."""
        if self._deadline is not None and self.state == StreamState.LIVE:
            log.info("%s: restarting the stream (%s)", self.label, reason)
            self._restart_reason = reason
            self._deadline.reschedule(asyncio.get_running_loop().time())

    def _set_state(self, state: StreamState, reason: str) -> None:
        if state != self.state:
            log.info("%s: stream %s -> %s (%s)", self.label, self.state, state, reason)
            self.state = state
            self.on_state(state, reason)

    def _backoff(self, refused: bool, retry_after: float | None = None) -> float:
        """Delay before the next attempt: the server's `retry:` as the base when
        it gave one, doubling per consecutive failure, capped, with jitter."""
        if retry_after is not None:
            return min(retry_after, self.config.retry_after_max)
        if refused:
            base = self.config.sse_refused_retry
            cap = max(base, self.config.sse_backoff_max * 4)
        elif self.retry_ms is not None:
            base = min(
                max(self.retry_ms / 1000.0, self.config.sse_retry_min), self.config.sse_retry_max
            )
            cap = max(base, self.config.sse_backoff_max)
        else:
            base = self.config.sse_backoff_initial
            cap = max(base, self.config.sse_backoff_max)
        delay = min(cap, base * (2 ** max(0, self._failures - 1)))
        return delay * random.uniform(0.8, 1.2)

    async def run(self) -> None:
        """Follow the stream until cancelled, or until the budget of connection
        attempts is spent (then return, REFUSED). Raises AuthenticationError
        and HandlerError."""
        while True:
            if self.attempts >= self.config.sse_connect_budget:
                self._set_state(StreamState.REFUSED, f"gave up after {self.attempts} attempts")
                log.warning("%s: stream budget spent; polling alone from now", self.label)
                return
            self.attempts += 1
            retry_after: float | None = None
            refused = False
            try:
                await self._connect_once()
                # A clean close is a failure too: hand over to polling now,
                # not after the backoff.
                reason = "stream closed by the server"
                self.diagnostics.sse_failures += 1
                self._set_state(StreamState.RECONNECTING, reason)
            except AuthenticationError:
                self._set_state(StreamState.REFUSED, "token refused")
                raise
            except StreamStalled:
                reason = self._restart_reason or f"no data for {self.config.sse_idle_timeout:g} s"
                self._restart_reason = None
                self.diagnostics.sse_failures += 1
                self._set_state(StreamState.RECONNECTING, reason)
            except RateLimitedError as exc:
                refused = True
                retry_after = exc.retry_after
                reason = "rate limited"
                self.diagnostics.sse_failures += 1
                self._set_state(StreamState.REFUSED, reason)
            except HandlerError:
                raise
            except ApiError as exc:
                self.diagnostics.sse_failures += 1
                if exc.status is not None:
                    # The server answered, but not with a live event stream.
                    refused = True
                    reason = exc.detail
                    self._set_state(StreamState.REFUSED, reason)
                elif isinstance(exc, BackendUnavailableError):
                    reason = exc.detail or "backend unreachable"
                    self._set_state(
                        StreamState.OFFLINE
                        if not self._connected_once or self._failures >= 2
                        else StreamState.RECONNECTING,
                        reason,
                    )
                else:  # e.g. a body that does not decode: retry it, not in a hurry
                    log.warning("%s: the stream failed unexpectedly: %s", self.label, exc.detail)
                    refused = True
                    reason = f"unexpected {type(exc).__name__}"
                    self._set_state(StreamState.RECONNECTING, reason)
            except Exception as exc:  # a fault below us: retry it
                log.warning("%s: the stream failed unexpectedly", self.label, exc_info=exc)
                reason = f"unexpected {type(exc).__name__}"
                self.diagnostics.sse_failures += 1
                self._set_state(StreamState.RECONNECTING, reason)
            self._failures += 1
            delay = self._backoff(refused, retry_after)
            log.info("%s: reconnecting the stream in %.2f s (%s)", self.label, delay, reason)
            await asyncio.sleep(delay)
            if self.state in (StreamState.LIVE, StreamState.CONNECTING):
                self._set_state(StreamState.RECONNECTING, reason)
            self.diagnostics.sse_reconnects += 1

    async def _connect_once(self) -> None:
        parser = SSEParser(self.config.max_event_bytes)
        if self.last_event_id:
            parser.last_event_id = self.last_event_id
        async with self.client.open_event_stream(
            self.channel, last_event_id=self.last_event_id
        ) as chunks:
            self.diagnostics.sse_connects += 1
            self._connected_once = True
            self._set_state(StreamState.LIVE, "connected")
            await self._read(parser, chunks)

    async def _read(self, parser: SSEParser, chunks: AsyncIterator[bytes]) -> None:
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
        # cancellation that arrives as a chunk does, and the stream never stops.
        loop = asyncio.get_running_loop()
        idle = self.config.sse_idle_timeout
        try:
            async with asyncio.timeout(idle) as deadline:
                self._deadline = deadline
                async for chunk in chunks:
                    deadline.reschedule(loop.time() + idle)
                    await self._feed(parser, chunk)
        except TimeoutError:
            raise StreamStalled() from None
        finally:
            self._deadline = None

    async def _feed(self, parser: SSEParser, chunk: bytes) -> None:
        before = parser.oversized
        for event in parser.feed(chunk):
            self._failures = 0
            if event.retry is not None:
                self.retry_ms = event.retry
            if event.id:
                self.last_event_id = event.id
            if event.data:
                await self._deliver(event)
        if parser.oversized != before:
            self.diagnostics.events_skipped += parser.oversized - before
        if parser.last_event_id:
            self.last_event_id = parser.last_event_id

    async def _deliver(self, event: ServerSentEvent) -> None:
        self.diagnostics.events_received += 1
        try:
            payload = loads_bounded(
                event.data, what="event data", max_bytes=self.config.max_event_bytes
            )
            if not isinstance(payload, dict):
                raise ProtocolError("event data is not a JSON object")
            message = parse_message(payload)
        except ProtocolError as exc:
            self.diagnostics.events_skipped += 1
            log.warning(
                "%s: skipped a malformed event (id %r): %s", self.label, event.id, exc.detail[:200]
            )
            return
        if isinstance(message, UnknownMessage):
            log.debug("%s: ignored event of type %r", self.label, message.type)
            return
        log.info("%s: event %s (id %r)", self.label, message.type, event.id)
        try:
            result = self.on_message(message)
            if result is not None:
                await result
        except Exception as exc:
            raise HandlerError(f"handling a {message.type} event failed") from exc
