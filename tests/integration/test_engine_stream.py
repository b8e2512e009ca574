"""The engine against a faulty event stream: drops, silence, refusals, bad
events, duplicates and odd progress. One test per failure, each on a real
`JobManager` talking to the scripted backend over loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.engine.updates import ConnectionState, ErrorKind, JobState, Transport
from tests.integration.engine_helpers import (
    capture_engine_logs,
    check_job,
    engine_run,
    fast_config,
)
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import (
    encode_stream,
    error,
    file_result,
    hidden,
    oversized,
    progress,
    progress_top_level,
    raw,
    result,
    task_completed,
    task_error,
    unknown,
)
from tests.support.waiting import await_until

__all__ = ["sample_video", "scripted_backend"]


@pytest.fixture(autouse=True)
def _engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    capture_engine_logs(caplog)


def test_dropped_stream_reconnects_with_last_event_id(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(drop_stream_after=2))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert run.manager.diagnostics.sse_reconnects >= 1

    asyncio.run(scenario())
    assert job.sse_connections >= 2
    assert job.last_event_ids[0] is None
    assert job.last_event_ids[1] == "2"


def test_silent_stream_times_out_and_polling_finds_the_result(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Every connection goes quiet after one event: only polling can see the end.
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(0.25), progress(0.5), result()],
            pause_after=2,
            silent_after=1,
            silent_connections=None,
        )
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            # The idle timeout (0.5 s) ends the first connection; a second one follows.
            await await_until(lambda: job.sse_connections >= 2, 10, what="a reconnect")
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            diag = run.manager.diagnostics
            assert diag.sse_failures >= 1
            assert diag.polling_fallbacks >= 1
            assert any(u.transport == Transport.POLLING for u in run.updates_of(job_id))

    asyncio.run(scenario())
    assert "result found by poll" in caplog.text
    assert job.last_event_ids[1] == "1"


def test_quiet_stream_is_checked_and_restarted_long_before_the_idle_timeout(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The first connection goes silent (but stays open) after two events while
    # the render goes on; the idle timeout and the safety net are both 30 s.
    steps = [progress(round(0.1 * i, 1)) for i in range(1, 10)]
    job = scripted_backend.add_job(
        JobScript(
            events=[*steps, result()], event_interval=0.2, silent_after=2, silent_connections=1
        )
    )
    config = fast_config(sse_idle_timeout=30.0, safety_poll_interval=30.0)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=config) as run:
            job_id = await run.submit()
            # Well under the 30 s either timer would take: only the quiet
            # check can have found out.
            final = await asyncio.wait_for(run.finish(job_id), timeout=15)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
    assert "the stream fell behind the service" in caplog.text
    assert job.sse_connections == 2
    assert job.last_event_ids[1] == "2"


@pytest.mark.parametrize(
    "fault",
    [{"sse_status": 404}, {"sse_status": 500}, {"sse_content_type": "text/html"}],
    ids=["404", "500", "wrong-content-type"],
)
def test_refused_stream_hands_over_to_polling_at_once(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    fault: dict[str, object],
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=3, **fault))  # type: ignore[arg-type]
    # A safety-net cadence far above the primary one: polls that come at the
    # primary cadence can only be the fallback.
    config = fast_config(safety_poll_interval=30.0)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=config) as run:
            job_id = await run.submit()
            await await_until(lambda: job.sse_connections >= 1, 10, what="an SSE attempt")
            await await_until(lambda: job.polls >= 1, 10.0, what="the first poll")
            first_sse = scripted_backend.requests_to("events/")[0].at
            first_poll = scripted_backend.requests_to("file/", "GET")[0].at
            # Generous bounds for a shared machine; what they rule out is a
            # fixed wait (the web client's 60 s) or the 30 s safety cadence.
            assert first_poll - first_sse < 5.0, "the first poll waited"
            # Keep polling at the primary cadence (several within a window far
            # shorter than the safety net's 30 s) while SSE stays refused...
            await await_until(lambda: job.polls >= 5, 15.0, what="primary polling")
            window_start = job.sse_connections
            await await_until(lambda: job.polls >= 12, 10.0, what="a polling window")
            # ...and SSE is retried with backoff, not in a tight loop.
            assert job.sse_connections - window_start <= 4, job.sse_connections
            snap = run.snapshot(job_id)
            assert snap.transport == Transport.POLLING
            assert snap.connection == ConnectionState.LIVE
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert run.manager.diagnostics.sse_connects == 0

    asyncio.run(scenario())
    assert job.sse_connections <= 6


def test_bad_events_are_skipped_and_the_stream_survives(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[
                progress(0.2),
                raw("{not json"),
                raw("[1, 2]"),
                unknown("scene"),
                unknown("entity"),
                unknown("something_new"),
                raw(""),
                oversized(),
                progress(0.6),
                result(),
            ]
        )
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert 0.6 in [u.progress for u in run.updates_of(job_id)]
            diag = run.manager.diagnostics
            assert diag.events_skipped >= 3  # two malformed, one oversized
            assert diag.sse_failures == 0

    asyncio.run(scenario())
    assert job.sse_connections == 1
    assert "larger than" in caplog.text
    assert "malformed" in caplog.text


def test_the_same_result_several_times_from_both_sources_completes_once(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Polling sees the job done from the start; the stream announces it in
    # one chunk several times over, so duplicates surely reach the tracker.
    job = scripted_backend.add_job(JobScript(events=[hidden(result())], event_interval=0.001))
    script = job.script
    assert isinstance(script, JobScript)
    script.raw_chunks = [
        encode_stream(
            [
                progress(0.5),
                result(),
                result("file_url"),
                file_result(),
                task_completed(),
                result(),
            ],
            values=job.placeholders,
        )
    ]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            completed = [u for u in run.updates_of(job_id) if u.state == JobState.COMPLETED]
            assert len({(u.path, u.url) for u in completed}) == 1
            tracker = run.manager._trackers[job_id]
            assert tracker.duplicates_ignored >= 2

    asyncio.run(scenario())


def test_progress_out_of_order_never_decreases(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[
                progress(0.5),
                progress(0.3),
                progress(0.7),
                progress(0.1),
                progress(0.6),
                result(),
            ],
            event_interval=0.05,
        )
    )

    async def scenario() -> None:
        async with engine_run(
            scripted_backend, tmp_path, config=fast_config(safety_poll_interval=0.1)
        ) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            seen = [u.progress for u in run.updates_of(job_id) if u.progress is not None]
            assert 0.7 in seen and 0.3 not in seen and 0.1 not in seen

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("events", "top"),
    [
        ([progress(0.1), progress(0.45), progress(0.9)], 0.9),
        ([progress(10), progress(45), progress(90)], 0.9),
        ([progress(1), progress(45), progress(100)], 1.0),
        ([progress_top_level(0.2), progress_top_level(0.8)], 0.8),
        ([progress_top_level(20), progress_top_level(80)], 0.8),
    ],
    ids=["fraction", "percent", "percent-from-one", "top-level-fraction", "top-level-percent"],
)
def test_progress_scales_are_normalised(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    events: list[object],
    top: float,
) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[*events, result()],  # type: ignore[list-item]
            event_interval=0.03,
        )
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            before_download = [
                u.progress
                for u in run.updates_of(job_id)
                if u.state == JobState.PROCESSING and u.progress is not None
            ]
            assert before_download
            assert max(before_download) == pytest.approx(top)
            assert min(before_download) < 0.5

    asyncio.run(scenario())


@pytest.mark.parametrize(
    "failure",
    [task_error("the GPU caught fire"), error("the GPU caught fire")],
    ids=["task", "error"],
)
def test_failure_reaches_the_user_with_the_servers_message(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    failure: object,
) -> None:
    job = scripted_backend.add_job(JobScript(events=[progress(0.3), failure]))  # type: ignore[list-item]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.server_message == "the GPU caught fire"
            assert final.error_kind == ErrorKind.RENDER
            record = await run.history.get(job_id)
            assert record is not None and record.state == "failed"
            assert (record.error_kind, record.server_message) == ("render", "the GPU caught fire")

    asyncio.run(scenario())
