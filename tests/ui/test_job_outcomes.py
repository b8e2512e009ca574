"""How the window presents a job's outcomes: failure with the server's reason
and Retry, a refused token, no credits, cancelling (after explaining), and a
finished video opening by itself only when nothing else is playing. The
engine is a stand-in here; the real engine is covered by test_window_flow."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from app.api.models import GenerationRequest
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.store.history import AsyncHistoryStore, HistoryStore, JobRecord
from app.store.settings import load_settings
from app.ui.main_window import MainWindow
from tests.support.media import make_test_video
from tests.ui.conftest import click_message_button, close_window, message_box, wait_for
from tests.ui.fakes import FakeEngine, fake_session_factory

REQUEST = GenerationRequest(
    prompt="A comet over the desert", generation_config_name="fake/t2v", duration=5, seed=7
)


@pytest.fixture
def window(
    ui_env: Path, qloop: qasync.QEventLoop, qtbot: QtBot, run: Callable[..., object]
) -> Iterator[MainWindow]:
    with HistoryStore() as store:
        store.insert(
            JobRecord(
                job_id="old",
                prompt=REQUEST.prompt,
                model="fake/t2v",
                request_json=REQUEST.model_dump_json(),
                state="processing",
            )
        )
    history = AsyncHistoryStore()
    win = MainWindow(history, load_settings(), session_factory=fake_session_factory)
    win.show()
    win.spawn(win.start())
    wait_for(qtbot, lambda: win.form.models, 10, "the catalogue")
    yield win
    close_window(win, history, run)


def engine_of(window: MainWindow) -> FakeEngine:
    session = window.connection.session
    assert session is not None
    manager = session.manager
    assert isinstance(manager, FakeEngine)
    return manager


def test_a_failed_job_shows_the_reason_and_retry_sends_it_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    engine = engine_of(window)
    engine.emit(JobUpdate(job_id="old", state=JobState.PROCESSING, progress=0.3))
    wait_for(qtbot, lambda: window.progress.card("old") is not None, 5, "the card")
    engine.emit(
        JobUpdate(
            job_id="old",
            state=JobState.FAILED,
            progress=0.3,
            server_message="Out of GPU memory",
            error_kind=ErrorKind.RENDER,
        )
    )
    card = window.progress.card("old")
    assert card is not None
    assert "Out of GPU memory" in card.statusLabel.text()
    assert card.retryButton.isVisibleTo(card)

    card.retryButton.click()
    wait_for(qtbot, lambda: engine.submitted, 5, "the new submission")
    new_id, request, image = engine.submitted[0]
    assert request == REQUEST and image is None
    wait_for(qtbot, lambda: window.progress.card("old") is None, 5, "the old card to go")
    assert window.progress.card(new_id) is not None


def test_failures_say_what_to_do_next(window: MainWindow, qtbot: QtBot) -> None:
    engine = engine_of(window)
    engine.emit(JobUpdate(job_id="old", state=JobState.PROCESSING))
    engine.emit(JobUpdate(job_id="old", state=JobState.FAILED, error_kind=ErrorKind.CREDITS))
    card = window.progress.card("old")
    assert card is not None and "Top up" in card.statusLabel.text()

    engine.emit(JobUpdate(job_id="other", state=JobState.QUEUED))
    engine.emit(JobUpdate(job_id="other", state=JobState.FAILED, error_kind=ErrorKind.AUTH))
    wait_for(
        qtbot,
        lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(),
        5,
        "the settings prompt",
    )


def test_cancel_explains_first(window: MainWindow, qtbot: QtBot) -> None:
    engine = engine_of(window)
    engine.emit(JobUpdate(job_id="old", state=JobState.PROCESSING, progress=0.5))
    wait_for(qtbot, lambda: window.progress.card("old") is not None, 5, "the card")
    card = window.progress.card("old")
    assert card is not None
    card.checkNowButton.click()
    assert engine.checked == ["old"]
    card.cancelButton.click()
    wait_for(qtbot, lambda: message_box(window) is not None, 5, "the explanation")
    box = message_box(window)
    assert box is not None
    assert "may" in box.informativeText() and "finish" in box.informativeText()
    click_message_button(window, qtbot, "Stop following")
    wait_for(qtbot, lambda: engine.cancelled == ["old"], 5, "the cancel")
    wait_for(qtbot, lambda: window.progress.card("old") is None, 5, "the card to go")


def test_a_finished_video_opens_by_itself_only_when_nothing_plays(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = engine_of(window)
    first = make_test_video(tmp_path / "first.mp4")
    second = make_test_video(tmp_path / "second.mp4")
    engine.emit(
        JobUpdate(
            job_id="a",
            state=JobState.COMPLETED,
            progress=1.0,
            path=str(first),
            url="https://cdn.example/first.mp4",
        )
    )
    assert window.player.path == first
    assert window.player.video is not None
    assert window.player.video.url == "https://cdn.example/first.mp4"
    wait_for(qtbot, window.player.is_playing, 10, "the first video to play")
    engine.emit(JobUpdate(job_id="b", state=JobState.COMPLETED, progress=1.0, path=str(second)))
    assert window.player.path == first  # the playing video is not interrupted
    assert window.player.newVideoStrip.isVisible()  # but the new one is announced
    wait_for(qtbot, lambda: window.historyPanel.records() != [], 5, "history refresh")
