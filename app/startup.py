"""Opening Framecast's local state: it comes up, or it says why.

The window and the command line both start here. `start_logging` falls back
to no log file when the log folder can't be written. `open_local_state` loads
the settings (a damaged settings file costs only itself; a bad environment
value is refused for the command line and replaced by its default for the
window: the one error rule), proves the data folder writable, and opens the
history: a damaged history is moved aside and a fresh one started. What was
worked around comes back as `Notice`s for the caller to show; what can't be
worked around (a data folder that can't be written, a history made by a newer
Framecast, a bad environment value on the command line) is a `StartupError`.

Both are facts, a kind with its path, name or the system's reason, never a
sentence: the window words them in the creator's language
(`app/ui/wording.py`), the command line in English (`app/cli/wording.py`).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.logs import setup_logging
from app.store import paths
from app.store.history import HistoryError, HistoryStore, HistoryVersionError
from app.store.settings import (
    Settings,
    SettingsError,
    SettingsFileTrouble,
    load_settings,
    load_settings_leniently,
    settings_file_problems,
)

log = logging.getLogger("framecast.store")


class NoticeKind(StrEnum):
    HISTORY_MOVED = "history_moved"  # a damaged history (path) was kept aside (moved_to)
    SETTINGS_FILE = "settings_file"  # the settings file (path), or a value in it, was skipped
    ENVIRONMENT = "environment"  # a bad environment value (name) was replaced by its default
    LOG_FILE = "log_file"  # no log file: its folder (path) can't be written (reason)


@dataclass(frozen=True)
class Notice:
    """Something start-up worked around, for the user to know."""

    kind: NoticeKind
    path: Path | None = None
    #: The environment variable, or the setting of the settings file.
    name: str | None = None
    #: The system's own words on why (a folder or a file that can't be written or read).
    reason: str | None = None
    #: Where a damaged history was moved.
    moved_to: Path | None = None
    #: What was wrong with the settings file.
    trouble: SettingsFileTrouble | None = None


class StartupProblem(StrEnum):
    DATA_FOLDER = "data_folder"  # the data folder (path) can't be created or written (reason)
    HISTORY_NEWER = "history_newer"  # the history (path) was made by a newer Framecast
    HISTORY_UNUSABLE = "history_unusable"  # the history (path) can't be opened at all (reason)
    ENVIRONMENT = "environment"  # environment values (names) the command line refuses


class StartupError(Exception):
    """Framecast can't start on this local state; `str()` is for the log."""

    def __init__(
        self,
        problem: StartupProblem,
        *,
        path: Path | None = None,
        reason: str | None = None,
        names: tuple[str, ...] = (),
    ) -> None:
        where = f" {path}" if path is not None else ""
        why = f": {reason}" if reason else ""
        super().__init__(f"{problem}{where}{why} {' '.join(names)}".strip())
        self.problem = problem
        self.path = path
        self.reason = reason
        self.names = names


@dataclass
class LocalState:
    settings: Settings
    history: HistoryStore
    notices: list[Notice] = field(default_factory=list)


def start_logging(*, console: bool = False) -> Notice | None:
    """Log to the log folder's file; without one (a read-only folder) log only
    to the console if asked, and say so."""
    try:
        setup_logging(paths.log_dir(), console=console)
        return None
    except OSError as exc:
        setup_logging(None, console=console)
        where = Path(exc.filename) if exc.filename else None
        reason = exc.strerror or type(exc).__name__
        return Notice(NoticeKind.LOG_FILE, path=where, reason=reason)


def load_startup_settings(*, strict_environment: bool) -> tuple[Settings, list[Notice]]:
    """The settings and what was skipped to get them. With `strict_environment`
    a bad environment value raises StartupError instead."""
    notices: list[Notice] = []
    if strict_environment:
        try:
            settings = load_settings()
        except SettingsError as exc:
            raise StartupError(StartupProblem.ENVIRONMENT, names=exc.variables) from None
    else:
        settings, variables = load_settings_leniently()
        notices += [Notice(NoticeKind.ENVIRONMENT, name=name) for name in variables]
    notices += [
        Notice(
            NoticeKind.SETTINGS_FILE,
            path=problem.path,
            name=problem.name,
            reason=problem.reason,
            trouble=problem.trouble,
        )
        for problem in settings_file_problems()
    ]
    return settings, notices


def check_folder(folder: Path) -> Path:
    """`folder` created if needed and proven writable, or StartupError (DATA_FOLDER)."""
    try:
        return paths.check_writable(folder)
    except paths.DataFolderError as exc:
        raise StartupError(StartupProblem.DATA_FOLDER, path=exc.path, reason=exc.reason) from None


def open_history() -> tuple[HistoryStore, list[Notice]]:
    """The history database in a writable data folder; a damaged one is moved
    aside (a notice says where). Raises StartupError."""
    check_folder(paths.data_dir_path())
    path = paths.history_db_path()
    try:
        store, moved = HistoryStore.open_recovering(path)
    except HistoryVersionError as exc:
        log.error("%s", exc)
        raise StartupError(StartupProblem.HISTORY_NEWER, path=path) from None
    except (HistoryError, sqlite3.Error, OSError) as exc:
        log.exception("cannot open the history %s", path)
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise StartupError(StartupProblem.HISTORY_UNUSABLE, path=path, reason=reason) from None
    if moved is None:
        return store, []
    return store, [Notice(NoticeKind.HISTORY_MOVED, path=path, moved_to=moved)]


def open_local_state(*, strict_environment: bool) -> LocalState:
    """Settings and history, ready for a Session. Raises StartupError."""
    settings, notices = load_startup_settings(strict_environment=strict_environment)
    history, more = open_history()
    for notice in (*notices, *more):
        log.warning("start-up: %s", notice)
    return LocalState(settings, history, [*notices, *more])
