"""In and Out points on a seek bar: what they are, and how the bar shows them.

`Marks` holds the two points (milliseconds, either may be unset) and keeps
them in order: setting an In point after the Out point (or an Out before
the In) drops the other one, so the range is never empty or reversed.
`paint_marks` draws them onto a slider's groove: the chosen range as a
band, each point as a tick with a small flag pointing into the range.
`mark_icon` draws the In and Out buttons' icons in the same shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider

MARK_COLOR = "#f5a524"
BAND_ALPHA = 70
#: The shortest range an Out point may close (a frame at 24 fps and a bit).
MIN_RANGE_MS = 50


@dataclass(frozen=True)
class Marks:
    """In and Out points in milliseconds; None where not set."""

    in_ms: int | None = None
    out_ms: int | None = None

    @property
    def any(self) -> bool:
        return self.in_ms is not None or self.out_ms is not None

    def with_in(self, position: int) -> Marks:
        """An In point at `position`; an Out point not after it is dropped."""
        position = max(0, position)
        out = (
            self.out_ms
            if self.out_ms is not None and self.out_ms - position >= MIN_RANGE_MS
            else None
        )
        return Marks(position, out)

    def with_out(self, position: int) -> Marks:
        """An Out point at `position`; an In point not before it is dropped."""
        keep_in = self.in_ms is not None and position - self.in_ms >= MIN_RANGE_MS
        return replace(self, in_ms=self.in_ms if keep_in else None, out_ms=max(0, position))

    def span(self, duration_ms: int) -> tuple[int, int]:
        """The range the marks choose in a clip this long: the whole clip
        where a point is not set, clamped to it."""
        start = min(max(0, self.in_ms or 0), duration_ms)
        end = duration_ms if self.out_ms is None else min(self.out_ms, duration_ms)
        return start, max(start, end)


def groove_span(slider: QSlider) -> tuple[QRect, int, int]:
    """The slider's groove and the x range its handle's centre moves over."""
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    groove = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider
    )
    handle = style.subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    half = handle.width() // 2
    return groove, groove.x() + half, groove.right() - half


def x_of(slider: QSlider, value: int) -> float:
    """Where a value sits along the slider (the handle's centre there)."""
    _groove, left, right = groove_span(slider)
    low, high = slider.minimum(), slider.maximum()
    if high <= low:
        return float(left)
    return left + (right - left) * (min(max(value, low), high) - low) / (high - low)


def paint_marks(slider: QSlider, painter: QPainter, marks: Marks) -> None:
    """The chosen range as a band over the groove, and a tick at each point."""
    if not marks.any or slider.maximum() <= slider.minimum():
        return
    groove, _left, _right = groove_span(slider)
    start, end = marks.span(slider.maximum())
    colour = QColor(MARK_COLOR)
    band = QColor(colour)
    band.setAlpha(BAND_ALPHA)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mid = groove.center().y()
    x0, x1 = x_of(slider, start), x_of(slider, end)
    painter.fillRect(QRectF(x0, mid - 5, max(1.0, x1 - x0), 10), band)
    painter.setPen(QPen(colour, 2))
    top, bottom = 1.0, float(slider.height() - 1)
    for value, inward in ((marks.in_ms, 1), (marks.out_ms, -1)):
        if value is None:
            continue
        x = x_of(slider, value)
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        flag = QPainterPath(QPointF(x, top))
        flag.lineTo(x + 6 * inward, top)
        flag.lineTo(x, top + 6)
        flag.closeSubpath()
        painter.fillPath(flag, colour)
    painter.restore()


def mark_icon(kind: str, color: str, size: int = 64) -> QIcon:
    """The In ("in") or Out ("out") button's icon: a bracket with its flag."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), size * 0.09)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = float(size)
    inward = 1 if kind == "in" else -1
    x = s * (0.34 if kind == "in" else 0.66)
    bracket = QPainterPath(QPointF(x + inward * s * 0.2, s * 0.18))
    bracket.lineTo(x, s * 0.18)
    bracket.lineTo(x, s * 0.82)
    bracket.lineTo(x + inward * s * 0.2, s * 0.82)
    painter.drawPath(bracket)
    arrow = QPainterPath(QPointF(x + inward * s * 0.14, s * 0.36))
    arrow.lineTo(x + inward * s * 0.36, s * 0.5)
    arrow.lineTo(x + inward * s * 0.14, s * 0.64)
    arrow.closeSubpath()
    painter.fillPath(arrow, QColor(color))
    painter.end()
    return QIcon(pixmap)
