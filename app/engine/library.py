"""The account's library: its videos imported into the history, and fetched when played.

`LibraryImporter` reads `GET file?types=video` newest first, one page at a
time, and writes each page's new videos into the history as rows of origin
`account`, in one transaction per page on the history's worker thread (the
event loop only parses pages). A video already in the history, a job of
this app matched by its file id, is never imported again, nor one the
creator deleted from the history.

Incremental: a run stops after the first page holding a file an earlier run
listed, since everything older was listed then. Resumable: after every page
the history keeps where to go on (`library_sync`), so a run that failed or
was stopped half-way is carried on by the next one, from there to the end.
Bounded: at most `max_pages` pages a run, and a cursor that goes back to a
page already read is a `PagingError`.

The service's file objects (IFileRead) do not declare when a video was made;
when a server adds `created_at` it is used, otherwise the video is placed in
the library's order just below the newer video listed before it, and the row
says its date is estimated (`created_estimated`, with `imported_at`). The
event loop reads pages and builds rows a few at a time; the history writes
them on its worker thread.

`fetch_library_video` downloads an imported video the first time it is
played: a fresh address from `GET file/{id}` (signed links expire), then the
engine's `Downloader` (verified, locked against other processes, disk
checked), and the row records where the file is. `fetch_library_poster`
saves the poster the service offers (a JPEG, PNG or WebP of at most
`MAX_POSTER_BYTES`, checked by its first bytes) for the history's row.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from app.api.client import (
    LIBRARY_PAGE_LIMIT,
    MAX_PAGE_LIMIT,
    SuperDuperClient,
    check_http_url,
)
from app.api.errors import NotFoundError, PagingError, ProtocolError, UnsafeUrlError
from app.api.images import image_content_type
from app.api.models import (
    MAX_PROMPT_CHARS,
    FileObject,
    NextCursor,
    is_safe_id,
)
from app.engine.downloader import Downloader, ProgressCallback
from app.logs import clean_text, redact
from app.store.history import (
    ACCOUNT,
    AsyncHistoryStore,
    JobRecord,
    LibraryMark,
    stamp,
    utc_now,
)

log = logging.getLogger("framecast.engine")

#: Pages one run reads at most (50 videos a page: 10,000 videos).
MAX_LIBRARY_PAGES = 200
#: The largest poster accepted (a real one is tens of kilobytes).
MAX_POSTER_BYTES = 4 * 1024 * 1024
_POSTER_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
FILE_MODE = 0o600
#: Rows built between two turns of the event loop (each takes a fraction of a millisecond).
_ROWS_PER_TURN = 8
_ONE_TICK = timedelta(microseconds=1)
_MAX_DATE_CHARS = 64


class LibraryVideoGoneError(Exception):
    """The account no longer has this video (deleted in the web app or elsewhere)."""


@dataclass(frozen=True)
class ImportReport:
    """How far an import got."""

    added: int = 0  # videos new to the history
    listed: int = 0  # finished videos the library listed
    skipped: int = 0  # files left out: not videos, unfinished, unreadable
    pages: int = 0
    #: False when the run stopped at its page budget: the next run goes on.
    complete: bool = True


PageCallback = Callable[[ImportReport], None]


def service_time(value: object) -> str | None:
    """A server's ISO 8601 time as the history stores times; None if it is not one."""
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_DATE_CHARS:
        return None
    try:
        return stamp(datetime.fromisoformat(value.strip()))
    except (ValueError, OverflowError):
        return None


def just_before(moment: str) -> str:
    """The stored time one microsecond before `moment` (a stored time)."""
    return stamp(datetime.fromisoformat(moment) - _ONE_TICK)


def _created_at(file: FileObject) -> str | None:
    extra = file.model_extra or {}
    return service_time(extra.get("created_at", extra.get("createdAt")))


def _request_json(file: FileObject) -> str:
    """The settings the video was made with, as `Use these settings` reads them back."""
    generation = file.video_generation
    if generation is None:
        return "{}"
    config: dict[str, object] = {
        "prompt": generation.prompt,
        "negative_prompt": generation.negative_prompt,
        "generation_config_name": generation.generation_config_name,
        "duration": _whole_seconds(generation.duration or file.duration),
        "aspect_ratio": generation.aspect_ratio,
        "width": generation.width,
        "height": generation.height,
        "seed": generation.seed,
    }
    # As the service said it; `Use these settings` checks it when it reads it back.
    return json.dumps({key: value for key, value in config.items() if value is not None})


def _whole_seconds(value: float | None) -> int | None:
    return max(1, round(value)) if value is not None else None


def _safe_http(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return redact(check_http_url(url))
    except UnsafeUrlError:
        return None


def library_record(
    file: FileObject,
    backend_id: str,
    created_at: str,
    *,
    estimated: bool,
    imported_at: str,
) -> JobRecord:
    """The history row of one finished video of the account's library."""
    generation = file.video_generation
    prompt = clean_text(
        (generation.prompt if generation else None) or "", max_chars=MAX_PROMPT_CHARS
    )
    model = generation.generation_config_name if generation else None
    return JobRecord(
        job_id=f"account-{file.id}",
        prompt=prompt,
        model=clean_text(model, max_chars=200) if model else None,
        request_json=_request_json(file),
        backend_url=backend_id,
        file_id=file.id,
        project_id=file.project_id,
        state="completed",
        progress=1.0,
        url=_safe_http(file.url),
        created_at=created_at,
        finished_at=created_at,
        origin=ACCOUNT,
        thumbnail_url=_safe_http(file.thumbnail_url),
        imported_at=imported_at,
        created_estimated=estimated,
    )


class LibraryImporter:
    """Imports one backend's library into the history (see the module doc)."""

    def __init__(
        self,
        client: SuperDuperClient,
        history: AsyncHistoryStore,
        backend_id: str,
        *,
        page_limit: int = LIBRARY_PAGE_LIMIT,
        max_pages: int = MAX_LIBRARY_PAGES,
    ) -> None:
        self.client = client
        self.history = history
        self.backend_id = backend_id
        self.page_limit = page_limit
        self.max_pages = max_pages
        self._report = ImportReport()
        self._budget = 0
        self._on_page: PageCallback | None = None

    async def run(self, on_page: PageCallback | None = None) -> ImportReport:
        """Import what is new, then whatever an earlier run left unread.

        `on_page` is called after every page is written, with the figures so
        far. Raises the client's errors (`ApiError`); every page written
        before the failure stays written, and the next run goes on from there.
        """
        self._report = ImportReport()
        self._budget = self.max_pages
        self._on_page = on_page
        left_off = await self.history.library_resume(self.backend_id)
        ended = await self._walk(0, until_seen=True, left_off=left_off, upper=utc_now())
        if ended and left_off is not None:
            floor = await self.history.library_floor(self.backend_id)
            ended = await self._walk(
                left_off, until_seen=False, left_off=None, upper=floor or utc_now()
            )
        report = replace(self._report, complete=ended)
        log.info(
            "library of %s: %d new of %d listed, %d left out, %d page(s)%s",
            self.backend_id,
            report.added,
            report.listed,
            report.skipped,
            report.pages,
            "" if ended else "; more next time",
        )
        return report

    async def _walk(
        self, offset: int, *, until_seen: bool, left_off: int | None, upper: str
    ) -> bool:
        """Read pages from `offset`: to the end of the list, or (`until_seen`)
        to the first page with a file an earlier run listed. True when the
        walk ended; False when the page budget ran out first."""
        cursor = NextCursor(offset, self.page_limit)
        read: set[int] = set()
        while self._budget > 0:
            self._budget -= 1
            read.add(cursor.offset)
            page = await self.client.list_library_page(cursor.offset, cursor.limit)
            following = page.next
            videos = [v for v in page.videos if is_safe_id(v.id)]
            listed = [v.id for v in videos]
            marks = await self.history.library_marks(listed)
            met_seen = any(mark.seen for mark in marks.values())
            records, upper = await self._new_rows(videos, marks, upper)
            ended = following is None or (until_seen and met_seen)
            # Where the next run goes on: nowhere once the list has been read
            # to its end; where an older run left off once this walk met what
            # earlier runs listed; else the next page.
            resume = None if following is None else left_off if ended else following.offset
            added = await self.history.add_library_videos(self.backend_id, records, listed, resume)
            self._count(
                added=len(added),
                listed=len(listed),
                skipped=len(page.skipped) + len(page.videos) - len(videos),
            )
            if self._on_page is not None:
                self._on_page(self._report)
            if ended or following is None:
                return True
            if following.offset in read:  # this page is kept; the list cannot be read further
                raise PagingError(
                    f"file: the next page cursor goes back to offset {following.offset}, "
                    "which was already read (the list loops)"
                )
            cursor = NextCursor(following.offset, min(following.limit, MAX_PAGE_LIMIT))
        return False

    async def _new_rows(
        self, videos: Sequence[FileObject], marks: dict[str, LibraryMark], upper: str
    ) -> tuple[list[JobRecord], str]:
        """Rows for the videos the history does not know, each placed in the
        library's order; returns them and the time the next page starts below.
        Building rows is a page's heaviest part on the event loop: it hands
        the loop back every few rows, so the window stays fluid (a worker
        thread would hold the interpreter's lock against the window instead)."""
        now = utc_now()
        records: dict[str, JobRecord] = {}
        for count, video in enumerate(videos, start=1):
            if count % _ROWS_PER_TURN == 0:
                await asyncio.sleep(0)
            mark = marks.get(video.id)
            if mark is not None and mark.known:
                if mark.created_at is not None:
                    upper = min(upper, mark.created_at)
                continue
            if video.id in records:
                continue
            dated = _created_at(video)
            created = dated if dated is not None else just_before(upper)
            upper = min(upper, created)
            records[video.id] = library_record(
                video, self.backend_id, created, estimated=dated is None, imported_at=now
            )
        return list(records.values()), upper

    def _count(self, *, added: int, listed: int, skipped: int) -> None:
        """One more page read."""
        report = self._report
        self._report = replace(
            report,
            added=report.added + added,
            listed=report.listed + listed,
            skipped=report.skipped + skipped,
            pages=report.pages + 1,
        )


async def fetch_library_video(
    client: SuperDuperClient,
    downloader: Downloader,
    history: AsyncHistoryStore,
    record: JobRecord,
    on_progress: ProgressCallback | None = None,
) -> JobRecord:
    """Download an imported video (verified) and record where it is; returns
    the updated row. Raises `LibraryVideoGoneError` when the account no
    longer has it, and the Downloader's and the client's errors otherwise."""
    if not record.file_id:
        raise LibraryVideoGoneError(f"{record.job_id} has no file id")
    try:
        file = await client.get_file(record.file_id)
    except NotFoundError:
        raise LibraryVideoGoneError(f"file {record.file_id} is gone") from None
    if not file.url:
        raise LibraryVideoGoneError(f"file {record.file_id} has no address any more")
    result = await downloader.download(file.url, record.file_id, on_progress)
    changes: dict[str, object] = {
        "local_path": str(result.path),
        "thumbnail_path": str(result.thumbnail) if result.thumbnail else record.thumbnail_path,
        "url": redact(file.url),
    }
    await history.update(record.job_id, **changes)
    stored = await history.get(record.job_id)  # None if the row was deleted meanwhile
    return stored if stored is not None else replace(record, **changes)  # type: ignore[arg-type]


async def fetch_library_poster(
    client: SuperDuperClient, folder: Path, history: AsyncHistoryStore, record: JobRecord
) -> Path | None:
    """Save the poster the service offers for an imported video into
    `folder` and record it; None when it offers none. Raises the client's
    errors, `ProtocolError` for something that is not a picture, and OSError
    when the file cannot be written."""
    if not record.thumbnail_url or not record.file_id:
        return None
    data = bytearray()
    async with client.stream_download(record.thumbnail_url) as response:
        async for chunk in response.chunks:
            data += chunk
            if len(data) > MAX_POSTER_BYTES:
                raise ProtocolError(f"poster of {record.file_id} is over {MAX_POSTER_BYTES} bytes")
    kind = image_content_type(bytes(data[:16]))
    if kind is None:
        raise ProtocolError(f"poster of {record.file_id} is not a JPEG, PNG or WebP picture")
    path = folder / f"{record.file_id}{_POSTER_SUFFIXES[kind]}"
    await asyncio.to_thread(_write_private, path, bytes(data))
    await history.update(record.job_id, thumbnail_path=str(path))
    return path


def _write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` (created 0600, in its folder 0700) whole or not at all."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    fd = os.open(
        partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE
    )
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(partial, path)
