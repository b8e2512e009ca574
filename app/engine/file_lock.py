"""One lock file per video, so two processes never write the same `.part` file.

The window and a `framecast track` (or two windows) may follow the same job
and reach its download at the same time. `JobFileLock` is an advisory lock on
`<videos>/.locks/<name>.lock`, taken with `fcntl.flock` on POSIX and
`msvcrt.locking` on Windows: the operating system drops it when its holder
exits or dies, so a lock is never stale. The waiter polls without blocking
the event loop. The holder removes the file on release; a waiter that locked
the file just as it was removed notices (the path no longer names its file)
and tries again.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType

log = logging.getLogger("framecast.engine")

#: How often a waiter tries again (seconds).
POLL_INTERVAL = 0.1
#: flock's answers on a file system that has no locks at all.
_NO_LOCKS = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS})


class LockTimeout(Exception):
    """Another process held the lock for longer than the caller would wait."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:
        if exc.errno not in _NO_LOCKS:
            raise
        # A file system without locks (some network shares): go on unlocked
        # rather than fail every download there.
        log.warning("no file locks on this file system (%s); going on without", exc.strerror)
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, now = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


class JobFileLock:
    """`async with JobFileLock(path, wait_max=...)`: hold `path` exclusively.

    `waited` tells afterwards whether another process held it first (so the
    caller looks for that process's finished file before downloading)."""

    def __init__(self, path: Path, *, wait_max: float) -> None:
        self.path = path
        self.wait_max = wait_max
        self.waited = False
        self._fd: int | None = None

    def _acquire_once(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if _try_lock(fd) and (os.name == "nt" or _same_file(fd, self.path)):
            self._fd = fd
            return True
        os.close(fd)
        return False

    async def __aenter__(self) -> JobFileLock:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        deadline = time.monotonic() + self.wait_max
        while not self._acquire_once():
            if not self.waited:
                log.info("%s is held by another process; waiting for it", self.path.name)
                self.waited = True
            if time.monotonic() > deadline:
                raise LockTimeout(f"{self.path.name} still held after {self.wait_max:g} s")
            await asyncio.sleep(POLL_INTERVAL)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name != "nt":
            # Removed while still held: a waiter that opens the old file after
            # this sees it is no longer at the path, and starts over.
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(fd)  # closing drops the lock
