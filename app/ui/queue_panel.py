"""The queue under the progress cards: the videos waiting to be sent.

A list (`queueList`) in sending order, one row per waiting video (its
prompt, then its take, length and model); drag a row to reorder, or use
"Move to top" and "Remove" on the selected row (also on its context menu;
Delete removes). `pauseQueueButton` pauses and resumes sending. The panel
shows itself while something waits or sending is paused. It binds to
`QueueModel` and never reaches into other widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.store.queue import QueueItem
from app.store.settings import QUEUE_LIMITS
from app.ui import wording
from app.ui.elided_label import ElidedLabel
from app.ui.flow_layout import FlowLayout, flow_widget
from app.ui.models.queue import ITEM_ROLE, QueueModel

ROW_HEIGHT = 44
#: Room kept beside the title's words on the buttons' line (the note gets what is left).
TITLE_ROOM = 16
# Rows shown without scrolling; more scroll.
ROWS_SHOWN = 3
Index = QModelIndex | QPersistentModelIndex


class QueueItemDelegate(QStyledItemDelegate):
    """A waiting video: its place, its prompt, then take, length and model."""

    def __init__(self, model_label: Callable[[str | None], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._model_label = model_label

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, QueueItem):
            return
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        background = "#2d2a4a" if selected else "#232733" if hovered else "#1c1f28"
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 6, 6)
        metrics = option.fontMetrics
        place = QRect(rect.left() + 8, rect.top(), 24, rect.height())
        painter.setPen(QColor("#8b93a3"))
        painter.drawText(place, Qt.AlignmentFlag.AlignCenter, str(index.row() + 1))
        text_left = place.right() + 8
        width = rect.right() - 10 - text_left
        painter.setPen(QColor("#e6e9ef"))
        prompt = item.prompt.replace("\n", " ") or wording.untitled_job()
        top = rect.top() + 4 + metrics.ascent()
        painter.drawText(
            text_left, top, metrics.elidedText(prompt, Qt.TextElideMode.ElideRight, width)
        )
        take = wording.take_label(item.take_number, item.take_count)
        subtitle = wording.queue_item_subtitle(self._model_label(item.model), item.duration, take)
        painter.setPen(QColor("#8b93a3"))
        painter.drawText(
            text_left,
            top + metrics.height() + 2,
            metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()


class QueueList(QListView):
    """The list itself: rows move by drag within it; Delete removes one."""

    removeRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentIndex().data(ITEM_ROLE)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and isinstance(item, QueueItem):
            self.removeRequested.emit(item.item_id)
            return
        super().keyPressEvent(event)


class QueuePanel(QWidget):
    """The queue: header, how many are sent at a time, pause and resume, the
    list and its row actions."""

    limitRequested = Signal(int)  # the creator chose how many are sent at a time

    def __init__(
        self,
        queue: QueueModel,
        model_label: Callable[[str | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.queue = queue
        self.header = QLabel(wording.queue_header(0))
        self.header.setProperty("role", "section")
        self.note = ElidedLabel()
        self.note.setObjectName("queueNote")
        self.note.setProperty("role", "muted")
        self.pauseButton = self._button("pauseQueueButton", wording.pause_queue(False))
        self.pauseButton.clicked.connect(queue.toggle_paused)
        # How many videos go to the backend at once (its setting, saved by the window).
        self.limitCombo = QComboBox()
        self.limitCombo.setObjectName("queueLimitCombo")
        for limit in range(QUEUE_LIMITS[0], QUEUE_LIMITS[1] + 1):
            self.limitCombo.addItem(wording.queue_limit_choice(limit), limit)
        self.limitCombo.setToolTip(wording.queue_limit_tip())
        self.limitCombo.setAccessibleName(wording.queue_limit_tip())
        self.limitCombo.activated.connect(
            lambda row: self.limitRequested.emit(int(self.limitCombo.itemData(row)))
        )

        self.queueList = QueueList()
        self.queueList.setObjectName("queueList")
        self.queueList.setAccessibleName(self.tr("Videos waiting to be sent"))
        self.queueList.setModel(queue)
        self.queueList.setItemDelegate(QueueItemDelegate(model_label, self.queueList))
        self.queueList.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.queueList.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.queueList.setDragEnabled(True)
        self.queueList.setAcceptDrops(True)
        self.queueList.setDropIndicatorShown(True)
        self.queueList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queueList.setMouseTracking(True)
        self.queueList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.queueList.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.queueList.customContextMenuRequested.connect(self._context_menu)
        self.queueList.removeRequested.connect(queue.remove)

        self.moveTopButton = self._button("moveToTopButton", self.tr("Move to top"))
        self.moveTopButton.clicked.connect(lambda: self._on_current(queue.move_to_top))
        self.removeButton = self._button("removeQueuedButton", self.tr("Remove"))
        self.removeButton.clicked.connect(lambda: self._on_current(queue.remove))

        title = QWidget()
        title_row = QHBoxLayout(title)
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(12)
        title_row.addWidget(self.header, 0)
        title_row.addWidget(self.note, 1)
        # The buttons wrap under the title when the column is narrow (a longer
        # language, a small screen): the panel never widens the window's middle.
        self.bar = flow_widget(
            title,
            self.moveTopButton,
            self.removeButton,
            self.limitCombo,
            self.pauseButton,
            lead_min=TITLE_ROOM,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.queueList)

        queue.changed.connect(self._refresh)
        queue.limitChanged.connect(lambda _limit: self._refresh())
        queue.modelReset.connect(self._refresh)
        queue.rowsMoved.connect(self._refresh)
        selection = self.queueList.selectionModel()
        selection.currentChanged.connect(lambda *_: self._update_buttons())
        self._refresh()

    @staticmethod
    def _button(name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setProperty("role", "ghost")
        return button

    def current_item(self) -> QueueItem | None:
        item = self.queueList.currentIndex().data(ITEM_ROLE)
        return item if isinstance(item, QueueItem) else None

    def _on_current(self, action: Callable[[str], None]) -> None:
        item = self.current_item()
        if item is not None:
            action(item.item_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.queueList.indexAt(pos)
        item = index.data(ITEM_ROLE)
        if not isinstance(item, QueueItem):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Move to top"), lambda: self.queue.move_to_top(item.item_id))
        menu.addAction(self.tr("Remove"), lambda: self.queue.remove(item.item_id))
        menu.popup(self.queueList.viewport().mapToGlobal(pos))

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.moveTopButton.setEnabled(item is not None and self.queueList.currentIndex().row() > 0)
        self.removeButton.setEnabled(item is not None)

    def _refresh(self) -> None:
        count = self.queue.rowCount()
        paused = self.queue.paused
        self.header.setText(wording.queue_header(count))
        # The title's words always show whole: narrower, the buttons go below it.
        layout = self.bar.layout()
        if isinstance(layout, FlowLayout):
            layout.set_lead_min(self.header.sizeHint().width() + TITLE_ROOM)
        note = wording.queue_paused_note() if paused else wording.queue_limit_note(self.queue.limit)
        self.note.set_full_text(note)
        self.note.setToolTip(note)
        self.header.setToolTip(note)  # the note gives way to the buttons when space is short
        self.limitCombo.setCurrentIndex(self.limitCombo.findData(self.queue.limit))
        text = wording.pause_queue(paused)
        self.pauseButton.setText(text)
        self.pauseButton.setAccessibleName(text)
        self.queueList.setFixedHeight(ROW_HEIGHT * max(1, min(count, ROWS_SHOWN)) + 4)
        self.queueList.setVisible(count > 0)
        if count and not self.queueList.currentIndex().isValid():
            self.queueList.setCurrentIndex(self.queue.index(0, 0))
        self._update_buttons()
        self.setVisible(count > 0 or paused)
