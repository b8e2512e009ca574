"""The jobs model without any widget: submitting, following, finishing, failing, resuming."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.api.models import GenerationRequest
from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.store.history import AsyncHistoryStore, JobRecord
from app.ui.models.jobs import ActiveJob, JobsModel
from app.ui.models.problems import NotConnected
from app.ui.models.video import Video
from app.ui.tasks import TaskGroup
from tests.ui.conftest import wait_for
from tests.ui.fakes import FakeEngine, FakeSession

Run = Callable[..., object]

REQUEST = GenerationRequest(
    prompt="Lanterns rising over a lake",
    generation_config_name="fake/t2v",
    duration=8,
    width=854,
    height=480,
    seed=3,
)
LABELS = {"fake/t2v": "Fake model"}


def label(name: str | None) -> str:
    return LABELS.get(name or "", name or "")


@pytest.fixture
def jobs(store: AsyncHistoryStore, run: Run) -> JobsModel:
    return JobsModel(store, TaskGroup(), label)


def attach(jobs: JobsModel) -> FakeEngine:
    session = FakeSession()
    jobs.attach(session)  # type: ignore[arg-type]
    return session.manager


def deliver(jobs: JobsModel, engine: FakeEngine, update: JobUpdate) -> None:
    engine.emit(update)
    jobs.bridge.flush()  # as the next frame would


def test_a_submitted_job_is_listed_at_once_with_what_it_was_made_of(
    jobs: JobsModel, run: Run
) -> None:
    engine = attach(jobs)
    busy: list[bool] = []
    added: list[ActiveJob] = []
    jobs.submittingChanged.connect(busy.append)
    jobs.jobAdded.connect(added.append)

    job_id = run(jobs.submit(REQUEST))

    assert busy == [True, False]
    assert engine.submitted == [(job_id, REQUEST, None)]
    (job,) = added
    assert (job.job_id, job.title, job.model_label) == (job_id, REQUEST.prompt, "Fake model")
    assert (job.duration, job.aspect) == (8, "16:9")
    assert job.update.state is JobState.SUBMITTING
    assert jobs.count == 1 and jobs.job(job_id) == job


def test_nothing_is_sent_without_a_session(jobs: JobsModel, run: Run) -> None:
    with pytest.raises(NotConnected):
        run(jobs.submit(REQUEST))
    assert jobs.jobs() == []


def test_a_completed_job_leaves_the_list_and_offers_its_video(
    jobs: JobsModel, run: Run, tmp_path: Path
) -> None:
    engine = attach(jobs)
    job_id = run(jobs.submit(REQUEST))
    changed: list[ActiveJob] = []
    removed: list[str] = []
    videos: list[Video] = []
    finished: list[JobUpdate] = []
    jobs.jobChanged.connect(changed.append)
    jobs.jobRemoved.connect(removed.append)
    jobs.videoReady.connect(videos.append)
    jobs.finished.connect(finished.append)

    deliver(jobs, engine, JobUpdate(job_id=job_id, state=JobState.PROCESSING, progress=0.5))
    assert changed[-1].update.progress == 0.5 and changed[-1].title == REQUEST.prompt
    video, poster = tmp_path / "v.mp4", tmp_path / "v.jpg"
    done = JobUpdate(
        job_id=job_id,
        state=JobState.COMPLETED,
        progress=1.0,
        path=str(video),
        thumbnail=str(poster),
        url="https://cdn.example/v.mp4",
    )
    deliver(jobs, engine, done)

    assert removed == [job_id] and jobs.count == 0
    assert videos == [Video(video, poster, REQUEST.prompt, "https://cdn.example/v.mp4")]
    assert finished == [done]


def test_a_failed_job_stays_until_retried_and_retry_sends_its_request_again(
    jobs: JobsModel, store: AsyncHistoryStore, run: Run
) -> None:
    engine = attach(jobs)
    run(
        store.insert(
            JobRecord(job_id="old", prompt=REQUEST.prompt, request_json=REQUEST.model_dump_json())
        )
    )
    failed: list[JobUpdate] = []
    refused: list[bool] = []
    jobs.jobFailed.connect(failed.append)
    jobs.tokenRefused.connect(lambda: refused.append(True))
    failure = JobUpdate(
        job_id="old",
        state=JobState.FAILED,
        server_message="Out of memory",
        error_kind=ErrorKind.RENDER,
    )
    deliver(jobs, engine, failure)
    assert failed == [failure] and refused == []
    assert jobs.job("old") is not None  # a job we had no card for gets one, to retry

    new_id = run(jobs.retry("old"))

    assert engine.submitted == [(new_id, REQUEST, None)]
    assert jobs.job("old") is None and jobs.job(new_id) is not None


def test_a_job_failing_on_its_token_says_the_token_was_refused(jobs: JobsModel) -> None:
    engine = attach(jobs)
    refused: list[bool] = []
    jobs.tokenRefused.connect(lambda: refused.append(True))
    deliver(jobs, engine, JobUpdate(job_id="j", state=JobState.FAILED, error_kind=ErrorKind.AUTH))
    assert refused == [True]


def test_cancelling_lets_the_job_go(jobs: JobsModel, run: Run) -> None:
    engine = attach(jobs)
    job_id = run(jobs.submit(REQUEST))
    jobs.check_now(job_id)
    run(jobs.cancel(job_id))
    assert engine.checked == [job_id] and engine.cancelled == [job_id]
    assert jobs.job(job_id) is None and jobs.count == 0


def test_unfinished_jobs_come_back_with_their_titles(
    jobs: JobsModel, store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    run(
        store.insert(
            JobRecord(
                job_id="left-running",
                prompt="A glacier calving",
                model="fake/t2v",
                request_json=REQUEST.model_dump_json(),
                state="processing",
            )
        )
    )
    session = FakeSession()
    session.manager.unfinished = ["left-running", "unknown"]
    jobs.attach(session)  # type: ignore[arg-type]
    wait_for(qtbot, lambda: jobs.count == 2, 5, "the resumed jobs")
    resumed = jobs.job("left-running")
    assert resumed is not None
    assert (resumed.title, resumed.model_label, resumed.duration) == (
        "A glacier calving",
        "Fake model",
        8,
    )
    unknown = jobs.job("unknown")
    assert unknown is not None and unknown.title == ""  # shown as an untitled video

    jobs.attach(None)  # the session closed: updates no longer arrive
    assert session.manager.subscribers == []
