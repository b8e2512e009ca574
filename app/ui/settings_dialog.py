"""Settings: which backend, its token, where videos go, which language.

The token goes to the OS keyring through `app.store.credentials` (a file only
the user can read when no keyring exists), and the dialog says which one this
computer really uses; it never shows a saved token back. "Test connection"
asks the chosen backend for its catalogue and, where it offers one, the
account balance, and says what it found in the window's language. The dialog
never shrinks below what its fields need, however long a message grows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.api.client import SuperDuperClient
from app.api.errors import ApiError
from app.store import credentials
from app.store.settings import CLOUD_URL, Settings, has_credentials, normalize_url
from app.ui import wording
from app.ui.models.connection import SettingsChange
from app.ui.tasks import TaskGroup
from app.ui.theme import fit_height, set_style_property

log = logging.getLogger("framecast.ui")


class SettingsDialog(QDialog):
    saved = Signal(object)  # SettingsChange

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        local_client: SuperDuperClient | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumWidth(600)
        self.settings = settings
        self.local_client = local_client
        self._folder_dialog: QFileDialog | None = None
        self._tasks = TaskGroup()  # Test connection; stopped when the dialog closes
        self.finished.connect(lambda _r: self._tasks.cancel_all())

        self.messageLabel = QLabel("")
        self.messageLabel.setObjectName("settingsMessage")
        self.messageLabel.setProperty("role", "banner")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.hide()

        self.localRadio = QRadioButton(self.tr("Built-in local renderer (works offline, free)"))
        self.localRadio.setObjectName("backendLocal")
        self.cloudRadio = QRadioButton(self.tr("SuperDuperAI cloud"))
        self.cloudRadio.setObjectName("backendCloud")
        self.customRadio = QRadioButton(self.tr("Custom server"))
        self.customRadio.setObjectName("backendCustom")
        self.backendGroup = QButtonGroup(self)
        for button in (self.localRadio, self.cloudRadio, self.customRadio):
            button.setAccessibleName(button.text())
            self.backendGroup.addButton(button)
        self.urlEdit = QLineEdit(settings.custom_url or "")
        self.urlEdit.setObjectName("customUrlEdit")
        self.urlEdit.setAccessibleName(self.tr("Server address"))
        self.urlEdit.setPlaceholderText("https://example.com")
        self.urlEdit.setMinimumWidth(240)

        self.tokenEdit = QLineEdit()
        self.tokenEdit.setObjectName("tokenEdit")
        self.tokenEdit.setAccessibleName(self.tr("API token"))
        self.tokenEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.tokenHint = QLabel("")
        self.tokenHint.setProperty("role", "muted")
        self.tokenHint.setWordWrap(True)

        self.testButton = QPushButton(self.tr("Test connection"))
        self.testButton.setObjectName("testConnectionButton")
        self.testButton.setAccessibleName(self.tr("Test connection"))
        self.testButton.setProperty("role", "ghost")
        self.testButton.clicked.connect(self.test_connection)
        self.testResult = QLabel("")
        self.testResult.setObjectName("testResult")
        self.testResult.setWordWrap(True)
        self.testResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.testResult.hide()

        self.folderEdit = QLineEdit(str(settings.download_dir or ""))
        self.folderEdit.setObjectName("downloadDirEdit")
        self.folderEdit.setAccessibleName(self.tr("Download folder"))
        self.folderEdit.setPlaceholderText(self.tr("Framecast's own folder"))
        self.folderButton = QPushButton(self.tr("Choose…"))
        self.folderButton.setAccessibleName(self.tr("Choose download folder"))
        self.folderButton.setProperty("role", "ghost")
        self.folderButton.clicked.connect(self._choose_folder)

        self.languageCombo = QComboBox()
        self.languageCombo.setObjectName("languageCombo")
        self.languageCombo.setAccessibleName(self.tr("Language"))
        self.languageCombo.addItem(self.tr("System language"), "system")
        self.languageCombo.addItem("English", "en")
        self.languageCombo.addItem("Русский", "ru")
        index = self.languageCombo.findData(settings.language)
        self.languageCombo.setCurrentIndex(max(0, index))
        self.languageNote = QLabel(
            self.tr("A new language applies the next time Framecast starts.")
        )
        self.languageNote.setProperty("role", "muted")
        self.languageNote.setWordWrap(True)

        self.saveButton = QPushButton(self.tr("Save"))
        self.saveButton.setObjectName("saveSettingsButton")
        self.saveButton.setProperty("role", "primary-small")
        self.saveButton.setDefault(True)
        self.saveButton.clicked.connect(self._save)
        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setProperty("role", "ghost")
        self.cancelButton.clicked.connect(self.reject)
        self.errorLabel = QLabel("")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()

        backend_widget = QWidget()
        backend_box = QVBoxLayout(backend_widget)
        backend_box.setContentsMargins(0, 4, 0, 4)
        backend_box.setSpacing(10)
        backend_box.addWidget(self.localRadio)
        backend_box.addWidget(self.cloudRadio)
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.customRadio)
        custom_row.addWidget(self.urlEdit, 1)
        backend_box.addLayout(custom_row)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folderEdit, 1)
        folder_row.addWidget(self.folderButton)
        test_box = QVBoxLayout()
        test_box.setSpacing(8)
        test_box.addWidget(self.testButton, 0, Qt.AlignmentFlag.AlignLeft)
        test_box.addWidget(self.testResult)

        # A grid, not a QFormLayout: it gives wrapped text the height it
        # needs at the dialog's width, no more and no less.
        form = QGridLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget | QLayout]] = [
            (self.tr("Backend"), backend_widget),
            (self.tr("API token"), self.tokenEdit),
            ("", self.tokenHint),
            ("", test_box),
            (self.tr("Videos folder"), folder_row),
            (self.tr("Language"), self.languageCombo),
            ("", self.languageNote),
        ]
        for row, (title, field) in enumerate(rows):
            if title:
                align = Qt.AlignmentFlag.AlignTop if row == 0 else Qt.AlignmentFlag.AlignVCenter
                form.addWidget(self._section(title), row, 0, align)
            if isinstance(field, QWidget):
                form.addWidget(field, row, 1)
            else:
                form.addLayout(field, row, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.errorLabel, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.saveButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(self.messageLabel)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

        kind = settings.backend_kind
        {"local": self.localRadio, "cloud": self.cloudRadio, "custom": self.customRadio}.get(
            kind, self.localRadio
        ).setChecked(True)
        self.backendGroup.buttonToggled.connect(lambda *_: self._update_fields())
        self.urlEdit.textChanged.connect(lambda *_: self._update_fields())
        self._update_fields()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "field")
        return label

    def show_message(self, text: str) -> None:
        """A sentence at the top, such as why the dialog opened by itself."""
        self.messageLabel.setText(text)
        self.messageLabel.setVisible(bool(text))
        fit_height(self)
        if text:
            self.tokenEdit.setFocus()

    def chosen_kind(self) -> str:
        if self.cloudRadio.isChecked():
            return "cloud"
        if self.customRadio.isChecked():
            return "custom"
        return "local"

    def chosen_url(self) -> str | None:
        kind = self.chosen_kind()
        if kind == "cloud":
            return CLOUD_URL
        if kind == "custom":
            try:
                return normalize_url(self.urlEdit.text())
            except ValueError:
                return None
        return None

    def _update_fields(self) -> None:
        kind = self.chosen_kind()
        self.urlEdit.setEnabled(kind == "custom")
        remote = kind != "local"
        self.tokenEdit.setEnabled(remote)
        url = self.chosen_url()
        if not remote:
            self.tokenHint.setText(self.tr("The built-in renderer needs no token."))
        elif url is None:
            self.tokenHint.setText(
                self.tr("Enter the server's address, such as https://example.com.")
            )
        else:
            saved = None
            try:
                saved = credentials.load_token(url)
            except ValueError:
                saved = None
            self.tokenEdit.setPlaceholderText(
                self.tr("Saved — paste a new token to replace it")
                if saved
                else self.tr("Paste your API token")
            )
            place = credentials.token_place(url)
            self.tokenHint.setText(wording.token_place(place, saved=bool(saved)))
        self._show_result("muted", "")

    def test_connection(self) -> None:
        self._tasks.spawn(self._test_connection())

    async def _test_connection(self) -> None:
        self.testButton.setEnabled(False)
        self._show_result("muted", wording.connecting())
        try:
            role, text = await self._probe_chosen()
        except Exception as exc:
            if not isinstance(exc, ApiError):
                log.warning("test connection failed: %s", type(exc).__name__)
            role, text = "error", wording.test_result(exc)
        # Not reached when the dialog closed meanwhile: its widgets may be gone.
        self.testButton.setEnabled(True)
        self._show_result(role, text)

    def _show_result(self, role: str, text: str) -> None:
        set_style_property(self.testResult, "role", role)
        self.testResult.setText(text)
        self.testResult.setVisible(bool(text))
        fit_height(self)

    async def _probe_chosen(self) -> tuple[str, str]:
        """The chosen backend's answer, as a (role, words) for the result line."""
        if self.chosen_kind() == "local":
            if self.local_client is None:
                return "muted", self.tr("The built-in renderer starts with the app.")
            return await self._probe(self.local_client)
        url = self.chosen_url()
        if url is None:
            return "muted", self.tr("That address is not an http(s) URL.")
        token = self.tokenEdit.text().strip() or None
        if token is None:
            try:
                token = credentials.load_token(url)
            except ValueError:
                token = None
        async with SuperDuperClient(url, token) as client:
            return await self._probe(client)

    async def _probe(self, client: SuperDuperClient) -> tuple[str, str]:
        models = await client.list_models()
        account = await client.get_account()
        text = wording.models_available(len(models))
        if account is not None and account.balance is not None:
            text += " " + wording.balance_text(account.balance)
        return "ok", text

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose where videos are saved"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folderEdit.setText)
        self._folder_dialog = dialog
        dialog.open()

    def _save(self) -> None:
        kind = self.chosen_kind()
        url = self.chosen_url()
        if kind == "custom" and url is None:
            if has_credentials(self.urlEdit.text()):
                self._error(
                    self.tr(
                        "Leave the user name and password out of the address: "
                        "paste your API token in the API token field instead."
                    )
                )
            else:
                self._error(self.tr("Enter the custom server's address (http:// or https://)."))
            return
        folder_text = self.folderEdit.text().strip()
        folder = Path(folder_text).expanduser() if folder_text else None
        token = self.tokenEdit.text().strip() or None
        if token is not None and url is not None:
            try:
                credentials.save_token(url, token)
            except (ValueError, OSError) as exc:
                self._error(
                    self.tr("The token could not be saved: %1").replace("%1", type(exc).__name__)
                )
                return
        old = self.settings
        new = old.model_copy(
            update={
                "backend_kind": kind,
                "custom_url": url if kind == "custom" else old.custom_url,
                "download_dir": folder,
                "language": self.languageCombo.currentData(),
            }
        )
        change = SettingsChange(
            settings=new,
            token=token,
            backend_changed=(
                kind != old.backend_kind
                or (kind == "custom" and url != old.custom_url)
                or token is not None
            ),
            language_changed=new.language != old.language,
        )
        self.saved.emit(change)
        self.accept()

    def _error(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.show()
        fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)
        if not self.messageLabel.isVisible():
            checked = self.backendGroup.checkedButton()
            if checked is not None:
                checked.setFocus()  # the keyboard starts at the creator's choice
