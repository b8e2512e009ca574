"""The history's favourites (schema step 6) and "Clear history": stars
persist, old rows start unstarred, clearing keeps favourites and unfinished
jobs and remembers the cleared account videos so no import brings them back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import history
from app.store.history import ACCOUNT, HistoryStore, JobRecord

BACKEND = "https://api.example"


def at(minute: int) -> str:
    return f"2026-03-01T10:{minute:02d}:00.000000+00:00"


def job(job_id: str, minute: int, state: str = "completed", **values: object) -> JobRecord:
    return JobRecord(
        job_id=job_id,
        prompt=f"prompt {job_id}",
        created_at=at(minute),
        backend_url=BACKEND,
        state=state,
        **values,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as s:
        yield s


def test_a_history_from_before_favourites_gains_the_column_unstarred(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    before = len(history.MIGRATIONS) - 1
    for step in history.MIGRATIONS[:before]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(
        "INSERT INTO jobs (job_id, prompt, state, created_at, updated_at)"
        " VALUES ('old', 'made before stars', 'completed', ?, ?)",
        (at(1), at(1)),
    )
    conn.close()
    with HistoryStore(path) as store:
        old = store.get("old")
        assert old is not None and old.favourite is False
        assert store.set_favourite("old", True)
    with HistoryStore(path) as store:
        again = store.get("old")
        assert again is not None and again.favourite is True
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)


def test_a_star_is_kept_and_can_be_taken_back(store: HistoryStore) -> None:
    store.insert(job("a", 1))
    assert store.set_favourite("a", True)
    assert [r.favourite for r in store.list()] == [True]
    assert store.set_favourite("a", False)
    assert store.get("a") == store.list()[0] and store.list()[0].favourite is False
    assert not store.set_favourite("missing", True)


def test_clear_keeps_favourites_and_jobs_in_progress(store: HistoryStore) -> None:
    store.insert(job("done", 1))
    store.insert(job("failed", 2, "failed"))
    store.insert(job("stopped", 3, "cancelled"))
    store.insert(job("starred", 4, favourite=True))
    store.insert(job("rendering", 5, "processing"))
    store.insert(job("sending", 6, "submitting"))
    removed = store.clear()
    assert sorted(r.job_id for r in removed) == ["done", "failed", "stopped"]
    assert [r.job_id for r in store.list()] == ["sending", "rendering", "starred"]
    assert store.clear() == []  # nothing more to clear


def test_cleared_account_videos_are_not_imported_again(store: HistoryStore) -> None:
    web = job("web", 1, origin=ACCOUNT, file_id="f-web", imported_at=at(50))
    store.add_library_videos(BACKEND, [web], ["f-web"], None)
    store.insert(job("mine", 2, file_id="f-mine"))
    assert {r.job_id for r in store.clear()} == {"web", "mine"}
    marks = store.library_marks(["f-web", "f-mine"])
    assert marks["f-web"].dismissed and marks["f-mine"].dismissed
    assert store.add_library_videos(BACKEND, [web], ["f-web"], None) == []
    assert store.list() == []
