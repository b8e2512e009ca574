"""Framecast's application icon (window, taskbar, dock) as a QIcon.

The icon is built from the PNG sizes rendered by `packaging/render_icons.py`,
so Qt picks the sharpest one for each place; when none is found (a broken
install) it falls back to an installed theme icon named `framecast`, and
without one to the drawn sparkle of the top bar.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from app.resources_path import resource
from app.ui.icons import icon as drawn_icon

log = logging.getLogger("framecast.ui")

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
THEME_ICON_NAME = "framecast"


def app_icon() -> QIcon:
    """The application icon; pass it to `QApplication.setWindowIcon`."""
    icon = QIcon()
    try:
        for size in ICON_SIZES:
            path = resource("icons", f"framecast-{size}.png")
            if path.is_file():
                icon.addFile(str(path))
    except FileNotFoundError as exc:
        log.warning("application icon not found: %s", exc)
    if icon.isNull():
        icon = QIcon.fromTheme(THEME_ICON_NAME)
    if icon.isNull():
        icon = drawn_icon("sparkle", "#7c5cff", 128)
    return icon
