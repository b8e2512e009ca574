"""The window's look and feel: Fusion style, a calm dark palette, the
stylesheet in `resources/style/framecast.qss` (focus rings included), and the
input guard: scrolling changes no setting, Space presses the focused button
(`input_guard`)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from app.ui.input_guard import install_input_guard
from app.ui.resources import resource

log = logging.getLogger("framecast.ui")


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#15171c",
        QPalette.ColorRole.WindowText: "#e6e8ee",
        QPalette.ColorRole.Base: "#1b1e25",
        QPalette.ColorRole.AlternateBase: "#20242c",
        QPalette.ColorRole.ToolTipBase: "#2a2f3a",
        QPalette.ColorRole.ToolTipText: "#e6e8ee",
        QPalette.ColorRole.Text: "#e6e8ee",
        QPalette.ColorRole.Button: "#252a34",
        QPalette.ColorRole.ButtonText: "#e6e8ee",
        QPalette.ColorRole.Highlight: "#7c5cff",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#a493ff",
        QPalette.ColorRole.PlaceholderText: "#6b7384",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#5d6474"))
    return palette


def apply_theme(app: QApplication) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(dark_palette())
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    path = resource("style", "framecast.qss")
    try:
        sheet = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet not found at %s", path)
    else:
        # The stylesheet's pictures (check marks) sit beside it.
        app.setStyleSheet(sheet.replace("@STYLE@", path.parent.as_posix()))
    install_input_guard(app)


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the stylesheet selects on (`[state="offline"]`), restyling on change."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    restyle(widget)


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again (after a property it selects on changed)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def fit_height(widget: QWidget) -> None:
    """Make a dialog as tall as its word-wrapped text needs at its width.

    Qt's minimum size ignores how tall wrapped labels get, so a message that
    grows would squeeze the other fields, and a first size taken at a narrower
    width leaves gaps; size the window to its content instead."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    width = widget.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    if needed != widget.height():
        widget.resize(width, needed)
