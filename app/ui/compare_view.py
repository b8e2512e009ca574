"""The compare view: two videos side by side, playing in step on one timeline.

`CompareView` (a window of its own) shows two finished videos, each chosen
from a list of the history's ready videos, with its prompt and settings
(model, duration, seed, size) under it. One play/pause button, one seek bar
and one loop toggle drive both through `SyncedPlayers`:

- the timeline is the longer video's (the leader); the other follows it;
- play, pause and seek reach both players at once; a follower that has
  reached its own end holds its last frame until the timeline comes back;
- only the leader loops; a follower is restarted when the timeline wraps;
- while playing, a timer compares positions and moves a follower that has
  drifted more than two frames (`DRIFT_MS`) back onto the leader, then
  leaves it alone for a moment (`SETTLE_MS`) while that seek lands.

Only the left video's sound plays (two soundtracks at once are noise).
Closing the view stops both players and lets go of their files; a video
deleted meanwhile is let go of at once (`release`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.engine.updates import JobState
from app.store.history import JobRecord
from app.ui import wording
from app.ui.elided_label import ElidedLabel, plain_tooltip
from app.ui.icons import icon
from app.ui.models.history import saved_request
from app.ui.models.problems import SettingsNotFound
from app.ui.models.video import Video
from app.ui.player import ICON_COLOR, SeekSlider

log = logging.getLogger("framecast.ui")

#: A follower further than this from the leader is moved (two frames at 24 fps).
DRIFT_MS = 84
#: After moving a follower, how long its seek may take to land before the next check.
SETTLE_MS = 400
#: How often positions are compared while playing.
SYNC_MS = 100
CHOOSER_CHARS = 70
PROMPT_LINES = 3


@dataclass(frozen=True)
class CompareItem:
    """One video a compare view can show, with what it was made with."""

    key: str
    path: Path
    prompt: str
    model: str = ""
    seconds: int | None = None
    seed: int | None = None
    size: str = ""

    def details(self) -> str:
        return wording.compare_details(self.model, self.seconds, self.seed, self.size)


def compare_item(record: JobRecord, model_label: Callable[[str | None], str]) -> CompareItem:
    """A history row as a compare view shows it (settings it lacks are left out)."""
    assert record.local_path is not None
    try:
        request = saved_request(record)
        seconds, seed = request.duration, request.seed
        size = f"{request.width}×{request.height}"
    except SettingsNotFound:
        seconds, seed, size = None, None, ""
    return CompareItem(
        record.job_id,
        Path(record.local_path),
        record.prompt,
        model_label(record.model) if record.model else "",
        seconds,
        seed,
        size,
    )


def comparable(
    records: Iterable[JobRecord], model_label: Callable[[str | None], str]
) -> list[CompareItem]:
    """The history's finished videos that are on this computer, newest first."""
    return [
        compare_item(r, model_label)
        for r in records
        if r.state == JobState.COMPLETED and r.local_path
    ]


def compare_items_for(
    current: Video | None, items: list[CompareItem]
) -> tuple[list[CompareItem], str, str] | None:
    """The list, the left key (the video playing, else the newest) and the
    right key (the newest other one); None when there are not two videos."""
    items = list(items)
    left = None
    if current is not None:
        left = next((i for i in items if _same(i.path, current.path)), None)
        if left is None:
            left = CompareItem(str(current.path), current.path, current.title)
            items.insert(0, left)
    left = left or (items[0] if items else None)
    right = next((i for i in items if left is not None and not _same(i.path, left.path)), None)
    if left is None or right is None:
        return None
    return items, left.key, right.key


def _same(a: Path, b: Path) -> bool:
    return a == b or a.absolute() == b.absolute()


class SyncedPlayers(QObject):
    """Media players driven as one (see the module docstring)."""

    positionChanged = Signal(int)  # the timeline's position, ms
    durationChanged = Signal(int)  # the timeline's length, ms
    playingChanged = Signal(bool)

    def __init__(self, players: list[QMediaPlayer], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.players = players
        self.leader = players[0]
        self.looping = True
        self.corrections = 0  # followers moved back onto the leader
        self._playing = False
        self._settled_at: dict[int, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_MS)
        self._timer.timeout.connect(self.sync)
        for player in players:
            player.setLoops(QMediaPlayer.Loops.Once)
            player.durationChanged.connect(self._durations_changed)
            player.positionChanged.connect(lambda pos, p=player: self._moved(p, pos))
            player.playbackStateChanged.connect(lambda state, p=player: self._state(p, state))

    # ------------------------------------------------------------------ timeline

    def followers(self) -> list[QMediaPlayer]:
        return [p for p in self.players if p is not self.leader]

    def duration(self) -> int:
        return max(0, self.leader.duration())

    def position(self) -> int:
        return self.leader.position()

    def is_playing(self) -> bool:
        return self._playing

    def _durations_changed(self, *_: object) -> None:
        """The longest video sets the timeline; only it loops."""
        longest = max(self.players, key=lambda p: p.duration())
        if longest is not self.leader and longest.duration() > self.leader.duration():
            self.leader = longest
        for player in self.players:
            loops = QMediaPlayer.Loops.Infinite if self.looping else QMediaPlayer.Loops.Once
            player.setLoops(loops if player is self.leader else QMediaPlayer.Loops.Once)
        self.durationChanged.emit(self.duration())

    def _moved(self, player: QMediaPlayer, position: int) -> None:
        if player is self.leader:
            self.positionChanged.emit(position)

    def _state(self, player: QMediaPlayer, state: QMediaPlayer.PlaybackState) -> None:
        stopped = state == QMediaPlayer.PlaybackState.StoppedState
        if player is self.leader and stopped and self._playing and not self.looping:
            self._set_playing(False)  # the timeline ran out
            for follower in self.followers():
                follower.pause()

    # ------------------------------------------------------------------ driving both

    def play(self) -> None:
        if self.leader.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self.leader.setPosition(0)
        position = self.leader.position()
        self._set_playing(True)
        self.leader.play()
        for follower in self.followers():
            self._place(follower, position)
            if position < self._end_of(follower):
                follower.play()

    def pause(self) -> None:
        self._set_playing(False)
        self.leader.pause()
        position = self.leader.position()
        for follower in self.followers():
            follower.pause()
            self._place(follower, position)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, position: int) -> None:
        position = max(0, min(position, self.duration()))
        self.leader.setPosition(position)
        for follower in self.followers():
            self._place(follower, position)
            if self._playing and position < self._end_of(follower):
                follower.play()

    def set_loop(self, looping: bool) -> None:
        self.looping = looping
        self._durations_changed()

    def stop(self) -> None:
        self._set_playing(False)
        for player in self.players:
            player.stop()

    def _set_playing(self, playing: bool) -> None:
        if playing:
            self._timer.start()
        else:
            self._timer.stop()
        if playing != self._playing:
            self._playing = playing
            self.playingChanged.emit(playing)

    # ------------------------------------------------------------------ keeping in step

    def _end_of(self, player: QMediaPlayer) -> int:
        return max(0, player.duration())

    def _place(self, follower: QMediaPlayer, position: int) -> None:
        follower.setPosition(min(position, self._end_of(follower)))
        self._settled_at[id(follower)] = time.monotonic() + SETTLE_MS / 1000

    def sync(self) -> None:
        """Move every follower that has drifted back onto the leader."""
        if not self._playing:
            return
        lead = self.leader.position()
        now = time.monotonic()
        for follower in self.followers():
            end = self._end_of(follower)
            if end <= 0:
                continue  # not loaded yet
            playing = follower.playbackState() == QMediaPlayer.PlaybackState.PlayingState
            if lead >= end - DRIFT_MS:
                continue  # past its own end: it holds its last frame (or ends by itself)
            if not playing:  # the timeline came back (a loop) or it never started
                self._place(follower, lead)
                follower.play()
                continue
            if now < self._settled_at.get(id(follower), 0.0):
                continue
            if abs(follower.position() - lead) > DRIFT_MS:
                self.corrections += 1
                log.debug("compare: follower %d ms off; moved", follower.position() - lead)
                self._place(follower, lead)


class _Side(QFrame):
    """One video of the comparison: its chooser, picture, prompt and settings."""

    def __init__(self, name: str, items: list[CompareItem], key: str, sound: bool) -> None:
        super().__init__()
        self.setObjectName(f"compare{name}")
        self.items = items
        self.player = QMediaPlayer(self)
        self.audio: QAudioOutput | None = None
        if sound:
            self.audio = QAudioOutput(self)
            self.audio.setVolume(0.8)
            self.player.setAudioOutput(self.audio)
        self.videoWidget = QVideoWidget()
        self.videoWidget.setObjectName(f"compare{name}Video")
        self.videoWidget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.videoWidget.setMinimumSize(160, 90)
        self.player.setVideoOutput(self.videoWidget)
        self.chooser = QComboBox()
        self.chooser.setObjectName(f"compare{name}Chooser")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(20)
        for item in items:
            self.chooser.addItem(_chooser_text(item.prompt), item.key)
            self.chooser.setItemData(
                self.chooser.count() - 1, plain_tooltip(item.prompt), Qt.ItemDataRole.ToolTipRole
            )
        self.promptLabel = QLabel()
        self.promptLabel.setObjectName(f"compare{name}Prompt")
        self.promptLabel.setWordWrap(True)
        self.promptLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.promptLabel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # As tall on both sides (up to PROMPT_LINES lines), so the videos line up.
        lines = self.promptLabel.fontMetrics().lineSpacing() * PROMPT_LINES
        self.promptLabel.setFixedHeight(lines + 2)
        self.detailsLabel = ElidedLabel("")
        self.detailsLabel.setObjectName(f"compare{name}Details")
        self.detailsLabel.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.chooser)
        layout.addWidget(self.videoWidget, 1)
        layout.addWidget(self.promptLabel)
        layout.addWidget(self.detailsLabel)
        self.item: CompareItem | None = None
        self.show_item(key)

    def show_item(self, key: str) -> None:
        item = next((i for i in self.items if i.key == key), None)
        if item is None:
            return
        self.item = item
        self.chooser.setCurrentIndex(self.chooser.findData(key))
        self.promptLabel.setText(_prompt_excerpt(item.prompt))
        self.promptLabel.setToolTip(plain_tooltip(item.prompt))
        self.detailsLabel.set_full_text(item.details())
        self.player.setSource(QUrl.fromLocalFile(str(item.path)))

    def release(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())


def _chooser_text(prompt: str) -> str:
    line = " ".join(prompt.split()) or wording.untitled_job()
    return line if len(line) <= CHOOSER_CHARS else line[: CHOOSER_CHARS - 1] + "…"


def _prompt_excerpt(prompt: str, limit: int = 220) -> str:
    """The prompt as shown under a video: whole, or its start (the tooltip has it all)."""
    text = " ".join(prompt.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CompareView(QDialog):
    """Two videos side by side, one set of controls (see the module docstring)."""

    def __init__(
        self, items: list[CompareItem], left: str, right: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setWindowTitle(self.tr("Compare videos"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.left = _Side("Left", items, left, sound=True)
        self.right = _Side("Right", items, right, sound=False)
        self.sync = SyncedPlayers([self.left.player, self.right.player], self)
        for side in (self.left, self.right):
            side.chooser.activated.connect(lambda _i, s=side: self._choose(s))
        self._build_controls()
        self._seeking = False
        self.sync.positionChanged.connect(self._on_position)
        self.sync.durationChanged.connect(self._on_duration)
        self.sync.playingChanged.connect(self._on_playing)

        sides = QHBoxLayout()
        sides.setSpacing(16)
        sides.addWidget(self.left, 1)
        sides.addWidget(self.right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(12)
        layout.addLayout(sides, 1)
        layout.addWidget(self.controls)
        self._fit_to_screen()

    def _build_controls(self) -> None:
        self.playButton = _tool("comparePlayButton", self.tr("Play both"), "play")
        self.playButton.setIconSize(QSize(22, 22))
        self.playButton.clicked.connect(self.sync.toggle)
        self.seekSlider = SeekSlider()
        self.seekSlider.setObjectName("compareSeekSlider")
        self.seekSlider.setAccessibleName(self.tr("Position of both videos"))
        self.seekSlider.setRange(0, 0)
        self.seekSlider.setPageStep(5000)
        self.seekSlider.setSingleStep(1000)
        self.seekSlider.sliderPressed.connect(self._seek_start)
        self.seekSlider.sliderReleased.connect(self._seek_end)
        self.seekSlider.sliderMoved.connect(self._show_time)
        self.seekSlider.actionTriggered.connect(self._seek_step)
        self.timeLabel = QLabel("0:00 / 0:00")
        self.timeLabel.setObjectName("compareTime")
        self.timeLabel.setProperty("role", "muted")
        self.loopButton = _tool("compareLoopButton", self.tr("Loop both"), "loop")
        self.loopButton.setCheckable(True)
        self.loopButton.setChecked(True)
        self.loopButton.toggled.connect(self.sync.set_loop)
        self.controls = QFrame()
        self.controls.setObjectName("compareControls")
        row = QGridLayout(self.controls)
        row.setContentsMargins(4, 4, 4, 4)
        row.setHorizontalSpacing(10)
        row.addWidget(self.playButton, 0, 0)
        row.addWidget(self.seekSlider, 0, 1)
        row.addWidget(self.timeLabel, 0, 2)
        row.addWidget(self.loopButton, 0, 3)
        row.setColumnStretch(1, 1)

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1600, int(screen.width() * 0.92)), min(1000, int(screen.height() * 0.9)))

    # ------------------------------------------------------------------ what is shown

    def _choose(self, side: _Side) -> None:
        key = side.chooser.currentData()
        if side.item is not None and key == side.item.key:
            return
        position, playing = self.sync.position(), self.sync.is_playing()
        self.sync.pause()
        side.show_item(str(key))
        self.sync.seek(position)
        if playing:
            self.sync.play()

    def release(self, path: Path) -> None:
        """Let go of a file about to be deleted."""
        for side in (self.left, self.right):
            if side.item is not None and _same(side.item.path, path):
                side.release()

    # ------------------------------------------------------------------ controls

    def _on_playing(self, playing: bool) -> None:
        self.playButton.setIcon(icon("pause" if playing else "play", ICON_COLOR))
        text = self.tr("Pause both") if playing else self.tr("Play both")
        self.playButton.setToolTip(text)
        self.playButton.setAccessibleName(text)

    def _on_position(self, position: int) -> None:
        if not self._seeking:
            self.seekSlider.setValue(position)
        self._show_time(position)

    def _on_duration(self, duration: int) -> None:
        self.seekSlider.setRange(0, duration)
        self._show_time(self.sync.position())

    def _show_time(self, position: int) -> None:
        self.timeLabel.setText(
            f"{wording.clock(position / 1000)} / {wording.clock(self.sync.duration() / 1000)}"
        )

    def _seek_start(self) -> None:
        self._seeking = True

    def _seek_end(self) -> None:
        self._seeking = False
        self.sync.seek(self.seekSlider.value())

    def _seek_step(self, action: int) -> None:
        if not self._seeking and action != SeekSlider.SliderAction.SliderMove:
            self.sync.seek(self.seekSlider.sliderPosition())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.sync.toggle()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        self._release_all()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._release_all()
        super().closeEvent(event)

    def _release_all(self) -> None:
        self.sync.stop()
        self.left.release()
        self.right.release()


def _tool(name: str, text: str, icon_name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setToolTip(text)
    button.setIcon(icon(icon_name, ICON_COLOR))
    button.setIconSize(QSize(18, 18))
    button.setAutoRaise(True)
    return button
