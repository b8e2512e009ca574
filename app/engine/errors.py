"""Why a job failed, when the backend's typed errors (app.api.errors) don't say.

```
JobError                       a job ends failed for a reason of the engine's own
 ├── DiskFullError             not enough free space for the video (folder, needed bytes)
 ├── FolderNotWritableError    the videos folder can't be written (folder, reason)
 ├── BusyElsewhereError        another process kept the same video's download too long
 ├── UnreadableAnswersError    the service's answers could not be read, several in a row
 ├── FollowBudgetSpentError    the job used up its checks without an outcome
 ├── InterruptedWhileSavingError  Framecast stopped while saving this video last time
 ├── InterruptedTooOftenError  Framecast stopped several times while following it
 └── InternalError             a fault in Framecast itself (the log has the traceback)
```

Each carries its `ErrorKind` and the English sentence shown to the user (the
one place for that sentence), and `extra()` gives its structured fields
(strings, for `JobUpdate.extra`) so the window can word it in the user's
language. Download failures the backend or the file causes are `DownloadError`
and `IncompleteVideoError` in app.engine.downloader.
"""

from __future__ import annotations

import math
from pathlib import Path

from app.engine.updates import ErrorKind

_MB = 1024 * 1024


class JobError(Exception):
    kind: ErrorKind = ErrorKind.INTERNAL
    user_message: str = "Something went wrong with this video."

    def extra(self) -> dict[str, str]:
        return {}


class DiskFullError(JobError):
    kind = ErrorKind.DISK_FULL

    def __init__(self, folder: Path, needed_bytes: int) -> None:
        self.folder = folder
        self.needed_bytes = needed_bytes
        self.needed_mb = max(1, math.ceil(needed_bytes / _MB))
        self.user_message = (
            f"Not enough disk space in {folder} (needs {self.needed_mb} MB). "
            "Free some space, then press Retry."
        )
        super().__init__(f"not enough space in {folder} for {needed_bytes} bytes")

    def extra(self) -> dict[str, str]:
        return {"folder": str(self.folder), "needed_mb": str(self.needed_mb)}


class FolderNotWritableError(JobError):
    kind = ErrorKind.FOLDER

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        self.user_message = (
            f"Framecast can't save videos in {folder} ({reason}). "
            "Choose another folder in Settings, then press Retry."
        )
        super().__init__(f"can't write to {folder}: {reason}")

    def extra(self) -> dict[str, str]:
        return {"folder": str(self.folder), "reason": self.reason}


class BusyElsewhereError(JobError):
    kind = ErrorKind.DOWNLOAD
    user_message = (
        "Another Framecast window or command is still saving this video. "
        "Press Retry when it has finished."
    )


class UnreadableAnswersError(JobError):
    kind = ErrorKind.PROTOCOL
    user_message = (
        "The video service keeps sending answers Framecast does not understand. "
        "Try again later; if it keeps happening, check for a Framecast update."
    )

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"{count} unreadable answers in a row")

    def extra(self) -> dict[str, str]:
        return {"count": str(self.count)}


class FollowBudgetSpentError(JobError):
    kind = ErrorKind.OFFLINE
    user_message = (
        "Framecast checked on this video many times without an answer and stopped. "
        "Press Retry to look again."
    )

    def __init__(self, checks: int) -> None:
        self.checks = checks
        super().__init__(f"gave up after {checks} checks")

    def extra(self) -> dict[str, str]:
        return {"checks": str(self.checks)}


class InterruptedWhileSavingError(JobError):
    kind = ErrorKind.INTERRUPTED
    user_message = (
        "Framecast stopped unexpectedly while saving this video. Press Retry to download it again."
    )


class InterruptedTooOftenError(JobError):
    kind = ErrorKind.INTERRUPTED
    user_message = (
        "Framecast stopped unexpectedly several times while following this video, so it "
        "stopped trying. Press Retry to follow it again."
    )


class InternalError(JobError):
    kind = ErrorKind.INTERNAL
    user_message = (
        "Framecast hit a problem of its own while following this video. "
        "The details are in the log file (Help → Diagnostics). Press Retry to try again."
    )
