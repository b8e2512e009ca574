"""Event logs: ids from 1, replay after any id, waiting for the next event."""

from __future__ import annotations

import asyncio

from app.local.jobs import EventLog


def test_ids_grow_by_one_and_replay_is_a_suffix() -> None:
    async def scenario() -> None:
        log = EventLog()
        for n in range(5):
            log.append({"type": "render_progress", "object": {"progress": n / 4}})
        assert [e.id for e in log.events] == [1, 2, 3, 4, 5]
        assert [e.id for e in log.after(0)] == [1, 2, 3, 4, 5]
        assert [e.id for e in log.after(3)] == [4, 5]
        assert log.after(5) == []

    asyncio.run(scenario())


def test_an_id_from_before_a_restart_replays_everything() -> None:
    # A client that followed the job on the renderer's previous run reconnects
    # with an id this run's log never gave out: nothing it has seen is here.
    async def scenario() -> None:
        log = EventLog()
        log.append({"type": "render_progress", "object": {"progress": 0.0}})
        log.append({"type": "render_progress", "object": {"progress": 0.5}})
        assert [e.id for e in log.after(99)] == [1, 2]
        assert [e.id for e in await asyncio.wait_for(log.wait_after(57), 5)] == [1, 2]

    asyncio.run(scenario())


def test_waiting_returns_when_the_next_event_arrives() -> None:
    async def scenario() -> list[int]:
        log = EventLog()
        log.append({"type": "render_progress"})
        waiter = asyncio.create_task(log.wait_after(1))
        await asyncio.sleep(0)
        assert not waiter.done()
        log.append({"type": "render_result"})
        log.append({"type": "file"})
        found = await asyncio.wait_for(waiter, 5)
        return [e.id for e in found]

    assert asyncio.run(scenario())[0] == 2
