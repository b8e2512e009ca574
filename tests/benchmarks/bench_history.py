"""Benchmark: a history of 10,000 entries in the window (issue 14, G).

Run with `python -m tests.benchmarks.bench_history [--reps N] [--entries N]`;
it prints one JSON dict. Each repetition seeds a fresh data folder with
`--entries` history rows (finished videos with posters, videos with no
poster whose thumbnail is decoded from a real clip, account videos,
failed and cancelled jobs, one in twenty a favourite), then starts a
fresh window process on it (offscreen unless a display is set up; the
backend is a stand-in that connects at once, as in bench_gui).

Figures per repetition, measured inside the window process:
- `visible_s`: from spawning `python` to the history panel's first paint;
  `loaded_s`: to every row in the history list (read off the GUI thread).
- `filter_ms`: each filter (Favourites, Ready, Failed, From my account,
  All) and each search (a word, a rare phrase, cleared) from the call to
  the result repainted; `filter_ms_max` is the slowest.
- `scroll_lag_ms_p99` (p50, max): event-loop lag while the grid scrolls at
  60 steps a second through the first few hundred cells, then jumps to the
  end and back, thumbnails being made as cells appear; a probe coroutine
  asks to wake every 5 ms and records how late it is.
- `rss_mb`: resident memory after all that.
- CPU beside the wall times, since a shared machine's load stretches those:
  `visible_cpu_s` (the process's CPU time to that first paint),
  `filter_cpu_ms_max` (the GUI thread's, for the slowest filter or search),
  `scroll_step_cpu_ms_p99` (the GUI thread's per scroll step and repaint);
  `load_average` is the machine's 1-minute load when the run ended.
Goals: visible < 1.5 s, RSS < 300 MB, filter or search < 50 ms, scroll lag
p99 < 16 ms.
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

from tests.benchmarks.child import child_result

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = 10_000
POSTERS = 40
CLIPS = 8
PHRASES = (
    "a red fox running through fresh snow at dawn",
    "paper lanterns drifting over a dark river",
    "aerial shot over a glacier lagoon",
    "espresso pouring into a white cup, steam rising",
    "neon city street in the rain",
    "a lighthouse on a cliff at dusk",
    "jellyfish drifting in blue light",
    "hot air balloons over a desert canyon",
    "cherry blossoms falling on a temple path",
    "northern lights over a frozen lake",
)


def seed(entries: int, data: Path) -> None:
    """The parent, before the window starts: `entries` rows and their files."""
    os.environ["FRAMECAST_DATA_DIR"] = str(data)
    from PIL import Image

    from app.store import paths
    from app.store.history import ACCOUNT, HistoryStore, JobRecord
    from tests.support.media import make_test_video

    videos = paths.videos_dir()
    posters = []
    for n in range(POSTERS):
        poster = videos / f"poster-{n}.jpg"
        Image.new("RGB", (640, 360), (n * 6 % 255, 90, 200 - n * 4)).save(poster, quality=80)
        posters.append(poster)
    clips = [
        make_test_video(videos / f"clip-{n}.mp4", seconds=2, width=320, height=180)
        for n in range(CLIPS)
    ]
    with HistoryStore() as store:
        store._conn.execute("BEGIN")  # one transaction: seeding is not what is measured
        for i in range(entries):
            state, origin, poster, video = "completed", "local", None, None
            if i % 10 == 3:
                state = "failed"
            elif i % 25 == 9:
                state = "cancelled"
            elif i % 5 == 1:
                origin, poster = ACCOUNT, posters[i % POSTERS]
            elif i % 3 == 0:
                video = clips[i % CLIPS]
            else:
                poster, video = posters[i % POSTERS], clips[i % CLIPS]
            store.insert(
                JobRecord(
                    job_id=f"bench-{i:05d}",
                    prompt=f"{PHRASES[i % len(PHRASES)]}, take {i}",
                    model="bench/t2v",
                    state=state,
                    origin=origin,
                    file_id=f"file-{i}" if origin == ACCOUNT else None,
                    local_path=str(video) if video else None,
                    thumbnail_path=str(poster) if poster else None,
                    error_kind="render" if state == "failed" else None,
                    created_at=f"2026-{1 + i // 2000:02d}-{1 + i // 100 % 20:02d}T"
                    f"{i // 10 % 10:02d}:{i % 10:02d}:00.000000+00:00",
                    favourite=i % 20 == 0,
                )
            )
        store._conn.execute("COMMIT")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def window(entries: int, spawned_at: float) -> dict[str, object]:
    """The child: the window on the seeded history, measured from inside."""
    import qasync
    from PySide6.QtCore import QEvent, QObject

    from app.store.history import AsyncHistoryStore
    from app.store.settings import load_settings
    from app.ui.history_panel import GRID, HistoryPanel
    from app.ui.main import create_application
    from app.ui.main_window import MainWindow
    from app.ui.models.history import HistoryFilter
    from tests.benchmarks.bench_gui import rss_mb, wait_until
    from tests.ui.fakes import fake_session_factory

    app = create_application()
    app.setQuitOnLastWindowClosed(False)
    painted: list[float] = []

    painted_cpu: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
                painted_cpu.append(time.process_time())
            return False

    cpu: dict[str, float] = {}

    def timed(name: str, action: Callable[[], object], panel: HistoryPanel) -> float:
        """Wall time of `action` and the list repainted with its result (the
        thread's CPU time too: on a busy machine it says what the work costs)."""
        started, thread_started = time.perf_counter(), time.thread_time()
        action()
        panel.current_view().viewport().repaint()  # painted now, not at the next turn
        cpu[name] = (time.thread_time() - thread_started) * 1000
        return (time.perf_counter() - started) * 1000

    async def main() -> dict[str, object]:
        history = AsyncHistoryStore()
        win = MainWindow(history, load_settings(), session_factory=fake_session_factory)
        win.resize(1440, 880)
        watch = PaintWatch()
        win.historyPanel.installEventFilter(watch)
        win.show()
        win.spawn(win.start())
        await wait_until(lambda: painted, 20)
        await wait_until(lambda: win.historyModel.rowCount() >= entries, 60)
        loaded = time.time()
        panel = win.historyPanel
        await asyncio.sleep(0.3)
        filters: dict[str, float] = {}
        for kind in (*list(HistoryFilter)[1:], HistoryFilter.ALL):
            name = f"filter_{kind.value}"
            filters[name] = timed(name, lambda k=kind: panel.set_filter(k), panel)
            rows = panel.history.rowCount()
            if kind is HistoryFilter.FAVOURITES and rows != entries // 20:
                raise RuntimeError(f"{rows} favourites shown, not {entries // 20}")
            await asyncio.sleep(0.05)
        for name, text in (
            ("search_word", "lanterns"),
            ("search_rare", "take 9999"),
            ("search_cleared", ""),
        ):
            filters[name] = timed(name, lambda t=text: panel.searchEdit.setText(t), panel)
            await asyncio.sleep(0.05)
        panel.set_view_mode(GRID)
        grid = panel.historyGrid
        await asyncio.sleep(0.5)
        lateness: list[float] = []
        done = False

        async def probe() -> None:
            while not done:
                asked = time.perf_counter()
                await asyncio.sleep(0.005)
                lateness.append((time.perf_counter() - asked - 0.005) * 1000)

        prober = asyncio.ensure_future(probe())
        bar = grid.verticalScrollBar()
        steps: list[float] = []  # the GUI thread's CPU time for a step and its repaint
        for _ in range(300):  # a wheel-like scroll through the first few hundred cells
            before = time.thread_time()
            bar.setValue(bar.value() + 60)
            grid.viewport().repaint()
            steps.append((time.thread_time() - before) * 1000)
            await asyncio.sleep(1 / 60)
        for value in (bar.maximum(), bar.maximum() // 2, 0):  # the scroll bar dragged
            bar.setValue(value)
            await asyncio.sleep(0.5)
        done = True
        await prober
        made = sum(1 for r in win.historyModel.records()[:400] if panel.thumbnails.has_picture(r))
        result: dict[str, object] = {
            "entries": win.historyModel.rowCount(),
            "visible_s": round(painted[0] - spawned_at, 3),
            "visible_cpu_s": round(painted_cpu[0], 3),
            "loaded_s": round(loaded - spawned_at, 3),
            **{key: round(value, 2) for key, value in filters.items()},
            "filter_ms_max": round(max(filters.values()), 2),
            "filter_cpu_ms_max": round(max(cpu.values()), 2),
            "scroll_lag_ms_p99": round(percentile(lateness, 0.99), 2),
            "scroll_lag_ms_p50": round(percentile(lateness, 0.50), 2),
            "scroll_lag_ms_max": round(max(lateness), 2),
            "probes": len(lateness),
            "scroll_step_cpu_ms_p99": round(percentile(steps, 0.99), 2),
            "load_average": round(os.getloadavg()[0], 1),
            "thumbnails_made": made,
            "rss_mb": round(rss_mb(), 1),
        }
        win.close()
        await win.shutdown()
        await history.aclose()
        return result

    return dict(qasync.run(main()))


def one_window(entries: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("FRAMECAST_", "SUPERDUPERAI_"))
        }
        env.update(
            FRAMECAST_DATA_DIR=f"{tmp}/data",
            FRAMECAST_CONFIG_DIR=f"{tmp}/config",
            PYTHONPATH=str(ROOT),
        )
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        module = [sys.executable, "-m", "tests.benchmarks.bench_history", "--entries", str(entries)]
        subprocess.run(
            [*module, "--seed", f"{tmp}/data"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        env["FRAMECAST_BENCH_SPAWNED_AT"] = repr(time.time())
        proc = subprocess.run(
            [*module, "--window"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    return child_result(proc, "window")


def bench_history(reps: int = 3, entries: int = ENTRIES) -> dict[str, object]:
    runs = [one_window(entries) for _ in range(reps)]

    def median(key: str) -> float:
        return round(statistics.median(float(r[key]) for r in runs), 3)  # type: ignore[arg-type]

    keys = (
        "visible_s",
        "visible_cpu_s",
        "loaded_s",
        "rss_mb",
        "filter_ms_max",
        "filter_cpu_ms_max",
        "scroll_lag_ms_p99",
        "scroll_step_cpu_ms_p99",
        "load_average",
    )
    return {
        "entries": entries,
        **{f"{key}_median": median(key) for key in keys},
        **{key: [r[key] for r in runs] for key in keys},
        "runs": runs,
        "reps": reps,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--seed", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--window", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.seed:
        seed(args.entries, args.seed)
        return 0
    if args.window:
        spawned_at = float(os.environ["FRAMECAST_BENCH_SPAWNED_AT"])
        print(json.dumps(window(args.entries, spawned_at)), flush=True)
        sys.stdout.flush()
        os._exit(0)  # as bench_library: interpreter teardown of Qt is not measured
    print(json.dumps(bench_history(args.reps, args.entries)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
