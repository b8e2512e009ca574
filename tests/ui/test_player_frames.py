"""Frames out of the player (issue 14): Save frame writes the frame showing,
decoded from the file at full size, into Pictures under a name not yet taken;
Continue from last frame sets up an image-to-video job with the clip's final
frame, which the built-in renderer receives when the creator presses
Generate; In and Out points on the seek bar, by button and by key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.media import last_frame
from app.store.history import JobRecord
from app.ui import wording
from app.ui.main_window import MainWindow
from app.ui.models.video import Video
from app.ui.player import PlayerView
from app.ui.seek_marks import Marks
from tests.conftest import LocalServer
from tests.support.media import ClipSpec, make_numbered_video, read_frame_number
from tests.ui.conftest import wait_for

CLIP = ClipSpec(frames=48, fps=24, width=320, height=192, bframes=2)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of this test's own: Pictures and Videos are inside it."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def loaded_player(qtbot: QtBot, clip: Path, title: str) -> PlayerView:
    player = PlayerView()
    qtbot.addWidget(player)
    player.resize(900, 600)
    player.show()
    player.load(clip, title=title)
    wait_for(qtbot, lambda: player.player.duration() > 0, 10, "the clip to load")
    return player


def seek_to(qtbot: QtBot, player: PlayerView, ms: int) -> None:
    player.player.pause()
    player.player.setPosition(ms)
    wait_for(qtbot, lambda: player.player.position() == ms, 10, f"position {ms}")


def test_save_frame_writes_the_frame_showing_at_full_size_and_never_overwrites(
    qtbot: QtBot, tmp_path: Path, home: Path
) -> None:
    clip = make_numbered_video(tmp_path / "clip.mp4", CLIP)
    player = loaded_player(qtbot, clip, "Paper boats on a rainy street")
    seek_to(qtbot, player, 1000)

    player.saveFrameButton.click()
    wait_for(qtbot, player.noteLabel.isVisible, 15, "the saved note")
    pictures = home / "Pictures"
    saved = sorted(pictures.glob("*.png"))
    assert len(saved) == 1
    first = saved[0]
    assert first.name.startswith("Paper boats on a rainy street ")
    with Image.open(first) as image:
        assert image.size == (CLIP.width, CLIP.height)  # the file's size, not the screen's
        assert read_frame_number(image) == 24  # the frame showing at 1.000 s at 24 fps
    assert player.noteLabel.full_text() == wording.frame_saved_to(first)
    assert player.noteButton.isVisible()  # Show in folder, for that file
    first_bytes = first.read_bytes()

    # The same frame again: a second file beside it, the first untouched.
    wait_for(qtbot, player.saveFrameButton.isEnabled, 5, "Save frame again")
    player.saveFrameButton.click()
    second = first.with_name(f"{first.stem} (2).png")
    wait_for(
        qtbot,
        lambda: player.noteLabel.full_text() == wording.frame_saved_to(second),
        15,
        "the second frame",
    )
    assert sorted(p.name for p in pictures.iterdir()) == sorted([first.name, second.name])
    assert first.read_bytes() == first_bytes


def test_save_frame_into_a_folder_that_refuses_says_so_in_words(
    qtbot: QtBot, tmp_path: Path, home: Path
) -> None:
    clip = make_numbered_video(tmp_path / "clip.mp4", CLIP)
    (home / "Pictures").write_text("a file where the folder should be")
    player = loaded_player(qtbot, clip, "A kite")
    player.saveFrameButton.click()
    wait_for(qtbot, player.noteLabel.isVisible, 15, "the note")
    text = player.noteLabel.full_text()
    assert text.startswith(wording.frame_not_saved(None).split(":")[0])
    assert "Traceback" not in text and "Errno" not in text
    assert player.noteLabel.property("problem") is True
    assert not player.noteButton.isVisible()


def test_in_and_out_points_by_button_and_key_are_drawn_and_cleared(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clip = make_numbered_video(tmp_path / "clip.mp4", CLIP)
    player = loaded_player(qtbot, clip, "Marks")
    assert not player.clearMarksButton.isVisible()
    seek_to(qtbot, player, 500)
    player.markInButton.click()
    seek_to(qtbot, player, 1500)
    player.seekSlider.setFocus()
    qtbot.keyClick(player.seekSlider, Qt.Key.Key_O)
    assert player.marks() == Marks(500, 1500)
    assert player.seekSlider.marks == Marks(500, 1500)  # what the bar draws
    assert player.export_span() == (0.5, 1.5)
    assert player.clearMarksButton.isVisible()

    # An In point after the Out point drops the Out point: never a reversed range.
    seek_to(qtbot, player, 1800)
    qtbot.keyClick(player.seekSlider, Qt.Key.Key_I)
    assert player.marks() == Marks(1800, None)
    assert player.export_span() == (1.8, 2.0)

    qtbot.keyClick(player.seekSlider, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert player.marks() == Marks()
    assert player.export_span() == (0.0, 2.0)
    assert not player.clearMarksButton.isVisible()

    # Points belong to the video they were set on.
    player.mark_in()
    player.load(clip, title="Again")
    assert player.marks() == Marks()


def test_marks_keep_a_range_in_order() -> None:
    assert Marks().with_in(300).with_out(900) == Marks(300, 900)
    assert Marks(300, 900).with_out(200) == Marks(None, 200)
    assert Marks(300, 900).with_in(950) == Marks(950, None)
    assert Marks(300, 900).span(600) == (300, 600)
    assert Marks(None, 400).span(1000) == (0, 400)


def _get(server: LocalServer, path: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.token}"}
    response = httpx.get(f"{server.url}/api/v1/{path}", headers=headers, timeout=10)
    response.raise_for_status()
    return response


def _source_sent(server: LocalServer, record: JobRecord) -> bytes:
    """The picture the built-in renderer received as the job's source."""
    video = _get(server, f"file/{record.file_id}").json()
    references = video["video_generation"]["references"]
    source_ids = [r["reference_id"] for r in references if r.get("type", "source") == "source"]
    assert len(source_ids) == 1, references
    image = _get(server, f"file/{source_ids[0]}").json()
    assert image["type"] == "image"
    return httpx.get(image["url"], timeout=10).content


def test_continue_from_last_frame_starts_an_image_to_video_job_with_that_frame(
    make_window: Callable[..., MainWindow],
    local_server: LocalServer,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    clip = make_numbered_video(tmp_path / "clip.mp4", CLIP)
    prompt = "A paper boat drifting down a gutter"
    window = make_window(local_server.url, local_server.token)
    wait_for(qtbot, lambda: window.form.models, 60, "the catalogue")
    form = window.form
    assert form.current_model() is not None and not form.current_model().needs_image
    window.player.play_video(Video(clip, title=prompt))
    wait_for(qtbot, window.player.continueButton.isEnabled, 10, "the loaded video")

    submitted: list[str] = []
    window.jobs.jobAdded.connect(lambda job: submitted.append(str(job)))
    window.player.continueButton.click()
    wait_for(qtbot, lambda: form.imageZone.image_path is not None, 20, "the last frame")
    model = form.current_model()
    assert model is not None and model.needs_image and model.name == "local/animate-i2v"
    image = form.imageZone.image_path
    assert image is not None
    with Image.open(image) as frame:
        assert frame.size == (CLIP.width, CLIP.height)
        assert read_frame_number(frame) == CLIP.frames - 1  # the clip's final frame
        assert frame.convert("RGB").tobytes() == last_frame(clip).tobytes()
    assert form.prompt() == prompt
    assert form.promptEdit.hasFocus()
    assert window.banner.isVisible()
    assert submitted == []  # nothing is sent until the creator presses Generate

    form.durationCombo.setCurrentIndex(form.durationCombo.findData(2))
    form.aspectCombo.setCurrentIndex(form.aspectCombo.findData("854x480"))
    wait_for(qtbot, form.generateButton.isEnabled, 10, "the checked picture")
    with qtbot.waitSignal(window.jobs.finished, timeout=90_000) as finished:
        qtbot.mouseClick(form.generateButton, Qt.MouseButton.LeftButton)
    done: JobUpdate = finished.args[0]
    assert done.state is JobState.COMPLETED, done.error_kind

    def finished_record() -> JobRecord | None:
        rows = [r for r in window.historyPanel.records() if r.job_id == done.job_id]
        return rows[0] if rows and rows[0].file_id and rows[0].is_finished else None

    wait_for(qtbot, finished_record, 10, "the job's history row")
    record = finished_record()
    assert record is not None
    assert record.source_image == str(image)
    assert json.loads(record.request_json)["generation_config_name"] == "local/animate-i2v"
    assert _source_sent(local_server, record) == image.read_bytes()
    wait_for(
        qtbot,
        lambda: window.player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        30,
        "the continued video to play",
    )


def test_continue_without_an_image_model_says_so_plainly(
    qtbot: QtBot, run: Callable[..., object], tmp_path: Path, ui_env: Path
) -> None:
    from tests.ui.creator import fake_window

    clip = make_numbered_video(tmp_path / "clip.mp4", CLIP)
    with fake_window(qtbot, run) as window:
        assert not any(m.needs_image for m in window.form.models)  # text to video only
        before = window.form.prompt()
        window.player.play_video(Video(clip, title="A kite"))
        window.player.continueButton.click()
        wait_for(qtbot, window.banner.isVisible, 20, "the banner")
        assert window.banner.text() == wording.no_image_model()
        assert window.form.prompt() == before  # the form is left as it was
