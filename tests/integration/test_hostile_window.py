"""The window against hostile text and hostile local state.

Server and error text is shown as plain text wherever it appears (no HTML
from an error string, no link, no image); start-up always shows something:
a notice over the window for what was worked around, a small window of its
own for what can't be (the real `python -m app gui`, offscreen, in a child
process, closed with SIGTERM as a desktop session would)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.engine.updates import ErrorKind, JobState, JobUpdate
from app.ui.banner import Banner
from app.ui.elided_label import ElidedLabel
from app.ui.main import startup_problem_box
from app.ui.message_boxes import show_error
from app.ui.models.jobs import ActiveJob
from app.ui.progress_panel import ProgressCard
from tests.integration.test_cli import _closed_port
from tests.support.hostile import read_only_folder
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
HTML = '<b>bold</b> <a href="http://evil.example">click</a> <img src="x.png"> &amp;'


# --------------------------------------------------------------------------- plain text


def test_the_banner_shows_an_error_string_literally(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(HTML, "error")
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert banner.label.text() == HTML


def test_a_failed_card_shows_the_servers_error_literally(qtbot: QtBot) -> None:
    failed = JobUpdate(
        job_id="job", state=JobState.FAILED, server_message=HTML, error_kind=ErrorKind.RENDER
    )
    card = ProgressCard(ActiveJob("job", failed, title="a fox"))
    qtbot.addWidget(card)
    card.apply(failed)
    assert card.statusLabel.textFormat() == Qt.TextFormat.PlainText
    assert HTML in card.statusLabel.text()
    assert card.subtitleLabel.textFormat() == Qt.TextFormat.PlainText


def test_elided_labels_and_their_tooltips_are_literal(qtbot: QtBot) -> None:
    label = ElidedLabel(HTML)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    tip = label.toolTip()
    assert "<b>" not in tip and "&lt;b&gt;bold&lt;/b&gt;" in tip  # escaped, so shown as typed


def test_message_boxes_show_text_literally(qtbot: QtBot) -> None:
    show_error(HTML)
    (box,) = [w for w in qtbot_top_levels() if isinstance(w, QMessageBox) and w.text() == HTML]
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    problem = startup_problem_box(HTML)
    qtbot.addWidget(problem)
    assert (problem.textFormat(), problem.text()) == (Qt.TextFormat.PlainText, HTML)


def qtbot_top_levels() -> list[object]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


# --------------------------------------------------------------------------- start-up


class Gui:
    """`python -m app gui` in a child process, with its stderr collected."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app", "gui"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.err: list[str] = []
        assert self.proc.stderr is not None
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.err.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self.err)

    def close(self) -> int:
        """SIGTERM, as a desktop session ends it; returns the exit code."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


@pytest.fixture
def gui_dirs(tmp_path: Path) -> dict[str, Path]:
    out = {name: tmp_path / name for name in ("data", "config", "logs")}
    for path in out.values():
        path.mkdir()
    return out


def _gui_env(dirs: dict[str, Path], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPERDUPERAI_", "FRAMECAST_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        FRAMECAST_DATA_DIR=str(dirs["data"]),
        FRAMECAST_CONFIG_DIR=str(dirs["config"]),
        FRAMECAST_LOG_DIR=str(dirs["logs"]),
        # A backend that is not there: no renderer is started, the window says so.
        SUPERDUPERAI_URL=f"http://127.0.0.1:{_closed_port()}",
        SUPERDUPERAI_TOKEN="gui-test-token-123456",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@pytest.fixture
def gui() -> Iterator[list[Gui]]:
    started: list[Gui] = []
    yield started
    for g in started:
        if g.proc.poll() is None:
            g.proc.kill()
            g.proc.wait()


def _log(dirs: dict[str, Path]) -> str:
    path = dirs["logs"] / "framecast.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_for_window(g: Gui, dirs: dict[str, Path], marker: str) -> None:
    wait_until(lambda: marker in _log(dirs) or g.proc.poll() is not None, 60, what=f"{marker!r}")
    assert g.proc.poll() is None, f"the window quit: {g.stderr}"


def test_a_read_only_data_folder_opens_a_window_that_says_so(
    gui_dirs: dict[str, Path], gui: list[Gui], tmp_path: Path
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        g = Gui(_gui_env(gui_dirs, FRAMECAST_DATA_DIR=str(folder)))
        gui.append(g)
        _wait_for_window(g, gui_dirs, "start-up problem shown")
        assert f"framecast: Framecast can't write to its data folder {folder}" in g.stderr
        assert g.close() == 1
    assert "Traceback" not in g.stderr


def test_a_newer_history_opens_a_window_that_says_so_and_keeps_the_file(
    gui_dirs: dict[str, Path], gui: list[Gui]
) -> None:
    path = gui_dirs["data"] / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE jobs (job_id TEXT)")
        conn.execute("PRAGMA user_version = 42")
    before = path.read_bytes()
    g = Gui(_gui_env(gui_dirs))
    gui.append(g)
    _wait_for_window(g, gui_dirs, "start-up problem shown")
    assert f"The history {path} was made by a newer Framecast." in g.stderr
    assert g.close() == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["history", "settings", "environment"])
def test_damaged_local_state_still_opens_the_window_and_says_so(
    gui_dirs: dict[str, Path], gui: list[Gui], damage: str
) -> None:
    extra: dict[str, str] = {}
    if damage == "history":
        (gui_dirs["data"] / "history.sqlite3").write_bytes(b"garbage, not SQLite\n" * 100)
        expected = "was damaged. It was kept as history-damaged-"
    elif damage == "settings":
        (gui_dirs["config"] / "settings.json").write_bytes(b'{"language": "\xff"}')
        expected = "is not UTF-8 text; using the default settings."
    else:
        extra["FRAMECAST_POLL_INTERVAL"] = "1e-9"
        expected = (
            "FRAMECAST_POLL_INTERVAL must be a number of seconds from 0.1 to 3600. "
            "Framecast uses its default value instead."
        )
    g = Gui(_gui_env(gui_dirs, **extra))
    gui.append(g)
    _wait_for_window(g, gui_dirs, "window shown")
    assert expected in g.stderr
    assert g.close() == 0
    assert "Traceback" not in g.stderr
    if damage == "history":
        assert len(list(gui_dirs["data"].glob("history-damaged-*.sqlite3"))) == 1
