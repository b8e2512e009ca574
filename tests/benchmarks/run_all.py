"""`make bench`: every benchmark of Framecast in one run, on loopback, one table.

    python -m tests.benchmarks.run_all           # the full run (about 6-8 minutes)
    python -m tests.benchmarks.run_all --quick   # one repetition, short jobs

What runs, in order (each in its own process, so CPU is accounted cleanly):
1. The bench server (`bench_server`), a separate process for the whole run.
2. The healthy job through each follower (`followers`) in turn, never two at
   once, so update latency is measured on a quiet machine.
3. Engine throughput: parsing in process, then a 20 000-event flood end to end.
4. In parallel, because the web client's 60 s SSE wait is its documented
   behaviour and is run for real: the long job (all four followers), the
   stream-dies and stream-silent jobs (every follower but the floor, which has
   no recovery strategy), and the engine's CPU on a silent live stream.
   These run their repetitions as concurrent jobs in one process per follower.
5. 50 concurrent engine jobs with event-loop lag, on a quiet machine again.
6. The renderer (`bench_renderer`) and, when it exists, the GUI (`bench_gui`).
7. The catalogue (`bench_catalogue`): 25 models and 240 styles in pages of 10,
   from a fresh client to a ready list.
8. The media engine (`bench_media`, issue 14): a 10 s 720p24 clip from the
   built-in renderer exported whole to MP4 (packets copied, and re-encoded),
   GIF and WebM, with the ratio to realtime; scrub strips of 5 s and 10 s
   clips; frame_at and last_frame.
9. The account's library (`bench_library`): 1,000 videos imported into a
   running window, with its event-loop lag.
10. A history of 10,000 entries (`bench_history`, issue 14): window visible,
   RSS, filter and search times, event-loop lag while the grid scrolls.

Every figure is the median of its repetitions; its relative spread
((max - min) / median) says how noisy it was. Output: a printed table,
`tests/benchmarks/results/bench-<date>.json` and `latest.json`, and
`tests/benchmarks/RESULTS.md` (the table in Markdown, with the goals).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tests.benchmarks.bench_server import JobSpec

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = HERE / "results"
FOLLOWER_LABELS = {
    "framecast": "Framecast",
    "webclient": "Web client",
    "polling": "Polling 0.5 s",
    "floor": "Floor (socket)",
}
JOB_LABELS = {
    "healthy": "healthy",
    "dies": "stream ended",
    "cut": "stream cut",
    "silent": "stream silent",
    "long": "long (10 min sim.)",
}
#: Below these medians a relative spread measures scheduler jitter, not the figure.
NOISE_FLOORS = {"completion_s": 0.05, "failover_s": 0.05, "cpu_s": 0.02}
KEYS = (
    "latency_ms_p50",
    "latency_ms_p99",
    "completion_s",
    "failover_s",
    "requests",
    "bytes",
    "duplicates",
    "cpu_s",
)
console = Console(width=None if sys.stdout.isatty() else 150)

Number = float | int
Figures = dict[str, object]


@dataclass(frozen=True)
class Plan:
    quick: bool
    healthy: JobSpec
    long: JobSpec
    dies: JobSpec
    cut: JobSpec
    silent: JobSpec
    healthy_rounds: int
    parallel_jobs: int
    reps: int

    @classmethod
    def make(cls, quick: bool) -> Plan:
        if quick:
            return cls(
                quick,
                JobSpec("healthy", 60, 0.05),
                JobSpec("long", 600, 0.05),
                JobSpec("dies", 9, 0.47, fault="die"),
                JobSpec("cut", 9, 0.47, fault="cut"),
                JobSpec("silent", 9, 0.47, fault="silent"),
                1,
                1,
                1,
            )
        return cls(
            quick,
            JobSpec("healthy", 160, 0.05),
            JobSpec("long", 600, 0.15),
            JobSpec("dies", 21, 0.93, fault="die"),
            JobSpec("cut", 21, 0.93, fault="cut"),
            JobSpec("silent", 21, 0.93, fault="silent"),
            3,
            3,
            3,
        )


# --------------------------------------------------------------------------- processes


def _env(url: str, token: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FRAMECAST_", "SUPERDUPERAI_"))}
    env.update(BENCH_URL=url, BENCH_TOKEN=token, PYTHONPATH=str(ROOT))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


@contextlib.contextmanager
def bench_server() -> Iterator[tuple[str, str]]:
    token = secrets.token_urlsafe(18)
    env = _env("", token)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.bench_server"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"the bench server did not start: {line!r}")
        yield line.split()[-1], token
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _start(module: str, args: Sequence[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str], what: str, timeout: float = 600) -> object:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError(f"{what}: timed out after {timeout:g} s") from None
    if proc.returncode != 0:
        raise RuntimeError(f"{what}: exit {proc.returncode}: {err.strip()[-800:]}")
    lines = [line for line in out.strip().splitlines() if line.strip()]
    if not lines:
        raise RuntimeError(f"{what}: printed nothing")
    try:
        return json.loads(lines[-1])
    except ValueError:
        return json.loads(out)


def _follow(
    follower: str, spec: JobSpec, env: dict[str, str], *, rounds: int = 1, parallel: int = 1
) -> subprocess.Popen[str]:
    return _start(
        "tests.benchmarks.followers",
        [follower, json.dumps(asdict(spec)), "--rounds", str(rounds), "--parallel", str(parallel)],
        env,
    )


# --------------------------------------------------------------------------- statistics


def summarise(values: Sequence[Number | None]) -> dict[str, object]:
    """Median of the repetitions, with their spread."""
    present = [float(v) for v in values if v is not None]
    if not present:
        return {"median": None, "spread": None, "n": 0}
    median = statistics.median(present)
    spread = (max(present) - min(present)) / median if len(present) > 1 and median > 0 else None
    return {
        "median": round(median, 6),
        "spread": round(spread, 3) if spread is not None else None,
        "n": len(present),
    }


def row_of(jobs: list[Figures]) -> Figures:
    row: Figures = {}
    spread: dict[str, float | None] = {}
    for key in KEYS:
        summary = summarise([j.get(key) for j in jobs])  # type: ignore[misc]
        row[key] = summary["median"]
        spread[key] = summary["spread"]  # type: ignore[assignment]
    extra = summarise([j.get("first_poll_after_failure_s") for j in jobs])  # type: ignore[misc]
    row["first_poll_after_failure_s"] = extra["median"]
    row["requests_total"] = summarise([j.get("requests_total") for j in jobs])["median"]  # type: ignore[misc]
    row["reps"] = len(jobs)
    row["spread"] = spread
    row["jobs"] = jobs
    return row


# --------------------------------------------------------------------------- phases


def run_followers(plan: Plan, env: dict[str, str]) -> dict[str, dict[str, Figures]]:
    results: dict[str, dict[str, Figures]] = {f: {} for f in FOLLOWER_LABELS}
    for follower in FOLLOWER_LABELS:
        console.log(f"healthy job x{plan.healthy_rounds}: {FOLLOWER_LABELS[follower]}")
        jobs = _finish(
            _follow(follower, plan.healthy, env, rounds=plan.healthy_rounds), f"{follower}/healthy"
        )
        results[follower]["healthy"] = row_of(jobs)  # type: ignore[arg-type]
    return results


def run_parallel_phase(
    plan: Plan, env: dict[str, str], results: dict[str, dict[str, Figures]]
) -> dict[str, object]:
    running: dict[tuple[str, str], subprocess.Popen[str]] = {}
    for follower in FOLLOWER_LABELS:
        for job, spec in (
            ("long", plan.long),
            ("dies", plan.dies),
            ("cut", plan.cut),
            ("silent", plan.silent),
        ):
            if follower == "floor" and job != "long":
                continue
            running[(follower, job)] = _follow(follower, spec, env, parallel=plan.parallel_jobs)
    idles = [_start("tests.benchmarks.bench_engine", ["idle"], env) for _ in range(plan.reps)]
    console.log(
        f"long, stream-dies and stream-silent jobs: {len(running)} followers in "
        "parallel (the web client waits its 60 s for real) + engine idle CPU"
    )
    for (follower, job), proc in running.items():
        jobs = _finish(proc, f"{follower}/{job}")
        results[follower][job] = row_of(jobs)  # type: ignore[arg-type]
    idle_results = [_finish(idle, "engine idle") for idle in idles]
    return {"runs": idle_results}


def run_engine(plan: Plan, env: dict[str, str]) -> dict[str, object]:
    console.log("engine: parse throughput, flood over loopback")
    parse = _finish(_start("tests.benchmarks.bench_engine", ["parse"], env), "engine parse")
    floods = [
        _finish(_start("tests.benchmarks.bench_engine", ["flood"], env), "engine flood")
        for _ in range(plan.reps)
    ]
    assert isinstance(parse, dict)
    return {"parse": parse, "flood": floods}


def run_concurrent(plan: Plan, env: dict[str, str]) -> list[dict[str, object]]:
    console.log(f"engine: 50 concurrent jobs x{plan.reps}")
    out = []
    for _ in range(plan.reps):
        result = _finish(
            _start("tests.benchmarks.bench_engine", ["concurrent"], env), "engine concurrent"
        )
        assert isinstance(result, dict)
        out.append(result)
    return out


def run_renderer(plan: Plan) -> dict[str, object]:
    console.log("renderer: realtime factor and poll latency during a render")
    try:
        from tests.benchmarks import bench_renderer

        realtime = [bench_renderer.bench_realtime_factor(runs=1) for _ in range(plan.reps)]
        polls = [bench_renderer.bench_poll_latency_during_render() for _ in range(plan.reps)]
    except Exception as exc:  # a broken renderer must not hide the other figures
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"realtime": realtime, "poll": polls}


def run_catalogue(plan: Plan) -> dict[str, object]:
    console.log("catalogue: 25 models and 240 styles in pages of 10")
    args = ["--reps", "3" if plan.quick else "7"]
    try:
        proc = _start("tests.benchmarks.bench_catalogue", args, _env("", ""))
        result = _finish(proc, "catalogue")
    except (RuntimeError, ValueError) as exc:
        return {"error": str(exc)[-800:]}
    return result if isinstance(result, dict) else {"error": f"printed {result!r}"}


def run_media(plan: Plan) -> dict[str, object]:
    console.log("media: exports of a 10 s 720p clip, scrub strips, frames")
    try:
        proc = _start(
            "tests.benchmarks.bench_media", ["--reps", "1" if plan.quick else "3"], _env("", "")
        )
        result = _finish(proc, "media", timeout=900)
    except (RuntimeError, ValueError) as exc:
        return {"error": str(exc)[-800:]}
    return result if isinstance(result, dict) else {"error": f"printed {result!r}"}


def media_figures(media: dict[str, object]) -> dict[str, object]:
    """bench_media's repetitions summarised like the engine's figures."""
    exports, scrub, frames = media.get("exports"), media.get("scrub"), media.get("frames")
    clip = media.get("clip")
    seconds = _num(clip.get("seconds")) if isinstance(clip, dict) else None
    out: dict[str, object] = {}

    def runs(entry: object, key: str = "walls") -> list[float]:
        values = entry.get(key) if isinstance(entry, dict) else None
        return [v for v in (_num(x) for x in values) if v] if isinstance(values, list) else []

    if isinstance(exports, dict):
        for name, entry in exports.items():
            out[f"media_export_{name}_s"] = summarise(runs(entry))
            out[f"media_export_{name}_cpu_s"] = summarise(runs(entry, "cpus"))
            if seconds:
                ratios = [seconds / w for w in runs(entry)]
                out[f"media_export_{name}_realtime_x"] = summarise(ratios)
    for prefix, section in (("media_scrub", scrub), ("media", frames)):
        if isinstance(section, dict):
            for name, entry in section.items():
                out[f"{prefix}_{name}_s"] = summarise(runs(entry))
                out[f"{prefix}_{name}_cpu_s"] = summarise(runs(entry, "cpus"))
    return out


def catalogue_figures(catalogue: dict[str, object]) -> dict[str, object]:
    ready = catalogue.get("ready_ms")
    if not isinstance(ready, list):
        return {}
    return {
        "catalogue_ready_ms": summarise(ready),
        "catalogue_requests": summarise([_num(catalogue.get("requests"))]),
        "catalogue_pages": summarise([_num(catalogue.get("pages"))]),
    }


def run_library(plan: Plan) -> dict[str, object]:
    console.log("library: 1,000 account videos imported into a running window")
    args = ["--reps", "1" if plan.quick else "3"]
    try:
        result = _finish(_start("tests.benchmarks.bench_library", args, _env("", "")), "library")
    except (RuntimeError, ValueError) as exc:
        return {"error": str(exc)[-800:]}
    return result if isinstance(result, dict) else {"error": f"printed {result!r}"}


def library_figures(library: dict[str, object]) -> dict[str, object]:
    imports, lags = library.get("import_s"), library.get("loop_lag_ms_p99")
    if not isinstance(imports, list) or not isinstance(lags, list):
        return {}
    return {
        "library_import_1000_s": summarise(imports),
        "library_loop_lag_ms_p99": summarise(lags),
    }


def run_history(plan: Plan) -> dict[str, object]:
    console.log("history: 10,000 entries in the window (filters, search, grid scrolling)")
    args = ["--reps", "1" if plan.quick else "3"]
    try:
        result = _finish(_start("tests.benchmarks.bench_history", args, _env("", "")), "history")
    except (RuntimeError, ValueError) as exc:
        return {"error": str(exc)[-800:]}
    return result if isinstance(result, dict) else {"error": f"printed {result!r}"}


def history_figures(history: dict[str, object]) -> dict[str, object]:
    names = ("visible_s", "rss_mb", "filter_ms_max", "filter_cpu_ms_max", "scroll_lag_ms_p99")
    return {
        f"history_10k_{name}": summarise(values)
        for name in names
        if isinstance(values := history.get(name), list)
    }


def history_goals(history: dict[str, object]) -> list[Goal]:
    """Issue 14's goals for a history of 10,000 entries."""
    if "visible_s_median" not in history:
        return []
    out = []
    for key, name, limit, unit in (
        ("visible_s_median", "History 10,000: window visible (issue 14)", 1.5, " s"),
        ("rss_mb_median", "History 10,000: memory (issue 14)", 300.0, " MB"),
        ("filter_ms_max_median", "History 10,000: filter or search result (issue 14)", 50.0, " ms"),
        (
            "scroll_lag_ms_p99_median",
            "History 10,000: loop lag p99, grid scrolling (issue 14)",
            16.0,
            " ms",
        ),
    ):
        value = _num(history.get(key))
        note = ""
        if key == "filter_ms_max_median":
            cpu = _fmt(_num(history.get("filter_cpu_ms_max_median")), " ms")
            note = f"the slowest of 5 filters and 3 searches; its CPU time {cpu}"
        out.append(
            Goal(
                name,
                f"< {limit:g}{unit}",
                _fmt(value, unit),
                value is not None and value < limit,
                note,
            )
        )
    return out


def run_gui(plan: Plan, env: dict[str, str]) -> dict[str, object]:
    """bench_gui is another helper's module: run it as a subprocess, `reps` times,
    and keep whatever numbers it prints; its absence or failure is recorded."""
    if not (HERE / "bench_gui.py").exists():
        return {"status": "absent", "detail": "tests/benchmarks/bench_gui.py does not exist"}
    args = ["--quick"] if plan.quick else []
    runs: list[dict[str, object]] = []
    for index in range(plan.reps):
        console.log(f"GUI: bench_gui {' '.join(args)} ({index + 1}/{plan.reps})")
        try:
            result = _finish(
                _start("tests.benchmarks.bench_gui", args, env), "bench_gui", timeout=400
            )
        except (RuntimeError, ValueError) as exc:
            return {"status": "failed", "detail": str(exc)[-800:], "runs": runs}
        if not isinstance(result, dict):
            return {"status": "failed", "detail": f"printed {result!r}", "runs": runs}
        runs.append(result)
    keys = [k for k, v in runs[0].items() if _num(v) is not None]
    summaries = {k: summarise([_num(r.get(k)) for r in runs]) for k in keys}
    return {
        "status": "ok",
        "runs": runs,
        "figures": {k: v["median"] for k, v in summaries.items()},
        "spread": {k: v["spread"] for k, v in summaries.items()},
    }


# --------------------------------------------------------------------------- figures & goals


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _find(tree: object, *words: str) -> float | None:
    """The first number in a nested dict whose key path holds every word (GUI output
    has no fixed schema here: bench_gui is another helper's)."""

    def walk(node: object, path: str) -> Iterator[tuple[str, float]]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{path}.{key}".lower())
        elif (number := _num(node)) is not None:
            yield path, number

    for path, number in walk(tree, ""):
        if all(w in path for w in words):
            return number
    return None


def engine_figures(
    engine: dict[str, object], concurrent: list[dict[str, object]], idle: dict[str, object]
) -> dict[str, object]:
    parse = engine["parse"]
    floods = engine["flood"]
    runs = idle.get("runs")
    idle_runs = [r for r in runs if isinstance(r, dict)] if isinstance(runs, list) else []
    assert isinstance(parse, dict) and isinstance(floods, list)
    out: dict[str, object] = {
        "parse_events_per_s": summarise(parse["events_per_s"]),
        "parser_only_events_per_s": summarise(parse["parser_only_events_per_s"]),
        "loopback_events_per_s": summarise([f.get("engine_events_per_s") for f in floods]),
        "floor_loopback_events_per_s": summarise([f.get("floor_events_per_s") for f in floods]),
        "concurrent_50_loop_lag_ms_p99": summarise(
            [_num(c.get("loop_lag_ms_p99")) for c in concurrent]
        ),
        "concurrent_50_loop_lag_ms_max": summarise(
            [_num(c.get("loop_lag_ms_max")) for c in concurrent]
        ),
        "concurrent_50_completed": [c.get("completed") for c in concurrent],
        "idle_cpu_percent_of_core": summarise(
            [_num(r.get("cpu_percent_of_core")) for r in idle_runs]
        ),
        "raw": {"parse": parse, "flood": floods, "concurrent": concurrent, "idle": idle},
    }
    return out


def side_figures(renderer: dict[str, object], gui: dict[str, object]) -> dict[str, object]:
    """The renderer's and the window's headline figures, summarised like the engine's."""
    out: dict[str, object] = {}
    realtime, polls = renderer.get("realtime"), renderer.get("poll")
    if isinstance(realtime, list):
        out["renderer_realtime_factor"] = summarise(
            [_num(r.get("realtime_factor")) for r in realtime]
        )
    if isinstance(polls, list):
        out["renderer_poll_ms_p99"] = summarise([_num(p.get("p99_ms")) for p in polls])
    runs = gui.get("runs")
    if isinstance(runs, list):
        for key in ("launch_seconds", "loop_lag_p99_ms", "rss_mb", "first_frame_ms"):
            out[f"gui_{key}"] = summarise([_num(r.get(key)) for r in runs if isinstance(r, dict)])
    return out


@dataclass
class Goal:
    name: str
    target: str
    measured: str
    met: bool | None
    note: str = ""


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{unit}"


def goals(
    plan: Plan,
    results: dict[str, dict[str, Figures]],
    engine: dict[str, object],
    renderer: dict[str, object],
    gui: dict[str, object],
    catalogue: dict[str, object] | None = None,
    media: dict[str, object] | None = None,
    library: dict[str, object] | None = None,
    history: dict[str, object] | None = None,
) -> list[Goal]:
    def fig(follower: str, job: str, key: str) -> float | None:
        return _num(results.get(follower, {}).get(job, {}).get(key))

    def med(name: str) -> float | None:
        entry = engine.get(name)
        return _num(entry.get("median")) if isinstance(entry, dict) else None

    out: list[Goal] = []
    for job, name, note in (
        (
            "dies",
            "Recover from a failed stream: ended by the server",
            "polling takes over the moment the stream closes",
        ),
        ("cut", "Recover from a failed stream: connection dropped", ""),
        (
            "silent",
            "Recover from a failed stream: silent, still open",
            "silence can't be told from a slow render without asking: the engine asks "
            "after 4 of the stream's usual gaps, then reconnects; 100x would mean "
            "polling every 0.6 s",
        ),
    ):
        fc, web = fig("framecast", job, "failover_s"), fig("webclient", job, "failover_s")
        ratio = web / fc if fc and web else None
        out.append(
            Goal(
                name,
                "≥ 100x faster than web client",
                f"{_fmt(fc, ' s', 3)} vs {_fmt(web, ' s', 1)} ({_fmt(ratio, 'x', 1)})",
                ratio >= 100 if ratio else None,
                note,
            )
        )
    lat, floor = (
        fig("framecast", "healthy", "latency_ms_p50"),
        fig("floor", "healthy", "latency_ms_p50"),
    )
    gap = lat - floor if lat is not None and floor is not None else None
    out.append(
        Goal(
            "Update latency p50 vs the floor",
            "within 1 ms",
            f"{_fmt(lat, ' ms', 3)} vs {_fmt(floor, ' ms', 3)} (+{_fmt(gap, ' ms', 3)})",
            gap <= 1.0 if gap is not None else None,
        )
    )
    req, poll = fig("framecast", "healthy", "requests"), fig("polling", "healthy", "requests")
    out.append(
        Goal(
            "Requests on a healthy job",
            "≤ 1/3 of the polling client's",
            f"{_fmt(req, '', 0)} vs {_fmt(poll, '', 0)} on a "
            f"{plan.healthy.result_offset():.0f} s job",
            req <= poll / 3 if req is not None and poll else None,
        )
    )
    out.append(
        Goal(
            "Server write → engine update p50 (issue 3)",
            "< 5 ms",
            _fmt(lat, " ms", 3),
            lat < 5 if lat is not None else None,
        )
    )
    for job in ("dies", "cut"):
        first = fig("framecast", job, "first_poll_after_failure_s")
        out.append(
            Goal(
                f"SSE failure ({JOB_LABELS[job]}) → first poll (issue 3)",
                "< 1 s (web client: 60 s)",
                _fmt(first, " s", 3),
                first < 1 if first is not None else None,
            )
        )
    total = fig("framecast", "healthy", "requests_total")
    long_total = fig("framecast", "long", "requests_total")
    out.append(
        Goal(
            "HTTP requests per completed job (issue 3)",
            "create + stream + download + a few polls",
            f"{_fmt(total, '', 0)} (healthy, {plan.healthy.result_offset():.0f} s), "
            f"{_fmt(long_total, '', 0)} (long, {plan.long.result_offset():.0f} s)",
            total <= 6 and (long_total or 0) <= 8 if total is not None else None,
            "counted as met at ≤ 6 for the healthy job and ≤ 8 for the long one",
        )
    )
    lag = med("concurrent_50_loop_lag_ms_p99")
    out.append(
        Goal(
            "50 concurrent jobs: event-loop lag p99 (issue 3)",
            "< 20 ms",
            _fmt(lag, " ms"),
            lag < 20 if lag is not None else None,
            "includes the 50 downloads and PyAV checks, all finishing together",
        )
    )
    cpu = med("idle_cpu_percent_of_core")
    out.append(
        Goal(
            "CPU on a silent live stream (issue 3)",
            "< 1% of a core",
            _fmt(cpu, " %", 4),
            cpu < 1 if cpu is not None else None,
        )
    )
    realtime = renderer.get("realtime")
    if isinstance(realtime, list) and realtime:
        factor = summarise([r["realtime_factor"] for r in realtime])["median"]
        out.append(
            Goal(
                "Renderer realtime factor, 5 s 720p24 (issue 2)",
                "≥ 1x",
                _fmt(_num(factor), "x"),
                factor >= 1 if isinstance(factor, float) else None,
            )
        )
    polls = renderer.get("poll")
    if isinstance(polls, list) and polls:
        p99 = summarise([p["p99_ms"] for p in polls])["median"]
        out.append(
            Goal(
                "GET file p99 while rendering (issue 2)",
                "< 20 ms",
                _fmt(_num(p99), " ms"),
                p99 < 20 if isinstance(p99, float) else None,
            )
        )
    if catalogue and "ready_ms_median" in catalogue:
        ready, requests, pages = (
            _num(catalogue.get("ready_ms_median")),
            _num(catalogue.get("requests")),
            _num(catalogue.get("pages")),
        )
        per_page = (requests - 1) / pages if requests is not None and pages else None
        out.append(
            Goal(
                "Catalogue ready: 25 models + 240 styles, pages of 10 (issue 10)",
                "≤ 1 request a page, < 300 ms",
                f"{_fmt(requests, '', 0)} requests for {_fmt(pages, '', 0)} pages and the "
                f"account, {_fmt(ready, ' ms', 1)}",
                per_page is not None and ready is not None and per_page <= 1 and ready < 300,
                "a fresh client: configurations, styles and the account side by side",
            )
        )
    out += media_goals(media or {})
    out += history_goals(history or {})
    if library and "import_s_median" in library:
        took = _num(library.get("import_s_median"))
        lag = _num(library.get("loop_lag_ms_p99_median"))
        out.append(
            Goal(
                "Account library: 1,000 videos into a running window (issue 10)",
                "done < 3 s",
                _fmt(took, " s"),
                took is not None and took < 3,
                "from the import starting to every video in the history list",
            )
        )
        out.append(
            Goal(
                "GUI loop lag p99 while the library imports (issue 10)",
                "< 16 ms",
                _fmt(lag, " ms"),
                lag is not None and lag < 16,
            )
        )
    figures = gui.get("figures")
    for words, name, limit, unit in (
        (("launch",), "Launch to window (issue 4)", 1.5, "s"),
        (("lag", "p99"), "GUI loop lag p99, 10x50 ev/s (issue 4)", 16.0, "ms"),
        (("rss",), "Memory, 100 history entries (issue 4)", 300.0, "MB"),
        (("first", "frame"), "Completion → first frame (issue 4)", 500.0, "ms"),
    ):
        value = _find(figures, *words) if figures is not None else None
        if value is None and gui.get("status") != "ok":
            out.append(
                Goal(
                    name,
                    f"< {limit:g} {unit}",
                    "not measured",
                    None,
                    f"bench_gui {gui.get('status')}",
                )
            )
            continue
        if unit == "s" and value is not None and value > 50:
            value = value / 1000  # reported in ms
        out.append(
            Goal(
                name,
                f"< {limit:g} {unit}",
                _fmt(value, f" {unit}"),
                value < limit if value is not None else None,
                "" if value is not None else "key not found in bench_gui's output",
            )
        )
    return out


def media_goals(media: dict[str, object]) -> list[Goal]:
    """Issue 14: scrubbing well under a second; exports reported (time, ratio)."""
    figures = media_figures(media)

    def med(name: str) -> float | None:
        entry = figures.get(name)
        return _num(entry.get("median")) if isinstance(entry, dict) else None

    strip = med("media_scrub_10s_48_s")
    out = [
        Goal(
            "Scrub strip: 48 thumbnails of a 10 s 720p clip (issue 14)",
            "< 1 s",
            _fmt(strip, " s", 3),
            strip < 1 if strip is not None else None,
            f"cold (no cache), 160 px wide, {_fmt(med('media_scrub_10s_48_cpu_s'), ' s', 3)} "
            f"CPU; a cache hit: {_fmt(med('media_scrub_10s_48_cache_hit_s'), ' s', 4)}",
        )
    ]
    parts = []
    for name, label in (
        ("mp4_copy", "MP4 copied"),
        ("mp4_reencode", "MP4 re-encoded"),
        ("gif", "GIF"),
        ("webm", "WebM"),
    ):
        wall, ratio = med(f"media_export_{name}_s"), med(f"media_export_{name}_realtime_x")
        parts.append(f"{label} {_fmt(wall, ' s')} ({_fmt(ratio, 'x', 1)})")
    out.append(
        Goal(
            "Export a 10 s 720p24 clip (issue 14)",
            "time, ratio to realtime",
            ", ".join(parts),
            None,
            "whole clip, wall time; above 1x is faster than realtime; CPU seconds in the "
            "media table"
            if "error" not in media
            else f"bench_media failed: {media['error']}",
        )
    )
    return out


def noise(results: dict[str, dict[str, Figures]], others: dict[str, object]) -> dict[str, object]:
    spreads: list[tuple[str, float]] = []
    for follower, jobs in results.items():
        for job, row in jobs.items():
            row_spread = row["spread"]
            assert isinstance(row_spread, dict)
            for key, value in row_spread.items():
                median = _num(row.get(key))
                if (
                    value is None
                    or key in ("requests", "bytes", "duplicates")
                    or (median is not None and median < NOISE_FLOORS.get(key, 0.0))
                ):
                    continue
                spreads.append((f"{follower}/{job}/{key}", value))
    for key, value in others.items():
        if isinstance(value, dict) and value.get("spread") is not None:
            spreads.append((key, value["spread"]))

    if not spreads:
        return {
            "verdict": "one repetition: no spread to report",
            "median_spread": None,
            "worst": [],
        }
    median = statistics.median(v for _, v in spreads)
    worst = sorted(spreads, key=lambda kv: -kv[1])[:5]
    wide = sum(1 for _, v in spreads if v > 0.25)
    word = "quiet" if median <= 0.10 else "moderately noisy" if median <= 0.30 else "noisy"
    verdict = (
        f"{word}: median relative spread (max-min)/median {median:.0%} over "
        f"{len(spreads)} repeated figures, {wide} above 25%; widest: {worst[0][0]} "
        f"({worst[0][1]:.0%}); sub-50 ms times and tiny CPU figures left out"
    )
    return {
        "verdict": verdict,
        "median_spread": round(median, 3),
        "worst": [{"figure": k, "spread": round(v, 3)} for k, v in worst],
    }


# --------------------------------------------------------------------------- output


def _cell(key: str, value: object) -> str:
    number = _num(value)
    if number is None:
        return "—"
    if key.startswith("latency"):
        return f"{number:.2f}" if number < 100 else f"{number:,.0f}"
    if key in ("completion_s", "failover_s"):
        return f"{number:.3f}" if number < 10 else f"{number:.1f}"
    if key == "cpu_s":
        return f"{number:.3f}"
    return f"{number:,.0f}"


def _engine_cell(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


HEADERS = (
    "Follower",
    "Job",
    "Latency p50 ms",
    "Latency p99 ms",
    "Completion s",
    "Failover s",
    "Requests",
    "Bytes",
    "Dupes",
    "CPU s",
)


def comparison_rows(results: dict[str, dict[str, Figures]]) -> list[list[str]]:
    rows = []
    for job in JOB_LABELS:
        for follower, label in FOLLOWER_LABELS.items():
            row = results.get(follower, {}).get(job)
            if row is None:
                continue
            rows.append([label, JOB_LABELS[job], *(_cell(k, row.get(k)) for k in KEYS)])
    return rows


def print_report(report: dict[str, object], goal_list: list[Goal]) -> None:
    table = Table(
        title=f"Following a job: Framecast against the alternatives ({report['mode']} run, medians)"
    )
    for header in HEADERS:
        table.add_column(header, justify="left" if header in ("Follower", "Job") else "right")
    for row in comparison_rows(report["followers"]):  # type: ignore[arg-type]
        table.add_row(*row)
    console.print(table)
    for title, key in (
        ("Engine", "engine"),
        ("Renderer and window", "renderer_gui"),
        ("Media engine (issue 14)", "media_figures"),
    ):
        section = report[key]
        assert isinstance(section, dict)
        figures = Table(title=title)
        figures.add_column("Figure")
        figures.add_column("Median", justify="right")
        figures.add_column("Spread", justify="right")
        for name, value in section.items():
            if isinstance(value, dict) and "median" in value:
                spread = value.get("spread")
                figures.add_row(
                    name,
                    _engine_cell(_num(value["median"])),
                    f"{spread:.0%}" if isinstance(spread, float) else "—",
                )
        console.print(figures)
    goal_table = Table(title="Goals")
    for header in ("Goal", "Target", "Measured", "Met"):
        goal_table.add_column(header)
    for goal in goal_list:
        goal_table.add_row(
            goal.name,
            goal.target,
            goal.measured,
            {True: "[green]yes[/]", False: "[red]NO[/]", None: "n/a"}[goal.met],
        )
    console.print(goal_table)
    for note in report["notes"]:  # type: ignore[attr-defined]
        console.print(f"• {note}")
    console.print(f"Noise: {report['noise']['verdict']}")  # type: ignore[index]
    console.print(f"Took {report['duration_s']:.0f} s.")


def markdown(report: dict[str, object], goal_list: list[Goal]) -> str:
    machine = report["machine"]
    assert isinstance(machine, dict)
    lines = [
        "## Benchmarks (`make bench`)",
        "",
        f"Measured on {report['date']} ({report['mode']} run, {report['duration_s']:.0f} s) "
        f"on {machine['platform']}, {machine['cpu_count']} CPUs, Python "
        f"{machine['python']}. Every figure is the median of its repetitions; "
        f"noise: {report['noise']['verdict']}.",
        "",  # type: ignore[index]
        "### Following a job",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join("---" if i < 2 else "---:" for i in range(len(HEADERS))) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in comparison_rows(report["followers"])]  # type: ignore[arg-type]
    lines += ["", "### Goals", "", "| Goal | Target | Measured | Met |", "|---|---|---|---|"]
    for goal in goal_list:
        met = {True: "yes", False: "**no**", None: "n/a"}[goal.met]
        note = f" ({goal.note})" if goal.note else ""
        lines.append(f"| {goal.name} | {goal.target} | {goal.measured}{note} | {met} |")
    for title, key in (
        ("Engine", "engine"),
        ("Renderer and window", "renderer_gui"),
        ("Media engine (issue 14)", "media_figures"),
    ):
        lines += ["", f"### {title}", "", "| Figure | Median | Spread |", "|---|---:|---:|"]
        section = report[key]
        assert isinstance(section, dict)
        for name, value in section.items():
            if isinstance(value, dict) and "median" in value:
                spread = value.get("spread")
                lines.append(
                    f"| {name} | {_engine_cell(_num(value['median']))} | "
                    f"{f'{spread:.0%}' if isinstance(spread, float) else '—'} |"
                )
    if isinstance(report["gui"], dict) and report["gui"].get("status") != "ok":
        lines.append(
            f"\nGUI benchmark: {report['gui'].get('status')}: {report['gui'].get('detail')}"
        )
    lines += ["", "### How it was measured", ""]
    lines += [f"- {note}" for note in report["notes"]]  # type: ignore[attr-defined]
    lines += ["", "Raw figures: `tests/benchmarks/results/latest.json`.", ""]
    return "\n".join(lines)


def notes(plan: Plan) -> list[str]:
    long_real = plan.long.events * plan.long.interval
    return [
        "All on loopback; one bench server process (Starlette on uvicorn) scripts the jobs "
        "and stamps each event with its write time (CLOCK_MONOTONIC, shared by all "
        "processes); each follower runs in its own process.",
        "Latency: server write of each progress event → the follower first knows that "
        "progress (or newer, or the result). Completion: server's result event → the "
        "follower knows the result (the engine: as its tracker publishes the result URL, "
        "before its download and PyAV check). Failover: stream failure (the server closes "
        "it, or withholds its first event) → the first status the server sends the follower "
        "afterwards (a poll answer or an event on a new stream), server-side.",
        "Requests and bytes: what the follower exchanged for the job (create, polls, "
        "streams; HTTP heads and bodies, approximately framed), not the result download; "
        "the engine's total with its download is 'requests per completed job'.",
        f"Long job: 10 simulated minutes of progress (600 events) compressed to "
        f"{long_real:.0f} s on the server; every follower's own timers are real (the web "
        "client's 60 s wait, 2 s and 0.5 s polls, the engine's 30 s safety net), so the "
        f"pollers make about {600 / long_real:.1f}x fewer requests than in a real 10 minutes.",
        f"Stream dies / silent: the first stream ends (the server closes it), is cut (the "
        f"connection dropped mid-body) or goes silent (open, nothing sent) after 3 events of a "
        f"{plan.dies.result_offset():.0f} s job; reconnections are healthy (no replay: the "
        "service sends no id). The web client's 60 s wait is run for real, in parallel with "
        f"the others (long and the three faulty jobs: {plan.parallel_jobs} concurrent job(s) per "
        "follower, once); the floor has no recovery strategy and is not run there. A "
        "follower without a stream (the polling client) is timed from the moment the "
        "fault happens on the server.",
        "The web client strategy follows the service's web app: SSE, then after 60 s without "
        "a result a poll every 2 s, each source reporting what it sees (duplicates). Polling "
        "client: fal-client/replicate style, a poll every 0.5 s. Framecast: JobManager "
        "with its default EngineConfig.",
        "CPU: the follower process's CPU time from creating its job(s) to the first "
        "completion it notices, per job.",
        "Catalogue: a scripted backend in its own process lists 25 configurations and 240 "
        "styles, at most 10 a page; each repetition is a fresh client (new connections) "
        "loading configurations, styles and the account side by side, every `next` cursor "
        "followed; requests counted by the client.",
        "Account library: a scripted backend in its own process lists 1,000 finished videos "
        "(pages of 50); each repetition is a fresh window process on an empty history, "
        "connected to it; from the import starting to all 1,000 rows in the history list, "
        "a probe asks the event loop to wake every 5 ms and records how late it is.",
        "History, 10,000 entries: each repetition seeds a fresh history (posters, clips, "
        "account videos, failed jobs, one in twenty a favourite) and starts a fresh window "
        "process on it; visible is from spawning python to the history's first paint; a "
        "filter or search is timed from the call to the list repainted with its result "
        "(its CPU time beside it); the grid then scrolls at 60 steps a second and jumps to "
        "the end and back while thumbnails are made, with the 5 ms loop-lag probe.",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every Framecast benchmark.")
    parser.add_argument(
        "--quick", action="store_true", help="one repetition, short jobs: a fast sanity run"
    )
    args = parser.parse_args(argv)
    plan = Plan.make(args.quick)
    started = time.perf_counter()
    when = dt.datetime.now(dt.UTC)
    with bench_server() as (url, token):
        env = _env(url, token)
        followers = run_followers(plan, env)
        engine_raw = run_engine(plan, env)
        idle = run_parallel_phase(plan, env, followers)
        concurrent = run_concurrent(plan, env)
    renderer = run_renderer(plan)
    catalogue = run_catalogue(plan)
    media = run_media(plan)
    library = run_library(plan)
    history = run_history(plan)
    gui = run_gui(plan, _env("", ""))
    engine = {**engine_figures(engine_raw, concurrent, idle), **catalogue_figures(catalogue)}
    report: dict[str, object] = {
        "date": when.isoformat(timespec="seconds"),
        "mode": "quick" if plan.quick else "full",
        "machine": {
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "processor": platform.processor() or None,
        },
        "followers": followers,
        "engine": engine,
        "renderer": renderer,
        "catalogue": catalogue,
        "library": library,
        "history": history,
        "gui": gui,
        "renderer_gui": {
            **side_figures(renderer, gui),
            **library_figures(library),
            **history_figures(history),
        },
    }
    report["media"] = media
    report["media_figures"] = media_figures(media)
    goal_list = goals(plan, followers, engine, renderer, gui, catalogue, media, library, history)
    report["goals"] = [asdict(g) for g in goal_list]
    report["noise"] = noise(
        followers,
        {
            **engine,
            **side_figures(renderer, gui),
            **media_figures(media),
            **library_figures(library),
            **history_figures(history),
        },
    )
    report["notes"] = notes(plan)
    report["duration_s"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    suffix = "-quick" if plan.quick else ""
    text = json.dumps(report, indent=2, default=_json_default)
    (RESULTS / f"bench-{stamp}{suffix}.json").write_text(text + "\n")
    (RESULTS / ("latest-quick.json" if plan.quick else "latest.json")).write_text(text + "\n")
    if not plan.quick:
        (HERE / "RESULTS.md").write_text(markdown(report, goal_list))
    print_report(report, goal_list)
    console.print(f"JSON: {RESULTS / f'bench-{stamp}{suffix}.json'}")
    return 0


def _json_default(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
