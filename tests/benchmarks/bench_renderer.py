"""Benchmarks of the built-in renderer: encoding speed and server latency while encoding.

Run with `python -m tests.benchmarks.bench_renderer`; it prints one JSON dict.

- `bench_realtime_factor`: a 5 s 1280x720 24 fps clip rendered three times in
  this process; the realtime factor is clip seconds over wall seconds (above
  1 means faster than realtime), from the median run.
- `bench_poll_latency_during_render`: a real `framecast serve` child process,
  a 720p render started on it, and `GET file/{id}` sent every ~10 ms over one
  keep-alive connection until the render finishes; p50/p99/max in ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from app.local.launcher import LocalRendererProcess
from app.local.renderer import RenderSpec, render_video

HD_CLIP = RenderSpec(
    prompt="a lighthouse beam sweeps across a stormy night sea",
    width=1280,
    height=720,
    fps=24,
    duration=5,
    seed=1,
    style="neon",
)


def bench_realtime_factor(runs: int = 3) -> dict[str, float | int]:
    walls: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            started = time.perf_counter()
            render_video(HD_CLIP, Path(tmp) / f"{i}.mp4", Path(tmp) / f"{i}.jpg")
            walls.append(time.perf_counter() - started)
    median = statistics.median(walls)
    return {
        "clip_seconds": HD_CLIP.duration,
        "frames": HD_CLIP.frame_count,
        "runs": runs,
        "wall_seconds_median": round(median, 3),
        "wall_seconds_min": round(min(walls), 3),
        "realtime_factor": round(HD_CLIP.duration / median, 3),
        "frames_per_second": round(HD_CLIP.frame_count / median, 1),
    }


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def _poll_during_render(interval: float, limit_seconds: float) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        async with LocalRendererProcess.start(Path(tmp)) as renderer:
            headers = {"Authorization": f"Bearer {renderer.token}"}
            async with httpx.AsyncClient(
                base_url=renderer.url + "/api/v1", headers=headers, timeout=10
            ) as http:
                # One warm-up render so worker start-up is not measured as rendering.
                config = {
                    "prompt": HD_CLIP.prompt,
                    "generation_config_name": "local/sketch-t2v",
                    "width": 1280,
                    "height": 720,
                    "frame_rate": 24,
                    "seed": 1,
                    "style_name": "neon",
                }
                await _render(http, {**config, "duration": 2}, [], interval, limit_seconds)
                latencies: list[float] = []
                started = time.perf_counter()
                await _render(http, {**config, "duration": 5}, latencies, interval, limit_seconds)
                render_seconds = time.perf_counter() - started
    return {
        "polls": len(latencies),
        "render_seconds": round(render_seconds, 3),
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(max(latencies) * 1000, 2),
    }


async def _render(
    http: httpx.AsyncClient,
    config: dict[str, object],
    latencies: list[float],
    interval: float,
    limit_seconds: float,
) -> None:
    response = await http.post("/file/generate-video", json={"config": config})
    response.raise_for_status()
    file_id = response.json()["id"]
    deadline = time.perf_counter() + limit_seconds
    while time.perf_counter() < deadline:
        sent = time.perf_counter()
        body = (await http.get(f"/file/{file_id}")).json()
        latencies.append(time.perf_counter() - sent)
        status = body["tasks"][-1]["status"]
        if status != "in_progress":
            if status != "completed":
                raise RuntimeError(f"render failed: {body.get('error')}")
            return
        await asyncio.sleep(interval)
    raise RuntimeError("render did not finish in time")


def bench_poll_latency_during_render(
    interval: float = 0.01, limit_seconds: float = 120
) -> dict[str, float | int]:
    return asyncio.run(_poll_during_render(interval, limit_seconds))


def main() -> None:
    results = {
        "realtime_factor": bench_realtime_factor(),
        "poll_latency_during_render": bench_poll_latency_during_render(),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
