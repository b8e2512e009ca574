"""Benchmarks of the media engine (app.media): exports, scrub strips, frames (issue 14).

Run with `python -m tests.benchmarks.bench_media [--reps N]`; it prints one
JSON dict on its last line.

The clips are rendered once by the built-in renderer (app.local.renderer:
H.264 yuv420p, CRF 23, one keyframe, B-frames, no sound): 10 s and 5 s of
1280x720 at 24 fps. Each figure is the median of `reps` runs, in wall and
CPU seconds (all threads; on a busy shared machine CPU is the steadier one):

- `exports`: the whole 10 s clip to MP4 by copying packets, to MP4
  re-encoded (libx264, `allow_copy=False`), to GIF (12 fps, 480 px wide) and
  to WebM (VP9); seconds, the ratio to realtime (clip seconds over wall
  seconds, and over CPU seconds: above 1 is faster than realtime) and the
  file's size.
- `scrub`: a strip of 24 and of 48 thumbnails 160 px wide from each clip,
  extracted cold (no cache), and a hit of the disk cache.
- `frames`: `frame_at` mid-clip and `last_frame` of the 10 s clip.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.local.renderer import RenderSpec, render_video
from app.media import (
    ExportResult,
    ScrubCache,
    export_clip,
    frame_at,
    last_frame,
    probe,
    scrub_frames,
)

CLIP = RenderSpec(
    prompt="a lighthouse beam sweeps across a stormy night sea",
    width=1280,
    height=720,
    fps=24,
    duration=10,
    seed=1,
    style="neon",
)
SHORT = dataclasses.replace(CLIP, duration=5)
THUMB_WIDTH = 160


def _render(spec: RenderSpec, folder: Path) -> Path:
    video = folder / f"clip-{spec.duration}s.mp4"
    render_video(spec, video, folder / f"poster-{spec.duration}s.jpg")
    return video


@dataclass(frozen=True)
class Timing:
    """Median wall and CPU seconds (CPU of every thread: FFmpeg's too) of `reps` runs."""

    wall_s: float
    cpu_s: float
    walls: list[float]
    cpus: list[float]

    def figures(self) -> dict[str, object]:
        return {"wall_s": self.wall_s, "cpu_s": self.cpu_s, "walls": self.walls, "cpus": self.cpus}


def _timed(action: Callable[[int], object], reps: int) -> Timing:
    walls, cpus = [], []
    for rep in range(reps):
        cpu, started = time.process_time(), time.perf_counter()
        action(rep)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return Timing(
        round(statistics.median(walls), 4),
        round(statistics.median(cpus), 4),
        [round(w, 4) for w in walls],
        [round(c, 4) for c in cpus],
    )


def _export(
    clip: Path,
    folder: Path,
    name: str,
    kind: str,
    allow_copy: bool,
    seconds: float,
    results: list[ExportResult],
    rep: int,
) -> None:
    target = folder / f"{name}-{rep}.{kind}"
    results.append(export_clip(clip, target, 0.0, seconds, kind, allow_copy=allow_copy))


def bench_exports(clip: Path, folder: Path, reps: int) -> dict[str, dict[str, object]]:
    seconds = probe(clip).duration
    out: dict[str, dict[str, object]] = {}
    for name, kind, allow_copy in (
        ("mp4_copy", "mp4", True),
        ("mp4_reencode", "mp4", False),
        ("gif", "gif", True),
        ("webm", "webm", True),
    ):
        results: list[ExportResult] = []
        action = functools.partial(_export, clip, folder, name, kind, allow_copy, seconds, results)
        timing = _timed(action, reps)
        result = results[-1]
        assert result.copied == (name == "mp4_copy"), name
        out[name] = {
            **timing.figures(),
            "realtime_ratio": round(seconds / timing.wall_s, 2),
            "realtime_ratio_per_cpu": round(seconds / timing.cpu_s, 2),
            "size_bytes": result.size_bytes,
            "frames": result.frames,
        }
    return out


def bench_scrub(clips: dict[str, Path], folder: Path, reps: int) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for label, clip in clips.items():
        for count in (24, 48):
            timing = _timed(
                lambda _rep, clip=clip, count=count: scrub_frames(clip, count, THUMB_WIDTH), reps
            )
            out[f"{label}_{count}"] = timing.figures()
    cache = ScrubCache(folder / "scrub-cache")
    clip = clips["10s"]
    cache.strip(clip, 48, THUMB_WIDTH)  # the miss that fills it
    hit = _timed(lambda _rep: cache.strip(clip, 48, THUMB_WIDTH), max(reps, 5))
    out["10s_48_cache_hit"] = hit.figures()
    return out


def bench_frames(clip: Path, reps: int) -> dict[str, dict[str, object]]:
    return {
        "frame_at_7_3s": _timed(lambda _rep: frame_at(clip, 7.3), reps).figures(),
        "last_frame": _timed(lambda _rep: last_frame(clip), reps).figures(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="framecast-bench-media-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        clip, short = _render(CLIP, folder), _render(SHORT, folder)
        render_s = time.perf_counter() - started
        info = probe(clip)
        results = {
            "clip": {
                "seconds": round(info.duration, 3),
                "width": info.width,
                "height": info.height,
                "frames": info.frame_count,
                "keyframes": len(info.keyframes),
                "b_frames": info.reordered,
                "size_bytes": clip.stat().st_size,
                "render_s": round(render_s, 2),
            },
            "reps": args.reps,
            "exports": bench_exports(clip, folder, args.reps),
            "scrub": bench_scrub({"10s": clip, "5s": short}, folder, args.reps),
            "frames": bench_frames(clip, args.reps),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
