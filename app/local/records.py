"""The built-in renderer's files (uploads and videos) and their wire shapes.

Each file is a `FileRecord` kept in memory and mirrored to
`<data dir>/files/<id>.json`, so a restarted renderer still answers for the
videos it made before. The media itself (uploaded pictures, finished videos,
posters) lives in `<data dir>/media/` under the file's id and is served
without auth at `/media/<name>`, like a CDN: ids are uuid4 hex, unguessable.
A video's record keeps its whole request (`config`), so a video that was not
finished when the renderer stopped is made again, from the same request and
seed, when it starts next (`RecordStore.unfinished`). This module also builds
the JSON shapes of the SuperDuperAI contract (file object, project, task)
from a record.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger("framecast.local.records")

IN_PROGRESS = "in_progress"
COMPLETED = "completed"
ERROR = "error"
TASK_TYPE = "video-generation-flow"

# Where an unfinished (IN_PROGRESS) video is. On the wire it is in_progress
# throughout; only a rendering one has render_progress events and progress.
QUEUED = "queued"  # waiting for a free worker
RENDERING = "rendering"  # a worker is making its frames
INTERRUPTED = "interrupted"  # the renderer stopped first: it is made again at the next start

_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_MEDIA_RE = re.compile(r"^[0-9a-f]{32}\.(mp4|jpg|png|webp)$")

MEDIA_TYPES = {
    "mp4": "video/mp4",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


def new_id() -> str:
    return uuid.uuid4().hex


def is_valid_id(value: str) -> bool:
    """True for URL-safe tokens such as the uuid4 hex ids this renderer hands out."""
    return bool(_ID_RE.fullmatch(value))


def is_media_name(value: str) -> bool:
    return bool(_MEDIA_RE.fullmatch(value))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class FileRecord:
    """One uploaded picture or one generated video."""

    id: str
    type: str  # "image" or "video"
    created_at: str = field(default_factory=_now)
    media_name: str | None = None  # under media/, once the bytes exist
    content_type: str | None = None
    size: int | None = None
    width: int | None = None
    height: int | None = None
    # Videos only.
    project_id: str | None = None
    task_id: str | None = None
    video_generation_id: str | None = None
    config: dict[str, object] | None = None
    status: str = COMPLETED
    progress: float = 0.0
    message: str | None = None
    error: str | None = None
    poster_name: str | None = None
    stage: str | None = None  # QUEUED, RENDERING or INTERRUPTED while IN_PROGRESS
    queued_at: float = field(default_factory=time.time)  # the render queue's order

    def media_url(self, base_url: str) -> str | None:
        return f"{base_url}/media/{self.media_name}" if self.media_name else None

    def poster_url(self, base_url: str) -> str | None:
        return f"{base_url}/media/{self.poster_name}" if self.poster_name else None

    def task_json(self) -> dict[str, object]:
        return {
            "id": self.task_id,
            "type": TASK_TYPE,
            "status": self.status,
            "file_id": self.id,
            "project_id": self.project_id,
        }

    def to_json(self, base_url: str) -> dict[str, object]:
        """The contract's file object, IFileRead.ts complete (every field, null
        where it does not apply), plus `contentType`, `progress` and `message`."""
        done = self.status == COMPLETED
        url = self.media_url(base_url) if done else None
        video = self.type == "video"
        body: dict[str, object] = {
            "id": self.id,
            "url": url,
            "thumbnail_url": (self.poster_url(base_url) if video else url) if done else None,
            "type": self.type,
            "image_generation_id": None,
            "image_generation": None,
            "video_generation_id": self.video_generation_id if video else None,
            "video_generation": self._video_generation() if video else None,
            "audio_generation_id": None,
            "audio_generation": None,
            "duration": self._duration() if video and done else None,
            "tasks": [self.task_json()] if video else [],
            "created_at": self.created_at,
            "contentType": self.content_type,
            "size": self.size,
            "width": self.width,
            "height": self.height,
        }
        if video:
            body["project_id"] = self.project_id
            body["progress"] = round(self.progress, 4)
            body["message"] = self.message
            if self.error is not None:
                body["error"] = self.error
        return body

    def _video_generation(self) -> dict[str, object]:
        # IVideoGenerationRead.ts; records of older versions lack some fields.
        return {
            "prompt": "",
            "negative_prompt": "",
            "references": [],
            "generation_config": None,
            **(self.config or {}),
            "id": self.video_generation_id,
        }

    def _duration(self) -> float | None:
        seconds = (self.config or {}).get("duration")
        return float(seconds) if isinstance(seconds, int | float) else None

    def project_json(self, base_url: str) -> dict[str, object]:
        value: dict[str, object] = {
            "file_id": self.id,
            "project_id": self.project_id,
            "url": self.media_url(base_url) if self.status == COMPLETED else None,
            "thumbnail_url": self.poster_url(base_url) if self.status == COMPLETED else None,
            "contentType": "video/mp4",
        }
        return {
            "id": self.project_id,
            "status": self.status,
            "data": [{"id": self.id, "type": "file", "value": value}],
            "tasks": [self.task_json()],
        }


class RecordStore:
    """Every file this renderer knows, by file id and by project id."""

    def __init__(self, data_dir: Path) -> None:
        self.files_dir = data_dir / "files"
        self.media_dir = data_dir / "media"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.media_dir.mkdir(parents=True, exist_ok=True)
        self._lock_path = data_dir / "renderer.lock"
        self._lock: BinaryIO | None = None
        self._files: dict[str, FileRecord] = {}
        self._projects: dict[str, str] = {}
        self._left_unfinished: list[FileRecord] = []

    @property
    def owner(self) -> bool:
        """True when this process holds the data folder (see `load`)."""
        return self._lock is not None

    def _claim(self) -> bool:
        """Lock the data folder for this process's lifetime; False when another
        renderer (the window's, while a command line `generate` runs) holds it.
        The operating system drops the lock when the process ends, however."""
        lock = self._lock_path.open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            return False
        self._lock = lock
        return True

    def load(self) -> None:
        """Read the records earlier runs left.

        The first renderer on a data folder owns it: it drops the files a
        stopped run left half-written and makes its unfinished videos. A
        second one at the same time (another `framecast` process) leaves both
        to the owner and only adds videos of its own."""
        if self._claim():
            for leftover in [*self.files_dir.glob(".*.tmp"), *self.media_dir.glob(".*.part*")]:
                leftover.unlink(missing_ok=True)
        else:
            log.info(
                "another renderer uses %s; its unfinished videos are left to it",
                self.files_dir.parent,
            )
        for path in sorted(self.files_dir.glob("*.json")):
            try:
                record = FileRecord(**json.loads(path.read_text("utf-8")))
            except (OSError, ValueError, TypeError) as exc:
                log.warning("skipping unreadable record %s: %s", path.name, exc)
                continue
            if not is_valid_id(record.id):
                continue
            self._index(record)
            if self.owner and record.type == "video" and record.status == IN_PROGRESS:
                self._left_unfinished.append(record)
        self._left_unfinished.sort(key=lambda r: r.queued_at)
        log.info("loaded %d records", len(self._files))

    def unfinished(self) -> list[FileRecord]:
        """The videos earlier runs left unfinished, in the order they were queued
        (none unless this process owns the data folder)."""
        return list(self._left_unfinished)

    def _index(self, record: FileRecord) -> None:
        self._files[record.id] = record
        if record.project_id:
            self._projects[record.project_id] = record.id

    def add(self, record: FileRecord) -> None:
        self._index(record)
        self.save(record)

    def save(self, record: FileRecord) -> None:
        path = self.files_dir / f"{record.id}.json"
        tmp = path.with_name(f".{record.id}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(asdict(record)), "utf-8")
        os.replace(tmp, path)

    def get(self, file_id: str) -> FileRecord | None:
        return self._files.get(file_id)

    def all(self) -> list[FileRecord]:
        return list(self._files.values())

    def remove(self, file_id: str) -> FileRecord | None:
        """Forget a file and delete its record and media; returns what it was."""
        record = self._files.pop(file_id, None)
        if record is None:
            return None
        if record.project_id:
            self._projects.pop(record.project_id, None)
        for name in (record.media_name, record.poster_name):
            if name:
                self.media_path(name).unlink(missing_ok=True)
        (self.files_dir / f"{record.id}.json").unlink(missing_ok=True)
        return record

    def by_project(self, project_id: str) -> FileRecord | None:
        file_id = self._projects.get(project_id)
        return self._files.get(file_id) if file_id else None

    def media_path(self, name: str) -> Path:
        return self.media_dir / name
