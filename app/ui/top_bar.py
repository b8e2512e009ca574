"""The strip above everything: the brand, the account, the backend's status and Settings.

The status reads the window's one `ConnectionModel` (which also hears what
every job sees), so it turns red exactly when the cards say offline. For a
cloud or custom account the balance and a VIP mark show beside it, as far
as the service tells them (`user/me`); the built-in renderer's free account
shows none unless it has a balance.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.api.models import Account
from app.session import BackendChoice
from app.ui import wording
from app.ui.icons import icon
from app.ui.models.connection import ConnectionModel, ConnectionStatus
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
        self.balanceLabel = QLabel()
        self.balanceLabel.setObjectName("accountBalance")
        self.vipBadge = QLabel(wording.vip())
        self.vipBadge.setObjectName("vipBadge")
        self.vipBadge.setToolTip(wording.vip_tip())
        self.vipBadge.setAccessibleName(wording.vip_tip())
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
        layout.addWidget(self.vipBadge)
        layout.addWidget(self.balanceLabel)
        layout.addWidget(self.backendStatus)
        layout.addWidget(self.settingsButton)
        self.show_account(None, None)
        # The window connects as it opens.
        self.show_status(ConnectionStatus.CONNECTING, wording.connecting())

    def watch(self, connection: ConnectionModel) -> None:
        """Show the connection's state and account from now on."""

        def status(*_: object) -> None:
            state = connection.state
            self.show_status(state, wording.connection_status(state, connection.backend))

        def account(*_: object) -> None:
            self.show_account(connection.account, connection.backend)

        connection.stateChanged.connect(status)
        connection.backendChanged.connect(status)
        connection.accountChanged.connect(account)
        connection.backendChanged.connect(account)
        status()
        account()

    def show_status(self, state: ConnectionStatus, text: str) -> None:
        self.backendStatus.setText(f"●  {text}")
        set_style_property(self.backendStatus, "state", STATUS_ROLES[state])

    def show_account(self, account: Account | None, backend: BackendChoice | None) -> None:
        """Balance and VIP where the service tells them (never for the built-in
        renderer's free account, unless it has a balance)."""
        local = backend is None or backend.kind == "local"
        amount = account.balance if account is not None else None
        self.balanceLabel.setText(wording.balance(amount) if amount is not None else "")
        self.balanceLabel.setVisible(amount is not None)
        self.vipBadge.setVisible(account is not None and account.vip and not local)
