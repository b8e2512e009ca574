"""A real `JobManager` against the scripted backend, and the checks every
engine failure test makes.

`engine_run()` opens a client, a history database in a temporary directory
and a manager with short intervals, records every `JobUpdate`, and closes it
all afterwards. `check_job()` asserts what must hold after any job, whatever
went wrong on the way: the expected terminal state, exactly one download of
the result (counted on both origins), the bytes intact, progress that never
decreased, and the token absent from the updates, the history database file
and the captured logs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest
from app.engine.config import EngineConfig
from app.engine.manager import JobManager
from app.engine.updates import JobState, JobUpdate
from app.store.history import AsyncHistoryStore, HistoryStore
from tests.support.scripted_backend import ScriptedBackend, ScriptedJob

#: Intervals squeezed so a failure test takes a second or two, not minutes.
FAST = EngineConfig(
    poll_interval=0.2,
    poll_interval_max=1.0,
    safety_poll_interval=1.0,
    sse_idle_timeout=0.5,
    sse_backoff_initial=0.05,
    sse_backoff_max=0.5,
    sse_refused_retry=0.5,
    not_found_grace=10.0,
    create_attempts=3,
    download_attempts=5,
    retry_after_max=5.0,
)

REQUEST = GenerationRequest(
    prompt="a paper boat on a river at dawn", generation_config_name="scripted/t2v", duration=1
)

#: How long a scenario may wait for a job's end before the test fails.
JOB_TIMEOUT = 30.0


def fast_config(**overrides: object) -> EngineConfig:
    return replace(FAST, **overrides)  # type: ignore[arg-type]


@dataclass
class EngineRun:
    """One manager on one backend, with everything it published."""

    backend: ScriptedBackend
    manager: JobManager
    history: AsyncHistoryStore
    db_path: Path
    videos_dir: Path
    updates: list[JobUpdate] = field(default_factory=list)

    async def submit(self, request: GenerationRequest = REQUEST) -> str:
        return await self.manager.submit(request)

    async def finish(self, job_id: str, timeout: float = JOB_TIMEOUT) -> JobUpdate:
        return await asyncio.wait_for(self.manager.wait(job_id), timeout)

    def updates_of(self, job_id: str) -> list[JobUpdate]:
        return [u for u in self.updates if u.job_id == job_id]

    def snapshot(self, job_id: str) -> JobUpdate:
        snap = self.manager.snapshot(job_id)
        assert snap is not None
        return snap


@asynccontextmanager
async def engine_run(
    backend: ScriptedBackend,
    tmp_path: Path,
    *,
    config: EngineConfig = FAST,
    token: str | None = None,
    videos_dir: Path | None = None,
) -> AsyncIterator[EngineRun]:
    """A manager on `backend` (with its token unless `token` is given), saving
    videos in `tmp_path/videos` unless `videos_dir` is given."""
    db_path = tmp_path / "history.sqlite3"
    videos_dir = videos_dir or tmp_path / "videos"
    history = AsyncHistoryStore(HistoryStore(db_path))
    client = SuperDuperClient(backend.url, backend.token if token is None else token)
    manager = JobManager(client, history, videos_dir=videos_dir, config=config)
    run = EngineRun(backend, manager, history, db_path, videos_dir)
    manager.subscribe(run.updates.append)
    try:
        yield run
    finally:
        await manager.aclose()
        await client.aclose()
        await history.aclose()


def assert_monotonic(updates: list[JobUpdate]) -> None:
    values = [u.progress for u in updates if u.progress is not None]
    assert all(0.0 <= v <= 1.0 for v in values), values
    assert values == sorted(values), f"progress went backwards: {values}"


def assert_one_terminal(updates: list[JobUpdate]) -> None:
    """Exactly one terminal transition: once terminal, the state never changes."""
    states = [u.state for u in updates]
    terminal = [i for i, s in enumerate(states) if s.is_terminal]
    assert terminal, f"no terminal state in {states}"
    assert len({states[i] for i in terminal}) == 1
    assert all(states[i].is_terminal for i in range(terminal[0], len(states)))


def assert_token_absent(token: str, run: EngineRun, caplog: pytest.LogCaptureFixture) -> None:
    for update in run.updates:
        assert token not in repr(update), "token in a JobUpdate"
    for path in run.db_path.parent.glob(run.db_path.name + "*"):
        assert token.encode() not in path.read_bytes(), f"token in {path.name}"
    assert token not in caplog.text, "token in the logs"
    for record in caplog.records:
        assert token not in record.getMessage()


def check_job(
    run: EngineRun,
    job: ScriptedJob,
    final: JobUpdate,
    caplog: pytest.LogCaptureFixture,
    *,
    state: JobState = JobState.COMPLETED,
    download_requests: int | None = None,
) -> None:
    """Everything that must hold after a job, whatever happened on the way.

    `download_requests` is how many requests for the result file the origins
    should have seen (more than one only where a redirect or a resumed
    download is the point of the test)."""
    updates = run.updates_of(final.job_id)
    assert final.state == state, (final.state, final.error_kind, final.server_message)
    assert_one_terminal(updates)
    assert updates[-1].state == state
    assert_monotonic(updates)
    requests = job.download_requests()
    if state == JobState.COMPLETED:
        assert final.path is not None
        path = Path(final.path)
        assert path.is_file() and path.parent == run.videos_dir
        assert path.read_bytes() == job.video, "downloaded bytes differ from the served ones"
        assert len(requests) == (download_requests or 1), requests
        assert final.progress == 1.0
        assert not list(run.videos_dir.glob(".*.part")), "a partial file was left behind"
    else:
        assert len(requests) == (download_requests or 0), requests
    assert_token_absent(run.backend.token, run, caplog)


def capture_engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="framecast")
