"""Handing files to the desktop: open a file, or show it selected in its folder.

`show_in_folder` selects the file in the file manager where the desktop has
a standard way to: `org.freedesktop.FileManager1.ShowItems` over the session
D-Bus on Linux and other free desktops (asked without waiting, so a file
manager that is slow to start never freezes the window), `explorer /select,`
on Windows, `open -R` on macOS. When that is not possible (no such service,
no file any more), it opens the folder instead; when nothing can open even
the folder, it says so through `on_failed`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher
from PySide6.QtGui import QDesktopServices

log = logging.getLogger("framecast.ui")

FILE_MANAGER = "org.freedesktop.FileManager1"
FILE_MANAGER_PATH = "/org/freedesktop/FileManager1"
#: How long the file manager may take to answer ShowItems (it may be started for it).
DBUS_TIMEOUT_MS = 5000


class FolderOutcome(StrEnum):
    SELECTED = "selected"  # the file manager shows the file selected
    OPENED_FOLDER = "opened_folder"  # the folder was opened instead
    FAILED = "failed"  # nothing could open it


FolderCallback = Callable[[Path], None]
OutcomeCallback = Callable[[FolderOutcome], None]
UrlOpener = Callable[[QUrl], bool]

_pending: set[QDBusPendingCallWatcher] = set()  # answers still awaited


def open_file(path: Path) -> bool:
    """Open with the desktop's program for it; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(
    path: Path,
    on_failed: FolderCallback | None = None,
    *,
    on_done: OutcomeCallback | None = None,
    bus: QDBusConnection | None = None,
    open_url: UrlOpener = QDesktopServices.openUrl,
    platform: str = sys.platform,
) -> None:
    """Show `path` selected in its folder, else open the folder; `on_failed(folder)`
    when nothing could, `on_done(outcome)` either way (later, for the D-Bus way)."""

    def done(outcome: FolderOutcome) -> None:
        log.debug("show in folder %s: %s", path.name, outcome)
        if outcome is FolderOutcome.FAILED and on_failed is not None:
            on_failed(path.parent)
        if on_done is not None:
            on_done(outcome)

    def fall_back() -> None:
        done(_open_folder(path.parent, open_url))

    if not path.is_file():
        fall_back()
        return
    if platform == "win32":
        native = str(path.resolve()).replace("/", "\\")
        done(_started("explorer", ["/select,", native]) or _open_folder(path.parent, open_url))
    elif platform == "darwin":
        done(_started("open", ["-R", str(path)]) or _open_folder(path.parent, open_url))
    else:
        _select_over_dbus(path, bus or QDBusConnection.sessionBus(), done, fall_back)


def _started(program: str, arguments: list[str]) -> FolderOutcome | None:
    started, _pid = QProcess.startDetached(program, arguments)
    return FolderOutcome.SELECTED if started else None


def _open_folder(folder: Path, open_url: UrlOpener) -> FolderOutcome:
    if folder.is_dir() and open_url(QUrl.fromLocalFile(str(folder))):
        return FolderOutcome.OPENED_FOLDER
    return FolderOutcome.FAILED


def _select_over_dbus(
    path: Path,
    bus: QDBusConnection,
    done: OutcomeCallback,
    fall_back: Callable[[], None],
) -> None:
    if not bus.isConnected():
        fall_back()
        return
    message = QDBusMessage.createMethodCall(
        FILE_MANAGER, FILE_MANAGER_PATH, FILE_MANAGER, "ShowItems"
    )
    message.setArguments([[QUrl.fromLocalFile(str(path)).toString()], ""])
    watcher = QDBusPendingCallWatcher(bus.asyncCall(message, DBUS_TIMEOUT_MS))
    _pending.add(watcher)

    def answered(call: QDBusPendingCallWatcher) -> None:
        _pending.discard(call)
        call.deleteLater()
        if call.isError():
            log.info("no file manager selection (%s); opening the folder", call.error().name())
            fall_back()
        else:
            done(FolderOutcome.SELECTED)

    watcher.finished.connect(answered)
