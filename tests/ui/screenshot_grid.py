"""Open the real window on a history of a dozen videos and save screenshots of its grid.

    python -m tests.ui.screenshot_grid OUTDIR [--size 1280x720] [--language ru]

The clips are real: rendered once by the built-in renderer (cached in
tests/artifacts/grid-clips), some with the renderer's poster and some
without (their thumbnail is then a frame decoded from the video), beside a
failed job, one still rendering and one video of the account not
downloaded yet; three are favourites. The window connects to a scripted
backend on loopback, switches the history to its grid, and saves
`grid.png`, `grid-scrub.png` (the pointer across a thumbnail, scrubbing),
`grid-favourites.png` (the Favourites filter) and `clear.png` (the Clear
history question). For looking at the design (run it under Xvfb).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui import screenshot_support as shots

ROOT = Path(__file__).resolve().parents[2]
CLIPS = ROOT / "tests" / "artifacts" / "grid-clips"


@dataclass(frozen=True)
class Entry:
    prompt: str
    style: str = "cinematic"
    state: str = "completed"
    poster: bool = True
    favourite: bool = False
    account: bool = False


ENTRIES = (
    Entry("A red fox running through fresh snow at dawn", "cinematic", favourite=True),
    Entry("Paper lanterns drifting over a dark river", "neon"),
    Entry("Aerial shot over a glacier lagoon, turquoise water", "cinematic", poster=False),
    Entry("Espresso pouring into a white cup, steam rising", "sketch", favourite=True),
    Entry("Neon city street in the rain, reflections", "neon", state="processing"),
    Entry("A lighthouse on a cliff at dusk, waves below", "cinematic", poster=False),
    Entry("Jellyfish drifting in blue light", "neon", favourite=True),
    Entry("Hot air balloons over a desert canyon at sunrise", "sketch", state="failed"),
    Entry("Cherry blossoms falling on a quiet temple path", "anime", poster=False),
    Entry("A paper boat sailing down a rainy gutter", "cinematic", account=True),
    Entry("Northern lights over a frozen lake", "neon"),
    Entry("A cat watching snow fall from a window sill", "anime"),
)


def render_clips() -> None:
    """Each finished entry's clip and poster, rendered once and kept."""
    from app.local.renderer import RenderSpec, render_video

    CLIPS.mkdir(parents=True, exist_ok=True)
    for n, entry in enumerate(ENTRIES):
        video, poster = CLIPS / f"clip-{n}.mp4", CLIPS / f"clip-{n}.jpg"
        if entry.state != "completed" or entry.account or video.exists():
            continue
        spec = RenderSpec(entry.prompt, 640, 360, 12, 4, seed=n + 1, style=entry.style)
        render_video(spec, video, poster)


def seed_history(videos: Path) -> None:
    from app.store.history import ACCOUNT, HistoryStore, JobRecord, stamp

    videos.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    with HistoryStore() as store:
        for n, entry in enumerate(ENTRIES):
            video = poster = None
            if entry.state == "completed" and not entry.account:
                video = videos / f"clip-{n}.mp4"
                shutil.copyfile(CLIPS / video.name, video)
                if entry.poster:
                    poster = videos / f"clip-{n}.jpg"
                    shutil.copyfile(CLIPS / poster.name, poster)
            failed = entry.state == "failed"
            store.insert(
                JobRecord(
                    job_id=f"job-{n}",
                    prompt=entry.prompt,
                    model="scripted/t2v",
                    state=entry.state,
                    progress=0.4 if entry.state == "processing" else None,
                    error_kind="render" if failed else None,
                    local_path=str(video) if video else None,
                    thumbnail_path=str(poster) if poster else None,
                    created_at=stamp(now - timedelta(hours=n * 7)),
                    favourite=entry.favourite,
                    origin=ACCOUNT if entry.account else "local",
                    file_id=f"file-{n}" if entry.account else None,
                )
            )


def hover(widget: QApplication | object, x: int, y: int) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPoint(x, y).toPointF(),
        widget.mapToGlobal(QPoint(x, y)).toPointF(),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


async def scenario(args: shots.Args) -> int:
    from app.store import paths
    from app.ui.history_panel import GRID
    from app.ui.models.history import HistoryFilter
    from tests.support.scripted_backend import ScriptedBackend

    render_clips()
    out = args.out
    with ScriptedBackend() as backend:
        seed_history(paths.videos_dir())
        async with shots.open_window(args, backend=backend.url, token=backend.token) as window:
            window.spawn(window.start())
            panel = window.historyPanel
            grid = panel.historyGrid
            await shots.wait_for(lambda: len(panel.records()) == len(ENTRIES), 30, "the history")
            panel.set_view_mode(GRID)
            # The creator gives the grid room: the history column as wide as the player's.
            sizes = window.splitter.sizes()
            spare = sizes[1] - sizes[1] * 11 // 20
            window.splitter.setSizes([sizes[0], sizes[1] - spare, sizes[2] + spare])
            thumbs = panel.thumbnails
            finished = [r for r in panel.records() if r.local_path]
            await shots.wait_for(
                lambda: all(thumbs.has_picture(r) for r in finished if grid.is_visible(r.job_id)),
                60,
                "the thumbnails",
            )
            await asyncio.sleep(0.8)
            shots.grab(window, out / "grid.png")

            target = next(r for r in finished if grid.is_visible(r.job_id))
            rect = grid.visualRect(grid.index_of_job(target.job_id))
            hover(
                grid.viewport(),
                rect.left() + rect.width() * 2 // 3,
                rect.top() + rect.height() // 4,
            )
            await shots.wait_for(lambda: thumbs.strip(target) is not None, 30, "the scrub strip")
            await asyncio.sleep(0.5)
            shots.grab(window, out / "grid-scrub.png")
            hover(grid.viewport(), 2, grid.viewport().height() - 2)

            panel.set_filter(HistoryFilter.FAVOURITES)
            await asyncio.sleep(0.6)
            shots.grab(window, out / "grid-favourites.png")
            panel.set_filter(HistoryFilter.ALL)

            panel.clearRequested.emit()
            box = await shots.grab_question(window, out / "clear.png")
            box.reject()
            await asyncio.sleep(0.2)
    return 0


def main() -> int:
    return shots.run(scenario, shots.parse_args(shots.make_parser(__doc__)))


if __name__ == "__main__":
    sys.exit(main())
