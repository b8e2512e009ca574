"""Benchmarks of the status engine alone (issue 3's figures and raw throughput).

- `bench_parse_throughput`: events/s through `SSEParser` + `parse_message` +
  the tracker's input (`JobTracker._on_message`, publishing a `JobUpdate` per
  event), in this process, from bytes cut into 4 KiB chunks; and the parser alone.
- `flood` (subprocess): one job whose server writes 20 000 progress events as
  fast as it can; events/s from the first to the last progress update the
  engine publishes, end to end over loopback; the floor reads the same flood.
- `concurrent` (subprocess): 50 jobs at once on one `JobManager`, each to a
  verified download; event-loop lag (a 5 ms ticker's overshoot) p50/p99/max.
- `idle` (subprocess): a live stream that sends nothing but a keepalive
  comment every 15 s; the engine process's CPU over 20 s of that, as % of a core.

The subprocess modes run with `BENCH_URL` and `BENCH_TOKEN` set, against the
bench server: `python -m tests.benchmarks.bench_engine flood|concurrent|idle`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest, parse_message
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import Downloader
from app.engine.manager import JobManager
from app.engine.sse import SSEParser
from app.engine.tracker import JobTracker
from app.engine.updates import JobState, JobUpdate
from app.store.history import AsyncHistoryStore, HistoryStore
from tests.benchmarks.bench_server import JobSpec, progress_of
from tests.benchmarks.followers import (
    Observed,
    _endpoint,
    _floor_job,
    create_config,
    percentile,
)

FLOOD_EVENTS = 20_000
CHUNK = 4096


# --------------------------------------------------------------------------- in process


def _stream_bytes(events: int) -> bytes:
    out = bytearray()
    for i in range(events):
        payload = {
            "type": "render_progress",
            "object": {"progress": progress_of(i, events), "t_ns": time.monotonic_ns()},
        }
        out += f"data: {json.dumps(payload, separators=(',', ':'))}\n\n".encode()
    return bytes(out)


async def _noop_persist(update: JobUpdate) -> None:
    return None


def _tracker(updates: list[JobUpdate]) -> JobTracker:
    # Only the input side runs: no client or downloader is touched by _on_message.
    return JobTracker(
        "bench",
        cast(SuperDuperClient, None),
        cast(Downloader, None),
        config=EngineConfig(),
        diagnostics=Diagnostics(),
        emit=updates.append,
        persist=_noop_persist,
        initial=JobUpdate(job_id="bench", state=JobState.QUEUED, file_id="f"),
    )


def bench_parse_throughput(events: int = 50_000, runs: int = 3) -> dict[str, object]:
    data = _stream_bytes(events)
    chunks = [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]
    full: list[float] = []
    parser_only: list[float] = []
    for _ in range(runs):
        parser = SSEParser()
        started = time.perf_counter()
        count = sum(len(parser.feed(c)) for c in chunks)
        parser_only.append(count / (time.perf_counter() - started))
        updates: list[JobUpdate] = []
        tracker = _tracker(updates)
        parser = SSEParser()
        started = time.perf_counter()
        for chunk in chunks:
            for event in parser.feed(chunk):
                tracker._on_message(parse_message(event.data))
        full.append(events / (time.perf_counter() - started))
        if len(updates) < events:
            raise RuntimeError(f"the tracker published {len(updates)} of {events} updates")
    return {
        "events": events,
        "runs": runs,
        "chunk_bytes": CHUNK,
        "events_per_s": [round(v) for v in full],
        "parser_only_events_per_s": [round(v) for v in parser_only],
    }


# --------------------------------------------------------------------------- subprocesses


class _Engine:
    """A JobManager as the app builds it (default config), in a temporary folder."""

    def __init__(self, tmp: Path) -> None:
        url, token = _endpoint()
        self.history = AsyncHistoryStore(HistoryStore(tmp / "history.db"))
        self.client = SuperDuperClient(url, token)
        self.manager = JobManager(
            self.client, self.history, videos_dir=tmp / "videos", config=EngineConfig()
        )

    async def submit(self, spec: JobSpec) -> str:
        return await self.manager.submit(GenerationRequest.model_validate(create_config(spec)))

    async def aclose(self) -> None:
        await self.manager.aclose()
        await self.client.aclose()
        await self.history.aclose()


async def _loop_lag(samples: list[float], stop: asyncio.Event, tick: float = 0.005) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        expected = loop.time() + tick
        await asyncio.sleep(tick)
        samples.append(max(0.0, loop.time() - expected) * 1000)


async def flood() -> dict[str, object]:
    spec = JobSpec(kind="flood", events=FLOOD_EVENTS, interval=0.0, lead=0.3)
    times: list[int] = []
    with tempfile.TemporaryDirectory(prefix="framecast-bench-") as tmp:
        engine = _Engine(Path(tmp))

        def on_update(update: JobUpdate) -> None:
            if update.progress is not None and update.state == JobState.PROCESSING:
                times.append(time.monotonic_ns())

        engine.manager.subscribe(on_update)
        try:
            job = await engine.submit(spec)
            final = await engine.manager.wait(job)
        finally:
            await engine.aclose()
    floor = Observed()
    await _floor_job(spec, floor)
    floor_times = [t for _, t in floor.progress]

    def rate(stamps: list[int]) -> float | None:
        if len(stamps) < 2:
            return None
        return round((len(stamps) - 1) / ((stamps[-1] - stamps[0]) / 1e9))

    return {
        "events": FLOOD_EVENTS,
        "engine_state": str(final.state),
        "engine_updates": len(times),
        "engine_events_per_s": rate(times),
        "floor_events_seen": len(floor_times),
        "floor_events_per_s": rate(floor_times),
    }


async def concurrent(jobs: int = 50, events: int = 50, interval: float = 0.1) -> dict[str, object]:
    spec = JobSpec(kind="concurrent", events=events, interval=interval)
    lag: list[float] = []
    stop = asyncio.Event()
    with tempfile.TemporaryDirectory(prefix="framecast-bench-") as tmp:
        engine = _Engine(Path(tmp))
        ticker = asyncio.create_task(_loop_lag(lag, stop))
        started = time.perf_counter()
        try:
            ids = [await engine.submit(spec) for _ in range(jobs)]
            finals = await asyncio.gather(*(engine.manager.wait(i) for i in ids))
        finally:
            stop.set()
            await ticker
            wall = time.perf_counter() - started
            diagnostics = engine.manager.diagnostics.as_dict()
            await engine.aclose()
    completed = sum(1 for f in finals if f.state == JobState.COMPLETED)
    return {
        "jobs": jobs,
        "events_per_job": events,
        "completed": completed,
        "wall_s": round(wall, 3),
        "lag_samples": len(lag),
        "loop_lag_ms_p50": round(statistics.median(lag), 3),
        "loop_lag_ms_p99": round(percentile(lag, 0.99), 3),
        "loop_lag_ms_max": round(max(lag), 3),
        "polls": diagnostics["polls"],
        "sse_connects": diagnostics["sse_connects"],
    }


async def idle(window: float = 20.0, settle: float = 3.0) -> dict[str, object]:
    spec = JobSpec(
        kind="idle", events=1, interval=0.05, result_at=settle + window + 2.0, keepalive=15.0
    )
    with tempfile.TemporaryDirectory(prefix="framecast-bench-") as tmp:
        engine = _Engine(Path(tmp))
        try:
            job = await engine.submit(spec)
            await asyncio.sleep(settle)
            snapshot = engine.manager.snapshot(job)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            await asyncio.sleep(window)
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
            transport = str(snapshot.transport) if snapshot else "?"
            final = await engine.manager.wait(job)
        finally:
            await engine.aclose()
    return {
        "window_s": round(wall, 3),
        "cpu_s": round(cpu, 5),
        "cpu_percent_of_core": round(100 * cpu / wall, 4),
        "transport": transport,
        "state": str(final.state),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Engine benchmarks against the bench server.")
    parser.add_argument("mode", choices=("flood", "concurrent", "idle", "parse"))
    parser.add_argument("--jobs", type=int, default=50)
    args = parser.parse_args(argv)
    if args.mode == "flood":
        result = asyncio.run(flood())
    elif args.mode == "concurrent":
        result = asyncio.run(concurrent(jobs=args.jobs))
    elif args.mode == "idle":
        result = asyncio.run(idle())
    else:
        result = bench_parse_throughput()
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
