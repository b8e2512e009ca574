"""Fetching a finished video to disk, safely, and proving it plays.

The result streams into `<videos>/.<file_id>.part` and is renamed into
place only once it is whole and PyAV has decoded a frame from it: a crash
or a cut connection never leaves a half file under the final name. An
interrupted transfer resumes from the partial file with `Range`. Only
http(s) URLs are read; the token goes only to the backend's own origin (the
client sees to that). The size is capped and the content type checked, so a
hostile URL cannot fill the disk or pass off an HTML page as a video. A
poster JPEG is cut from the first frame for the history and the player.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx

from app.api.client import SuperDuperClient, check_http_url
from app.api.errors import ApiError, BackendUnavailableError, UnsafeUrlError
from app.api.models import safe_id
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics

log = logging.getLogger("framecast.engine")

_ACCEPTED_TYPES = ("video/", "application/octet-stream", "binary/octet-stream", "application/mp4")
_EXTENSIONS = {
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "video/x-matroska": ".mkv",
    "video/x-msvideo": ".avi",
}


class DownloadError(ApiError):
    user_message = (
        "The finished video could not be downloaded or does not play. Press Retry to try again."
    )


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    thumbnail: Path | None
    size: int


ProgressCallback = Callable[[float | None], None]
T = TypeVar("T")


def video_path_for(videos_dir: Path, file_id: str, url: str = "") -> Path:
    suffix = Path(httpx.URL(url).path).suffix.lower() if url else ""
    if suffix not in _EXTENSIONS.values():
        suffix = ".mp4"
    return videos_dir / f"{safe_id(file_id)}{suffix}"


def _content_type_ok(ctype: str) -> bool:
    ctype = ctype.split(";", 1)[0].strip().lower()
    return not ctype or ctype.startswith(_ACCEPTED_TYPES)


def probe_video(path: Path) -> tuple[float, int, int]:
    """Decode the first frame of `path`; return (duration s, width, height).
    Raises DownloadError if it holds no decodable video stream. Blocking."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise DownloadError(f"{path.name}: no video stream")
            stream = container.streams.video[0]
            frame = next(container.decode(stream), None)
            if frame is None:
                raise DownloadError(f"{path.name}: no decodable frame")
            duration = (
                float(stream.duration * stream.time_base)
                if stream.duration and stream.time_base
                else (container.duration or 0) / 1_000_000
            )
            return duration, frame.width, frame.height
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
        image.convert("RGB").save(tmp, "JPEG", quality=85)
        os.replace(tmp, poster)
        return poster
    except Exception as exc:
        log.warning("no poster for %s: %s", video.name, type(exc).__name__)
        return None


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

    async def download(
        self, url: str, file_id: str, on_progress: ProgressCallback | None = None
    ) -> DownloadResult:
        """Fetch `url` as the video of `file_id`, verified; return where it is."""
        check_http_url(url)
        self.videos_dir.mkdir(parents=True, exist_ok=True)
        final = video_path_for(self.videos_dir, file_id, url)
        if final.exists():
            # Already fetched by an earlier run that died before recording it.
            try:
                await self._off_loop(probe_video, final)
                return await self._finish(final, file_id)
            except DownloadError:
                final.unlink(missing_ok=True)
        part = self.videos_dir / f".{final.name}.part"
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._fetch(url, part, on_progress)
                break
            except (BackendUnavailableError, httpx.TransportError) as exc:
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
        try:
            await self._off_loop(probe_video, part)
        except DownloadError:
            part.unlink(missing_ok=True)
            raise
        os.replace(part, final)
        self.diagnostics.downloads += 1
        return await self._finish(final, file_id)

    async def _finish(self, final: Path, file_id: str) -> DownloadResult:
        thumbs = self.videos_dir / "thumbnails"
        thumbs.mkdir(exist_ok=True)
        poster = thumbs / f"{safe_id(file_id)}.jpg"
        thumbnail = (
            poster if poster.exists() else await self._off_loop(extract_poster, final, poster)
        )
        return DownloadResult(final, thumbnail, final.stat().st_size)

    async def _fetch(self, url: str, part: Path, on_progress: ProgressCallback | None) -> None:
        have = part.stat().st_size if part.exists() else 0
        cap = self.config.max_download_bytes
        async with self.client.stream_download(url, start=have) as response:
            if response.status_code == 416 and have:
                # Our partial file is already the whole thing (or garbage): start over.
                part.unlink(missing_ok=True)
                raise BackendUnavailableError("range not satisfiable; restarting")
            if response.is_error:
                err = self.client.error_for(response)
                if err.retryable:
                    raise err
                raise DownloadError(
                    f"download refused: HTTP {response.status_code}", status=response.status_code
                )
            final_url = str(response.url)
            if not final_url.startswith(("http://", "https://")):
                raise UnsafeUrlError("download redirected to a non-http URL")
            ctype = response.headers.get("content-type", "")
            if not _content_type_ok(ctype):
                raise DownloadError(f"result has content type {ctype!r}, not a video")
            resumed = (
                response.status_code == 206
                and have > 0
                and response.headers.get("content-range", "").startswith(f"bytes {have}-")
            )
            if not resumed:
                have = 0
            length = response.headers.get("content-length")
            total = have + int(length) if length and length.isdigit() else None
            if total is not None and total > cap:
                raise DownloadError(f"result is {total} bytes, over the {cap}-byte limit")
            mode = "ab" if resumed else "wb"
            with open(part, mode) as fh:
                done = have
                # As the bytes arrive, not in fixed-size chunks: httpx holds back
                # a partial chunk when the connection is cut, and what it held
                # back would be fetched again instead of resumed with Range.
                async for chunk in response.aiter_bytes():
                    done += len(chunk)
                    if done > cap:
                        fh.close()
                        part.unlink(missing_ok=True)
                        raise DownloadError(f"result exceeds the {cap}-byte limit")
                    fh.write(chunk)
                    self.diagnostics.bytes_downloaded += len(chunk)
                    if on_progress is not None:
                        on_progress(done / total if total else None)
            if total is not None and done < total:
                raise BackendUnavailableError(f"download ended at {done} of {total} bytes")
