"""The queue's engine side without Qt: a real `JobManager` and `QueueDispatcher`
on the scripted backend over loopback, the queue in a real history database.
Counted at the server: jobs past the limit wait and are sent as slots free,
pause and resume, reorder and remove, takes with consecutive seeds, and a
restart (or a stop between "sending" and "sent") sends each item exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.api.client import SuperDuperClient
from app.api.models import MAX_SEED, GenerationRequest
from app.api.requests import take_seeds
from app.engine.manager import JobManager
from app.engine.queue import QueueDispatcher, new_items, request_of
from app.engine.updates import JobState, JobUpdate
from app.store.history import AsyncHistoryStore, HistoryStore
from app.store.queue import AsyncQueueStore, ItemState, QueueStore
from tests.integration.engine_helpers import FAST, capture_engine_logs
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend, ScriptedJob
from tests.support.waiting import await_until

__all__ = ["sample_video", "scripted_backend"]

BACKEND = "scripted"


def request(prompt: str, seed: int | None = None) -> GenerationRequest:
    return GenerationRequest(
        prompt=prompt, generation_config_name="scripted/t2v", duration=1, seed=seed
    )


@pytest.fixture(autouse=True)
def _engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    capture_engine_logs(caplog)


@dataclass
class QueueRun:
    manager: JobManager
    dispatcher: QueueDispatcher
    history: AsyncHistoryStore
    store: AsyncQueueStore


@asynccontextmanager
async def queue_run(
    backend: ScriptedBackend, db_path: Path, limit: int, *, start: bool = True
) -> AsyncIterator[QueueRun]:
    """A manager and its dispatcher on `backend`, the queue in `db_path`'s history."""
    history = AsyncHistoryStore(HistoryStore(db_path))
    store = AsyncQueueStore(db_path)
    client = SuperDuperClient(backend.url, backend.token)
    manager = JobManager(
        client, history, videos_dir=db_path.parent / "videos", config=FAST, backend_id=BACKEND
    )
    dispatcher = QueueDispatcher(manager, store, backend_id=BACKEND, limit=limit)
    try:
        await manager.resume_unfinished()
        if start:
            await dispatcher.start()
        yield QueueRun(manager, dispatcher, history, store)
    finally:
        await dispatcher.aclose()
        await manager.aclose()
        await client.aclose()
        await store.aclose()
        await history.aclose()


async def finish(run: QueueRun, job_id: str) -> JobUpdate:
    """The end of a job that may still wait in the queue."""
    await await_until(lambda: run.manager.snapshot(job_id) is not None, 30, what="sent")
    return await asyncio.wait_for(run.manager.wait(job_id), 30)


def creates(backend: ScriptedBackend) -> int:
    return len(backend.requests_to("file/generate-video", "POST"))


def sent(backend: ScriptedBackend) -> list[ScriptedJob]:
    """The jobs the server created, in the order their creates came."""
    return [job for job in backend.jobs if job.request_body is not None]


def prompt_of(job: ScriptedJob) -> str:
    config = (job.request_body or {}).get("config")
    assert isinstance(config, dict)
    return str(config.get("prompt"))


def seed_of(job: ScriptedJob) -> int:
    config = (job.request_body or {}).get("config")
    assert isinstance(config, dict)
    return int(config["seed"])


def held(backend: ScriptedBackend, count: int) -> list[ScriptedJob]:
    """`count` jobs that wait after their first event until released."""
    return [backend.add_job(JobScript(pause_after=1)) for _ in range(count)]


def test_jobs_past_the_limit_wait_and_go_as_slots_free(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    jobs = held(scripted_backend, 4)

    async def scenario() -> None:
        async with queue_run(scripted_backend, tmp_path / "history.db", limit=2) as run:
            ids = [(await run.dispatcher.submit([request(f"shot {n}")]))[0] for n in range(1, 5)]
            await await_until(lambda: creates(scripted_backend) == 2, 10, what="two sent")
            await await_until(
                lambda: all(
                    (s := run.manager.snapshot(i)) is not None and s.state is JobState.PROCESSING
                    for i in ids[:2]
                ),
                10,
                what="both rendering",
            )
            assert [i.prompt for i in run.dispatcher.items] == ["shot 3", "shot 4"]
            assert creates(scripted_backend) == 2  # nothing more while both slots are taken
            assert run.dispatcher.would_wait()

            jobs[0].release()
            await await_until(
                lambda: (
                    creates(scripted_backend) == 3
                    and [i.prompt for i in run.dispatcher.items] == ["shot 4"]
                ),
                10,
                what="the third sent, the fourth waiting",
            )
            for job in jobs:
                job.release()
            finals = await asyncio.gather(*(finish(run, i) for i in ids))
            assert {f.state for f in finals} == {JobState.COMPLETED}
            assert run.dispatcher.items == []
            assert [prompt_of(job) for job in sent(scripted_backend)] == [
                f"shot {n}" for n in range(1, 5)
            ]
            assert creates(scripted_backend) == 4
            assert len(await run.history.list()) == 4

    asyncio.run(scenario())


def test_takes_get_consecutive_seeds_and_one_group(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with queue_run(scripted_backend, tmp_path / "history.db", limit=1) as run:
            # The count goes on from 0 past the largest seed.
            takes = [request("a kite", seed) for seed in take_seeds(MAX_SEED - 1, 3)]
            ids = await run.dispatcher.submit(takes)
            assert len(run.dispatcher.items) == 2  # one sent, two waiting (limit 1)
            await asyncio.gather(*(finish(run, i) for i in ids))
            assert [seed_of(job) for job in sent(scripted_backend)] == [MAX_SEED - 1, MAX_SEED, 0]
            rows = [await run.history.get(i) for i in ids]
            assert all(r is not None for r in rows)
            groups = {r.take_group for r in rows if r is not None}
            assert len(groups) == 1 and None not in groups
            assert [(r.take_number, r.take_count) for r in rows if r is not None] == [
                (1, 3),
                (2, 3),
                (3, 3),
            ]

    asyncio.run(scenario())


def test_pause_stops_sending_and_resume_goes_on(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    db = tmp_path / "history.db"

    async def scenario() -> None:
        async with queue_run(scripted_backend, db, limit=1) as run:
            await run.dispatcher.set_paused(True)
            first = (await run.dispatcher.submit([request("first")]))[0]
            second = (await run.dispatcher.submit([request("second")]))[0]
            assert [i.item_id for i in run.dispatcher.items] == [first, second]
            assert creates(scripted_backend) == 0  # queued jobs are not sent, cost nothing
            assert await run.store.paused()

            await run.dispatcher.set_paused(False)
            await finish(run, first)
            await finish(run, second)
            assert [prompt_of(j) for j in sent(scripted_backend)] == ["first", "second"]

    asyncio.run(scenario())


def test_reorder_and_remove_change_what_is_sent(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with queue_run(scripted_backend, tmp_path / "history.db", limit=1) as run:
            await run.dispatcher.set_paused(True)
            a, b, c, d = [(await run.dispatcher.submit([request(name)]))[0] for name in "ABCD"]
            await run.dispatcher.reorder([c, a, b, d])
            await run.dispatcher.move_to_top(d)
            assert await run.dispatcher.remove(a)
            assert [i.prompt for i in run.dispatcher.items] == ["D", "C", "B"]
            await run.dispatcher.set_paused(False)
            for job_id in (d, c, b):
                await finish(run, job_id)
            assert [prompt_of(j) for j in sent(scripted_backend)] == ["D", "C", "B"]
            assert await run.history.get(a) is None  # removed: never sent, never recorded

    asyncio.run(scenario())


def test_a_restart_sends_each_waiting_item_exactly_once(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    db = tmp_path / "history.db"

    async def first_run() -> list[str]:
        async with queue_run(scripted_backend, db, limit=1) as run:
            await run.dispatcher.set_paused(True)
            return await run.dispatcher.submit([request(f"take {n}") for n in (1, 2, 3)])

    async def second_run(ids: list[str]) -> None:
        async with queue_run(scripted_backend, db, limit=1) as run:
            assert run.dispatcher.paused  # remembered
            assert [i.item_id for i in run.dispatcher.items] == ids
            assert creates(scripted_backend) == 0
            await run.dispatcher.set_paused(False)
            for job_id in ids:
                await finish(run, job_id)

    async def third_run() -> None:
        async with queue_run(scripted_backend, db, limit=1) as run:
            assert run.dispatcher.items == []
            assert len(await run.history.list()) == 3

    ids = asyncio.run(first_run())
    asyncio.run(second_run(ids))
    asyncio.run(third_run())
    assert creates(scripted_backend) == 3
    assert [prompt_of(j) for j in sent(scripted_backend)] == ["take 1", "take 2", "take 3"]


def test_a_stop_between_sending_and_sent_sends_nothing_twice(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    """Framecast stopped after marking items `sending`: one whose job row was
    written (so its create may have gone out) is never sent again; one
    without a row was never sent and waits again, in its place."""
    db = tmp_path / "history.db"

    async def crash() -> tuple[str, str]:
        # The dispatcher's own steps, stopped half way: both marked `sending`,
        # one handed to the manager (its row written, its create sent, even
        # finished), neither taken out of the queue.
        async with queue_run(scripted_backend, db, limit=2, start=False) as run:
            await run.store.add(new_items(BACKEND, [request("handed over")], None))
            await run.store.add(new_items(BACKEND, [request("only marked")], None))
            handed = await run.store.next_waiting(BACKEND)
            marked = await run.store.next_waiting(BACKEND)
            assert handed is not None and marked is not None
            await run.manager.submit(request_of(handed), job_id=handed.item_id)
            await asyncio.wait_for(run.manager.wait(handed.item_id), 30)
            return handed.item_id, marked.item_id

    async def restart(handed: str, marked: str) -> None:
        async with queue_run(scripted_backend, db, limit=2) as run:
            assert run.dispatcher.items == [] or [i.item_id for i in run.dispatcher.items] == [
                marked
            ]
            final = await finish(run, marked)
            assert final.state is JobState.COMPLETED
            assert run.dispatcher.items == []
            assert {r.job_id for r in await run.history.list()} == {handed, marked}

    handed, marked = asyncio.run(crash())
    left = QueueStore(db)
    try:
        assert {i.item_id: i.state for i in left.items(BACKEND)} == {
            handed: ItemState.SENDING,
            marked: ItemState.SENDING,
        }
    finally:
        left.close()
    assert creates(scripted_backend) == 1
    asyncio.run(restart(handed, marked))
    assert creates(scripted_backend) == 2  # the handed-over one was not sent again
    assert sorted(prompt_of(j) for j in sent(scripted_backend)) == ["handed over", "only marked"]
