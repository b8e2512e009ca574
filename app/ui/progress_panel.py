"""Active jobs: one `ProgressCard` per job the `JobsModel` holds.

A card renders its job's latest `JobUpdate`: the status line (from
`app.ui.wording`), a progress bar (busy while no percent is known), elapsed
and estimated remaining time, the connection badge, Check now and Cancel. A
failed job keeps its card with the reason, what it cost and what Retry will
cost (nothing on the built-in renderer), and Retry, until dismissed. The
panel follows the model's signals and sends the buttons' requests on.

The window's connection state (`ConnectionModel`) is the one truth on the
server: while it is offline every card says so (its status marked as the
last news, its time left paused, its estimate started afresh afterwards),
and a card never says offline while the window is connected. Texts elide
and buttons wrap onto another line, so nothing is cut off on a small screen
or in a longer language. The header says it is safe to close Framecast.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.engine.updates import JobState, JobUpdate
from app.session import BackendChoice
from app.ui import wording
from app.ui.elided_label import ElidedLabel
from app.ui.flow_layout import flow_widget
from app.ui.models.connection import ConnectionModel, ConnectionStatus
from app.ui.models.job_facts import Link, link_of
from app.ui.models.jobs import ActiveJob, JobsModel
from app.ui.theme import restyle, set_style_property

SUBTITLE_MIN_WIDTH = 140  # narrower beside the buttons, the subtitle goes above them


def shown_link(update: JobUpdate, offline: bool | None) -> Link | None:
    """A job's badge under the window's one connection state (`offline`; None
    when no connection is watched: the job's own link): offline exactly while
    the window is (a job that has not tried again yet is reconnecting)."""
    link = link_of(update)
    if link is None or offline is None:
        return link
    if offline:
        return Link.OFFLINE
    return Link.RECONNECTING if link is Link.OFFLINE else link


class ProgressCard(QFrame):
    checkNowRequested = Signal(str)
    cancelRequested = Signal(str)
    retryRequested = Signal(str)
    dismissRequested = Signal(str)

    def __init__(self, job: ActiveJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job_id = job.job_id
        self.setObjectName("progressCard")
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Generation in progress"))
        self.started_at = job.started_at or time.time()
        self._progress_origin: tuple[float, float] | None = None  # (time, progress)
        self.last_update: JobUpdate | None = None
        self.offline: bool | None = None  # the window's connection; None: not watched
        self.free = False  # on the built-in renderer nothing is ever charged

        self.titleLabel = ElidedLabel()
        self.titleLabel.setObjectName("cardTitle")
        self.subtitleLabel = ElidedLabel()
        self.subtitleLabel.setObjectName("cardSubtitle")
        self.subtitleLabel.setProperty("role", "muted")

        self.connectionBadge = QLabel()
        self.connectionBadge.setObjectName("connectionBadge")
        self.connectionBadge.setAccessibleName(self.tr("Connection"))

        self.statusLabel = QLabel()
        self.statusLabel.setObjectName("statusLabel")
        self.statusLabel.setAccessibleName(self.tr("Status"))
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)  # it shows server errors
        # However long the reason, it wraps in the room it gets: never wider than the card.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.statusLabel.setSizePolicy(policy)
        self.statusLabel.setMinimumWidth(80)

        # Under a failed video: what the failure and a Retry cost.
        self.chargeNote = QLabel()
        self.chargeNote.setObjectName("chargeNote")
        self.chargeNote.setProperty("role", "muted")
        self.chargeNote.setWordWrap(True)
        self.chargeNote.setSizePolicy(policy)
        self.chargeNote.setMinimumWidth(80)
        self.chargeNote.hide()

        self.timeLabel = QLabel("")
        self.timeLabel.setObjectName("timeLabel")
        self.timeLabel.setProperty("role", "muted")
        self.timeLabel.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.progressBar = QProgressBar()
        self.progressBar.setObjectName("progressBar")
        self.progressBar.setAccessibleName(self.tr("Progress"))
        self.progressBar.setRange(0, 0)
        self.progressBar.setTextVisible(False)
        self.progressBar.setFixedHeight(8)

        self.checkNowButton = self._button("checkNowButton", self.tr("Check now"), "ghost")
        self.checkNowButton.setToolTip(self.tr("Ask the server for this job's status right away"))
        self.checkNowButton.clicked.connect(lambda: self.checkNowRequested.emit(self.job_id))
        self.cancelButton = self._button("cancelButton", self.tr("Cancel"), "ghost")
        self.cancelButton.setToolTip(
            self.tr("Stop following this job. The server may still finish it.")
        )
        self.cancelButton.clicked.connect(lambda: self.cancelRequested.emit(self.job_id))
        self.retryButton = self._button("retryButton", self.tr("Retry"), "primary-small")
        self.retryButton.clicked.connect(lambda: self.retryRequested.emit(self.job_id))
        self.dismissButton = self._button("dismissButton", self.tr("Dismiss"), "ghost")
        self.dismissButton.clicked.connect(lambda: self.dismissRequested.emit(self.job_id))

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.titleLabel, 1)
        top.addWidget(self.connectionBadge, 0)
        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        status_row.addWidget(self.statusLabel, 1)
        status_row.addWidget(self.timeLabel, 0)
        self.buttons = flow_widget(
            self.subtitleLabel,
            self.retryButton,
            self.dismissButton,
            self.checkNowButton,
            self.cancelButton,
            lead_min=SUBTITLE_MIN_WIDTH,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(status_row)
        layout.addWidget(self.chargeNote)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.buttons)
        self.show_job(job)

    @staticmethod
    def _button(name: str, text: str, role: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setProperty("role", role)
        return button

    def show_job(self, job: ActiveJob) -> None:
        self.titleLabel.set_full_text(job.title or wording.untitled_job())
        subtitle = wording.job_subtitle(job.model_label, job.duration, job.aspect)
        take = wording.take_label(job.take.number, job.take.count) if job.take else ""
        self.subtitleLabel.set_full_text(f"{take}  ·  {subtitle}" if take else subtitle)
        self.apply(job.update)

    def apply(self, update: JobUpdate) -> None:
        self.last_update = update
        status = wording.job_status(update)
        offline = bool(self.offline) and not update.state.is_terminal
        self.statusLabel.setText(wording.offline_status(status) if offline else status)
        self._show_progress(update)
        self._show_link(update)
        failed = update.state is JobState.FAILED
        self.retryButton.setVisible(failed)
        self._show_charge_note(update)
        self.dismissButton.setVisible(failed or update.state is JobState.CANCELLED)
        self.checkNowButton.setVisible(not update.state.is_terminal)
        self.cancelButton.setVisible(not update.state.is_terminal)
        self.buttons.updateGeometry()
        state = "failed" if failed else "offline" if offline else "active"
        if self.property("state") != state:
            set_style_property(self, "state", state)
            restyle(self.progressBar)  # its colour follows the card's state
        self.refresh_times()

    def _show_charge_note(self, update: JobUpdate) -> None:
        failed = update.state is JobState.FAILED
        note = (
            wording.retry_charge_note(update.error_kind, self.free, update.file_id)
            if failed
            else ""
        )
        self.chargeNote.setText(note)
        self.chargeNote.setVisible(failed)
        self.retryButton.setToolTip(note)

    def set_free(self, free: bool) -> None:
        """Whether this job's backend charges nothing (the built-in renderer)."""
        if free != self.free:
            self.free = free
            if self.last_update is not None:
                self._show_charge_note(self.last_update)

    def set_offline(self, offline: bool | None) -> None:
        """The window lost or found the server again."""
        if offline == self.offline:
            return
        self.offline = offline
        # The estimate starts afresh: time spent offline says nothing of the render's pace.
        self._progress_origin = None
        if self.last_update is not None:
            self.apply(self.last_update)

    def _show_link(self, update: JobUpdate) -> None:
        link = shown_link(update, self.offline)
        # The badge's colour role is the link itself (`#connectionBadge[badge="live"]`).
        set_style_property(self.connectionBadge, "badge", str(link) if link else "hidden")
        self.connectionBadge.setText(wording.link_text(link, update.poll_interval) if link else "")
        self.connectionBadge.setVisible(link is not None)

    def _show_progress(self, update: JobUpdate) -> None:
        progress = update.progress
        if update.state is JobState.DOWNLOADING and progress is None:
            progress = 1.0
        if update.state is JobState.FAILED:
            progress = progress or 0.0
        if progress is None:
            if self.progressBar.maximum() != 0:
                self.progressBar.setRange(0, 0)
            return
        if self.progressBar.maximum() != 1000:
            self.progressBar.setRange(0, 1000)
        self.progressBar.setValue(int(progress * 1000))
        if self._progress_origin is None and progress > 0 and not self.offline:
            self._progress_origin = (time.time(), progress)

    def remaining_seconds(self) -> float | None:
        update = self.last_update
        if update is None or update.progress is None or self._progress_origin is None:
            return None
        if self.offline:
            return None
        t0, p0 = self._progress_origin
        done = update.progress - p0
        if done < 0.02 or update.progress >= 1:
            return None
        return (time.time() - t0) * (1 - update.progress) / done

    def refresh_times(self) -> None:
        if self.last_update is not None and self.last_update.state.is_terminal:
            self.timeLabel.setText("")
            return
        elapsed = time.time() - self.started_at
        # Offline there is no estimate: the time spent waiting says nothing of the render.
        left = None if self.offline else self.remaining_seconds()
        self.timeLabel.setText(wording.elapsed_and_left(elapsed, left))
        self.timeLabel.setToolTip(wording.time_left_paused() if self.offline else "")


class ProgressPanel(QWidget):
    """The cards of the jobs in flight (`jobList`), newest first."""

    checkNowRequested = Signal(str)
    cancelRequested = Signal(str)
    retryRequested = Signal(str)
    dismissRequested = Signal(str)

    def __init__(self, jobs: JobsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: dict[str, ProgressCard] = {}
        self._offline: bool | None = None  # None until a connection is watched
        self._free = False  # the built-in renderer: nothing is charged
        self.header = QLabel(wording.in_progress(0))
        self.header.setProperty("role", "section")
        self.closeNote = ElidedLabel()
        self.closeNote.setObjectName("safeToClose")
        self.closeNote.setProperty("role", "muted")
        self.closeNote.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.show_backend(None)
        header_row = QHBoxLayout()
        header_row.setSpacing(12)
        header_row.addWidget(self.header, 0)
        header_row.addWidget(self.closeNote, 1)
        self.jobList = QWidget()
        self.jobList.setObjectName("jobList")
        self.jobList.setAccessibleName(self.tr("Active generations"))
        self._list_layout = QVBoxLayout(self.jobList)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(10)
        self._list_layout.addStretch(1)
        self.scrollArea = QScrollArea()
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidget(self.jobList)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header_row)
        layout.addWidget(self.scrollArea, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self.setVisible(False)

        jobs.jobAdded.connect(self._add)
        jobs.jobChanged.connect(self._change)
        jobs.jobRemoved.connect(self._remove)
        jobs.countChanged.connect(self._count)
        for job in jobs.jobs():
            self._add(job)

    def watch(self, connection: ConnectionModel) -> None:
        """Follow the window's connection: the cards say offline exactly while it is."""
        connection.stateChanged.connect(self._connection)
        connection.backendChanged.connect(self.show_backend)
        self._connection(connection.state)
        self.show_backend(connection.backend)

    def show_backend(self, backend: BackendChoice | None) -> None:
        self._free = backend is not None and backend.kind == "local"
        for card in self._cards.values():
            card.set_free(self._free)
        short, full = wording.safe_to_close(backend)
        self.closeNote.set_full_text(short)
        self.closeNote.setToolTip(full)
        self.closeNote.setAccessibleName(full)

    def cards(self) -> list[ProgressCard]:
        return list(self._cards.values())

    def card(self, job_id: str) -> ProgressCard | None:
        return self._cards.get(job_id)

    def _connection(self, state: ConnectionStatus) -> None:
        self._offline = state is ConnectionStatus.OFFLINE
        for card in self._cards.values():
            card.set_offline(self._offline)
        self._fit()

    def _add(self, job: ActiveJob) -> None:
        card = ProgressCard(job, self.jobList)
        card.set_offline(self._offline)
        card.set_free(self._free)
        card.checkNowRequested.connect(self.checkNowRequested)
        card.cancelRequested.connect(self.cancelRequested)
        card.retryRequested.connect(self.retryRequested)
        card.dismissRequested.connect(self.dismissRequested)
        self._list_layout.insertWidget(0, card)
        self._cards[job.job_id] = card
        if not self._ticker.isActive():
            self._ticker.start()
        self._fit()

    def _change(self, job: ActiveJob) -> None:
        card = self._cards.get(job.job_id)
        if card is not None:
            card.show_job(job)
            self._fit()

    def _remove(self, job_id: str) -> None:
        card = self._cards.pop(job_id, None)
        if card is None:
            return
        card.hide()
        card.deleteLater()
        if not self._cards:
            self._ticker.stop()
        self._fit()

    def _count(self, count: int) -> None:
        self.header.setText(wording.in_progress(count))
        self.setVisible(count > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show up to two cards without scrolling (as tall as their width makes
        them: wrapped buttons and reasons included); more scroll."""
        cards = list(self._cards.values())[-2:]
        width = self.scrollArea.viewport().width()
        height = sum(_height(card, width) for card in cards) + 10 * max(0, len(cards) - 1)
        if self.scrollArea.height() != height + 2:
            self.scrollArea.setFixedHeight(max(0, height) + 2)

    def _tick(self) -> None:
        for card in self._cards.values():
            card.refresh_times()
        self._fit()  # a longer time may wrap a status line


def _height(card: ProgressCard, width: int) -> int:
    layout = card.layout()
    if width > 0 and layout is not None and layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return card.sizeHint().height()
