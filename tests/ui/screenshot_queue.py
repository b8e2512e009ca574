"""A screenshot of the queue: one video rendering, three waiting, a fourth prompt typed.

    python -m tests.ui.screenshot_queue OUTDIR [--size 1280x720] [--language ru]

Runs the app's own code path on the built-in renderer (one video at a time,
renders slowed by `FRAMECAST_LOCAL_MIN_RENDER_SECONDS`): two takes of one
prompt and two more prompts, so one renders and three wait in the queue,
then a fourth prompt in the form, which says how many wait ahead of it.
Saves `<language>-<size>-queue.png` into OUTDIR. Run it under Xvfb with a
screen of that size. Exit code 0 when the state was reached and saved.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from tests.ui.screenshot_states import grab, wait_for

PROMPTS = (
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog",
    "Paper boats drifting down a rainy street at night, neon reflections on the water",
    "A red kite over green hills on a windy afternoon",
)
NEXT_PROMPT = "Fireflies over a quiet pond at midnight"


async def scenario(out: Path, size: tuple[int, int], language: str) -> int:
    from app.engine.updates import JobState
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.i18n import install_language
    from app.ui.main_window import MainWindow

    install_language(language)
    history = AsyncHistoryStore()
    window = MainWindow(history, load_settings())
    window.resize(*size)
    window.move(0, 0)
    window.show()
    form = window.form
    try:
        window.spawn(window.start())
        await wait_for(lambda: form.models, 90, "the catalogue")
        for prompt, takes in zip(PROMPTS, (2, 1, 1), strict=True):
            form.promptEdit.setPlainText(prompt)
            model = form.modelCombo.findData("local/sketch-t2v")
            if model >= 0:
                form.modelCombo.setCurrentIndex(model)
            form.durationCombo.setCurrentIndex(max(0, form.durationCombo.findData(5)))
            form.takesSpin.setValue(takes)
            await wait_for(form.generateButton.isEnabled, 10, "Generate enabled")
            before = len(window.progress.cards()) + window.queue.rowCount()
            form.generateButton.click()
            await wait_for(
                lambda b=before, t=takes: (
                    len(window.progress.cards()) + window.queue.rowCount() >= b + t
                ),
                20,
                "the new jobs",
            )
        await wait_for(lambda: window.queue.rowCount() == 3, 20, "three waiting")
        form.takesSpin.setValue(1)
        form.promptEdit.setPlainText(NEXT_PROMPT)
        await wait_for(
            lambda: any(
                c.last_update is not None and c.last_update.state is JobState.PROCESSING
                for c in window.progress.cards()
            ),
            120,
            "the first one rendering",
        )
        await asyncio.sleep(1.5)  # the time-left estimate settles
        grab(window, out / f"{language}-{size[0]}x{size[1]}-queue.png")
    except BaseException as exc:
        print(f"screenshot scenario failed: {exc!r}", file=sys.stderr, flush=True)
        grab(window, out / f"{language}-{size[0]}x{size[1]}-failed.png")
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
    os.environ["FRAMECAST_LOCAL_MIN_RENDER_SECONDS"] = "30"

    import qasync

    from app.ui.main import create_application

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    return int(qasync.run(scenario(args.out, (width, height), args.language)))


if __name__ == "__main__":
    sys.exit(main())
