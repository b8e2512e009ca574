"""The history's account-library side: schema step 4, each video shown once,
the import's bookkeeping, deletions remembered, and queries that use indexes."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import history
from app.store.history import (
    ACCOUNT,
    LOCAL,
    AsyncHistoryStore,
    HistoryClosedError,
    HistoryStore,
    HistoryVersionError,
    JobRecord,
    LibraryMark,
)

BACKEND = "https://api.example"


def at(minute: int) -> str:
    return f"2026-03-01T10:{minute:02d}:00.000000+00:00"


def local_job(job_id: str, minute: int, file_id: str | None = None, **values: object) -> JobRecord:
    return JobRecord(
        job_id=job_id,
        prompt=f"local {job_id}",
        created_at=at(minute),
        file_id=file_id,
        backend_url=BACKEND,
        state="completed",
        **values,  # type: ignore[arg-type]
    )


def account_video(file_id: str, minute: int, **values: object) -> JobRecord:
    return JobRecord(
        job_id=f"account-{file_id}",
        prompt=f"from the web app {file_id}",
        created_at=at(minute),
        file_id=file_id,
        backend_url=BACKEND,
        state="completed",
        origin=ACCOUNT,
        imported_at=at(59),
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as s:
        yield s


def make_version_3_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for step in history.MIGRATIONS[:3]:
        step(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO jobs (job_id, prompt, state, file_id, created_at, updated_at)"
        " VALUES ('old', 'made before the library', 'completed', 'f-old', ?, ?)",
        (at(1), at(1)),
    )
    conn.close()


def test_a_version_3_history_gains_the_library_and_keeps_its_jobs_as_local(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    make_version_3_database(path)
    with HistoryStore(path) as store:
        old = store.get("old")
        assert old is not None and old.origin == LOCAL and old.prompt == "made before the library"
        assert old.imported_at is None and not old.created_estimated
        assert store.library_marks(["f-old"]) == {"f-old": LibraryMark("f-old", at(1))}
        assert store.library_resume(BACKEND) is None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)
        indexes = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"jobs_origin_created_at", "jobs_account_file_id", "jobs_file_id"} <= indexes
    assert {"library_files", "library_sync"} <= tables


def test_a_history_from_a_newer_framecast_is_still_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    make_version_3_database(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(history.MIGRATIONS) + 1}")
    with pytest.raises(HistoryVersionError):
        HistoryStore(path)
    with sqlite3.connect(path) as conn:  # not migrated, not changed
        columns = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
    assert "origin" not in columns


def test_a_video_that_is_both_a_job_and_in_the_account_shows_once_as_the_job(
    store: HistoryStore,
) -> None:
    store.insert(account_video("f-1", 5))
    store.insert(account_video("f-2", 4))
    # `framecast track f-1` after the import: a job of this app for the same file.
    store.insert(local_job("mine", 3, file_id="f-1"))
    shown = store.list()
    assert [r.job_id for r in shown] == ["account-f-2", "mine"]
    assert store.count_shown() == 2 and store.count() == 3
    assert [r.job_id for r in store.list(origin=ACCOUNT)] == ["account-f-2"]
    assert [r.job_id for r in store.list(origin=LOCAL)] == ["mine"]
    assert store.find_by_file_id("f-1").job_id == "mine"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        store.list(origin="elsewhere")


def test_records_refuse_an_unknown_origin() -> None:
    with pytest.raises(ValueError):
        JobRecord(job_id="x", origin="cloud")


def test_an_import_adds_only_what_the_history_does_not_have(store: HistoryStore) -> None:
    store.insert(local_job("mine", 1, file_id="f-mine"))
    batch = [account_video("f-new", 9), account_video("f-mine", 8), account_video("f-also", 7)]
    added = store.add_library_videos(BACKEND, batch, ["f-new", "f-mine", "f-also"], 50)
    assert added == ["account-f-new", "account-f-also"]
    assert store.library_resume(BACKEND) == 50
    marks = store.library_marks(["f-new", "f-mine", "f-unknown"])
    assert marks["f-new"] == LibraryMark("f-new", at(9), seen=True)
    assert marks["f-mine"] == LibraryMark("f-mine", at(1), seen=True)
    assert "f-unknown" not in marks
    # The same page again (another window importing too): nothing twice.
    assert store.add_library_videos(BACKEND, batch, ["f-new"], None) == []
    assert store.count() == 3 and store.library_resume(BACKEND) is None
    with pytest.raises(ValueError):
        store.add_library_videos(BACKEND, [local_job("x", 2, file_id="f-x")], [], None)


def test_a_deleted_video_is_remembered_and_never_imported_again(store: HistoryStore) -> None:
    store.insert(account_video("f-gone", 3))
    store.insert(local_job("mine", 4, file_id="f-mine"))
    store.insert(account_video("f-mine", 2))  # hidden behind the job
    assert store.dismiss("account-f-gone")
    assert store.dismiss("mine")
    assert not store.dismiss("mine")
    # Deleting the job took its imported twin too: nothing comes back into view.
    assert store.list() == [] and store.count() == 0
    marks = store.library_marks(["f-gone", "f-mine"])
    assert all(m.dismissed and m.known for m in marks.values()), marks
    again = [account_video("f-gone", 3), account_video("f-mine", 2)]
    assert store.add_library_videos(BACKEND, again, ["f-gone", "f-mine"], None) == []
    assert store.list() == []


def test_the_history_list_reads_through_indexes(store: HistoryStore) -> None:
    """No full scan of the table and no sort of it on the window's path: the
    newest rows come through the time index, a filter by origin through
    (origin, created_at), the shown-once check through the file id index."""
    for i in range(50):
        store.insert(local_job(f"j{i}", i % 60, file_id=f"f{i}"))
    conn = store._conn
    sql = f"{history._SELECT} WHERE {history._SHOWN} ORDER BY created_at DESC, rowid DESC LIMIT 10"
    plan = " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING INDEX jobs_created_at" in plan, plan
    assert "USING INDEX jobs_file_id" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
    by_origin = sql.replace("ORDER BY", "AND origin = 'account' ORDER BY")
    plan = " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {by_origin}"))
    assert "jobs_origin_created_at" in plan and "TEMP B-TREE" not in plan, plan
    marks = "SELECT file_id, MAX(created_at) FROM jobs WHERE file_id IN (?, ?) GROUP BY file_id"
    plan = " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {marks}", ["a", "b"]))
    assert "jobs_file_id" in plan, plan


def test_many_file_ids_are_looked_up_in_chunks(store: HistoryStore) -> None:
    ids = [f"f{i:04d}" for i in range(1200)]
    videos = [account_video(i, 30) for i in ids[::2]]
    assert len(store.add_library_videos(BACKEND, videos, ids, None)) == 600
    marks = store.library_marks(ids)
    assert len(marks) == 1200
    assert sum(1 for m in marks.values() if m.created_at is not None) == 600
    assert store.library_floor(BACKEND) == at(30)
    assert store.library_floor("https://other.example") is None


def test_a_call_after_closing_says_the_history_is_closed(tmp_path: Path) -> None:
    async def scenario() -> None:
        store = AsyncHistoryStore(HistoryStore(tmp_path / "h.sqlite3"))
        await store.insert(local_job("a", 1))
        closing = asyncio.ensure_future(store.aclose())
        await asyncio.sleep(0)  # the close is queued
        with pytest.raises(HistoryClosedError):  # queued behind the close: refused plainly
            await store.list()
        await closing
        with pytest.raises(HistoryClosedError):
            await store.count_shown()

    asyncio.run(scenario())
