"""The strip above everything: the brand, the backend's status and the Settings button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import wording
from app.ui.icons import icon
from app.ui.models.connection import ConnectionStatus
from app.ui.theme import set_style_property

#: The status dot's colour role (`#backendStatus[state=...]` in the stylesheet).
STATUS_ROLES = {
    ConnectionStatus.DISCONNECTED: "offline",
    ConnectionStatus.CONNECTING: "connecting",
    ConnectionStatus.CONNECTED: "connected",
    ConnectionStatus.OFFLINE: "offline",
    ConnectionStatus.TOKEN_REFUSED: "offline",
}


class TopBar(QFrame):
    settingsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        brand = QLabel("Framecast")
        brand.setObjectName("brand")
        brand_icon = QLabel()
        brand_icon.setPixmap(icon("sparkle", "#7c5cff", 64).pixmap(20, 20))
        self.backendStatus = QLabel()
        self.backendStatus.setObjectName("backendStatus")
        self.backendStatus.setAccessibleName(self.tr("Backend status"))
        self.settingsButton = QPushButton(self.tr("Settings"))
        self.settingsButton.setObjectName("settingsButton")
        self.settingsButton.setAccessibleName(self.tr("Settings"))
        self.settingsButton.setProperty("role", "ghost")
        self.settingsButton.setIcon(icon("gear", "#c9cfdb"))
        self.settingsButton.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.settingsButton.clicked.connect(self.settingsRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 16, 10)
        layout.setSpacing(10)
        layout.addWidget(brand_icon)
        layout.addWidget(brand)
        layout.addStretch(1)
        layout.addWidget(self.backendStatus)
        layout.addWidget(self.settingsButton)
        self.show_status(
            ConnectionStatus.CONNECTING, wording.connecting()
        )  # the window connects as it opens

    def show_status(self, state: ConnectionStatus, text: str) -> None:
        self.backendStatus.setText(f"●  {text}")
        set_style_property(self.backendStatus, "state", STATUS_ROLES[state])
