"""The bridge coalesces engine updates to the screen's pace; cards render the jobs model."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.engine.updates import ConnectionState, ErrorKind, JobState, JobUpdate, Transport
from app.store.history import AsyncHistoryStore
from app.ui.bridge import JobBridge
from app.ui.models.jobs import JobsModel
from app.ui.progress_panel import ProgressCard, ProgressPanel
from app.ui.tasks import TaskGroup
from tests.ui.fakes import FakeEngine, FakeSession


def test_many_updates_become_one_signal_per_job_per_frame(qtbot: QtBot) -> None:
    bridge = JobBridge()
    engine = FakeEngine()
    bridge.attach(engine)
    seen: list[JobUpdate] = []
    bridge.jobUpdated.connect(seen.append)
    for i in range(100):
        for job in ("a", "b"):
            engine.emit(JobUpdate(job_id=job, state=JobState.PROCESSING, progress=i / 100))
    assert seen == []  # nothing painted mid-burst
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert sorted((u.job_id, u.progress) for u in seen) == [("a", 0.99), ("b", 0.99)]
    bridge.detach()
    assert engine.subscribers == []


def test_a_terminal_update_is_delivered_at_once_and_only_once(qtbot: QtBot) -> None:
    bridge = JobBridge()
    engine = FakeEngine()
    bridge.attach(engine)
    finished: list[JobUpdate] = []
    bridge.jobFinished.connect(finished.append)
    done = JobUpdate(job_id="a", state=JobState.COMPLETED, progress=1.0, path="/tmp/a.mp4")
    engine.emit(JobUpdate(job_id="a", state=JobState.DOWNLOADING, progress=1.0))
    engine.emit(done)
    assert finished == [done]  # no frame of delay
    engine.emit(done)
    bridge.flush()
    assert finished == [done]


def test_a_job_followed_again_after_its_ending_ends_once_more(qtbot: QtBot) -> None:
    bridge = JobBridge()
    engine = FakeEngine()
    bridge.attach(engine)
    finished: list[JobUpdate] = []
    bridge.jobFinished.connect(finished.append)
    failed = JobUpdate(job_id="a", state=JobState.FAILED, error_kind=ErrorKind.DOWNLOAD)
    engine.emit(failed)
    engine.emit(JobUpdate(job_id="a", state=JobState.QUEUED, file_id="f"))  # Retry follows it
    qtbot.waitUntil(lambda: bridge.emitted == 2, timeout=2000)
    done = JobUpdate(job_id="a", state=JobState.COMPLETED, progress=1.0, path="/tmp/a.mp4")
    engine.emit(done)
    engine.emit(done)
    assert finished == [failed, done]


def test_card_shows_busy_progress_badges_and_failure(
    qtbot: QtBot, store: AsyncHistoryStore, run: Callable[..., object]
) -> None:
    jobs = JobsModel(store, TaskGroup(), lambda name: name or "")
    session = FakeSession()
    jobs.attach(session)  # type: ignore[arg-type]
    engine = session.manager
    panel = ProgressPanel(jobs)
    qtbot.addWidget(panel)
    checks: list[str] = []
    cancels: list[str] = []
    retries: list[str] = []
    panel.checkNowRequested.connect(checks.append)
    panel.cancelRequested.connect(cancels.append)
    panel.retryRequested.connect(retries.append)
    panel.dismissRequested.connect(jobs.dismiss)

    def show(update: JobUpdate) -> ProgressCard:
        engine.emit(update)
        jobs.bridge.flush()
        card = panel.card("j1")
        assert card is not None
        return card

    card = show(JobUpdate(job_id="j1", state=JobState.QUEUED))
    assert panel.isVisibleTo(panel.parentWidget() or panel) and panel.cards() == [card]
    assert card.objectName() == "progressCard"
    for name in ("progressBar", "statusLabel", "connectionBadge", "checkNowButton", "cancelButton"):
        child = getattr(card, name)
        assert child.objectName() == name and child.accessibleName()
    assert card.titleLabel.full_text() == "New video"  # an update before its title is known
    assert card.progressBar.maximum() == 0  # busy: no percent known yet
    assert card.statusLabel.text() == "Waiting in the queue…"
    live = dict(transport=Transport.SSE, connection=ConnectionState.LIVE)
    card = show(JobUpdate(job_id="j1", state=JobState.PROCESSING, progress=0.4, **live))
    assert (card.progressBar.maximum(), card.progressBar.value()) == (1000, 400)
    assert card.statusLabel.text() == "Rendering · 40%"
    assert card.connectionBadge.text() == "Live"
    assert card.connectionBadge.property("badge") == "live"
    card = show(
        JobUpdate(
            job_id="j1",
            state=JobState.PROCESSING,
            progress=0.5,
            transport=Transport.POLLING,
            connection=ConnectionState.LIVE,
            poll_interval=2.0,
        )
    )
    assert card.connectionBadge.text() == "Checking every 2 s"
    card = show(
        JobUpdate(
            job_id="j1",
            state=JobState.PROCESSING,
            progress=0.5,
            transport=Transport.SSE,
            connection=ConnectionState.RECONNECTING,
        )
    )
    assert card.connectionBadge.text() == "Reconnecting…"
    card = show(
        JobUpdate(
            job_id="j1", state=JobState.PROCESSING, progress=0.5, connection=ConnectionState.OFFLINE
        )
    )
    assert card.connectionBadge.text().startswith("Offline")
    assert card.connectionBadge.property("badge") == "offline"

    card.checkNowButton.click()
    card.cancelButton.click()
    assert checks == ["j1"] and cancels == ["j1"]

    card = show(
        JobUpdate(
            job_id="j1",
            state=JobState.FAILED,
            progress=0.5,
            server_message="The GPU caught fire",
            error_kind=ErrorKind.RENDER,
        )
    )
    assert card.statusLabel.text() == "The render failed: The GPU caught fire"
    assert card.property("state") == "failed"
    assert card.retryButton.isVisibleTo(card) and not card.cancelButton.isVisibleTo(card)
    card.retryButton.click()
    assert retries == ["j1"]
    card.dismissButton.click()
    assert panel.cards() == [] and jobs.jobs() == [] and jobs.count == 0
