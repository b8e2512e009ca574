"""The one map from an HTTP answer's status to a typed error (`app.api.errors`).

Every answer the client reads, a plain call, the event stream or a video
download, goes through `error_for_status` when it is not a success, so a 401
means the same thing wherever it comes from and nobody above `app/api` looks
at a status code. The server's own explanation is taken from the error body
(`{"detail": ...}`, `message`, `error`, or FastAPI's list of problems, kept
short), with the token redacted, into the error's `server_message`.
"""

from __future__ import annotations

import email.utils
import time

from app.api.bounded_json import loads_bounded
from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    ProtocolError,
    RateLimitedError,
)
from app.logs import redact

#: At most this much of an error body is read: the explanation is near its start.
MAX_ERROR_BODY_BYTES = 64 * 1024
_REFUSED = frozenset({400, 409, 413, 415, 422})


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def server_detail(body: bytes) -> str:
    """The server's own explanation from an error body, kept short ("" for none)."""
    try:
        parsed = loads_bounded(body[:MAX_ERROR_BODY_BYTES], what="error body")
    except ProtocolError:
        text = body[:MAX_ERROR_BODY_BYTES].decode("utf-8", errors="replace").strip()
        return text[:300] if text and "<html" not in text.lower() else ""
    if isinstance(parsed, dict):
        for key in ("detail", "message", "error"):
            value = parsed.get(key)
            if isinstance(value, str):
                return value[:500]
            if isinstance(value, list) and value:
                return _problem_list(value)
    return ""


def _problem_list(items: list[object]) -> str:
    """FastAPI's `[{"loc": [...], "msg": ...}, ...]` as `field: message; ...`."""
    parts = []
    for item in items[:5]:
        if isinstance(item, dict):
            loc = ".".join(str(p) for p in item.get("loc", [])[1:])
            msg = str(item.get("msg", ""))
            parts.append(f"{loc}: {msg}" if loc else msg)
        else:
            parts.append(str(item))
    return "; ".join(parts)[:500]


def error_for_status(
    status: int,
    where: str,
    body: bytes = b"",
    *,
    retry_after: str | None = None,
    secret: str | None = None,
) -> ApiError:
    """The typed error for an answer with this non-success `status` to the
    request `where` ("GET /api/v1/file/x"). A server that echoes the
    credentials in its error text must not carry them into ours: `secret`
    (and every registered secret) is redacted from the server's words."""
    said = redact(server_detail(body), also=secret) if body else ""
    if status in (401, 403):
        return AuthenticationError(f"{where}: HTTP {status}", status=status, server_message=said)
    if status == 402:
        return InsufficientCreditsError(f"{where}: HTTP 402", status=status, server_message=said)
    if status in _REFUSED:
        return InvalidRequestError(
            f"{where}: HTTP {status} {said}".strip(), status=status, server_message=said
        )
    if status == 404:
        return NotFoundError(f"{where}: HTTP 404", status=status, server_message=said)
    if status == 429:
        return RateLimitedError(f"{where}: HTTP 429", retry_after=parse_retry_after(retry_after))
    if status >= 500:
        return BackendUnavailableError(f"{where}: HTTP {status}", status=status)
    return ProtocolError(f"{where}: unexpected HTTP {status}", status=status)
