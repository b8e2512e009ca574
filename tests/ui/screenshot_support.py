"""What every screenshot script under tests/ui/ shares: its command line, the app, the window.

A script builds its parser with `make_parser` (OUTDIR, `--size`, `--language`,
plus any option of its own), reads it with `parse_args`, and hands its
scenario to `run`, which starts the app's own qasync loop. Inside the scenario
`open_window` opens the real `MainWindow` in the chosen language and size and
owns its end: on a failure it says so (and, when asked, saves
`<language>-<size>-failed.png`), and it always closes the window, shuts it
down and closes the history. `grab`, `grab_screen` and `wait_for` take the
pictures and wait for the states between them.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.main_window import MainWindow

# What the scripts type into the form, the first one when they need only one.
PROMPTS = (
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog",
    "Paper boats drifting down a rainy street at night, neon reflections on the water",
    "A red kite over green hills on a windy afternoon",
)


@dataclass(frozen=True)
class Args:
    """One run's command line: where the pictures go, the window's size, the language."""

    out: Path
    size: tuple[int, int]
    language: str
    options: argparse.Namespace  # everything parsed, for a script's own options

    @property
    def stem(self) -> str:
        """`<language>-<width>x<height>`, the start of most scripts' file names."""
        return f"{self.language}-{self.size[0]}x{self.size[1]}"

    @property
    def tag(self) -> str:
        """`<width>x<height>-<language>`, the end of the form and prompt scripts' names."""
        return f"{self.size[0]}x{self.size[1]}-{self.language}"


def make_parser(doc: str | None, *, size: bool = True) -> argparse.ArgumentParser:
    """OUTDIR, `--size` (unless the script's window has a fixed size) and `--language`."""
    description = doc.strip().splitlines()[0] if doc else None
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", type=Path)
    if size:
        parser.add_argument("--size", default="1280x720")
    parser.add_argument("--language", default="en")
    return parser


def parse_args(
    parser: argparse.ArgumentParser, *, window_size: tuple[int, int] = (1280, 720)
) -> Args:
    """The parsed command line, OUTDIR created; `window_size` when there is no `--size`."""
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    size = window_size
    if getattr(options, "size", None):
        width, height = (int(n) for n in options.size.split("x"))
        size = (width, height)
    return Args(options.out, size, options.language, options)


def run(scenario: Callable[[Args], Coroutine[Any, Any, int]], args: Args) -> int:
    """The app as `app.ui.main` starts it, running `scenario` on its qasync loop."""
    import qasync

    from app.ui.main import create_application

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    return int(qasync.run(scenario(args)))


@asynccontextmanager
async def open_window(
    args: Args,
    *,
    backend: str | None = None,
    token: str | None = None,
    grab_failed: bool = False,
) -> AsyncIterator[MainWindow]:
    """The real window, shown at the top left in `args`' size and language, and its end.

    Not started: the scenario spawns `window.start()` when it is ready.
    """
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow

    install_language(args.language)
    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings(), backend_arg=backend, token_arg=token)
    window.resize(*args.size)
    window.move(0, 0)
    window.show()
    try:
        yield window
    except BaseException as exc:
        print(f"screenshot scenario failed: {exc!r}", file=sys.stderr, flush=True)
        if grab_failed:
            grab(window, args.out / f"{args.stem}-failed.png")
        raise
    finally:
        window.close()
        await window.shutdown()
        await history.aclose()


async def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Until `condition()` is true; TimeoutError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def grab(widget: QWidget, path: Path) -> None:
    """The widget's window as the screen shows it (frame included under X)."""
    window = widget.window()
    screen = window.screen() or QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "xcb" and screen is not None:
        geo = window.frameGeometry()
        pixmap = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    else:
        pixmap = window.grab()
    pixmap.save(str(path))
    print(f"saved {path}", flush=True)


def grab_screen(path: Path) -> None:
    """The whole screen, so popups and dialogs are in the picture."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    screen.grabWindow(0).save(str(path))
    print(f"saved {path}", flush=True)


async def grab_question(window: QWidget, path: Path) -> QMessageBox:
    """Once the window asks its question (a QMessageBox), the window with it; the box."""
    from PySide6.QtWidgets import QMessageBox

    await wait_for(lambda: window.findChildren(QMessageBox), 5, "the question")
    await asyncio.sleep(0.5)
    grab(window, path)
    return window.findChildren(QMessageBox)[-1]


async def settle() -> None:
    """A moment for a popup or dialog to finish drawing before a grab."""
    await asyncio.sleep(0.5)
