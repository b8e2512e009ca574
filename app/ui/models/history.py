"""The history list: every generation in the history database, newest first.

`HistoryModel` is a `QAbstractListModel` over the newest `HISTORY_LIMIT`
rows the history shows (each video once: a job of this app that is also in
the account's library is one row). Reloads are batched (a request while one
runs becomes one more run after it) and applied as row insertions, removals
and changes, so the selection and the scroll position survive a background
import; a job's live state reaches its row at once.

Rows are this app's jobs and videos of the account's library
(`AccountLibrary`, imported in the background for the attached session).
Playing an account video that is not on this computer yet downloads it
first (the engine's `Downloader`: verified, locked, disk checked), with its
progress in the row (`FetchRole`); a poster the service offers is fetched
when its row is first painted. Deleting removes the row and the files, and,
only when asked, the video from the account too; a deleted video is never
imported again. The row of the video the player has is marked
(`PlayingRole`, `playingChanged`).

A row can be starred (`set_favourite`, stored in the history). "Clear
history" (`clear`) removes every finished row that is not a favourite and
deletes its files off the GUI thread; a job still in progress stays, and
nothing is deleted from the account.

`HistorySearch` is what the panel shows: the rows of one `HistoryFilter`
(all, favourites, ready, failed, from the account) whose prompt, model name
or model label contain the search text (any case, literally). It filters in
memory over the loaded rows (tens of thousands in a few milliseconds): the
database is read only by the batched reloads, on the history's own thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)

from app.api.errors import ApiError, AuthenticationError, NotFoundError
from app.api.models import GenerationRequest
from app.engine.errors import JobError, error_kind_of
from app.engine.library import LibraryVideoGoneError, fetch_library_poster, fetch_library_video
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.session import Session
from app.store.history import (
    ACCOUNT,
    TERMINAL_STATES,
    AsyncHistoryStore,
    HistoryClosedError,
    JobRecord,
)
from app.ui.models.job_facts import record_failure
from app.ui.models.library import AccountLibrary
from app.ui.models.problems import (
    AccountDeleteFailed,
    AccountVideoElsewhere,
    AccountVideoGone,
    AccountVideoNotFetched,
    NotConnected,
    SettingsNotFound,
    VideoFailed,
    VideoMissing,
)
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup, in_thread

log = logging.getLogger("framecast.ui")

#: Rows read into the list: every row of a big history (10,000 load in well
#: under a second, off the GUI thread); beyond it, the count says "N of M".
HISTORY_LIMIT = 20_000
#: While the library is imported, the list reads the new rows at most this often.
IMPORT_RELOAD_MS = 200
#: Posters of account videos fetched at once (the rows being painted ask for them).
POSTER_FETCHES = 3

RecordRole = Qt.ItemDataRole.UserRole + 1  # the row's JobRecord
ModelLabelRole = Qt.ItemDataRole.UserRole + 2  # its model's display name
SearchTextRole = Qt.ItemDataRole.UserRole + 3  # what the search box matches
PlayingRole = Qt.ItemDataRole.UserRole + 4  # True for the video the player has
FetchRole = Qt.ItemDataRole.UserRole + 5  # download of an account video: 0..1, -1 unknown, None

Index = QModelIndex | QPersistentModelIndex


class HistoryFilter(StrEnum):
    """Which rows the history shows (the panel's filter control)."""

    ALL = "all"
    FAVOURITES = "favourites"
    READY = "ready"
    FAILED = "failed"
    ACCOUNT = "account"

    def accepts(self, record: JobRecord) -> bool:
        if self is HistoryFilter.FAVOURITES:
            return record.favourite
        if self is HistoryFilter.READY:
            return record.state == JobState.COMPLETED
        if self is HistoryFilter.FAILED:
            return record.state == JobState.FAILED
        if self is HistoryFilter.ACCOUNT:
            return record.origin == ACCOUNT
        return True


def clearable(record: JobRecord) -> bool:
    """Whether "Clear history" removes this row (the store's rule, for the
    question's count): finished and not a favourite."""
    return not record.favourite and record.state in TERMINAL_STATES


def saved_request(record: JobRecord) -> GenerationRequest:
    """The request a history row was made with (the bare config, or `{config: ...}`)."""
    try:
        data = json.loads(record.request_json or "{}")
        if isinstance(data, dict) and isinstance(data.get("config"), dict):
            data = data["config"]
        return GenerationRequest.model_validate(data)
    except ValueError as exc:
        raise SettingsNotFound(record.job_id) from exc


def source_image(record: JobRecord) -> Path | None:
    return Path(record.source_image) if record.source_image else None


def is_account_video(record: JobRecord) -> bool:
    return record.origin == ACCOUNT


def _fetch_failure(error: ApiError | JobError) -> ErrorKind:
    return error.kind if isinstance(error, JobError) else error_kind_of(error)


class HistoryModel(QAbstractListModel):
    loaded = Signal()  # a reload finished
    videoReady = Signal(object)  # Video: a row asked to play, its file found
    videoDeleting = Signal(object)  # Path: a video about to be removed from disk
    cleared = Signal(int)  # "Clear history" removed this many rows
    playingChanged = Signal(object)  # the row of the video the player has, or None

    def __init__(
        self,
        store: AsyncHistoryStore,
        tasks: TaskGroup,
        model_label: Callable[[str | None], str],
        *,
        limit: int = HISTORY_LIMIT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._tasks = tasks
        self._model_label = model_label
        self._limit = limit
        self._records: list[JobRecord] = []
        self._rows: dict[str, int] = {}
        self._search_texts: dict[tuple[str, str | None], str] = {}
        self._stars: dict[str, bool] = {}  # stars asked for and not stored yet
        self._reloading = False
        self._dirty = False
        self._closed = False
        self._session: Session | None = None
        self._playing: Path | None = None
        self._playing_job: str | None = None
        self._fetches: dict[str, asyncio.Task[object]] = {}
        self._fetch_progress: dict[str, float] = {}
        self._wanted: str | None = None  # the job whose video the creator asked to play last
        self._posters_asked: set[str] = set()
        self._poster_turns = asyncio.Semaphore(POSTER_FETCHES)
        self.total = 0  # how many videos the history has, beyond the limit
        self.library = AccountLibrary(store, tasks, parent=self)
        # An import adds a page every few tens of milliseconds: the list reads
        # them in a few batches a second, not once a page.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(IMPORT_RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.library.videosAdded.connect(self._reload_soon)
        self.library.finished.connect(lambda _report: self.reload())

    # ------------------------------------------------------------------ the list

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RecordRole:
            return record
        if role == ModelLabelRole:
            return self._model_label(record.model)
        if role == SearchTextRole:
            return self.search_text(index.row())
        if role == PlayingRole:
            return self._is_playing(record)
        if role == FetchRole:
            return self._fetch_progress.get(record.job_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return record.prompt
        return None

    def records(self) -> list[JobRecord]:
        return list(self._records)

    def record_at(self, row: int) -> JobRecord:
        """The record of a row, without a model index (the filter's fast path)."""
        return self._records[row]

    def search_text(self, row: int) -> str:
        """What the search box matches in a row, case-folded: its prompt, model
        name and model label (kept per prompt and model until the labels change)."""
        record = self._records[row]
        key = (record.prompt, record.model)
        text = self._search_texts.get(key)
        if text is None:
            label = self._model_label(record.model)
            text = "\n".join((record.prompt, record.model or "", label)).casefold()
            self._search_texts[key] = text
        return text

    def row_of(self, job_id: str) -> int | None:
        return self._rows.get(job_id)

    # ------------------------------------------------------------------ keeping it current

    def attach(self, session: Session | None) -> None:
        """The session that downloads account videos and whose library is imported."""
        self._session = session
        self.library.attach(session)

    def _reload_soon(self) -> None:
        if not self._reload_timer.isActive():
            self._reload_timer.start()

    def close(self) -> None:
        """The window is closing: no more reloads, imports or poster fetches
        (a signal or timer that fires afterwards would find no event loop)."""
        self._closed = True
        self._reload_timer.stop()
        self.library.attach(None)

    def reload(self) -> None:
        """Read the history again soon; requests while one runs collapse into one."""
        if self._closed:
            return
        if self._reloading:
            self._dirty = True
            return
        self._reloading = True
        self._tasks.spawn(self._reload())

    async def _reload(self) -> None:
        try:
            while True:
                self._dirty = False
                records = await self.store.list(limit=self._limit)
                total = await self.store.count_shown()
                self.total = max(total, len(records))
                self._set_records(records)
                if not self._dirty:
                    break
        except HistoryClosedError:
            return  # the window is closing: nothing left to show
        finally:
            self._reloading = False
        self.loaded.emit()

    def _set_records(self, records: list[JobRecord]) -> None:
        """Show `records`: as insertions, removals and changes of rows when the
        rows both lists have keep their order (always, for a list sorted by
        time), else as a reset."""
        if records == self._records:
            return
        new_ids = {record.job_id for record in records}
        kept = [r.job_id for r in self._records if r.job_id in new_ids]
        old_ids = set(kept)
        if kept != [r.job_id for r in records if r.job_id in old_ids]:
            self.beginResetModel()
            self._records = list(records)
            self._reindex()
            self.endResetModel()
            self._announce_playing()
            return
        self._remove_missing(new_ids)
        self._insert_new(records, old_ids)
        changed = [row for row, record in enumerate(records) if self._records[row] != record]
        self._records = list(records)
        self._reindex()
        for row in changed:
            index = self.index(row)
            self.dataChanged.emit(index, index)
        self._announce_playing()

    def _remove_missing(self, new_ids: set[str]) -> None:
        row = len(self._records) - 1
        while row >= 0:
            if self._records[row].job_id in new_ids:
                row -= 1
                continue
            last = row
            while row >= 0 and self._records[row].job_id not in new_ids:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row + 1, last)
            del self._records[row + 1 : last + 1]
            self.endRemoveRows()

    def _insert_new(self, records: list[JobRecord], old_ids: set[str]) -> None:
        row = 0
        while row < len(records):
            if records[row].job_id in old_ids:
                row += 1
                continue
            first = row
            while row < len(records) and records[row].job_id not in old_ids:
                row += 1
            self.beginInsertRows(QModelIndex(), first, row - 1)
            self._records[first:first] = records[first:row]
            self.endInsertRows()

    def _reindex(self) -> None:
        self._rows = {record.job_id: row for row, record in enumerate(self._records)}

    def _changed(self, job_id: str, roles: list[int] | None = None) -> None:
        row = self._rows.get(job_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, roles or [])

    def _replace(self, record: JobRecord) -> None:
        row = self._rows.get(record.job_id)
        if row is not None:
            self._records[row] = record
            self._changed(record.job_id)
            self._announce_playing()

    def apply(self, update: JobUpdate) -> None:
        """Show a job's live state in its row, and where its video is once it
        has one (the database row follows on its own)."""
        row = self._rows.get(update.job_id)
        if row is None:
            return
        record = self._records[row]
        changed = replace(record, state=str(update.state))
        if update.path and update.path != record.local_path:
            changed = replace(changed, local_path=update.path, thumbnail_path=update.thumbnail)
        if changed == record:
            return
        self._records[row] = changed
        index = self.index(row)
        self.dataChanged.emit(index, index, [RecordRole])
        self._announce_playing()

    def relabel(self) -> None:
        """The catalogue changed: every row's model label may read differently."""
        self._search_texts.clear()
        if self._records:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._records) - 1), [ModelLabelRole, SearchTextRole]
            )

    # ------------------------------------------------------------------ what is playing

    def set_playing(self, path: Path | None) -> None:
        """The player now has this file (None: nothing): mark its row."""
        if path == self._playing:
            return
        before = self.playing_row()
        self._playing = path
        after = self.playing_row()
        for row in {before, after} - {None}:
            assert row is not None
            index = self.index(row)
            self.dataChanged.emit(index, index, [PlayingRole])
        self._announce_playing()

    def _announce_playing(self) -> None:
        """`playingChanged` when the playing video's row is another job's, or
        appears (a job's row often arrives after its video started playing);
        not when rows above it only move it."""
        row = self.playing_row()
        job = self._records[row].job_id if row is not None else None
        if job != self._playing_job:
            self._playing_job = job
            self.playingChanged.emit(row)

    def playing_row(self) -> int | None:
        if self._playing is None:
            return None
        return next((row for row, r in enumerate(self._records) if self._is_playing(r)), None)

    def _is_playing(self, record: JobRecord) -> bool:
        return self._playing is not None and record.local_path == str(self._playing)

    # ------------------------------------------------------------------ actions

    async def play(self, record: JobRecord) -> None:
        """Offer a row's video to the player (`videoReady`), once its file is
        found; an account video not on this computer is downloaded first."""
        self._wanted = record.job_id
        path = Path(record.local_path) if record.local_path else None
        if path is not None and await in_thread(path.is_file):
            self._offer(record, path)
            return
        if is_account_video(record):
            await self._fetch_and_play(record)
            return
        if path is None:
            if record.state == JobState.FAILED:
                raise VideoFailed(record_failure(record))
            return  # still in flight: nothing to play yet
        raise VideoMissing(path)

    def _offer(self, record: JobRecord, path: Path) -> None:
        poster = Path(record.thumbnail_path) if record.thumbnail_path else None
        self.videoReady.emit(Video(path, poster, record.prompt, record.url))

    def fetching(self, job_id: str) -> bool:
        return job_id in self._fetches

    async def _fetch_and_play(self, record: JobRecord) -> None:
        """Download an account video, then play it if it is still the one
        asked for last. A second request while it downloads only asks again."""
        if record.job_id in self._fetches:
            return
        session = self._session_for(record)
        task = asyncio.current_task()
        assert task is not None
        self._fetches[record.job_id] = task  # deleting the row stops the download
        try:
            fetched = await self._fetch(session, record)
        finally:
            self._fetches.pop(record.job_id, None)
        if self._wanted == record.job_id and fetched.local_path:
            self._offer(fetched, Path(fetched.local_path))

    def _session_for(self, record: JobRecord) -> Session:
        session = self._session
        if session is None:
            raise NotConnected()
        if record.backend_url != session.manager.backend_id:
            raise AccountVideoElsewhere(record.backend_url or "")
        return session

    async def _fetch(self, session: Session, record: JobRecord) -> JobRecord:
        job_id = record.job_id

        def progress(fraction: float | None) -> None:
            value = -1.0 if fraction is None else round(fraction, 2)
            if self._fetch_progress.get(job_id) != value:
                self._fetch_progress[job_id] = value
                self._changed(job_id, [FetchRole])

        progress(None)
        manager = session.manager
        try:
            fetched = await fetch_library_video(
                session.client, manager.downloader, self.store, record, progress
            )
        except LibraryVideoGoneError:
            raise AccountVideoGone(record.file_id or "") from None
        except AuthenticationError:
            raise  # the window asks for a new token
        except (ApiError, JobError) as exc:
            log.warning("downloading account video %s failed: %r", record.file_id, exc)
            raise AccountVideoNotFetched(_fetch_failure(exc)) from exc
        finally:
            self._fetch_progress.pop(job_id, None)
            self._changed(job_id, [FetchRole])
        self._replace(fetched)
        return fetched

    def want_poster(self, record: JobRecord) -> None:
        """A row is painted without a poster: fetch the one the service offers, once."""
        session = self._session
        if (
            not record.thumbnail_url
            or record.thumbnail_path
            or record.job_id in self._posters_asked
            or session is None
            or record.backend_url != session.manager.backend_id
            or self._closed
        ):
            return
        self._posters_asked.add(record.job_id)
        self._tasks.spawn(self._fetch_poster(session, record))

    async def _fetch_poster(self, session: Session, record: JobRecord) -> None:
        async with self._poster_turns:
            folder = session.manager.downloader.videos_dir / "thumbnails"
            try:
                poster = await fetch_library_poster(session.client, folder, self.store, record)
            except (ApiError, OSError) as exc:  # a row without a poster is no failure
                log.info("no poster for account video %s: %r", record.file_id, exc)
                return
        current = self._records[self._rows[record.job_id]] if record.job_id in self._rows else None
        if poster is not None and current is not None:
            self._replace(replace(current, thumbnail_path=str(poster)))

    async def set_favourite(self, job_id: str, favourite: bool) -> None:
        """Star or unstar a row: shown at once, then stored (put back if storing fails)."""
        row = self._rows.get(job_id)
        if row is None or self._records[row].favourite == favourite:
            return
        before = self._records[row]
        self._stars[job_id] = favourite  # the latest asked wins over slower answers
        self._replace(replace(before, favourite=favourite))
        try:
            await self.store.set_favourite(job_id, favourite)
        except BaseException:
            current = self._rows.get(job_id)
            if current is not None and self._stars.get(job_id) == favourite:
                self._replace(replace(self._records[current], favourite=before.favourite))
            raise
        finally:
            if self._stars.get(job_id) == favourite:
                del self._stars[job_id]
        # A reload that read the rows before the star was stored must not undo it.
        if self._reloading:
            self._dirty = True
        current = self._rows.get(job_id)
        if current is None or job_id in self._stars:
            return
        if self._records[current].favourite != favourite:
            self._replace(replace(self._records[current], favourite=favourite))

    def clearable_count(self) -> int:
        """How many rows "Clear history" would remove now."""
        return sum(1 for record in self._records if clearable(record))

    async def clear(self) -> int:
        """ "Clear history": remove every finished row that is not a favourite
        (a job in progress stays), then their video and poster files, off
        the GUI thread. Nothing is deleted from the account, and no import
        brings a cleared account video back. Returns how many rows went."""
        removed = await self.store.clear()
        gone = {record.job_id for record in removed}
        for record in removed:
            fetch = self._fetches.pop(record.job_id, None)
            if fetch is not None:
                fetch.cancel()
            if record.local_path:
                self.videoDeleting.emit(Path(record.local_path))
        self._set_records([r for r in self._records if r.job_id not in gone])
        self.total = max(len(self._records), self.total - len(removed))
        files = [Path(p) for r in removed for p in (r.local_path, r.thumbnail_path) if p]
        self.cleared.emit(len(removed))
        self.loaded.emit()
        await in_thread(lambda: _remove_files(files))
        self.reload()
        return len(removed)

    def can_delete_from_account(self, record: JobRecord) -> bool:
        """Whether deleting this row may also delete the video from the
        connected account (a cloud video of this backend; never the built-in
        renderer's)."""
        session = self._session
        return (
            session is not None
            and session.kind != "local"
            and bool(record.file_id)
            and record.backend_url == session.manager.backend_id
        )

    async def delete(self, record: JobRecord, *, from_account: bool = False) -> None:
        """Delete a row, then its video and poster files; with `from_account`,
        the video from the account first (if that fails, nothing is deleted).
        A deleted video is never imported from the account again."""
        if from_account:
            await self._delete_from_account(record)
        fetch = self._fetches.pop(record.job_id, None)
        if fetch is not None and fetch is not asyncio.current_task():
            fetch.cancel()
        if record.local_path:
            self.videoDeleting.emit(Path(record.local_path))
        await self.store.dismiss(record.job_id)
        self._remove_row(record.job_id)
        files = [Path(p) for p in (record.local_path, record.thumbnail_path) if p]
        await in_thread(lambda: _remove_files(files))
        self.reload()

    async def _delete_from_account(self, record: JobRecord) -> None:
        session = self._session
        if session is None or not self.can_delete_from_account(record) or not record.file_id:
            raise AccountDeleteFailed(NotConnected())
        try:
            await session.client.delete_file(record.file_id)
        except NotFoundError:
            log.info("account video %s was already gone", record.file_id)
        except AuthenticationError:
            raise
        except ApiError as exc:
            raise AccountDeleteFailed(exc) from exc

    def _remove_row(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self._reindex()
        self.endRemoveRows()
        self._announce_playing()


def _remove_files(files: list[Path]) -> None:
    for file in files:
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


class HistorySearch(QSortFilterProxyModel):
    """The rows of one `HistoryFilter` whose prompt, model name or model label
    contain the search text, newest first (the history's own order)."""

    filterChanged = Signal(object)  # the HistoryFilter now shown

    def __init__(self, history: HistoryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._text = ""
        self._folded = ""
        self._filter = HistoryFilter.ALL
        #: Each row's verdict, worked out for the whole list in one pass when
        #: the filter or the search changes (a Python call per row from Qt is
        #: the slow part); forgotten when the rows change.
        self._verdicts: list[bool] | None = None
        # Connected before the proxy's own handlers, so a verdict is never stale.
        for signal in (
            history.rowsAboutToBeInserted,
            history.rowsAboutToBeRemoved,
            history.modelAboutToBeReset,
            history.layoutAboutToBeChanged,
            history.dataChanged,
        ):
            signal.connect(self._forget_verdicts)
        self.setSourceModel(history)

    def _forget_verdicts(self, *_: object) -> None:
        self._verdicts = None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        verdicts = self._verdicts
        if verdicts is not None:
            return verdicts[source_row]
        return self._accepts(source_row)

    def _accepts(self, source_row: int) -> bool:
        # Straight from the history's list, no model index per row.
        history = self.history
        if not self._filter.accepts(history.record_at(source_row)):
            return False
        return not self._folded or self._folded in history.search_text(source_row)

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text == self._text:
            return
        self._text, self._folded = text, text.casefold()
        self._refilter()

    def set_filter(self, kind: HistoryFilter) -> None:
        if kind == self._filter:
            return
        self._filter = kind
        self._refilter()
        self.filterChanged.emit(kind)

    def filter(self) -> HistoryFilter:
        return self._filter

    def _refilter(self) -> None:
        rows = range(self.history.rowCount())
        self._verdicts = [self._accepts(row) for row in rows]
        # One layout change for the whole list: a filter change announced as
        # row removals and insertions is one signal per run of rows (thousands
        # at 10,000 rows), each relaying out the views.
        self.invalidate()

    def search(self) -> str:
        return self._text

    def record(self, row: int) -> JobRecord:
        record: JobRecord = self.index(row, 0).data(RecordRole)
        return record

    def records(self) -> list[JobRecord]:
        return [self.record(row) for row in range(self.rowCount())]

    def row_of_source(self, source_row: int) -> int | None:
        """This list's row of a history row (None when the search hides it)."""
        index = self.mapFromSource(self.history.index(source_row))
        return index.row() if index.isValid() else None
