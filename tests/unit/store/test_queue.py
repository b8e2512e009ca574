"""The queue's table in the history database: order per backend, the
creator's moves, pause, and how items a stopped run left `sending` are
settled (dropped when their job row exists, waiting again when not)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.api.models import GenerationRequest
from app.engine.queue import new_items, request_of
from app.store.history import MIGRATIONS, HistoryStore, JobRecord
from app.store.queue import ItemState, QueueItem, QueueStore


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "history.db"
    HistoryStore(path).close()  # the history's migrations make the queue's tables
    yield path


@pytest.fixture
def queue(db: Path) -> Iterator[QueueStore]:
    store = QueueStore(db)
    yield store
    store.close()


def items(backend: str, *prompts: str) -> list[QueueItem]:
    requests = [
        GenerationRequest(prompt=p, generation_config_name="m", duration=5) for p in prompts
    ]
    return [item for r in requests for item in new_items(backend, [r], None)]


def prompts(queue: QueueStore, backend: str = "b") -> list[str]:
    return [i.prompt for i in queue.items(backend)]


def test_the_migration_makes_the_queue_and_take_columns(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(jobs)")}
    assert {"queue", "queue_settings"} <= tables
    assert {"take_group", "take_number", "take_count"} <= columns


def test_items_keep_their_order_per_backend_and_their_request(queue: QueueStore) -> None:
    queue.add(items("b", "one", "two"))
    queue.add(items("other", "elsewhere"))
    queue.add(items("b", "three"))
    assert prompts(queue) == ["one", "two", "three"]
    assert prompts(queue, "other") == ["elsewhere"]
    first = queue.items("b")[0]
    assert request_of(first).prompt == "one" and first.duration == 5 and first.model == "m"


def test_takes_are_one_group_numbered_in_order() -> None:
    request = GenerationRequest(prompt="p", generation_config_name="m", duration=5)
    takes = new_items("b", [request, request, request], None)
    assert len({t.take_group for t in takes}) == 1 and takes[0].take_group is not None
    assert [(t.take_number, t.take_count) for t in takes] == [(1, 3), (2, 3), (3, 3)]
    assert new_items("b", [request], None)[0].take is None  # one video is no take


def test_reorder_move_to_top_and_remove(queue: QueueStore) -> None:
    a, b, c = queue.add(items("b", "a", "b", "c"))
    queue.reorder("b", [c.item_id, "unknown", a.item_id])
    assert prompts(queue) == ["c", "a", "b"]  # an id not named keeps its old order, at the end
    assert queue.move_to_top(b.item_id)
    assert prompts(queue) == ["b", "c", "a"]
    assert queue.remove_waiting(c.item_id) and not queue.remove_waiting(c.item_id)
    assert prompts(queue) == ["b", "a"]


def test_an_item_being_sent_is_not_removed_by_the_creator(queue: QueueStore) -> None:
    queue.add(items("b", "a"))
    sending = queue.next_waiting("b")
    assert sending is not None and sending.state == ItemState.SENDING
    assert queue.next_waiting("b") is None  # each item is handed out once
    assert not queue.remove_waiting(sending.item_id)
    assert prompts(queue) == ["a"]


def test_paused_is_remembered(db: Path, queue: QueueStore) -> None:
    assert not queue.paused()
    queue.set_paused(True)
    again = QueueStore(db)
    try:
        assert again.paused()
        again.set_paused(False)
        assert not queue.paused()
    finally:
        again.close()


def test_recovery_drops_what_the_history_has_and_requeues_the_rest(
    db: Path, queue: QueueStore
) -> None:
    recorded, unsent, _waiting = queue.add(items("b", "recorded", "unsent", "waiting"))
    assert queue.next_waiting("b") == QueueItem(
        **{**vars(recorded), "state": str(ItemState.SENDING)}
    )
    assert queue.next_waiting("b") is not None  # "unsent": marked, then Framecast stopped
    with HistoryStore(db) as history:  # the manager wrote the first one's row
        history.insert(JobRecord(job_id=recorded.item_id, prompt="recorded"))

    outcome = queue.recover("b")
    assert outcome.dropped == (recorded.item_id,)
    assert outcome.requeued == (unsent.item_id,)
    assert [(i.prompt, i.state) for i in queue.items("b")] == [
        ("unsent", ItemState.WAITING),
        ("waiting", ItemState.WAITING),
    ]
    assert queue.recover("b").dropped == ()  # settled once
