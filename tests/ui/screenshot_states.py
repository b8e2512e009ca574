"""Screenshots of the window as a creator meets it, at one screen size and language.

    python -m tests.ui.screenshot_states OUTDIR [--size 1280x720] [--language ru]

Runs the app's own code path on the built-in renderer (renders slowed by
`FRAMECAST_LOCAL_MIN_RENDER_SECONDS` so the states can be caught) and saves,
into OUTDIR, `<language>-<size>-<state>.png` for each state:

- `first-launch`: the catalogue loaded, nothing made yet;
- `two-jobs`: one video rendering, a second waiting behind it (in the queue);
- `finished`: both done, the first playing, the second announced;
- `offline`: a job rendering when the renderer process dies;
- `recovered`: the renderer started again by itself, that job resumed and done.

Run it under Xvfb with a screen of the same size (`scripts/screenshots.sh`
does all four). Exit code 0 when every state was reached and saved.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.ui import screenshot_support as shots

RENDER_SECONDS = "12"


def renderer_children() -> list[int]:
    """This process's built-in renderer children (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"serve" in cmdline:
            found.append(int(entry.name))
    return found


async def generate(window: object, prompt: str) -> None:
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    form = window.form
    form.promptEdit.setPlainText(prompt)
    model = form.modelCombo.findData("local/sketch-t2v")
    if model >= 0:
        form.modelCombo.setCurrentIndex(model)
    index = form.durationCombo.findData(5)
    if index >= 0:
        form.durationCombo.setCurrentIndex(index)
    form.aspectCombo.setCurrentIndex(0)
    await shots.wait_for(form.generateButton.isEnabled, 10, "Generate enabled")
    count = len(window.progress.cards()) + window.queue.rowCount()
    form.generateButton.click()
    # A card, or a row in the queue when the renderer's one slot is taken.
    await shots.wait_for(
        lambda: len(window.progress.cards()) + window.queue.rowCount() > count, 20, "the new job"
    )


async def scenario(args: shots.Args) -> int:
    from app.engine.updates import JobState
    from app.ui.models import ConnectionStatus

    out, stem = args.out, args.stem
    async with shots.open_window(args, grab_failed=True) as window:

        def states() -> list[JobState | None]:
            return [c.last_update.state if c.last_update else None for c in window.progress.cards()]

        window.spawn(window.start())
        await shots.wait_for(lambda: window.form.models, 90, "the catalogue")
        await asyncio.sleep(0.6)
        shots.grab(window, out / f"{stem}-first-launch.png")

        await generate(window, shots.PROMPTS[0])
        await generate(window, shots.PROMPTS[1])
        await shots.wait_for(
            lambda: (
                any(
                    c.progressBar.maximum() == 1000 and c.progressBar.value() >= 200
                    for c in window.progress.cards()
                )
                and (JobState.QUEUED in states() or window.queue.rowCount() > 0)
            ),
            120,
            "one rendering, one waiting",
        )
        await asyncio.sleep(1.2)  # let the time-left estimate settle
        shots.grab(window, out / f"{stem}-two-jobs.png")

        await shots.wait_for(
            lambda: not window.progress.cards() and not window.queue.rowCount(), 180, "both videos"
        )
        await shots.wait_for(lambda: window.player.player.position() > 1200, 30, "playback")
        await asyncio.sleep(0.3)
        shots.grab(window, out / f"{stem}-finished.png")

        await generate(window, shots.PROMPTS[2])
        await shots.wait_for(lambda: JobState.PROCESSING in states(), 60, "the third job rendering")
        for pid in renderer_children():
            os.kill(pid, signal.SIGKILL)
        await shots.wait_for(
            lambda: window.connection.state is ConnectionStatus.OFFLINE, 60, "the window offline"
        )
        await asyncio.sleep(0.5)  # the renderer is started again after a short pause
        shots.grab(window, out / f"{stem}-offline.png")
        await shots.wait_for(lambda: not window.progress.cards(), 180, "the third video, resumed")
        await asyncio.sleep(0.3)
        shots.grab(window, out / f"{stem}-recovered.png")
    return 0


def main() -> int:
    parser = shots.make_parser(__doc__)
    parser.add_argument("--render-seconds", default=RENDER_SECONDS)
    args = shots.parse_args(parser)
    os.environ["FRAMECAST_LOCAL_MIN_RENDER_SECONDS"] = str(args.options.render_seconds)
    return shots.run(scenario, args)


if __name__ == "__main__":
    sys.exit(main())
