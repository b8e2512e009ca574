"""Helpers for the tests of the window as a creator meets it (issue 11): a
window on a stand-in engine at a given screen size and language, jobs pushed
into it, and the checks that something is really within reach on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.api.models import Catalogue as ApiCatalogue
from app.api.models import GenerationConfig, GenerationRequest
from app.store.history import AsyncHistoryStore
from app.store.settings import QUEUE_LIMITS, load_settings
from app.ui.i18n import install_language
from app.ui.main_window import MainWindow
from app.ui.models import SessionFactory
from tests.ui.conftest import close_window, wait_for
from tests.ui.fakes import MODELS, FakeClient, FakeEngine, FakeSession

SIZES = [(1280, 720), (1366, 860)]
LANGUAGES = ["en", "ru"]
#: A model with a name as long as the built-in renderer's, so cards show a long subtitle.
LONG_MODEL = GenerationConfig(
    name="fake/t2v",
    label="Local sketch (text to video)",
    type="text_to_video",
    available_durations=[5, 8],
    price_per_second=1.0,
)
LONG_PROMPT = (
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the "
    "fog while seagulls circle above the rocks"
)


class LongNamesClient(FakeClient):
    async def load_catalogue(self) -> ApiCatalogue:
        catalogue = await super().load_catalogue()
        return ApiCatalogue([LONG_MODEL, *MODELS[1:]], catalogue.styles, catalogue.account)


async def long_names_session(*_: object) -> FakeSession:
    return FakeSession(LongNamesClient())


@contextmanager
def fake_window(
    qtbot: QtBot,
    run: Callable[..., object],
    *,
    size: tuple[int, int] = (1280, 720),
    language: str = "en",
    session_factory: SessionFactory = long_names_session,  # type: ignore[assignment]
    backend: str | None = None,
) -> Iterator[MainWindow]:
    """A shown, started window on a stand-in engine, `size` big, in `language`."""
    assert install_language(language) == language
    history = AsyncHistoryStore()
    # The stand-in engine takes every job at once: these tests push several
    # jobs' updates themselves (the queue's limit: tests/ui/test_queue_window.py).
    settings = load_settings().model_copy(update={"queue_limit_cloud": QUEUE_LIMITS[1]})
    window = MainWindow(history, settings, backend_arg=backend, session_factory=session_factory)
    try:
        window.resize(*size)
        window.show()
        window.spawn(window.start())
        wait_for(qtbot, lambda: window.form.models, 10, "the catalogue")
        yield window
    finally:
        close_window(window, history, run)
        install_language("en")


def engine_of(window: MainWindow) -> FakeEngine:
    session = window.connection.session
    assert session is not None
    manager = session.manager
    assert isinstance(manager, FakeEngine)
    return manager


def submit(window: MainWindow, run: Callable[..., object], prompt: str) -> str:
    """Send a job through the jobs model (its card gets the prompt as title)."""
    request = GenerationRequest(prompt=prompt, generation_config_name="fake/t2v", duration=5)
    job_id = run(window.jobs.submit(request))
    assert isinstance(job_id, str)
    return job_id


def settle() -> None:
    """Let layouts and deferred resizes happen."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()


def fully_visible(widget: QWidget, window: QWidget) -> bool:
    """On screen in full: shown, not clipped by any parent, inside the window."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    if widget.visibleRegion().boundingRect() != widget.rect():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def not_elided(label: QWidget) -> bool:
    """A label as wide as its text needs (nothing cut with "…" or by its edge)."""
    return label.width() >= label.sizeHint().width()


def text_fits(label: QLabel) -> bool:
    """The words a label shows fit inside it (shortened with "…" if need be, never cut)."""
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


def video_file(tmp_path: Path, name: str = "video.mp4") -> Path:
    from tests.support.media import make_test_video

    return make_test_video(tmp_path / name, seconds=2.0)
