"""A calm message strip above the player, with at most one action button.

A message may be live (`show_live`): its text is read again every second
while it shows, so "Trying again in 12 s" counts down.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.ui.theme import set_style_property


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("level", "info")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it shows server errors
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.actionButton = QPushButton()
        self.actionButton.setObjectName("bannerAction")
        self.actionButton.setProperty("role", "ghost")
        self.closeButton = QToolButton()
        self.closeButton.setText("✕")
        self.closeButton.setObjectName("bannerClose")
        self.closeButton.setAccessibleName(self.tr("Dismiss"))
        self.closeButton.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.setSpacing(12)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.actionButton)
        layout.addWidget(self.closeButton)
        self._action: Callable[[], object] | None = None
        self.actionButton.clicked.connect(self._run_action)
        self._text: Callable[[], str] | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh)
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
    ) -> None:
        self._text = None
        self._ticker.stop()
        self._show(text, level, action_text, action)

    def show_live(
        self,
        text: Callable[[], str],
        level: str = "info",
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
    ) -> None:
        """A message whose words change by themselves (read again every second)."""
        self._text = text
        self._show(text(), level, action_text, action)
        self._ticker.start()

    def text(self) -> str:
        return self.label.text()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._text is not None:
            self._refresh()
            self._ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    def _refresh(self) -> None:
        if self._text is not None:
            self.label.setText(self._text())

    def _show(
        self,
        text: str,
        level: str,
        action_text: str | None,
        action: Callable[[], object] | None,
    ) -> None:
        self.label.setText(text)
        set_style_property(self, "level", level)
        self._action = action
        self.actionButton.setVisible(action is not None)
        self.actionButton.setText(action_text or "")
        self.show()

    def _run_action(self) -> None:
        if self._action is not None:
            self._action()
