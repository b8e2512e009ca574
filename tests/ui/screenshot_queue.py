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

import asyncio
import os
import sys

from tests.ui import screenshot_support as shots

NEXT_PROMPT = "Fireflies over a quiet pond at midnight"


async def scenario(args: shots.Args) -> int:
    from app.engine.updates import JobState

    async with shots.open_window(args, grab_failed=True) as window:
        form = window.form
        window.spawn(window.start())
        await shots.wait_for(lambda: form.models, 90, "the catalogue")
        for prompt, takes in zip(shots.PROMPTS, (2, 1, 1), strict=True):
            form.promptEdit.setPlainText(prompt)
            model = form.modelCombo.findData("local/sketch-t2v")
            if model >= 0:
                form.modelCombo.setCurrentIndex(model)
            form.durationCombo.setCurrentIndex(max(0, form.durationCombo.findData(5)))
            form.takesSpin.setValue(takes)
            await shots.wait_for(form.generateButton.isEnabled, 10, "Generate enabled")
            before = len(window.progress.cards()) + window.queue.rowCount()
            form.generateButton.click()
            await shots.wait_for(
                lambda b=before, t=takes: (
                    len(window.progress.cards()) + window.queue.rowCount() >= b + t
                ),
                20,
                "the new jobs",
            )
        await shots.wait_for(lambda: window.queue.rowCount() == 3, 20, "three waiting")
        form.takesSpin.setValue(1)
        form.promptEdit.setPlainText(NEXT_PROMPT)
        await shots.wait_for(
            lambda: any(
                c.last_update is not None and c.last_update.state is JobState.PROCESSING
                for c in window.progress.cards()
            ),
            120,
            "the first one rendering",
        )
        await asyncio.sleep(1.5)  # the time-left estimate settles
        shots.grab(window, args.out / f"{args.stem}-queue.png")
    return 0


def main() -> int:
    args = shots.parse_args(shots.make_parser(__doc__))
    os.environ["FRAMECAST_LOCAL_MIN_RENDER_SECONDS"] = "30"
    return shots.run(scenario, args)


if __name__ == "__main__":
    sys.exit(main())
