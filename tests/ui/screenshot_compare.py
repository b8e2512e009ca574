"""Screenshots of the frames, export and compare tools, at one screen size and language.

    python -m tests.ui.screenshot_compare OUTDIR [--size 1280x720] [--language ru]

Runs the app on the built-in renderer: makes two short videos, plays one with
In and Out points set, and saves into OUTDIR `<language>-<size>-<state>.png`:

- `player`: the player with its In/Out marks and the new buttons;
- `compare`: the compare view, both videos playing in step;
- `export`: the export dialog for the marked range;
- `exported`: the export dialog once the MP4 is written;
- `continue`: the form set up from the last frame.

Run it under Xvfb with a screen of the same size (`scripts/screenshots.sh`
shows how). Exit code 0 when every state was reached and saved.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.ui.screenshot_states import generate, wait_for

PROMPTS = (
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog",
    "Paper boats drifting down a rainy street at night, neon reflections on the water",
)


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


async def scenario(out: Path, size: tuple[int, int], language: str) -> int:
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow
    from app.ui.seek_marks import Marks

    install_language(language)
    stem = f"{language}-{size[0]}x{size[1]}"
    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings())
    window.resize(*size)
    window.move(0, 0)
    window.show()
    try:
        window.spawn(window.start())
        await wait_for(lambda: window.form.models, 90, "the catalogue")
        for prompt in PROMPTS:
            await generate(window, prompt)
        await wait_for(lambda: not window.progress.cards(), 240, "both videos")
        window.player.set_autoplay_new(True)
        await wait_for(lambda: len(window.historyModel.records()) >= 2, 10, "the history rows")
        first = window.historyModel.records()[-1]
        window.historyPanel.playRequested.emit(first)
        player = window.player
        await wait_for(lambda: str(player.path) == first.local_path, 30, "the first video")
        await wait_for(lambda: player.player.duration() > 0, 30, "the video")
        await asyncio.sleep(1.5)  # the history may load it again (the strip's video)
        player.player.pause()
        player.player.setPosition(2400)
        player.set_marks(Marks(1200, 3600))
        await asyncio.sleep(0.8)
        grab(window, out / f"{stem}-player.png")

        player.exportButton.click()
        dialog = player._export_dialog
        assert dialog is not None
        await wait_for(lambda: dialog.copyable is not None, 20, "the export note")
        await asyncio.sleep(0.4)
        grab(dialog, out / f"{stem}-export.png")
        target = Path(tempfile.mkdtemp()) / "export.mp4"
        dialog._file_chosen(str(target))
        dialog.exportButton.click()
        await wait_for(lambda: dialog.exported is not None, 60, "the export")
        await asyncio.sleep(0.3)
        grab(dialog, out / f"{stem}-exported.png")
        dialog.reject()

        window.open_compare()
        compare = window.compare_view
        assert compare is not None
        await wait_for(lambda: compare.sync.duration() > 0, 30, "both videos in compare")
        compare.sync.play()
        await wait_for(lambda: compare.sync.position() > 1500, 30, "compare playing")
        await asyncio.sleep(0.2)
        grab(compare, out / f"{stem}-compare.png")
        compare.close()

        player.continueButton.click()
        await wait_for(lambda: window.form.imageZone.image_path is not None, 30, "last frame")
        await asyncio.sleep(1.0)
        grab(window, out / f"{stem}-continue.png")
    except BaseException as exc:
        print(f"screenshot scenario failed: {exc!r}", file=sys.stderr, flush=True)
        grab(window, out / f"{stem}-failed.png")
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
    width, height = (int(n) for n in args.size.split("x"))
    os.environ.setdefault("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "0")

    import qasync

    from app.ui.main import create_application

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    return int(qasync.run(scenario(args.out, (width, height), args.language)))


if __name__ == "__main__":
    sys.exit(main())
