"""The job history: one SQLite row per generation, written before the first wait.

`HistoryStore` is a thread-safe wrapper of one stdlib `sqlite3` connection (WAL
mode, so the GUI and a CLI run can share the file). `AsyncHistoryStore` gives
the same methods as coroutines that run on one dedicated worker thread, so the
asyncio/Qt loop never blocks on disk.

Times are ISO-8601 UTC strings with microseconds (`2026-01-02T03:04:05.000006+00:00`),
which sort as text in time order. The token is never stored: there is no
column for it, and `backend_url` is the bare base URL the engine talks to.

Each row has an `origin`: `local` for a job this app started (or followed
by its file id), `account` for a video imported from the account's library
(made in the web app or on another computer). A video that is both is shown
once: the local row wins (matched by the backend's file id). Every file id
the library has listed is remembered (`library_files`), with the ones the
creator deleted from the history marked `dismissed`, so an import never
brings a video back twice; `library_sync` keeps where an unfinished import
stopped, per backend.

The schema is versioned with `PRAGMA user_version`. `MIGRATIONS` is the ordered
list of steps; step *n* (1-based) brings a database from version n-1 to n.
To change the schema, append one function to it.

A file that is not a database or fails SQLite's quick check raises
`HistoryCorruptError`; `HistoryStore.open_recovering` then moves it aside
(kept, named with the time) and starts a fresh one. A schema newer than this
code knows raises `HistoryVersionError` before anything is written. The file
is created 0600 (SQLite gives its -wal and -shm files the same mode).
"""

from __future__ import annotations

import asyncio
import builtins
import concurrent.futures
import contextlib
import json
import logging
import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import ParamSpec, TypeVar

from app.store import paths

log = logging.getLogger("framecast.store")


class JobState(StrEnum):
    """Every state a job can be in: the engine's state machine and the history's
    `state` column both use these (the engine re-exports it)."""

    SUBMITTING = "submitting"
    QUEUED = "queued"
    PROCESSING = "processing"
    DOWNLOADING = "downloading"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES


TERMINAL_STATES: frozenset[JobState] = frozenset(
    {JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED}
)
#: Where a row came from: a job of this app, or the account's library.
LOCAL, ACCOUNT = "local", "account"
ORIGINS: frozenset[str] = frozenset({LOCAL, ACCOUNT})


def stamp(moment: datetime) -> str:
    """A moment as the history stores times (UTC, microseconds); naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def utc_now() -> str:
    """Now, as the history stores times."""
    return stamp(datetime.now(UTC))


class HistoryError(Exception):
    """The history database cannot do what was asked."""


class HistoryClosedError(HistoryError, RuntimeError):
    """The history was closed (the window or the command is ending)."""


class DuplicateJobError(HistoryError):
    """A job with this id is already in the history."""


class HistoryVersionError(HistoryError):
    """The database was written by a newer Framecast with a schema this one does not know."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path, self.found, self.known = path, found, known
        super().__init__(f"{path}: schema {found} is newer than this Framecast's {known}")


class HistoryCorruptError(HistoryError):
    """The file is not a usable SQLite database (damaged, or something else entirely)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = path, detail
        super().__init__(f"{path} is damaged ({detail})")


#: File ids per `IN (...)` query (well below SQLite's limit on variables).
_IDS_PER_QUERY = 500
#: SQLite's result codes for a damaged file and a file that is not a database.
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
FILE_MODE = 0o600


@dataclass(frozen=True)
class JobRecord:
    """One job as the history keeps it.

    `state` takes a `JobState` or its string; it is stored as the string.
    `progress` is 0..1 or None. `request_json` is the full generation request
    as JSON text. `updated_at` defaults to `created_at`. No column holds a
    sentence of Framecast's own: a failure is its kind, its detail and the
    server's own words, put into the reader's language by the window or the CLI.
    """

    job_id: str
    prompt: str = ""
    model: str | None = None
    request_json: str = "{}"
    backend_url: str | None = None
    source_image: str | None = None
    file_id: str | None = None
    project_id: str | None = None
    state: str = "submitting"
    progress: float | None = None
    #: The server's own words about the render's progress, as it wrote them.
    server_progress: str | None = None
    url: str | None = None
    local_path: str | None = None
    thumbnail_path: str | None = None
    #: Why the job failed: the engine's `ErrorKind` as its string.
    error_kind: str | None = None
    #: The failure's structured facts (the engine's `FailureDetail`) as JSON text.
    error_detail: str | None = None
    #: The server's own reason for the failure, as it wrote it (None when it gave none).
    server_message: str | None = None
    created_at: str = field(default_factory=utc_now)
    updated_at: str = ""
    finished_at: str | None = None
    #: The process following this job right now (None when nobody is): a
    #: value left behind by a process that died tells the next start so.
    follower_pid: int | None = None
    #: How many times a process died while following this job.
    interruptions: int = 0
    #: `local` (a job of this app) or `account` (imported from the account's library).
    origin: str = LOCAL
    #: The service's poster of an account video (its own is `thumbnail_path` once fetched).
    thumbnail_url: str | None = None
    #: When an account video was imported (None for this app's own jobs).
    imported_at: str | None = None
    #: True when the service did not say when the video was made: `created_at`
    #: then only places it in the library's order (the window shows `imported_at`).
    created_estimated: bool = False
    #: Starred by the creator: kept by "Clear history", shown by the Favourites filter.
    favourite: bool = False
    #: The takes this job is one of (one press of Generate with Takes > 1):
    #: their shared id, this one's number from 1 and how many there are.
    take_group: str | None = None
    take_number: int | None = None
    take_count: int | None = None

    def __post_init__(self) -> None:
        if not self.job_id:
            raise ValueError("job_id must not be empty")
        for name, value in _checked(vars(self)).items():
            object.__setattr__(self, name, value)
        if not self.updated_at:
            object.__setattr__(self, "updated_at", self.created_at)

    @property
    def is_finished(self) -> bool:
        return self.state in TERMINAL_STATES


@dataclass(frozen=True)
class LibraryMark:
    """What the history knows of one file id of the account's library."""

    file_id: str
    #: The newest `created_at` of its rows; None when no row has this file.
    created_at: str | None = None
    #: Listed by an earlier import.
    seen: bool = False
    #: Deleted from the history by the creator: never imported again.
    dismissed: bool = False

    @property
    def known(self) -> bool:
        """The history has (or had, and let go of) this video: nothing to import."""
        return self.created_at is not None or self.dismissed


#: Column order in the table and in every SELECT.
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(JobRecord))
#: What `update()` may change; `updated_at` is always bumped by the store itself.
UPDATABLE: frozenset[str] = frozenset(COLUMNS) - {"job_id", "created_at", "updated_at"}
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM jobs"
#: The rows the history shows: every video once. A job of this app that is
#: also in the account's library wins over the imported row (one index
#: lookup by file id per row).
_SHOWN = (
    "NOT (origin = 'account' AND EXISTS (SELECT 1 FROM jobs AS mine"
    " WHERE mine.file_id = jobs.file_id AND +mine.origin = 'local'))"
)  # `+` keeps SQLite on the file id index (not a walk of every local row by origin)
_PATH_COLUMNS = frozenset({"source_image", "local_path", "thumbnail_path"})


def _checked(values: Mapping[str, object]) -> dict[str, object]:
    """Validate and normalise column values (enums to strings, paths to text)."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if name == "state":
            if str(value) not in JobState.__members__.values():
                raise ValueError(f"unknown job state {value!r}")
            value = str(value)
        elif name == "origin":
            if value not in ORIGINS:
                raise ValueError(f"unknown origin {value!r}")
        elif name in ("created_estimated", "favourite"):
            value = bool(value)
        elif name == "error_kind" and value is not None:
            value = str(value)
        elif name == "error_detail" and value is not None:
            if not isinstance(value, str) or not isinstance(json.loads(value), dict):
                raise ValueError("error_detail must be a JSON object as text")
        elif name == "progress" and value is not None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("progress must be a number in 0..1 or None")
            value = float(value)
            if math.isnan(value) or not 0.0 <= value <= 1.0:
                raise ValueError("progress must be in 0..1")
        elif name == "request_json":
            if not isinstance(value, str):
                raise ValueError("request_json must be JSON text")
            json.loads(value)  # raises ValueError for anything else
        elif name in _PATH_COLUMNS and isinstance(value, os.PathLike):
            value = os.fspath(value)
        out[name] = value
    return out


# --- schema -----------------------------------------------------------------


def _migration_1_create_jobs(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE jobs (
            job_id         TEXT PRIMARY KEY NOT NULL,
            prompt         TEXT NOT NULL DEFAULT '',
            model          TEXT,
            request_json   TEXT NOT NULL DEFAULT '{}',
            backend_url    TEXT,
            source_image   TEXT,
            file_id        TEXT,
            project_id     TEXT,
            state          TEXT NOT NULL,
            progress       REAL,
            message        TEXT,
            url            TEXT,
            local_path     TEXT,
            thumbnail_path TEXT,
            error          TEXT,
            error_kind     TEXT,
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            finished_at    TEXT
        )
        """
    )


def _migration_2_index_jobs(conn: sqlite3.Connection) -> None:
    # The history list sorts by creation, start-up looks for unfinished jobs,
    # `framecast track` looks a job up by its backend file id.
    conn.execute("CREATE INDEX jobs_created_at ON jobs (created_at)")
    conn.execute("CREATE INDEX jobs_state ON jobs (state)")
    conn.execute("CREATE INDEX jobs_file_id ON jobs (file_id)")


def _migration_3_track_followers(conn: sqlite3.Connection) -> None:
    # A job whose follower died mid-download is not retried into the same
    # crash at every start (see JobManager.resume_unfinished).
    conn.execute("ALTER TABLE jobs ADD COLUMN follower_pid INTEGER")
    conn.execute("ALTER TABLE jobs ADD COLUMN interruptions INTEGER NOT NULL DEFAULT 0")


def _migration_4_account_library(conn: sqlite3.Connection) -> None:
    # Videos of the account's library sit beside this app's jobs; the list
    # reads the newest of one origin through (origin, created_at), the import
    # and the dedupe look rows up by file id (jobs_file_id, from step 2).
    conn.execute("ALTER TABLE jobs ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'")
    conn.execute("ALTER TABLE jobs ADD COLUMN thumbnail_url TEXT")
    conn.execute("ALTER TABLE jobs ADD COLUMN imported_at TEXT")
    conn.execute("ALTER TABLE jobs ADD COLUMN created_estimated INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX jobs_origin_created_at ON jobs (origin, created_at)")
    # One account row per file, even when two imports race.
    conn.execute(
        "CREATE UNIQUE INDEX jobs_account_file_id ON jobs (file_id) WHERE origin = 'account'"
    )
    conn.execute(
        """
        CREATE TABLE library_files (
            file_id     TEXT PRIMARY KEY NOT NULL,
            backend_url TEXT,
            dismissed   INTEGER NOT NULL DEFAULT 0,
            seen_at     TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE library_sync (
            backend_url   TEXT PRIMARY KEY NOT NULL,
            resume_offset INTEGER,
            updated_at    TEXT NOT NULL
        )
        """
    )


# Before schema 5 the history kept Framecast's own English: `message` held the
# engine's stage words or the server's progress text, `error` the engine's
# failure sentence, sometimes around the server's reason. From schema 5 it keeps
# facts only. These are those old sentences, read here, once, and nowhere else.
_OLD_STAGE_WORDS = frozenset(
    {
        "Uploading the picture…",
        "Sending to the video service…",
        "Downloading the video…",
        "Done",
        "Stopped following. The service may still finish this video.",
    }
)
_OLD_REASON_PREFIXES = {
    "render": "The render failed: ",
    "invalid": "The video service refused these settings: ",
}
_OLD_BARE_RENDER = frozenset({"The render failed.", "The service reported that the render failed."})
_OLD_UNCONFIRMED = (
    "Framecast was closed before the video service confirmed this job, so it may not "
    "have started. Press Retry to send it again."
)
_OLD_GONE = "The video service no longer knows this video."
_OLD_DISK_FULL = re.compile(r"Not enough disk space in (.+) \(needs (\d+) MB\)\.", re.DOTALL)
_OLD_FOLDER = re.compile(r"Framecast can't save videos in (.+) \((.*)\)\. Choose", re.DOTALL)


def _old_failure_facts(
    kind: str | None, error: str | None
) -> tuple[str | None, str | None, str | None]:
    """A pre-5 row's (error kind, server's reason, detail JSON) from its kind and sentence."""
    error = (error or "").strip()
    if not error:
        return kind, None, None
    if error == _OLD_UNCONFIRMED:
        return "unconfirmed", None, None
    if error == _OLD_GONE:
        return "gone", None, None
    detail: dict[str, object] | None = None
    if kind == "disk_full" and (found := _OLD_DISK_FULL.search(error)):
        detail = {"folder": found[1], "needed_mb": int(found[2])}
    elif kind == "folder" and (found := _OLD_FOLDER.search(error)):
        detail = {"folder": found[1], "reason": found[2]}
    detail_json = json.dumps(detail) if detail else None
    prefix = _OLD_REASON_PREFIXES.get(kind or "")
    if prefix and error.startswith(prefix):
        return kind, error.removeprefix(prefix).strip() or None, None
    if kind == "render" and error not in _OLD_BARE_RENDER:
        return kind, error, None  # the server's own sentence, kept whole
    return kind, None, detail_json


def _migration_5_failures_as_facts(conn: sqlite3.Connection) -> None:
    # The window and the CLI word a failure in the reader's language from its
    # facts; old rows are turned into facts once, here.
    conn.execute("ALTER TABLE jobs RENAME COLUMN message TO server_progress")
    conn.execute("ALTER TABLE jobs RENAME COLUMN error TO server_message")
    conn.execute("ALTER TABLE jobs ADD COLUMN error_detail TEXT")
    rows = conn.execute(
        "SELECT job_id, server_progress, error_kind, server_message FROM jobs "
        "WHERE server_progress IS NOT NULL OR server_message IS NOT NULL"
    ).fetchall()
    for job_id, progress, kind, error in rows:
        kind, reason, detail = _old_failure_facts(kind, error)
        if progress in _OLD_STAGE_WORDS:
            progress = None
        conn.execute(
            "UPDATE jobs SET server_progress = ?, error_kind = ?, server_message = ?, "
            "error_detail = ? WHERE job_id = ?",
            (progress, kind, reason, detail, job_id),
        )


def _migration_6_favourites(conn: sqlite3.Connection) -> None:
    # The creator's stars. Favourites are few: a partial index finds them
    # without a walk of every row (the Favourites filter, Clear history).
    conn.execute("ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX jobs_favourite ON jobs (created_at) WHERE favourite = 1")


def _migration_7_takes_and_queue(conn: sqlite3.Connection) -> None:
    # Takes: the jobs of one press of Generate share a group id. The queue:
    # requests waiting for a free slot of their backend, sent in `position`
    # order (see app/store/queue.py); `item_id` becomes the job's id when
    # it is sent. `queue_settings` keeps whether sending is paused.
    conn.execute("ALTER TABLE jobs ADD COLUMN take_group TEXT")
    conn.execute("ALTER TABLE jobs ADD COLUMN take_number INTEGER")
    conn.execute("ALTER TABLE jobs ADD COLUMN take_count INTEGER")
    conn.execute(
        """
        CREATE TABLE queue (
            item_id      TEXT PRIMARY KEY NOT NULL,
            backend_url  TEXT NOT NULL,
            position     INTEGER NOT NULL,
            state        TEXT NOT NULL DEFAULT 'waiting',
            prompt       TEXT NOT NULL DEFAULT '',
            model        TEXT,
            duration     INTEGER,
            request_json TEXT NOT NULL,
            source_image TEXT,
            take_group   TEXT,
            take_number  INTEGER,
            take_count   INTEGER,
            created_at   TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX queue_backend_position ON queue (backend_url, position)")
    conn.execute(
        "CREATE TABLE queue_settings (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"
    )


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction on `conn` (its caller holds the connection's lock)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


Migration = Callable[[sqlite3.Connection], None]

#: Ordered schema steps; the database's `user_version` counts how many have run.
MIGRATIONS: tuple[Migration, ...] = (
    _migration_1_create_jobs,
    _migration_2_index_jobs,
    _migration_3_track_followers,
    _migration_4_account_library,
    _migration_5_failures_as_facts,
    _migration_6_favourites,
    _migration_7_takes_and_queue,
)


def schema_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection, path: Path = Path("history")) -> int:
    """Run the pending migrations, each in its own transaction; return the version.

    Safe against another process migrating the same file at the same time:
    the version is re-read after taking the write lock. A newer schema raises
    HistoryVersionError before anything is written.
    """
    target = len(MIGRATIONS)
    if schema_version(conn) > target:
        raise HistoryVersionError(path, schema_version(conn), target)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(conn)
            if version > target:
                raise HistoryVersionError(path, version, target)
            if version == target:
                conn.execute("COMMIT")
                return version
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
            log.info("history schema migrated from version %d to %d", version, version + 1)
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _record(row: Iterable[object]) -> JobRecord:
    """A record from a row; rows were validated on the way in, so skip that here."""
    record = object.__new__(JobRecord)
    values = record.__dict__
    values.update(zip(COLUMNS, row, strict=True))
    # SQLite keeps booleans as 0/1.
    values["created_estimated"] = bool(values["created_estimated"])
    values["favourite"] = bool(values["favourite"])
    return record


def _create_private(path: Path) -> None:
    """Create the database file 0600 if it does not exist yet (whatever the umask)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def move_aside(path: Path) -> Path:
    """Rename a damaged database and its companion files to
    `<stem>-damaged-<UTC time><suffix>` next to it; return the new main path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}-damaged-{stamp}-{n}{path.suffix}")
    for extra in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + extra))
    os.replace(path, target)
    return target


# --- the store --------------------------------------------------------------


class HistoryStore:
    """The job history in one SQLite file, safe to call from any thread."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else paths.history_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(self.path)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        try:
            # Read-only checks first: a newer or damaged file is left exactly as it is.
            found = schema_version(self._conn)
            if found > len(MIGRATIONS):
                raise HistoryVersionError(self.path, found, len(MIGRATIONS))
            problems = [row[0] for row in self._conn.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise HistoryCorruptError(self.path, "; ".join(map(str, problems))[:200])
            self._conn.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL survives an app crash; only a power cut may lose the last update.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self._conn, self.path)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            if getattr(exc, "sqlite_errorcode", None) in _CORRUPT_CODES:
                raise HistoryCorruptError(self.path, str(exc)) from None
            raise
        except BaseException:
            self._conn.close()
            raise
        log.debug("history opened at %s", self.path)

    @classmethod
    def open_recovering(cls, path: Path | str | None = None) -> tuple[HistoryStore, Path | None]:
        """Open the history; if the file is damaged, move it (and its -wal and
        -shm files) aside under a name with the time, and start a fresh one.
        Returns the store and where the damaged file went (None if it was fine).
        HistoryVersionError and OSError pass through."""
        try:
            return cls(path), None
        except HistoryCorruptError as exc:
            moved = move_aside(exc.path)
            log.error("the history %s; moved it to %s and started a new one", exc, moved)
        return cls(path), moved

    def insert(self, record: JobRecord) -> None:
        """Add a new job. Raises DuplicateJobError if its id is taken."""
        if record.state in TERMINAL_STATES and record.finished_at is None:
            record = replace(record, finished_at=record.updated_at)
        values = [getattr(record, name) for name in COLUMNS]
        sql = f"INSERT INTO jobs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
        with self._lock:
            try:
                self._conn.execute(sql, values)
            except sqlite3.IntegrityError:
                raise DuplicateJobError(f"job {record.job_id} is already in the history") from None

    def update(self, job_id: str, /, **changes: object) -> bool:
        """Change some columns of a job and bump its `updated_at`.

        Reaching a terminal state stamps `finished_at` once, unless given.
        Returns False when no such job exists. Raises ValueError for unknown
        columns or bad values.
        """
        unknown = changes.keys() - UPDATABLE
        if unknown:
            raise ValueError(f"cannot update history column(s): {', '.join(sorted(unknown))}")
        values = _checked(changes)
        now = utc_now()
        assignments = [f"{name} = ?" for name in values]
        params: list[object] = list(values.values())
        assignments.append("updated_at = ?")
        params.append(now)
        if values.get("state") in TERMINAL_STATES and "finished_at" not in values:
            assignments.append("finished_at = COALESCE(finished_at, ?)")
            params.append(now)
        params.append(job_id)
        sql = f"UPDATE jobs SET {', '.join(assignments)} WHERE job_id = ?"
        with self._lock:
            return self._conn.execute(sql, params).rowcount > 0

    def get(self, job_id: str) -> JobRecord | None:
        with self._lock:
            row = self._conn.execute(f"{_SELECT} WHERE job_id = ?", (job_id,)).fetchone()
        return _record(row) if row is not None else None

    def find_by_file_id(self, file_id: str) -> JobRecord | None:
        """The newest job the backend knows by this file id, if any (a job of
        this app before a video imported from the account)."""
        sql = (
            f"{_SELECT} WHERE file_id = ?"
            " ORDER BY origin = 'local' DESC, created_at DESC, rowid DESC LIMIT 1"
        )
        with self._lock:
            row = self._conn.execute(sql, (file_id,)).fetchone()
        return _record(row) if row is not None else None

    def list(self, limit: int | None = None, origin: str | None = None) -> builtins.list[JobRecord]:
        """Jobs, newest first, each video once (an account row whose file is
        also a job of this app is left out); `origin` keeps one origin."""
        sql = f"{_SELECT} WHERE {_SHOWN}"
        params: list[object] = []
        if origin is not None:
            if origin not in ORIGINS:
                raise ValueError(f"unknown origin {origin!r}")
            sql += " AND origin = ?"
            params.append(origin)
        sql += " ORDER BY created_at DESC, rowid DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [_record(row) for row in rows]

    def recent_prompts(self, limit: int) -> builtins.list[str]:
        """The creator's earlier prompts, newest first, each once (the same
        words with other spaces around them count as the same prompt)."""
        sql = (
            "SELECT TRIM(prompt, ' ' || char(9, 10, 13)) AS words FROM jobs WHERE words != ''"
            " GROUP BY words ORDER BY MAX(created_at) DESC LIMIT ?"
        )
        with self._lock:
            rows = self._conn.execute(sql, (max(0, limit),)).fetchall()
        return [str(row[0]) for row in rows]

    def unfinished(self) -> builtins.list[JobRecord]:
        """Jobs not yet completed, failed or cancelled, oldest first (to resume)."""
        marks = ", ".join("?" * len(TERMINAL_STATES))
        sql = f"{_SELECT} WHERE state NOT IN ({marks}) ORDER BY created_at, rowid"
        with self._lock:
            rows = self._conn.execute(sql, sorted(TERMINAL_STATES)).fetchall()
        return [_record(row) for row in rows]

    def delete(self, job_id: str) -> bool:
        """Remove a job's row (not its files). Returns False if it was not there."""
        with self._lock:
            return self._conn.execute("DELETE FROM jobs WHERE job_id = ?", (job_id,)).rowcount > 0

    def dismiss(self, job_id: str) -> bool:
        """Remove a row the creator deleted (not its files), and remember its
        file id so that no library import brings the video back. Returns
        False if the row was not there."""
        now = utc_now()
        with self._lock, write_transaction(self._conn):
            row = self._conn.execute(
                "SELECT file_id, backend_url FROM jobs WHERE job_id = ?", (job_id,)
            ).fetchone()
            if row is None:
                return False
            file_id, backend_url = row
            # With a job of this app goes its imported twin, hidden behind it till now.
            self._conn.execute(
                "DELETE FROM jobs WHERE job_id = ? OR (origin = 'account' AND file_id = ?)",
                (job_id, file_id),
            )
            if file_id:
                self._conn.execute(
                    "INSERT INTO library_files (file_id, backend_url, dismissed, seen_at)"
                    " VALUES (?, ?, 1, ?)"
                    " ON CONFLICT (file_id) DO UPDATE SET dismissed = 1",
                    (file_id, backend_url, now),
                )
            return True

    def set_favourite(self, job_id: str, favourite: bool) -> bool:
        """Star or unstar a job. Returns False when no such job exists."""
        return self.update(job_id, favourite=favourite)

    def clear(self) -> builtins.list[JobRecord]:
        """ "Clear history": remove every finished row that is not a favourite,
        in one transaction, and return the removed rows (their files are the
        caller's to delete). A job still in progress stays, and so does every
        favourite. Removed videos of the account are remembered as dismissed,
        so no import brings them back; nothing is deleted from the account."""
        marks = ", ".join("?" * len(TERMINAL_STATES))
        where = f"favourite = 0 AND state IN ({marks})"
        now = utc_now()
        with self._lock, write_transaction(self._conn):
            rows = self._conn.execute(
                f"{_SELECT} WHERE {where}", sorted(TERMINAL_STATES)
            ).fetchall()
            removed = [_record(row) for row in rows]
            self._conn.executemany(
                "INSERT INTO library_files (file_id, backend_url, dismissed, seen_at)"
                " VALUES (?, ?, 1, ?) ON CONFLICT (file_id) DO UPDATE SET dismissed = 1",
                [(r.file_id, r.backend_url, now) for r in removed if r.file_id],
            )
            self._conn.execute(f"DELETE FROM jobs WHERE {where}", sorted(TERMINAL_STATES))
        return removed

    # ------------------------------------------------------------------ the account's library

    def library_marks(self, file_ids: Sequence[str]) -> dict[str, LibraryMark]:
        """What the history knows of these file ids (ids it knows nothing of are left out)."""
        marks: dict[str, LibraryMark] = {}
        unique = builtins.list(dict.fromkeys(file_ids))
        with self._lock:
            for start in range(0, len(unique), _IDS_PER_QUERY):
                chunk = unique[start : start + _IDS_PER_QUERY]
                holes = ", ".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT file_id, MAX(created_at) FROM jobs WHERE file_id IN ({holes})"
                    " GROUP BY file_id",
                    chunk,
                ).fetchall()
                for file_id, created_at in rows:
                    marks[file_id] = LibraryMark(file_id, created_at)
                rows = self._conn.execute(
                    f"SELECT file_id, dismissed FROM library_files WHERE file_id IN ({holes})",
                    chunk,
                ).fetchall()
                for file_id, dismissed in rows:
                    known = marks.get(file_id, LibraryMark(file_id))
                    marks[file_id] = replace(known, seen=True, dismissed=bool(dismissed))
        return marks

    def add_library_videos(
        self,
        backend_url: str,
        videos: Sequence[JobRecord],
        listed: Sequence[str],
        resume_offset: int | None,
    ) -> builtins.list[str]:
        """Import one page of the account's library, in one transaction: add
        the `videos` whose file id no row has and the creator did not dismiss,
        remember every `listed` file id as seen, and keep `resume_offset` as
        where an interrupted import goes on (None: the import is complete).
        Returns the job ids added."""
        now = utc_now()
        added: builtins.list[str] = []
        columns = ", ".join(COLUMNS)
        holes = ", ".join("?" * len(COLUMNS))
        insert = (
            f"INSERT OR IGNORE INTO jobs ({columns}) SELECT {holes}"
            " WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE file_id = ?)"
            " AND NOT EXISTS (SELECT 1 FROM library_files WHERE file_id = ? AND dismissed = 1)"
        )
        with self._lock, write_transaction(self._conn):
            for record in videos:
                if record.origin != ACCOUNT or not record.file_id:
                    raise ValueError("a library video needs origin 'account' and a file id")
                values = [getattr(record, name) for name in COLUMNS]
                cursor = self._conn.execute(insert, [*values, record.file_id, record.file_id])
                if cursor.rowcount > 0:
                    added.append(record.job_id)
            self._conn.executemany(
                "INSERT OR IGNORE INTO library_files (file_id, backend_url, seen_at)"
                " VALUES (?, ?, ?)",
                [(file_id, backend_url, now) for file_id in dict.fromkeys(listed)],
            )
            self._set_resume(backend_url, resume_offset, now)
        return added

    def library_resume(self, backend_url: str) -> int | None:
        """Where an interrupted import of this backend's library goes on (None: nowhere)."""
        sql = "SELECT resume_offset FROM library_sync WHERE backend_url = ?"
        with self._lock:
            row = self._conn.execute(sql, (backend_url,)).fetchone()
        return row[0] if row is not None else None

    def set_library_resume(self, backend_url: str, resume_offset: int | None) -> None:
        with self._lock, write_transaction(self._conn):
            self._set_resume(backend_url, resume_offset, utc_now())

    def library_floor(self, backend_url: str) -> str | None:
        """The oldest time of this backend's imported videos (where an import
        that goes on places videos the service gives no date)."""
        sql = "SELECT MIN(created_at) FROM jobs WHERE origin = 'account' AND backend_url = ?"
        with self._lock:
            row = self._conn.execute(sql, (backend_url,)).fetchone()
        floor: str | None = row[0]
        return floor

    def _set_resume(self, backend_url: str, resume_offset: int | None, now: str) -> None:
        self._conn.execute(
            "INSERT INTO library_sync (backend_url, resume_offset, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (backend_url) DO UPDATE SET"
            " resume_offset = excluded.resume_offset, updated_at = excluded.updated_at",
            (backend_url, resume_offset, now),
        )

    def count(self) -> int:
        with self._lock:
            total: int = self._conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
        return total

    def count_shown(self) -> int:
        """How many videos the history shows (each once), beyond any list's limit."""
        with self._lock:
            total: int = self._conn.execute(f"SELECT COUNT(*) FROM jobs WHERE {_SHOWN}").fetchone()[
                0
            ]
        return total

    def close(self) -> None:
        """Close the database; safe to call twice."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


P = ParamSpec("P")
T = TypeVar("T")


class AsyncHistoryStore:
    """`HistoryStore`'s methods as coroutines, run on one dedicated worker thread.

    Calls run one at a time in the order they were awaited, so updates of a job
    land in order. Usable from any asyncio loop (qasync's included).
    """

    def __init__(self, store: HistoryStore | None = None) -> None:
        self.store = store if store is not None else HistoryStore()
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="framecast-history"
        )
        self._closed = False

    @property
    def path(self) -> Path:
        return self.store.path

    async def _run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:  # a late call would run after the close: say so plainly
            raise HistoryClosedError(f"the history {self.path} is closed")
        future = self._executor.submit(fn, *args, **kwargs)
        return await asyncio.wrap_future(future, loop=asyncio.get_running_loop())

    async def insert(self, record: JobRecord) -> None:
        await self._run(self.store.insert, record)

    async def update(self, job_id: str, /, **changes: object) -> bool:
        return await self._run(self.store.update, job_id, **changes)

    async def get(self, job_id: str) -> JobRecord | None:
        return await self._run(self.store.get, job_id)

    async def find_by_file_id(self, file_id: str) -> JobRecord | None:
        return await self._run(self.store.find_by_file_id, file_id)

    async def list(
        self, limit: int | None = None, origin: str | None = None
    ) -> builtins.list[JobRecord]:
        return await self._run(self.store.list, limit, origin)

    async def recent_prompts(self, limit: int) -> builtins.list[str]:
        return await self._run(self.store.recent_prompts, limit)

    async def unfinished(self) -> builtins.list[JobRecord]:
        return await self._run(self.store.unfinished)

    async def delete(self, job_id: str) -> bool:
        return await self._run(self.store.delete, job_id)

    async def dismiss(self, job_id: str) -> bool:
        return await self._run(self.store.dismiss, job_id)

    async def count(self) -> int:
        return await self._run(self.store.count)

    async def count_shown(self) -> int:
        return await self._run(self.store.count_shown)

    async def set_favourite(self, job_id: str, favourite: bool) -> bool:
        return await self._run(self.store.set_favourite, job_id, favourite)

    async def clear(self) -> builtins.list[JobRecord]:
        return await self._run(self.store.clear)

    async def library_marks(self, file_ids: Sequence[str]) -> dict[str, LibraryMark]:
        return await self._run(self.store.library_marks, file_ids)

    async def add_library_videos(
        self,
        backend_url: str,
        videos: Sequence[JobRecord],
        listed: Sequence[str],
        resume_offset: int | None,
    ) -> builtins.list[str]:
        return await self._run(
            self.store.add_library_videos, backend_url, videos, listed, resume_offset
        )

    async def library_resume(self, backend_url: str) -> int | None:
        return await self._run(self.store.library_resume, backend_url)

    async def set_library_resume(self, backend_url: str, resume_offset: int | None) -> None:
        await self._run(self.store.set_library_resume, backend_url, resume_offset)

    async def library_floor(self, backend_url: str) -> str | None:
        return await self._run(self.store.library_floor, backend_url)

    async def aclose(self) -> None:
        """Finish queued calls, close the database and stop the worker thread.

        Safe to call twice; any call after it raises HistoryClosedError (a RuntimeError).
        """
        if self._closed:
            return
        self._closed = True
        future = self._executor.submit(self.store.close)
        await asyncio.wrap_future(future, loop=asyncio.get_running_loop())
        self._executor.shutdown(wait=False)

    def close(self) -> None:
        """Blocking close for code outside the loop (finishes queued calls first)."""
        self._closed = True
        self._executor.shutdown(wait=True)
        self.store.close()

    async def __aenter__(self) -> AsyncHistoryStore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
