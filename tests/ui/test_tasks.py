"""The window's one way to run background work: coroutines on the loop, blocking calls
on worker threads, and no failure lost."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.ui.tasks import TaskGroup, in_thread, run_in_thread
from tests.ui.conftest import wait_for

Run = Callable[..., object]


def test_a_failing_task_reaches_the_handler_and_cancel_all_stops_the_rest(
    run: Run, qtbot: QtBot
) -> None:
    errors: list[BaseException] = []
    tasks = TaskGroup(on_error=errors.append)
    never = asyncio.Event()

    async def fail() -> None:
        raise ValueError("lost nowhere")

    waiting = tasks.spawn(never.wait())
    tasks.spawn(fail())
    wait_for(qtbot, lambda: errors, 5, "the failure")
    assert isinstance(errors[0], ValueError) and len(tasks) == 1
    tasks.cancel_all()
    wait_for(qtbot, waiting.done, 5, "the cancellation")
    assert waiting.cancelled() and len(tasks) == 0 and len(errors) == 1


def test_blocking_calls_run_off_the_gui_thread(run: Run, qtbot: QtBot) -> None:
    gui = threading.get_ident()
    assert run(in_thread(threading.get_ident)) != gui

    def broken() -> None:
        raise OSError("disk on fire")

    with pytest.raises(OSError, match="disk on fire"):
        run(in_thread(broken))

    answers: list[tuple[object, BaseException | None, int]] = []
    run_in_thread(
        lambda: 42, lambda result, error: answers.append((result, error, threading.get_ident()))
    )
    wait_for(qtbot, lambda: answers, 5, "the callback")
    assert answers == [(42, None, gui)]  # called back on the GUI thread


def test_aclose_returns_only_once_every_task_has_unwound(run: Run) -> None:
    tasks = TaskGroup()
    cleaned: list[str] = []
    started = asyncio.Event()

    async def holds_a_resource() -> None:
        try:
            started.set()
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0.05)  # an async cleanup, as stopping a renderer is
            cleaned.append("stopped")

    async def scenario() -> None:
        tasks.spawn(holds_a_resource())
        await started.wait()
        await tasks.aclose()
        assert cleaned == ["stopped"] and len(tasks) == 0

    run(scenario())
