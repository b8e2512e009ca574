"""`framecast gui`: the desktop window on qasync's event loop.

`gui_main` sets up logging, the application, its language and theme, then
runs `_run` with `qasync.run`: show the window at once, connect to the
backend in the background, and on close stop following jobs (they stay
resumable) and stop the built-in renderer.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import __version__

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


def gui_main(backend: str | None = None, token: str | None = None) -> int:
    import qasync

    from app.logs import register_secret, setup_logging
    from app.store import paths
    from app.store.settings import SettingsError, load_settings
    from app.ui.errors import install_excepthook
    from app.ui.i18n import install_language
    from app.ui.qt_messages import install_qt_message_handler

    setup_logging(paths.log_dir())
    install_qt_message_handler()  # Qt's routine start-up chatter goes to the log file
    register_secret(token)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"framecast: {exc}", file=sys.stderr)
        return 2
    if settings.token is not None:
        register_secret(settings.token.get_secret_value())
    app = create_application()
    install_language(settings.language)
    app.setQuitOnLastWindowClosed(False)  # _run decides when to stop, after cleaning up
    install_excepthook(lambda: app.activeWindow())
    try:
        return int(qasync.run(_run(app, backend, token)))
    except KeyboardInterrupt:
        return 130


async def _run(app: QApplication, backend: str | None, token: str | None) -> int:
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.main_window import MainWindow

    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings(), backend_arg=backend, token_arg=token)
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.show()
    log.info("window shown")

    # Let Ctrl+C in the terminal, and a polite SIGTERM (logout, `kill`), close
    # the window the normal way: state saved, renderer stopped, jobs resumable.
    # Python only handles signals between bytecodes, so wake it now and then.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(300)

    starting = window.spawn(window.start())
    await closed.wait()
    wake.stop()
    starting.cancel()
    try:
        await window.shutdown()
    finally:
        await history.aclose()
    return 0
