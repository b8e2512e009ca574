"""Every way a call to the backend can fail, as typed errors.

```
ApiError                      anything the backend layer reports
 ├── AuthenticationError      401/403: the token is wrong, expired or missing
 ├── InsufficientCreditsError 402: the account has no credits left
 ├── InvalidRequestError      400/409/413/415/422: the backend refused the request
 │    └── UnusableImageError  a source picture that can't be sent (why: an `ImageProblem`)
 ├── NotFoundError            404: no such file, project or endpoint
 ├── RateLimitedError         429: too many requests; `retry_after` seconds to wait
 ├── BackendUnavailableError  connect errors, timeouts, 5xx: try again later
 ├── ProtocolError            an answer that does not match the contract
 │    └── PagingError         a paged list that loops, never ends, or has a malformed cursor
 └── UnsafeUrlError           an id or URL that must not be used (hostile or non-http)
```

Each error carries `status` when an HTTP status caused it, and
`server_message`, the server's own explanation from the error body (token
redacted) when it gave one. `str(err)` is the engineer's text for the log,
built here from known parts; it never contains the token. No error holds a
sentence for people: the window and the CLI word an error by its type, and
`app.api.status` is the one map from an HTTP status to its error.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class ApiError(Exception):
    """Base of every backend error. `str(err)` is the engineer's text."""

    def __init__(
        self, detail: str = "", *, status: int | None = None, server_message: str | None = None
    ) -> None:
        super().__init__(detail or type(self).__name__)
        self.detail = detail
        self.status = status
        self.server_message = server_message or None

    @property
    def retryable(self) -> bool:
        """True when the same request may succeed later without user action."""
        return False


class AuthenticationError(ApiError):
    pass


class InsufficientCreditsError(ApiError):
    pass


class InvalidRequestError(ApiError):
    pass


class ImageProblem(StrEnum):
    """Why a source picture can't be sent."""

    MISSING = "missing"  # no such file
    UNREADABLE = "unreadable"  # the system refused to read it (`reason` says why)
    NOT_A_PICTURE = "not_a_picture"  # not a JPEG, PNG or WebP file
    TOO_LARGE = "too_large"  # over `app.api.models.MAX_UPLOAD_BYTES`


class UnusableImageError(InvalidRequestError):
    """A source picture refused before anything was sent (`app.api.images`)."""

    def __init__(
        self, path: Path, problem: ImageProblem, *, size: int | None = None, reason: str = ""
    ) -> None:
        super().__init__(f"{path.name}: {problem}" + (f" ({reason})" if reason else ""))
        self.path = path
        self.problem = problem
        self.size = size
        self.reason = reason


class NotFoundError(ApiError):
    pass


class RateLimitedError(ApiError):
    def __init__(
        self, detail: str = "", *, status: int | None = 429, retry_after: float | None = None
    ) -> None:
        super().__init__(detail, status=status)
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return True


class BackendUnavailableError(ApiError):
    def __init__(
        self,
        detail: str = "",
        *,
        status: int | None = None,
        server_message: str | None = None,
        request_sent: bool = True,
    ) -> None:
        super().__init__(detail, status=status, server_message=server_message)
        #: False when the request certainly never reached the server (connection
        #: refused, DNS failure): repeating a non-idempotent call is then safe.
        self.request_sent = request_sent

    @property
    def retryable(self) -> bool:
        return True


class ProtocolError(ApiError):
    pass


class PagingError(ProtocolError):
    """A list (models, styles, files) whose pages could not be followed to
    the end: a `next` cursor that repeats, more pages than any real list has,
    or a cursor that is not `{offset, limit}`."""


class UnsafeUrlError(ApiError):
    pass
