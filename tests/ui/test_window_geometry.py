"""The window's size on first run: roomy, yet inside the screen it opens on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize

from app.ui.main_window import MainWindow


def test_first_run_window_fits_the_screen_and_is_centred(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(start=False, size=None)  # no saved geometry: first run
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    expected = (
        QSize(1440, 880)
        .boundedTo(QSize(available.width() * 92 // 100, available.height() * 92 // 100))
        .expandedTo(window.minimumSizeHint())
    )
    assert window.size() == expected
    frame = window.frameGeometry()
    if expected.width() <= available.width() and expected.height() <= available.height():
        assert available.contains(frame)
        assert abs(frame.center().x() - available.center().x()) <= 2
        assert abs(frame.center().y() - available.center().y()) <= 2
    else:  # a screen smaller than the window's minimum: the title bar stays on it
        assert frame.left() >= available.left() and frame.top() >= available.top()
