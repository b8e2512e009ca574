"""How the media engine writes files: whole or not at all, never over a file by surprise.

`atomic_output(dst)` hands out a hidden temporary path beside `dst`; when the
block ends cleanly the finished file is flushed to disk and published as `dst`
in one step, and in every other case (an error, a cancellation) the temporary
file is removed, so a reader never sees half a PNG, GIF or MP4.

Without `overwrite=True` an existing `dst` is refused before any work starts
and again at the moment of publishing: the file is hard-linked into place,
which fails if another program created `dst` meanwhile (on file systems
without hard links, a last check and a rename). A full disk becomes
`DiskFullError` and a folder that refuses writes `FolderNotWritableError`,
both naming the folder.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from app.media.errors import DiskFullError, FolderNotWritableError, OutputExistsError

#: A new file gets the user's usual permissions (the umask applies); the
#: scrub cache asks for 0600 instead.
PUBLIC_MODE = 0o666
PRIVATE_MODE = 0o600

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}
#: What the name of a temporary file starts and ends with (the cache's
#: clean-up recognises leftovers by it).
TEMP_PREFIX, TEMP_MARK = ".", ".part"


def temp_path_for(dst: Path) -> Path:
    """A fresh hidden name beside `dst` that keeps its extension (FFmpeg and
    Pillow pick nothing from it, but a person looking at the folder can)."""
    return dst.with_name(f"{TEMP_PREFIX}{dst.stem}.{secrets.token_hex(6)}{TEMP_MARK}{dst.suffix}")


def output_error(exc: OSError, folder: Path) -> OSError | DiskFullError | FolderNotWritableError:
    """The media error for an OSError met while writing into `folder`, or
    `exc` itself when it says nothing about the folder."""
    if exc.errno in _FULL:
        return DiskFullError(folder)
    if exc.errno in _REFUSED:
        return FolderNotWritableError(folder, exc.strerror or "permission denied")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return FolderNotWritableError(folder, "the folder does not exist")
    return exc


def check_target(dst: Path, *, overwrite: bool) -> None:
    """Refuse early what publishing would refuse: an existing file (unless
    `overwrite`), a directory in the way, a missing folder."""
    if dst.is_dir():
        raise OutputExistsError(dst)
    if not overwrite and (dst.exists() or dst.is_symlink()):
        raise OutputExistsError(dst)
    if not dst.parent.is_dir():
        raise FolderNotWritableError(dst.parent, "the folder does not exist")


@contextmanager
def atomic_output(dst: Path, *, overwrite: bool = False, mode: int = PUBLIC_MODE) -> Iterator[Path]:
    """Yield a temporary path to write `dst` into; publish it on a clean exit."""
    check_target(dst, overwrite=overwrite)
    folder = dst.parent
    tmp = temp_path_for(dst)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        os.close(fd)
    except OSError as exc:
        _reraise(exc, folder)
    try:
        yield tmp
        _flush(tmp)
        _publish(tmp, dst, overwrite=overwrite)
    except OSError as exc:
        _reraise(exc, folder)
    finally:
        tmp.unlink(missing_ok=True)


def _reraise(exc: OSError, folder: Path) -> NoReturn:
    mapped = output_error(exc, folder)
    if mapped is exc:
        raise exc
    raise mapped from exc


def _flush(path: Path) -> None:
    """Put the file's bytes on disk before it gets its real name, so a crash
    never leaves an empty file under a good name."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes writers only
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(tmp: Path, dst: Path, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, dst)
        return
    try:
        os.link(tmp, dst)
    except FileExistsError:
        raise OutputExistsError(dst) from None
    except OSError as exc:
        if exc.errno in _FULL:
            raise
        # No hard links here (FAT, some network shares): a last look, then a rename.
        if dst.exists():
            raise OutputExistsError(dst) from None
        os.replace(tmp, dst)
