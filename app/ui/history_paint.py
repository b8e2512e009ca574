"""What the history's list rows and grid cells paint alike: colours, the
tooltip, the state chip, the cloud badge of an account video, the
favourite star and a picture cut to fill its frame."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from app.engine.updates import JobState
from app.store.history import JobRecord
from app.ui import wording
from app.ui.elided_label import plain_tooltip
from app.ui.icons import star_path
from app.ui.models.history import is_account_video
from app.ui.models.job_facts import record_failure

ACCENT = "#7c5cff"
FOCUS_RING = "#c4b5ff"
CLOUD = "#5aa9ff"
STAR = "#ffc53d"
STATE_COLORS = {
    "completed": "#3ecf8e",
    "failed": "#f2555a",
    "cancelled": "#8b93a3",
}
FETCH_COLOR = "#f5a524"


def tooltip(record: JobRecord) -> str:
    """A row's tooltip: the whole prompt, its date in full, where the video is
    from, and why a job failed (shown literally)."""
    when = wording.history_date(record.created_at, record.created_estimated, record.imported_at)
    about = [when]
    if is_account_video(record):
        about.append(wording.from_account_tooltip(bool(record.local_path)))
    blocks = [record.prompt, "\n".join(about)]
    if record.state == JobState.FAILED:
        blocks.append(wording.failure_text(record_failure(record)))
    return plain_tooltip("\n\n".join(block for block in blocks if block))


def row_state(record: JobRecord, playing: bool, fetch: float | None) -> tuple[str, str]:
    """A row's state chip: its words and colour."""
    if fetch is not None:  # the words are on the meta line; the chip has the figure
        return (f"{int(fetch * 100)}%" if fetch >= 0 else "…"), FETCH_COLOR
    if playing:
        return wording.now_playing(), ACCENT
    if is_account_video(record) and not record.local_path:
        return wording.in_the_cloud(), CLOUD
    return wording.state_label(record.state), STATE_COLORS.get(record.state, FETCH_COLOR)


def cloud_path(rect: QRectF) -> QPainterPath:
    """A small cloud filling `rect` (the mark of a video from the account)."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y + h * 0.45, w, h * 0.55), h * 0.27, h * 0.27)
    path.addEllipse(QRectF(x + w * 0.16, y + h * 0.2, w * 0.42, h * 0.62))
    path.addEllipse(QRectF(x + w * 0.42, y, w * 0.46, h * 0.72))
    return path.simplified()


def paint_cloud_badge(painter: QPainter, thumb: QRect) -> None:
    """The account video's mark on a thumbnail's upper left corner."""
    badge = QRectF(thumb.left() + 4, thumb.top() + 4, 24, 17)
    back = QPainterPath()
    back.addRoundedRect(badge, 5, 5)
    painter.fillPath(back, QColor(16, 18, 24, 200))
    painter.fillPath(cloud_path(badge.adjusted(4, 3.5, -4, -3.5)), QColor(CLOUD))


def paint_state_chip(painter: QPainter, thumb: QRect, text: str, colour: str) -> None:
    """The state chip, on a thumbnail's lower left corner (as a video's
    length sits on a poster)."""
    metrics = painter.fontMetrics()
    height = metrics.height() + 2
    width = min(metrics.horizontalAdvance(text) + 12, thumb.width() - 8)
    chip = QRectF(thumb.left() + 4, thumb.bottom() - 8 - height, width, height)
    path = QPainterPath()
    path.addRoundedRect(chip, height / 2, height / 2)
    painter.fillPath(path, QColor(16, 18, 24, 215))
    tint = QColor(colour)
    tint.setAlpha(55)
    painter.fillPath(path, tint)
    painter.setPen(QColor(colour))
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)


def star_rect(thumb: QRect, size: int = 22) -> QRect:
    """Where a thumbnail's favourite star sits (its upper right corner); the
    views toggle the star when it is clicked."""
    return QRect(thumb.right() - size - 3, thumb.top() + 4, size, size)


def paint_star(painter: QPainter, rect: QRect, favourite: bool, hovered: bool) -> None:
    """A favourite's gold star on a dark disc; an outline while the pointer is
    over a row that is not one (so the star can be found); nothing otherwise."""
    if not favourite and not hovered:
        return
    disc = QPainterPath()
    disc.addEllipse(QRectF(rect))
    painter.fillPath(disc, QColor(16, 18, 24, 190))
    star = star_path(QRectF(rect).adjusted(4, 4, -4, -4))
    if favourite:
        painter.fillPath(star, QColor(STAR))
    else:
        painter.setPen(QPen(QColor("#c9ced9"), 1.4))
        painter.drawPath(star)


def draw_cover(painter: QPainter, image: QImage, target: QRect) -> None:
    """`image` scaled to cover `target` and cut to it, centred."""
    if image.isNull() or target.isEmpty():
        return
    scale = max(target.width() / image.width(), target.height() / image.height())
    width, height = target.width() / scale, target.height() / scale
    source = QRectF((image.width() - width) / 2, (image.height() - height) / 2, width, height)
    painter.drawImage(QRectF(target), image, source)
