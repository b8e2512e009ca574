"""Scrub strips: a row of small thumbnails across a clip, for scrubbing a grid cell.

`scrub_frames(path, count, width)` returns a `ScrubStrip` of `count`
thumbnails `width` pixels wide, evenly spaced from the first frame to the
last, with the time each one shows. They come from one pass through the file:
the decoder runs forward and only the chosen frames are scaled; when the next
thumbnail's keyframe lies ahead of where the decoder is, it jumps there
instead of decoding the frames between (short-GOP files need only a few
frames per thumbnail). Frames nothing refers to are decoded only when they
are thumbnails (app.media.decoding.SkipUnwanted), which halves the work on
H.264 with B-frames. `times` says when each thumbnail's frame shows.

`ScrubCache` keeps strips on disk under the data folder, keyed by the file's
identity (absolute path, size, modification time) and the strip's shape, so
each clip is decoded once however often it is scrubbed. A strip is one JPEG
sprite with its times in the JPEG comment, written atomically (temporary file
and rename), so concurrent readers and writers, in this process or another,
only ever see whole entries. The folder is kept under `max_bytes` by removing
the entries used longest ago (a hit refreshes an entry's time). Everything
blocks; both are safe to call from worker threads.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av.container
import av.video.reformatter
import av.video.stream
from PIL import Image

from app.media.decoding import VideoFrame, decode_from
from app.media.errors import UnreadableVideoError
from app.media.files import PRIVATE_MODE, TEMP_MARK, atomic_output
from app.media.probe import VideoInfo, open_video, probe
from app.store import paths

log = logging.getLogger("framecast.media")

#: Below this many frames between the decoder and the next thumbnail's
#: keyframe, decoding through is cheaper than seeking.
_SEEK_AFTER_FRAMES = 8
#: A JPEG side can't exceed 65,535 pixels: sprites wrap after this many tiles.
_SPRITE_COLUMNS = 16
_JPEG_QUALITY = 85
#: Bumped when the cached format changes, so old entries are simply missed.
_CACHE_VERSION = 1
#: Leftover temporary files (from a process that died mid-write) older than
#: this are removed when the cache is trimmed.
_STALE_TEMP_SECONDS = 3600.0
#: Area averaging: the sharpest small thumbnails without shimmer.
_AREA = av.video.reformatter.Interpolation.AREA


@dataclass(frozen=True)
class ScrubStrip:
    """Thumbnails evenly spaced across a clip, and when each one shows."""

    frames: tuple[Image.Image, ...]
    #: Seconds from the first frame of the frame each thumbnail shows.
    times: tuple[float, ...]
    duration: float

    def index_at(self, fraction: float) -> int:
        """The thumbnail for a pointer `fraction` (0..1) of the way across a cell."""
        clamped = min(max(fraction, 0.0), 1.0)
        return min(len(self.frames) - 1, int(clamped * len(self.frames)))


def scrub_frames(path: Path, count: int, width: int) -> ScrubStrip:
    """`count` thumbnails `width` pixels wide, evenly spaced from the first
    frame to the last (see the module docstring). Raises UnreadableVideoError."""
    if count < 1 or width < 1:
        raise ValueError("a scrub strip needs at least one thumbnail at least one pixel wide")
    info = probe(Path(path))
    targets = _evenly_spaced(info, count)
    height = max(1, round(width * info.height / info.width))
    thumbnails: dict[int, Image.Image] = {}

    def thumbnail(frame: VideoFrame) -> Image.Image:
        pts = frame.pts if frame.pts is not None else info.origin
        if pts not in thumbnails:
            thumbnails[pts] = frame.reformat(
                width=width, height=height, format="rgb24", interpolation=_AREA
            ).to_image()
        return thumbnails[pts]

    with open_video(info.path) as (container, stream):
        picked = _one_pass(container, stream, info, targets, thumbnail)
    return ScrubStrip(
        tuple(image for _, image in picked),
        tuple(info.time_of(pts) for pts, _ in picked),
        info.duration,
    )


def _evenly_spaced(info: VideoInfo, count: int) -> list[int]:
    """Timestamps of `count` frames from the first to the last, evenly spaced."""
    last = info.frame_count - 1
    if count == 1:
        return [info.frame_pts[last // 2]]
    return [info.frame_pts[round(i * last / (count - 1))] for i in range(count)]


def _one_pass(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    info: VideoInfo,
    targets: list[int],
    convert: Callable[[VideoFrame], Image.Image],
) -> list[tuple[int, Image.Image]]:
    """For each target timestamp (ascending), its frame (should it fail to
    decode: the latest one before it, or the nearest after it), converted as
    soon as it is known, so no full-size frame is held longer than needed."""
    picked: list[tuple[int, Image.Image]] = []
    frames: Iterator[VideoFrame] | None = None
    current: VideoFrame | None = None  # the latest frame at or before the target
    ahead: VideoFrame | None = None  # the first frame past it
    position = info.origin - 1  # how far the decoder has got
    wanted = set(targets).__contains__
    for target in targets:
        keyframe = info.keyframe_at_or_before(target)
        if frames is None or _worth_seeking(info, position, keyframe.pts):
            frames = decode_from(container, stream, keyframe, wanted=wanted)
            current = ahead = None
        if ahead is not None and ahead.pts is not None and ahead.pts <= target:
            current, ahead = ahead, None
        while ahead is None:
            frame = next(frames, None)
            if frame is None:
                break
            if frame.pts is None:
                continue
            position = frame.pts
            if frame.pts <= target:
                current = frame
            else:
                ahead = frame
        chosen = current or ahead
        if chosen is None or chosen.pts is None:
            raise UnreadableVideoError(info.path, "its frames do not decode")
        picked.append((chosen.pts, convert(chosen)))
    return picked


def _worth_seeking(info: VideoInfo, position: int, keyframe: int) -> bool:
    """True when the next thumbnail's keyframe is far enough ahead of the
    decoder that jumping there beats decoding the frames between."""
    if keyframe <= position:
        return False
    between = bisect.bisect_left(info.frame_pts, keyframe) - bisect.bisect_right(
        info.frame_pts, position
    )
    return between >= _SEEK_AFTER_FRAMES


# --------------------------------------------------------------------------- cache


class ScrubCache:
    """Scrub strips kept on disk (see the module docstring)."""

    def __init__(self, folder: Path, *, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        # key -> (its lock, how many threads hold or wait for it)
        self._locks: dict[str, tuple[threading.Lock, int]] = {}
        self._locks_guard = threading.Lock()

    @classmethod
    def default(cls) -> ScrubCache:
        """The cache in `<data folder>/scrub-cache`."""
        return cls(paths.data_dir() / "scrub-cache")

    def strip(self, path: Path, count: int, width: int) -> ScrubStrip:
        """The cached strip of `path`, extracted and stored on a miss. Two
        threads asking for the same strip decode it once."""
        key = self.key(Path(path), count, width)
        with self._one_at_a_time(key):
            cached = self._read(key, count)
            if cached is not None:
                return cached
            strip = scrub_frames(path, count, width)
            self._write(key, strip)
            return strip

    def key(self, path: Path, count: int, width: int) -> str:
        """The entry's name: a hash of the file's identity and the strip's shape."""
        try:
            info = path.stat()
            identity = f"{path.resolve()}\0{info.st_size}\0{info.st_mtime_ns}"
        except (OSError, RuntimeError):  # missing, or a symlink loop
            identity = str(path.absolute())  # scrub_frames will say what is wrong
        text = f"v{_CACHE_VERSION}\0{identity}\0{count}\0{width}"
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    @contextlib.contextmanager
    def _one_at_a_time(self, key: str) -> Iterator[None]:
        """Hold `key`'s lock; the lock is forgotten when nobody needs it, so
        scrubbing 10,000 clips does not keep 10,000 locks."""
        with self._locks_guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._locks_guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}.jpg"

    def _read(self, key: str, count: int) -> ScrubStrip | None:
        entry = self._entry(key)
        try:
            with Image.open(entry) as sprite:
                sprite.load()
                meta = json.loads(sprite.info.get("comment", b"{}"))
                strip = _unpack(sprite, meta, count)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("dropping a damaged scrub cache entry %s: %s", entry.name, exc)
            with contextlib.suppress(OSError):
                entry.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(entry)  # most recently used: trimmed last
        return strip

    def _write(self, key: str, strip: ScrubStrip) -> None:
        try:
            self.folder.mkdir(mode=paths.DIR_MODE, parents=True, exist_ok=True)
            data = _pack(strip)
            with atomic_output(self._entry(key), overwrite=True, mode=PRIVATE_MODE) as tmp:
                tmp.write_bytes(data)
            self.trim()
        except Exception as exc:  # a cache that can't be written must not fail the strip
            log.warning("could not cache a scrub strip: %s", exc)

    def trim(self) -> None:
        """Remove the least recently used entries until the folder fits
        `max_bytes`, and temporary files abandoned by a crash."""
        entries: list[tuple[float, int, Path]] = []
        now = time.time()
        try:
            with os.scandir(self.folder) as listing:
                for item in listing:
                    try:
                        stat = item.stat()
                    except OSError:
                        continue  # removed by another trimmer meanwhile
                    if TEMP_MARK in item.name:
                        if now - stat.st_mtime > _STALE_TEMP_SECONDS:
                            Path(item.path).unlink(missing_ok=True)
                        continue
                    if item.name.endswith(".jpg"):
                        entries.append((stat.st_mtime, stat.st_size, Path(item.path)))
        except FileNotFoundError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, entry in sorted(entries):
            if total <= self.max_bytes:
                break
            entry.unlink(missing_ok=True)
            total -= size


def _pack(strip: ScrubStrip) -> bytes:
    """One JPEG sprite of the thumbnails, row by row, times in its comment."""
    width, height = strip.frames[0].size
    columns = min(len(strip.frames), _SPRITE_COLUMNS)
    rows = -(-len(strip.frames) // columns)
    sprite = Image.new("RGB", (columns * width, rows * height))
    for i, frame in enumerate(strip.frames):
        sprite.paste(frame, ((i % columns) * width, (i // columns) * height))
    meta = {
        "count": len(strip.frames),
        "tile": [width, height],
        "times": list(strip.times),
        "duration": strip.duration,
    }
    buffer = io.BytesIO()
    sprite.save(buffer, "JPEG", quality=_JPEG_QUALITY, comment=json.dumps(meta).encode())
    return buffer.getvalue()


def _unpack(sprite: Image.Image, meta: dict[str, object], count: int) -> ScrubStrip:
    tile, times, duration = meta["tile"], meta["times"], meta["duration"]
    if meta["count"] != count or not isinstance(times, list) or len(times) != count:
        raise ValueError("the entry does not hold this strip")
    if not isinstance(tile, list) or not isinstance(duration, int | float):
        raise ValueError("malformed entry")
    width, height = int(tile[0]), int(tile[1])
    columns = min(count, _SPRITE_COLUMNS)
    frames = tuple(
        sprite.crop(
            (
                (i % columns) * width,
                (i // columns) * height,
                (i % columns + 1) * width,
                (i // columns + 1) * height,
            )
        )
        for i in range(count)
    )
    if any(f.size != (width, height) for f in frames):
        raise ValueError("the sprite is smaller than its tiles")
    return ScrubStrip(frames, tuple(float(t) for t in times), float(duration))
