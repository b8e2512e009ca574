"""The process side of rendering: what runs inside the renderer's worker processes.

Workers are started with the `spawn` method by `RenderService`; each receives,
at start, the queue it reports progress on and the event that tells it to
stop. Progress goes out as `(job_id, frames_done, frames_total)` tuples:
`frames_done` 0 when the job starts (until then it is only queued), then at
most every `PROGRESS_INTERVAL` seconds plus the first and last frame, so a
long clip does not flood the server. A failure comes back as a `RenderFailed`
whose message a person can read.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from app.local.renderer import RenderCancelled, RenderSpec, SourceImageError, render_video

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event

log = logging.getLogger("framecast.local.worker")

PROGRESS_INTERVAL = 0.1

ProgressMessage = tuple[str, int, int]
# None is the drain thread's signal to stop; workers never send it.
ProgressQueue: TypeAlias = "Queue[ProgressMessage | None]"

_progress: ProgressQueue | None = None
_stop: Event | None = None


class RenderFailed(Exception):
    """A render went wrong; `str()` is a sentence for the person who asked for it."""


def init_worker(progress: ProgressQueue, stop: Event) -> None:
    """Pool initializer: keep the progress queue and stop event; leave Ctrl-C to the server."""
    global _progress, _stop
    _progress = progress
    _stop = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(
        target=_exit_with_parent, args=(os.getppid(),), name="parent-watch", daemon=True
    ).start()


def _exit_with_parent(parent: int) -> None:
    # A server killed outright cannot stop its pool; orphaned workers end themselves.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def warm_up() -> None:
    """Nothing: submitting it makes the pool start a worker before the first real job."""


def _should_stop() -> bool:
    return _stop is not None and _stop.is_set()


def run_render(job_id: str, spec: RenderSpec, video_path: Path, poster_path: Path) -> None:
    """Render one job, reporting progress on the pool's queue."""
    last_sent = 0.0

    def on_progress(done: int, total: int) -> None:
        nonlocal last_sent
        now = time.monotonic()
        if done in (1, total) or now - last_sent >= PROGRESS_INTERVAL:
            last_sent = now
            if _progress is not None:
                _progress.put((job_id, done, total))

    if _progress is not None:
        _progress.put((job_id, 0, spec.frame_count))
    try:
        render_video(spec, video_path, poster_path, on_progress, _should_stop)
    except RenderCancelled:
        raise RenderFailed("The renderer was stopped before the video was finished.") from None
    except SourceImageError as exc:
        raise RenderFailed(str(exc)) from None
    except Exception as exc:
        log.exception("render %s failed", job_id)
        raise RenderFailed(
            f"The video could not be rendered ({type(exc).__name__}: {exc})."
        ) from None
