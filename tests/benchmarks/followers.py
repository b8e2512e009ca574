"""The four ways to follow a job that `make bench` compares, and their measurements.

Each follower creates its job with `POST file/generate-video` (the bench
server's `JobSpec` in the prompt) and follows it to the moment it knows the
result, recording every progress value it sees and every completion it
reports, with `time.monotonic_ns()` (the clock the server stamps events with):

- `framecast`: the engine as shipped: `JobManager` on a `SuperDuperClient`,
  default `EngineConfig` (no FRAMECAST_* variables), a history database and a
  videos folder in a temporary directory. It downloads and verifies the result
  as it always does; that is not counted as following (see below).
- `webclient`: the service's web client as documented (superduperai-api.md):
  open SSE; if no result within 60 s, poll `file/{id}` every 2 s; the two are
  not de-duplicated, so each reports the completions it sees. One SSE
  connection, no reconnect: the documented strategy's fallback is the poll.
- `polling`: fal-client/replicate style: sleep 0.5 s, `GET file/{id}`, repeat.
- `floor`: a bare asyncio socket that sends a raw HTTP/1.1 request and scans the
  SSE bytes for `data:` lines: what loopback and the server cost, nothing more.
  It has no recovery strategy, so it runs only on jobs whose stream is healthy.

Run as `python -m tests.benchmarks.followers FOLLOWER SPEC_JSON --rounds N
--parallel M` with `BENCH_URL` and `BENCH_TOKEN` in the environment; prints one
JSON list of per-job figures. CPU is this process's CPU time from creating a
round's jobs to the first completion noticed in it, divided by its jobs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

import httpx
from httpx_sse import aconnect_sse

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest
from app.engine.config import EngineConfig
from app.engine.manager import JobManager
from app.engine.updates import JobState, JobUpdate
from app.store.history import AsyncHistoryStore, HistoryStore
from tests.benchmarks.bench_server import JobSpec

API = "/api/v1"
WEB_SSE_WAIT = 60.0
WEB_POLL_INTERVAL = 2.0
POLLING_INTERVAL = 0.5
#: After a follower's first completion, how long its other source may still report one.
DUPLICATE_WINDOW = WEB_POLL_INTERVAL + 0.5

FOLLOWERS = ("framecast", "webclient", "polling", "floor")


class JobFigures(TypedDict):
    file_id: str
    latency_ms_p50: float | None
    latency_ms_p99: float | None
    updates_seen: int
    completion_s: float | None
    failover_s: float | None
    first_poll_after_failure_s: float | None
    requests: int
    bytes: int
    requests_total: int
    bytes_total: int
    duplicates: int
    cpu_s: float
    traffic: dict[str, dict[str, int]]


@dataclass
class Observed:
    """What one follower saw of one job."""

    file_id: str = ""
    progress: list[tuple[float, int]] = field(default_factory=list)
    completions: list[int] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def saw_progress(self, value: float | None) -> None:
        if value is not None and (not self.progress or value > self.progress[-1][0]):
            self.progress.append((value, time.monotonic_ns()))

    def completed(self) -> None:
        self.completions.append(time.monotonic_ns())
        self.done.set()


def _endpoint() -> tuple[str, str]:
    return os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"]


def create_config(spec: JobSpec) -> dict[str, object]:
    """The generation config every follower sends (the spec rides in the prompt)."""
    return {
        "prompt": spec.prompt(),
        "generation_config_name": "bench/t2v",
        "duration": 5,
        "aspect_ratio": "16:9",
        "width": 1280,
        "height": 720,
        "frame_rate": 24,
    }


def _create_body(spec: JobSpec) -> dict[str, object]:
    return {"config": create_config(spec)}


def _file_done(body: dict[str, object]) -> bool:
    tasks = body.get("tasks")
    if isinstance(tasks, list) and tasks and isinstance(tasks[-1], dict):
        return str(tasks[-1].get("status", "")).lower() == "completed"
    return bool(body.get("url"))


def _progress(body: object) -> float | None:
    if isinstance(body, dict):
        value = body.get("progress")
        if isinstance(value, int | float):
            return float(value)
    return None


# --------------------------------------------------------------------------- followers


async def follow_framecast(specs: list[JobSpec], on_first: Callable[[], None]) -> list[Observed]:
    url, token = _endpoint()
    observed: dict[str, Observed] = {}
    with tempfile.TemporaryDirectory(prefix="framecast-bench-") as tmp:
        history = AsyncHistoryStore(HistoryStore(Path(tmp) / "history.db"))
        client = SuperDuperClient(url, token)
        manager = JobManager(
            client, history, videos_dir=Path(tmp) / "videos", config=EngineConfig()
        )

        def on_update(update: JobUpdate) -> None:
            seen = observed.setdefault(update.job_id, Observed())
            if update.file_id:
                seen.file_id = update.file_id
            if update.state in (JobState.QUEUED, JobState.PROCESSING):
                seen.saw_progress(update.progress)
            if update.url and not seen.completions:
                # The result is known (the tracker publishes its URL as it decides);
                # from here on the engine fetches and verifies it.
                if not any(o.completions for o in observed.values()):
                    on_first()
                seen.completed()

        manager.subscribe(on_update)
        try:
            ids = [
                await manager.submit(GenerationRequest.model_validate(create_config(s)))
                for s in specs
            ]
            finals = await asyncio.gather(*(manager.wait(i) for i in ids))
            for final in finals:
                if final.state != JobState.COMPLETED:
                    raise RuntimeError(f"engine job ended {final.state}: {final.error_kind}")
        finally:
            await manager.aclose()
            await client.aclose()
            await history.aclose()
        return [observed[i] for i in ids]


async def _web_client_job(http: httpx.AsyncClient, spec: JobSpec, seen: Observed) -> None:
    created = (await http.post("/file/generate-video", json=_create_body(spec))).json()
    seen.file_id = str(created["id"])
    loop = asyncio.get_running_loop()
    opened = loop.time()

    async def sse() -> None:
        try:
            async with aconnect_sse(
                http, "GET", f"/events/file.{seen.file_id}", timeout=httpx.Timeout(10.0, read=None)
            ) as source:
                async for event in source.aiter_sse():
                    message = json.loads(event.data)
                    kind = message.get("type")
                    body = message.get("object") or {}
                    if kind == "render_progress":
                        seen.saw_progress(_progress(body))
                    elif kind == "render_result" or (kind == "file" and body.get("url")):
                        seen.completed()
                        return
        except httpx.HTTPError:
            return  # a dead stream: the 60 s timer is the only fallback

    async def poll() -> None:
        try:
            async with asyncio.timeout(max(0.0, opened + WEB_SSE_WAIT - loop.time())):
                await seen.done.wait()
            return  # the result came within 60 s: no polling
        except TimeoutError:
            pass
        while True:
            body = (await http.get(f"/file/{seen.file_id}")).json()
            seen.saw_progress(_progress(body))
            if _file_done(body):
                seen.completed()
                return
            await asyncio.sleep(WEB_POLL_INTERVAL)

    tasks = [asyncio.create_task(sse()), asyncio.create_task(poll())]
    await seen.done.wait()
    # No de-duplication: the other source may report the same result again.
    await asyncio.wait(tasks, timeout=DUPLICATE_WINDOW)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def _polling_job(http: httpx.AsyncClient, spec: JobSpec, seen: Observed) -> None:
    created = (await http.post("/file/generate-video", json=_create_body(spec))).json()
    seen.file_id = str(created["id"])
    while True:
        await asyncio.sleep(POLLING_INTERVAL)
        body = (await http.get(f"/file/{seen.file_id}")).json()
        seen.saw_progress(_progress(body))
        if _file_done(body):
            seen.completed()
            return


async def _raw_request(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    method: str,
    path: str,
    host: str,
    token: str,
    body: bytes = b"",
) -> tuple[bytes, bool]:
    """Send one request; return the response head and whether it is chunked."""
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
        f"Accept: */*\r\n"
    )
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    response = await reader.readuntil(b"\r\n\r\n")
    return response, b"chunked" in response.lower()


async def _floor_job(spec: JobSpec, seen: Observed) -> None:
    url, token = _endpoint()
    hostport = url.split("//", 1)[1]
    host, port = hostport.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        head, _ = await _raw_request(
            reader,
            writer,
            "POST",
            f"{API}/file/generate-video",
            hostport,
            token,
            json.dumps(_create_body(spec)).encode(),
        )
        length = int(
            next(
                line.split(b":", 1)[1]
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
        )
        seen.file_id = str(json.loads(await reader.readexactly(length))["id"])
        await _raw_request(
            reader, writer, "GET", f"{API}/events/file.{seen.file_id}", hostport, token
        )
        # Just enough SSE: lines that start with `data: `, chunk-size lines skipped.
        pending = b""
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                if not line.startswith(b"data: "):
                    continue
                message = json.loads(line[6:])
                if message["type"] == "render_progress":
                    seen.saw_progress(message["object"]["progress"])
                elif message["type"] == "render_result":
                    seen.completed()
                    return
    finally:
        writer.close()


async def _run_plain(
    follower: str, specs: list[JobSpec], on_first: Callable[[], None]
) -> list[Observed]:
    url, token = _endpoint()
    seen = [Observed() for _ in specs]
    first = asyncio.Event()

    async def watch_first() -> None:
        await asyncio.wait(
            [asyncio.create_task(s.done.wait()) for s in seen], return_when=asyncio.FIRST_COMPLETED
        )
        on_first()
        first.set()

    watcher = asyncio.create_task(watch_first())
    if follower == "floor":
        await asyncio.gather(*(_floor_job(s, o) for s, o in zip(specs, seen, strict=True)))
    else:
        job: Callable[[httpx.AsyncClient, JobSpec, Observed], Awaitable[None]] = (
            _web_client_job if follower == "webclient" else _polling_job
        )
        async with httpx.AsyncClient(
            base_url=url + API, timeout=30.0, headers={"Authorization": f"Bearer {token}"}
        ) as http:
            await asyncio.gather(*(job(http, s, o) for s, o in zip(specs, seen, strict=True)))
    await watcher
    return seen


# --------------------------------------------------------------------------- figures


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def figures(seen: Observed, log: dict[str, object], cpu_s: float) -> JobFigures:
    """One job's row: the follower's observations against the server's log."""
    progress_log = [(float(p), int(t)) for p, t in log["progress_log"]]  # type: ignore[attr-defined]
    done_ns = log["done_ns"]
    assert isinstance(done_ns, int)
    latencies: list[float] = []
    for value, written in progress_log:
        # When did the follower first know this progress (or a newer one)?
        known = next((t for p, t in seen.progress if p >= value - 1e-9 and t >= written), None)
        if known is None and seen.completions:
            known = seen.completions[0]  # superseded by the result
        if known is not None:
            latencies.append((known - written) / 1e6)
    failure_ns = log.get("failure_ns")
    failover = first_poll = None
    if isinstance(failure_ns, int):
        statuses = [(int(t), str(src)) for t, src in log["status_log"]]  # type: ignore[attr-defined]
        after = [t for t, src in statuses if t > failure_ns and src != "sse0"]
        polls = [t for t, src in statuses if t > failure_ns and src == "poll"]
        failover = (after[0] - failure_ns) / 1e9 if after else None
        first_poll = (polls[0] - failure_ns) / 1e9 if polls else None
    traffic: dict[str, dict[str, int]] = log["traffic"]  # type: ignore[assignment]
    following = {k: v for k, v in traffic.items() if k != "media"}
    return JobFigures(
        file_id=seen.file_id,
        latency_ms_p50=round(statistics.median(latencies), 3) if latencies else None,
        latency_ms_p99=round(percentile(latencies, 0.99), 3) if latencies else None,
        updates_seen=len(seen.progress),
        completion_s=round((seen.completions[0] - done_ns) / 1e9, 4) if seen.completions else None,
        failover_s=round(failover, 4) if failover is not None else None,
        first_poll_after_failure_s=round(first_poll, 4) if first_poll is not None else None,
        requests=sum(v["requests"] for v in following.values()),
        bytes=sum(v["bytes"] for v in following.values()),
        requests_total=sum(v["requests"] for v in traffic.values()),
        bytes_total=sum(v["bytes"] for v in traffic.values()),
        duplicates=max(0, len(seen.completions) - 1),
        cpu_s=round(cpu_s, 4),
        traffic=traffic,
    )


async def run_follower(
    follower: str, spec: JobSpec, rounds: int, parallel: int
) -> list[JobFigures]:
    url, _ = _endpoint()
    out: list[JobFigures] = []
    for _ in range(rounds):
        specs = [spec] * parallel
        cpu: dict[str, float] = {"start": time.process_time()}

        def on_first(cpu: dict[str, float] = cpu) -> None:
            cpu.setdefault("first", time.process_time())

        if follower == "framecast":
            seen = await follow_framecast(specs, on_first)
        else:
            seen = await _run_plain(follower, specs, on_first)
        per_job = (cpu.get("first", time.process_time()) - cpu["start"]) / parallel
        async with httpx.AsyncClient(base_url=url, timeout=10.0) as http:
            for each in seen:
                log = (await http.get(f"/bench/job/{each.file_id}")).json()
                out.append(figures(each, log, per_job))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Follow bench jobs with one strategy.")
    parser.add_argument("follower", choices=FOLLOWERS)
    parser.add_argument("spec", help="a JobSpec as JSON")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--parallel", type=int, default=1)
    args = parser.parse_args(argv)
    spec = JobSpec(**json.loads(args.spec))
    result = asyncio.run(run_follower(args.follower, spec, args.rounds, args.parallel))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
