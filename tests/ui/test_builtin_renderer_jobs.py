"""Jobs on the window's own built-in renderer (issue 11, items 5 and 12): a
video waiting behind another says it is waiting, not "Rendering · 0%"; and
closing the window mid-render loses nothing: a new window on the same data
folder continues both videos to the end, with no Retry, and closing asked
nothing (the progress header said it was safe)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.engine.updates import JobState, JobUpdate
from app.store.history import HistoryStore
from app.store.settings import load_settings, save_settings
from app.ui import wording
from app.ui.main_window import MainWindow
from app.ui.models.job_facts import Stage
from tests.ui.conftest import close_window, message_box, wait_for
from tests.ui.test_window_flow import fill_form, wait_ready

Run = Callable[..., object]


def generate(window: MainWindow, qtbot: QtBot, prompt: str) -> str:
    before = {c.job_id for c in window.progress.cards()}
    window.form.promptEdit.clear()
    fill_form(window, qtbot, prompt, seconds=1)
    window.form.generateButton.click()
    wait_for(qtbot, lambda: len(window.progress.cards()) > len(before), 30, "the new card")
    (job_id,) = {c.job_id for c in window.progress.cards()} - before
    return job_id


def state_of(window: MainWindow, job_id: str) -> JobState | None:
    card = window.progress.card(job_id)
    return card.last_update.state if card is not None and card.last_update else None


@pytest.fixture
def slow_renders(monkeypatch: pytest.MonkeyPatch, ui_env: Path) -> None:
    """Renders long enough to watch (the renderer the window starts inherits it),
    two sent at once: what these tests watch is the renderer's own waiting, not
    Framecast's queue (tests/ui/test_queue_window.py)."""
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "4")
    save_settings(load_settings().model_copy(update={"queue_limit_local": 2}))


def test_a_video_waiting_behind_another_says_it_waits(
    make_window: Callable[..., MainWindow], qtbot: QtBot, slow_renders: None
) -> None:
    window = make_window(None, None, size=(1280, 720))  # the built-in renderer
    wait_ready(window, qtbot)
    assert window.connection.backend is not None and window.connection.backend.kind == "local"
    first = generate(window, qtbot, "A red kite over green hills")
    second = generate(window, qtbot, "Paper boats on a rainy street")
    # The second card while the first is mid-render (well before its end: once the
    # renderer finishes the first, the second may start before the window hears it).
    seen: list[tuple[JobState | None, str]] = []

    def look() -> None:
        card, rendering = window.progress.card(second), window.progress.card(first)
        update = rendering.last_update if rendering is not None else None
        mid_render = (
            update is not None
            and update.state is JobState.PROCESSING
            and (update.progress or 0.0) < 0.8
        )
        if mid_render and card is not None:
            seen.append((state_of(window, second), card.statusLabel.text()))

    window.jobs.updated.connect(lambda _update: look())  # every piece of news, and...

    def first_done() -> bool:
        look()  # ...every moment in between
        return state_of(window, first) is None

    wait_for(qtbot, lambda: state_of(window, first) is JobState.PROCESSING, 60, "rendering")
    wait_for(qtbot, first_done, 60, "the first video")
    assert seen, "the first video never rendered while the second waited"
    waiting = wording.stage_text(Stage.WAITING)
    assert all(state is JobState.QUEUED and text == waiting for state, text in seen), set(seen)
    assert wording.stage_text(Stage.RENDERING, 0) not in {text for _state, text in seen}
    wait_for(qtbot, lambda: state_of(window, second) is JobState.PROCESSING, 60, "its turn")
    wait_for(qtbot, lambda: window.progress.card(second) is None, 60, "the second video")


def test_closing_mid_render_loses_nothing_on_the_built_in_renderer(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    run: Run,
    ui_env: Path,
    slow_renders: None,
) -> None:
    window = make_window(None, None, size=(1366, 860))
    wait_ready(window, qtbot)
    first = generate(window, qtbot, "Fireflies over a quiet pond")
    second = generate(window, qtbot, "Snow falling on a lantern")
    wait_for(qtbot, lambda: state_of(window, first) is JobState.PROCESSING, 60, "rendering")
    note = window.progress.closeNote
    assert note.isVisible()
    assert note.full_text() == wording.safe_to_close(window.connection.backend)[0]

    window.close()  # Quit mid-render: nothing asked, nothing blocks
    assert not window.isVisible() and message_box(window) is None
    close_window(window, window.history, run)
    with HistoryStore() as store:
        states = {job: store.get(job).state for job in (first, second)}  # type: ignore[union-attr]
    assert all(not JobState(s).is_terminal for s in states.values()), states

    again = make_window(None, None, size=(1366, 860))
    wait_for(
        qtbot,
        lambda: again.progress.card(first) is not None and again.progress.card(second) is not None,
        60,
        "both jobs picked up",
    )
    card = again.progress.card(first)
    assert card is not None
    wait_for(
        qtbot,
        lambda: card.titleLabel.full_text() == "Fireflies over a quiet pond",
        10,
        "the resumed card's title",
    )
    finished: list[JobUpdate] = []
    again.jobs.finished.connect(finished.append)
    wait_for(qtbot, lambda: len(finished) == 2, 120, "both videos to finish")
    assert {u.job_id: u.state for u in finished} == {
        first: JobState.COMPLETED,
        second: JobState.COMPLETED,
    }, [u.error for u in finished]
    for update in finished:
        assert update.path is not None and Path(update.path).is_file()
    with HistoryStore() as store:
        assert len(store.list(limit=10)) == 2  # the same two jobs: nothing sent again
