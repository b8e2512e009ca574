"""Open the real window on an account with a library and save screenshots of history.

    python -m tests.ui.screenshot_history OUTDIR [--size 1280x720] [--language ru]

A scripted backend on loopback (the SDK's shapes) serves an account whose
library holds videos made elsewhere, some with the service's posters and
dates, some without; the history already has two jobs of this app. The
window connects, imports the library, plays one account video (downloading
it first: `downloading.png`) and saves `history.png` (rows, the playing one marked),
`focus.png` (the keyboard in the list) and `delete.png` (the question with
its unticked account box). For looking at the design (run it under Xvfb).
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui import screenshot_support as shots

PROMPTS = (
    ("A red fox running through fresh snow at dawn, slow motion", True, "2026-03-02T09:14:00Z"),
    ("Paper lanterns drifting over a dark river, festival night", True, None),
    ("Aerial shot over a glacier lagoon, icebergs in turquoise water", False, None),
    ("Close-up of espresso pouring into a white cup, steam rising", True, "2026-02-20T16:40:00Z"),
    ("Neon city street in the rain, reflections on wet asphalt", False, "2026-02-11T22:03:00Z"),
)


def poster(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 270), (20 + seed * 40 % 200, 60 + seed * 25 % 150, 120))
    draw = ImageDraw.Draw(image)
    for i in range(6):  # a row of suns of changing height: enough to tell posters apart
        top = 40 + (i * 37 + seed * 11) % 110
        draw.ellipse((40 + i * 70, top, 110 + i * 70, top + 70), fill=(230, 190 - i * 20, 90))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seed_history(videos: Path) -> None:
    from app.store.history import HistoryStore, JobRecord, utc_now

    videos.mkdir(parents=True, exist_ok=True)
    with HistoryStore() as store:
        for n, prompt in enumerate(
            ("A lighthouse on a cliff at dusk, waves below", "Jellyfish drifting in blue light")
        ):
            thumb = videos / f"mine-{n}.jpg"
            thumb.write_bytes(poster(7 + n))
            store.insert(
                JobRecord(
                    job_id=f"mine-{n}",
                    prompt=prompt,
                    model="scripted/t2v",
                    state="completed" if n == 0 else "failed",
                    error_kind=None if n == 0 else "render",
                    thumbnail_path=str(thumb) if n == 0 else None,
                    created_at=utc_now() if n == 0 else "2026-01-15T10:00:00.000000+00:00",
                )
            )


async def scenario(args: shots.Args) -> int:
    from app.store import paths
    from app.ui.models.library import LibraryStatus
    from tests.support.scripted_backend import ScriptedBackend

    out = args.out
    with ScriptedBackend() as backend:
        backend.page_cap = 10
        for n, (prompt, with_poster, made) in reversed(list(enumerate(PROMPTS))):
            thumb = None
            if with_poster:
                backend.cdn.put(f"/posters/{n}.jpg", poster(n), content_type="image/jpeg")
                thumb = f"{backend.cdn.url}/posters/{n}.jpg"
            backend.add_library_video(f"web-{n}", prompt, thumbnail_url=thumb, created_at=made)
        seed_history(paths.videos_dir())
        async with shots.open_window(args, backend=backend.url, token=backend.token) as window:
            window.spawn(window.start())
            panel = window.historyPanel
            await shots.wait_for(
                lambda: len(panel.records()) == len(PROMPTS) + 2, 60, "the library"
            )
            await shots.wait_for(
                lambda: window.historyModel.library.status is LibraryStatus.IDLE, 30, "idle"
            )
            second = panel.records()[1]
            backend.library_chunk_delay = 0.15  # slow enough to see the download in its row
            window.spawn(window.historyModel.play(second))
            await shots.wait_for(
                lambda: window.historyModel.fetching(second.job_id), 10, "the download"
            )
            await asyncio.sleep(1.2)
            shots.grab(window, out / "downloading.png")
            backend.library_chunk_delay = 0.0
            await shots.wait_for(
                lambda: window.player.path is not None, 60, "the account video playing"
            )
            await asyncio.sleep(1.5)
            shots.grab(window, out / "history.png")

            window.activateWindow()
            panel.historyList.setFocus(Qt.FocusReason.TabFocusReason)
            panel.select(3)
            await asyncio.sleep(0.4)
            shots.grab(window, out / "focus.png")

            panel.deleteRequested.emit(panel.records()[3])
            box = await shots.grab_question(window, out / "delete.png")
            shots.grab(box, out / "delete-box.png")
            box.reject()
            await asyncio.sleep(0.2)
    return 0


def main() -> int:
    return shots.run(scenario, shots.parse_args(shots.make_parser(__doc__)))


if __name__ == "__main__":
    sys.exit(main())
