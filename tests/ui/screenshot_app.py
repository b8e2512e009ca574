"""Open the real window and save screenshots of its main states.

    python -m tests.ui.screenshot_app OUTDIR [--backend URL --token TOKEN]

Runs the app's own code path (qasync loop, `MainWindow`, a backend session;
the built-in renderer when no backend is given), types a prompt, presses
Generate and saves `empty.png`, `generating.png` and `playing.png` into
OUTDIR. Used by the Xvfb end-to-end test and for looking at the design.
Exit code 0 when every state was reached and saved.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication

PROMPT = (
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog"
)


async def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def grab(window: QApplication | object, path: Path) -> None:
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    pixmap: QPixmap
    screen = window.screen() or QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "xcb" and screen is not None:
        geo = window.frameGeometry()
        pixmap = screen.grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
    else:
        pixmap = window.grab()
    pixmap.save(str(path))
    print(f"saved {path}", flush=True)


async def scenario(out: Path, backend: str | None, token: str | None, language: str) -> int:
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow

    install_language(language)
    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings(), backend_arg=backend, token_arg=token)
    window.resize(1440, 860)
    window.move(0, 0)
    window.show()
    try:
        start = window.spawn(window.start())
        await wait_for(
            lambda: window.form.is_valid() or bool(window.form.models), 90, "the catalogue"
        )
        await asyncio.sleep(0.6)
        grab(window, out / "empty.png")

        window.form.promptEdit.setPlainText(PROMPT)
        model = window.form.modelCombo.findData("local/sketch-t2v")
        if model >= 0:
            window.form.modelCombo.setCurrentIndex(model)
        index = window.form.durationCombo.findData(5)
        if index >= 0:
            window.form.durationCombo.setCurrentIndex(index)
        window.form.aspectCombo.setCurrentIndex(0)
        await wait_for(window.form.generateButton.isEnabled, 10, "Generate enabled")
        window.form.generateButton.click()
        await wait_for(
            lambda: any(
                (c.progressBar.maximum() == 1000 and c.progressBar.value() >= 150)
                for c in window.progress.cards()
            ),
            120,
            "progress",
        )
        await asyncio.sleep(1.2)  # let the elapsed/remaining estimate settle
        await asyncio.sleep(0.1)
        grab(window, out / "generating.png")

        await wait_for(
            lambda: window.player.is_playing() and window.player.player.position() > 1200,
            180,
            "playback",
        )
        await wait_for(lambda: not window.progress.cards(), 10, "cards to clear")
        await asyncio.sleep(0.3)
        grab(window, out / "playing.png")
        await start
    except BaseException as exc:
        print(f"screenshot scenario failed: {exc!r}", file=sys.stderr, flush=True)
        raise
    finally:
        window.close()
        await window.shutdown()
        await history.aclose()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--backend")
    parser.add_argument("--token")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import qasync

    from app.ui.main import create_application

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    return int(qasync.run(scenario(args.out, args.backend, args.token, args.language)))


if __name__ == "__main__":
    sys.exit(main())
