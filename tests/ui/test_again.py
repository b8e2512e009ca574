"""Issue 14, re-run: "Again with a new seed" on a finished video sends the same
request with another seed at once, from the player and from the history row,
against the real built-in renderer; the server's own record of each job says
what it received. The form, and any words being written there, stay as they are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.api.models import VideoGeneration
from app.engine.updates import JobState, JobUpdate
from app.store.history import JobRecord
from app.ui import wording
from app.ui.main_window import MainWindow
from app.ui.models.jobs import ActiveJob
from tests.conftest import LocalServer
from tests.ui.conftest import wait_for
from tests.ui.test_window_flow import QUICK_MODEL, fill_form, wait_ready

Run = Callable[..., object]
PROMPT = "A paper lantern drifting over a dark lake"
FIRST_SEED = 424_242


def server_view(window: MainWindow, run: Run, job_id: str) -> VideoGeneration:
    """The request as the server received it (its file's `video_generation`)."""
    record = run(window.history.get(job_id))
    assert isinstance(record, JobRecord) and record.file_id
    session = window.connection.session
    assert session is not None
    file = run(session.client.get_file(record.file_id))
    assert file.video_generation is not None  # type: ignore[attr-defined]
    return file.video_generation  # type: ignore[attr-defined]


def next_job(window: MainWindow, qtbot: QtBot, act: Callable[[], object]) -> str:
    """Do `act` and wait until the job it sends has finished; its id."""
    added: list[ActiveJob] = []
    window.jobs.jobAdded.connect(added.append)
    act()
    wait_for(qtbot, lambda: added, 30, "the new job")
    job_id = added[0].job_id
    done: list[JobUpdate] = []
    window.jobs.finished.connect(lambda u: done.append(u) if u.job_id == job_id else None)
    wait_for(qtbot, lambda: done, 90, "the new video")
    assert done[0].state is JobState.COMPLETED
    return job_id


def test_again_with_a_new_seed_sends_the_same_video_with_another_seed(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot, run: Run
) -> None:
    window = make_window(local_server.url, local_server.token, size=(1280, 720))
    wait_ready(window, qtbot)
    form = window.form
    fill_form(window, qtbot, PROMPT, seconds=1)
    form.newSeedCheck.setChecked(False)
    form.seedEdit.set_seed(FIRST_SEED)
    first = next_job(window, qtbot, form.generateButton.click)
    wait_for(qtbot, lambda: window.player.path is not None, 30, "the video in the player")
    wait_for(qtbot, lambda: window.historyModel.playing_row() is not None, 30, "its row")
    before = server_view(window, run, first)
    assert (before.prompt, before.seed) == (PROMPT, FIRST_SEED)

    # From the player: sent at once; the words being written stay in the box.
    form.promptEdit.setPlainText("a new idea, half written")
    player = window.player
    assert player.againButton.isEnabled()
    assert player.againButton.text() == wording.again_new_seed()
    second = next_job(window, qtbot, player.againButton.click)
    again = server_view(window, run, second)
    assert again.prompt == PROMPT and again.generation_config_name == QUICK_MODEL
    assert (again.duration, again.width, again.height) == (1, before.width, before.height)
    assert again.seed is not None and again.seed != FIRST_SEED
    assert form.prompt() == "a new idea, half written"
    assert form.seedEdit.text() == str(FIRST_SEED)

    # From the history row's menu.
    panel = window.historyPanel
    row = next(i for i, r in enumerate(panel.records()) if r.job_id == first)
    rect = panel.historyList.visualRect(panel.history.index(row, 0))
    panel.historyList.customContextMenuRequested.emit(rect.center())
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert len(menus) == 1
    action = next(a for a in menus[0].actions() if a.objectName() == "againAction")
    assert action.isEnabled() and action.text() == wording.again_new_seed()

    def choose() -> None:
        menus[0].setActiveAction(action)
        qtbot.keyClick(menus[0], Qt.Key.Key_Return)

    third = next_job(window, qtbot, choose)
    once_more = server_view(window, run, third)
    assert once_more.prompt == PROMPT and once_more.generation_config_name == QUICK_MODEL
    assert once_more.seed not in (FIRST_SEED, again.seed)
