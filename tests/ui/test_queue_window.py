"""Takes and the queue in the window, against a built-in renderer of the
test's own (`framecast serve`, real HTTP), its jobs counted from the
records it keeps: one press with Takes 3 makes three jobs with consecutive
seeds, shown as one group; past the limit they wait in `queueList`; the
queue survives closing the window (a new window on the same data folder),
pause holds it, Move to top, a drop and Remove change what is sent, and
each video is sent exactly once."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from app.store.history import JobRecord
from app.store.queue import QueueItem
from app.store.settings import load_settings, save_settings
from app.ui import wording
from app.ui.main_window import MainWindow
from tests.conftest import LocalServer, start_local_server
from tests.ui.conftest import close_window, wait_for
from tests.ui.test_window_flow import fill_form, wait_ready

Run = Callable[..., object]


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ui_env: Path) -> Iterator[LocalServer]:
    """A renderer of this test's own, its renders long enough to watch the
    queue, and the window's limit for it (a server at a URL) set to 1."""
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "1.5")
    save_settings(load_settings().model_copy(update={"queue_limit_cloud": 1}))
    renderer = start_local_server(tmp_path / "server")
    yield renderer
    renderer.stop()


def created(server: LocalServer, prompt: str) -> list[dict[str, object]]:
    """The videos the renderer was asked to make with this prompt, in the
    order the creates came (its own records, read from its folder)."""
    assert server.data_dir is not None
    records = [json.loads(p.read_text()) for p in (server.data_dir / "files").glob("*.json")]
    mine = [
        r
        for r in records
        if r["type"] == "video"
        and isinstance(r["config"], dict)
        and r["config"]["prompt"] == prompt
    ]
    return sorted(mine, key=lambda r: float(r["queued_at"]))


def seeds(records: list[dict[str, object]]) -> list[int]:
    return [int(r["config"]["seed"]) for r in records]  # type: ignore[index]


def own_rows(window: MainWindow, prompt: str) -> list[JobRecord]:
    return [r for r in window.historyPanel.records() if r.origin == "local" and r.prompt == prompt]


def press_generate_with_takes(
    window: MainWindow, qtbot: QtBot, prompt: str, seed: int, takes: int
) -> None:
    form = window.form
    fill_form(window, qtbot, prompt, seconds=1)
    form.newSeedCheck.setChecked(False)
    form.seedEdit.setText(str(seed))
    form.takesSpin.setValue(takes)
    wait_for(qtbot, form.generateButton.isEnabled, 5, "Generate enabled")
    form.generateButton.click()


def queued(window: MainWindow) -> list[QueueItem]:
    return window.queue.items()


def test_takes_make_one_group_with_consecutive_seeds_and_wait_past_the_limit(
    make_window: Callable[..., MainWindow], server: LocalServer, qtbot: QtBot
) -> None:
    prompt = "A kite over the dunes"
    window = make_window(server.url, server.token, size=(1280, 720))
    wait_ready(window, qtbot)
    form = window.form
    fill_form(window, qtbot, prompt, seconds=1)
    form.takesSpin.setValue(3)
    model = form.current_model()
    assert model is not None
    one = model.price_for(1)
    assert form.costLabel.text() == wording.takes_cost(one * 3 if one is not None else None, 3)
    form.promptEdit.clear()

    press_generate_with_takes(window, qtbot, prompt, 4000, 3)
    # Limit 1: one is sent, two wait in the list, and the form says so.
    wait_for(qtbot, lambda: len(queued(window)) == 2, 10, "two takes waiting")
    assert len(window.progress.cards()) == 1
    assert window.queuePanel.isVisible() and window.queuePanel.queueList.isVisible()
    assert [(i.take_number, i.take_count) for i in queued(window)] == [(2, 3), (3, 3)]
    assert form.waitingNote.text() == wording.waiting_ahead(2, False)
    (card,) = window.progress.cards()
    assert card.subtitleLabel.full_text().startswith(wording.take_label(1, 3))

    wait_for(qtbot, lambda: len(own_rows(window, prompt)) == 3, 60, "three rows")
    wait_for(
        qtbot,
        lambda: {r.state for r in own_rows(window, prompt)} == {"completed"},
        90,
        "all three videos",
    )
    assert seeds(created(server, prompt)) == [4000, 4001, 4002]  # each sent once, in order
    rows = sorted(own_rows(window, prompt), key=lambda r: r.take_number or 0)
    assert len({r.take_group for r in rows}) == 1 and rows[0].take_group is not None
    assert [(r.take_number, r.take_count) for r in rows] == [(1, 3), (2, 3), (3, 3)]
    assert not window.queuePanel.isVisible()  # nothing waits any more
    assert not form.waitingNote.isVisible()


def test_the_queue_survives_the_window_and_goes_in_the_order_the_creator_chose(
    make_window: Callable[..., MainWindow], server: LocalServer, qtbot: QtBot, run: Run
) -> None:
    prompt = "Paper boats on a rainy street"
    window = make_window(server.url, server.token, size=(1280, 720))
    wait_ready(window, qtbot)
    window.queuePanel.pauseButton.click()
    wait_for(qtbot, lambda: window.queue.paused, 5, "paused")
    assert window.queuePanel.pauseButton.text() == wording.pause_queue(True)
    press_generate_with_takes(window, qtbot, prompt, 5000, 3)
    wait_for(qtbot, lambda: len(queued(window)) == 3, 10, "three takes waiting")
    assert window.form.waitingNote.text() == wording.waiting_ahead(3, True)
    assert not window.progress.cards() and created(server, prompt) == []  # nothing sent

    close_window(window, window.history, run)  # quit: the queue stays
    again = make_window(server.url, server.token, size=(1280, 720))
    wait_for(qtbot, lambda: len(queued(again)) == 3, 30, "the queue after a restart")
    assert again.queue.paused and again.queuePanel.isVisible()
    assert [i.take_number for i in queued(again)] == [1, 2, 3]

    panel, view = again.queuePanel, again.queuePanel.queueList
    view.setCurrentIndex(again.queue.index(2, 0))
    panel.moveTopButton.click()  # take 3 first
    wait_for(qtbot, lambda: [i.take_number for i in queued(again)] == [3, 1, 2], 5, "moved")
    # A drop in the list moves the row through the model, as this does.
    assert again.queue.moveRows(QModelIndex(), 2, 1, QModelIndex(), 1)
    assert [i.take_number for i in queued(again)] == [3, 2, 1]
    view.setCurrentIndex(again.queue.index(2, 0))
    panel.removeButton.click()  # take 1 goes
    wait_for(qtbot, lambda: [i.take_number for i in queued(again)] == [3, 2], 5, "removed")
    assert created(server, prompt) == []  # still paused

    panel.pauseButton.click()  # resume
    wait_for(qtbot, lambda: not queued(again), 30, "the queue sent")
    wait_for(
        qtbot,
        lambda: [r.state for r in own_rows(again, prompt)] == ["completed", "completed"],
        90,
        "both videos",
    )
    assert seeds(created(server, prompt)) == [5002, 5001]  # the chosen order, each once
    assert sorted(r.take_number or 0 for r in own_rows(again, prompt)) == [2, 3]
    assert not again.queue.paused


def test_the_queue_says_how_many_go_at_a_time_and_the_creator_can_change_it(
    make_window: Callable[..., MainWindow], server: LocalServer, qtbot: QtBot
) -> None:
    prompt = "A red kite over green hills"
    window = make_window(server.url, server.token, size=(1280, 720))
    wait_ready(window, qtbot)
    window.queuePanel.pauseButton.click()  # hold them, to watch the limit act
    wait_for(qtbot, lambda: window.queue.paused, 5, "paused")
    press_generate_with_takes(window, qtbot, prompt, 6000, 3)
    wait_for(qtbot, lambda: len(queued(window)) == 3, 10, "three takes waiting")
    combo = window.queuePanel.limitCombo
    assert combo.isVisible() and combo.currentData() == 1  # the fixture's limit
    assert combo.currentText() == wording.queue_limit_choice(1)

    combo.setCurrentIndex(combo.findData(2))
    combo.activated.emit(combo.currentIndex())  # as a creator's pick does
    wait_for(qtbot, lambda: load_settings().queue_limit_cloud == 2, 10, "the limit saved")
    assert window.queue.limit == 2
    window.queuePanel.pauseButton.click()  # resume: two go at once, one waits
    wait_for(
        qtbot,
        lambda: (
            len(created(server, prompt)) == 2 and [i.take_number for i in queued(window)] == [3]
        ),
        30,
        "two sent, the third waiting",
    )
    wait_for(qtbot, lambda: len(created(server, prompt)) == 3, 60, "the third after one ends")
