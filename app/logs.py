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
tracebacks and stack dumps before any handler writes them. `redact()` is the
one redaction rule, and `clean_text()` (redaction plus the removal of control
characters) is what server text goes through before the history, a terminal
or a window shows it. The log files are private to the user (0600 in a 0700
folder). This module imports only the standard library (and `app.bearer`, which
imports only that), so anything in Framecast may use it.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
import threading
import time
from pathlib import Path

from app.bearer import normalise_token

ROOT_LOGGER = "framecast"
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
# C0 and C1 controls, DEL, and the Unicode format characters that reorder or
# hide text (bidi overrides, zero-width joiners): a terminal acts on them.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: Private to the user: logs may name prompts and local paths.
FILE_MODE = 0o600
DIR_MODE = 0o700

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
    secret = normalise_token(secret)
    if secret is None or len(secret) < _MIN_SECRET_LENGTH:
        return
    with _lock:
        if secret not in _secrets:
            # Longest first, so a secret containing another is replaced whole.
            _secrets = tuple(sorted((*_secrets, secret), key=len, reverse=True))


def redact(text: str, *, also: str | None = None) -> str:
    """`text` with every registered secret (and `also`, if given) and every
    bearer credential replaced by `***`. The one redaction rule of Framecast."""
    if also and also in text:
        text = text.replace(also, REDACTED)
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _BEARER.sub(rf"\g<1>{REDACTED}", text)


def clean_text(text: str, *, max_chars: int = 2000) -> str:
    """Server text made safe to store and show: secrets redacted, control and
    direction characters gone (a line break or tab becomes a space), at most
    `max_chars` characters. Never interprets markup: callers show it as plain text."""
    text = redact(text)
    text = _CONTROLS.sub(lambda m: " " if m.group() in "\t\n\r" else "", text)
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600, whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)  # a file made by an older version
        return io.TextIOWrapper(
            io.FileIO(fd, "a"), encoding=self.encoding or "utf-8", errors=self.errors
        )


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
            log_dir.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            _log_file = (log_dir / LOG_FILE_NAME).absolute()
            new_handlers.append(
                _PrivateRotatingFileHandler(
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
