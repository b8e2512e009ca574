"""Where Framecast keeps its files on this machine.

Every location comes from platformdirs for the app name "Framecast", and each
can be moved through the environment, which is how tests and power users keep
an isolated instance:

- `FRAMECAST_CONFIG_DIR`: settings file and the fallback credential file.
- `FRAMECAST_DATA_DIR`: history database and saved videos.
- `FRAMECAST_LOG_DIR`: the rotating log; when unset but `FRAMECAST_DATA_DIR`
  is set, logs go to `<data dir>/logs` so an isolated instance stays isolated.

This module is the one reader of these three variables; `environment_value`
is the one rule for reading any of Framecast's variables (a blank value
counts as unset), which `app.store.settings` uses for the others. Each
function creates its directory on demand (0700: history, logs and videos are
private to the user) and returns an absolute path. `check_writable()` proves
a folder (the data folder, the built-in renderer's) is writable before
anything relies on it, and raises `DataFolderError` with the path and the
system's reason when it is not. The built-in renderer (`framecast serve`, and
the one the window starts) keeps its files in `local_renderer_dir()`, inside
the data folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "Framecast"

CONFIG_DIR_ENV = "FRAMECAST_CONFIG_DIR"
DATA_DIR_ENV = "FRAMECAST_DATA_DIR"
LOG_DIR_ENV = "FRAMECAST_LOG_DIR"


def environment_value(name: str) -> str | None:
    """The environment variable `name` without surrounding spaces; None when
    it is unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def _env_dir(name: str) -> Path | None:
    value = environment_value(name)
    return Path(value).expanduser() if value else None


#: Framecast's own folders are private to the user.
DIR_MODE = 0o700


class DataFolderError(Exception):
    """A folder Framecast must write to can't be created or written to
    (`reason` is the system's own words)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"can't write to {path}: {reason}")


def _ensure(path: Path) -> Path:
    path = path.absolute()
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _make_private(path)
    return path


def _make_private(path: Path) -> None:
    """Take group and other access away from a folder of ours, where we may."""
    if os.name != "posix":
        return
    try:
        info = path.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & ~0o077)
    except OSError:
        pass  # a read-only folder: check_writable says so where it matters


def data_dir_path() -> Path:
    """Where the data directory is, without creating it."""
    return _data_path()


def _data_path() -> Path:
    override = _env_dir(DATA_DIR_ENV)
    if override is not None:
        return override.absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).absolute()


def check_writable(path: Path) -> Path:
    """`path` as an absolute folder of Framecast's, created if needed and proven
    writable (a file is created in it and removed). Raises DataFolderError."""
    path = path.absolute()
    try:
        _ensure(path)
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataFolderError(path, exc.strerror or type(exc).__name__) from None
    return path


def config_dir() -> Path:
    """The settings directory (`FRAMECAST_CONFIG_DIR` or the platform's)."""
    override = _env_dir(CONFIG_DIR_ENV)
    if override is not None:
        return _ensure(override)
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def data_dir() -> Path:
    """The data directory (`FRAMECAST_DATA_DIR` or the platform's)."""
    return _ensure(_data_path())


def local_renderer_dir() -> Path:
    """Where the built-in renderer keeps its uploads, videos and records
    (`<data dir>/local-renderer`), without creating it."""
    return _data_path() / "local-renderer"


def videos_dir() -> Path:
    """Where finished videos are saved unless the user chose another folder."""
    return _ensure(data_dir() / "videos")


def log_dir() -> Path:
    """The directory of `framecast.log` and its rotated siblings."""
    override = _env_dir(LOG_DIR_ENV)
    if override is not None:
        return _ensure(override)
    data_override = _env_dir(DATA_DIR_ENV)
    if data_override is not None:
        return _ensure(data_override / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def history_db_path() -> Path:
    """The SQLite history database (its directory is created, the file is not)."""
    return data_dir() / "history.sqlite3"


def settings_file_path() -> Path:
    """The saved settings file (its directory is created, the file is not)."""
    return config_dir() / "settings.json"
