"""The event envelopes of WSMessage.ts, end to end: a real JobManager follows
jobs on the scripted backend whose streams send each variant the service and
its web app use (a file event naming only a file id, render_result with a
whole file, task progress and result_url, progress text in `data.message`,
string objects, per-stream progress scales)."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest

from app.engine.updates import JobState
from tests.integration.engine_helpers import check_job, engine_run, fast_config
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import (
    Event,
    file_reference,
    file_result,
    hidden,
    progress,
    render_result_file,
    result,
    string_object,
    task_error,
    task_progress,
)

#: Polls only when asked (or after 30 s): what a test sees came from the stream.
QUIET = fast_config(safety_poll_interval=30.0, sse_idle_timeout=30.0)


def test_a_file_event_naming_only_the_file_id_polls_it_at_once(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The job is done for polling, but the stream only says "look at the file".
    job = scripted_backend.add_job(
        JobScript(events=[progress(0.5), hidden(file_result()), file_reference()])
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            started = time.monotonic()
            job_id = await run.submit()
            final = await run.finish(job_id)
            assert time.monotonic() - started < 10  # not the 30 s safety poll
            check_job(run, job, final, caplog)

    caplog.set_level(logging.INFO, logger="framecast.engine")
    asyncio.run(scenario())
    assert job.polls >= 1 and "result found by poll" in caplog.text


def test_a_file_reference_is_never_an_outcome_by_itself(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(events=[progress(0.3), file_reference(), progress(0.6), result()])
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            seen = [u.progress for u in run.updates_of(job_id) if u.state == JobState.PROCESSING]
            assert 0.6 in seen  # the job went on after the look at the file

    asyncio.run(scenario())
    assert job.polls >= 1


def test_render_result_with_a_whole_file_object_completes(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(events=[progress(0.5), render_result_file()]))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert final.url == job.result_url

    caplog.set_level(logging.INFO, logger="framecast.engine")
    asyncio.run(scenario())
    assert "result found by sse:render_result" in caplog.text


def test_task_events_carry_progress_and_a_result_url(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(events=[task_progress(40), task_progress(100, result_url=True)])
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            processing = [
                u.progress for u in run.updates_of(job_id) if u.state == JobState.PROCESSING
            ]
            assert 0.4 in processing  # percent, on this stream

    caplog.set_level(logging.INFO, logger="framecast.engine")
    asyncio.run(scenario())
    assert "result found by sse:task" in caplog.text  # not by a poll


def test_string_objects_are_skipped_and_message_text_is_read_from_data(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    upscaling = Event(
        {"type": "render_progress", "object": {"progress": 0.25}, "data": {"message": "Upscaling"}}
    )
    job = scripted_backend.add_job(
        JobScript(
            events=[string_object(), upscaling, string_object("file"), progress(0.75), result()]
        )
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            messages = [u.server_progress for u in run.updates_of(job_id)]
            assert "Upscaling" in messages

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 0.5, 1], [0.01, 0.5, 1.0]),  # 1 is 1 % until a fraction is seen, then 100 %
        ([0, 1, 45, 100], [0.0, 0.01, 0.45, 1.0]),  # percent from the start
        ([0.2, 0.9], [0.2, 0.9]),  # fractions
    ],
    ids=["fraction-after-one", "percent", "fraction"],
)
def test_progress_scale_is_decided_per_stream(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    values: list[float],
    expected: list[float],
) -> None:
    job = scripted_backend.add_job(
        JobScript(events=[*(progress(v) for v in values), result()], poll_progress=False)
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            seen = [
                u.progress
                for u in run.updates_of(job_id)
                if u.state == JobState.PROCESSING and u.progress is not None
            ]
            assert sorted(set(seen)) == pytest.approx(expected)

    asyncio.run(scenario())


def test_a_task_error_of_another_file_is_not_this_jobs_failure(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    other = Event(
        {"type": "task", "object": {"id": "t-up", "status": "ERROR", "file_id": "upload-0001"}}
    )
    job = scripted_backend.add_job(JobScript(events=[progress(0.3), other, result()]))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            check_job(run, job, await run.finish(job_id), caplog)

    asyncio.run(scenario())


def test_a_task_error_in_upper_case_fails_the_job(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shouting = task_error("the GPU caught fire")
    assert isinstance(shouting.data, dict)
    body = dict(shouting.data["object"])  # type: ignore[call-overload]
    loud = Event({"type": "task", "object": {**body, "status": "ERROR"}})
    job = scripted_backend.add_job(JobScript(events=[progress(0.3), loud]))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=QUIET) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.server_message == "the GPU caught fire"

    asyncio.run(scenario())
