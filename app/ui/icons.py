"""Small vector icons painted with QPainter, so the window needs no icon font
or image files and every icon takes the theme's colours crisply at any scale."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

Painter = Callable[[QPainter, float], None]

_cache: dict[tuple[str, str, int], QIcon] = {}


def _play(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.32, s * 0.2)
    path.lineTo(s * 0.82, s * 0.5)
    path.lineTo(s * 0.32, s * 0.8)
    path.closeSubpath()
    p.fillPath(path, p.pen().color())


def _pause(p: QPainter, s: float) -> None:
    c = p.pen().color()
    p.fillRect(QRectF(s * 0.28, s * 0.2, s * 0.15, s * 0.6), c)
    p.fillRect(QRectF(s * 0.57, s * 0.2, s * 0.15, s * 0.6), c)


def _speaker(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.15, s * 0.38)
    path.lineTo(s * 0.32, s * 0.38)
    path.lineTo(s * 0.52, s * 0.2)
    path.lineTo(s * 0.52, s * 0.8)
    path.lineTo(s * 0.32, s * 0.62)
    path.lineTo(s * 0.15, s * 0.62)
    path.closeSubpath()
    p.fillPath(path, p.pen().color())


def _volume(p: QPainter, s: float) -> None:
    _speaker(p, s)
    p.drawArc(QRectF(s * 0.42, s * 0.3, s * 0.3, s * 0.4), -50 * 16, 100 * 16)
    p.drawArc(QRectF(s * 0.4, s * 0.18, s * 0.48, s * 0.64), -50 * 16, 100 * 16)


def _muted(p: QPainter, s: float) -> None:
    _speaker(p, s)
    p.drawLine(QPointF(s * 0.62, s * 0.38), QPointF(s * 0.86, s * 0.62))
    p.drawLine(QPointF(s * 0.86, s * 0.38), QPointF(s * 0.62, s * 0.62))


def _loop(p: QPainter, s: float) -> None:
    p.drawArc(QRectF(s * 0.18, s * 0.25, s * 0.64, s * 0.5), 20 * 16, 300 * 16)
    path = QPainterPath()
    path.moveTo(s * 0.72, s * 0.22)
    path.lineTo(s * 0.86, s * 0.36)
    path.lineTo(s * 0.66, s * 0.42)
    path.closeSubpath()
    p.fillPath(path, p.pen().color())


def _fullscreen(p: QPainter, s: float) -> None:
    a, b = s * 0.2, s * 0.8
    k = s * 0.2
    for x, y, dx, dy in ((a, a, 1, 1), (b, a, -1, 1), (a, b, 1, -1), (b, b, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + dx * k, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + dy * k))


def _shuffle(p: QPainter, s: float) -> None:
    p.drawLine(QPointF(s * 0.15, s * 0.3), QPointF(s * 0.35, s * 0.3))
    p.drawLine(QPointF(s * 0.35, s * 0.3), QPointF(s * 0.65, s * 0.7))
    p.drawLine(QPointF(s * 0.65, s * 0.7), QPointF(s * 0.82, s * 0.7))
    p.drawLine(QPointF(s * 0.15, s * 0.7), QPointF(s * 0.35, s * 0.7))
    p.drawLine(QPointF(s * 0.35, s * 0.7), QPointF(s * 0.65, s * 0.3))
    p.drawLine(QPointF(s * 0.65, s * 0.3), QPointF(s * 0.82, s * 0.3))
    for y in (0.3, 0.7):
        p.drawLine(QPointF(s * 0.74, s * (y - 0.08)), QPointF(s * 0.84, s * y))
        p.drawLine(QPointF(s * 0.74, s * (y + 0.08)), QPointF(s * 0.84, s * y))


def _gear(p: QPainter, s: float) -> None:
    import math

    c = QPointF(s / 2, s / 2)
    for i in range(8):
        ang = i * math.pi / 4
        p.drawLine(
            QPointF(c.x() + math.cos(ang) * s * 0.26, c.y() + math.sin(ang) * s * 0.26),
            QPointF(c.x() + math.cos(ang) * s * 0.38, c.y() + math.sin(ang) * s * 0.38),
        )
    p.drawEllipse(c, s * 0.24, s * 0.24)
    p.drawEllipse(c, s * 0.09, s * 0.09)


def _film(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.12, s * 0.22, s * 0.76, s * 0.56), s * 0.08, s * 0.08)
    path = QPainterPath()
    path.moveTo(s * 0.42, s * 0.37)
    path.lineTo(s * 0.62, s * 0.5)
    path.lineTo(s * 0.42, s * 0.63)
    path.closeSubpath()
    p.fillPath(path, p.pen().color())


def _image(p: QPainter, s: float) -> None:
    p.drawRoundedRect(QRectF(s * 0.14, s * 0.2, s * 0.72, s * 0.6), s * 0.06, s * 0.06)
    p.drawEllipse(QPointF(s * 0.36, s * 0.4), s * 0.06, s * 0.06)
    path = QPainterPath()
    path.moveTo(s * 0.18, s * 0.74)
    path.lineTo(s * 0.42, s * 0.52)
    path.lineTo(s * 0.56, s * 0.64)
    path.lineTo(s * 0.68, s * 0.52)
    path.lineTo(s * 0.82, s * 0.74)
    p.drawPath(path)


def _search(p: QPainter, s: float) -> None:
    p.drawEllipse(QPointF(s * 0.44, s * 0.44), s * 0.22, s * 0.22)
    p.drawLine(QPointF(s * 0.6, s * 0.6), QPointF(s * 0.82, s * 0.82))


def _sparkle(p: QPainter, s: float) -> None:
    path = QPainterPath()
    cx, cy, r, k = s * 0.5, s * 0.5, s * 0.36, s * 0.08
    path.moveTo(cx, cy - r)
    path.quadTo(cx + k, cy - k, cx + r, cy)
    path.quadTo(cx + k, cy + k, cx, cy + r)
    path.quadTo(cx - k, cy + k, cx - r, cy)
    path.quadTo(cx - k, cy - k, cx, cy - r)
    p.fillPath(path, p.pen().color())


def _recent(p: QPainter, s: float) -> None:
    """A clock with a turning arrow: earlier prompts."""
    p.drawArc(QRectF(s * 0.16, s * 0.16, s * 0.68, s * 0.68), 200 * 16, 290 * 16)
    arrow = QPainterPath()
    arrow.moveTo(s * 0.08, s * 0.44)
    arrow.lineTo(s * 0.2, s * 0.6)
    arrow.lineTo(s * 0.33, s * 0.46)
    p.drawPath(arrow)
    p.drawLine(QPointF(s * 0.5, s * 0.32), QPointF(s * 0.5, s * 0.52))
    p.drawLine(QPointF(s * 0.5, s * 0.52), QPointF(s * 0.64, s * 0.6))


def _more(p: QPainter, s: float) -> None:
    """Three dots: more actions."""
    colour = p.pen().color()
    for x in (0.24, 0.5, 0.76):
        dot = QPainterPath()
        dot.addEllipse(QPointF(s * x, s * 0.5), s * 0.07, s * 0.07)
        p.fillPath(dot, colour)


def star_path(rect: QRectF) -> QPainterPath:
    """A five-pointed star filling `rect` (the favourite mark)."""
    cx, cy = rect.center().x(), rect.center().y() + rect.height() * 0.04
    outer, inner = min(rect.width(), rect.height()) * 0.5, min(rect.width(), rect.height()) * 0.21
    path = QPainterPath()
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 36)
        point = QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def _star(p: QPainter, s: float) -> None:
    p.fillPath(star_path(QRectF(s * 0.12, s * 0.12, s * 0.76, s * 0.76)), p.pen().color())


def _star_outline(p: QPainter, s: float) -> None:
    p.drawPath(star_path(QRectF(s * 0.14, s * 0.14, s * 0.72, s * 0.72)))


def _grid(p: QPainter, s: float) -> None:
    c = p.pen().color()
    for x in (0.16, 0.56):
        for y in (0.16, 0.56):
            p.fillRect(QRectF(s * x, s * y, s * 0.28, s * 0.28), c)


def _list(p: QPainter, s: float) -> None:
    c = p.pen().color()
    for y in (0.2, 0.44, 0.68):
        p.fillRect(QRectF(s * 0.14, s * y, s * 0.16, s * 0.12), c)
        p.fillRect(QRectF(s * 0.38, s * y, s * 0.48, s * 0.12), c)


_PAINTERS: dict[str, Painter] = {
    "play": _play,
    "pause": _pause,
    "volume": _volume,
    "muted": _muted,
    "loop": _loop,
    "fullscreen": _fullscreen,
    "shuffle": _shuffle,
    "gear": _gear,
    "film": _film,
    "image": _image,
    "search": _search,
    "sparkle": _sparkle,
    "recent": _recent,
    "star": _star,
    "star-outline": _star_outline,
    "grid": _grid,
    "list": _list,
    "more": _more,
}


def icon(name: str, color: str = "#e6e8ee", size: int = 64) -> QIcon:
    key = (name, color, size)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(size * 0.075)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    _PAINTERS[name](painter, float(size))
    painter.end()
    result = QIcon(pixmap)
    _cache[key] = result
    return result
