"""Opening Framecast's local state: it comes up, or it says why in one sentence.

The window and the command line both start here. `start_logging` falls back
to no log file when the log folder can't be written. `open_local_state` loads
the settings (a damaged settings file costs only itself; a bad environment
value is refused for the command line and replaced by its default for the
window), proves the data folder writable, and opens the history: a damaged
history is moved aside and a fresh one started. What was worked around comes
back as `Notice`s for the caller to show; what can't be worked around (a data
folder that can't be written, a history made by a newer Framecast, a bad
environment value on the command line) is a `StartupError`. Each carries its
kind, its path and its English sentence (the one place for that sentence).
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
    load_settings,
    load_settings_leniently,
    settings_file_problems,
)

log = logging.getLogger("framecast.store")


class NoticeKind(StrEnum):
    HISTORY_MOVED = "history_moved"  # a damaged history was kept aside, a new one started
    SETTINGS_FILE = "settings_file"  # the settings file (or a value in it) was skipped
    ENVIRONMENT = "environment"  # a bad environment value was replaced by its default
    LOG_FILE = "log_file"  # no log file: its folder can't be written


@dataclass(frozen=True)
class Notice:
    """Something start-up worked around, for the user to know."""

    kind: NoticeKind
    text: str
    path: Path | None = None


class StartupProblem(StrEnum):
    DATA_FOLDER = "data_folder"  # the data folder can't be created or written
    HISTORY_NEWER = "history_newer"  # the history was made by a newer Framecast
    HISTORY_UNUSABLE = "history_unusable"  # the history can't be opened at all
    ENVIRONMENT = "environment"  # an environment value the command line refuses


class StartupError(Exception):
    """Framecast can't start on this local state; `str()` is the sentence to show."""

    def __init__(self, problem: StartupProblem, text: str, path: Path | None = None) -> None:
        super().__init__(text)
        self.problem = problem
        self.text = text
        self.path = path


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
        text = f"Framecast can't write its log file in {where or 'its log folder'} ({reason})."
        return Notice(NoticeKind.LOG_FILE, text, where)


def load_startup_settings(*, strict_environment: bool) -> tuple[Settings, list[Notice]]:
    """The settings and what was skipped to get them. With `strict_environment`
    a bad environment value raises StartupError instead."""
    notices: list[Notice] = []
    if strict_environment:
        try:
            settings = load_settings()
        except SettingsError as exc:
            raise StartupError(StartupProblem.ENVIRONMENT, str(exc)) from None
    else:
        settings, problems = load_settings_leniently()
        notices += [Notice(NoticeKind.ENVIRONMENT, text) for text in problems]
    settings_file = paths.settings_file_path()
    notices += [
        Notice(NoticeKind.SETTINGS_FILE, text, settings_file) for text in settings_file_problems()
    ]
    return settings, notices


def open_history() -> tuple[HistoryStore, list[Notice]]:
    """The history database in a writable data folder; a damaged one is moved
    aside (a notice says where). Raises StartupError."""
    try:
        paths.check_data_dir()
    except paths.DataFolderError as exc:
        raise StartupError(StartupProblem.DATA_FOLDER, str(exc), exc.path) from None
    path = paths.history_db_path()
    try:
        store, moved = HistoryStore.open_recovering(path)
    except HistoryVersionError as exc:
        raise StartupError(StartupProblem.HISTORY_NEWER, str(exc), path) from None
    except (HistoryError, sqlite3.Error, OSError) as exc:
        log.exception("cannot open the history %s", path)
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        text = f"Framecast can't open its history {path} ({reason})."
        raise StartupError(StartupProblem.HISTORY_UNUSABLE, text, path) from None
    if moved is None:
        return store, []
    text = (
        f"The history {path} was damaged. It was kept as {moved.name} "
        "and a new, empty history was started."
    )
    return store, [Notice(NoticeKind.HISTORY_MOVED, text, moved)]


def open_local_state(*, strict_environment: bool) -> LocalState:
    """Settings and history, ready for a Session. Raises StartupError."""
    settings, notices = load_startup_settings(strict_environment=strict_environment)
    history, more = open_history()
    for notice in (*notices, *more):
        log.warning("start-up: %s", notice.text)
    return LocalState(settings, history, [*notices, *more])
