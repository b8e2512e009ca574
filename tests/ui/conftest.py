"""Fixtures for the window's tests: one pattern for async code in the suite.

Tests are plain sync functions. `qloop` makes qasync's `QEventLoop` the running
asyncio loop on top of pytest-qt's QApplication (`already_running=True`), so
coroutines scheduled by the window run whenever Qt processes events; tests
wait with `qtbot.waitUntil` / `qtbot.waitSignal`, and `run(coro)` schedules a
coroutine and waits (processing events) until it is done. Never await in a
test and never block in `waitSignal` inside a coroutine (DESIGN.md, Pitfalls).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import keyring
import pytest
import qasync
import shiboken6
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.store.history import AsyncHistoryStore, HistoryStore
from app.store.settings import load_settings
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.theme import apply_theme

T = TypeVar("T")
Runner = Callable[..., object]


@pytest.fixture
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Isolated data and config dirs, no backend from the environment, no keyring
    (tokens go to the 0600 fallback file inside the isolated config dir)."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    data.mkdir()
    config.mkdir()
    monkeypatch.setenv("FRAMECAST_DATA_DIR", str(data))
    monkeypatch.setenv("FRAMECAST_CONFIG_DIR", str(config))
    for name in ("SUPERDUPERAI_URL", "SUPERDUPERAI_TOKEN", "FRAMECAST_LOG_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRAMECAST_POLL_INTERVAL", "0.5")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    install_language("en")
    yield data
    keyring.set_keyring(previous)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    apply_theme(qapp)
    # As in the app (gui_main): closing a window must not quit the application,
    # which would also end qasync's loop (it listens to aboutToQuit).
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(4)
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    for _ in range(5):
        qapp.processEvents()
    # Stop the loop's worker threads before Qt is torn down. (Not loop.stop():
    # it calls QApplication.exit(), which breaks the next test's loop.)
    executor.shutdown(wait=True)
    # Leave no running loop behind for other tests (they may call asyncio.run).
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def run(qloop: qasync.QEventLoop, qtbot: QtBot) -> Callable[..., object]:
    """`run(coro, timeout=30)`: schedule the coroutine (or await the task) on
    qasync's loop and process Qt events until it finishes; returns its result
    or raises its error."""

    def runner(coro: Awaitable[T], timeout: float = 30) -> T:
        task = asyncio.ensure_future(coro, loop=qloop)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return runner


@pytest.fixture
def store(tmp_path: Path, run: Callable[..., object]) -> Iterator[AsyncHistoryStore]:
    """A real history database of this test's own (for models tested without a window)."""
    history = AsyncHistoryStore(HistoryStore(tmp_path / "history.db"))
    yield history
    run(history.aclose(), timeout=10)


@pytest.fixture
def make_window(
    ui_env: Path, qloop: qasync.QEventLoop, qtbot: QtBot, run: Callable[..., object]
) -> Iterator[Callable[..., MainWindow]]:
    """Build shown `MainWindow`s on the isolated data dir; each is closed,
    shut down (engine stopped, jobs left resumable) and its history closed."""
    made: list[tuple[MainWindow, AsyncHistoryStore]] = []

    def factory(
        backend: str | None = None,
        token: str | None = None,
        start: bool = True,
        size: tuple[int, int] | None = (1280, 800),
    ) -> MainWindow:
        history = AsyncHistoryStore()
        window = MainWindow(history, load_settings(), backend_arg=backend, token_arg=token)
        if size is not None:
            window.resize(*size)
        made.append((window, history))
        window.show()
        if start:
            window.spawn(window.start())
        return window

    yield factory
    for window, history in made:
        close_window(window, history, run)


def close_window(
    window: MainWindow, history: AsyncHistoryStore, run: Callable[..., object]
) -> None:
    if not shiboken6.isValid(window):
        return  # closed and deleted already (a test that restarts the window)
    if window.isVisible():
        window.close()
    run(window.shutdown(), timeout=30)
    run(history.aclose(), timeout=10)
    # Delete the window's C++ side now: its signal connections keep the Python
    # object alive, and every leaked window keeps its media player's decoders
    # (a full run grew by gigabytes).
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def xvfb_available() -> bool:
    return any(
        os.access(os.path.join(p, "Xvfb"), os.X_OK)
        for p in os.environ.get("PATH", "").split(os.pathsep)
    )


def wait_for(qtbot: QtBot, condition: Callable[[], object], timeout: float, what: str) -> None:
    """`qtbot.waitUntil` with a clear message, and the loop's pending tasks on
    failure (a stuck coroutine is otherwise invisible)."""
    try:
        qtbot.waitUntil(lambda: bool(condition()), timeout=int(timeout * 1000))
    except Exception:
        stacks = []
        for task in asyncio.all_tasks():
            frames = task.get_stack(limit=3)
            where = " <- ".join(
                f"{f.f_code.co_filename.rsplit('/', 1)[-1]}:{f.f_lineno}" for f in frames
            )
            stacks.append(f"{task.get_name()}: {where}")
        raise AssertionError(
            f"{what} not met within {timeout} s; pending tasks:\n" + "\n".join(stacks)
        ) from None


def message_box(window: MainWindow) -> QMessageBox | None:
    """The message box the window has open, if any."""
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


def click_message_button(window: MainWindow, qtbot: QtBot, text: str) -> QMessageBox:
    """Wait for the window's message box and press its button labelled `text`."""
    wait_for(qtbot, lambda: message_box(window) is not None, 5, "the message box")
    box = message_box(window)
    assert box is not None
    next(b for b in box.buttons() if b.text() == text).click()
    return box
