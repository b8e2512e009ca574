"""The window's message boxes: its two questions, About, and an error nobody caught.

Every box opens with `open()`, never `exec()` (a nested modal loop inside a
coroutine breaks qasync's loop), answers through a callback, and deletes
itself once closed. A question whose subject goes away meanwhile (the job
it asks about finishes) is closed by its caller with `reject()`, which
answers no.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.session import BackendChoice
from app.ui import wording

translate = QCoreApplication.translate

_open: set[QMessageBox] = set()  # boxes without a parent must outlive this call


def _show(
    box: QMessageBox, on_closed: Callable[[QMessageBox], object] | None = None
) -> QMessageBox:
    _open.add(box)

    def closed(_result: int) -> None:
        _open.discard(box)
        if on_closed is not None:
            on_closed(box)
        box.deleteLater()

    box.finished.connect(closed)
    box.open()
    return box


def ask(
    parent: QWidget,
    *,
    title: str,
    text: str,
    details: str,
    yes: str,
    no: str,
    on_yes: Callable[[], object],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    check: QCheckBox | None = None,
) -> QMessageBox:
    """A question with a destructive `yes` and a safe `no`; `on_yes` runs only on
    `yes`. `check` is a box to tick under the question (read it in `on_yes`)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(details)  # may be a prompt: shown literally too
    for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
        label.setTextFormat(Qt.TextFormat.PlainText)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    if check is not None:
        box.setCheckBox(check)
    return _show(box, lambda b: on_yes() if b.clickedButton() is yes_button else None)


def confirm_stop_following(
    parent: QWidget, backend: BackendChoice | None, on_yes: Callable[[], object]
) -> QMessageBox:
    """Cancel a job? Charges are mentioned only where there are any (not on the
    built-in renderer)."""
    return ask(
        parent,
        title=wording.cancel_title(),
        text=wording.cancel_question(),
        details=wording.cancel_details(backend),
        yes=translate("MainWindow", "Stop following"),
        no=translate("MainWindow", "Keep waiting"),
        on_yes=on_yes,
    )


def confirm_delete_video(
    parent: QWidget, prompt: str, *, offer_account: bool, on_yes: Callable[[bool], object]
) -> QMessageBox:
    """Delete a history row; for a video in the connected account, a box to
    delete it from the account too, never ticked at first. `on_yes(from_account)`
    runs only on Delete."""
    account: QCheckBox | None = None
    if offer_account:
        account = QCheckBox(
            translate(
                "MainWindow", "Also delete it from my account on the server (can't be undone)"
            )
        )
        account.setObjectName("deleteFromAccount")
        account.setChecked(False)
    return ask(
        parent,
        title=translate("MainWindow", "Delete video?"),
        text=translate("MainWindow", "Delete this video and its file from this computer?"),
        details=prompt[:300],
        yes=translate("MainWindow", "Delete"),
        no=translate("MainWindow", "Keep"),
        on_yes=lambda: on_yes(account is not None and account.isChecked()),
        icon=QMessageBox.Icon.Warning,
        check=account,
    )


def confirm_clear_history(
    parent: QWidget, count: int, favourites: int, in_progress: int, on_yes: Callable[[], object]
) -> QMessageBox:
    """ "Clear history": says how many videos go, that their files go with
    them, and what stays (favourites, videos still being made, the account's
    copies). `on_yes` runs only on Clear."""
    return ask(
        parent,
        title=translate("MainWindow", "Clear history?"),
        text=wording.clear_history_question(count),
        details=wording.clear_history_details(favourites, in_progress),
        yes=translate("MainWindow", "Clear history"),
        no=translate("MainWindow", "Keep"),
        on_yes=on_yes,
        icon=QMessageBox.Icon.Warning,
    )


def show_about(parent: QWidget, icon: QIcon) -> QDialog:
    """Framecast's name, version and purpose, with its icon, in a box wide
    enough to read (a message box wraps it into a narrow column)."""
    dialog = QDialog(parent)
    dialog.setObjectName("aboutDialog")
    dialog.setWindowTitle(translate("MainWindow", "About Framecast"))
    dialog.setWindowIcon(icon)
    logo = QLabel()
    logo.setObjectName("aboutLogo")
    logo.setPixmap(icon.pixmap(96, 96))
    logo.setAlignment(Qt.AlignmentFlag.AlignTop)
    name = QLabel("Framecast")
    name.setObjectName("aboutName")
    version = QLabel(translate("MainWindow", "Version %1").replace("%1", __version__))
    version.setObjectName("aboutVersion")
    version.setProperty("role", "muted")
    text = QLabel(wording.about_text())
    text.setObjectName("aboutText")
    text.setWordWrap(True)
    text.setMinimumWidth(320)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    column = QVBoxLayout()
    column.setSpacing(6)
    column.addWidget(name)
    column.addWidget(version)
    column.addSpacing(8)
    column.addWidget(text)
    column.addStretch(1)
    row = QHBoxLayout()
    row.setSpacing(20)
    row.addWidget(logo)
    row.addLayout(column, 1)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 24, 24, 16)
    layout.setSpacing(16)
    layout.addLayout(row)
    layout.addWidget(buttons)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    return dialog


def show_error(text: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Framecast")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text may hold a server's words
    box.setText(text)
    return _show(box)
