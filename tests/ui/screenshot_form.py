"""Screenshots of the form and the dialogs a creator meets first, for a person to look at.

    python -m tests.ui.screenshot_form OUTDIR --size 1366x860 --language ru

Runs the app's own code path on the built-in renderer (qasync loop,
`MainWindow`), then saves, with the size and language in each name:
`first-launch`, `advanced` (the form with Advanced open), `model-popup` (the
model list open), `settings-wrong-token` (Settings after Test connection with
a token the server refuses) and `diagnostics`. Whole-screen grabs under Xvfb,
so popups and dialogs are in the picture. Exit code 0 when every state was saved.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


async def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def grab_screen(path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    screen.grabWindow(0).save(str(path))
    print(f"saved {path}", flush=True)


async def settle() -> None:
    await asyncio.sleep(0.5)


async def scenario(out: Path, size: tuple[int, int], language: str) -> int:
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow

    install_language(language)
    tag = f"{size[0]}x{size[1]}-{language}"
    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings())
    window.resize(*size)
    window.move(0, 0)
    window.show()
    try:
        window.spawn(window.start())
        await wait_for(lambda: window.form.models, 90, "the catalogue")
        await settle()
        grab_screen(out / f"first-launch-{tag}.png")

        form = window.form
        form.advancedToggle.click()
        await settle()
        grab_screen(out / f"advanced-{tag}.png")
        form.advancedToggle.click()

        form.modelCombo.setFocus()
        form.modelCombo.showPopup()
        await settle()
        grab_screen(out / f"model-popup-{tag}.png")
        form.modelCombo.hidePopup()

        session = window.connection.session
        assert session is not None
        window.open_settings()
        dialog = window.settings_dialog
        assert dialog is not None
        dialog.customRadio.setChecked(True)
        dialog.urlEdit.setText(session.url)
        dialog.tokenEdit.setText("not-the-right-token")
        dialog.test_connection()
        await wait_for(lambda: dialog.testButton.isEnabled(), 30, "the connection test")
        await settle()
        grab_screen(out / f"settings-wrong-token-{tag}.png")
        dialog.reject()

        window.open_diagnostics()
        await settle()
        grab_screen(out / f"diagnostics-{tag}.png")
        if window.diagnostics_dialog is not None:
            window.diagnostics_dialog.accept()
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
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(p) for p in args.size.split("x"))

    import qasync

    from app.ui.main import create_application

    app: QApplication = create_application()
    app.setQuitOnLastWindowClosed(False)
    return int(qasync.run(scenario(args.out, (width, height), args.language)))


if __name__ == "__main__":
    sys.exit(main())
