"""Active jobs: one `ProgressCard` per generation in flight.

A card renders the latest `JobUpdate` the bridge delivered for its job: stage
text, a progress bar (busy while no percent is known), elapsed and estimated
remaining time, a connection badge, Check now and Cancel. A failed job keeps
its card with the server's reason and a Retry button until dismissed.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
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

from app.engine.updates import ConnectionState, JobState, JobUpdate, Transport

translate = QCoreApplication.translate


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def stage_text(update: JobUpdate) -> str:
    state = update.state
    if state is JobState.SUBMITTING:
        return translate("ProgressCard", "Sending your prompt…")
    if state is JobState.QUEUED:
        return translate("ProgressCard", "Waiting in the queue…")
    if state is JobState.PROCESSING:
        return (
            translate("ProgressCard", "Rendering…")
            if update.progress is None
            else translate("ProgressCard", "Rendering")
        )
    if state is JobState.DOWNLOADING:
        return translate("ProgressCard", "Downloading the video…")
    if state is JobState.COMPLETED:
        return translate("ProgressCard", "Done")
    if state is JobState.CANCELLED:
        return translate("ProgressCard", "Stopped following this job")
    return translate("ProgressCard", "Failed")


def badge_text(update: JobUpdate) -> tuple[str, str]:
    """The connection badge's words and its colour role."""
    if update.connection is ConnectionState.OFFLINE:
        return translate("ProgressCard", "Offline · will keep trying"), "offline"
    if update.transport is Transport.POLLING:
        seconds = max(1, round(update.poll_interval or 2))
        words = QCoreApplication.translate("ProgressCard", "Checking every %n s", None, seconds)
        return words, "polling"
    if update.connection is ConnectionState.RECONNECTING:
        return translate("ProgressCard", "Reconnecting…"), "reconnecting"
    if update.connection is ConnectionState.LIVE:
        return translate("ProgressCard", "Live"), "live"
    return translate("ProgressCard", "Connecting…"), "connecting"


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it literally (Qt renders tooltips that
    look like HTML as HTML, and server text may look like anything)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" to the width it gets.
    Plain text: what it shows may come from a server."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(20, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class ProgressCard(QFrame):
    checkNowRequested = Signal(str)
    cancelRequested = Signal(str)
    retryRequested = Signal(str)
    dismissRequested = Signal(str)

    def __init__(
        self,
        job_id: str,
        title: str,
        subtitle: str,
        started_at: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.job_id = job_id
        self.setObjectName("progressCard")
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Generation in progress"))
        self.started_at = started_at if started_at is not None else time.time()
        self._progress_origin: tuple[float, float] | None = None  # (time, progress)
        self.last_update: JobUpdate | None = None

        self.titleLabel = ElidedLabel(title)
        self.titleLabel.setObjectName("cardTitle")
        self.subtitleLabel = QLabel(subtitle)
        self.subtitleLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitleLabel.setProperty("role", "muted")

        self.connectionBadge = QLabel(self.tr("Connecting…"))
        self.connectionBadge.setObjectName("connectionBadge")
        self.connectionBadge.setAccessibleName(self.tr("Connection"))
        self.connectionBadge.setProperty("badge", "connecting")

        self.statusLabel = QLabel(self.tr("Sending your prompt…"))
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)  # it shows server errors
        self.statusLabel.setObjectName("statusLabel")
        self.statusLabel.setAccessibleName(self.tr("Status"))
        self.statusLabel.setWordWrap(True)

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

        self.checkNowButton = QPushButton(self.tr("Check now"))
        self.checkNowButton.setObjectName("checkNowButton")
        self.checkNowButton.setAccessibleName(self.tr("Check now"))
        self.checkNowButton.setProperty("role", "ghost")
        self.checkNowButton.setToolTip(self.tr("Ask the server for this job's status right away"))
        self.checkNowButton.clicked.connect(lambda: self.checkNowRequested.emit(self.job_id))

        self.cancelButton = QPushButton(self.tr("Cancel"))
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setAccessibleName(self.tr("Cancel"))
        self.cancelButton.setProperty("role", "ghost")
        self.cancelButton.setToolTip(
            self.tr("Stop following this job. The server may still finish it.")
        )
        self.cancelButton.clicked.connect(lambda: self.cancelRequested.emit(self.job_id))

        self.retryButton = QPushButton(self.tr("Retry"))
        self.retryButton.setObjectName("retryButton")
        self.retryButton.setAccessibleName(self.tr("Retry"))
        self.retryButton.setProperty("role", "primary-small")
        self.retryButton.clicked.connect(lambda: self.retryRequested.emit(self.job_id))
        self.retryButton.hide()
        self.dismissButton = QPushButton(self.tr("Dismiss"))
        self.dismissButton.setObjectName("dismissButton")
        self.dismissButton.setAccessibleName(self.tr("Dismiss"))
        self.dismissButton.setProperty("role", "ghost")
        self.dismissButton.clicked.connect(lambda: self.dismissRequested.emit(self.job_id))
        self.dismissButton.hide()

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.titleLabel, 1)
        top.addWidget(self.connectionBadge, 0)
        status_row = QHBoxLayout()
        status_row.addWidget(self.statusLabel, 1)
        status_row.addWidget(self.timeLabel, 0)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.subtitleLabel, 1)
        buttons.addWidget(self.retryButton)
        buttons.addWidget(self.dismissButton)
        buttons.addWidget(self.checkNowButton)
        buttons.addWidget(self.cancelButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(status_row)
        layout.addWidget(self.progressBar)
        layout.addLayout(buttons)
        self.refresh_times()

    def set_title(self, title: str, subtitle: str) -> None:
        self.titleLabel.set_full_text(title)
        self.subtitleLabel.setText(subtitle)

    def apply(self, update: JobUpdate) -> None:
        self.last_update = update
        progress = update.progress
        if update.state is JobState.DOWNLOADING and progress is None:
            progress = 1.0
        text = stage_text(update)
        if update.state is JobState.PROCESSING and progress is not None:
            text = self.tr("Rendering · %1%").replace("%1", str(int(progress * 100)))
        if update.state is JobState.DOWNLOADING and update.download is not None:
            text = self.tr("Downloading the video · %1%").replace(
                "%1", str(int(update.download * 100))
            )
        if update.state is JobState.FAILED:
            reason = update.error or self.tr("The server did not say why.")
            text = self.tr("Failed: %1").replace("%1", reason)
        self.statusLabel.setText(text)
        if progress is None:
            if self.progressBar.maximum() != 0:
                self.progressBar.setRange(0, 0)
        else:
            if self.progressBar.maximum() != 1000:
                self.progressBar.setRange(0, 1000)
            self.progressBar.setValue(int(progress * 1000))
            if self._progress_origin is None and progress > 0:
                self._progress_origin = (time.time(), progress)
        words, role = badge_text(update)
        if update.state.is_terminal:
            words, role = "", "hidden"
        self.connectionBadge.setText(words)
        self.connectionBadge.setVisible(bool(words))
        if self.connectionBadge.property("badge") != role:
            self.connectionBadge.setProperty("badge", role)
            self.connectionBadge.style().unpolish(self.connectionBadge)
            self.connectionBadge.style().polish(self.connectionBadge)
        failed = update.state is JobState.FAILED
        self.setProperty("state", "failed" if failed else "active")
        self.retryButton.setVisible(failed)
        self.dismissButton.setVisible(failed or update.state is JobState.CANCELLED)
        self.checkNowButton.setVisible(not update.state.is_terminal)
        self.cancelButton.setVisible(not update.state.is_terminal)
        if failed:
            self.progressBar.setRange(0, 1000)
            for widget in (self, self.progressBar):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.refresh_times()

    def remaining_seconds(self) -> float | None:
        update = self.last_update
        if update is None or update.progress is None or self._progress_origin is None:
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
        elapsed = format_duration(time.time() - self.started_at)
        remaining = self.remaining_seconds()
        if remaining is None:
            self.timeLabel.setText(elapsed)
        else:
            self.timeLabel.setText(
                self.tr("%1 · about %2 left")
                .replace("%1", elapsed)
                .replace("%2", format_duration(remaining))
            )


class ProgressPanel(QWidget):
    """The list of active jobs' cards (`jobList`), newest first."""

    checkNowRequested = Signal(str)
    cancelRequested = Signal(str)
    retryRequested = Signal(str)
    countChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: dict[str, ProgressCard] = {}
        self.header = QLabel(self.tr("In progress"))
        self.header.setProperty("role", "section")
        self.jobList = QWidget()
        self.jobList.setObjectName("jobList")
        self.jobList.setAccessibleName(self.tr("Active generations"))
        self._list_layout = QVBoxLayout(self.jobList)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(10)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        self.scrollArea = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.jobList)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

    def cards(self) -> list[ProgressCard]:
        return list(self._cards.values())

    def card(self, job_id: str) -> ProgressCard | None:
        return self._cards.get(job_id)

    def add_job(
        self, job_id: str, title: str, subtitle: str, started_at: float | None = None
    ) -> ProgressCard:
        existing = self._cards.get(job_id)
        if existing is not None:
            return existing
        card = ProgressCard(job_id, title, subtitle, started_at, self.jobList)
        card.checkNowRequested.connect(self.checkNowRequested)
        card.cancelRequested.connect(self.cancelRequested)
        card.retryRequested.connect(self.retryRequested)
        card.dismissRequested.connect(self.remove_job)
        self._list_layout.insertWidget(0, card)
        self._cards[job_id] = card
        if not self._ticker.isActive():
            self._ticker.start()
        self._fit()
        self.countChanged.emit(len(self._cards))
        return card

    def _fit(self) -> None:
        """Show up to two cards without scrolling; more scroll."""
        cards = list(self._cards.values())[-2:]
        height = sum(c.sizeHint().height() for c in cards) + 10 * max(0, len(cards) - 1)
        self.scrollArea.setFixedHeight(max(0, height) + 2)

    def apply(self, update: JobUpdate) -> None:
        card = self._cards.get(update.job_id)
        if card is not None:
            card.apply(update)

    def remove_job(self, job_id: str) -> None:
        card = self._cards.pop(job_id, None)
        if card is None:
            return
        card.hide()
        card.deleteLater()
        if not self._cards:
            self._ticker.stop()
        self._fit()
        self.countChanged.emit(len(self._cards))

    def _tick(self) -> None:
        for card in self._cards.values():
            card.refresh_times()
