"""The window's message boxes: its two questions, About, and an error nobody caught.

Every box opens with `open()`, never `exec()` (a nested modal loop inside a
coroutine breaks qasync's loop), answers through a callback, and deletes
itself once closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QWidget

from app import __version__

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


def confirm_stop_following(parent: QWidget, on_yes: Callable[[], object]) -> QMessageBox:
    return ask(
        parent,
        title=translate("MainWindow", "Cancel this video?"),
        text=translate("MainWindow", "Stop following this video?"),
        details=translate(
            "MainWindow",
            "The service has no way to stop a render once it has started, so the server may "
            "still finish it (and charge for it). Framecast will stop waiting for it.",
        ),
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


def show_about(parent: QWidget, logo: QPixmap) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("MainWindow", "About Framecast"))
    box.setIconPixmap(logo)
    box.setText(f"<b>Framecast</b> {__version__}")
    box.setInformativeText(
        translate(
            "MainWindow",
            "A desktop studio for AI video generation: type a prompt, watch it render, "
            "play the video.",
        )
    )
    return _show(box)


def show_error(text: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Framecast")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text may hold a server's words
    box.setText(text)
    return _show(box)
