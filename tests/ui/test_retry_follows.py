"""Retry in the window against a real backend on loopback (the scripted one):
a job whose video was made but did not arrive (a download cut short) is
followed again under the same id, never sent again (no second render, no
second charge), and its history keeps one row; a job the server failed to
render is sent again as a new job."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.ui import wording
from app.ui.main_window import MainWindow
from tests.support.hostile import faststart_video
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import progress, task_error
from tests.ui.conftest import wait_for

CREATE = "file/generate-video"


def _generate(window: MainWindow, qtbot: QtBot, prompt: str) -> JobUpdate:
    """Type a prompt, press Generate and wait for the job's ending."""
    form = window.form
    wait_for(qtbot, lambda: form.models, 30, "the catalogue")
    form.modelCombo.setCurrentIndex(form.modelCombo.findData("scripted/t2v"))
    form.durationCombo.setCurrentIndex(form.durationCombo.findData(1))
    qtbot.keyClicks(form.promptEdit, prompt)
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000) as finished:
        qtbot.mouseClick(form.generateButton, Qt.MouseButton.LeftButton)
    update: JobUpdate = finished.args[0]
    return update


def test_retry_after_a_failed_download_follows_the_same_job_and_creates_nothing(
    make_window: Callable[..., MainWindow],
    scripted_backend: ScriptedBackend,
    qtbot: QtBot,
    run: Callable[..., object],
) -> None:
    whole = faststart_video()
    # The server made the video, but serves it cut short (every fetch) until the flag flips.
    served = scripted_backend.add_job(JobScript(video=whole[: int(len(whole) * 0.4)]))
    window = make_window(scripted_backend.url, scripted_backend.token)

    failed = _generate(window, qtbot, "A kite over the dunes")
    assert failed.state is JobState.FAILED and failed.error_kind is ErrorKind.DOWNLOAD
    assert failed.file_id == served.file_id
    job_id = failed.job_id
    card = window.progress.card(job_id)
    assert card is not None and card.retryButton.isVisible()
    note = "Retry picks up this same video again; nothing new is made or charged."
    assert card.chargeNote.text() == note == card.retryButton.toolTip()
    assert len(scripted_backend.requests_to(CREATE, "POST")) == 1
    fetches = len(served.download_requests())

    served.video = whole  # the service's file is whole now
    added: list[str] = []
    removed: list[str] = []
    seen: list[JobUpdate] = []  # every update of the engine, none coalesced
    session = window.connection.session
    assert session is not None
    session.manager.subscribe(seen.append)
    window.jobs.jobAdded.connect(lambda job: added.append(job.job_id))
    window.jobs.jobRemoved.connect(removed.append)
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000) as finished:
        qtbot.mouseClick(card.retryButton, Qt.MouseButton.LeftButton)
    done: JobUpdate = finished.args[0]

    assert done.job_id == job_id and done.state is JobState.COMPLETED, done
    assert done.path is not None
    # Followed again: live first (no second card), then gone once the video is ready.
    assert added == [] and removed == [job_id]
    assert {u.job_id for u in seen} == {job_id}
    assert seen[0].state is JobState.QUEUED and seen[0].file_id == served.file_id
    assert len(scripted_backend.requests_to(CREATE, "POST")) == 1  # nothing rendered twice
    assert len(served.download_requests()) > fetches
    wait_for(
        qtbot,
        lambda: window.player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
        30,
        "playback",
    )
    assert window.player.path is not None and window.player.path.read_bytes() == whole

    rows = run(window.jobs.history.list())
    assert isinstance(rows, list)
    assert [(r.job_id, r.file_id, r.state) for r in rows] == [
        (job_id, served.file_id, JobState.COMPLETED)
    ]
    assert rows[0].error_kind is None


def test_retry_after_a_failed_render_sends_the_request_again(
    make_window: Callable[..., MainWindow],
    scripted_backend: ScriptedBackend,
    qtbot: QtBot,
) -> None:
    first = scripted_backend.add_job(
        JobScript(events=[progress(0.3), task_error("Out of GPU memory")])
    )
    window = make_window(scripted_backend.url, scripted_backend.token)

    failed = _generate(window, qtbot, "A lantern on a lake")
    assert failed.state is JobState.FAILED and failed.error_kind is ErrorKind.RENDER
    card = window.progress.card(failed.job_id)
    assert card is not None
    assert card.chargeNote.text() == wording.retry_charge_note(ErrorKind.RENDER, False)
    assert card.chargeNote.text().startswith(wording.not_charged())

    with qtbot.waitSignal(window.jobs.finished, timeout=30_000) as finished:
        qtbot.mouseClick(card.retryButton, Qt.MouseButton.LeftButton)
    done: JobUpdate = finished.args[0]

    assert done.state is JobState.COMPLETED and done.job_id != failed.job_id
    assert len(scripted_backend.requests_to(CREATE, "POST")) == 2
    again = scripted_backend.jobs[1]
    assert done.file_id == again.file_id != first.file_id
    assert first.request_body is not None and again.request_body == first.request_body
    assert window.progress.card(failed.job_id) is None
