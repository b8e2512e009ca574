"""Qt's own messages: into Framecast's log file, and on the terminal only when they matter.

Qt prints its diagnostics (qDebug, qInfo, qWarning, qCritical, qFatal from its
C++ side) to stderr. On a normal start QtMultimedia alone prints a dozen lines
there: every optional library it looked for and did not find
(`qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library`, VA-API),
which FFmpeg it uses (`qt.multimedia.ffmpeg`), and
`PulseAudioService: pa_context_connect() failed` when no sound server runs.
None of them are errors, and all of them alarm a person who just typed
`make run`. They all come through Qt's message handler (not straight from the
C libraries), so `install_qt_message_handler()` replaces that handler:

- every Qt message goes to the `framecast.qt` logger, so the log file keeps it
  (Qt debug messages only with `FRAMECAST_LOG=qt=debug`);
- the known noise below, up to warning level, goes nowhere else;
- everything else (critical and fatal messages, and any warning Qt has not
  been seen to print on a normal start) also goes to stderr, as Qt's default
  pattern prints it (`category: message`), with secrets redacted.

(`qFormatLogMessage` is not used for that line: PySide6 6.11 raises a
DeprecationWarning converting a critical message's type, QtSystemMsg's alias.)
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from app.logs import redact

log = logging.getLogger("framecast.qt")

#: Category trees (a category and its sub-categories) whose debug, info and
#: warning messages are routine on a normal start.
QUIET_CATEGORIES: tuple[str, ...] = ("qt.multimedia",)

#: Messages in Qt's "default" category (no category of their own) that are routine:
#: no sound server (QtMultimedia's PulseAudio backend), and the offscreen platform's
#: note that it cannot resize to fit (tests and headless runs).
QUIET_MESSAGE_PREFIXES: tuple[str, ...] = (
    "PulseAudioService:",
    "This plugin does not support propagateSizeHints()",
)

_LEVELS: dict[QtMsgType, int] = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_ALWAYS_SHOWN = (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


def is_routine(kind: QtMsgType, category: str, message: str) -> bool:
    """True for a Qt message that belongs in the log file only, not on the terminal."""
    if kind in _ALWAYS_SHOWN:
        return False
    if any(category == quiet or category.startswith(quiet + ".") for quiet in QUIET_CATEGORIES):
        return True
    return category in ("", "default") and message.startswith(QUIET_MESSAGE_PREFIXES)


def route_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: log every message, print the ones that are not routine."""
    category = context.category or "default"
    log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)
    if is_routine(kind, category, message) or sys.stderr is None:  # no console (Windows GUI)
        return
    try:
        line = message if category == "default" else f"{category}: {message}"
        sys.stderr.write(redact(line) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed or gone: the log file still has it
        pass


def install_qt_message_handler() -> None:
    """Route Qt's messages through `route_qt_message` from now on (call before QApplication)."""
    qInstallMessageHandler(route_qt_message)
