"""History: every generation and every video of the account, newest first.

Rows show a poster thumbnail, the prompt, the model, the date and the state;
a video from the account (made in the web app or on another computer) has a
cloud mark, and says "In the cloud" until it is downloaded, with the
download's progress while it is. The row of the video the player has is
selected and marked; the row with the keyboard focus has a focus ring.
Thumbnails are decoded on worker threads. The panel shows a `HistorySearch`
(the `HistoryModel` through the filter control and the search box) as a
list or as a grid of thumbnails (`app.ui.history_grid`; the header's toggle
switches, and both views share one selection), says how the import of the
account's library is going, and asks for actions through signals (play,
reuse settings, again with a new seed, delete, show in folder, star, clear the history). A row's
star is clicked on its thumbnail; the star button under the list stars the
selected row, which is the playing video's. Delete (the key) asks to delete
the selected row, as the button does; "Clear history…" is in the ⋯ menu.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.engine.updates import JobState
from app.store.history import JobRecord
from app.ui import wording
from app.ui.history_grid import GridDelegate, HistoryGrid
from app.ui.history_paint import (
    ACCENT,
    CLOUD,
    FETCH_COLOR,
    FOCUS_RING,
    STAR,
    cloud_path,
    paint_star,
    paint_state_chip,
    row_state,
    star_rect,
    tooltip,
)
from app.ui.icons import icon
from app.ui.models.history import (
    FetchRole,
    HistoryFilter,
    HistorySearch,
    ModelLabelRole,
    PlayingRole,
    RecordRole,
    is_account_video,
)
from app.ui.models.library import LibraryStatus
from app.ui.tasks import run_in_thread
from app.ui.thumbnails import ThumbnailStore

#: The two views of the history (remembered in window.ini).
LIST, GRID = "list", "grid"
THUMB = QSize(112, 63)
ROW_HEIGHT = 83

# Keys that ask to delete the selected row (Backspace is the Mac keyboard's delete key).
DELETE_KEYS = (
    (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) if sys.platform == "darwin" else (Qt.Key.Key_Delete,)
)


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
        playing = bool(index.data(PlayingRole))
        self._paint_background(painter, option, rect, playing)
        thumb_rect = QRect(
            rect.left() + 8,
            rect.top() + (rect.height() - THUMB.height()) // 2,
            THUMB.width(),
            THUMB.height(),
        )
        fetch: float | None = index.data(FetchRole)
        self._paint_thumbnail(painter, record, thumb_rect, fetch)

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
        self._paint_meta(painter, record, index.data(ModelLabelRole), text_rect, fetch)
        self._paint_state(painter, thumb_rect, *row_state(record, playing, fetch))
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        paint_star(painter, self.star_rect(option.rect), record.favourite, hovered)
        painter.restore()

    @staticmethod
    def star_rect(cell: QRect) -> QRect:
        """Where a row's favourite star is (clicking it stars or unstars the row)."""
        rect = cell.adjusted(4, 3, -4, -3)
        thumb = QRect(
            rect.left() + 8, rect.top() + (rect.height() - THUMB.height()) // 2, *THUMB.toTuple()
        )
        return star_rect(thumb, 20)

    @staticmethod
    def _paint_background(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRect, playing: bool
    ) -> None:
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), 10, 10)
        if selected or hovered or playing:
            painter.fillPath(path, QColor("#2b2f3b") if selected or playing else QColor("#232733"))
        if selected:
            painter.setPen(QPen(QColor(ACCENT), 1))
            painter.drawPath(path)
        if playing:  # an accent bar on the left edge: this is what the player has
            bar = QPainterPath()
            bar.addRoundedRect(
                QRectF(rect.left() + 1, rect.top() + 12, 3, rect.height() - 24), 1.5, 1.5
            )
            painter.fillPath(bar, QColor(ACCENT))
        # The keyboard focus: a ring of its own just outside the row, visible on
        # any row, selected or not.
        if state & QStyle.StateFlag.State_HasFocus:
            ring = QPainterPath()
            ring.addRoundedRect(QRectF(rect).adjusted(-2, -2, 2, 2), 12, 12)
            painter.setPen(QPen(QColor(FOCUS_RING), 2))
            painter.drawPath(ring)

    def _paint_thumbnail(
        self,
        painter: QPainter,
        record: JobRecord,
        thumb_rect: QRect,
        fetch: float | None,
    ) -> None:
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(thumb_rect), 6, 6)
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
            glyph = icon("film", "#4a5061", 48)  # above the state chip
            glyph.paint(painter, thumb_rect.adjusted(38, 4, -38, -22))
        if is_account_video(record):
            badge = QRectF(thumb_rect.left() + 4, thumb_rect.top() + 4, 24, 17)
            back = QPainterPath()
            back.addRoundedRect(badge, 5, 5)
            painter.fillPath(back, QColor(16, 18, 24, 200))
            painter.fillPath(cloud_path(badge.adjusted(4, 3.5, -4, -3.5)), QColor(CLOUD))
        if fetch is not None:  # the download's progress along the thumbnail's foot
            track = QRectF(thumb_rect.left() + 6, thumb_rect.bottom() - 6, THUMB.width() - 12, 3)
            painter.fillRect(track, QColor(255, 255, 255, 60))
            if fetch >= 0:
                done = QRectF(track.left(), track.top(), track.width() * fetch, track.height())
                painter.fillRect(done, QColor(FETCH_COLOR))

    @staticmethod
    def _paint_meta(
        painter: QPainter,
        record: JobRecord,
        model_label: str | None,
        text_rect: QRect,
        fetch: float | None,
    ) -> None:
        """The row's date and model under the prompt (while an account video
        downloads, what is happening). The date comes first: it must show
        however narrow the panel; the model may be cut."""
        metrics = painter.fontMetrics()
        if fetch is not None:
            meta = wording.fetching(fetch)
            painter.setPen(QColor(FETCH_COLOR))
        else:
            when = wording.row_date(record.created_at, record.created_estimated, record.imported_at)
            take = wording.take_label(record.take_number, record.take_count)
            meta = " · ".join(p for p in (when, take, model_label) if p)
            painter.setPen(QColor("#8b93a3"))
        painter.drawText(
            text_rect.left(),
            text_rect.bottom() - metrics.descent(),
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, text_rect.width()),
        )

    @staticmethod
    def _paint_state(painter: QPainter, thumb_rect: QRect, text: str, colour: str) -> None:
        """The state chip, on the thumbnail (leaving the text column its whole width)."""
        paint_state_chip(painter, thumb_rect, text, colour)

    @staticmethod
    def _two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
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
    againRequested = Signal(object)  # JobRecord: the same video with a new seed
    deleteRequested = Signal(object)  # JobRecord
    showInFolderRequested = Signal(object)  # Path of the row's video
    favouriteRequested = Signal(str, bool)  # job id, star it (True) or not
    clearRequested = Signal()  # "Clear history…" (the window asks first)
    viewModeChanged = Signal(str)  # LIST or GRID

    def __init__(
        self,
        history: HistorySearch,
        parent: QWidget | None = None,
        *,
        thumbnails: ThumbnailStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.history = history
        self.model = history.history
        self.thumbnails = thumbnails if thumbnails is not None else ThumbnailStore(parent=self)
        self._thumbs: dict[str, QPixmap | None] = {}
        self._current: str | None = None  # the selected job, kept across reloads

        self.header = QLabel(self.tr("History"))
        self.header.setProperty("role", "title")
        self.countLabel = QLabel("")
        self.countLabel.setObjectName("historyCount")
        self.countLabel.setProperty("role", "muted")
        self.viewToggle = QToolButton()
        self.viewToggle.setObjectName("historyViewToggle")
        self.viewToggle.setCheckable(True)
        self.viewToggle.setAutoRaise(True)
        self.viewToggle.setIconSize(QSize(18, 18))
        self.viewToggle.toggled.connect(lambda grid: self.set_view_mode(GRID if grid else LIST))
        self.menuButton = QToolButton()
        self.menuButton.setObjectName("historyMenuButton")
        self.menuButton.setAccessibleName(self.tr("History actions"))
        self.menuButton.setToolTip(self.tr("History actions"))
        self.menuButton.setIcon(icon("more", "#c9ced9"))
        self.menuButton.setIconSize(QSize(18, 18))
        self.menuButton.setAutoRaise(True)
        self.menuButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.menuButton)
        self.clearAction = QAction(self.tr("Clear history…"), menu)
        self.clearAction.setObjectName("clearHistoryAction")
        self.clearAction.triggered.connect(self.clearRequested)
        menu.addAction(self.clearAction)
        menu.aboutToShow.connect(
            lambda: self.clearAction.setEnabled(self.model.clearable_count() > 0)
        )
        self.menuButton.setMenu(menu)

        self.searchEdit = QLineEdit()
        self.searchEdit.setObjectName("historySearch")
        self.searchEdit.setAccessibleName(self.tr("Search history"))
        self.searchEdit.setPlaceholderText(self.tr("Search prompts and models"))
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.addAction(
            icon("search", "#8b93a3"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.searchEdit.textChanged.connect(history.set_search)
        self.searchEdit.textChanged.connect(self._rows_changed)
        self.filterCombo = QComboBox()
        self.filterCombo.setObjectName("historyFilter")
        self.filterCombo.setAccessibleName(self.tr("Show"))
        # Only as wide as a short name: the search box keeps the room; the
        # popup still shows every name whole.
        self.filterCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filterCombo.setMinimumContentsLength(7)
        for kind in HistoryFilter:
            self.filterCombo.addItem(wording.history_filter(kind), kind)
        view = self.filterCombo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 32)
        self.filterCombo.currentIndexChanged.connect(
            lambda row: self.set_filter(self.filterCombo.itemData(row))
        )

        self.libraryLabel = QLabel("")
        self.libraryLabel.setObjectName("libraryStatus")
        self.libraryLabel.setProperty("role", "muted")
        self.libraryLabel.setWordWrap(True)
        self.libraryLabel.setTextFormat(Qt.TextFormat.PlainText)  # may hold a server's words
        self.libraryRetry = QPushButton(self.tr("Try again"))
        self.libraryRetry.setObjectName("libraryRetry")
        self.libraryRetry.setProperty("role", "ghost")
        self.libraryRetry.clicked.connect(self.model.library.refresh)

        self.historyList = QListView()
        self.historyList.setObjectName("historyList")
        self.historyList.setAccessibleName(self.tr("History"))
        self.historyList.setModel(history)
        self.historyList.setItemDelegate(HistoryDelegate(self))
        self.historyList.setMouseTracking(True)
        self.historyList.setUniformItemSizes(True)
        self.historyList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.historyList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyList.clicked.connect(self._play)
        self.historyList.activated.connect(self._play)
        self.historyGrid = HistoryGrid(history, self.thumbnails)
        self.historyGrid.setAccessibleName(self.tr("History grid"))
        # One selection for both views: switching keeps the selected video.
        self.historyGrid.setSelectionModel(self.historyList.selectionModel())
        self.historyGrid.activated.connect(self._play)  # Enter or a double-click
        for view in self.views():
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            view.installEventFilter(self)
            view.viewport().installEventFilter(self)
        self.historyList.selectionModel().currentChanged.connect(self._current_changed)
        self.viewStack = QStackedWidget()
        self.viewStack.addWidget(self.historyList)
        self.viewStack.addWidget(self.historyGrid)

        self.emptyLabel = QLabel()
        self.emptyLabel.setObjectName("historyEmpty")
        self.emptyLabel.setProperty("role", "muted")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.favouriteButton = QToolButton()
        self.favouriteButton.setObjectName("favouriteButton")
        self.favouriteButton.setCheckable(True)
        self.favouriteButton.setIconSize(QSize(18, 18))
        self.favouriteButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.favouriteButton.clicked.connect(self._favourite_clicked)
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
        top.setSpacing(4)
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.countLabel)
        top.addSpacing(4)
        top.addWidget(self.viewToggle)
        top.addWidget(self.menuButton)
        find = QHBoxLayout()
        find.setSpacing(8)
        find.addWidget(self.searchEdit, 1)
        find.addWidget(self.filterCombo)
        library = QHBoxLayout()
        library.setSpacing(8)
        library.addWidget(self.libraryLabel, 1)
        library.addWidget(self.libraryRetry, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.favouriteButton)
        buttons.addWidget(self.reuseButton, 1)
        buttons.addWidget(self.deleteButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(find)
        layout.addLayout(library)
        layout.addWidget(self.viewStack, 1)
        layout.addWidget(self.emptyLabel, 1)
        layout.addLayout(buttons)
        # Tab follows the layout: the header's buttons, search, filter, the
        # list (or grid), then the buttons under it.
        order = (
            self.viewToggle,
            self.menuButton,
            self.searchEdit,
            self.filterCombo,
            self.libraryRetry,
            self.historyList,
            self.historyGrid,
            self.favouriteButton,
            self.reuseButton,
            self.deleteButton,
        )
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

        for signal in (history.modelReset, history.rowsInserted, history.rowsRemoved):
            signal.connect(self._rows_changed)
        history.layoutChanged.connect(self._rows_changed)
        history.dataChanged.connect(lambda *_: self._update_buttons())
        self.model.loaded.connect(self._rows_changed)
        self.model.playingChanged.connect(self._follow_playing)
        library_model = self.model.library
        for changed in (
            library_model.statusChanged,
            library_model.addedChanged,
            library_model.errorChanged,
        ):
            changed.connect(self._show_library)
        self._show_view_toggle()
        self._rows_changed()
        self._show_library()

    # ------------------------------------------------------------------ views

    def views(self) -> tuple[QListView, HistoryGrid]:
        return self.historyList, self.historyGrid

    def current_view(self) -> QListView:
        return self.historyGrid if self.view_mode() == GRID else self.historyList

    def view_mode(self) -> str:
        return GRID if self.viewStack.currentWidget() is self.historyGrid else LIST

    def set_view_mode(self, mode: str) -> None:
        """Show the list or the grid (the selection is the same in both)."""
        grid = mode == GRID
        if grid == (self.view_mode() == GRID):
            return
        had_focus = self.current_view().hasFocus()
        self.viewStack.setCurrentWidget(self.historyGrid if grid else self.historyList)
        self._show_view_toggle()
        view = self.current_view()
        if view.currentIndex().isValid():
            view.scrollTo(view.currentIndex(), QAbstractItemView.ScrollHint.EnsureVisible)
        if had_focus:
            view.setFocus()
        self.viewModeChanged.emit(mode)

    def _show_view_toggle(self) -> None:
        grid = self.view_mode() == GRID
        self.viewToggle.blockSignals(True)
        self.viewToggle.setChecked(grid)
        self.viewToggle.blockSignals(False)
        # The button shows what it switches to.
        self.viewToggle.setIcon(icon("list" if grid else "grid", "#c9ced9"))
        text = wording.history_view_toggle(grid)
        self.viewToggle.setToolTip(text)
        self.viewToggle.setAccessibleName(text)

    def set_filter(self, kind: HistoryFilter) -> None:
        self.history.set_filter(HistoryFilter(kind))
        row = self.filterCombo.findData(HistoryFilter(kind))
        if row >= 0 and row != self.filterCombo.currentIndex():
            self.filterCombo.setCurrentIndex(row)
        self._rows_changed()

    # ------------------------------------------------------------------ data

    def focus_search(self) -> None:
        self.searchEdit.setFocus()

    def records(self) -> list[JobRecord]:
        """The rows shown, after the filter and the search."""
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
        self.viewStack.setVisible(not empty)
        self.emptyLabel.setVisible(empty)
        narrowed = bool(self.history.search()) or self.history.filter() is not HistoryFilter.ALL
        if narrowed:
            self.emptyLabel.setText(
                wording.history_nothing_shown(self.history.filter(), bool(self.history.search()))
            )
            self.countLabel.setText(str(count) if count else "")
        else:
            self.emptyLabel.setText(
                self.tr("No videos yet.\nEverything you generate is kept here.")
            )
            self.countLabel.setText(wording.history_count(count, self.model.total))
        self._keep_selection()
        self._update_buttons()

    def _keep_selection(self) -> None:
        """After a reload, select the job that was selected before, if it is still shown."""
        if self.current_record() is not None or self._current is None:
            return
        source_row = self.model.row_of(self._current)
        row = self.history.row_of_source(source_row) if source_row is not None else None
        if row is not None:
            self.select(row)

    def _follow_playing(self, source_row: int | None) -> None:
        """Select the row of the video the player has, and bring it into view."""
        if source_row is None:
            return
        row = self.history.row_of_source(source_row)
        if row is None:
            return
        index = self.history.index(row, 0)
        self.historyList.setCurrentIndex(index)
        self.current_view().scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _update_buttons(self) -> None:
        record = self.current_record()
        has = record is not None
        self.reuseButton.setEnabled(has)
        self.deleteButton.setEnabled(has)
        self.favouriteButton.setEnabled(has)
        starred = record is not None and record.favourite
        self.favouriteButton.setChecked(starred)
        self.favouriteButton.setIcon(
            icon("star", STAR) if starred else icon("star-outline", "#c9ced9")
        )
        text = wording.favourite_action(starred)
        self.favouriteButton.setToolTip(text)
        self.favouriteButton.setAccessibleName(text)

    def _favourite_clicked(self) -> None:
        record = self.current_record()
        if record is not None:
            self.toggle_favourite(record)
        self._update_buttons()  # the row's new state arrives through the model

    def toggle_favourite(self, record: JobRecord) -> None:
        self.favouriteRequested.emit(record.job_id, not record.favourite)

    def _show_library(self, *_: object) -> None:
        library = self.model.library
        text = wording.library_status(library.status, library.added, library.error)
        self.libraryLabel.setText(text)
        self.libraryLabel.setVisible(bool(text))
        self.libraryRetry.setVisible(library.status is LibraryStatus.FAILED)

    def _emit_current(self, signal: SignalInstance) -> None:
        record = self.current_record()
        if record is not None:
            signal.emit(record)

    def _play(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if record is not None:
            self.playRequested.emit(record)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        views = self.views()
        if (
            watched in views
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in DELETE_KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.current_record() is not None
        ):
            self._emit_current(self.deleteRequested)
            return True
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            view = next((v for v in views if watched is v.viewport()), None)
            if view is not None and self._star_clicked(view, event.position().toPoint()):
                return True  # the star only: no selection, no playing
        return super().eventFilter(watched, event)

    def _star_clicked(self, view: QListView, pos: QPoint) -> bool:
        """A press on a row's star stars or unstars that row."""
        index = view.indexAt(pos)
        record: JobRecord | None = index.data(RecordRole) if index.isValid() else None
        delegate = view.itemDelegate()
        if record is None or not isinstance(delegate, HistoryDelegate | GridDelegate):
            return False
        if not delegate.star_rect(view.visualRect(index)).contains(pos):
            return False
        self.toggle_favourite(record)
        return True

    def _context_menu(self, view: QListView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        record: JobRecord | None = index.data(RecordRole) if index.isValid() else None
        if record is None:
            return
        menu = QMenu(self)
        play = QAction(self.tr("Play"), menu)
        play.setEnabled(bool(record.local_path) or is_account_video(record))
        play.triggered.connect(lambda: self.playRequested.emit(record))
        favourite = QAction(wording.favourite_action(record.favourite), menu)
        favourite.triggered.connect(lambda: self.toggle_favourite(record))
        reuse = QAction(self.tr("Use these settings"), menu)
        reuse.triggered.connect(lambda: self.reuseRequested.emit(record))
        again = QAction(wording.again_new_seed(), menu)
        again.setObjectName("againAction")
        again.setToolTip(wording.again_new_seed_tip())
        again.setEnabled(record.state == JobState.COMPLETED)
        again.triggered.connect(lambda: self.againRequested.emit(record))
        folder = QAction(self.tr("Show in folder"), menu)
        folder.setEnabled(bool(record.local_path))
        folder.triggered.connect(
            lambda: self.showInFolderRequested.emit(Path(record.local_path or ""))
        )
        delete = QAction(self.tr("Delete…"), menu)
        delete.triggered.connect(lambda: self.deleteRequested.emit(record))
        for action in (play, favourite, reuse, again, folder):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(delete)
        menu.popup(view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ thumbnails

    def thumbnail_for(self, record: JobRecord) -> QPixmap | None:
        path = record.thumbnail_path
        if not path:
            if is_account_video(record):
                self.model.want_poster(record)
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
