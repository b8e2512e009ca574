"""History: every generation in the history database, newest first.

Rows show a poster thumbnail, the prompt, the model, the date and the state;
thumbnails are decoded on worker threads. The panel only renders records and
asks for actions through signals (play, reuse settings, delete, search); the
main window owns the database calls.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.engine.updates import JobUpdate
from app.store.history import JobRecord
from app.ui.icons import icon
from app.ui.progress_panel import plain_tooltip
from app.ui.workers import run_in_thread

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB = QSize(112, 63)
ROW_HEIGHT = 83

STATE_COLORS = {
    "completed": "#3ecf8e",
    "failed": "#f2555a",
    "cancelled": "#8b93a3",
}
translate = QCoreApplication.translate


def state_label(state: str) -> str:
    return {
        "submitting": translate("HistoryPanel", "Sending"),
        "queued": translate("HistoryPanel", "Queued"),
        "processing": translate("HistoryPanel", "Rendering"),
        "downloading": translate("HistoryPanel", "Downloading"),
        "completed": translate("HistoryPanel", "Ready"),
        "failed": translate("HistoryPanel", "Failed"),
        "cancelled": translate("HistoryPanel", "Stopped"),
    }.get(state, state)


def format_date(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    now = datetime.now().astimezone()
    if moment.date() == now.date():
        return translate("HistoryPanel", "Today %1").replace("%1", moment.strftime("%H:%M"))
    return moment.strftime("%d %b %Y, %H:%M")


class HistoryDelegate(QStyledItemDelegate):
    """Paints one history row: thumbnail, prompt, meta line and state."""

    def __init__(self, panel: HistoryPanel) -> None:
        super().__init__(panel)
        self.panel = panel

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
        record: JobRecord | None = index.data(RECORD_ROLE)
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
        state_text = state_label(record.state)
        state_width = small_metrics.horizontalAdvance(state_text) + 14
        parts = (self.panel.model_label(record.model), format_date(record.created_at))
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
    showInFolderRequested = Signal(object)  # JobRecord
    searchChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._thumbs: dict[str, QPixmap | None] = {}
        self._model_labels: dict[str, str] = {}

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
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(lambda: self.searchChanged.emit(self.search_text()))
        self.searchEdit.textChanged.connect(lambda _t: self._debounce.start())

        self.historyList = QListWidget()
        self.historyList.setObjectName("historyList")
        self.historyList.setAccessibleName(self.tr("History"))
        self.historyList.setItemDelegate(HistoryDelegate(self))
        self.historyList.setMouseTracking(True)
        self.historyList.setUniformItemSizes(True)
        self.historyList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.historyList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.historyList.customContextMenuRequested.connect(self._context_menu)
        self.historyList.itemClicked.connect(self._clicked)
        self.historyList.itemActivated.connect(self._clicked)
        self.historyList.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.emptyLabel = QLabel(self.tr("No videos yet.\nEverything you generate is kept here."))
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
        self.set_records([])

    # ------------------------------------------------------------------ data

    def search_text(self) -> str:
        return self.searchEdit.text().strip()

    def set_model_labels(self, labels: dict[str, str]) -> None:
        self._model_labels = dict(labels)
        self.historyList.viewport().update()

    def model_label(self, name: str | None) -> str:
        if not name:
            return ""
        return self._model_labels.get(name, name)

    def records(self) -> list[JobRecord]:
        return [self.historyList.item(i).data(RECORD_ROLE) for i in range(self.historyList.count())]

    def set_records(self, records: list[JobRecord]) -> None:
        current = self.current_record()
        self.historyList.clear()
        for record in records:
            item = QListWidgetItem()
            item.setData(RECORD_ROLE, record)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, record.prompt)
            item.setToolTip(
                plain_tooltip(
                    record.prompt if not record.error else f"{record.prompt}\n\n{record.error}"
                )
            )
            self.historyList.addItem(item)
            if current is not None and record.job_id == current.job_id:
                self.historyList.setCurrentItem(item)
        empty = not records
        self.historyList.setVisible(not empty)
        self.emptyLabel.setVisible(empty)
        if empty and self.search_text():
            self.emptyLabel.setText(self.tr("Nothing matches this search."))
        elif empty:
            self.emptyLabel.setText(
                self.tr("No videos yet.\nEverything you generate is kept here.")
            )
        self.countLabel.setText(str(len(records)) if records else "")
        self._update_buttons()

    def update_job(self, update: JobUpdate) -> None:
        """Show a job's live state in its row (the database row follows on its own)."""
        for i in range(self.historyList.count()):
            item = self.historyList.item(i)
            record: JobRecord = item.data(RECORD_ROLE)
            if record.job_id == update.job_id:
                if record.state != str(update.state):
                    item.setData(RECORD_ROLE, replace(record, state=str(update.state)))
                return

    def current_record(self) -> JobRecord | None:
        item = self.historyList.currentItem()
        return item.data(RECORD_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        has = self.current_record() is not None
        self.reuseButton.setEnabled(has)
        self.deleteButton.setEnabled(has)

    def _emit_current(self, signal: SignalInstance) -> None:
        record = self.current_record()
        if record is not None:
            signal.emit(record)

    def _clicked(self, item: QListWidgetItem) -> None:
        record = item.data(RECORD_ROLE)
        if record is not None:
            self.playRequested.emit(record)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.historyList.itemAt(pos)
        if item is None:
            return
        record: JobRecord = item.data(RECORD_ROLE)
        menu = QMenu(self)
        play = QAction(self.tr("Play"), menu)
        play.setEnabled(bool(record.local_path))
        play.triggered.connect(lambda: self.playRequested.emit(record))
        reuse = QAction(self.tr("Use these settings"), menu)
        reuse.triggered.connect(lambda: self.reuseRequested.emit(record))
        folder = QAction(self.tr("Show in folder"), menu)
        folder.setEnabled(bool(record.local_path))
        folder.triggered.connect(lambda: self.showInFolderRequested.emit(record))
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
