"""The engine against a faulty backend and faulty results: refused tokens,
rate limits, outages, results on other hosts, slow, cut and hostile
downloads, the legacy create shape. One test per failure, each on a real
`JobManager` talking to the scripted backend over loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.engine.updates import ConnectionState, ErrorKind, JobState
from tests.integration.engine_helpers import (
    assert_token_absent,
    capture_engine_logs,
    check_job,
    engine_run,
    fast_config,
)
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import progress, result
from tests.support.waiting import await_until

__all__ = ["sample_video", "scripted_backend"]

#: Few requests at most before a refused token ends a job.
AUTH_REQUEST_LIMIT = 5


@pytest.fixture(autouse=True)
def _engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    capture_engine_logs(caplog)


# --------------------------------------------------------------------------- the backend


def test_refused_token_on_create_fails_fast(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "wrong-" + scripted_backend.token[::-1]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, token=wrong) as run:
            job_id = await run.submit()
            final = await run.finish(job_id, timeout=10)
            assert final.state == JobState.FAILED
            assert final.error_kind == ErrorKind.AUTH
            assert final.stage is None
            assert_token_absent(scripted_backend.token, run, caplog)
            assert_token_absent(wrong, run, caplog)

    asyncio.run(scenario())
    assert len(scripted_backend.requests) <= AUTH_REQUEST_LIMIT, scripted_backend.requests


def test_refused_token_while_following_fails_fast(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=1), start_now=True)
    wrong = "wrong-" + scripted_backend.token[::-1]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, token=wrong) as run:
            job_id = await run.manager.track(job.file_id)
            final = await run.finish(job_id, timeout=10)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.AUTH
            assert_token_absent(wrong, run, caplog)

    asyncio.run(scenario())
    assert len(scripted_backend.requests) <= AUTH_REQUEST_LIMIT, scripted_backend.requests


def test_rate_limited_create_waits_for_retry_after(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job()
    scripted_backend.fail_next_creates(429, retry_after=1)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
    creates = scripted_backend.requests_to("file/generate-video", "POST")
    assert len(creates) == 2
    assert creates[1].at - creates[0].at >= 0.95, "Retry-After was not honoured"


def test_rate_limited_poll_waits_for_retry_after(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # SSE refused, so polling is primary (every 0.2 s) when the 429 comes.
    job = scripted_backend.add_job(JobScript(sse_status=503))
    scripted_backend.inject("GET", f"file/{job.file_id}", 429, retry_after=1)

    async def scenario() -> None:
        async with engine_run(
            scripted_backend, tmp_path, config=fast_config(sse_refused_retry=30.0)
        ) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
    polls = scripted_backend.requests_to(f"file/{job.file_id}", "GET")
    assert len(polls) >= 2
    assert polls[1].at - polls[0].at >= 0.95, "Retry-After was not honoured"


def test_backend_outage_mid_job_then_completes(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(events=[progress(0.3), progress(0.6), result()], pause_after=2)
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            await await_until(
                lambda: run.snapshot(job_id).progress == 0.6, 10, what="progress before the outage"
            )
            await asyncio.to_thread(scripted_backend.outage, 2.0)
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            connections = [u.connection for u in run.updates_of(job_id)]
            lost = [
                i
                for i, c in enumerate(connections)
                if c in (ConnectionState.OFFLINE, ConnectionState.RECONNECTING)
            ]
            assert lost, connections
            assert ConnectionState.LIVE in connections[lost[0] :]
            assert run.manager.diagnostics.sse_failures >= 1

    asyncio.run(scenario())


# --------------------------------------------------------------------------- the result


@pytest.mark.parametrize("host", ["cdn", "redirect"])
def test_result_on_another_host_gets_no_token(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture, host: str
) -> None:
    job = scripted_backend.add_job(JobScript(video_host=host))  # type: ignore[arg-type]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, download_requests=2 if host == "redirect" else 1)

    asyncio.run(scenario())
    cdn = [r for r in scripted_backend.cdn.requests if r.path.endswith(".mp4")]
    assert len(cdn) == 1
    for request in scripted_backend.cdn.requests:
        assert request.authorization is None
        assert scripted_backend.token not in str(request.headers)


def test_slow_download_reports_download_progress(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(download_chunk_size=512, download_chunk_delay=0.03))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            fractions = [
                u.download
                for u in run.updates_of(job_id)
                if u.state == JobState.DOWNLOADING and u.download is not None
            ]
            assert len(fractions) >= 3
            assert fractions == sorted(fractions) and fractions[-1] == 1.0

    asyncio.run(scenario())


@pytest.mark.parametrize("host", ["backend", "cdn"])
def test_interrupted_download_resumes_with_range(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    host: str,
    sample_video: bytes,
) -> None:
    cut = len(sample_video) // 2
    job = scripted_backend.add_job(
        JobScript(video_host=host, download_chunk_size=256, download_cut_after=cut)
    )  # type: ignore[arg-type]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, download_requests=2)
            assert run.manager.diagnostics.download_retries == 1

    asyncio.run(scenario())
    first, second = job.download_requests()
    assert "range" not in first.headers
    assert second.headers.get("range") == f"bytes={cut}-"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/video.mp4"])
def test_non_http_result_url_is_never_read(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture, url: str
) -> None:
    job = scripted_backend.add_job(JobScript(result_url_override=url))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.DOWNLOAD
            assert final.server_message is None  # nothing the service said: our refusal
            assert not run.videos_dir.exists() or not any(run.videos_dir.iterdir())

    asyncio.run(scenario())


@pytest.mark.parametrize("shape", ["legacy", "legacy_entry_id"])
def test_legacy_create_shape(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture, shape: str
) -> None:
    job = scripted_backend.add_job(JobScript(create_shape=shape))  # type: ignore[arg-type]

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert final.file_id == job.file_id

    asyncio.run(scenario())
