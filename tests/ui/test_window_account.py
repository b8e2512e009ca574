"""The window against a backend that serves the SDK's shapes (the scripted
backend on loopback): the catalogue loads with its VIP model marked, a video is
generated and plays, the account's library appears in history beside it, an
account video downloads when played and history follows it, and deleting one
offers, unticked, to delete it from the account too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.store.history import ACCOUNT, LOCAL
from app.ui.main_window import MainWindow
from app.ui.models.library import LibraryStatus
from tests.support.scripted_backend import ScriptedBackend, generation_config
from tests.ui.conftest import click_message_button, message_box, wait_for

WEB_VIDEOS = ("A lighthouse in fog, made in the web app", "Paper lanterns over a river")


@pytest.fixture
def backend() -> Iterator[ScriptedBackend]:
    with ScriptedBackend() as served:
        served.page_cap = 5
        served.catalogue.append(
            generation_config(
                "scripted/vip-t2v",
                "text_to_video",
                {"price_per_second": 0.5, "available_durations": [5], "vip_required": True},
                "Scripted cinema",
            )
        )
        served.account = {"sub": "s", "nickname": "maya", "email": "m@example.com", "id": "u1"}
        for n, prompt in enumerate(reversed(WEB_VIDEOS)):
            served.add_library_video(f"web-{n}", prompt, seed=48213950267315 + n)
        yield served


def test_catalogue_generate_play_and_the_account_library_in_history(
    make_window: Callable[..., MainWindow], backend: ScriptedBackend, qtbot: QtBot
) -> None:
    window = make_window(backend.url, backend.token)
    form = window.form
    wait_for(qtbot, lambda: form.models, 30, "the catalogue")
    names = [m.name for m in form.models]
    assert names.count("scripted/t2v") == 1 and "scripted/vip-t2v" in names
    vip = form.modelCombo.findData("scripted/vip-t2v")
    assert "VIP" in form.modelCombo.itemText(vip)
    assert "VIP" not in form.modelCombo.itemText(form.modelCombo.findData("scripted/t2v"))

    # The library, imported in the background, is in history as account videos.
    panel = window.historyPanel
    wait_for(qtbot, lambda: len(panel.records()) == 2, 20, "the account's videos")
    assert [r.prompt for r in panel.records()] == list(WEB_VIDEOS)
    assert all(r.origin == ACCOUNT and r.local_path is None for r in panel.records())
    wait_for(qtbot, lambda: window.historyModel.library.status is LibraryStatus.IDLE, 10, "idle")

    form.modelCombo.setCurrentIndex(form.modelCombo.findData("scripted/t2v"))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(1))
    qtbot.keyClicks(form.promptEdit, "A red kite over green hills")
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000) as finished:
        qtbot.mouseClick(form.generateButton, Qt.MouseButton.LeftButton)
    done: JobUpdate = finished.args[0]
    assert done.state is JobState.COMPLETED and done.path is not None
    wait_for(
        qtbot,
        lambda: window.player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        30,
        "playback",
    )
    assert window.player.path == Path(done.path)
    wait_for(qtbot, lambda: len(panel.records()) == 3, 10, "the new job in history")
    mine = [r for r in panel.records() if r.origin == LOCAL]
    assert [r.prompt for r in mine] == ["A red kite over green hills"]
    # History follows what is playing: the job's row.
    wait_for(qtbot, lambda: panel.current_record() == mine[0], 10, "the playing row selected")

    # The job is in the account now too: a later import does not show it twice.
    with qtbot.waitSignal(window.historyModel.library.finished, timeout=10_000):
        window.historyModel.library.refresh()
    assert len(panel.records()) == 3
    assert len({r.file_id for r in panel.records()}) == 3


def test_an_account_video_downloads_when_played_and_can_leave_the_account(
    make_window: Callable[..., MainWindow],
    backend: ScriptedBackend,
    qtbot: QtBot,
    sample_video: bytes,
) -> None:
    window = make_window(backend.url, backend.token)
    panel = window.historyPanel
    wait_for(qtbot, lambda: len(panel.records()) == 2, 30, "the account's videos")
    lighthouse = panel.records()[0]
    rect = panel.historyList.visualRect(panel.history.index(0, 0))
    qtbot.mouseClick(panel.historyList.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_for(qtbot, lambda: window.player.path is not None, 30, "the downloaded video playing")
    downloaded = window.player.path
    assert downloaded is not None and downloaded.read_bytes() == sample_video
    wait_for(qtbot, lambda: panel.records()[0].local_path == str(window.player.path), 5, "the row")
    assert panel.current_record() is not None
    assert panel.current_record().job_id == lighthouse.job_id  # type: ignore[union-attr]

    # Delete (the key) asks; the account box is offered, never ticked at first.
    panel.historyList.setFocus()
    qtbot.keyClick(panel.historyList, Qt.Key.Key_Delete)
    wait_for(qtbot, lambda: message_box(window) is not None, 5, "the question")
    box = message_box(window)
    assert box is not None
    also = box.checkBox()
    assert isinstance(also, QCheckBox) and also.isVisible() and not also.isChecked()
    also.setChecked(True)
    click_message_button(window, qtbot, "Delete")
    wait_for(qtbot, lambda: len(panel.records()) == 1, 10, "the row to go")
    assert backend.deleted == [lighthouse.file_id] == ["web-1"]
    assert window.player.path is None  # the player let go of the deleted file
    # The row goes first; its files are removed off the GUI thread just after.
    wait_for(qtbot, lambda: not downloaded.exists(), 10, "the video file to go")

    # The other one: deleted here only (the box left unticked).
    panel.select(0)
    panel.deleteButton.click()
    click_message_button(window, qtbot, "Delete")
    wait_for(qtbot, lambda: not panel.records(), 10, "the second row to go")
    assert backend.deleted == [lighthouse.file_id]
    assert not window.banner.isVisible()
