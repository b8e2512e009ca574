"""The real window (`framecast gui`) with deliberate Qt errors, for the terminal test.

    python -m tests.ui.qt_errors_app

Runs the app's own entry point. Once the window is up and connected to its
built-in renderer, Qt reports, through its ordinary message path, one warning
in a category of its own, one critical error in the default category and one
critical error in the otherwise quiet `qt.multimedia` area; then the window
is closed the normal way. Exit code: the app's.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLoggingCategory, QTimer, qCCritical, qCritical, qCWarning
from PySide6.QtWidgets import QApplication

import app.ui.main as gui
from app.cli import main

WARNING = "framecast-test: a deliberate Qt warning"
CRITICAL = "framecast-test: a deliberate Qt critical error"
QUIET_AREA_CRITICAL = "framecast-test: a deliberate critical error in a quiet area"
WARNING_CATEGORY = "framecast.test"
QUIET_CATEGORY = "qt.multimedia.test"

_create_application = gui.create_application
# Qt keeps a category's name by pointer: the categories and their (module-level)
# names must outlive every message formatted from them.
_keep: list[QLoggingCategory] = []


def _report_then_close(app: QApplication, timer: QTimer) -> None:
    from app.ui.main_window import MainWindow

    for window in app.topLevelWidgets():
        if isinstance(window, MainWindow) and window.isVisible() and window.session is not None:
            timer.stop()
            category, quiet = QLoggingCategory(WARNING_CATEGORY), QLoggingCategory(QUIET_CATEGORY)
            _keep.extend((category, quiet))
            qCWarning(category, WARNING)
            qCritical(CRITICAL)
            qCCritical(quiet, QUIET_AREA_CRITICAL)
            window.close()
            return


def create_application(argv: list[str] | None = None) -> QApplication:
    app = _create_application(argv)
    timer = QTimer(app)
    timer.setInterval(50)
    timer.timeout.connect(lambda: _report_then_close(app, timer))
    timer.start()
    return app


if __name__ == "__main__":
    gui.create_application = create_application
    sys.exit(main(["gui"]))
