"""The compare view (issue 14): two videos side by side on one timeline.
Play, pause, seek and loop reach both players; a follower that drifts is
put back; each video's prompt and settings are listed under it; closing
lets go of both files; the player's Compare… opens it from the history."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from app.store.history import HistoryStore, JobRecord
from app.ui import wording
from app.ui.compare_view import DRIFT_MS, CompareItem, CompareView, compare_items_for
from app.ui.models.video import Video
from app.ui.seek_marks import x_of
from tests.support.media import ClipSpec, make_numbered_video
from tests.ui.conftest import wait_for
from tests.ui.creator import fake_window

Playing = QMediaPlayer.PlaybackState.PlayingState
Paused = QMediaPlayer.PlaybackState.PausedState
#: Two frames of slack on top of the drift allowed: positions are read a moment apart.
NEAR_MS = DRIFT_MS + 84


def clip(tmp_path: Path, name: str, seconds: int = 3) -> Path:
    spec = ClipSpec(frames=24 * seconds, fps=24, width=320, height=192, bframes=0)
    return make_numbered_video(tmp_path / name, spec)


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> CompareView:
    items = [
        CompareItem(
            "a", clip(tmp_path, "a.mp4"), "A red kite over green hills", "Sketch", 3, 42, "320×192"
        ),
        CompareItem(
            "b", clip(tmp_path, "b.mp4"), "A blue kite over the sea", "Wave", 3, 43, "320×192"
        ),
    ]
    compare = CompareView(items, "a", "b")
    qtbot.addWidget(compare)
    compare.show()
    players = compare.sync.players
    wait_for(qtbot, lambda: all(p.duration() > 0 for p in players), 10, "both videos")
    return compare


def states(view: CompareView) -> list[QMediaPlayer.PlaybackState]:
    return [p.playbackState() for p in view.sync.players]


def apart(view: CompareView) -> int:
    left, right = view.sync.players
    return abs(left.position() - right.position())


def test_each_video_is_listed_with_its_prompt_and_settings(view: CompareView) -> None:
    assert view.left.promptLabel.text() == "A red kite over green hills"
    assert view.right.promptLabel.text() == "A blue kite over the sea"
    assert view.left.detailsLabel.full_text() == wording.compare_details("Sketch", 3, 42, "320×192")
    assert "seed 43" in view.right.detailsLabel.full_text()
    assert view.left.chooser.currentData() == "a" and view.right.chooser.currentData() == "b"


def test_play_pause_and_seek_reach_both_players(qtbot: QtBot, view: CompareView) -> None:
    qtbot.mouseClick(view.playButton, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: states(view) == [Playing, Playing], 10, "both to play")
    wait_for(qtbot, lambda: view.sync.position() > 600, 10, "the timeline to run")
    assert all(p.position() > 300 for p in view.sync.players)  # both really run
    assert apart(view) <= NEAR_MS

    qtbot.mouseClick(view.playButton, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: states(view) == [Paused, Paused], 10, "both to pause")
    wait_for(qtbot, lambda: apart(view) <= 42, 10, "the follower on the leader's frame")

    # A click on the bar seeks both (a click jumps there, as in the player).
    slider = view.seekSlider
    target = 2000
    point = QPoint(round(x_of(slider, target)), slider.height() // 2)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=point)
    wait_for(
        qtbot,
        lambda: all(abs(p.position() - target) <= 100 for p in view.sync.players),
        10,
        "both at the point clicked",
    )
    assert states(view) == [Paused, Paused]


def test_a_follower_that_drifts_is_put_back(qtbot: QtBot, view: CompareView) -> None:
    view.sync.play()
    wait_for(qtbot, lambda: states(view) == [Playing, Playing], 10, "both to play")
    follower = view.sync.followers()[0]
    follower.setPosition(follower.position() + 1000)  # a second ahead
    wait_for(qtbot, lambda: view.sync.corrections >= 1, 10, "a correction")
    wait_for(qtbot, lambda: apart(view) <= NEAR_MS, 10, "the follower back in step")


def test_loop_drives_both(qtbot: QtBot, view: CompareView) -> None:
    leader, follower = view.sync.leader, view.sync.followers()[0]
    assert leader.loops() == QMediaPlayer.Loops.Infinite
    assert follower.loops() == QMediaPlayer.Loops.Once  # it restarts with the timeline
    view.loopButton.click()
    assert leader.loops() == QMediaPlayer.Loops.Once
    # Without loop the timeline ends and both stop there.
    view.sync.seek(2600)
    view.sync.play()
    wait_for(qtbot, lambda: not view.sync.is_playing(), 10, "the end of the timeline")
    assert Playing not in states(view)
    # With loop both run on past the end, from the start again.
    view.loopButton.click()
    assert leader.loops() == QMediaPlayer.Loops.Infinite
    view.sync.seek(2700)
    view.sync.play()
    wait_for(qtbot, lambda: 0 < view.sync.position() < 1500, 10, "the timeline to wrap")
    wait_for(qtbot, lambda: states(view) == [Playing, Playing], 10, "both to run again")
    wait_for(qtbot, lambda: apart(view) <= NEAR_MS, 10, "both in step after the loop")


def test_closing_lets_go_of_both_files(qtbot: QtBot, view: CompareView) -> None:
    view.sync.play()
    wait_for(qtbot, lambda: states(view) == [Playing, Playing], 10, "both to play")
    view.close()
    assert all(p.source().isEmpty() for p in view.sync.players)
    assert Playing not in states(view)


def test_a_shorter_follower_holds_its_last_frame(qtbot: QtBot, tmp_path: Path) -> None:
    items = [
        CompareItem("short", clip(tmp_path, "short.mp4", 1), "Short"),
        CompareItem("long", clip(tmp_path, "long.mp4", 3), "Long"),
    ]
    compare = CompareView(items, "short", "long")
    qtbot.addWidget(compare)
    compare.show()
    wait_for(qtbot, lambda: compare.sync.duration() > 2500, 10, "the longer video to lead")
    assert compare.sync.leader is compare.right.player  # the timeline is the longer one
    compare.sync.play()
    wait_for(qtbot, lambda: compare.sync.position() > 1600, 10, "past the short one's end")
    assert compare.left.player.playbackState() != Playing
    assert compare.sync.is_playing()
    compare.close()


def test_the_player_compares_what_it_plays_with_the_newest_other_video(
    ui_env: Path, qtbot: QtBot, run: Callable[..., object], tmp_path: Path
) -> None:
    first, second = clip(tmp_path, "first.mp4"), clip(tmp_path, "second.mp4")
    request = {
        "prompt": "x",
        "generation_config_name": "fake/t2v",
        "duration": 5,
        "seed": 7,
        "width": 1280,
        "height": 720,
        "aspect_ratio": "16:9",
    }
    with HistoryStore() as store:
        for job_id, path, prompt in (("one", first, "A red kite"), ("two", second, "A blue kite")):
            store.insert(
                JobRecord(
                    job_id=job_id,
                    prompt=prompt,
                    model="fake/t2v",
                    request_json=json.dumps({**request, "prompt": prompt}),
                    state="completed",
                    progress=1.0,
                    local_path=str(path),
                )
            )
    with fake_window(qtbot, run) as window:
        window.historyModel.reload()
        wait_for(qtbot, lambda: len(window.historyPanel.records()) == 2, 5, "the history rows")
        window.player.play_video(Video(first, title="A red kite"))
        wait_for(qtbot, window.player.compareButton.isEnabled, 5, "Compare…")
        window.player.compareButton.click()
        compare = window.compare_view
        assert compare is not None and compare.isVisible()
        assert not window.player.is_playing()  # the main player makes way
        assert compare.left.item is not None and compare.left.item.path == first
        assert compare.right.item is not None and compare.right.item.path == second
        assert "seed 7" in compare.right.detailsLabel.full_text()
        assert "1280×720" in compare.right.detailsLabel.full_text()

        # Another video chosen on the right: the one on the left. (Each is let to
        # open first: a file replaced while FFmpeg opens it makes Qt warn.)
        players = compare.sync.players
        wait_for(qtbot, lambda: all(p.duration() > 0 for p in players), 10, "both videos")
        compare.right.chooser.setCurrentIndex(compare.right.chooser.findData("one"))
        compare.right.chooser.activated.emit(compare.right.chooser.currentIndex())
        assert compare.right.item is not None and compare.right.item.path == first
        loaded = QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia
        wait_for(qtbot, lambda: compare.right.player.mediaStatus() in loaded, 10, "the choice")

        # A video deleted from the history is let go of at once.
        window.historyModel.videoDeleting.emit(first)
        assert compare.left.player.source().isEmpty()
        compare.close()
        wait_for(qtbot, lambda: window.compare_view is None, 5, "the view to go")


def test_compare_needs_two_videos(tmp_path: Path) -> None:
    only = CompareItem("a", tmp_path / "a.mp4", "A")
    assert compare_items_for(None, [only]) is None
    assert compare_items_for(Video(tmp_path / "a.mp4"), [only]) is None
    other = CompareItem("b", tmp_path / "b.mp4", "B")
    chosen = compare_items_for(Video(tmp_path / "b.mp4"), [only, other])
    assert chosen is not None and chosen[1:] == ("b", "a")
