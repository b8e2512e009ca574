"""The history as a grid of thumbnails: one `QListView` in icon mode over
the same `HistorySearch` as the list (model/view: one delegate paints every
cell, so 10,000 videos cost no widgets).

Cells fill the panel's width (as many columns of at least `MIN_CELL_WIDTH`
as fit). Thumbnails and scrub strips come from a `ThumbnailStore`: a cell
asks while it is painted, and repaints alone when its picture arrives.
Moving the pointer across a thumbnail scrubs through the clip: the strip's
frame under the pointer is shown (the strip is made once, off the GUI
thread). A job still in progress or failed shows a placeholder saying so.
Enter or a double-click plays (the view's `activated`); the star on a
thumbnail is clicked through the panel, as in the list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from app.engine.updates import JobState
from app.store.history import JobRecord
from app.ui import wording
from app.ui.history_paint import (
    ACCENT,
    FOCUS_RING,
    STATE_COLORS,
    draw_cover,
    paint_cloud_badge,
    paint_star,
    paint_state_chip,
    row_state,
    star_rect,
    tooltip,
)
from app.ui.icons import icon
from app.ui.models.history import (
    FetchRole,
    HistorySearch,
    PlayingRole,
    RecordRole,
    is_account_video,
)
from app.ui.thumbnails import ThumbnailStore

MIN_CELL_WIDTH = 150
#: Space around each card, and under its thumbnail for the prompt and the date.
CELL_MARGIN = 5
TEXT_HEIGHT = 44
WRAP_SLACK = 10

Index = QModelIndex | QPersistentModelIndex


def thumb_rect(cell: QRect) -> QRect:
    """The thumbnail's place in a cell: the card's width, 16:9."""
    card = cell.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
    return QRect(card.left(), card.top(), card.width(), card.width() * 9 // 16)


class GridDelegate(QStyledItemDelegate):
    """Paints one grid cell: the thumbnail (or the scrub frame under the
    pointer, or a placeholder), its marks, and the prompt and date under it."""

    def __init__(self, grid: HistoryGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.grid.gridSize()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        record: JobRecord | None = index.data(RecordRole)
        if event.type() != QEvent.Type.ToolTip or record is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), tooltip(record), view)
        return True

    @staticmethod
    def star_rect(cell: QRect) -> QRect:
        return star_rect(thumb_rect(cell))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        record: JobRecord | None = index.data(RecordRole)
        if record is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        state = option.state
        playing = bool(index.data(PlayingRole))
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        cell = option.rect
        card = cell.adjusted(CELL_MARGIN, CELL_MARGIN, -CELL_MARGIN, -CELL_MARGIN)
        thumb = thumb_rect(cell)
        self._paint_card(painter, card, selected, hovered, playing)
        fetch: float | None = index.data(FetchRole)
        self._paint_picture(painter, record, thumb)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.86)
        painter.setFont(small)
        if is_account_video(record):
            paint_cloud_badge(painter, thumb)
        if (
            playing
            or fetch is not None
            or record.state != JobState.COMPLETED
            or (is_account_video(record) and not record.local_path)
        ):  # a plain finished video needs no chip: its picture says it
            paint_state_chip(painter, thumb, *row_state(record, playing, fetch))
        paint_star(painter, self.star_rect(cell), record.favourite, hovered)
        self._paint_text(painter, option.font, record, card, thumb)
        if state & QStyle.StateFlag.State_HasFocus:
            ring = QPainterPath()
            ring.addRoundedRect(QRectF(card).adjusted(-2, -2, 2, 2), 10, 10)
            painter.setPen(QPen(QColor(FOCUS_RING), 2))
            painter.drawPath(ring)
        painter.restore()

    @staticmethod
    def _paint_card(
        painter: QPainter, card: QRect, selected: bool, hovered: bool, playing: bool
    ) -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(card), 8, 8)
        if selected or playing:
            painter.fillPath(path, QColor("#2b2f3b"))
        elif hovered:
            painter.fillPath(path, QColor("#232733"))
        if selected or playing:
            painter.setPen(QPen(QColor(ACCENT), 1.5))
            painter.drawPath(path)

    def _paint_picture(self, painter: QPainter, record: JobRecord, thumb: QRect) -> None:
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(thumb), 8, 8)
        painter.fillPath(clip, QColor("#1a1d25"))
        thumbnails = self.grid.thumbnails
        scrub = self.grid.scrub_fraction(record.job_id)
        strip = thumbnails.strip(record) if scrub is not None else None
        picture = None
        if strip and scrub is not None:
            picture = strip[min(len(strip) - 1, int(scrub * len(strip)))]
        if picture is None and record.state == JobState.COMPLETED:
            picture = thumbnails.thumbnail(record)
        painter.save()
        painter.setClipPath(clip)
        if picture is not None:
            draw_cover(painter, picture, thumb)
            if scrub is not None and strip:  # where in the clip the pointer is
                bar = QRectF(thumb.left(), thumb.bottom() - 2, thumb.width() * scrub, 3)
                painter.fillRect(bar, QColor(ACCENT))
        else:
            self._paint_placeholder(painter, record, thumb)
        painter.restore()

    @staticmethod
    def _paint_placeholder(painter: QPainter, record: JobRecord, thumb: QRect) -> None:
        """No picture: a failed job is tinted in its colour with a mark, one in
        progress shows a sparkle, a finished one still loading a film glyph."""
        failed = record.state == JobState.FAILED
        waiting = not JobState(record.state).is_terminal
        if failed:
            tint = QColor(STATE_COLORS["failed"])
            tint.setAlpha(38)
            painter.fillRect(thumb, tint)
        side = min(thumb.height() // 2, 44)
        glyph = QRect(0, 0, side, side)
        glyph.moveCenter(thumb.center() - QRect(0, 0, 0, thumb.height() // 8).bottomRight())
        if failed:
            pen = QPen(QColor(STATE_COLORS["failed"]), 2.2)
            painter.setPen(pen)
            painter.drawEllipse(QRectF(glyph).adjusted(4, 4, -4, -4))
            mark = QRectF(glyph).adjusted(side * 0.45, side * 0.28, -side * 0.45, -side * 0.28)
            x = mark.center().x()
            painter.drawLine(QPointF(x, mark.top()), QPointF(x, mark.bottom() - 5))
            painter.drawPoint(QPointF(x, mark.bottom()))
        elif waiting:
            icon("sparkle", ACCENT, 64).paint(painter, glyph)
        else:
            icon("film", "#4a5061", 64).paint(painter, glyph)

    @staticmethod
    def _paint_text(
        painter: QPainter, font: QFont, record: JobRecord, card: QRect, thumb: QRect
    ) -> None:
        area = QRect(card.left() + 6, thumb.bottom() + 6, card.width() - 12, TEXT_HEIGHT - 8)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#e6e8ee"))
        prompt = " ".join(record.prompt.split())
        painter.drawText(
            area.left(),
            area.top() + metrics.ascent(),
            metrics.elidedText(prompt, Qt.TextElideMode.ElideRight, area.width()),
        )
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.86)
        painter.setFont(small)
        small_metrics = painter.fontMetrics()
        painter.setPen(QColor("#8b93a3"))
        when = wording.row_date(record.created_at, record.created_estimated, record.imported_at)
        painter.drawText(
            area.left(),
            area.top() + metrics.height() + 2 + small_metrics.ascent(),
            small_metrics.elidedText(when, Qt.TextElideMode.ElideRight, area.width()),
        )


class HistoryGrid(QListView):
    """The history's grid view (see the module docstring)."""

    def __init__(
        self,
        history: HistorySearch,
        thumbnails: ThumbnailStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyGrid")
        self.history = history
        self.thumbnails = thumbnails
        self._scrub: tuple[str, float] | None = None  # (job id, 0..1 across its thumbnail)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setModel(history)
        self.setItemDelegate(GridDelegate(self))
        self.verticalScrollBar().setSingleStep(24)
        self._fit_cells()
        thumbnails.is_visible = self.is_visible
        self.destroyed.connect(thumbnails.close)  # pictures still on their way find no view
        thumbnails.thumbnailReady.connect(self.repaint_job)
        thumbnails.stripReady.connect(self.repaint_job)

    # ------------------------------------------------------------------ cells

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_cells()
        super().resizeEvent(event)

    def _fit_cells(self) -> None:
        """As many columns as fit, the cells sharing the width between them.
        The scroll bar's width is always kept free: cells that change size
        when it appears would make it appear and go in turn. Qt's icon
        layout wraps a few pixels before the edge: `WRAP_SLACK` keeps clear."""
        bar = self.verticalScrollBar()
        free = self.width() - 2 * self.frameWidth() - bar.sizeHint().width()
        width = max(MIN_CELL_WIDTH, free - WRAP_SLACK)
        columns = max(1, width // MIN_CELL_WIDTH)
        cell_width = width // columns
        thumb_height = (cell_width - 2 * CELL_MARGIN) * 9 // 16
        size = QSize(cell_width, thumb_height + TEXT_HEIGHT + 2 * CELL_MARGIN)
        if size != self.gridSize():
            self.setGridSize(size)

    def index_of_job(self, job_id: str) -> QModelIndex:
        source_row = self.history.history.row_of(job_id)
        if source_row is None:
            return QModelIndex()
        row = self.history.row_of_source(source_row)
        return self.history.index(row, 0) if row is not None else QModelIndex()

    def is_visible(self, job_id: str) -> bool:
        """Whether the job's cell is on screen (a thumbnail is made only then)."""
        index = self.index_of_job(job_id)
        return (
            self.isVisible()
            and index.isValid()
            and self.visualRect(index).intersects(self.viewport().rect())
        )

    def repaint_job(self, job_id: str) -> None:
        """Repaint only this job's cell (its picture arrived)."""
        index = self.index_of_job(job_id)
        if index.isValid():
            self.update(index)

    # ------------------------------------------------------------------ scrubbing

    def scrub_fraction(self, job_id: str) -> float | None:
        """How far across this job's thumbnail the pointer is (None: not over it)."""
        if self._scrub is None or self._scrub[0] != job_id:
            return None
        return self._scrub[1]

    def scrub_at(self, x: int, y: int) -> None:
        """The pointer is at (x, y) of the viewport: scrub the clip under it."""
        before = self._scrub
        index = self.indexAt(QPoint(x, y))
        record: JobRecord | None = index.data(RecordRole) if index.isValid() else None
        thumb = thumb_rect(self.visualRect(index)) if record is not None else QRect()
        if record is not None and record.local_path and thumb.contains(x, y):
            fraction = (x - thumb.left()) / max(1, thumb.width() - 1)
            self._scrub = (record.job_id, min(max(fraction, 0.0), 1.0))
        else:
            self._scrub = None
        if before != self._scrub:
            for job in {before[0] if before else None, self._scrub[0] if self._scrub else None}:
                if job is not None:
                    self.repaint_job(job)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        self.scrub_at(position.x(), position.y())
        super().mouseMoveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and self._scrub is not None:
            job = self._scrub[0]
            self._scrub = None
            self.repaint_job(job)
        return super().viewportEvent(event)
