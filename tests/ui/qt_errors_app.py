"""The real window (`framecast gui`) with deliberate Qt errors, for the terminal test.

    python -m tests.ui.qt_errors_app

Runs the app's own entry point. Once the window is up and connected to its
built-in renderer, Qt reports a warning and a critical error through its
ordinary message path (qWarning, qCritical); then the window is closed the
normal way. Exit code: the app's. (No categorised messages: a
QLoggingCategory made from Python in PySide6 6.11 loses its name.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, qCritical, qWarning
from PySide6.QtWidgets import QApplication

import app.ui.main as gui
from app.cli import main

WARNING = "framecast-test: a deliberate Qt warning"
CRITICAL = "framecast-test: a deliberate Qt critical error"

_create_application = gui.create_application


def _report_then_close(app: QApplication, timer: QTimer) -> None:
    from app.ui.main_window import MainWindow

    for window in app.topLevelWidgets():
        if (
            isinstance(window, MainWindow)
            and window.isVisible()
            and window.connection.session is not None
        ):
            timer.stop()
            qWarning(WARNING)
            qCritical(CRITICAL)
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
