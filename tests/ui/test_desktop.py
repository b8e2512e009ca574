"""Show in folder: the file selected in the file manager over a real (private)
D-Bus session bus, else the folder opened, else a plain failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.ui.desktop import FolderOutcome, show_in_folder
from tests.support.file_manager import (
    FakeFileManager,
    PrivateBus,
    dbus_daemon_available,
)

needs_dbus = pytest.mark.skipif(not dbus_daemon_available(), reason="no dbus-daemon here")


class OpenedUrls(QObject):
    """Qt's own hook for `file:` URLs: records what the desktop was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened(qapp: object) -> Iterator[OpenedUrls]:
    handler = OpenedUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def video(tmp_path: Path) -> Path:
    path = tmp_path / "videos" / "a fox at dawn.mp4"
    path.parent.mkdir()
    path.write_bytes(b"not really a video")
    return path


@pytest.fixture
def private_bus(qapp: object) -> Iterator[tuple[PrivateBus, QDBusConnection]]:
    with PrivateBus() as bus:
        name = f"framecast-test-{id(bus)}"
        connection = QDBusConnection.connectToBus(bus.address, name)
        assert connection.isConnected()
        yield bus, connection
        QDBusConnection.disconnectFromBus(name)


@needs_dbus
def test_the_file_manager_shows_the_file_selected(
    private_bus: tuple[PrivateBus, QDBusConnection],
    video: Path,
    opened: OpenedUrls,
    qtbot: QtBot,
) -> None:
    bus, connection = private_bus
    outcomes: list[FolderOutcome] = []
    failed: list[Path] = []
    with FakeFileManager(bus.address) as manager:
        show_in_folder(
            video, failed.append, on_done=outcomes.append, bus=connection, platform="linux"
        )
        qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    assert outcomes == [FolderOutcome.SELECTED]
    assert manager.shown == [[QUrl.fromLocalFile(str(video)).toString()]]
    assert opened.urls == [] and failed == []


@needs_dbus
def test_without_a_file_manager_on_the_bus_the_folder_opens(
    private_bus: tuple[PrivateBus, QDBusConnection],
    video: Path,
    opened: OpenedUrls,
    qtbot: QtBot,
) -> None:
    _bus, connection = private_bus
    outcomes: list[FolderOutcome] = []
    show_in_folder(video, on_done=outcomes.append, bus=connection, platform="linux")
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    assert outcomes == [FolderOutcome.OPENED_FOLDER]
    assert [u.toLocalFile() for u in opened.urls] == [str(video.parent)]


def test_without_a_session_bus_the_folder_opens(
    video: Path, opened: OpenedUrls, qapp: object
) -> None:
    outcomes: list[FolderOutcome] = []
    show_in_folder(video, on_done=outcomes.append, bus=QDBusConnection("none"), platform="linux")
    assert outcomes == [FolderOutcome.OPENED_FOLDER]  # at once: there is nobody to ask
    assert [u.toLocalFile() for u in opened.urls] == [str(video.parent)]


def test_a_file_gone_from_disk_opens_its_folder(
    video: Path, opened: OpenedUrls, qapp: object
) -> None:
    video.unlink()
    outcomes: list[FolderOutcome] = []
    show_in_folder(video, on_done=outcomes.append, platform="linux")
    assert outcomes == [FolderOutcome.OPENED_FOLDER]
    assert [u.toLocalFile() for u in opened.urls] == [str(video.parent)]


def test_when_nothing_can_open_the_folder_it_says_so(video: Path, qapp: object) -> None:
    outcomes: list[FolderOutcome] = []
    failed: list[Path] = []
    asked: list[QUrl] = []

    def refuse(url: QUrl) -> bool:  # a desktop with no program for folders
        asked.append(url)
        return False

    video.unlink()
    show_in_folder(video, failed.append, on_done=outcomes.append, open_url=refuse)
    assert outcomes == [FolderOutcome.FAILED] and failed == [video.parent] and len(asked) == 1

    outcomes.clear()
    failed.clear()
    show_in_folder(video.parent / "gone" / "x.mp4", failed.append, on_done=outcomes.append)
    assert outcomes == [FolderOutcome.FAILED]  # no folder at all: nothing to open
    assert failed == [video.parent / "gone"]
