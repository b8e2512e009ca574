"""A word from the system tray when a video is ready or failed while the creator
works in another window (nothing when the window is active or there is no tray)."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon, QWidget

NOTICE_MS = 8000


class TrayNotifier:
    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._tray: QSystemTrayIcon | None = None

    def notify(self, title: str, message: str) -> None:
        if self._window.isActiveWindow() or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._window.windowIcon(), self._window)
            self._tray.activated.connect(self._raise_window)
        self._tray.show()
        self._tray.showMessage(
            title, message[:200], QSystemTrayIcon.MessageIcon.Information, NOTICE_MS
        )

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()

    def _raise_window(self, *_: object) -> None:
        self._window.showNormal()
        self._window.activateWindow()
