"""The player: the finished video, played from the local file.

`PlayerView` stacks three pages: an inviting empty state, the poster frame
(shown before playback), and the `QVideoWidget`. Below them sit play/pause,
a seek slider with times, loop, mute and volume, fullscreen, and the file
actions (Save as…, Show in folder, Copy link). It never plays a remote URL.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import wording
from app.ui.desktop import show_in_folder
from app.ui.elided_label import ElidedLabel
from app.ui.icons import icon
from app.ui.models.video import Video
from app.ui.tasks import run_in_thread

log = logging.getLogger("framecast.ui")

ICON_COLOR = "#e6e8ee"
PAGE_EMPTY, PAGE_POSTER, PAGE_VIDEO = 0, 1, 2


class PosterLabel(QLabel):
    """Shows a pixmap scaled to fit, keeping its aspect ratio."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_poster(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is None or self._pixmap.isNull():
            self.clear()
            return
        self.setPixmap(
            self._pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def mouseReleaseEvent(self, event: object) -> None:
        self.clicked.emit()


class PlayerView(QWidget):
    """Embedded player for a local video file."""

    fullscreenChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerView")
        self.path: Path | None = None
        self.remote_url: str | None = None
        self.title = ""
        self._seeking = False
        self._save_dialog: QFileDialog | None = None

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.audio.setVolume(0.8)
        self.player.setAudioOutput(self.audio)

        self.videoWidget = QVideoWidget()
        self.videoWidget.setObjectName("videoWidget")
        self.videoWidget.setAccessibleName(self.tr("Video"))
        self.videoWidget.installEventFilter(self)
        self.player.setVideoOutput(self.videoWidget)

        self.poster = PosterLabel()
        self.poster.setObjectName("posterLabel")
        self.poster.setAccessibleName(self.tr("Poster"))
        self.poster.clicked.connect(self.play)

        self.emptyState = self._build_empty_state()

        self.stack = QStackedWidget()
        self.stack.setObjectName("playerStage")
        self.stack.addWidget(self.emptyState)
        self.stack.addWidget(self.poster)
        self.stack.addWidget(self.videoWidget)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.titleLabel = ElidedLabel("")
        self.titleLabel.setObjectName("playerTitle")

        self.playButton = self._tool("playButton", self.tr("Play"), "play")
        self.playButton.setIconSize(QSize(22, 22))
        self.playButton.clicked.connect(self.toggle_play)
        self.seekSlider = QSlider(Qt.Orientation.Horizontal)
        self.seekSlider.setObjectName("seekSlider")
        self.seekSlider.setAccessibleName(self.tr("Position"))
        self.seekSlider.setRange(0, 0)
        self.seekSlider.sliderPressed.connect(self._seek_start)
        self.seekSlider.sliderReleased.connect(self._seek_end)
        self.seekSlider.sliderMoved.connect(self._seek_preview)
        self.timeLabel = QLabel("0:00 / 0:00")
        self.timeLabel.setObjectName("playerTime")
        self.timeLabel.setProperty("role", "muted")
        self.loopButton = self._tool("loopButton", self.tr("Loop"), "loop")
        self.loopButton.setCheckable(True)
        self.loopButton.setChecked(True)
        self.loopButton.toggled.connect(self._set_loop)
        self.muteButton = self._tool("muteButton", self.tr("Mute"), "volume")
        self.muteButton.setCheckable(True)
        self.muteButton.toggled.connect(self._set_muted)
        self.volumeSlider = QSlider(Qt.Orientation.Horizontal)
        self.volumeSlider.setObjectName("volumeSlider")
        self.volumeSlider.setAccessibleName(self.tr("Volume"))
        self.volumeSlider.setRange(0, 100)
        self.volumeSlider.setValue(80)
        self.volumeSlider.setFixedWidth(90)
        self.volumeSlider.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.fullscreenButton = self._tool("fullscreenButton", self.tr("Fullscreen"), "fullscreen")
        self.fullscreenButton.clicked.connect(self.toggle_fullscreen)

        self.saveButton = self._button("saveButton", self.tr("Save as…"))
        self.saveButton.clicked.connect(self.save_as)
        self.folderButton = self._button("showInFolderButton", self.tr("Show in folder"))
        self.folderButton.clicked.connect(self.show_in_folder)
        self.copyLinkButton = self._button("copyLinkButton", self.tr("Copy link"))
        self.copyLinkButton.clicked.connect(self.copy_link)

        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(self.playButton)
        controls.addWidget(self.seekSlider, 1)
        controls.addWidget(self.timeLabel)
        controls.addSpacing(6)
        controls.addWidget(self.loopButton)
        controls.addWidget(self.muteButton)
        controls.addWidget(self.volumeSlider)
        controls.addWidget(self.fullscreenButton)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.titleLabel, 1)
        actions.addWidget(self.saveButton)
        actions.addWidget(self.folderButton)
        actions.addWidget(self.copyLinkButton)

        self.controlsBar = QFrame()
        self.controlsBar.setObjectName("playerControls")
        bar = QVBoxLayout(self.controlsBar)
        bar.setContentsMargins(14, 10, 14, 12)
        bar.setSpacing(8)
        bar.addLayout(controls)
        bar.addLayout(actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.controlsBar)

        self.player.playbackStateChanged.connect(self._on_state)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.errorOccurred.connect(self._on_error)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self._set_enabled(False)

    # ------------------------------------------------------------------ building

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        art = QLabel()
        art.setPixmap(icon("film", "#6f64c8", 128).pixmap(96, 96))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel()
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel()
        body.setObjectName("emptyBody")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setProperty("role", "muted")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(art)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)
        self.emptyTitle, self.emptyBody = title, body
        self.set_waiting(False)
        return page

    def set_waiting(self, waiting: bool) -> None:
        """The empty state's words: an invitation, or a promise while a job renders."""
        if waiting:
            self.emptyTitle.setText(self.tr("Your video is on its way"))
            self.emptyBody.setText(
                self.tr(
                    "It will play here as soon as it is ready.\n"
                    "Meanwhile you can write the next prompt."
                )
            )
        else:
            self.emptyTitle.setText(self.tr("Your video will play here"))
            self.emptyBody.setText(
                self.tr(
                    "Describe a scene on the left and press Generate.\n"
                    "You can keep working while it renders."
                )
            )

    def _tool(self, name: str, text: str, icon_name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setToolTip(text)
        button.setIcon(icon(icon_name, ICON_COLOR))
        button.setIconSize(QSize(18, 18))
        button.setAutoRaise(True)
        return button

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setProperty("role", "ghost")
        return button

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.playButton,
            self.seekSlider,
            self.loopButton,
            self.muteButton,
            self.volumeSlider,
            self.fullscreenButton,
            self.saveButton,
            self.folderButton,
        ):
            widget.setEnabled(enabled)
        self.copyLinkButton.setEnabled(enabled and bool(self.remote_url))

    # ------------------------------------------------------------------ loading

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play_video(self, video: Video) -> None:
        self.load(video.path, poster=video.poster, title=video.title, url=video.url, autoplay=True)

    def offer(self, video: Video) -> None:
        """Play a video that just finished, unless another one is playing."""
        if not self.is_playing():
            self.play_video(video)

    def release(self, path: Path) -> None:
        """Let go of a file about to be deleted."""
        if self.path == path:
            self.clear()

    def load(
        self,
        path: Path,
        *,
        poster: Path | None = None,
        title: str = "",
        url: str | None = None,
        autoplay: bool = False,
    ) -> None:
        """Open a downloaded video. Poster loading happens off the GUI thread."""
        self.player.stop()
        self.path = path
        self.remote_url = url
        self.title = title
        self.titleLabel.set_full_text(title)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self._set_enabled(True)
        if autoplay:
            self.play()
        elif poster is not None:
            self.stack.setCurrentIndex(PAGE_POSTER)
            self.poster.set_poster(None)
            run_in_thread(lambda: _read_image(poster), self._poster_loaded)
        else:
            self.stack.setCurrentIndex(PAGE_VIDEO)

    def _poster_loaded(self, image: object, error: BaseException | None) -> None:
        from PySide6.QtGui import QImage

        if isinstance(image, QImage) and not image.isNull():
            self.poster.set_poster(QPixmap.fromImage(image))

    def clear(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        self.path = None
        self.remote_url = None
        self.titleLabel.set_full_text("")
        self.stack.setCurrentIndex(PAGE_EMPTY)
        self._set_enabled(False)

    # ------------------------------------------------------------------ playback

    def play(self) -> None:
        if self.path is None:
            return
        self.stack.setCurrentIndex(PAGE_VIDEO)
        self.player.play()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            self.play()

    def toggle_fullscreen(self) -> None:
        if self.path is None:
            return
        self.stack.setCurrentIndex(PAGE_VIDEO)
        self.videoWidget.setFullScreen(not self.videoWidget.isFullScreen())
        self.fullscreenChanged.emit(self.videoWidget.isFullScreen())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.videoWidget:
            if event.type() == QEvent.Type.MouseButtonDblClick:
                self.toggle_fullscreen()
                return True
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape and self.videoWidget.isFullScreen():
                    self.toggle_fullscreen()
                    return True
                if event.key() == Qt.Key.Key_Space:
                    self.toggle_play()
                    return True
        return super().eventFilter(watched, event)

    def toggle_loop(self) -> None:
        self.loopButton.toggle()

    def toggle_mute(self) -> None:
        self.muteButton.toggle()

    def _set_loop(self, looping: bool) -> None:
        self.player.setLoops(QMediaPlayer.Loops.Infinite if looping else QMediaPlayer.Loops.Once)

    def _set_muted(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        self.muteButton.setIcon(icon("muted" if muted else "volume", ICON_COLOR))
        self.muteButton.setToolTip(self.tr("Unmute") if muted else self.tr("Mute"))

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.playButton.setIcon(icon("pause" if playing else "play", ICON_COLOR))
        self.playButton.setToolTip(self.tr("Pause") if playing else self.tr("Play"))

    def _on_position(self, position: int) -> None:
        if not self._seeking:
            self.seekSlider.setValue(position)
        self._show_time(position)

    def _on_duration(self, duration: int) -> None:
        self.seekSlider.setRange(0, max(0, duration))
        self._show_time(self.player.position())

    def _show_time(self, position: int) -> None:
        self.timeLabel.setText(
            f"{wording.clock(position / 1000)} / {wording.clock(self.player.duration() / 1000)}"
        )

    def _seek_start(self) -> None:
        self._seeking = True

    def _seek_preview(self, value: int) -> None:
        self._show_time(value)

    def _seek_end(self) -> None:
        self._seeking = False
        self.player.setPosition(self.seekSlider.value())

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        log.warning("player error %s: %s", error, text)
        self.titleLabel.set_full_text(
            self.tr("This video could not be played: %1").replace("%1", text)
        )

    # ------------------------------------------------------------------ file actions

    def save_as(self) -> None:
        if self.path is None:
            return
        source = self.path
        dialog = QFileDialog(self.window(), self.tr("Save video as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("MP4 video (*.mp4)"))
        dialog.setDefaultSuffix("mp4")
        dialog.selectFile(source.name)

        def chosen(name: str) -> None:
            target = Path(name)
            run_in_thread(lambda: shutil.copyfile(source, target), self._saved)

        dialog.fileSelected.connect(chosen)
        self._save_dialog = dialog
        dialog.open()

    def _saved(self, result: object, error: BaseException | None) -> None:
        if error is not None:
            log.warning("saving a copy failed: %s", error)
            self.titleLabel.set_full_text(
                self.tr("Could not save the copy: %1").replace("%1", str(error))
            )

    def show_in_folder(self) -> None:
        if self.path is not None:
            show_in_folder(self.path)

    def copy_link(self) -> None:
        if self.remote_url:
            QGuiApplication.clipboard().setText(self.remote_url)


def _read_image(path: Path) -> object:
    from PySide6.QtGui import QImage

    return QImage(str(path))
