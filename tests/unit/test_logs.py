from __future__ import annotations

import logging
import logging.handlers
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import logs

LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (?P<level>[A-Z]+) +(?P<name>\S+) \[[^\]]+\] "
    r"(?P<message>.*)$"
)


@pytest.fixture(autouse=True)
def clean_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(logs.LEVEL_ENV, raising=False)
    yield
    logs.setup_logging(None)  # removes and closes this module's handlers
    logging.getLogger(logs.ROOT_LOGGER).setLevel(logging.NOTSET)


def our_handlers() -> list[logging.Handler]:
    return [
        h
        for h in logging.getLogger(logs.ROOT_LOGGER).handlers
        if any(isinstance(f, logs.RedactingFilter) for f in h.filters)
    ]


def read_log(log_dir: Path) -> str:
    for handler in our_handlers():
        handler.flush()
    return (log_dir / logs.LOG_FILE_NAME).read_text(encoding="utf-8")


def test_writes_precise_lines_to_the_log_file(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "framecast.log"
    assert logs.log_file_path() == path
    logging.getLogger("framecast.engine").info("job %s queued", "abc")
    logging.getLogger("framecast.api").debug("not at INFO")
    logging.getLogger("elsewhere").warning("not ours")
    lines = read_log(tmp_path / "logs").splitlines()
    assert len(lines) == 1
    match = LINE.match(lines[0])
    assert match is not None, lines[0]
    assert match["level"] == "INFO"
    assert match["name"] == "framecast.engine"
    assert match["message"] == "job abc queued"


def test_rotation_settings(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path)
    (handler,) = our_handlers()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 2 * 1024 * 1024
    assert handler.backupCount == 3


def test_rotation_keeps_three_old_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 1000)
    logs.setup_logging(tmp_path)
    log = logging.getLogger("framecast.store")
    for i in range(100):
        log.info("line %03d %s", i, "x" * 80)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["framecast.log", "framecast.log.1", "framecast.log.2", "framecast.log.3"]
    assert "line 099" in read_log(tmp_path)


def test_setup_is_idempotent(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "a")
    logs.setup_logging(tmp_path / "a")
    assert len(our_handlers()) == 1
    logging.getLogger("framecast.ui").warning("once")
    assert read_log(tmp_path / "a").count("once") == 1

    logs.setup_logging(tmp_path / "b")  # moving the log replaces the handler
    assert len(our_handlers()) == 1
    logging.getLogger("framecast.ui").warning("moved")
    assert "moved" not in read_log(tmp_path / "a")
    assert "moved" in read_log(tmp_path / "b")
    assert logs.log_file_path() == tmp_path / "b" / "framecast.log"


def test_no_file_without_a_log_dir() -> None:
    assert logs.setup_logging(None) is None
    assert logs.log_file_path() is None
    assert our_handlers() == []


def test_registered_secrets_and_bearer_credentials_never_reach_the_file(tmp_path: Path) -> None:
    token = "sk-" + secrets.token_hex(16)
    other = secrets.token_urlsafe(24)
    logs.register_secret(f"Bearer {token}")
    logs.setup_logging(tmp_path)
    log = logging.getLogger("framecast.api")
    log.info("token in the message " + token)
    log.info("token as an argument: %s", token)
    log.info("headers %r", {"Authorization": f"Bearer {other}", "Accept": "text/event-stream"})
    log.info("raw header Authorization: bearer %s.jwt.part", other)  # JWTs hold dots
    try:
        raise RuntimeError(f"server echoed {token}")
    except RuntimeError:
        log.exception("request failed")
    log.warning("with a stack %s", "dump", stack_info=True)
    logs.register_secret(other)  # registered later, still caught from now on
    log.info("late %s", other)

    text = read_log(tmp_path)
    assert token not in text
    assert other not in text
    assert "token in the message ***" in text
    assert "token as an argument: ***" in text
    assert "'Authorization': 'Bearer ***'" in text
    assert "Authorization: bearer ***\n" in text
    assert "RuntimeError: server echoed ***" in text
    assert "late ***" in text
    assert "with a stack dump" in text  # records are rewritten, never dropped


def test_console_handler_is_redacted_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = secrets.token_hex(20)
    logs.register_secret(token)
    logs.setup_logging(tmp_path, console=True)
    assert len(our_handlers()) == 2
    logging.getLogger("framecast.cli").error("bad token %s", token)
    err = capsys.readouterr().err
    assert "bad token ***" in err
    assert token not in err


def test_short_secrets_are_not_registered() -> None:
    logs.register_secret("")
    logs.register_secret(None)
    logs.register_secret("abc")
    assert logs.redact("abc is a word") == "abc is a word"


def test_per_area_levels_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logs.LEVEL_ENV, "engine=debug, api=warning, store=loud")
    logs.setup_logging(tmp_path)
    logging.getLogger("framecast.engine.tracker").debug("engine detail")
    logging.getLogger("framecast.api").info("api chatter")
    logging.getLogger("framecast.api").warning("api warning")
    logging.getLogger("framecast.store").debug("store detail")
    logging.getLogger("framecast.store").info("store info")
    text = read_log(tmp_path)
    assert "engine detail" in text
    assert "api chatter" not in text
    assert "api warning" in text
    assert "store detail" not in text  # "loud" is no level: INFO still applies
    assert "store info" in text

    monkeypatch.delenv(logs.LEVEL_ENV)
    logs.setup_logging(tmp_path)  # overrides are undone on the next setup
    assert logging.getLogger("framecast.engine").level == logging.NOTSET
    logging.getLogger("framecast.engine").debug("quiet again")
    assert "quiet again" not in read_log(tmp_path)


def test_level_spec_parsing() -> None:
    assert logs.parse_level_spec("debug") == {"framecast": logging.DEBUG}
    assert logs.parse_level_spec("engine=debug,framecast.api=ERROR,ui=10,x=nope,,") == {
        "framecast.engine": logging.DEBUG,
        "framecast.api": logging.ERROR,
        "framecast.ui": 10,
    }


def test_bare_level_sets_the_whole_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LEVEL_ENV, "debug")
    logs.setup_logging(tmp_path, level=logging.WARNING)
    logging.getLogger("framecast.local").debug("local detail")
    assert "local detail" in read_log(tmp_path)


# --------------------------------------------------------------------------- server text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b]0;pwned\x07title", "]0;pwnedtitle"),  # set-title sequence loses its ESC and BEL
        ("\x1b[2Jcleared", "[2Jcleared"),
        ("line\r\nFAKE: done", "line  FAKE: done"),  # no fake line
        ("tab\there", "tab here"),
        ("\x9b31mred", "31mred"),  # the C1 CSI
        ("abc\u202edcba", "abcdcba"),  # right-to-left override
        ("zero\u200bwidth", "zerowidth"),
        ("plain words, accents é and 日本", "plain words, accents é and 日本"),
    ],
)
def test_clean_text_removes_what_a_terminal_acts_on(raw: str, clean: str) -> None:
    assert logs.clean_text(raw) == clean


def test_clean_text_redacts_and_bounds() -> None:
    secret = "tok-" + secrets.token_hex(8)
    logs.register_secret(secret)
    assert logs.clean_text(f"echo {secret} and Bearer abcdef123") == "echo *** and Bearer ***"
    long = logs.clean_text("x" * 5000, max_chars=100)
    assert len(long) == 100 and long.endswith("…")


def test_log_files_are_private(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        path = logs.setup_logging(tmp_path / "logs")
        logging.getLogger("framecast.engine").warning("hello")
    finally:
        os.umask(old)
    assert path is not None
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
