"""Benchmarks of the desktop window (issue 4). Functions, not tests.

    python -m tests.benchmarks.bench_gui [--quick]    # prints one JSON dict

- `launch_seconds`: from spawning `python` to the main window shown and
  painted (a fresh process each time; the backend connects afterwards, in
  the background, as in the app). Median of 3.
- `loop_lag_p99_ms`: qasync event-loop lag while 10 fake jobs push 50 updates
  a second each through the real bridge into the real window (cards, history
  rows); a probe coroutine asks to wake every 5 ms and records how late it is.
- `rss_mb`: resident memory of a process showing the window with 100 history
  entries, their poster thumbnails loaded.
- `first_frame_ms`: from the engine's terminal update reaching the bridge to
  the first decoded frame of the downloaded file arriving at the player's
  `QVideoSink`. Median over several completions.

Runs offscreen (`QT_QPA_PLATFORM=offscreen`) unless a display is set up.
Each figure is measured in its own child process so they do not disturb
one another.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from tests.benchmarks.child import child_result  # noqa: E402
from tests.ui.fakes import FakeEngine, fake_session_factory  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


async def wait_until(condition: Callable[[], object], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.002)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --------------------------------------------------------------------------- child processes


def child_launch(spawned_at: float) -> dict[str, float]:
    """Import, build and show the window; report when its first paint is done."""
    import qasync
    from PySide6.QtCore import QEvent, QObject

    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.main import create_application
    from app.ui.main_window import MainWindow

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
            return False

    async def main() -> dict[str, float]:
        history = AsyncHistoryStore()
        window = MainWindow(history, load_settings(), session_factory=fake_session_factory)
        watch = PaintWatch()
        window.form.generateButton.installEventFilter(watch)
        window.show()
        await wait_until(lambda: painted, 10)
        shown = painted[0]
        window.close()
        await window.shutdown()
        await history.aclose()
        return {"launch_seconds": shown - spawned_at}

    return dict(qasync.run(main()))


def child_lag(seconds: float) -> dict[str, float]:
    import qasync

    from app.engine.updates import ConnectionState, JobState, JobUpdate, Stage, Transport
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.main import create_application
    from app.ui.main_window import MainWindow

    app = create_application()
    app.setQuitOnLastWindowClosed(False)

    async def main() -> dict[str, float]:
        history = AsyncHistoryStore()
        window = MainWindow(history, load_settings(), session_factory=fake_session_factory)
        window.resize(1440, 880)
        window.show()
        await window.start()
        session = window.connection.session
        assert session is not None
        engine: FakeEngine = session.manager  # type: ignore[assignment]
        stop = time.monotonic() + seconds
        sent = [0]

        async def job(index: int) -> None:
            job_id = f"bench-{index}"
            step = 0
            next_at = time.monotonic()
            while time.monotonic() < stop:
                step += 1
                engine.emit(
                    JobUpdate(
                        job_id=job_id,
                        state=JobState.PROCESSING,
                        progress=min(0.999, step / 2000),
                        stage=Stage.RENDERING,
                        server_progress=f"frame {step}",
                        transport=Transport.SSE,
                        connection=ConnectionState.LIVE,
                    )
                )
                sent[0] += 1
                next_at += 0.02  # 50 updates a second
                await asyncio.sleep(max(0.0, next_at - time.monotonic()))

        lateness: list[float] = []

        async def probe() -> None:
            while time.monotonic() < stop:
                asked = time.perf_counter()
                await asyncio.sleep(0.005)
                lateness.append((time.perf_counter() - asked - 0.005) * 1000)

        emitted_before = window.jobs.bridge.emitted
        started = time.monotonic()
        await asyncio.gather(probe(), *(job(i) for i in range(10)))
        elapsed = time.monotonic() - started
        result = {
            "loop_lag_p99_ms": round(percentile(lateness, 0.99), 2),
            "loop_lag_p50_ms": round(percentile(lateness, 0.50), 2),
            "loop_lag_max_ms": round(max(lateness), 2),
            "updates_per_second_in": round(sent[0] / elapsed, 1),
            "signals_per_second_out": round(
                (window.jobs.bridge.emitted - emitted_before) / elapsed, 1
            ),
            "cards": len(window.progress.cards()),
        }
        window.close()
        await window.shutdown()
        await history.aclose()
        return result

    return dict(qasync.run(main()))


def child_rss(entries: int) -> dict[str, float]:
    import qasync
    from PIL import Image

    from app.store import paths
    from app.store.history import AsyncHistoryStore, HistoryStore, JobRecord
    from app.store.settings import load_settings
    from app.ui.main import create_application
    from app.ui.main_window import MainWindow

    videos = paths.videos_dir()
    store = HistoryStore()
    for i in range(entries):
        thumb = videos / f"bench-{i}.jpg"
        Image.new("RGB", (1280, 720), (i * 2 % 255, 90, 160)).save(thumb, quality=80)
        store.insert(
            JobRecord(
                job_id=f"bench-{i:03d}",
                prompt=f"Benchmark prompt number {i}, a slow pan across a misty valley at sunrise",
                model="bench/t2v",
                state="completed",
                progress=1.0,
                local_path=str(videos / f"bench-{i}.mp4"),
                thumbnail_path=str(thumb),
            )
        )
    store.close()
    app = create_application()
    app.setQuitOnLastWindowClosed(False)

    async def main() -> dict[str, float]:
        history = AsyncHistoryStore()
        window = MainWindow(history, load_settings(), session_factory=fake_session_factory)
        window.resize(1440, 880)
        window.show()
        await window.start()
        await wait_until(lambda: len(window.historyPanel.records()) == entries, 20)
        # Scroll through the list so every row's thumbnail is decoded and cached.
        lst = window.historyPanel.historyList
        for row in range(0, entries, 3):
            lst.scrollTo(window.historySearch.index(row, 0))
            lst.viewport().repaint()
            await asyncio.sleep(0.01)
        thumbs = window.historyPanel._thumbs
        await wait_until(lambda: thumbs and all(v is not None for v in thumbs.values()), 30)
        await asyncio.sleep(0.3)
        result = {
            "rss_mb": round(rss_mb(), 1),
            "history_entries": entries,
            "thumbnails_loaded": len(thumbs),
        }
        window.close()
        await window.shutdown()
        await history.aclose()
        return result

    return dict(qasync.run(main()))


def child_first_frame(repeats: int) -> dict[str, float]:
    import qasync

    from app.engine.updates import JobState, JobUpdate
    from app.local.renderer import RenderSpec, render_video
    from app.store import paths
    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.main import create_application
    from app.ui.main_window import MainWindow

    videos = paths.videos_dir()
    clips = []
    for i in range(repeats):
        clip = videos / f"clip-{i}.mp4"
        render_video(
            RenderSpec(
                prompt=f"first frame {i}", width=1280, height=720, fps=24, duration=2, seed=i
            ),
            clip,
            videos / f"clip-{i}.jpg",
        )
        clips.append(clip)
    app = create_application()
    app.setQuitOnLastWindowClosed(False)

    async def main() -> dict[str, float]:
        history = AsyncHistoryStore()
        window = MainWindow(history, load_settings(), session_factory=fake_session_factory)
        window.resize(1440, 880)
        window.show()
        await window.start()
        engine: FakeEngine = window.connection.session.manager  # type: ignore[union-attr]
        sink = window.player.videoWidget.videoSink()
        times: list[float] = []
        for i, clip in enumerate(clips):
            window.player.clear()
            await asyncio.sleep(0.1)
            frames: list[float] = []

            def on_frame(frame: Any, frames: list[float] = frames) -> None:
                if frame.isValid() and not frames:
                    frames.append(time.perf_counter())

            sink.videoFrameChanged.connect(on_frame)
            started = time.perf_counter()
            engine.emit(
                JobUpdate(
                    job_id=f"done-{i}",
                    state=JobState.COMPLETED,
                    progress=1.0,
                    path=str(clip),
                    thumbnail=str(clip.with_suffix(".jpg")),
                )
            )
            await wait_until(lambda frames=frames: frames, 10)
            sink.videoFrameChanged.disconnect(on_frame)
            times.append((frames[0] - started) * 1000)
        window.close()
        await window.shutdown()
        await history.aclose()
        return {
            "first_frame_ms": round(statistics.median(times), 1),
            "first_frame_ms_max": round(max(times), 1),
            "first_frame_ms_cold": round(times[0], 1),
            "completions": len(times),
        }

    return dict(qasync.run(main()))


# --------------------------------------------------------------------------- driver


def _run_child(kind: str, *args: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "FRAMECAST_DATA_DIR": f"{tmp}/data",
            "FRAMECAST_CONFIG_DIR": f"{tmp}/config",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("SUPERDUPERAI_URL", None)
        env.pop("SUPERDUPERAI_TOKEN", None)
        env["FRAMECAST_BENCH_SPAWNED_AT"] = repr(time.time())
        proc = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_gui", "--child", kind, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return child_result(proc, kind)


def bench_launch(runs: int = 3) -> dict[str, float]:
    values = [_run_child("launch")["launch_seconds"] for _ in range(runs)]
    return {
        "launch_seconds": round(statistics.median(values), 3),
        "launch_seconds_max": round(max(values), 3),
        "launch_runs": runs,
    }


def bench_loop_lag(seconds: float = 8.0) -> dict[str, float]:
    return _run_child("lag", str(seconds))


def bench_rss(entries: int = 100) -> dict[str, float]:
    return _run_child("rss", str(entries))


def bench_first_frame(repeats: int = 5) -> dict[str, float]:
    return _run_child("first_frame", str(repeats))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "launch":
            result = child_launch(float(os.environ["FRAMECAST_BENCH_SPAWNED_AT"]))
        elif kind == "lag":
            result = child_lag(float(rest[0]))
        elif kind == "rss":
            result = child_rss(int(rest[0]))
        else:
            result = child_first_frame(int(rest[0]))
        print(json.dumps(result), flush=True)
        sys.stderr.flush()
        # Skip interpreter finalisation: tearing down Qt objects at exit is
        # not what is measured, and PySide6 may crash there (refcount bug).
        os._exit(0)
    figures: dict[str, float] = {}
    figures.update(bench_launch(2 if args.quick else 3))
    figures.update(bench_loop_lag(3.0 if args.quick else 8.0))
    figures.update(bench_rss(100))
    figures.update(bench_first_frame(3 if args.quick else 5))
    figures["platform"] = os.environ.get("QT_QPA_PLATFORM", "")  # type: ignore[assignment]
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
