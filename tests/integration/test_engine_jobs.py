"""The job manager's own duties: many jobs at once, manual checks,
cancelling, tracking an existing job, and a job that survives the process
being killed. Real `JobManager`s against the scripted backend on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.engine.updates import JobState, Transport
from tests.integration.engine_helpers import (
    capture_engine_logs,
    check_job,
    engine_run,
    fast_config,
)
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.waiting import await_until, wait_until

__all__ = ["sample_video", "scripted_backend"]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    capture_engine_logs(caplog)


def test_fifty_jobs_at_once(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_ids = await asyncio.gather(*(run.submit() for _ in range(50)))
            finals = await asyncio.wait_for(
                asyncio.gather(*(run.manager.wait(j) for j in job_ids)), 90
            )
            assert len(set(job_ids)) == 50
            for final in finals:
                assert final.file_id is not None
                job = scripted_backend.job(final.file_id)
                assert job is not None
                check_job(run, job, final, caplog)
            assert len({f.path for f in finals}) == 50
            records = await run.history.list()
            assert len(records) == 50
            assert {r.state for r in records} == {"completed"}

    asyncio.run(scenario())
    assert len(scripted_backend.jobs) == 50


def test_check_now_polls_at_once(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Keepalives keep the paused stream live (they count as activity), and
    # while it is live the safety net polls every 30 s: a poll within a few
    # seconds of check_now() can only be check_now()'s.
    job = scripted_backend.add_job(JobScript(pause_after=2, keepalive_interval=0.1))
    config = fast_config(safety_poll_interval=30.0)

    def last_poll_age() -> float:
        polls = scripted_backend.requests_to(f"file/{job.file_id}", "GET")
        return time.monotonic() - polls[-1].at if polls else 0.0

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=config) as run:
            job_id = await run.submit()
            await await_until(
                lambda: run.snapshot(job_id).transport == Transport.SSE and job.polls >= 1,
                10,
                what="a live stream",
            )
            await await_until(lambda: last_poll_age() > 0.6, 10, what="polling to settle")
            before = job.polls
            assert run.manager.diagnostics.sse_failures == 0
            run.manager.check_now(job_id)
            await await_until(lambda: job.polls > before, 15.0, what="the manual check's poll")
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())


def test_cancel_stops_following_and_says_the_service_may_finish(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=2))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            await await_until(
                lambda: run.snapshot(job_id).state == JobState.PROCESSING, 10, what="processing"
            )
            final = await run.manager.cancel(job_id)
            assert final is not None
            check_job(run, job, final, caplog, state=JobState.CANCELLED)
            assert final.stage is None and final.error_kind is None
            record = await run.history.get(job_id)
            assert record is not None and record.state == "cancelled"
            assert record.error_kind is None and record.server_message is None
            assert record.file_id == job.file_id

    asyncio.run(scenario())
    job.release()


def test_track_follows_an_existing_job(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(start_now=True)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.manager.track(job.file_id)
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)
            assert final.file_id == job.file_id
            record = await run.history.get(job_id)
            assert record is not None and record.state == "completed"
            assert record.local_path == final.path
            # Tracking it again reuses the finished record, without a new download.
            again = await run.manager.track(job.file_id)
            assert again == job_id

    asyncio.run(scenario())
    assert not scripted_backend.requests_to("file/generate-video")


# --------------------------------------------------------------------------- kill -9


def _row(db: Path) -> tuple[str | None, str, str | None] | None:
    """(file_id, state, local_path) of the history's only job, if any yet."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            row = conn.execute("SELECT file_id, state, local_path FROM jobs").fetchone()
    except sqlite3.OperationalError:  # the schema is not there yet
        return None
    return None if row is None else (row[0], row[1], row[2])


def _child(mode: str, data: Path, backend: ScriptedBackend) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "FRAMECAST_CHILD_DATA": str(data),
        "FRAMECAST_CHILD_BACKEND": backend.url,
        "FRAMECAST_CHILD_TOKEN": backend.token,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.engine_child", mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_mid_job_completes_from_history_on_restart(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=2))
    data = tmp_path / "data"
    data.mkdir()
    db = data / "history.sqlite3"
    first = _child("submit", data, scripted_backend)
    try:
        wait_until(
            lambda: (_row(db) or (None,))[0] == job.file_id,
            60,
            what="the job's file id in the history",
        )
        wait_until(lambda: job.happened() >= 2, 10, what="the job to reach its pause")
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
    assert first.returncode == -signal.SIGKILL
    row = _row(db)
    assert row is not None and row[1] not in ("completed", "failed", "cancelled")
    assert not job.download_requests()

    job.release()
    second = _child("resume", data, scripted_backend)
    try:
        out, err = second.communicate(timeout=60)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("ready ")
    final = json.loads(lines[-1])
    assert final["state"] == "completed", final
    assert Path(final["path"]).read_bytes() == job.video
    assert len(job.download_requests()) == 1
    row = _row(db)
    assert row == (job.file_id, "completed", final["path"])
    token = scripted_backend.token
    for path in data.glob("history.sqlite3*"):
        assert token.encode() not in path.read_bytes()
    assert token not in out and token not in err
