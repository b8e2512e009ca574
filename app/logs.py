"""Logging for Framecast: one rotating file, named areas, and no secrets.

Every module logs to `framecast.<area>` (`framecast.api`, `framecast.engine`,
`framecast.store`, `framecast.local`, `framecast.ui`, `framecast.cli`, and
`framecast.qt` for Qt's own messages, which `app.ui.qt_messages` routes here).
`setup_logging()` sends that tree to `<log dir>/framecast.log` (2 MB, 3 old
files kept) and optionally to stderr; calling it again replaces its handlers
instead of adding more. The environment variable `FRAMECAST_LOG` sets levels
per area, e.g. `FRAMECAST_LOG=engine=debug,api=info` (a bare `debug` sets the
whole tree).

Every handler carries a `RedactingFilter`: secrets given to `register_secret()`
and anything after `Bearer ` are replaced by `***` in messages, arguments,
tracebacks and stack dumps before any handler writes them. This module imports
only the standard library, so anything in Framecast may use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
import time
from pathlib import Path

ROOT_LOGGER = "framecast"
AREAS: tuple[str, ...] = ("api", "engine", "store", "local", "ui", "cli", "qt")
LOG_FILE_NAME = "framecast.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 3
LEVEL_ENV = "FRAMECAST_LOG"
REDACTED = "***"

FORMAT = "%(asctime)s.%(msecs)03dZ %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"

# Secrets shorter than this would turn ordinary words into "***".
_MIN_SECRET_LENGTH = 6
_BEARER = re.compile(r"(\bBearer\s+)[^\s'\",;)}\]]+", re.IGNORECASE)

_lock = threading.Lock()
_secrets: tuple[str, ...] = ()
_handlers: list[logging.Handler] = []
_area_levels_set: list[str] = []
_log_file: Path | None = None


def register_secret(secret: str | None) -> None:
    """Never let this string reach a log handler from now on.

    A leading `Bearer ` is ignored; empty or very short strings are ignored.
    """
    global _secrets
    if not secret:
        return
    secret = re.sub(r"^\s*bearer\s+", "", secret, flags=re.IGNORECASE).strip()
    if len(secret) < _MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret not in _secrets:
            # Longest first, so a secret containing another is replaced whole.
            _secrets = tuple(sorted((*_secrets, secret), key=len, reverse=True))


def redact(text: str) -> str:
    """`text` with every registered secret and bearer credential replaced by `***`."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _BEARER.sub(rf"\g<1>{REDACTED}", text)


class RedactingFilter(logging.Filter):
    """Rewrites a record so that no secret survives in it; never drops a record.

    The message is formatted with its arguments first (so a secret passed as
    an argument is caught), and the traceback is rendered and redacted here
    because handlers would otherwise render it from the live exception.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format: keep what can be shown, safely
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _formatter() -> logging.Formatter:
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    formatter.converter = time.gmtime
    return formatter


def parse_level_spec(spec: str) -> dict[str, int]:
    """`engine=debug,api=info` → {"framecast.engine": DEBUG, ...}; `debug` → the tree.

    Unknown level names are skipped.
    """
    levels: dict[str, int] = {}
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        area, _, level_name = item.rpartition("=")
        level_name = level_name.strip().upper()
        level = int(level_name) if level_name.isdigit() else logging.getLevelName(level_name)
        if not isinstance(level, int):
            continue
        area = area.strip()
        if not area or area == ROOT_LOGGER:
            name = ROOT_LOGGER
        elif area.startswith(ROOT_LOGGER + "."):
            name = area
        else:
            name = f"{ROOT_LOGGER}.{area}"
        levels[name] = level
    return levels


def setup_logging(
    log_dir: Path | None = None, level: int = logging.INFO, console: bool = False
) -> Path | None:
    """Install Framecast's handlers on the `framecast` logger tree.

    With `log_dir` (usually `app.store.paths.log_dir()`) logs go to
    `log_dir/framecast.log`, rotated at 2 MB with 3 old files; without it,
    there is no log file. `console` adds a stderr handler. Calling again
    replaces the previous handlers. Returns the log file's path, if any.
    """
    global _log_file
    root = logging.getLogger(ROOT_LOGGER)
    with _lock:
        for handler in _handlers:
            root.removeHandler(handler)
            handler.close()
        _handlers.clear()
        for name in _area_levels_set:
            logging.getLogger(name).setLevel(logging.NOTSET)
        _area_levels_set.clear()

        new_handlers: list[logging.Handler] = []
        _log_file = None
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            _log_file = (log_dir / LOG_FILE_NAME).absolute()
            new_handlers.append(
                logging.handlers.RotatingFileHandler(
                    _log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
                )
            )
        if console:
            new_handlers.append(logging.StreamHandler(sys.stderr))
        for handler in new_handlers:
            handler.setFormatter(_formatter())
            handler.addFilter(RedactingFilter())
            root.addHandler(handler)
            _handlers.append(handler)

        overrides = parse_level_spec(os.environ.get(LEVEL_ENV, ""))
        root.setLevel(overrides.pop(ROOT_LOGGER, level))
        for name, area_level in overrides.items():
            logging.getLogger(name).setLevel(area_level)
            _area_levels_set.append(name)
    return _log_file


def log_file_path() -> Path | None:
    """The current log file (for the Diagnostics dialog), or None if not logging to a file."""
    return _log_file
