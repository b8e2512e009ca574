"""History: every generation in the history database, newest first.

Rows show a poster thumbnail, the prompt, the model, the date and the state;
thumbnails are decoded on worker threads. The panel shows a `HistorySearch`
(the `HistoryModel` through the search box's filter) and asks for actions
through signals (play, reuse settings, delete, show in folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.engine.updates import JobState
from app.store.history import JobRecord
from app.ui import wording
from app.ui.elided_label import plain_tooltip
from app.ui.icons import icon
from app.ui.models.history import HistorySearch, ModelLabelRole, RecordRole
from app.ui.models.job_facts import record_failure
from app.ui.tasks import run_in_thread

THUMB = QSize(112, 63)
ROW_HEIGHT = 83

STATE_COLORS = {
    "completed": "#3ecf8e",
    "failed": "#f2555a",
    "cancelled": "#8b93a3",
}


def tooltip(record: JobRecord) -> str:
    """A row's tooltip: the whole prompt, and why the job failed (shown literally)."""
    if record.state != JobState.FAILED:
        return plain_tooltip(record.prompt)
    reason = wording.failure_text(record_failure(record))
    return plain_tooltip(f"{record.prompt}\n\n{reason}")


class HistoryDelegate(QStyledItemDelegate):
    """Paints one history row: thumbnail, prompt, meta line and state."""

    def __init__(self, panel: HistoryPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        record: JobRecord | None = index.data(RecordRole)
        if event.type() != QEvent.Type.ToolTip or record is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), tooltip(record), view)
        return True

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        record: JobRecord | None = index.data(RecordRole)
        if record is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            bg = QColor("#2b2f3b") if selected else QColor("#232733")
            path = QPainterPath()
            path.addRoundedRect(rect, 10, 10)
            painter.fillPath(path, bg)
            if selected:
                painter.setPen(QColor("#7c5cff"))
                painter.drawPath(path)

        thumb_rect = QRect(
            rect.left() + 8,
            rect.top() + (rect.height() - THUMB.height()) // 2,
            THUMB.width(),
            THUMB.height(),
        )
        clip = QPainterPath()
        clip.addRoundedRect(thumb_rect, 6, 6)
        painter.fillPath(clip, QColor("#1a1d25"))
        pixmap = self.panel.thumbnail_for(record)
        if pixmap is not None:
            painter.setClipPath(clip)
            scaled = pixmap.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = thumb_rect.left() - (scaled.width() - THUMB.width()) // 2
            y = thumb_rect.top() - (scaled.height() - THUMB.height()) // 2
            painter.drawPixmap(x, y, scaled)
            painter.setClipping(False)
        else:
            glyph = icon("film", "#4a5061", 48)
            glyph.paint(painter, thumb_rect.adjusted(36, 12, -36, -12))

        text_left = thumb_rect.right() + 12
        text_rect = QRect(
            text_left, rect.top() + 8, rect.right() - text_left - 8, rect.height() - 16
        )
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.98)
        painter.setFont(font)
        painter.setPen(QColor("#e6e8ee"))
        metrics = painter.fontMetrics()
        prompt = " ".join(record.prompt.split())
        lines = self._two_lines(prompt, metrics, text_rect.width())
        y = text_rect.top() + metrics.ascent()
        for line in lines:
            painter.drawText(text_rect.left(), y, line)
            y += metrics.height()

        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.86)
        painter.setFont(small)
        small_metrics = painter.fontMetrics()
        state_text = wording.state_label(record.state)
        state_width = small_metrics.horizontalAdvance(state_text) + 14
        parts = (index.data(ModelLabelRole), wording.date(record.created_at))
        meta = " · ".join(p for p in parts if p)
        meta_y = text_rect.bottom() - small_metrics.descent()
        painter.setPen(QColor("#8b93a3"))
        painter.drawText(
            text_rect.left(),
            meta_y,
            small_metrics.elidedText(
                meta, Qt.TextElideMode.ElideRight, text_rect.width() - state_width - 8
            ),
        )
        chip = QRect(
            text_rect.right() - state_width,
            meta_y - small_metrics.ascent() - 2,
            state_width,
            small_metrics.height() + 3,
        )
        color = QColor(STATE_COLORS.get(record.state, "#f5a524"))
        chip_bg = QColor(color)
        chip_bg.setAlpha(40)
        chip_path = QPainterPath()
        chip_path.addRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.fillPath(chip_path, chip_bg)
        painter.setPen(color)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, state_text)
        painter.restore()

    @staticmethod
    def _two_lines(text: str, metrics: object, width: int) -> list[str]:
        from PySide6.QtGui import QFontMetrics

        assert isinstance(metrics, QFontMetrics)
        if metrics.horizontalAdvance(text) <= width:
            return [text]
        words = text.split(" ")
        first = ""
        for i, word in enumerate(words):
            candidate = f"{first} {word}".strip()
            if metrics.horizontalAdvance(candidate) > width:
                rest = " ".join(words[i:])
                if not first:
                    return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
                return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
            first = candidate
        return [first]


class HistoryPanel(QWidget):
    playRequested = Signal(object)  # JobRecord
    reuseRequested = Signal(object)  # JobRecord
    deleteRequested = Signal(object)  # JobRecord
    showInFolderRequested = Signal(object)  # Path of the row's video

    def __init__(self, history: HistorySearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.history = history
        self._thumbs: dict[str, QPixmap | None] = {}
        self._current: str | None = None  # the selected job, kept across reloads

        self.header = QLabel(self.tr("History"))
        self.header.setProperty("role", "title")
        self.countLabel = QLabel("")
        self.countLabel.setProperty("role", "muted")

        self.searchEdit = QLineEdit()
        self.searchEdit.setObjectName("historySearch")
        self.searchEdit.setAccessibleName(self.tr("Search history"))
        self.searchEdit.setPlaceholderText(self.tr("Search prompts and models"))
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.addAction(
            icon("search", "#8b93a3"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.searchEdit.textChanged.connect(history.set_search)

        self.historyList = QListView()
        self.historyList.setObjectName("historyList")
        self.historyList.setAccessibleName(self.tr("History"))
        self.historyList.setModel(history)
        self.historyList.setItemDelegate(HistoryDelegate(self))
        self.historyList.setMouseTracking(True)
        self.historyList.setUniformItemSizes(True)
        self.historyList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.historyList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.historyList.customContextMenuRequested.connect(self._context_menu)
        self.historyList.clicked.connect(self._play)
        self.historyList.activated.connect(self._play)
        self.historyList.selectionModel().currentChanged.connect(self._current_changed)

        self.emptyLabel = QLabel()
        self.emptyLabel.setObjectName("historyEmpty")
        self.emptyLabel.setProperty("role", "muted")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.reuseButton = QPushButton(self.tr("Use these settings"))
        self.reuseButton.setObjectName("reuseButton")
        self.reuseButton.setAccessibleName(self.tr("Use these settings"))
        self.reuseButton.setProperty("role", "ghost")
        self.reuseButton.clicked.connect(lambda: self._emit_current(self.reuseRequested))
        self.deleteButton = QPushButton(self.tr("Delete"))
        self.deleteButton.setObjectName("deleteButton")
        self.deleteButton.setAccessibleName(self.tr("Delete"))
        self.deleteButton.setProperty("role", "danger")
        self.deleteButton.clicked.connect(lambda: self._emit_current(self.deleteRequested))

        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.countLabel)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.reuseButton, 1)
        buttons.addWidget(self.deleteButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.searchEdit)
        layout.addWidget(self.historyList, 1)
        layout.addWidget(self.emptyLabel, 1)
        layout.addLayout(buttons)

        for signal in (history.modelReset, history.rowsInserted, history.rowsRemoved):
            signal.connect(self._rows_changed)
        history.layoutChanged.connect(self._rows_changed)
        self._rows_changed()

    # ------------------------------------------------------------------ data

    def focus_search(self) -> None:
        self.searchEdit.setFocus()

    def records(self) -> list[JobRecord]:
        """The rows shown, after the search."""
        return self.history.records()

    def select(self, row: int) -> None:
        self.historyList.setCurrentIndex(self.history.index(row, 0))

    def current_record(self) -> JobRecord | None:
        index = self.historyList.currentIndex()
        record: JobRecord | None = index.data(RecordRole) if index.isValid() else None
        return record

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.current_record()
        if record is not None:
            self._current = record.job_id
        self._update_buttons()

    def _rows_changed(self, *_: object) -> None:
        count = self.history.rowCount()
        empty = count == 0
        self.historyList.setVisible(not empty)
        self.emptyLabel.setVisible(empty)
        if self.history.search():
            self.emptyLabel.setText(self.tr("Nothing matches this search."))
        else:
            self.emptyLabel.setText(
                self.tr("No videos yet.\nEverything you generate is kept here.")
            )
        self.countLabel.setText(str(count) if count else "")
        self._keep_selection()
        self._update_buttons()

    def _keep_selection(self) -> None:
        """After a reload, select the job that was selected before, if it is still shown."""
        if self.current_record() is not None or self._current is None:
            return
        for row in range(self.history.rowCount()):
            if self.history.record(row).job_id == self._current:
                self.select(row)
                return

    def _update_buttons(self) -> None:
        has = self.current_record() is not None
        self.reuseButton.setEnabled(has)
        self.deleteButton.setEnabled(has)

    def _emit_current(self, signal: SignalInstance) -> None:
        record = self.current_record()
        if record is not None:
            signal.emit(record)

    def _play(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if record is not None:
            self.playRequested.emit(record)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.historyList.indexAt(pos)
        record: JobRecord | None = index.data(RecordRole) if index.isValid() else None
        if record is None:
            return
        menu = QMenu(self)
        play = QAction(self.tr("Play"), menu)
        play.setEnabled(bool(record.local_path))
        play.triggered.connect(lambda: self.playRequested.emit(record))
        reuse = QAction(self.tr("Use these settings"), menu)
        reuse.triggered.connect(lambda: self.reuseRequested.emit(record))
        folder = QAction(self.tr("Show in folder"), menu)
        folder.setEnabled(bool(record.local_path))
        folder.triggered.connect(
            lambda: self.showInFolderRequested.emit(Path(record.local_path or ""))
        )
        delete = QAction(self.tr("Delete…"), menu)
        delete.triggered.connect(lambda: self.deleteRequested.emit(record))
        for action in (play, reuse, folder):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(delete)
        menu.popup(self.historyList.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ thumbnails

    def thumbnail_for(self, record: JobRecord) -> QPixmap | None:
        path = record.thumbnail_path
        if not path:
            return None
        if path in self._thumbs:
            return self._thumbs[path]
        self._thumbs[path] = None  # loading
        run_in_thread(
            lambda: _load_thumb(Path(path)), lambda image, _e: self._thumb_loaded(path, image)
        )
        return None

    def _thumb_loaded(self, path: str, image: object) -> None:
        if isinstance(image, QImage) and not image.isNull():
            self._thumbs[path] = QPixmap.fromImage(image)
            self.historyList.viewport().update()


def _load_thumb(path: Path) -> QImage:
    image = QImage(str(path))
    if image.isNull():
        return image
    return image.scaled(
        THUMB * 2,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
