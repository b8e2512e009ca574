"""The history panel as a creator meets it: the Delete key, the focus ring,
Tab order, the row of what is playing, account videos, the date on each row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from app.store.history import ACCOUNT, AsyncHistoryStore, JobRecord
from app.ui import wording
from app.ui.history_panel import (
    ACCENT,
    CLOUD,
    FOCUS_RING,
    ROW_HEIGHT,
    HistoryPanel,
    row_state,
    tooltip,
)
from app.ui.main_window import MainWindow
from app.ui.models.history import HistoryModel, HistorySearch
from app.ui.tasks import TaskGroup
from tests.ui.conftest import wait_for

Run = Callable[..., object]


def when(day: int) -> str:
    return f"2026-01-{day:02d}T10:00:00.000000+00:00"


@pytest.fixture
def panel(store: AsyncHistoryStore, run: Run, qtbot: QtBot, tmp_path: Path) -> HistoryPanel:
    video = tmp_path / "mine.mp4"
    video.write_bytes(b"video")
    rows = [
        JobRecord(
            job_id="mine",
            prompt="A fox in snow",
            created_at=when(1),
            state="completed",
            local_path=str(video),
        ),
        JobRecord(
            job_id="web",
            prompt="From the web app",
            created_at=when(2),
            state="completed",
            origin=ACCOUNT,
            file_id="f-web",
            imported_at=when(3),
            created_estimated=True,
        ),
    ]
    for record in rows:
        run(store.insert(record))
    model = HistoryModel(store, TaskGroup(), lambda name: name or "")
    widget = HistoryPanel(HistorySearch(model))
    qtbot.addWidget(widget)
    widget.resize(340, 600)
    widget.show()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return widget


def test_the_delete_key_asks_to_delete_the_selected_row(panel: HistoryPanel, qtbot: QtBot) -> None:
    asked: list[JobRecord] = []
    panel.deleteRequested.connect(asked.append)
    panel.historyList.setFocus()
    panel.historyList.setCurrentIndex(QModelIndex())
    qtbot.keyClick(panel.historyList, Qt.Key.Key_Delete)
    assert asked == []  # nothing selected: nothing to delete
    panel.select(1)
    qtbot.keyClick(panel.historyList, Qt.Key.Key_Delete)
    assert [r.job_id for r in asked] == ["mine"]
    qtbot.keyClick(panel.historyList, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1  # Shift+Delete is not this key


def paint_row(panel: HistoryPanel, row: int, state: QStyle.StateFlag) -> QImage:
    image = QImage(340, ROW_HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("#15171d"))
    option = QStyleOptionViewItem()
    option.initFrom(panel.historyList)
    option.rect = QRect(0, 0, 340, ROW_HEIGHT)
    option.state = QStyle.StateFlag.State_Enabled | state
    painter = QPainter(image)
    panel.historyList.itemDelegate().paint(painter, option, panel.history.index(row, 0))
    painter.end()
    return image


def count_colour(image: QImage, colour: str, tolerance: int = 24) -> int:
    want = QColor(colour)
    found = 0
    for y in range(image.height()):
        for x in range(0, image.width(), 2):
            got = image.pixelColor(x, y)
            if (
                abs(got.red() - want.red()) < tolerance
                and abs(got.green() - want.green()) < tolerance
                and abs(got.blue() - want.blue()) < tolerance
            ):
                found += 1
    return found


def test_the_row_with_the_keyboard_focus_has_a_ring(panel: HistoryPanel) -> None:
    plain = paint_row(panel, 1, QStyle.StateFlag.State_None)
    focused = paint_row(panel, 1, QStyle.StateFlag.State_HasFocus)
    selected = paint_row(panel, 1, QStyle.StateFlag.State_Selected)
    both = paint_row(panel, 1, QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
    assert count_colour(plain, FOCUS_RING) == 0
    assert count_colour(selected, FOCUS_RING) == 0
    assert count_colour(focused, FOCUS_RING) > 200  # a ring around the row
    assert count_colour(both, FOCUS_RING) > 200  # visible on a selected row too


def test_an_account_video_is_marked_and_says_it_is_in_the_cloud(panel: HistoryPanel) -> None:
    web = panel.records()[0]
    assert web.job_id == "web"
    assert row_state(web, False, None) == (wording.in_the_cloud(), CLOUD)
    assert row_state(web, False, 0.42) == ("42%", "#f5a524")
    assert row_state(web, False, -1.0)[0] == "…"
    assert wording.fetching(0.42) == "Downloading 42%" and wording.fetching(-1.0) == "Downloading…"
    assert row_state(web, True, None) == (wording.now_playing(), ACCENT)
    assert "From your account" in tooltip(web) and "Playing it downloads it" in tooltip(web)
    assert "From your account" not in tooltip(panel.records()[1])
    cloud_mark = count_colour(paint_row(panel, 0, QStyle.StateFlag.State_None), CLOUD)
    assert cloud_mark > count_colour(paint_row(panel, 1, QStyle.StateFlag.State_None), CLOUD) + 20
    # The date on each row: when it was made, or when an undated account video was added.
    assert wording.history_date(web.created_at, True, web.imported_at).startswith("Added ")
    assert wording.history_date(web.created_at, False, None) == wording.date(web.created_at)


def test_the_row_of_what_is_playing_is_selected_and_marked(
    panel: HistoryPanel, qtbot: QtBot
) -> None:
    model = panel.model
    mine = panel.records()[1]
    model.set_playing(Path(mine.local_path or ""))
    assert panel.current_record() == mine
    marked = paint_row(panel, 1, QStyle.StateFlag.State_None)
    assert count_colour(marked, ACCENT) > 30
    panel.searchEdit.setText("web app")  # the playing row is hidden by the search
    model.set_playing(None)
    model.set_playing(Path(mine.local_path or ""))
    assert panel.records()[0].job_id == "web"


def test_the_count_says_when_more_videos_exist_than_are_shown(
    store: AsyncHistoryStore, run: Run, qtbot: QtBot
) -> None:
    for day in range(1, 6):
        run(store.insert(JobRecord(job_id=f"j{day}", prompt="p", created_at=when(day))))
    model = HistoryModel(store, TaskGroup(), lambda name: name or "", limit=3)
    widget = HistoryPanel(HistorySearch(model))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert widget.countLabel.text() == "3 of 5"
    assert wording.history_count(3, 3) == "3" and wording.history_count(0, 0) == ""


def focus_chain(start: QWidget, stop: QWidget, limit: int = 200) -> list[QWidget]:
    chain, widget = [start], start.nextInFocusChain()
    while widget is not start and widget is not stop and len(chain) < limit:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return [*chain, widget]


def test_tab_reaches_settings_before_history_and_history_in_its_own_order(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = make_window("http://127.0.0.1:9", "t", start=False)
    panel = window.historyPanel
    chain = focus_chain(window.topBar.settingsButton, panel.deleteButton)
    assert chain[-1] is panel.deleteButton, "Tab from Settings never reaches history"
    tabbable = [w for w in chain if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    order = [panel.searchEdit, panel.historyList, panel.reuseButton, panel.deleteButton]
    assert [w for w in tabbable if w in order] == order
    wait_for(qtbot, lambda: window.isVisible(), 5, "the window")


def test_a_rows_date_is_short_and_its_tooltip_has_it_in_full() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    today = now.isoformat()
    last_year = (now - timedelta(days=400)).isoformat()
    assert wording.row_date(today, False, None).startswith("Today ")
    assert wording.row_date(last_year, False, None).endswith(str((now - timedelta(days=400)).year))
    assert wording.row_date(last_year, True, today) == "Added today"
    assert wording.row_date(today, True, last_year).startswith("Added ")
    assert wording.row_date("not a date", False, None) == "not a date"
    record = JobRecord(job_id="x", prompt="A fox", created_at=last_year)
    assert wording.date(last_year) in tooltip(record)
