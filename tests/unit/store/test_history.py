from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import history
from app.store.history import (
    COLUMNS,
    AsyncHistoryStore,
    DuplicateJobError,
    HistoryStore,
    HistoryVersionError,
    JobRecord,
    JobState,
)

PAST = "2020-01-01T00:00:00.000000+00:00"


def job(job_id: str, created_at: str = PAST, **values: object) -> JobRecord:
    return JobRecord(job_id=job_id, created_at=created_at, **values)  # type: ignore[arg-type]


@pytest.fixture
def store(data_dir: Path) -> Iterator[HistoryStore]:
    s = HistoryStore()
    yield s
    s.close()


def test_opens_at_the_data_dir_in_wal_mode(store: HistoryStore, data_dir: Path) -> None:
    assert store.path == data_dir / "history.sqlite3"
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)


def test_no_column_can_hold_a_token() -> None:
    assert not [c for c in COLUMNS if "token" in c or "secret" in c or "auth" in c]


def test_insert_get_update_delete(store: HistoryStore) -> None:
    record = job(
        "a" * 32,
        prompt="A red fox at dawn",
        model="comfyui/ltx",
        request_json='{"duration": 5, "seed": 7}',
        backend_url="https://editor.superduperai.co",
        source_image=Path("/tmp/fox.png"),  # paths are stored as text
    )
    store.insert(record)
    assert store.count() == 1
    got = store.get(record.job_id)
    assert got == record
    assert got is not None and got.source_image == "/tmp/fox.png"
    assert got.updated_at == PAST and got.state == "submitting" and got.finished_at is None

    assert store.update(record.job_id, state=JobState.QUEUED, file_id="f-1", project_id="p-1")
    assert store.update(
        record.job_id, state="processing", progress=0.5, server_progress="rendering"
    )
    got = store.get(record.job_id)
    assert got is not None
    assert (got.state, got.file_id, got.project_id, got.progress, got.server_progress) == (
        "processing",
        "f-1",
        "p-1",
        0.5,
        "rendering",
    )
    assert got.updated_at > got.created_at
    assert got.finished_at is None
    assert store.find_by_file_id("f-1") == got

    assert store.delete(record.job_id)
    assert store.get(record.job_id) is None
    assert not store.delete(record.job_id)
    assert store.count() == 0


def test_terminal_state_stamps_finished_at_once(store: HistoryStore) -> None:
    store.insert(job("j1"))
    store.update("j1", state=JobState.COMPLETED, local_path=Path("/v/j1.mp4"), progress=1)
    first = store.get("j1")
    assert first is not None and first.finished_at is not None
    assert first.state == "completed" and first.local_path == "/v/j1.mp4"
    assert first.is_finished
    store.update("j1", state="completed", thumbnail_path="/v/j1.png")
    again = store.get("j1")
    assert again is not None and again.finished_at == first.finished_at


def test_inserting_a_finished_job_stamps_finished_at(store: HistoryStore) -> None:
    store.insert(job("j1", state="failed", server_message="boom", error_kind="render"))
    got = store.get("j1")
    assert got is not None and got.finished_at == PAST and got.error_kind == "render"
    assert got.server_message == "boom"


def test_a_failure_detail_must_be_a_json_object(store: HistoryStore) -> None:
    store.insert(job("j1"))
    assert store.update("j1", state="failed", error_kind="disk_full", error_detail='{"a": 1}')
    with pytest.raises(ValueError, match="error_detail"):
        store.update("j1", error_detail="[1, 2]")
    with pytest.raises(ValueError):
        store.update("j1", error_detail="not json")


def test_update_refuses_unknown_columns_and_bad_values(store: HistoryStore) -> None:
    store.insert(job("j1"))
    with pytest.raises(ValueError, match="token"):
        store.update("j1", token="sk-secret")
    with pytest.raises(ValueError):
        store.update("j1", job_id="other")
    with pytest.raises(ValueError):
        store.update("j1", created_at=PAST)
    with pytest.raises(ValueError):
        store.update("j1", state="exploded")
    with pytest.raises(ValueError):
        store.update("j1", progress=1.5)
    with pytest.raises(ValueError):
        store.update("j1", progress=float("nan"))
    with pytest.raises(ValueError):
        store.update("j1", request_json="{not json")
    assert store.get("j1") == job("j1")  # nothing changed


def test_update_of_a_missing_job_returns_false(store: HistoryStore) -> None:
    assert store.update("nope", state="queued") is False


def test_duplicate_insert(store: HistoryStore) -> None:
    store.insert(job("j1"))
    with pytest.raises(DuplicateJobError):
        store.insert(job("j1", prompt="again"))


def test_bad_records_are_refused() -> None:
    with pytest.raises(ValueError):
        JobRecord(job_id="")
    with pytest.raises(ValueError):
        JobRecord(job_id="x", state="done")
    with pytest.raises(ValueError):
        JobRecord(job_id="x", progress=-0.1)


def test_list_is_newest_first_with_limit(store: HistoryStore) -> None:
    for i in range(5):
        store.insert(job(f"j{i}", created_at=f"2024-01-0{i + 1}T00:00:00.000000+00:00"))
    store.insert(job("same-time-later", created_at="2024-01-05T00:00:00.000000+00:00"))
    assert [r.job_id for r in store.list()] == ["same-time-later", "j4", "j3", "j2", "j1", "j0"]
    assert [r.job_id for r in store.list(limit=2)] == ["same-time-later", "j4"]
    assert store.list(limit=0) == []


def test_recent_prompts_are_newest_first_each_once(store: HistoryStore) -> None:
    day = "2024-01-{:02d}T00:00:00.000000+00:00".format
    store.insert(job("a", day(1), prompt="A red kite"))
    store.insert(job("b", day(2), prompt="Paper boats"))
    store.insert(job("c", day(3), prompt="  A red kite\n"))  # the same words, used again
    store.insert(job("d", day(4), prompt="   "))
    store.insert(job("e", day(5), prompt="Snow", origin="account", file_id="f1"))
    assert store.recent_prompts(10) == ["Snow", "A red kite", "Paper boats"]
    assert store.recent_prompts(2) == ["Snow", "A red kite"]
    assert store.recent_prompts(0) == []


def test_unfinished_lists_jobs_to_resume(store: HistoryStore) -> None:
    states = [
        "submitting",
        "queued",
        "processing",
        "downloading",
        "completed",
        "failed",
        "cancelled",
    ]
    for i, state in enumerate(states):
        store.insert(
            job(f"j{i}", created_at=f"2024-01-0{i + 1}T00:00:00.000000+00:00", state=state)
        )
    assert [r.job_id for r in store.unfinished()] == ["j0", "j1", "j2", "j3"]
    store.update("j1", state="cancelled")
    assert [r.job_id for r in store.unfinished()] == ["j0", "j2", "j3"]


def test_survives_reopening(data_dir: Path) -> None:
    with HistoryStore() as first:
        first.insert(job("j1", prompt="kept"))
    with HistoryStore() as second:
        got = second.get("j1")
        assert got is not None and got.prompt == "kept"


def make_version_1_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    history.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO jobs (job_id, prompt, state, created_at, updated_at)"
        " VALUES ('old', 'from version 1', 'queued', ?, ?)",
        (PAST, PAST),
    )
    conn.close()


#: Rows as Framecast wrote them before schema 4: its own English in `message`
#: and `error`, sometimes around the server's reason. (id, kind, message, error)
OLD_ROWS = [
    ("done", None, "Done", None),
    ("progress", None, "Frame 12 of 120", None),
    ("render", "render", None, "The render failed: out of memory"),
    ("own-words", "render", None, "The GPU melted."),
    ("bare", "render", None, "The service reported that the render failed."),
    ("refused", "invalid", None, "The video service refused these settings: bad duration"),
    ("gone", "render", None, "The video service no longer knows this video."),
    (
        "unconfirmed",
        "internal",
        None,
        "Framecast was closed before the video service confirmed this job, so it may not "
        "have started. Press Retry to send it again.",
    ),
    (
        "full",
        "disk_full",
        None,
        "Not enough disk space in /videos (me) (needs 12 MB). Free some space, then press Retry.",
    ),
    (
        "folder",
        "folder",
        None,
        "Framecast can't save videos in /ro (Read-only file system). "
        "Choose another folder in Settings, then press Retry.",
    ),
    ("auth", "auth", None, "The video service did not accept your API token."),
]


def make_version_3_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for step in history.MIGRATIONS[:3]:
        step(conn)
    conn.execute("PRAGMA user_version = 3")
    for job_id, kind, message, error in OLD_ROWS:
        conn.execute(
            "INSERT INTO jobs (job_id, state, message, error, error_kind, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (job_id, "failed" if kind else "completed", message, error, kind, PAST, PAST),
        )
    conn.close()


def test_migrating_to_schema_4_turns_old_sentences_into_facts(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    make_version_3_database(path)
    with HistoryStore(path) as store:
        rows = {r.job_id: r for r in store.list()}
    facts = {
        job_id: (r.error_kind, r.server_message, r.error_detail, r.server_progress)
        for job_id, r in rows.items()
    }
    assert facts == {
        "done": (None, None, None, None),
        "progress": (None, None, None, "Frame 12 of 120"),
        "render": ("render", "out of memory", None, None),
        "own-words": ("render", "The GPU melted.", None, None),
        "bare": ("render", None, None, None),
        "refused": ("invalid", "bad duration", None, None),
        "gone": ("gone", None, None, None),
        "unconfirmed": ("unconfirmed", None, None, None),
        "full": ("disk_full", None, '{"folder": "/videos (me)", "needed_mb": 12}', None),
        "folder": ("folder", None, '{"folder": "/ro", "reason": "Read-only file system"}', None),
        "auth": ("auth", None, None, None),
    }
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
    assert {"message", "error"}.isdisjoint(columns)


def index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {name for (name,) in rows}


def test_opening_an_older_database_migrates_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    make_version_1_database(path)
    assert "jobs_state" not in index_names(path)
    with HistoryStore(path) as store:
        got = store.get("old")
        assert got is not None and got.prompt == "from version 1"
        assert [r.job_id for r in store.unfinished()] == ["old"]
    assert {"jobs_created_at", "jobs_state", "jobs_file_id"} <= index_names(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history.MIGRATIONS)


def test_a_new_migration_is_one_function(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()

    def migration_next_add_rating(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE jobs ADD COLUMN rating INTEGER")

    known = len(history.MIGRATIONS)
    monkeypatch.setattr(history, "MIGRATIONS", (*history.MIGRATIONS, migration_next_add_rating))
    HistoryStore(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == known + 1
        columns = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
    assert "rating" in columns


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    make_version_1_database(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE INDEX half_done ON jobs (prompt)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(history, "MIGRATIONS", (history.MIGRATIONS[0], broken))
    with pytest.raises(RuntimeError):
        HistoryStore(path)
    assert "half_done" not in index_names(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(HistoryVersionError):
        HistoryStore(path)


def test_concurrent_writes_from_threads(store: HistoryStore) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(n: int) -> None:
        try:
            start.wait()
            for i in range(50):
                job_id = f"t{n}-{i}"
                store.insert(job(job_id, prompt=f"thread {n}"))
                store.update(job_id, state="processing", progress=i / 50)
                store.update(job_id, state="completed", progress=1.0)
                store.list(limit=5)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count() == 200
    assert store.unfinished() == []
    assert all(r.finished_at is not None for r in store.list())


def test_async_store_runs_on_one_worker_thread(data_dir: Path) -> None:
    threads: set[str] = set()

    async def scenario() -> None:
        loop_thread = threading.current_thread().name
        async with AsyncHistoryStore() as store:
            original = store.store.update

            def spying_update(job_id: str, /, **changes: object) -> bool:
                threads.add(threading.current_thread().name)
                return original(job_id, **changes)

            store.store.update = spying_update  # type: ignore[method-assign]
            await store.insert(job("a1", prompt="async fox"))
            # Many updates fired at once land in the order they were issued.
            await asyncio.gather(
                *(store.update("a1", state="processing", progress=i / 100) for i in range(101))
            )
            got = await store.get("a1")
            assert got is not None and got.progress == 1.0
            assert await store.update("a1", state="completed")
            assert await store.count() == 1
            assert [r.job_id for r in await store.list()] == ["a1"]
            assert await store.unfinished() == []
            assert await store.find_by_file_id("none") is None
            assert await store.delete("a1")
            assert loop_thread not in threads
        with pytest.raises(RuntimeError):
            await store.count()
        await store.aclose()  # twice is fine

    asyncio.run(scenario())
    assert len(threads) == 1 and next(iter(threads)).startswith("framecast-history")


def test_async_store_reports_errors_to_the_caller(tmp_path: Path) -> None:
    async def scenario() -> None:
        store = AsyncHistoryStore(HistoryStore(tmp_path / "h.sqlite3"))
        await store.insert(job("dup"))
        with pytest.raises(DuplicateJobError):
            await store.insert(job("dup"))
        with pytest.raises(ValueError):
            await store.update("dup", nonsense=1)
        await store.aclose()

    asyncio.run(scenario())


# ------------------------------------------------------------------ damaged and newer files


def _damaged_database(path: Path) -> None:
    """A real history whose page 2 onwards is overwritten with noise."""
    with HistoryStore(path) as store:
        for i in range(50):
            store.insert(job(f"j{i}", prompt="x" * 200))
    data = bytearray(path.read_bytes())
    data[4096:] = bytes((i * 37) % 251 for i in range(len(data) - 4096))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["not-a-database", "damaged-pages"])
def test_a_damaged_history_is_moved_aside_and_a_new_one_started(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "history.sqlite3"
    if damage == "not-a-database":
        path.write_bytes(b"this is not SQLite at all\n" * 100)
    else:
        _damaged_database(path)
    original = path.read_bytes()
    with pytest.raises(history.HistoryCorruptError):
        HistoryStore(path)
    store, moved = HistoryStore.open_recovering(path)
    with store:
        assert store.count() == 0
        store.insert(job("fresh"))
    assert moved is not None and moved.parent == tmp_path
    assert moved.name.startswith("history-damaged-") and moved.suffix == ".sqlite3"
    assert moved.read_bytes() == original  # kept, byte for byte
    again, none = HistoryStore.open_recovering(path)  # the new one is fine
    with again:
        assert none is None and again.get("fresh") is not None


def test_a_newer_history_is_refused_plainly_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE jobs (job_id TEXT)")
        conn.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    with pytest.raises(HistoryVersionError) as caught:
        HistoryStore.open_recovering(path)
    assert "newer" in str(caught.value)
    assert (caught.value.found, caught.value.known) == (99, len(history.MIGRATIONS))
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # nothing moved, nothing created beside it


def test_the_history_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with HistoryStore(path) as store:
        store.insert(job("a"))
        for name in ("h.sqlite3", "h.sqlite3-wal", "h.sqlite3-shm"):
            companion = tmp_path / name
            if companion.exists():
                assert companion.stat().st_mode & 0o777 == 0o600, name
