"""Favourites, filters and "Clear history" in the real window, on a real
history database (issue 14, G): a star survives a new window; each filter
shows its rows, newest first, with the search; Clear asks first, No keeps
everything, Yes keeps favourites and a job still rendering on the built-in
renderer, and deletes the other files; the list/grid choice is remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState
from app.store.history import ACCOUNT, HistoryStore, JobRecord
from app.ui.history_panel import GRID, LIST, HistoryDelegate
from app.ui.main_window import MainWindow
from app.ui.models.history import HistoryFilter
from tests.ui.conftest import click_message_button, close_window, message_box, wait_for
from tests.ui.test_builtin_renderer_jobs import generate
from tests.ui.test_window_flow import wait_ready

Run = Callable[..., object]


def when(day: int) -> str:
    return f"2026-02-{day:02d}T10:00:00.000000+00:00"


def seed(rows: list[JobRecord]) -> None:
    with HistoryStore() as store:
        for row in rows:
            store.insert(row)


def stored(job_id: str) -> JobRecord | None:
    with HistoryStore() as store:
        return store.get(job_id)


def loaded_window(make_window: Callable[..., MainWindow], qtbot: QtBot, rows: int) -> MainWindow:
    """A window on the seeded history, not connected (nothing here needs a backend)."""
    window = make_window(start=False)
    window.historyModel.reload()
    wait_for(qtbot, lambda: window.historyModel.rowCount() == rows, 10, "the history")
    return window


def shown(window: MainWindow) -> list[str]:
    return [r.job_id for r in window.historyPanel.records()]


def file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"video")
    return path


MIXED = [
    JobRecord(job_id="ready-fox", prompt="A fox in snow", state="completed", created_at=when(1)),
    JobRecord(job_id="failed-owl", prompt="An owl at night", state="failed", created_at=when(2)),
    JobRecord(
        job_id="stopped-fox", prompt="A fox by a river", state="cancelled", created_at=when(3)
    ),
    JobRecord(
        job_id="starred-sea",
        prompt="The sea at dawn",
        state="completed",
        created_at=when(4),
        favourite=True,
    ),
    JobRecord(
        job_id="web-fox",
        prompt="A fox from the web app",
        state="completed",
        origin=ACCOUNT,
        file_id="f-web",
        created_at=when(5),
    ),
    JobRecord(job_id="rendering", prompt="Rain on glass", state="processing", created_at=when(6)),
]


def test_a_star_survives_a_new_window(
    make_window: Callable[..., MainWindow], ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    seed(MIXED)
    window = loaded_window(make_window, qtbot, len(MIXED))
    panel = window.historyPanel
    button = panel.favouriteButton
    assert button.objectName() == "favouriteButton"
    panel.select(shown(window).index("ready-fox"))
    assert button.isEnabled() and not button.isChecked()
    # Keyboard: Tab reaches the star, Space presses it.
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: (stored("ready-fox") or MIXED[0]).favourite, 5, "the star stored")
    assert button.isChecked()

    # The star on another row, clicked in the list: starred, and nothing plays.
    played: list[JobRecord] = []
    panel.playRequested.connect(played.append)
    view = panel.historyList
    index = panel.history.index(shown(window).index("failed-owl"), 0)
    star = HistoryDelegate.star_rect(view.visualRect(index))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star.center())
    wait_for(qtbot, lambda: (stored("failed-owl") or MIXED[1]).favourite, 5, "the second star")
    assert played == []
    close_window(window, window.history, run)

    again = loaded_window(make_window, qtbot, len(MIXED))
    favourites = {r.job_id for r in again.historyModel.records() if r.favourite}
    assert favourites == {"ready-fox", "failed-owl", "starred-sea"}
    again.historyPanel.set_filter(HistoryFilter.FAVOURITES)
    assert shown(again) == ["starred-sea", "failed-owl", "ready-fox"]
    again.historyPanel.select(0)
    assert again.historyPanel.favouriteButton.isChecked()
    # Unstarring from the button takes it out of the Favourites filter.
    again.historyPanel.favouriteButton.click()
    wait_for(qtbot, lambda: shown(again) == ["failed-owl", "ready-fox"], 5, "unstarred")
    # Shown at once; stored on the history's thread just after.
    wait_for(qtbot, lambda: not (stored("starred-sea") or MIXED[3]).favourite, 5, "unstar stored")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            HistoryFilter.ALL,
            ["rendering", "web-fox", "starred-sea", "stopped-fox", "failed-owl", "ready-fox"],
        ),
        (HistoryFilter.FAVOURITES, ["starred-sea"]),
        (HistoryFilter.READY, ["web-fox", "starred-sea", "ready-fox"]),
        (HistoryFilter.FAILED, ["failed-owl"]),
        (HistoryFilter.ACCOUNT, ["web-fox"]),
    ],
)
def test_each_filter_shows_its_rows_newest_first_and_works_with_the_search(
    make_window: Callable[..., MainWindow],
    ui_env: Path,
    qtbot: QtBot,
    kind: HistoryFilter,
    expected: list[str],
) -> None:
    seed(MIXED)
    window = loaded_window(make_window, qtbot, len(MIXED))
    panel = window.historyPanel
    combo = panel.filterCombo
    assert combo.objectName() == "historyFilter"
    combo.setCurrentIndex(combo.findData(kind))  # as the creator picks it
    assert panel.history.filter() is kind
    assert shown(window) == expected
    qtbot.keyClicks(panel.searchEdit, "FOX")
    assert shown(window) == [job for job in expected if "fox" in job]
    if not shown(window):
        assert panel.emptyLabel.isVisible() and panel.emptyLabel.text()
    panel.searchEdit.clear()
    assert shown(window) == expected


def test_clear_history_asks_first_and_no_keeps_everything(
    make_window: Callable[..., MainWindow], ui_env: Path, qtbot: QtBot
) -> None:
    videos = ui_env / "videos"
    videos.mkdir(exist_ok=True)
    done = file(videos, "done.mp4")
    seed([*MIXED, JobRecord(job_id="done", prompt="x", state="completed", local_path=str(done))])
    window = loaded_window(make_window, qtbot, len(MIXED) + 1)
    panel = window.historyPanel
    panel.menuButton.menu().aboutToShow.emit()  # the menu is about to open: is there anything?
    assert panel.clearAction.isEnabled()
    panel.clearAction.trigger()
    box = click_message_button(window, qtbot, "Keep")
    assert "5" in box.text()  # ready, failed, stopped, account, done: favourite and rendering stay
    wait_for(qtbot, lambda: message_box(window) is None, 5, "the question closed")
    assert len(shown(window)) == len(MIXED) + 1
    with HistoryStore() as store:
        assert store.count() == len(MIXED) + 1
    assert done.exists()


def test_clear_history_keeps_favourites_and_a_job_still_rendering(
    make_window: Callable[..., MainWindow],
    ui_env: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On the built-in renderer: one video made and played, one still
    rendering, one favourite with its file; Clear removes the first (row and
    files, and the player lets it go), keeps the other two, and the render
    goes on to the end."""
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "6")
    videos = ui_env / "kept"
    videos.mkdir()
    starred = file(videos, "starred.mp4")
    seed(
        [
            JobRecord(
                job_id="starred",
                prompt="Kept forever",
                state="completed",
                favourite=True,
                local_path=str(starred),
                created_at=when(1),
            )
        ]
    )
    window = make_window(None, None, size=(1280, 720))  # the built-in renderer
    wait_ready(window, qtbot)
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "6")
    first = generate(window, qtbot, "A paper kite over the sea")
    wait_for(qtbot, lambda: window.player.path is not None, 90, "the first video playing")
    made = stored(first)
    assert made is not None and made.local_path and Path(made.local_path).exists()
    second = generate(window, qtbot, "Lanterns on a dark river")
    wait_for(
        qtbot,
        lambda: (stored(second) or made).state in (JobState.QUEUED, JobState.PROCESSING),
        60,
        "the second job under way",
    )

    window.historyPanel.clearAction.trigger()
    box = click_message_button(window, qtbot, "Clear history")
    assert "1" in box.text()
    wait_for(qtbot, lambda: stored(first) is None, 10, "the finished video cleared")
    wait_for(qtbot, lambda: not Path(made.local_path or "").exists(), 10, "its file deleted")
    assert window.player.path is None  # the player let the deleted file go
    assert stored("starred") is not None and starred.exists()
    assert stored(second) is not None
    assert first not in shown(window) and {second, "starred"} <= set(shown(window))
    wait_for(
        qtbot,
        lambda: (stored(second) or made).state == JobState.COMPLETED,
        120,
        "the render still in progress finished",
    )


def test_the_list_or_grid_choice_is_remembered(
    make_window: Callable[..., MainWindow], ui_env: Path, qtbot: QtBot, run: Run
) -> None:
    seed(MIXED)
    window = loaded_window(make_window, qtbot, len(MIXED))
    panel = window.historyPanel
    assert panel.view_mode() == LIST and panel.historyList.isVisible()
    panel.select(2)
    toggle = panel.viewToggle
    assert toggle.objectName() == "historyViewToggle"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert panel.view_mode() == GRID
    assert panel.historyGrid.isVisible() and not panel.historyList.isVisible()
    # One selection for both views.
    assert panel.historyGrid.currentIndex().row() == 2
    close_window(window, window.history, run)

    again = loaded_window(make_window, qtbot, len(MIXED))
    assert again.historyPanel.view_mode() == GRID and again.historyPanel.historyGrid.isVisible()
    qtbot.mouseClick(again.historyPanel.viewToggle, Qt.MouseButton.LeftButton)
    close_window(again, again.history, run)
    third = loaded_window(make_window, qtbot, len(MIXED))
    assert third.historyPanel.view_mode() == LIST
