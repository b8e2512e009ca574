"""The main path against the real built-in renderer: prompt → Generate → live
progress → the downloaded file plays; and history survives a reopened window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.store.history import JobRecord
from app.ui.main_window import MainWindow
from tests.conftest import LocalServer, start_local_server
from tests.ui.conftest import close_window, wait_for

QUICK_MODEL = "local/quick-t2v"


def wait_ready(window: MainWindow, qtbot: QtBot) -> None:
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")


def own_jobs(window: MainWindow) -> list[JobRecord]:
    """The history rows of jobs made in this app (the shared renderer's library,
    other tests' renders, is imported beside them as account videos)."""
    return [r for r in window.historyPanel.records() if r.origin == "local"]


def fill_form(window: MainWindow, qtbot: QtBot, prompt: str, seconds: int = 2) -> None:
    form = window.form
    form.modelCombo.setCurrentIndex(form.modelCombo.findData(QUICK_MODEL))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(seconds))
    form.aspectCombo.setCurrentIndex(form.aspectCombo.findData("854x480"))
    qtbot.keyClicks(form.promptEdit, prompt)


def test_generate_shows_progress_and_plays_the_downloaded_file(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot, ui_env: Path
) -> None:
    window = make_window(local_server.url, local_server.token)
    assert window.windowTitle() == "Framecast"
    wait_ready(window, qtbot)
    assert window.form.promptEdit.hasFocus() or window.focusWidget() is window.form.promptEdit
    assert not window.form.generateButton.isEnabled()  # no prompt yet

    fill_form(window, qtbot, "A red kite over green hills")
    assert window.form.generateButton.isEnabled()
    updates: list[JobUpdate] = []
    bar_values: list[int] = []

    def seen(update: JobUpdate) -> None:
        updates.append(update)
        card = window.progress.card(update.job_id)
        if card is not None:
            bar_values.append(card.progressBar.value())

    window.jobs.updated.connect(seen)
    qtbot.mouseClick(window.form.generateButton, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: bool(window.progress.cards()) or any(u.state.is_terminal for u in updates),
        timeout=15_000,
    )
    wait_for(
        qtbot,
        lambda: window.player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        90,
        "playback",
    )

    final = updates[-1]
    assert final.state is JobState.COMPLETED
    progress = [u.progress for u in updates if u.progress is not None]
    assert progress == sorted(progress), "progress went backwards"
    assert any(0 < p < 1 for p in progress), f"no intermediate progress in {progress}"
    assert any(0 < v < 1000 for v in bar_values), f"the bar never moved: {bar_values}"
    # The player plays the downloaded local file, never the remote URL.
    assert window.player.path is not None and window.player.path.is_file()
    assert window.player.player.source().isLocalFile()
    assert final.path is not None and Path(final.path) == window.player.path
    assert not window.progress.cards()  # the finished card made way for the player
    qtbot.waitUntil(lambda: [r.state for r in own_jobs(window)] == ["completed"], timeout=10_000)


def test_history_survives_closing_and_reopening_the_window(
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
    run: Callable[..., object],
) -> None:
    first = make_window(local_server.url, local_server.token)
    wait_ready(first, qtbot)
    fill_form(first, qtbot, "Paper boats on a rainy street", seconds=1)
    with qtbot.waitSignal(first.jobs.finished, timeout=90_000) as finished:
        first.form.generateButton.click()
    done: JobUpdate = finished.args[0]
    assert done.state is JobState.COMPLETED
    close_window(first, first.history, run)

    second = make_window(local_server.url, local_server.token)
    qtbot.waitUntil(lambda: len(own_jobs(second)) == 1, timeout=10_000)
    record = own_jobs(second)[0]
    assert record.prompt == "Paper boats on a rainy street"
    assert record.state == "completed"
    assert record.local_path and Path(record.local_path).is_file()

    # Clicking the row plays it; "Use these settings" refills the form.
    wait_ready(second, qtbot)
    second.historyPanel.select(second.historyPanel.records().index(record))
    second.historyPanel.playRequested.emit(record)
    qtbot.waitUntil(lambda: second.player.path == Path(record.local_path or ""), timeout=10_000)
    second.historyPanel.reuseButton.click()
    assert second.form.prompt() == "Paper boats on a rainy street"
    assert second.form.durationCombo.currentData() == 1
    assert second.form.current_model() is not None
    assert second.form.current_model().name == QUICK_MODEL  # type: ignore[union-attr]


def test_a_job_still_rendering_at_close_resumes_with_live_progress(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    run: Callable[..., object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "4")  # a render slow enough
    server = start_local_server(tmp_path / "slow-server")
    try:
        first = make_window(server.url, server.token)
        wait_ready(first, qtbot)
        fill_form(first, qtbot, "Fireflies over a quiet pond", seconds=1)
        first.form.generateButton.click()
        wait_for(
            qtbot,
            lambda: any(
                c.last_update is not None and c.last_update.state is JobState.PROCESSING
                for c in first.progress.cards()
            ),
            30,
            "rendering",
        )
        job_id = first.progress.cards()[0].job_id
        close_window(first, first.history, run)  # mid-render: the job stays resumable

        second = make_window(server.url, server.token)
        wait_for(
            qtbot, lambda: second.progress.card(job_id) is not None, 30, "the resumed job's card"
        )
        card = second.progress.card(job_id)
        assert card is not None
        assert card.titleLabel.full_text() == "Fireflies over a quiet pond"
        with qtbot.waitSignal(second.jobs.finished, timeout=60_000) as finished:
            pass
        assert finished.args[0].job_id == job_id
        assert finished.args[0].state is JobState.COMPLETED
        wait_for(qtbot, second.player.is_playing, 20, "the resumed video to play")
    finally:
        server.stop()


def test_image_to_video_uploads_the_picture_and_finishes(
    make_window: Callable[..., MainWindow], local_server: LocalServer, qtbot: QtBot, tmp_path: Path
) -> None:
    from PIL import Image

    picture = tmp_path / "lake.png"
    Image.new("RGB", (640, 360), (30, 90, 160)).save(picture)
    window = make_window(local_server.url, local_server.token)
    wait_ready(window, qtbot)
    form = window.form
    form.modelCombo.setCurrentIndex(form.modelCombo.findData("local/animate-i2v"))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(2))
    form.aspectCombo.setCurrentIndex(form.aspectCombo.findData("854x480"))
    qtbot.keyClicks(form.promptEdit, "Ripples spreading across a lake")
    assert not form.generateButton.isEnabled()  # the picture is still missing
    form.imageZone.set_image(picture)
    wait_for(qtbot, form.generateButton.isEnabled, 10, "the checked picture")
    with qtbot.waitSignal(window.jobs.finished, timeout=90_000) as finished:
        form.generateButton.click()
    done: JobUpdate = finished.args[0]
    assert done.state is JobState.COMPLETED, done.error_kind
    assert done.path is not None and Path(done.path).is_file()
