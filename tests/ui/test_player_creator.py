"""The player as a creator meets it (issue 11): a new video never goes unnoticed,
the seek bar is a bar that seeks where clicked, Space and Enter act on the
focused button, Save as… and Copy link give something that lasts and say so,
a deleted video leaves the player, and the Cancel question and About box."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.store import paths
from app.store.history import HistoryStore, JobRecord
from app.ui import wording
from app.ui.models.jobs import Waiting
from app.ui.models.video import Video
from app.ui.player import (
    SEEK_MIN_WIDTH,
    TITLE_MIN_WIDTH,
    shareable_link,
    suggested_file_name,
    videos_folder,
)
from app.ui.window_state import WindowState
from tests.ui.conftest import click_message_button, message_box, wait_for
from tests.ui.creator import (
    LANGUAGES,
    SIZES,
    engine_of,
    fake_window,
    fully_visible,
    settle,
    submit,
    text_fits,
    video_file,
)

Run = Callable[..., object]


def finish(window: object, job_id: str, path: Path, url: str | None = None) -> None:
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    engine_of(window).emit(
        JobUpdate(job_id=job_id, state=JobState.COMPLETED, progress=1.0, path=str(path), url=url)
    )


# ---------------------------------------------------------------------- 1. a new video


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_video_finishing_while_another_plays_is_announced_and_play_takes_over(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    first, second = video_file(tmp_path, "first.mp4"), video_file(tmp_path, "second.mp4")
    with fake_window(qtbot, run, size=size, language=language) as window:
        player = window.player
        job = submit(window, run, "Paper boats on a rainy street")
        finish(window, "a", first)
        wait_for(qtbot, player.is_playing, 10, "the first video to play")
        finish(window, job, second)

        assert player.path == first  # the playing video is not cut off...
        strip = player.newVideoStrip
        settle()
        assert fully_visible(strip.label, window)  # ...but the new one is announced
        assert strip.label.full_text() == wording.new_video_ready(1)
        assert strip.label.text() == strip.label.full_text()  # in full
        assert "Paper boats on a rainy street" in strip.label.toolTip()
        buttons = (strip.playButton, strip.alwaysButton, strip.closeButton)
        for button in buttons:
            assert fully_visible(button, window)
        for widget in (strip.label, *buttons):  # nothing on top of anything else
            others = [w for w in (strip.label, *buttons) if w is not widget]
            mine = QRect(widget.mapTo(strip, QPoint(0, 0)), widget.size())
            assert not any(
                mine.intersects(QRect(o.mapTo(strip, QPoint(0, 0)), o.size())) for o in others
            ), widget.objectName()

        strip.playButton.click()
        assert player.path == second and not strip.isVisible()
        wait_for(qtbot, player.is_playing, 10, "the new video to play")


def test_always_play_new_videos_is_remembered(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    videos = [video_file(tmp_path, f"v{i}.mp4") for i in range(3)]
    with fake_window(qtbot, run) as window:
        player = window.player
        assert not window.autoplayNewAction.isChecked()
        finish(window, "a", videos[0])
        wait_for(qtbot, player.is_playing, 10, "the first video to play")
        finish(window, "b", videos[1])
        player.newVideoStrip.alwaysButton.click()
        assert player.path == videos[1] and player.autoplay_new
        assert window.autoplayNewAction.isChecked()
        wait_for(qtbot, player.is_playing, 10, "the second video to play")
        finish(window, "c", videos[2])  # no question any more: it plays at once
        assert player.path == videos[2] and not player.newVideoStrip.isVisible()
    assert WindowState(paths.config_dir() / "window.ini").autoplay_new()
    with fake_window(qtbot, run) as again:
        assert again.player.autoplay_new and again.autoplayNewAction.isChecked()
        again.autoplayNewAction.trigger()  # the Playback menu turns it off again
        assert not again.player.autoplay_new
    assert not WindowState(paths.config_dir() / "window.ini").autoplay_new()


def test_the_empty_player_tells_the_truth_about_the_jobs(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run) as window:
        player = window.player
        assert player.waiting is Waiting.NOTHING
        job = submit(window, run, "A comet over the desert")
        assert player.waiting is Waiting.ON_ITS_WAY
        assert player.emptyTitle.text() == wording.empty_player(Waiting.ON_ITS_WAY)[0]
        engine_of(window).emit(
            JobUpdate(job_id=job, state=JobState.FAILED, server_message="no GPU", error_kind=None)
        )
        window.jobs.bridge.flush()
        # Every job failed: nothing is on its way any more.
        assert player.waiting is Waiting.FAILED
        assert player.emptyTitle.text() != wording.empty_player(Waiting.ON_ITS_WAY)[0]
        window.jobs.dismiss(job)
        assert player.waiting is Waiting.NOTHING


# ---------------------------------------------------------------------- 3. the seek bar


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seek_bar_keeps_its_room_and_a_click_seeks_there(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    video = video_file(tmp_path)
    with fake_window(qtbot, run, size=size, language=language) as window:
        player = window.player
        job = submit(window, run, "Paper boats drifting down a rainy street at night")
        finish(window, job, video)
        wait_for(qtbot, lambda: player.player.duration() > 0, 10, "the video's length")
        player.player.pause()
        for squeezed in (False, True):
            if squeezed:  # the creator widened both side panes as far as they go
                window.splitter.setSizes([5000, 0, 5000])
            settle()
            slider = player.seekSlider
            assert slider.width() >= SEEK_MIN_WIDTH, (squeezed, slider.width())
            if player.volumeSlider.isVisible():
                assert slider.width() > player.volumeSlider.width()
            for widget in (slider, player.playButton, player.timeLabel, player.muteButton):
                assert fully_visible(widget, window), widget.objectName()
            for button in (player.saveButton, player.folderButton, player.copyLinkButton):
                assert fully_visible(button, window), button.objectName()
            # The title is never squeezed to a few letters beside them.
            assert fully_visible(player.titleLabel, window)
            assert player.titleLabel.width() >= TITLE_MIN_WIDTH
            assert text_fits(player.titleLabel)

            duration = player.player.duration()
            qtbot.mouseClick(
                slider,
                Qt.MouseButton.LeftButton,
                pos=QPoint(slider.width() * 3 // 4, slider.height() // 2),
            )
            wait_for(
                qtbot,
                lambda d=duration: abs(player.player.position() - 0.75 * d) < 0.15 * d,
                5,
                "the jump to three quarters",
            )
            qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(4, slider.height() // 2))
            wait_for(
                qtbot,
                lambda d=duration: player.player.position() < 0.15 * d,
                5,
                "the jump back to the start",
            )


def test_the_keyboard_moves_the_video_from_the_seek_bar(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    with fake_window(qtbot, run) as window:
        player = window.player
        finish(window, "a", video_file(tmp_path))
        wait_for(qtbot, lambda: player.player.duration() > 0, 10, "the video's length")
        player.player.pause()
        player.seekSlider.setFocus()
        qtbot.keyClick(player.seekSlider, Qt.Key.Key_End)
        wait_for(
            qtbot,
            lambda: player.player.position() > 0.8 * player.player.duration(),
            5,
            "the jump to the end",
        )


# ---------------------------------------------------------------------- 4. Space and Enter


def test_space_presses_the_focused_button_and_plays_only_elsewhere(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    with fake_window(qtbot, run) as window:
        player = window.player
        finish(window, "a", video_file(tmp_path))
        wait_for(qtbot, player.is_playing, 10, "playback")

        # Space on a focused button (reached with Tab) presses it, and leaves playback alone.
        window.activateWindow()
        tab_to(qtbot, player.saveButton)
        qtbot.keyClick(player.saveButton, Qt.Key.Key_Space)
        wait_for(qtbot, lambda: _save_dialog(window) is not None, 5, "Save as… pressed by Space")
        dialog = _save_dialog(window)
        assert dialog is not None
        dialog.reject()
        assert player.is_playing()

        # Space on the seek bar (in the player) or with no control focused plays and pauses.
        player.seekSlider.setFocus()
        qtbot.keyClick(player.seekSlider, Qt.Key.Key_Space)
        wait_for(qtbot, lambda: not player.is_playing(), 5, "pause by Space")
        focused = QGuiApplication.focusObject()
        if focused is not None:
            player.setFocus()  # a widget that takes no keys of its own
        qtbot.keyClick(window, Qt.Key.Key_Space)
        wait_for(qtbot, player.is_playing, 5, "play by Space")

        # Typing a prompt keeps its spaces.
        window.form.promptEdit.setFocus()
        qtbot.keyClicks(window.form.promptEdit, "a b")
        assert window.form.prompt().endswith("a b") and player.is_playing()


def test_enter_on_the_focused_generate_button_sends_the_prompt(
    ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    with fake_window(qtbot, run) as window:
        form = window.form
        window.activateWindow()
        form.promptEdit.setFocus()
        qtbot.keyClicks(form.promptEdit, "A quiet harbour at dawn")
        wait_for(qtbot, form.generateButton.isEnabled, 5, "Generate enabled")
        tab_to(qtbot, form.generateButton)  # keyboard only: Tab along the form, then Enter
        qtbot.keyClick(form.generateButton, Qt.Key.Key_Return)
        wait_for(qtbot, lambda: engine_of(window).submitted, 5, "the job sent by Enter")
        assert engine_of(window).submitted[0][1].prompt == "A quiet harbour at dawn"


def tab_to(qtbot: QtBot, target: QWidget) -> None:
    """Press Tab until `target` has the focus, as a creator without a mouse does."""
    for _ in range(60):
        focus = QApplication.focusWidget()
        if focus is target:
            return
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {target.objectName()}")


def _save_dialog(window: object) -> QFileDialog | None:
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    dialogs = [d for d in window.findChildren(QFileDialog) if d.isVisible()]
    return dialogs[-1] if dialogs else None


# ---------------------------------------------------------------------- 13. file actions


def test_save_as_suggests_a_readable_name_in_videos_and_says_where_it_went(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Videos").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert videos_folder() == home / "Videos"
    video = video_file(tmp_path)
    target = tmp_path / "kept" / "my copy.mp4"
    target.parent.mkdir()
    with fake_window(qtbot, run) as window:
        player = window.player
        job = submit(window, run, "Paper boats drifting down a rainy street at night, neon!")
        finish(window, job, video)
        player.saveButton.click()
        dialog = _save_dialog(window)
        assert dialog is not None
        assert Path(dialog.directory().absolutePath()) == videos_folder().absolute()
        name = Path(dialog.selectedFiles()[0]).name
        today = date.today().isoformat()
        assert name == f"Paper boats drifting down a rainy street at {today}.mp4"
        dialog.selectFile(str(target))
        dialog.accept()
        wait_for(qtbot, target.is_file, 10, "the copy")
        assert target.read_bytes() == video.read_bytes()
        wait_for(qtbot, player.noteLabel.isVisible, 5, "the confirmation")
        assert player.noteLabel.full_text() == wording.saved_to(target)


def test_copy_link_copies_what_still_works_tomorrow_and_says_copied(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    video = video_file(tmp_path)
    clipboard = QGuiApplication.clipboard()
    with fake_window(qtbot, run) as window:
        player = window.player
        # The built-in renderer's link only works while it runs: the file is copied.
        finish(window, "a", video, url="http://127.0.0.1:41234/media/abc.mp4")
        assert player.copyLinkButton.isEnabled()
        player.copyLinkButton.click()
        assert clipboard.text() == str(video)
        assert player.noteLabel.isVisible()
        assert player.noteLabel.full_text() == wording.copied(str(video))
        # The service's own link is kept as it is.
        player.play_video(Video(video, None, "t", "https://cdn.example.com/v/abc.mp4"))
        player.copyLinkButton.click()
        assert clipboard.text() == "https://cdn.example.com/v/abc.mp4"


def test_file_names_and_links() -> None:
    day = date(2026, 3, 4)
    assert suggested_file_name("Кот в сапогах: идёт / бежит?", day) == (
        "Кот в сапогах идёт бежит 2026-03-04.mp4"
    )
    assert suggested_file_name("   ", day) == "Framecast video 2026-03-04.mp4"
    assert suggested_file_name("../../etc/passwd", day) == "etc passwd 2026-03-04.mp4"
    local = Path("/videos/a.mp4")
    for url in ("http://localhost:9/a.mp4", "http://[::1]:9/a", "http://127.0.0.2/a", None):
        assert shareable_link(Video(local, None, "", url)) == str(local)
    assert shareable_link(Video(local, None, "", "https://x.example/a")) == "https://x.example/a"


# ---------------------------------------------------------------------- 17. delete, Cancel, About


def test_deleting_the_playing_video_empties_the_player(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    video = video_file(tmp_path)
    with HistoryStore() as store:
        store.insert(
            JobRecord(
                job_id="done",
                prompt="A red kite",
                model="fake/t2v",
                state="completed",
                progress=1.0,
                local_path=str(video),
            )
        )
    with fake_window(qtbot, run) as window:
        window.historyModel.reload()
        wait_for(qtbot, lambda: window.historyPanel.records(), 5, "the history row")
        record = window.historyPanel.records()[0]
        window.historyPanel.playRequested.emit(record)
        wait_for(qtbot, window.player.is_playing, 10, "the history video to play")
        window.historyPanel.deleteRequested.emit(record)
        click_message_button(window, qtbot, "Delete")
        wait_for(qtbot, lambda: window.player.path is None, 5, "the player to let go")
        assert window.player.emptyState.isVisible()
        assert window.player.emptyTitle.text() == wording.empty_player(Waiting.NOTHING)[0]
        assert not window.player.saveButton.isEnabled()
        wait_for(qtbot, lambda: not video.exists(), 5, "the file to go")


@pytest.mark.parametrize(("backend", "charges"), [(None, False), ("http://127.0.0.1:9", True)])
def test_the_cancel_question_fits_the_backend_and_goes_when_the_job_ends(
    ui_env: Path, qtbot: QtBot, run: Run, tmp_path: Path, backend: str | None, charges: bool
) -> None:
    with fake_window(qtbot, run, backend=backend) as window:
        job = submit(window, run, "A comet over the desert")
        card = window.progress.card(job)
        assert card is not None
        card.cancelButton.click()
        wait_for(qtbot, lambda: message_box(window) is not None, 5, "the question")
        box = message_box(window)
        assert box is not None
        assert ("charge" in box.informativeText()) is charges
        finish(window, job, video_file(tmp_path))  # it finished while the box was open
        wait_for(qtbot, lambda: message_box(window) is None, 5, "the question to go")
        assert engine_of(window).cancelled == []  # closing it answered no


def test_about_is_readable_and_shows_the_app_icon(ui_env: Path, qtbot: QtBot, run: Run) -> None:
    with fake_window(qtbot, run, language="ru") as window:
        window.aboutAction.trigger()
        dialogs = [d for d in window.findChildren(QDialog, "aboutDialog") if d.isVisible()]
        assert dialogs
        about = dialogs[0]
        logo = about.findChild(QLabel, "aboutLogo")
        assert logo is not None and not logo.pixmap().isNull()
        assert logo.pixmap().width() >= 64
        assert not about.windowIcon().isNull()
        text = about.findChild(QLabel, "aboutText")
        assert text is not None and text.text() == wording.about_text()
        # Wide enough for a line of words, not a narrow column.
        assert text.width() >= 320 and text.height() < 6 * text.fontMetrics().height()
        about.reject()
