"""Why a job failed, as facts: the engine's own errors, and the kind of every error.

```
JobError                       a job ends failed for a reason of the engine's own
 ├── DownloadError             the result could not be fetched, or does not play
 │    └── IncompleteVideoError the file holds less than its container declares
 ├── DiskFullError             not enough free space for the video (folder, needed MB)
 ├── FolderNotWritableError    the videos folder can't be written (folder, the system's reason)
 ├── BusyElsewhereError        another process kept the same video's download too long
 ├── UnreadableAnswersError    the service's answers could not be read, several in a row
 ├── FollowBudgetSpentError    the job used up its checks without an outcome
 ├── InterruptedWhileSavingError  Framecast stopped while saving this video last time
 ├── InterruptedTooOftenError  Framecast stopped several times while following it
 └── InternalError             a fault in Framecast itself (the log has the traceback)
```

Each carries its `ErrorKind` and `detail()`, its structured facts (a
`FailureDetail`), and `str()` is the engineer's text for the log. None holds
a sentence for people: the window and the CLI word the kind and the detail.
`error_kind_of` gives the kind of a backend error (`app.api.errors`), and
`server_reason_of` the server's own words worth showing with it.
"""

from __future__ import annotations

import math
from pathlib import Path

from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    ProtocolError,
    RateLimitedError,
    UnsafeUrlError,
)
from app.engine.updates import ErrorKind, FailureDetail

_MB = 1024 * 1024


class JobError(Exception):
    kind: ErrorKind = ErrorKind.INTERNAL

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or type(self).__name__)
        self.detail = detail

    def failure_detail(self) -> FailureDetail | None:
        return None


class DownloadError(JobError):
    kind = ErrorKind.DOWNLOAD


class IncompleteVideoError(DownloadError):
    """The file holds less than its container declares: the transfer was cut short."""


class DiskFullError(JobError):
    kind = ErrorKind.DISK_FULL

    def __init__(self, folder: Path, needed_bytes: int) -> None:
        self.folder = folder
        self.needed_bytes = needed_bytes
        self.needed_mb = max(1, math.ceil(needed_bytes / _MB))
        super().__init__(f"not enough space in {folder} for {needed_bytes} bytes")

    def failure_detail(self) -> FailureDetail:
        return FailureDetail(folder=str(self.folder), needed_mb=self.needed_mb)


class FolderNotWritableError(JobError):
    kind = ErrorKind.FOLDER

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(f"can't write to {folder}: {reason}")

    def failure_detail(self) -> FailureDetail:
        return FailureDetail(folder=str(self.folder), reason=self.reason)


class BusyElsewhereError(JobError):
    kind = ErrorKind.BUSY


class _Counted(JobError):
    """A failure after a number of tries, which its detail keeps."""

    def __init__(self, count: int, detail: str) -> None:
        self.count = count
        super().__init__(detail)

    def failure_detail(self) -> FailureDetail:
        return FailureDetail(count=self.count)


class UnreadableAnswersError(_Counted):
    kind = ErrorKind.PROTOCOL

    def __init__(self, count: int) -> None:
        super().__init__(count, f"{count} unreadable answers in a row")


class FollowBudgetSpentError(_Counted):
    kind = ErrorKind.OFFLINE

    def __init__(self, checks: int) -> None:
        super().__init__(checks, f"gave up after {checks} checks")


class InterruptedWhileSavingError(JobError):
    kind = ErrorKind.INTERRUPTED


class InterruptedTooOftenError(_Counted):
    kind = ErrorKind.INTERRUPTED

    def __init__(self, times: int) -> None:
        super().__init__(times, f"Framecast stopped {times} times while following it")


class InternalError(JobError):
    kind = ErrorKind.INTERNAL


def error_kind_of(exc: ApiError) -> ErrorKind:
    """The kind of failure a backend error means for a job."""
    if isinstance(exc, AuthenticationError):
        return ErrorKind.AUTH
    if isinstance(exc, InsufficientCreditsError):
        return ErrorKind.CREDITS
    if isinstance(exc, InvalidRequestError | UnsafeUrlError):
        return ErrorKind.INVALID
    if isinstance(exc, BackendUnavailableError | RateLimitedError):
        return ErrorKind.OFFLINE
    if isinstance(exc, ProtocolError):
        return ErrorKind.PROTOCOL
    return ErrorKind.INTERNAL


def server_reason_of(exc: ApiError) -> str | None:
    """The server's own words on why it refused, where they are the reason a
    person needs (refused settings, no credits); None otherwise."""
    if isinstance(exc, InvalidRequestError | InsufficientCreditsError):
        return exc.server_message
    return None
