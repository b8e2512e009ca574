"""Qt's own messages: routine start-up chatter goes to the log file, errors to the terminal.

The handler is checked on its own with Qt's real message types and contexts,
then in the real window started as a program (offscreen, and on a real X
display under Xvfb): its stderr holds none of QtMultimedia's start-up lines
(which its log file holds instead), while deliberate Qt errors still reach it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qCritical, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication

from app.logs import register_secret, setup_logging
from app.ui import qt_messages
from app.ui.qt_messages import is_routine, route_qt_message
from tests.ui import qt_errors_app

ROOT = Path(__file__).resolve().parents[2]
Debug, Info, Warning_, Critical, Fatal = (
    QtMsgType.QtDebugMsg,
    QtMsgType.QtInfoMsg,
    QtMsgType.QtWarningMsg,
    QtMsgType.QtCriticalMsg,
    QtMsgType.QtFatalMsg,
)

# What Qt 6.11 printed on every start before the handler (checked on Debian 12).
STARTUP_NOISE = [
    (Warning_, "qt.multimedia.symbolsresolver", "Couldn't load pipewire-0.3 library"),
    (Warning_, "qt.multimedia.symbolsresolver", "Couldn't resolve va-drm symbols"),
    (Info, "qt.multimedia.ffmpeg", "Using Qt multimedia with FFmpeg version 7.1.5 LGPL"),
    (Warning_, "default", "PulseAudioService: pa_context_connect() failed"),
    (Warning_, "default", "This plugin does not support propagateSizeHints()"),
    (Debug, "qt.multimedia.audio", "opening the default output"),
]
NOISE_MARKERS = ("qt.multimedia", "symbolsresolver", "PulseAudioService", "pa_context_connect")


@dataclass(frozen=True)
class Context:
    """Stands in for the QMessageLogContext Qt passes with a categorised message.

    Only Qt itself can send one safely: a QLoggingCategory made from Python
    (PySide6 6.11) keeps a pointer to a temporary copy of its name, which
    later reads as garbage. Messages in Qt's default category go through the
    real path below."""

    category: str


@pytest.fixture
def routed(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> Iterator[pytest.LogCaptureFixture]:
    """Qt's messages go through `route_qt_message` for this test (pytest-qt's own
    handler is put back afterwards); the captured `framecast.qt` records."""
    caplog.set_level(logging.DEBUG, logger="framecast.qt")
    previous = qInstallMessageHandler(route_qt_message)
    yield caplog
    qInstallMessageHandler(previous)


@pytest.mark.parametrize(("kind", "category", "message"), STARTUP_NOISE)
def test_startup_chatter_is_routine(kind: QtMsgType, category: str, message: str) -> None:
    assert is_routine(kind, category, message)


@pytest.mark.parametrize(
    ("kind", "category", "message"),
    [
        (Critical, "qt.multimedia.ffmpeg", "Could not open the audio output"),
        (Fatal, "qt.multimedia", "out of memory"),
        (Critical, "default", "PulseAudioService: lost the connection"),
        (Warning_, "qt.qpa.xcb", "could not connect to display"),
        (Warning_, "default", "QPainter::begin: Paint device returned engine == 0"),
        (Warning_, "qt.core.plugin.loader", "loaded library libffmpegmediaplugin.so"),
        (Warning_, "qt.multimediawidgets", "not QtMultimedia, only a similar name"),
        (Warning_, "kf.something", "PulseAudioService: outside the default category"),
    ],
)
def test_errors_and_unknown_warnings_are_not_routine(
    kind: QtMsgType, category: str, message: str
) -> None:
    assert not is_routine(kind, category, message)


def test_routine_messages_go_to_the_log_only(
    routed: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    qWarning("PulseAudioService: pa_context_connect() failed")  # Qt's real message path
    route_qt_message(Warning_, Context("qt.multimedia.symbolsresolver"), "Couldn't load va")
    route_qt_message(Info, Context("qt.multimedia.ffmpeg"), "Using FFmpeg version 7.1.5")

    assert capsys.readouterr().err == ""
    assert [(r.name, r.levelno, r.getMessage()) for r in routed.records] == [
        (
            "framecast.qt",
            logging.WARNING,
            "default: PulseAudioService: pa_context_connect() failed",
        ),
        ("framecast.qt", logging.WARNING, "qt.multimedia.symbolsresolver: Couldn't load va"),
        ("framecast.qt", logging.INFO, "qt.multimedia.ffmpeg: Using FFmpeg version 7.1.5"),
    ]


def test_errors_go_to_the_log_and_the_terminal_as_qt_prints_them(
    routed: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    qWarning("QWidget::repaint: Recursive repaint detected")
    qCritical("QPainter::begin: A paint device can only be painted by one painter at a time.")
    route_qt_message(Critical, Context("qt.multimedia.ffmpeg"), "Could not open the codec")

    assert capsys.readouterr().err.splitlines() == [
        "QWidget::repaint: Recursive repaint detected",  # Qt leaves "default" out too
        "QPainter::begin: A paint device can only be painted by one painter at a time.",
        "qt.multimedia.ffmpeg: Could not open the codec",
    ]
    assert [(r.levelno, r.getMessage()) for r in routed.records] == [
        (logging.WARNING, "default: QWidget::repaint: Recursive repaint detected"),
        (
            logging.ERROR,
            "default: QPainter::begin: A paint device can only be painted by one painter at a "
            "time.",
        ),
        (logging.ERROR, "qt.multimedia.ffmpeg: Could not open the codec"),
    ]


def test_secrets_never_reach_the_terminal_or_the_log_file(
    routed: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log_file = setup_logging(tmp_path)
    try:
        secret = "qt-message-secret-4f9a2c"
        register_secret(secret)
        qWarning(f"QNetworkReply: request to /x?token={secret} failed")
    finally:
        setup_logging(None)  # closes the file

    assert capsys.readouterr().err == "QNetworkReply: request to /x?token=*** failed\n"
    assert log_file is not None
    text = log_file.read_text()
    assert (
        "framecast.qt [MainThread] default: QNetworkReply: request to /x?token=*** failed" in text
    )
    assert secret not in text


def test_no_console_is_not_an_error(
    routed: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Windows GUI build has no stderr at all (sys.stderr is None)."""
    monkeypatch.setattr(qt_messages.sys, "stderr", None)
    qCritical("still logged")
    monkeypatch.undo()
    assert [r.getMessage() for r in routed.records] == ["default: still logged"]


# ---------------------------------------------------------------- the real window


def isolated_env(tmp_path: Path, platform: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QT_", "SUPERDUPERAI_", "FRAMECAST_"))
    }
    env.update(
        QT_QPA_PLATFORM=platform,
        FRAMECAST_DATA_DIR=str(tmp_path / "data"),
        FRAMECAST_CONFIG_DIR=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(ROOT),
    )
    return env


@pytest.mark.slow
@pytest.mark.parametrize(
    "platform",
    [
        "offscreen",
        pytest.param(
            "xcb",
            marks=[
                pytest.mark.xvfb,
                pytest.mark.skipif(
                    shutil.which("xvfb-run") is None,
                    reason="Xvfb/xvfb-run is not installed (apt-get install xvfb xauth)",
                ),
            ],
        ),
    ],
)
def test_real_window_keeps_the_terminal_quiet_but_shows_errors(
    tmp_path: Path, platform: str
) -> None:
    argv = [sys.executable, "-m", "tests.ui.qt_errors_app"]
    if platform == "xcb":
        argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", *argv]
    result = subprocess.run(
        argv,
        cwd=ROOT,
        env=isolated_env(tmp_path, platform),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stderr.splitlines() == [qt_errors_app.WARNING, qt_errors_app.CRITICAL]
    log = (tmp_path / "data" / "logs" / "framecast.log").read_text()
    routed = [line for line in log.splitlines() if " framecast.qt " in line]
    # The start-up chatter happened, and went to the log file.
    assert any(marker in line for line in routed for marker in NOISE_MARKERS), log
    assert any(qt_errors_app.CRITICAL in line for line in routed), log
