"""Fetching a finished video to disk, safely, and proving it is whole.

The result streams into `<videos>/.<file_id>.part` and is renamed into place
only once it is whole: PyAV demuxes it to the end, its packet count and
duration must match what the container declares, and its last frames must
decode. A file that arrives incomplete (a connection that closed early, with
or without a Content-Length) is fetched again, then the job fails clearly;
a half file never sits under the final name. An interrupted transfer resumes
from the partial file with `Range`.

Only http(s) URLs are read; the token goes only to the backend's own origin
(the client sees to that). The size is capped and the content type checked,
so a hostile URL cannot fill the disk or pass off an HTML page as a video.
Free space is checked against the Content-Length before writing, and a disk
that fills up mid-write fails the same way (`DiskFullError`), with the
partial file removed. One lock file per video (`JobFileLock`) keeps two
processes from writing the same `.part`: the second waits, then adopts the
first one's verified file. Videos are private to the user (0600). A poster
JPEG is cut from the first frame for the history and the player.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar, cast
from urllib.parse import urlsplit

from app.api.client import ByteStream, SuperDuperClient, check_http_url
from app.api.errors import ApiError, BackendUnavailableError, UnsafeUrlError
from app.api.models import safe_id
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.errors import (
    BusyElsewhereError,
    DiskFullError,
    DownloadError,
    FolderNotWritableError,
    IncompleteVideoError,
)
from app.engine.file_lock import JobFileLock, LockTimeout

log = logging.getLogger("framecast.engine")

_ACCEPTED_TYPES = ("video/", "application/octet-stream", "binary/octet-stream", "application/mp4")
_EXTENSIONS = {
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "video/x-matroska": ".mkv",
    "video/x-msvideo": ".avi",
}
#: Errors that mean "the disk (or the user's quota, or the file size limit) is full".
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
FILE_MODE = 0o600


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    thumbnail: Path | None
    size: int


@dataclass(frozen=True)
class VideoCheck:
    """What verifying a video found: its length, frame size and packet count."""

    duration: float
    width: int
    height: int
    packets: int


ProgressCallback = Callable[[float | None], None]
#: Called as verifying a downloaded (or already saved) video begins.
VerifyingCallback = Callable[[], None]
T = TypeVar("T")


def video_path_for(videos_dir: Path, file_id: str, url: str = "") -> Path:
    suffix = Path(urlsplit(url).path).suffix.lower() if url else ""
    if suffix not in _EXTENSIONS.values():
        suffix = ".mp4"
    return videos_dir / f"{safe_id(file_id)}{suffix}"


def _content_type_ok(ctype: str) -> bool:
    return not ctype or ctype.startswith(_ACCEPTED_TYPES)


def verify_video(path: Path) -> VideoCheck:
    """Prove `path` is a whole, playable video: demux every packet of its
    video stream, compare the count and the end time with what the container
    declares, and decode the frames after the last keyframe. Raises
    IncompleteVideoError for a short file and DownloadError for anything
    else unplayable. Blocking (run it off the event loop)."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise DownloadError(f"{path.name}: no video stream")
            stream = container.streams.video[0]
            base = stream.time_base
            packets, end, last_key = 0, None, None
            for packet in container.demux(stream):
                if packet.size == 0:  # the demuxer's end-of-stream marker
                    continue
                packets += 1
                if packet.pts is not None:
                    finish = packet.pts + (packet.duration or 0)
                    end = finish if end is None else max(end, finish)
                    if packet.is_keyframe:
                        last_key = packet.pts if last_key is None else max(last_key, packet.pts)
            declared_frames = stream.frames or 0
            declared = (
                float(stream.duration * base)
                if stream.duration and base
                else (container.duration or 0) / 1_000_000
            )
            if packets == 0 or last_key is None:
                raise IncompleteVideoError(f"{path.name}: no video packets")
            ended = float(end * base) if end is not None and base else 0.0
            frame_time = float(1 / stream.average_rate) if stream.average_rate else 0.04
            if declared_frames and packets < declared_frames:
                raise IncompleteVideoError(
                    f"{path.name}: {packets} of {declared_frames} packets, cut short"
                )
            if declared and ended < declared - max(0.25, 2 * frame_time):
                raise IncompleteVideoError(
                    f"{path.name}: ends at {ended:.2f} s of {declared:.2f} s, cut short"
                )
            # The tail must decode too: from the last keyframe to the end.
            container.seek(last_key, stream=stream, backward=True, any_frame=False)
            tail = 0
            width = height = 0
            for frame in container.decode(stream):
                tail += 1
                width, height = frame.width, frame.height
            if tail == 0:
                raise IncompleteVideoError(f"{path.name}: the last frames do not decode")
            return VideoCheck(declared or ended, width, height, packets)
    except DownloadError:
        raise
    except Exception as exc:  # PyAV raises many types for corrupt input
        raise DownloadError(f"{path.name}: not a playable video ({type(exc).__name__})") from None


def extract_poster(video: Path, poster: Path, max_width: int = 480) -> Path | None:
    """Write a JPEG of the first frame of `video`, scaled down; None if impossible. Blocking."""
    import av

    try:
        with av.open(str(video)) as container:
            frame = next(container.decode(container.streams.video[0]), None)
            if frame is None:
                return None
            image = frame.to_image()
        if image.width > max_width:
            image = image.resize((max_width, round(image.height * max_width / image.width)))
        tmp = poster.with_suffix(".tmp")
        with _private_file(tmp, "wb") as fh:
            image.convert("RGB").save(fh, "JPEG", quality=85)
        os.replace(tmp, poster)
        return poster
    except Exception as exc:
        log.warning("no poster for %s: %s", video.name, type(exc).__name__)
        return None


def _private_file(path: Path, mode: str) -> BinaryIO:
    """Open `path` for writing ("wb") or appending ("ab"), created 0600."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "ab" else os.O_TRUNC)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    return cast(BinaryIO, os.fdopen(fd, mode))


def _is_full(exc: OSError) -> bool:
    return exc.errno in _FULL


class Downloader:
    def __init__(
        self,
        client: SuperDuperClient,
        videos_dir: Path,
        *,
        config: EngineConfig,
        diagnostics: Diagnostics,
    ) -> None:
        self.client = client
        self.videos_dir = videos_dir
        self.config = config
        self.diagnostics = diagnostics
        # Decoding holds the GIL for long stretches: one video at a time, so
        # fifty jobs finishing together don't starve the event loop.
        self._av_turn = asyncio.Semaphore(1)

    async def _off_loop(self, fn: Callable[..., T], *args: object) -> T:
        async with self._av_turn:
            return await asyncio.to_thread(fn, *args)

    def _ensure_folder(self) -> None:
        try:
            self.videos_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderNotWritableError(self.videos_dir, exc.strerror or str(exc)) from None

    async def download(
        self,
        url: str,
        file_id: str,
        on_progress: ProgressCallback | None = None,
        on_verifying: VerifyingCallback | None = None,
    ) -> DownloadResult:
        """Fetch `url` as the video of `file_id`, verified; return where it is.
        `on_progress` gets the download's fraction as bytes arrive (None while
        the size is unknown), `on_verifying` is called as each check begins.

        Raises DownloadError (IncompleteVideoError), UnsafeUrlError,
        DiskFullError, FolderNotWritableError or BusyElsewhereError."""
        watch = _Watch(on_progress, on_verifying)
        check_http_url(url)
        self._ensure_folder()
        final = video_path_for(self.videos_dir, file_id, url)
        lock = JobFileLock(
            self.videos_dir / ".locks" / f"{final.name}.lock", wait_max=self.config.lock_wait_max
        )
        try:
            async with lock:
                if final.exists():
                    # Already fetched by another process, or by an earlier run
                    # that died before recording it.
                    try:
                        await self._verify(final, watch)
                        log.info("%s: adopting the verified %s", file_id, final.name)
                        return await self._finish(final, file_id)
                    except DownloadError:
                        final.unlink(missing_ok=True)
                await self._fetch_verified(url, final, file_id, watch)
        except LockTimeout:
            raise BusyElsewhereError(f"{final.name}: lock still held") from None
        except OSError as exc:
            raise self._disk_error(exc, 0) from None
        self.diagnostics.downloads += 1
        return await self._finish(final, file_id)

    async def _verify(self, video: Path, watch: _Watch) -> VideoCheck:
        watch.verifying()
        return await self._off_loop(verify_video, video)

    async def _fetch_verified(self, url: str, final: Path, file_id: str, watch: _Watch) -> None:
        part = self.videos_dir / f".{final.name}.part"
        for attempt in range(1, self.config.verify_attempts + 1):
            try:
                await self._fetch_resuming(url, part, file_id, watch)
                await self._verify(part, watch)
            except IncompleteVideoError as exc:
                part.unlink(missing_ok=True)
                if attempt >= self.config.verify_attempts:
                    raise
                self.diagnostics.download_retries += 1
                log.warning("%s: %s; downloading it again", file_id, exc.detail)
                continue
            except Exception:
                # Not on cancellation: closing the app mid-download keeps
                # the partial file for the next run to resume with Range.
                part.unlink(missing_ok=True)
                raise
            os.replace(part, final)
            return

    async def _fetch_resuming(self, url: str, part: Path, file_id: str, watch: _Watch) -> None:
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._fetch(url, part, watch)
                return
            except BackendUnavailableError as exc:
                if attempt >= self.config.download_attempts:
                    raise DownloadError(
                        f"download failed after {attempt} attempts: {type(exc).__name__}"
                    ) from None
                self.diagnostics.download_retries += 1
                delay = min(0.25 * 2 ** (attempt - 1), 5.0)
                log.info(
                    "download of %s interrupted (%s); resuming in %.2f s",
                    file_id,
                    type(exc).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
            except UnsafeUrlError:
                raise
            except ApiError as exc:  # a redirect loop, a body that does not decode
                raise DownloadError(f"download failed: {exc.detail}") from None

    async def _finish(self, final: Path, file_id: str) -> DownloadResult:
        thumbs = self.videos_dir / "thumbnails"
        with contextlib.suppress(OSError):  # no poster is no failure
            thumbs.mkdir(mode=0o700, exist_ok=True)
        poster = thumbs / f"{safe_id(file_id)}.jpg"
        thumbnail = (
            poster if poster.exists() else await self._off_loop(extract_poster, final, poster)
        )
        with contextlib.suppress(OSError):
            os.chmod(final, FILE_MODE)
        return DownloadResult(final, thumbnail, final.stat().st_size)

    def _disk_error(self, exc: OSError, needed: int) -> DiskFullError | FolderNotWritableError:
        if _is_full(exc):
            return DiskFullError(self.videos_dir, needed + self.config.disk_margin_bytes)
        return FolderNotWritableError(self.videos_dir, exc.strerror or type(exc).__name__)

    def _check_space(self, needed: int) -> None:
        """DiskFullError unless the folder has room for `needed` more bytes (and a margin)."""
        try:
            free = shutil.disk_usage(self.videos_dir).free
        except OSError:
            return  # unknown: the write itself will tell
        if needed + self.config.disk_margin_bytes > free:
            raise DiskFullError(self.videos_dir, needed + self.config.disk_margin_bytes)

    async def _open(self, url: str, have: int, part: Path, stack: AsyncExitStack) -> ByteStream:
        """The answer to a GET of `url` from byte `have` on, opened in `stack`.
        A refusal that may pass (5xx, a broken connection) is raised to be
        retried; any other is a DownloadError."""
        try:
            return await stack.enter_async_context(self.client.stream_download(url, start=have))
        except ApiError as exc:
            if exc.status == 416 and have:
                # Our partial file is already the whole thing (or garbage): start over.
                part.unlink(missing_ok=True)
                raise BackendUnavailableError("range not satisfiable; restarting") from None
            if exc.status is None or exc.retryable:
                raise
            raise DownloadError(f"download refused: HTTP {exc.status}") from None

    async def _fetch(self, url: str, part: Path, watch: _Watch) -> None:
        have = part.stat().st_size if part.exists() else 0
        cap = self.config.max_download_bytes
        async with AsyncExitStack() as stack:
            body = await self._open(url, have, part, stack)
            if not body.url.startswith(("http://", "https://")):
                raise UnsafeUrlError("download redirected to a non-http URL")
            if not _content_type_ok(body.content_type):
                raise DownloadError(f"result has content type {body.content_type!r}, not a video")
            resumed = (
                body.status == 206 and have > 0 and body.content_range.startswith(f"bytes {have}-")
            )
            if not resumed:
                have = 0
            length = body.content_length
            total = have + length if length is not None else None
            if total is not None and total > cap:
                raise DownloadError(f"result is {total} bytes, over the {cap}-byte limit")
            if total is not None:
                self._check_space(total - have)
            done = have
            try:
                with _private_file(part, "ab" if resumed else "wb") as fh:
                    done = await self._write_body(body.chunks, fh, done, total, watch)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise self._disk_error(exc, max(total or 0, done)) from None
            if total is not None and done < total:
                raise BackendUnavailableError(f"download ended at {done} of {total} bytes")

    async def _write_body(
        self,
        chunks: AsyncIterator[bytes],
        fh: BinaryIO,
        done: int,
        total: int | None,
        watch: _Watch,
    ) -> int:
        cap = self.config.max_download_bytes
        # As the bytes arrive, not in fixed-size chunks: a partial chunk held
        # back when the connection is cut would be fetched again instead of
        # resumed with Range.
        async for chunk in chunks:
            done += len(chunk)
            if done > cap:
                raise DownloadError(f"result exceeds the {cap}-byte limit")
            fh.write(chunk)
            self.diagnostics.bytes_downloaded += len(chunk)
            watch.progress(done / total if total else None)
        fh.flush()
        # A full disk may only say so here; off the loop, as fsync can take long.
        await asyncio.to_thread(os.fsync, fh.fileno())
        return done


class _Watch:
    """The caller's callbacks of one download (either may be None)."""

    def __init__(
        self, on_progress: ProgressCallback | None, on_verifying: VerifyingCallback | None
    ) -> None:
        self._on_progress = on_progress
        self._on_verifying = on_verifying

    def progress(self, fraction: float | None) -> None:
        if self._on_progress is not None:
            self._on_progress(fraction)

    def verifying(self) -> None:
        if self._on_verifying is not None:
            self._on_verifying()
