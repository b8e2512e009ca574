"""The history's grid (issue 14, G): real clips on disk, a real history
database, the media engine's real scrub cache. Thumbnails are made off the
GUI thread, only for the cells on screen, and painted; moving the pointer
across a thumbnail shows another frame; failed and unfinished jobs ask for
no picture; Enter and a double-click play once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.media import ScrubCache
from app.store.history import AsyncHistoryStore, JobRecord
from app.ui.history_grid import HistoryGrid, thumb_rect
from app.ui.history_panel import GRID, HistoryPanel
from app.ui.models.history import HistoryModel, HistorySearch
from app.ui.tasks import TaskGroup
from app.ui.thumbnails import ThumbnailStore
from tests.ui.conftest import wait_for

Run = Callable[..., object]
RED, BLUE = (220, 30, 30), (30, 60, 220)


def red_then_blue(path: Path, frames: int = 48) -> Path:
    """A clip whose first half is red and second half blue."""
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 160, 90, "yuv420p"
        stream.time_base = Fraction(1, 24)
        for i in range(frames):
            pixels = np.zeros((90, 160, 3), dtype=np.uint8)
            pixels[:, :] = RED if i < frames // 2 else BLUE
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = i
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def when(n: int) -> str:
    return f"2026-03-01T10:{n // 60:02d}:{n % 60:02d}.000000+00:00"


@pytest.fixture
def strips_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Path, bool]]]:
    """Every strip the cache is asked for: its video and whether it was the GUI
    thread that asked (a spy: the real cache still does the work)."""
    calls: list[tuple[Path, bool]] = []
    real = ScrubCache.strip

    def spy(self: ScrubCache, path: Path, count: int, width: int) -> object:
        calls.append((Path(path), threading.current_thread() is threading.main_thread()))
        return real(self, path, count, width)

    monkeypatch.setattr(ScrubCache, "strip", spy)
    yield calls


def grid_panel(
    store: AsyncHistoryStore, qtbot: QtBot, tmp_path: Path, rows: list[JobRecord], run: Run
) -> HistoryPanel:
    for record in rows:
        run(store.insert(record))
    model = HistoryModel(store, TaskGroup(), lambda name: name or "")
    thumbnails = ThumbnailStore(ScrubCache(tmp_path / "scrub-cache"))
    panel = HistoryPanel(HistorySearch(model), thumbnails=thumbnails)
    qtbot.addWidget(panel)
    panel.resize(460, 640)
    panel.set_view_mode(GRID)
    panel.show()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    return panel


def colour_at(widget: QWidget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def close_to(colour: QColor, rgb: tuple[int, int, int], tolerance: int = 60) -> bool:
    return all(abs(a - b) < tolerance for a, b in zip(colour.getRgb()[:3], rgb, strict=True))


def move_to(widget: QWidget, point: QPoint) -> None:
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_thumbnails_are_made_off_the_gui_thread_and_scrubbing_shows_other_frames(
    store: AsyncHistoryStore,
    qtbot: QtBot,
    tmp_path: Path,
    run: Run,
    strips_made: list[tuple[Path, bool]],
) -> None:
    clip = red_then_blue(tmp_path / "clip.mp4")
    rows = [
        JobRecord(job_id="clip", prompt="Red then blue", state="completed", local_path=str(clip))
    ]
    panel = grid_panel(store, qtbot, tmp_path, rows, run)
    grid, thumbnails = panel.historyGrid, panel.thumbnails
    record = panel.records()[0]
    wait_for(qtbot, lambda: thumbnails.has_picture(record), 20, "the thumbnail")
    assert strips_made and not any(on_gui for _, on_gui in strips_made)
    cell = grid.visualRect(grid.index_of_job("clip"))
    thumb = thumb_rect(cell)
    probe = QPoint(thumb.center().x(), thumb.top() + 12)
    # The thumbnail is the middle frame: the last red one.
    wait_for(qtbot, lambda: close_to(colour_at(grid.viewport(), probe), RED), 5, "red painted")

    # The pointer near the thumbnail's right edge: a blue frame from the end.
    move_to(grid.viewport(), QPoint(thumb.right() - 4, thumb.center().y()))
    wait_for(qtbot, lambda: thumbnails.strip(record) is not None, 20, "the scrub strip")
    assert not any(on_gui for _, on_gui in strips_made)
    assert close_to(colour_at(grid.viewport(), probe), BLUE)
    # Back to the left edge: red again, from the same strip (made once).
    made = len(strips_made)
    move_to(grid.viewport(), QPoint(thumb.left() + 4, thumb.center().y()))
    assert close_to(colour_at(grid.viewport(), probe), RED)
    assert len(strips_made) == made
    # The pointer leaves the thumbnail: the thumbnail again.
    move_to(grid.viewport(), QPoint(thumb.center().x(), cell.bottom() - 2))
    assert grid.scrub_fraction("clip") is None


def test_only_cells_on_screen_ask_for_thumbnails(
    store: AsyncHistoryStore,
    qtbot: QtBot,
    tmp_path: Path,
    run: Run,
    strips_made: list[tuple[Path, bool]],
) -> None:
    clips = [red_then_blue(tmp_path / f"clip-{n}.mp4", frames=8) for n in range(80)]
    rows = [
        JobRecord(
            job_id=f"clip-{n}",
            prompt=f"Clip {n}",
            state="completed",
            local_path=str(path),
            created_at=when(n),
        )
        for n, path in enumerate(clips)
    ]
    panel = grid_panel(store, qtbot, tmp_path, rows, run)
    grid = panel.historyGrid
    visible = [r for r in panel.records() if grid.is_visible(r.job_id)]
    assert 2 <= len(visible) < 40
    wait_for(
        qtbot,
        lambda: all(panel.thumbnails.has_picture(r) for r in visible),
        30,
        "the visible thumbnails",
    )
    asked = {path.name for path, _ in strips_made}
    assert {Path(r.local_path or "").name for r in visible} <= asked
    # Nothing far below was asked (a cell or two the first layout showed may be).
    near = {Path(r.local_path or "").name for r in panel.records()[: 2 * len(visible)]}
    assert asked <= near
    # Scrolled to the end: the last cells' thumbnails come, the first ones were not asked again.
    grid.scrollToBottom()
    last = panel.records()[-1]
    wait_for(qtbot, lambda: panel.thumbnails.has_picture(last), 30, "the last thumbnail")
    assert "clip-0.mp4" in {path.name for path, _ in strips_made}
    assert len(strips_made) < len(rows)


def test_failed_and_unfinished_jobs_show_placeholders_and_ask_for_nothing(
    store: AsyncHistoryStore,
    qtbot: QtBot,
    tmp_path: Path,
    run: Run,
    strips_made: list[tuple[Path, bool]],
) -> None:
    clip = red_then_blue(tmp_path / "clip.mp4")
    rows = [
        JobRecord(
            job_id="done",
            prompt="Done",
            state="completed",
            local_path=str(clip),
            created_at=when(1),
        ),
        JobRecord(job_id="failed", prompt="Failed", state="failed", created_at=when(2)),
        JobRecord(job_id="rendering", prompt="Rendering", state="processing", created_at=when(3)),
    ]
    panel = grid_panel(store, qtbot, tmp_path, rows, run)
    grid = panel.historyGrid
    done = next(r for r in panel.records() if r.job_id == "done")
    wait_for(qtbot, lambda: panel.thumbnails.has_picture(done), 20, "the thumbnail")
    assert [path.name for path, _ in strips_made] == ["clip.mp4"]
    image = grid.viewport().grab().toImage()

    def centre(job_id: str) -> QColor:
        return image.pixelColor(thumb_rect(grid.visualRect(grid.index_of_job(job_id))).center())

    # Failed: tinted red; rendering: the dark placeholder with the accent sparkle.
    failed, rendering = centre("failed"), centre("rendering")
    assert failed.red() > failed.blue() + 10
    assert failed != rendering
    assert rendering.blue() > rendering.green()


def test_enter_and_a_double_click_play_once(
    store: AsyncHistoryStore, qtbot: QtBot, tmp_path: Path, run: Run
) -> None:
    clip = red_then_blue(tmp_path / "clip.mp4", frames=8)
    rows = [
        JobRecord(
            job_id="a", prompt="A", state="completed", local_path=str(clip), created_at=when(1)
        ),
        JobRecord(
            job_id="b", prompt="B", state="completed", local_path=str(clip), created_at=when(2)
        ),
    ]
    panel = grid_panel(store, qtbot, tmp_path, rows, run)
    grid: HistoryGrid = panel.historyGrid
    played: list[str] = []
    panel.playRequested.connect(lambda record: played.append(record.job_id))
    grid.setFocus()
    grid.setCurrentIndex(grid.index_of_job("a"))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert played == ["a"]
    centre = thumb_rect(grid.visualRect(grid.index_of_job("b"))).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert played == ["a"]  # one click selects
    assert panel.current_record() is not None and panel.current_record().job_id == "b"  # type: ignore[union-attr]
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert played == ["a", "b"]
