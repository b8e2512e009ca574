"""Thumbnails and scrub strips of history rows, made off the GUI thread, cached.

The grid asks `ThumbnailStore.thumbnail(record)` while it paints a cell;
a picture not made yet is requested and None comes back (the cell paints a
placeholder). So only the cells being painted ask, and a cell scrolled past
before its turn is skipped: requests wait newest first, at most
`WORKERS` are made at once (`app.ui.tasks.run_in_thread`), and each is
checked against `is_visible` when its turn comes. When a picture arrives,
`thumbnailReady(job_id)` lets the view repaint that one cell.

A thumbnail is the row's poster when it has one (the engine writes one per
video; the service offers one per account video), else the middle frame of
its video; a scrub strip is `SCRUB_FRAMES` frames evenly spaced across the
clip. Frames come from the media engine's `ScrubCache` (app.media.scrub):
decoded once per file, kept on disk under the data folder, so a second
window or a second visit costs a JPEG read. In memory, the pictures of the
last `MEMORY_THUMBNAILS` rows and `MEMORY_STRIPS` strips are kept.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from app.store.history import JobRecord
from app.ui.tasks import run_in_thread

if TYPE_CHECKING:  # the media engine loads PyAV: imported when a picture is first made
    from PIL import Image

    from app.media import ScrubCache

log = logging.getLogger("framecast.ui")

#: The size thumbnails are made at (16:9; cells draw them at their own size).
THUMBNAIL_SIZE = QSize(320, 180)
#: Frames of a scrub strip, and their width.
SCRUB_FRAMES = 24
SCRUB_WIDTH = 240
WORKERS = 2
MEMORY_THUMBNAILS = 300
MEMORY_STRIPS = 6


@dataclass(frozen=True)
class _Key:
    """What a picture was made from: a row's poster or video may change (a
    download, a render finishing), and then its picture is made again."""

    job_id: str
    poster: str | None
    video: str | None


def _key(record: JobRecord) -> _Key:
    return _Key(record.job_id, record.thumbnail_path, record.local_path)


class ThumbnailStore(QObject):
    """Thumbnails and scrub strips of history rows (see the module docstring)."""

    thumbnailReady = Signal(str)  # job id
    stripReady = Signal(str)  # job id

    def __init__(self, cache: ScrubCache | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._cache_lock = threading.Lock()
        self._thumbs: OrderedDict[_Key, QImage | None] = OrderedDict()
        self._strips: OrderedDict[_Key, tuple[QImage, ...] | None] = OrderedDict()
        self._waiting: OrderedDict[tuple[str, _Key], JobRecord] = OrderedDict()
        self._running: set[tuple[str, _Key]] = set()
        self.is_visible: Callable[[str], bool] = lambda _job_id: True
        self._closed = False

    def close(self) -> None:
        """The window (or the view) is going: start nothing more, and ask it nothing."""
        self._closed = True
        self._waiting.clear()
        self.is_visible = lambda _job_id: False

    # ------------------------------------------------------------------ asking

    def thumbnail(self, record: JobRecord) -> QImage | None:
        """The row's thumbnail, or None while it is made (or when it has none:
        see `has_picture`)."""
        key = _key(record)
        if key in self._thumbs:
            self._thumbs.move_to_end(key)
            return self._thumbs[key]
        if record.thumbnail_path or record.local_path:
            self._ask("thumb", key, record)
        return None

    def has_picture(self, record: JobRecord) -> bool | None:
        """True when the row's thumbnail is here, False when it has none (no
        poster nor video, or they don't read), None while it is made."""
        key = _key(record)
        if key in self._thumbs:
            return self._thumbs[key] is not None
        if not (record.thumbnail_path or record.local_path):
            return False
        return None

    def strip(self, record: JobRecord) -> tuple[QImage, ...] | None:
        """The row's scrub strip, or None while it is made (or when its video
        is not on this computer)."""
        key = _key(record)
        if key in self._strips:
            self._strips.move_to_end(key)
            return self._strips[key]
        if record.local_path:
            self._ask("strip", key, record)
        return None

    def _ask(self, kind: str, key: _Key, record: JobRecord) -> None:
        job = (kind, key)
        if self._closed or job in self._running:
            return
        self._waiting[job] = record
        self._waiting.move_to_end(job)  # the latest asked is the most likely on screen
        self._pump()

    def _pump(self) -> None:
        while self._waiting and len(self._running) < WORKERS and not self._closed:
            job, record = self._waiting.popitem(last=True)
            if job[0] == "thumb" and not self.is_visible(record.job_id):
                continue  # scrolled past: asked again if it is painted again
            self._running.add(job)
            self._start(job, record)

    def _start(self, job: tuple[str, _Key], record: JobRecord) -> None:
        if job[0] == "thumb":
            run_in_thread(
                lambda: make_thumbnail(record, self._scrub_cache()),
                lambda image, error: self._thumb_done(job, image, error),
            )
        else:
            run_in_thread(
                lambda: make_strip(record, self._scrub_cache()),
                lambda frames, error: self._strip_done(job, frames, error),
            )

    def _scrub_cache(self) -> ScrubCache:
        """The cache, made on a worker thread at first use (it loads PyAV and
        creates its folder: neither belongs on the GUI thread)."""
        with self._cache_lock:
            if self._cache is None:
                from app.media import ScrubCache

                self._cache = ScrubCache.default()
            return self._cache

    # ------------------------------------------------------------------ answers

    def _thumb_done(
        self, job: tuple[str, _Key], image: QImage | None, error: BaseException | None
    ) -> None:
        self._running.discard(job)
        key = job[1]
        if error is not None:
            log.info("no thumbnail for %s: %r", key.job_id, error)
        self._thumbs[key] = image if isinstance(image, QImage) and not image.isNull() else None
        while len(self._thumbs) > MEMORY_THUMBNAILS:
            self._thumbs.popitem(last=False)
        if not self._closed:
            self.thumbnailReady.emit(key.job_id)
        self._pump()

    def _strip_done(
        self,
        job: tuple[str, _Key],
        frames: tuple[QImage, ...] | None,
        error: BaseException | None,
    ) -> None:
        self._running.discard(job)
        key = job[1]
        if error is not None:
            log.info("no scrub strip for %s: %r", key.job_id, error)
        self._strips[key] = frames or None
        while len(self._strips) > MEMORY_STRIPS:
            self._strips.popitem(last=False)
        if not self._closed:
            self.stripReady.emit(key.job_id)
        self._pump()


# --------------------------------------------------------------------------- worker threads


def make_thumbnail(record: JobRecord, cache: ScrubCache) -> QImage | None:
    """The row's poster, else the middle frame of its video, cut to
    THUMBNAIL_SIZE (runs on a worker thread). None when it has neither."""
    from app.media import MediaError

    if record.thumbnail_path:
        poster = QImage(record.thumbnail_path)
        if not poster.isNull():
            return _fill(poster)
    if record.local_path and Path(record.local_path).is_file():
        try:
            strip = cache.strip(Path(record.local_path), 1, THUMBNAIL_SIZE.width())
        except (MediaError, OSError) as exc:
            log.info("no frame of %s: %r", record.local_path, exc)
            return None
        return _fill(qimage(strip.frames[0]))
    return None


def make_strip(record: JobRecord, cache: ScrubCache) -> tuple[QImage, ...] | None:
    """The row's scrub strip as pictures (runs on a worker thread)."""
    from app.media import MediaError

    if not record.local_path or not Path(record.local_path).is_file():
        return None
    try:
        strip = cache.strip(Path(record.local_path), SCRUB_FRAMES, SCRUB_WIDTH)
    except (MediaError, OSError) as exc:
        log.info("no scrub strip of %s: %r", record.local_path, exc)
        return None
    return tuple(qimage(frame) for frame in strip.frames)


def qimage(image: Image.Image) -> QImage:
    """A Pillow picture as a QImage of its own (safe off the GUI thread)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    wrapped = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return wrapped.convertToFormat(QImage.Format.Format_RGB32)  # a copy, fast to draw


def _fill(image: QImage) -> QImage:
    """`image` scaled to cover THUMBNAIL_SIZE and cut to it, centred."""
    scaled = image.scaled(
        THUMBNAIL_SIZE,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = (scaled.width() - THUMBNAIL_SIZE.width()) // 2
    y = (scaled.height() - THUMBNAIL_SIZE.height()) // 2
    cut = scaled.copy(x, y, THUMBNAIL_SIZE.width(), THUMBNAIL_SIZE.height())
    return cut.convertToFormat(QImage.Format.Format_RGB32)
