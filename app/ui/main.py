"""`framecast gui`: the desktop window on qasync's event loop.

`gui_main` sets up logging, the application, its language and theme, then
runs `_run` with `qasync.run`: show the window at once, connect to the
backend in the background, and on close stop following jobs (they stay
resumable) and stop the built-in renderer.

Start-up always shows something: local state that was worked around (a
damaged history moved aside, a damaged settings file, a bad environment
value, no log file) is told in a message over the window and on stderr;
local state Framecast cannot work with (a data folder it can't write, a
history from a newer Framecast) is told in a small window of its own, and on
stderr, instead of the main window. Start-up hands over facts and
`app.ui.wording` words them: on stderr in English, written before the
window's language is installed, and in the window in that language.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__

if TYPE_CHECKING:
    from app.startup import LocalState, Notice, StartupError

log = logging.getLogger("framecast.ui")


def create_application(argv: list[str] | None = None) -> QApplication:
    from app.ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("Framecast")
    app.setApplicationDisplayName("Framecast")
    app.setOrganizationName("Framecast")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("framecast")
    from app.ui.icon import app_icon

    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


def startup_problem_box(text: str) -> QMessageBox:
    """The small window that says why Framecast can't start (plain text, one button)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Framecast", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("startupProblem")
    return box


def _show_startup_problem(app: QApplication, problem: StartupError) -> int:
    """Show why Framecast can't start until the user closes it (or a signal does)."""
    from app.store.settings import load_settings_leniently
    from app.ui import wording
    from app.ui.i18n import install_language

    install_language(load_settings_leniently()[0].language)  # the history, not these, failed
    box = startup_problem_box(wording.startup_problem(problem))

    def stop(*_: object) -> None:
        # Queued, not called: a signal that comes before exec() has shown the
        # box would reject a hidden dialog, and exec() would then wait forever.
        QTimer.singleShot(0, box.reject)

    signal.signal(signal.SIGINT, stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    wake = QTimer()  # Python handles signals only between bytecodes
    wake.timeout.connect(lambda: None)
    wake.start(300)
    QTimer.singleShot(0, lambda: log.info("start-up problem shown"))
    box.exec()  # no event loop runs yet: a modal exec() is safe here
    wake.stop()
    return 1


def _say(text: str) -> None:
    from app.logs import clean_text

    print(f"framecast: {clean_text(text)}", file=sys.stderr, flush=True)


def gui_main(backend: str | None = None, token: str | None = None) -> int:
    import qasync

    from app.logs import register_secret
    from app.startup import StartupError, open_local_state, start_logging
    from app.ui.errors import install_excepthook
    from app.ui.i18n import install_language
    from app.ui.qt_messages import install_qt_message_handler
    from app.ui.wording import startup_notice, startup_problem

    log_notice = start_logging()
    from app.ui.diagnostics_dialog import install_recent_problems

    install_recent_problems()  # Help → Diagnostics lists the problems logged from now on
    install_qt_message_handler()  # Qt's routine start-up chatter goes to the log file
    register_secret(token)
    try:
        state = open_local_state(strict_environment=False)
    except StartupError as exc:
        _say(startup_problem(exc))
        return _show_startup_problem(create_application(), exc)
    notices = [n for n in (log_notice, *state.notices) if n is not None]
    for notice in notices:
        _say(startup_notice(notice))
    if state.settings.token is not None:
        register_secret(state.settings.token.get_secret_value())
    app = create_application()
    install_language(state.settings.language)
    app.setQuitOnLastWindowClosed(False)  # _run decides when to stop, after cleaning up
    install_excepthook(lambda: app.activeWindow())
    try:
        return int(qasync.run(_run(app, backend, token, state, notices)))
    except KeyboardInterrupt:
        return 130


async def _run(
    app: QApplication,
    backend: str | None,
    token: str | None,
    state: LocalState,
    notices: list[Notice],
) -> int:
    from app.store.history import AsyncHistoryStore
    from app.ui import wording
    from app.ui.main_window import MainWindow
    from app.ui.message_boxes import show_error

    history = AsyncHistoryStore(state.history)
    window = MainWindow(history, state.settings, backend_arg=backend, token_arg=token)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    # Let Ctrl+C in the terminal, and a polite SIGTERM (logout, `kill`), close
    # the window the normal way: state saved, renderer stopped, jobs resumable.
    # Python only handles signals between bytecodes, so wake it now and then.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(300)

    window.show()
    if notices:
        show_error("\n\n".join(wording.startup_notice(n) for n in notices), window)
    log.info("window shown")

    starting = window.spawn(window.start())
    await closed.wait()
    wake.stop()
    starting.cancel()
    # Wait for the cancelled start to unwind (a renderer still starting is
    # stopped by it): a task left pending would be torn down with the loop.
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await starting
    try:
        await window.shutdown()
    finally:
        await history.aclose()
    return 0
