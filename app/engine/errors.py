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
`retry_way` is the one rule of what Retry does after each kind: follow the
same job again, or send its request again as a new one.
"""

from __future__ import annotations

import math
from enum import StrEnum
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


#: Failures where the server made no video (so it charged nothing for it).
NOT_RENDERED = frozenset({ErrorKind.RENDER, ErrorKind.INVALID, ErrorKind.CREDITS, ErrorKind.AUTH})

#: Failures after which the service has no video to follow: the server made
#: none, or it no longer knows the job.
_NOTHING_TO_FOLLOW = NOT_RENDERED | {ErrorKind.GONE}


class RetryWay(StrEnum):
    """What Retry does for a failed job."""

    FOLLOW = "follow"  # follow the same job again: nothing new is made or charged
    SEND_AGAIN = "send_again"  # send its request again, as a new job


def retry_way(kind: ErrorKind | None, file_id: str | None) -> RetryWay:
    """How to retry a failed job of this kind with this file id (None: never
    confirmed by the service). Every failure after the service took the job
    (the download, the disk, the folder, the network, a stop of Framecast,
    another process, a fault of our own) leaves the video made, or still
    being made, there: sending the request again would render and charge it
    twice, so Retry follows the same job (a kind unknown or missing reads as
    our own fault). Only a job the server made no video
    for, or no longer knows, or never confirmed is sent again."""
    if not file_id or kind in _NOTHING_TO_FOLLOW:
        return RetryWay.SEND_AGAIN
    return RetryWay.FOLLOW
