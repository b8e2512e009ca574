"""The last resort: an exception no slot or task caught becomes a logged,
friendly message instead of a silent death (or, for Ctrl+C, a clean quit)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from app.ui import wording
from app.ui.message_boxes import show_error

log = logging.getLogger("framecast.ui")


def install_excepthook(parent: Callable[[], QWidget | None] = lambda: None) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled error: %s", "".join(traceback.format_exception(kind, exc, tb)))
        if isinstance(exc, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if QApplication.instance() is not None:
            show_error(wording.error_text(exc), parent())

    sys.excepthook = hook
