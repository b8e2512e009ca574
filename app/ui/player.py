"""The player: the finished video, played from the local file.

`PlayerView` stacks three pages: an empty state (an invitation, or what the
jobs in flight are doing), the poster frame (shown before playback), and the
`QVideoWidget`. Below them sit play/pause, the seek bar (a click jumps
there; it keeps its room, the volume slider gives way first), the time,
loop, mute and volume, fullscreen, and the file actions (Save as…, Show in
folder, Copy link) and "Again with a new seed" (the window sends it), which
wrap onto a second line rather than be cut off.
It never plays a remote URL.

What a creator makes from a video (issue 14): In and Out points on the seek
bar (buttons, keys I / O, Shift+X clears; drawn by app.ui.seek_marks) and
Export… for that range (app.ui.export_dialog); Save frame, the frame showing
now as a PNG at the video's full size, decoded from the file into the
Pictures folder under a name not yet taken; Continue from last frame, which
writes the clip's final frame off the GUI thread and hands it on
(`lastFrameReady`) to become a new image-to-video job's picture; and
Compare… (`compareRequested`), which the window answers with a compare view.

A video that finishes while another is loaded never goes unnoticed: it
plays at once when nothing is playing or the creator chose "Always play new
videos"; otherwise a strip above the video says it is ready, with Play.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
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
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.media import OutputExistsError, last_frame_png, save_frame_png
from app.store import paths
from app.ui import wording
from app.ui.desktop import show_in_folder
from app.ui.elided_label import ElidedLabel, plain_tooltip
from app.ui.export_dialog import ExportDialog
from app.ui.file_names import (
    FREE_NAME_TRIES,
    frame_file_name,
    free_path,
    pictures_folder,
    suggested_file_name,
    videos_folder,
)
from app.ui.flow_layout import FlowLayout, flow_widget
from app.ui.icons import icon
from app.ui.models.connection import ConnectionModel
from app.ui.models.jobs import JobsModel, Waiting, waiting_for
from app.ui.models.video import Video
from app.ui.seek_marks import Marks, mark_icon, paint_marks
from app.ui.tasks import run_in_thread
from app.ui.theme import set_style_property

log = logging.getLogger("framecast.ui")

ICON_COLOR = "#e6e8ee"
PAGE_EMPTY, PAGE_POSTER, PAGE_VIDEO = 0, 1, 2
SEEK_MIN_WIDTH = 140  # the seek bar never shrinks below this
SEEK_ROOM = 220  # below this much room for it, the volume slider gives way (shrinks, then hides)
VOLUME_WIDTH = 90
VOLUME_MIN_WIDTH = 40
TITLE_MIN_WIDTH = 160  # narrower beside the file actions, the title goes above them
EMPTY_ART_SIZE = 80
NOTE_MS = 5000  # how long "Copied" and "Saved to …" stay
NOTE_WITH_ACTION_MS = 10000  # a note with Show in folder stays longer, to be clicked
#: Where "Continue from last frame" keeps the final frames it takes (they are
#: the new jobs' source pictures, so Retry and "Use these settings" find them).
FRAMES_FOLDER = "frames"


def shareable_link(video: Video) -> str:
    """What Copy link copies: the service's link, unless it only works on this
    machine while the built-in renderer runs (a loopback address): then the file."""
    url = video.url
    if url and not _is_loopback(url):
        return url
    return str(video.path)


def _is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def write_frame(source: Path, seconds: float, folder: Path, name: str) -> Path:
    """Save the frame at `seconds` as a PNG in `folder` under `name`, or the
    first numbered name not taken; never over a file. Blocking."""
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(FREE_NAME_TRIES):
        try:
            return save_frame_png(source, seconds, free_path(folder, name))
        except OutputExistsError:
            continue  # another program took the name meanwhile: the next one
    raise OutputExistsError(folder / name)


def write_last_frame(source: Path) -> Path:
    """The final frame of `source` as an upload-ready picture in the app's
    frames folder (its own file: rewritten, identical, when taken again). Blocking."""
    folder = paths.data_dir() / FRAMES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return last_frame_png(source, folder / f"{source.stem} last frame.png", overwrite=True)


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


class _FittedIcon(QLabel):
    """An icon as large as `largest`, smaller when the room is lower (never cut)."""

    def __init__(self, source: QIcon, largest: int) -> None:
        super().__init__()
        self._icon = source
        self._largest = largest
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)

    def sizeHint(self) -> QSize:
        return QSize(self._largest, self._largest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side = min(self._largest, self.height())
        self.setPixmap(self._icon.pixmap(side, side) if side >= 24 else QPixmap())


class SeekSlider(QSlider):
    """A position slider where a click on the bar jumps there (and may drag on),
    with the In and Out points drawn on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setMinimumWidth(SEEK_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.marks = Marks()

    def set_marks(self, marks: Marks) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.marks.any:
            painter = QPainter(self)
            paint_marks(self, painter, self.marks)
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            handle = style.subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                groove = style.subControlRect(
                    QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
                )
                # Centre the handle under the pointer; the press below then grabs it.
                x = round(event.position().x()) - handle.width() // 2 - groove.x()
                span = max(1, groove.width() - handle.width())
                value = QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), x, span, option.upsideDown
                )
                self.setSliderPosition(value)
        super().mousePressEvent(event)


class _WholeTextLabel(ElidedLabel):
    """An eliding label that asks for its whole text's width (a flow line gives
    it that much when it can, else elides it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.full_text())
        return QSize(width + margins.left() + margins.right() + 2, hint.height())


class NewVideoStrip(QFrame):
    """ "Your new video is ready · Play": shown while another video is loaded.
    Its words and buttons share a line where they fit, else the buttons go below."""

    playRequested = Signal()
    alwaysRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newVideoStrip")
        self.label = _WholeTextLabel()
        self.label.setObjectName("newVideoText")
        self.label.setMinimumHeight(30)  # as tall as the buttons beside it
        self.playButton = QPushButton()
        self.playButton.setObjectName("newVideoPlay")
        self.playButton.setProperty("role", "primary-small")
        self.playButton.setIcon(icon("play", "#ffffff"))
        self.playButton.clicked.connect(self.playRequested)
        self.alwaysButton = QPushButton()
        self.alwaysButton.setObjectName("newVideoAlways")
        self.alwaysButton.setProperty("role", "ghost")
        self.alwaysButton.clicked.connect(self.alwaysRequested)
        self.closeButton = QToolButton()
        self.closeButton.setObjectName("newVideoClose")
        self.closeButton.setText("✕")
        self.closeButton.clicked.connect(self.hide)
        self.line = flow_widget(
            self.label, self.playButton, self.alwaysButton, align_right=False, lead_min=0
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.closeButton, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.playButton.setText(wording.play())
        self.playButton.setAccessibleName(wording.play())
        self.alwaysButton.setText(wording.always_play_new())
        self.alwaysButton.setToolTip(wording.always_play_new_tip())
        self.closeButton.setAccessibleName(wording.dismiss())
        self.closeButton.setToolTip(wording.dismiss())

    def announce(self, waiting: list[Video]) -> None:
        newest = waiting[-1]
        self.label.set_full_text(wording.new_video_ready(len(waiting)))
        self.label.setToolTip(plain_tooltip(newest.title))
        # The words stay whole: beside the buttons when they fit, else above them.
        flow = self.line.layout()
        if isinstance(flow, FlowLayout):
            flow.set_lead_min(self.label.sizeHint().width())
        self.show()


class PlayerView(QWidget):
    """Embedded player for a local video file."""

    fullscreenChanged = Signal(bool)
    autoplayNewChanged = Signal(bool)
    lastFrameReady = Signal(object, str)  # Path of the final frame, the video's prompt
    compareRequested = Signal()
    againRequested = Signal()  # "Again with a new seed" for the video shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerView")
        self.path: Path | None = None
        self.video: Video | None = None
        self.title = ""
        self.waiting = Waiting.NOTHING
        self.autoplay_new = False
        self.new_videos: list[Video] = []  # finished while another was loaded, newest last
        self._seeking = False
        self._save_dialog: QFileDialog | None = None
        self._export_dialog: ExportDialog | None = None
        self._note_folder: Path | None = None

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

        self.newVideoStrip = NewVideoStrip()
        self.newVideoStrip.playRequested.connect(self.play_new_video)
        self.newVideoStrip.alwaysRequested.connect(self._always_play_new)

        self.controlsBar = self._build_controls()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.newVideoStrip)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.controlsBar)

        self._noteTimer = QTimer(self)
        self._noteTimer.setSingleShot(True)
        self._noteTimer.setInterval(NOTE_MS)
        self._noteTimer.timeout.connect(self._hide_note)

        self.player.playbackStateChanged.connect(self._on_state)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.errorOccurred.connect(self._on_error)
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self._build_mark_actions()
        self._set_enabled(False)

    # ------------------------------------------------------------------ building

    def _build_controls(self) -> QFrame:
        self.playButton = self._tool("playButton", self.tr("Play"), "play")
        self.playButton.setIconSize(QSize(22, 22))
        self.playButton.clicked.connect(self.toggle_play)
        self.seekSlider = SeekSlider()
        self.seekSlider.setObjectName("seekSlider")
        self.seekSlider.setAccessibleName(self.tr("Position"))
        self.seekSlider.setRange(0, 0)
        self.seekSlider.setPageStep(5000)
        self.seekSlider.setSingleStep(1000)
        self.seekSlider.sliderPressed.connect(self._seek_start)
        self.seekSlider.sliderReleased.connect(self._seek_end)
        self.seekSlider.sliderMoved.connect(self._seek_preview)
        self.seekSlider.actionTriggered.connect(self._seek_step)
        self.timeLabel = QLabel("0:00 / 0:00")
        self.timeLabel.setObjectName("playerTime")
        self.timeLabel.setProperty("role", "muted")
        self.markInButton = self._mark_tool("markInButton", "in", self.tr("Set In point (I)"))
        self.markInButton.clicked.connect(self.mark_in)
        self.markOutButton = self._mark_tool("markOutButton", "out", self.tr("Set Out point (O)"))
        self.markOutButton.clicked.connect(self.mark_out)
        self.clearMarksButton = self._tool("clearMarksButton", "", QIcon())
        self.clearMarksButton.setText("✕")
        self.clearMarksButton.clicked.connect(self.clear_marks)
        self.clearMarksButton.hide()  # until a point is set
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
        # Never part of the window's minimum width: `_fit_controls` narrows, then hides it.
        self.volumeSlider.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.volumeSlider.setMinimumWidth(1)
        self.volumeSlider.setMaximumWidth(VOLUME_WIDTH)
        self.volumeSlider.hide()  # until `_fit_controls` finds it room
        self.volumeSlider.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.fullscreenButton = self._tool("fullscreenButton", self.tr("Fullscreen"), "fullscreen")
        self.fullscreenButton.clicked.connect(self.toggle_fullscreen)

        self.titleLabel = ElidedLabel("")
        self.titleLabel.setObjectName("playerTitle")
        self.noteLabel = ElidedLabel("")
        self.noteLabel.setObjectName("playerNote")
        self.noteLabel.hide()
        # The title, or for a few seconds a note in its place ("Copied", "Saved to …").
        self.titleArea = QWidget()
        title_layout = QHBoxLayout(self.titleArea)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addWidget(self.titleLabel)
        title_layout.addWidget(self.noteLabel)
        self.noteButton = self._button("noteShowInFolderButton", self.tr("Show in folder"))
        self.noteButton.clicked.connect(self._show_note_folder)
        self.noteButton.hide()
        title_layout.addWidget(self.noteButton)
        self.titleArea.hide()
        self.saveFrameButton = self._button("saveFrameButton", self.tr("Save frame"))
        self.saveFrameButton.setToolTip(
            self.tr("Save the frame showing now as a picture, at the video's full size")
        )
        self.saveFrameButton.clicked.connect(self.save_frame)
        self.continueButton = self._button("continueButton", self.tr("Continue from last frame"))
        self.continueButton.setToolTip(
            self.tr("Start a new video from this one's last frame, with the same prompt")
        )
        self.continueButton.clicked.connect(self.continue_from_last_frame)
        self.exportButton = self._button("exportButton", self.tr("Export…"))
        self.exportButton.setToolTip(
            self.tr("Save the part between In and Out (or all of it) as MP4, GIF or WebM")
        )
        self.exportButton.clicked.connect(self.open_export)
        self.compareButton = self._button("compareButton", self.tr("Compare…"))
        self.compareButton.setToolTip(self.tr("Play this video beside another, in step"))
        self.compareButton.clicked.connect(self.compareRequested)
        self.saveButton = self._button("saveButton", self.tr("Save as…"))
        self.saveButton.clicked.connect(self.save_as)
        self.folderButton = self._button("showInFolderButton", self.tr("Show in folder"))
        self.folderButton.clicked.connect(self.show_in_folder)
        self.copyLinkButton = self._button("copyLinkButton", self.tr("Copy link"))
        self.copyLinkButton.clicked.connect(self.copy_link)
        self.againButton = self._button("againButton", wording.again_new_seed())
        self.againButton.setToolTip(wording.again_new_seed_tip())
        self.againButton.clicked.connect(self.againRequested)

        controls = QHBoxLayout()
        self._controls = controls
        controls.setSpacing(8)
        controls.addWidget(self.playButton)
        controls.addWidget(self.seekSlider, 1)
        controls.addWidget(self.timeLabel)
        controls.addSpacing(6)
        controls.addWidget(self.loopButton)
        controls.addWidget(self.muteButton)
        controls.addWidget(self.volumeSlider)
        controls.addWidget(self.fullscreenButton)

        self.fileActions = flow_widget(
            self.titleArea,
            self.markInButton,
            self.markOutButton,
            self.clearMarksButton,
            self.exportButton,
            self.saveFrameButton,
            self.continueButton,
            self.compareButton,
            self.saveButton,
            self.folderButton,
            self.copyLinkButton,
            self.againButton,
            lead_min=TITLE_MIN_WIDTH,
        )

        bar = QFrame()
        bar.setObjectName("playerControls")
        column = QVBoxLayout(bar)
        column.setContentsMargins(14, 10, 14, 12)
        column.setSpacing(8)
        column.addLayout(controls)
        column.addWidget(self.fileActions)
        return bar

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        art = _FittedIcon(icon("film", "#6f64c8", 128), EMPTY_ART_SIZE)
        title = QLabel()
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        body = QLabel()
        body.setObjectName("emptyBody")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        body.setProperty("role", "muted")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addStretch(1)
        layout.addWidget(art, 2)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addStretch(1)
        self.emptyArt, self.emptyTitle, self.emptyBody = art, title, body
        self.set_waiting(Waiting.NOTHING)
        return page

    def set_waiting(self, waiting: Waiting) -> None:
        """The empty state's words: an invitation, or what the jobs are doing."""
        self.waiting = waiting
        title, body = wording.empty_player(waiting)
        self.emptyTitle.setText(title)
        self.emptyBody.setText(body)

    def watch(self, jobs: JobsModel, connection: ConnectionModel) -> None:
        """Keep the empty state's words true to the jobs and the connection."""

        def refresh(*_: object) -> None:
            self.set_waiting(waiting_for(jobs.inFlight, jobs.count, connection.state))

        jobs.inFlightChanged.connect(refresh)
        jobs.countChanged.connect(refresh)
        connection.stateChanged.connect(refresh)
        refresh()

    def _tool(self, name: str, text: str, icon_name: str | QIcon) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setToolTip(text)
        button.setIcon(icon(icon_name, ICON_COLOR) if isinstance(icon_name, str) else icon_name)
        button.setIconSize(QSize(18, 18))
        button.setAutoRaise(True)
        return button

    def _mark_tool(self, name: str, kind: str, text: str) -> QToolButton:
        return self._tool(name, text, mark_icon(kind, ICON_COLOR))

    def _build_mark_actions(self) -> None:
        """I, O and Shift+X while the player (any of its controls) has the focus."""

        def action(text: str, key: str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.markInAction = action(self.tr("Set In point"), "I", self.mark_in)
        self.markOutAction = action(self.tr("Set Out point"), "O", self.mark_out)
        self.clearMarksAction = action(self.tr("Clear In and Out"), "Shift+X", self.clear_marks)
        self.clearMarksButton.setToolTip(self.tr("Clear In and Out (Shift+X)"))
        self.clearMarksButton.setAccessibleName(self.tr("Clear In and Out"))

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
            self.copyLinkButton,
            self.markInButton,
            self.markOutButton,
            self.clearMarksButton,
            self.saveFrameButton,
            self.continueButton,
            self.exportButton,
            self.compareButton,
            self.againButton,
        ):
            widget.setEnabled(enabled)
        for act in (self.markInAction, self.markOutAction, self.clearMarksAction):
            act.setEnabled(enabled)
        # What is made from a video shows only with one: the empty player stays as short
        # as it was, leaving its column's height to the progress cards.
        for widget in (
            self.markInButton,
            self.markOutButton,
            self.exportButton,
            self.saveFrameButton,
            self.continueButton,
            self.compareButton,
            self.againButton,
        ):
            widget.setVisible(enabled)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_controls()

    def _fit_controls(self) -> None:
        """Give the seek bar its room: the volume slider shrinks first, then
        hides (the mute button stays)."""
        row = self._controls
        margins = self.controlsBar.contentsMargins()
        others = [
            self.playButton,
            self.timeLabel,
            self.loopButton,
            self.muteButton,
            self.fullscreenButton,
        ]
        used = sum(w.sizeHint().width() for w in others) + row.spacing() * (len(others) + 1) + 6
        room = self.width() - margins.left() - margins.right() - used - SEEK_ROOM
        volume = min(VOLUME_WIDTH, room)
        self.volumeSlider.setVisible(volume >= VOLUME_MIN_WIDTH)
        self.volumeSlider.setMaximumWidth(max(VOLUME_MIN_WIDTH, volume))

    # ------------------------------------------------------------------ loading

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play_video(self, video: Video) -> None:
        self.video = video
        self.load(video.path, poster=video.poster, title=video.title, autoplay=True)

    def offer(self, video: Video) -> None:
        """A video that just finished: it plays at once unless another is loaded
        and the creator did not choose to always play new ones; then it is
        announced above the player, with Play."""
        if self.path is None or self.autoplay_new:
            self.play_video(video)
            return
        self.new_videos.append(video)
        self.newVideoStrip.announce(self.new_videos)

    def play_new_video(self) -> None:
        """Play the newest video announced (the others are in the history)."""
        if self.new_videos:
            self.play_video(self.new_videos[-1])

    def set_autoplay_new(self, always: bool) -> None:
        if always != self.autoplay_new:
            self.autoplay_new = always
            self.autoplayNewChanged.emit(always)

    def _always_play_new(self) -> None:
        self.set_autoplay_new(True)
        self.play_new_video()

    def release(self, path: Path) -> None:
        """Let go of a file about to be deleted: the player empties, and the
        video is no longer announced."""
        self.new_videos = [v for v in self.new_videos if not _same_file(v.path, path)]
        if not self.new_videos:
            self.newVideoStrip.hide()
        if self.path is not None and _same_file(self.path, path):
            self.clear()

    def load(
        self,
        path: Path,
        *,
        poster: Path | None = None,
        title: str = "",
        autoplay: bool = False,
    ) -> None:
        """Open a downloaded video. Poster loading happens off the GUI thread."""
        self.player.stop()
        if self.video is None or self.video.path != path:
            self.video = Video(path, poster, title)
        self.path = path
        self.title = title
        self.titleLabel.set_full_text(title)
        self._hide_note()
        self.new_videos = [v for v in self.new_videos if not _same_file(v.path, path)]
        if not self.new_videos:
            self.newVideoStrip.hide()
        self.set_marks(Marks())  # points belong to the video they were set on
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self._set_enabled(True)
        if autoplay:
            self.play()
        elif poster is not None:
            self.stack.setCurrentIndex(PAGE_POSTER)
            self.poster.set_poster(None)
            run_in_thread(lambda: QImage(str(poster)), self._poster_loaded)
        else:
            self.stack.setCurrentIndex(PAGE_VIDEO)

    def _poster_loaded(self, image: QImage | None, error: BaseException | None) -> None:
        if image is not None and not image.isNull():
            self.poster.set_poster(QPixmap.fromImage(image))

    def clear(self) -> None:
        """Back to the empty state."""
        if self.videoWidget.isFullScreen():
            self.toggle_fullscreen()
        self.player.stop()
        self.player.setSource(QUrl())
        self.path = None
        self.video = None
        self.title = ""
        self.titleLabel.set_full_text("")
        self._hide_note()
        self.stack.setCurrentIndex(PAGE_EMPTY)
        self.set_marks(Marks())
        self.seekSlider.setRange(0, 0)
        self._show_time(0)
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
        if self.path is None and not self.videoWidget.isFullScreen():
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

    def _seek_step(self, action: int) -> None:
        """Arrow keys, Page Up/Down, Home and End on the seek bar move the video too."""
        if not self._seeking and action != QSlider.SliderAction.SliderMove:
            self.player.setPosition(self.seekSlider.sliderPosition())

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        log.warning("player error %s: %s", error, text)
        self.titleLabel.set_full_text(
            self.tr("This video could not be played: %1").replace("%1", text)
        )
        self.titleArea.show()

    # ------------------------------------------------------------------ file actions

    def save_as(self) -> None:
        """Save a copy under a readable name, in the Videos folder unless the
        creator picks another; says where it went."""
        if self.path is None:
            return
        source = self.path
        dialog = QFileDialog(self.window(), self.tr("Save video as"))
        dialog.setObjectName("saveVideoDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("MP4 video (*.mp4)"))
        dialog.setDefaultSuffix("mp4")
        dialog.setDirectory(str(videos_folder()))
        dialog.selectFile(suggested_file_name(self.title, date.today()))

        def chosen(name: str) -> None:
            target = Path(name)
            run_in_thread(
                lambda: shutil.copyfile(source, target),
                lambda _result, error: self._saved(target, error),
            )

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self._save_dialog = dialog
        dialog.open()

    def _saved(self, target: Path, error: BaseException | None) -> None:
        if error is not None:
            log.warning("saving a copy failed: %s", error)
            self.show_note(wording.not_saved(error))
        else:
            self.show_note(wording.saved_to(target))

    def show_in_folder(self) -> None:
        if self.path is not None:
            show_in_folder(self.path)

    def copy_link(self) -> None:
        """Copy a link that keeps working: the service's, or the file's path."""
        if self.video is None:
            return
        link = shareable_link(self.video)
        QGuiApplication.clipboard().setText(link)
        self.show_note(wording.copied(link))

    def show_note(self, text: str, *, folder_of: Path | None = None, problem: bool = False) -> None:
        """A short confirmation in the title's place, for a few seconds; with
        `folder_of`, a Show in folder button for that file beside it."""
        self.noteLabel.set_full_text(text)
        set_style_property(self.noteLabel, "problem", problem)
        self._note_folder = folder_of
        self.noteButton.setVisible(folder_of is not None)
        self.titleLabel.hide()
        self.noteLabel.show()
        self.titleArea.show()
        self._noteTimer.start(NOTE_WITH_ACTION_MS if folder_of is not None else NOTE_MS)

    def _show_note_folder(self) -> None:
        if self._note_folder is not None:
            show_in_folder(self._note_folder)

    def _hide_note(self) -> None:
        self._noteTimer.stop()
        self.noteButton.hide()
        self._note_folder = None
        self.noteLabel.hide()
        self.titleLabel.show()
        self.titleArea.setVisible(bool(self.titleLabel.full_text()))

    # ------------------------------------------------------------------ In and Out, frames, export

    def marks(self) -> Marks:
        return self.seekSlider.marks

    def set_marks(self, marks: Marks) -> None:
        self.seekSlider.set_marks(marks)
        self.clearMarksButton.setVisible(marks.any)
        self.clearMarksButton.setEnabled(marks.any and self.path is not None)

    def mark_in(self) -> None:
        if self.path is not None:
            self.set_marks(self.marks().with_in(self.player.position()))

    def mark_out(self) -> None:
        if self.path is not None:
            self.set_marks(self.marks().with_out(self.player.position()))

    def clear_marks(self) -> None:
        self.set_marks(Marks())

    def export_span(self) -> tuple[float, float]:
        """The seconds Export… offers: In to Out, or the whole video."""
        start, end = self.marks().span(max(0, self.player.duration()))
        return start / 1000, end / 1000

    def save_frame(self) -> None:
        """The frame showing now, decoded from the file at full size, into the
        Pictures folder under a readable name not yet taken."""
        if self.path is None:
            return
        source, seconds = self.path, self.player.position() / 1000
        name = frame_file_name(self.title, date.today(), seconds)
        folder = pictures_folder()
        self.saveFrameButton.setEnabled(False)
        run_in_thread(lambda: write_frame(source, seconds, folder, name), self._frame_saved)

    def _frame_saved(self, target: Path | None, error: BaseException | None) -> None:
        self.saveFrameButton.setEnabled(self.path is not None)
        if error is not None or target is None:
            log.warning("saving a frame failed: %s", error)
            self.show_note(wording.frame_not_saved(error), problem=True)
            return
        self.show_note(wording.frame_saved_to(target), folder_of=target)

    def continue_from_last_frame(self) -> None:
        """Take the final frame (off the GUI thread) for a new image-to-video job."""
        if self.path is None:
            return
        source, prompt = self.path, self.title
        self.continueButton.setEnabled(False)
        run_in_thread(
            lambda: write_last_frame(source),
            lambda image, error: self._last_frame_taken(image, error, prompt),
        )

    def _last_frame_taken(
        self, image: Path | None, error: BaseException | None, prompt: str
    ) -> None:
        self.continueButton.setEnabled(self.path is not None)
        if error is not None or image is None:
            log.warning("taking the last frame failed: %s", error)
            self.show_note(wording.last_frame_not_taken(error), problem=True)
            return
        self.lastFrameReady.emit(image, prompt)

    def open_export(self) -> None:
        """The export dialog for In to Out (or the whole video)."""
        if self.path is None:
            return
        if self._export_dialog is not None and self._export_dialog.isVisible():
            self._export_dialog.raise_()
            return
        start, end = self.export_span()
        dialog = ExportDialog(self.path, self.title, start, end, self.window())
        dialog.finished.connect(dialog.deleteLater)
        self._export_dialog = dialog
        dialog.open()


def _same_file(a: Path, b: Path) -> bool:
    return a == b or a.absolute() == b.absolute()
