"""Screenshots of prompts, presets and "Again with a new seed", for a person to look at.

    FRAMECAST_DATA_DIR=… FRAMECAST_CONFIG_DIR=… xvfb-run -a -s "-screen 0 1280x720x24" \\
        python -m tests.ui.screenshot_prompts OUTDIR --size 1280x720 --language ru

Runs the app on the built-in renderer with a few earlier prompts in its
history and two presets, then saves, with the size and language in each name:
`presets` (a preset just applied, the picker open), `preset-menu` (its
actions), `prompt-list` (the searchable list of earlier prompts, filtered),
`recall` (Up in the empty box) and `again` (a finished video in the player,
with "Again with a new seed"). Whole-screen grabs under Xvfb, so popups are
in the picture. Use fresh data and config folders: it writes into them.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.ui import screenshot_support as shots

PROMPTS = [
    "A red kite over green hills, late summer light",
    "Paper boats on a rainy street, reflections of neon signs in the puddles",
    "A red kite over the sea at dawn, gulls circling below",
    "Fireflies over a quiet pond at night",
    "A lighthouse on a cliff at dusk, waves crashing below, warm light sweeping through the fog",
]


def seed_history() -> None:
    from app.store.history import HistoryStore, JobRecord

    with HistoryStore() as store:
        for day, prompt in enumerate(PROMPTS, start=1):
            when = f"2026-01-{day:02d}T10:00:00.000000+00:00"
            store.insert(JobRecord(f"old-{day}", prompt=prompt, state="completed", created_at=when))


def seed_presets() -> None:
    from app.store import paths
    from app.store.presets import FormSettings

    presets = [
        (
            "Night city, close",
            FormSettings(
                model="local/sketch-t2v",
                duration=5,
                frame="1280x720",
                shot_size="close_up",
                frame_rate=24,
                negative_prompt="no text",
            ),
        ),
        ("Quick drafts", FormSettings(model="local/quick-t2v", duration=2, frame="854x480")),
    ]
    data = {
        "version": 1,
        "presets": [{"name": name, "settings": s.to_json()} for name, s in presets],
    }
    (paths.config_dir() / "presets.json").write_text(json.dumps(data), encoding="utf-8")


def key(widget: object, which: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, which, Qt.KeyboardModifier.NoModifier))  # type: ignore[arg-type]


async def scenario(args: shots.Args) -> int:
    out, tag = args.out, args.tag
    seed_history()
    seed_presets()
    async with shots.open_window(args) as window:
        form = window.form
        window.spawn(window.start())
        await shots.wait_for(lambda: form.models, 90, "the catalogue")
        await shots.wait_for(lambda: form.presetCombo.count() == 2, 10, "the presets")
        await shots.wait_for(lambda: form.recall.prompts(), 10, "earlier prompts")

        form.presets.apply(form.presets.presets()[0])
        form.presetCombo.setFocus()
        form.presetCombo.showPopup()
        await shots.settle()
        shots.grab_screen(out / f"presets-{tag}.png")
        form.presetCombo.hidePopup()

        form.presets.actionsButton.click()
        await shots.settle()
        shots.grab_screen(out / f"preset-menu-{tag}.png")
        form.presets.menu.hide()

        form.promptEdit.setFocus()
        key(form.promptEdit, Qt.Key.Key_Up)
        key(form.promptEdit, Qt.Key.Key_Up)
        await shots.settle()
        shots.grab_screen(out / f"recall-{tag}.png")
        key(form.promptEdit, Qt.Key.Key_Escape)

        form.open_prompt_list()
        popup = form.promptList
        assert popup is not None
        popup.filterEdit.setText("kite")
        await shots.settle()
        shots.grab_screen(out / f"prompt-list-{tag}.png")
        popup.hide()

        form.presets.apply(form.presets.presets()[1])
        form.promptEdit.setPlainText(PROMPTS[3])
        finished: list[object] = []
        window.jobs.finished.connect(finished.append)
        form.submit()
        await shots.wait_for(lambda: finished and window.player.path is not None, 120, "the video")
        await shots.wait_for(lambda: window.historyModel.playing_row() is not None, 30, "its row")
        window.player.player.pause()
        window.player.againButton.setFocus()
        await shots.settle()
        shots.grab_screen(out / f"again-{tag}.png")
    return 0


def main() -> int:
    return shots.run(scenario, shots.parse_args(shots.make_parser(__doc__)))


if __name__ == "__main__":
    sys.exit(main())
