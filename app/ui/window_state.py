"""Where the main window was, how its columns were split, the player's
"always play new videos" choice and the history's view (list or grid),
kept between runs.

The first run opens a roomy window that still fits a small laptop screen,
centred on it; later runs come back where the creator left them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter

FIRST_RUN_SIZE = QSize(1440, 880)


class WindowState:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitter: QSplitter) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            first_run_geometry(window)
        sizes = self._settings.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            splitter.restoreState(sizes)

    def save(self, window: QMainWindow, splitter: QSplitter) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/splitter", splitter.saveState())
        self._settings.sync()

    def autoplay_new(self) -> bool:
        """Whether a new video takes over the player even while another plays."""
        return str(self._settings.value("player/autoplay_new", "false")).lower() == "true"

    def set_autoplay_new(self, always: bool) -> None:
        self._settings.setValue("player/autoplay_new", "true" if always else "false")
        self._settings.sync()

    def history_view(self) -> str:
        """The history's view the creator chose last: "list" (the default) or "grid"."""
        return "grid" if str(self._settings.value("history/view", "list")) == "grid" else "list"

    def set_history_view(self, view: str) -> None:
        self._settings.setValue("history/view", view)
        self._settings.sync()


def first_run_geometry(window: QMainWindow) -> None:
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        window.resize(FIRST_RUN_SIZE)
        return
    available = screen.availableGeometry()
    size = FIRST_RUN_SIZE.boundedTo(
        QSize(available.width() * 92 // 100, available.height() * 92 // 100)
    )
    window.resize(size.expandedTo(window.minimumSizeHint()))
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    # Bigger than a tiny screen: keep the title bar reachable.
    window.move(max(frame.left(), available.left()), max(frame.top(), available.top()))
