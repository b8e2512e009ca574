"""Open the real window and save screenshots of its main states.

    python -m tests.ui.screenshot_app OUTDIR [--backend URL --token TOKEN]

Runs the app's own code path (qasync loop, `MainWindow`, a backend session;
the built-in renderer when no backend is given), types a prompt, presses
Generate and saves `empty.png`, `generating.png` and `playing.png` into
OUTDIR. Used by the Xvfb end-to-end test and for looking at the design.
Exit code 0 when every state was reached and saved.
"""

from __future__ import annotations

import asyncio
import sys

from tests.ui import screenshot_support as shots


async def scenario(args: shots.Args) -> int:
    out = args.out
    backend, token = args.options.backend, args.options.token
    async with shots.open_window(args, backend=backend, token=token) as window:
        start = window.spawn(window.start())
        await shots.wait_for(
            lambda: window.form.is_valid() or bool(window.form.models), 90, "the catalogue"
        )
        await asyncio.sleep(0.6)
        shots.grab(window, out / "empty.png")

        window.form.promptEdit.setPlainText(shots.PROMPTS[0])
        model = window.form.modelCombo.findData("local/sketch-t2v")
        if model >= 0:
            window.form.modelCombo.setCurrentIndex(model)
        index = window.form.durationCombo.findData(5)
        if index >= 0:
            window.form.durationCombo.setCurrentIndex(index)
        window.form.aspectCombo.setCurrentIndex(0)
        await shots.wait_for(window.form.generateButton.isEnabled, 10, "Generate enabled")
        window.form.generateButton.click()
        await shots.wait_for(
            lambda: any(
                (c.progressBar.maximum() == 1000 and c.progressBar.value() >= 150)
                for c in window.progress.cards()
            ),
            120,
            "progress",
        )
        await asyncio.sleep(1.2)  # let the elapsed/remaining estimate settle
        await asyncio.sleep(0.1)
        shots.grab(window, out / "generating.png")

        await shots.wait_for(
            lambda: window.player.is_playing() and window.player.player.position() > 1200,
            180,
            "playback",
        )
        await shots.wait_for(lambda: not window.progress.cards(), 10, "cards to clear")
        await asyncio.sleep(0.3)
        shots.grab(window, out / "playing.png")
        await start
    return 0


def main() -> int:
    parser = shots.make_parser(__doc__, size=False)
    parser.add_argument("--backend")
    parser.add_argument("--token")
    return shots.run(scenario, shots.parse_args(parser, window_size=(1440, 860)))


if __name__ == "__main__":
    sys.exit(main())
