"""Progress cards on small screens and in a longer language (issue 11, item 2):
texts elide, buttons wrap below, nothing is ever out of reach, at 1280x720 and
1366x860, in English and Russian, with the column as narrow as it goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.engine.updates import ConnectionState, ErrorKind, JobState, JobUpdate, Transport
from app.ui.main_window import MainWindow
from app.ui.progress_panel import SUBTITLE_MIN_WIDTH, ProgressCard
from tests.ui.creator import (
    LANGUAGES,
    LONG_PROMPT,
    SIZES,
    engine_of,
    fake_window,
    fully_visible,
    not_elided,
    settle,
    submit,
    text_fits,
)

Run = Callable[..., object]
REASON = (
    "The worker ran out of GPU memory while encoding frame 212 of 240; try a shorter video "
    "or a smaller frame size"
)


def card_buttons(card: ProgressCard) -> list[object]:
    return [
        b
        for b in (card.retryButton, card.dismissButton, card.checkNowButton, card.cancelButton)
        if not b.isHidden()
    ]


def assert_within_reach(window: MainWindow, card: ProgressCard) -> None:
    window.progress.scrollArea.ensureWidgetVisible(card)
    settle()
    viewport = window.progress.scrollArea.viewport()
    assert card.width() <= viewport.width(), "the card is wider than its column"
    for button in card_buttons(card):
        assert fully_visible(button, window), f"{button.objectName()} is cut off"  # type: ignore[attr-defined]
    if card.timeLabel.text():
        assert fully_visible(card.timeLabel, window) and not_elided(card.timeLabel), (
            f"the time {card.timeLabel.text()!r} is cut off"
        )
    assert fully_visible(card.statusLabel, window)
    # The subtitle keeps room to be read: beside the buttons, or on a line of its own.
    assert fully_visible(card.subtitleLabel, window)
    assert card.subtitleLabel.width() >= SUBTITLE_MIN_WIDTH
    for label in (card.subtitleLabel, card.titleLabel):
        assert label.text()[:3] == label.full_text()[:3], f"{label.text()!r} is not its text"
        assert text_fits(label), f"{label.text()!r} is cut"
    # The status wraps rather than being cut: its whole text fits its height.
    status = card.statusLabel
    assert status.heightForWidth(status.width()) <= status.height()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_cards_keep_every_button_and_the_time_within_reach(
    ui_env: Path, qtbot: QtBot, run: Run, size: tuple[int, int], language: str
) -> None:
    with fake_window(qtbot, run, size=size, language=language) as window:
        engine = engine_of(window)
        failed = submit(window, run, LONG_PROMPT + " (first try)")
        queued = submit(window, run, LONG_PROMPT + " (waiting)")
        rendering = submit(window, run, LONG_PROMPT)
        engine.emit(
            JobUpdate(
                job_id=failed,
                state=JobState.FAILED,
                progress=0.4,
                server_message=REASON,
                error_kind=ErrorKind.RENDER,
            )
        )
        engine.emit(
            JobUpdate(job_id=queued, state=JobState.QUEUED, connection=ConnectionState.LIVE)
        )
        for progress in (0.1, 0.3):
            engine.emit(
                JobUpdate(
                    job_id=rendering,
                    state=JobState.PROCESSING,
                    progress=progress,
                    transport=Transport.POLLING,
                    connection=ConnectionState.LIVE,
                    poll_interval=2,
                )
            )
            window.jobs.bridge.flush()
        cards = {job: window.progress.card(job) for job in (failed, queued, rendering)}
        assert all(cards.values())
        rendering_card = cards[rendering]
        assert rendering_card is not None
        rendering_card._progress_origin = (rendering_card._progress_origin or (0, 0.1))[0] - 30, 0.1
        rendering_card.refresh_times()
        assert "0:" in rendering_card.timeLabel.text()

        for squeezed in (False, True):
            if squeezed:  # the side panes as wide as they go: the column at its narrowest
                window.splitter.setSizes([5000, 0, 5000])
            settle()
            for card in cards.values():
                assert card is not None
                assert_within_reach(window, card)
            failed_card = cards[failed]
            assert failed_card is not None and REASON in failed_card.statusLabel.text()
