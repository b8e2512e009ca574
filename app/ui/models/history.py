"""The history list: every generation in the history database, newest first.

`HistoryModel` is a `QAbstractListModel` over the newest `HISTORY_LIMIT`
rows. Reloads are batched (a request while one runs becomes one more run
after it), a job's live state reaches its row at once, and deleting removes
the row and the video and poster files. `HistorySearch` is the search box's
filter over it: prompt, model name and model label, any case, literally.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from app.api.models import GenerationRequest
from app.engine.updates import JobState, JobUpdate
from app.store.history import AsyncHistoryStore, JobRecord
from app.ui.models.job_facts import record_failure
from app.ui.models.problems import SettingsNotFound, VideoFailed, VideoMissing
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup, in_thread

log = logging.getLogger("framecast.ui")

HISTORY_LIMIT = 1000

RecordRole = Qt.ItemDataRole.UserRole + 1  # the row's JobRecord
ModelLabelRole = Qt.ItemDataRole.UserRole + 2  # its model's display name
SearchTextRole = Qt.ItemDataRole.UserRole + 3  # what the search box matches

Index = QModelIndex | QPersistentModelIndex


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


class HistoryModel(QAbstractListModel):
    loaded = Signal()  # a reload finished
    videoReady = Signal(object)  # Video: a row asked to play, its file found
    videoDeleting = Signal(object)  # Path: a video about to be removed from disk

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
        self._reloading = False
        self._dirty = False

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
            return "\n".join((record.prompt, record.model or "", self._model_label(record.model)))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return record.prompt
        return None

    def records(self) -> list[JobRecord]:
        return list(self._records)

    def row_of(self, job_id: str) -> int | None:
        return self._rows.get(job_id)

    # ------------------------------------------------------------------ keeping it current

    def reload(self) -> None:
        """Read the history again soon; requests while one runs collapse into one."""
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
                self._set_records(records)
                if not self._dirty:
                    break
        finally:
            self._reloading = False
        self.loaded.emit()

    def _set_records(self, records: list[JobRecord]) -> None:
        if records == self._records:
            return
        self.beginResetModel()
        self._records = records
        self._rows = {record.job_id: row for row, record in enumerate(records)}
        self.endResetModel()

    def apply(self, update: JobUpdate) -> None:
        """Show a job's live state in its row (the database row follows on its own)."""
        row = self._rows.get(update.job_id)
        if row is None or self._records[row].state == update.state:
            return
        self._records[row] = replace(self._records[row], state=str(update.state))
        index = self.index(row)
        self.dataChanged.emit(index, index, [RecordRole])

    def relabel(self) -> None:
        """The catalogue changed: every row's model label may read differently."""
        if self._records:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._records) - 1), [ModelLabelRole, SearchTextRole]
            )

    # ------------------------------------------------------------------ actions

    async def play(self, record: JobRecord) -> None:
        """Offer a row's video to the player (`videoReady`), once its file is found."""
        if not record.local_path:
            if record.state == JobState.FAILED:
                raise VideoFailed(record_failure(record))
            return  # still in flight: nothing to play yet
        path = Path(record.local_path)
        if not await in_thread(path.is_file):
            raise VideoMissing(path)
        poster = Path(record.thumbnail_path) if record.thumbnail_path else None
        self.videoReady.emit(Video(path, poster, record.prompt, record.url))

    async def delete(self, record: JobRecord) -> None:
        """Delete a row, then its video and poster files."""
        if record.local_path:
            self.videoDeleting.emit(Path(record.local_path))
        await self.store.delete(record.job_id)
        self._remove_row(record.job_id)
        files = [Path(p) for p in (record.local_path, record.thumbnail_path) if p]
        await in_thread(lambda: _remove_files(files))
        self.reload()

    def _remove_row(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self._rows = {record.job_id: i for i, record in enumerate(self._records)}
        self.endRemoveRows()


def _remove_files(files: list[Path]) -> None:
    for file in files:
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


class HistorySearch(QSortFilterProxyModel):
    """The rows whose prompt, model name or model label contain the search text."""

    def __init__(self, history: HistoryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(history)
        self.setFilterRole(SearchTextRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text = ""

    def set_search(self, text: str) -> None:
        self._text = text.strip()
        self.setFilterFixedString(self._text)

    def search(self) -> str:
        return self._text

    def record(self, row: int) -> JobRecord:
        record: JobRecord = self.index(row, 0).data(RecordRole)
        return record

    def records(self) -> list[JobRecord]:
        return [self.record(row) for row in range(self.rowCount())]
