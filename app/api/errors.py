"""Every way a call to the backend can fail, as typed errors.

```
ApiError                      anything the backend layer reports
 ├── AuthenticationError      401/403: the token is wrong, expired or missing
 ├── InsufficientCreditsError 402: the account has no credits left
 ├── InvalidRequestError      400/409/422: the backend refused the request (its message kept)
 ├── NotFoundError            404: no such file, project or endpoint
 ├── RateLimitedError         429: too many requests; `retry_after` seconds to wait
 ├── BackendUnavailableError  connect errors, timeouts, 5xx: try again later
 ├── ProtocolError            an answer that does not match the contract
 │    └── PagingError         a paged list that loops, never ends, or has a malformed cursor
 └── UnsafeUrlError           an id or URL that must not be used (hostile or non-http)
```

Each error carries `user_message`, a sentence a non-engineer understands with
the next step, and `status` when an HTTP status caused it. Error texts are
built here from known parts; they never contain the token.
"""

from __future__ import annotations


class ApiError(Exception):
    """Base of every backend error. `str(err)` is the engineer's text;
    `user_message` is what a creator should read."""

    user_message: str = "Something went wrong while talking to the video service."

    def __init__(
        self, detail: str = "", *, status: int | None = None, user_message: str | None = None
    ) -> None:
        super().__init__(detail or self.user_message)
        self.detail = detail
        self.status = status
        if user_message is not None:
            self.user_message = user_message

    @property
    def retryable(self) -> bool:
        """True when the same request may succeed later without user action."""
        return False


class AuthenticationError(ApiError):
    user_message = (
        "The video service did not accept your API token. Open Settings and check the token."
    )


class InsufficientCreditsError(ApiError):
    user_message = (
        "Your SuperDuperAI account has no credits left for this video. "
        "Top up your balance, or pick a shorter or cheaper model."
    )


class InvalidRequestError(ApiError):
    user_message = "The video service refused these settings."

    def __init__(
        self, detail: str = "", *, status: int | None = None, user_message: str | None = None
    ) -> None:
        if user_message is None and detail:
            user_message = f"The video service refused these settings: {detail}"
        super().__init__(detail, status=status, user_message=user_message)


class NotFoundError(ApiError):
    user_message = "The video service does not know this item (yet)."


class RateLimitedError(ApiError):
    user_message = "The video service asked us to slow down. Framecast will retry shortly."

    def __init__(
        self, detail: str = "", *, status: int | None = 429, retry_after: float | None = None
    ) -> None:
        super().__init__(detail, status=status)
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return True


class BackendUnavailableError(ApiError):
    user_message = (
        "Can't reach the video service right now. Check your internet "
        "connection; Framecast will keep trying."
    )

    def __init__(
        self,
        detail: str = "",
        *,
        status: int | None = None,
        user_message: str | None = None,
        request_sent: bool = True,
    ) -> None:
        super().__init__(detail, status=status, user_message=user_message)
        #: False when the request certainly never reached the server (connection
        #: refused, DNS failure): repeating a non-idempotent call is then safe.
        self.request_sent = request_sent

    @property
    def retryable(self) -> bool:
        return True


class ProtocolError(ApiError):
    user_message = (
        "The video service sent an answer Framecast does not understand. "
        "Try again later; if it keeps happening, check for a Framecast update."
    )


class PagingError(ProtocolError):
    """A list (models, styles, files) whose pages could not be followed to
    the end: a `next` cursor that repeats, more pages than any real list has,
    or a cursor that is not `{offset, limit}`."""

    user_message = (
        "The video service sent a list Framecast could not read to the end. "
        "Try again later; if it keeps happening, check for a Framecast update."
    )


class UnsafeUrlError(ApiError):
    user_message = "The video service gave an address Framecast will not open, for your safety."
