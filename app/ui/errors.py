"""Errors in the creator's words, translated, with the next step.

The API layer's errors carry English `user_message`s; the window shows these
translated equivalents instead (keeping the server's own reason where there
is one). `install_excepthook` makes an exception escaping a slot or an
`@asyncSlot` coroutine a logged, friendly message instead of a silent death.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.api.errors import (
    ApiError,
    AuthenticationError,
    BackendUnavailableError,
    InsufficientCreditsError,
    InvalidRequestError,
    RateLimitedError,
)
from app.engine.updates import ErrorKind

translate = QCoreApplication.translate
log = logging.getLogger("framecast.ui")


def error_text(exc: BaseException) -> str:
    if isinstance(exc, AuthenticationError):
        return translate(
            "Errors", "The server did not accept your API token. Open Settings and check it."
        )
    if isinstance(exc, InsufficientCreditsError):
        return translate(
            "Errors",
            "Your account has no credits left for this video. Top up your balance, "
            "or choose a shorter or cheaper model.",
        )
    if isinstance(exc, InvalidRequestError):
        if exc.detail:
            return translate("Errors", "The server refused these settings: %1").replace(
                "%1", exc.detail
            )
        return translate("Errors", "The server refused these settings.")
    if isinstance(exc, RateLimitedError):
        return translate("Errors", "The server asked us to slow down. Try again in a moment.")
    if isinstance(exc, BackendUnavailableError):
        return translate(
            "Errors",
            "Can't reach the server right now. Check your connection; Framecast will keep trying.",
        )
    if isinstance(exc, ApiError):
        return exc.user_message
    return translate(
        "Errors", "Something went wrong. The details are in the log file (Help → Diagnostics)."
    )


def failure_hint(kind: ErrorKind | None) -> str | None:
    """The next step for a failed job, by why it failed."""
    if kind is ErrorKind.AUTH:
        return translate("Errors", "Open Settings and check your API token.")
    if kind is ErrorKind.CREDITS:
        return translate(
            "Errors", "Your account has no credits left. Top up, or choose a cheaper model."
        )
    if kind is ErrorKind.OFFLINE:
        return translate(
            "Errors", "The server could not be reached. Press Retry when you are back online."
        )
    return None


_dialogs: list[QMessageBox] = []


def show_friendly_error(text: str, parent: QWidget | None = None) -> None:
    """A non-blocking message box (opened with `open()`, never `exec()`)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Errors", "Framecast"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text may hold a server's words
    box.setText(text)
    _dialogs.append(box)
    box.finished.connect(lambda _r: _dialogs.remove(box) if box in _dialogs else None)
    box.open()


def install_excepthook(parent: Callable[[], QWidget | None] = lambda: None) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled error: %s", "".join(traceback.format_exception(kind, exc, tb)))
        if isinstance(exc, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if QApplication.instance() is not None:
            show_friendly_error(error_text(exc), parent())

    sys.excepthook = hook
