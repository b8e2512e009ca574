"""Where Framecast keeps its files on this machine.

Every location comes from platformdirs for the app name "Framecast", and each
can be moved through the environment, which is how tests and power users keep
an isolated instance:

- `FRAMECAST_CONFIG_DIR`: settings file and the fallback credential file.
- `FRAMECAST_DATA_DIR`: history database and saved videos.
- `FRAMECAST_LOG_DIR`: the rotating log; when unset but `FRAMECAST_DATA_DIR`
  is set, logs go to `<data dir>/logs` so an isolated instance stays isolated.

Each function creates its directory on demand and returns an absolute path.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Framecast"

CONFIG_DIR_ENV = "FRAMECAST_CONFIG_DIR"
DATA_DIR_ENV = "FRAMECAST_DATA_DIR"
LOG_DIR_ENV = "FRAMECAST_LOG_DIR"


def _env_dir(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    path = path.absolute()
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The settings directory (`FRAMECAST_CONFIG_DIR` or the platform's)."""
    override = _env_dir(CONFIG_DIR_ENV)
    if override is not None:
        return _ensure(override)
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def data_dir() -> Path:
    """The data directory (`FRAMECAST_DATA_DIR` or the platform's)."""
    override = _env_dir(DATA_DIR_ENV)
    if override is not None:
        return _ensure(override)
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


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
