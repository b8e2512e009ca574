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

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from tests.ui import screenshot_support as shots
from tests.ui.screenshot_states import generate


async def scenario(args: shots.Args) -> int:
    from app.ui.seek_marks import Marks

    out, stem = args.out, args.stem
    async with shots.open_window(args, grab_failed=True) as window:
        window.spawn(window.start())
        await shots.wait_for(lambda: window.form.models, 90, "the catalogue")
        for prompt in shots.PROMPTS[:2]:
            await generate(window, prompt)
        await shots.wait_for(lambda: not window.progress.cards(), 240, "both videos")
        window.player.set_autoplay_new(True)
        await shots.wait_for(
            lambda: len(window.historyModel.records()) >= 2, 10, "the history rows"
        )
        first = window.historyModel.records()[-1]
        window.historyPanel.playRequested.emit(first)
        player = window.player
        await shots.wait_for(lambda: str(player.path) == first.local_path, 30, "the first video")
        await shots.wait_for(lambda: player.player.duration() > 0, 30, "the video")
        await asyncio.sleep(1.5)  # the history may load it again (the strip's video)
        player.player.pause()
        player.player.setPosition(2400)
        player.set_marks(Marks(1200, 3600))
        await asyncio.sleep(0.8)
        shots.grab(window, out / f"{stem}-player.png")

        player.exportButton.click()
        dialog = player._export_dialog
        assert dialog is not None
        await shots.wait_for(lambda: dialog.copyable is not None, 20, "the export note")
        await asyncio.sleep(0.4)
        shots.grab(dialog, out / f"{stem}-export.png")
        target = Path(tempfile.mkdtemp()) / "export.mp4"
        dialog._file_chosen(str(target))
        dialog.exportButton.click()
        await shots.wait_for(lambda: dialog.exported is not None, 60, "the export")
        await asyncio.sleep(0.3)
        shots.grab(dialog, out / f"{stem}-exported.png")
        dialog.reject()

        window.open_compare()
        compare = window.compare_view
        assert compare is not None
        await shots.wait_for(lambda: compare.sync.duration() > 0, 30, "both videos in compare")
        compare.sync.play()
        await shots.wait_for(lambda: compare.sync.position() > 1500, 30, "compare playing")
        await asyncio.sleep(0.2)
        shots.grab(compare, out / f"{stem}-compare.png")
        compare.close()

        player.continueButton.click()
        await shots.wait_for(lambda: window.form.imageZone.image_path is not None, 30, "last frame")
        await asyncio.sleep(1.0)
        shots.grab(window, out / f"{stem}-continue.png")
    return 0


def main() -> int:
    args = shots.parse_args(shots.make_parser(__doc__))
    os.environ.setdefault("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "0")
    return shots.run(scenario, args)


if __name__ == "__main__":
    sys.exit(main())
