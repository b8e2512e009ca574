"""Benchmark: from start to a ready catalogue, over pages, on loopback.

Run with `python -m tests.benchmarks.bench_catalogue [--reps N]`; it prints
one JSON dict. A scripted backend in a child process (so the client has the
interpreter to itself) lists 25 configurations of every kind and 240 styles
in the SDK's shapes, at most 10 items a page whatever is asked, and answers
`user/me`. Each repetition opens a fresh client (new connections) and times
`load_catalogue()`: configurations, styles and the account side by side,
every page followed. Requests are counted as the client sends them.

Goal: at most one request per page (27 pages and the account: 28 requests)
and the catalogue ready in under 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.api.client import SuperDuperClient

MODELS = 25
STYLES = 240
PAGE_CAP = 10
ROOT = Path(__file__).resolve().parents[2]
KINDS = ("text_to_video", "image_to_video", "text_to_image", "video_to_video", "text_to_audio")


def serve() -> int:
    """The child: the scripted backend with the benchmark's catalogue."""
    from tests.support.scripted_backend import ScriptedBackend, generation_config

    backend = ScriptedBackend()
    backend.catalogue = [
        generation_config(
            f"bench/model-{i:02d}",
            KINDS[i % len(KINDS)],
            {"price_per_second": 0.1 * i, "available_durations": [5, 10]},
            None if i % 4 == 0 else f"Model {i}",
        )
        for i in range(MODELS)
    ]
    backend.styles = [
        {"name": f"style-{i:03d}", "title": None if i % 5 == 0 else f"Style {i}", "tags": None}
        for i in range(STYLES)
    ]
    backend.account = {"sub": "s", "nickname": "n", "email": "e@example.com", "id": "u"}
    backend.page_cap = PAGE_CAP
    with backend:
        print(f"listening on {backend.url} {backend.token}", flush=True)
        sys.stdin.read()  # until the parent closes the pipe
    return 0


async def one_run(url: str, token: str) -> tuple[float, int, int, int]:
    """(milliseconds, requests, configs, styles) of one cold catalogue load."""
    sent = 0

    async def count(request: httpx.Request) -> None:
        nonlocal sent
        sent += 1

    async with (
        httpx.AsyncClient(event_hooks={"request": [count]}) as http,
        SuperDuperClient(url, token, http=http) as client,
    ):
        started = time.perf_counter()
        catalogue = await client.load_catalogue()
        elapsed = (time.perf_counter() - started) * 1000
    assert catalogue.account is not None
    return elapsed, sent, len(catalogue.configs), len(catalogue.styles)


def bench_catalogue(reps: int = 7) -> dict[str, object]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.bench_catalogue", "--serve"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        if line[:2] != ["listening", "on"]:
            raise RuntimeError(f"the catalogue server did not start: {line!r}")
        url, token = line[2], line[3]
        asyncio.run(one_run(url, token))  # warm the server's code paths once
        runs = [asyncio.run(one_run(url, token)) for _ in range(reps)]
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(15)
    times = [r[0] for r in runs]
    requests = {r[1] for r in runs}
    pages = math.ceil(MODELS / PAGE_CAP) + math.ceil(STYLES / PAGE_CAP)
    assert {(r[2], r[3]) for r in runs} == {(MODELS, STYLES)}, "the catalogue came back short"
    return {
        "models": MODELS,
        "styles": STYLES,
        "page_cap": PAGE_CAP,
        "pages": pages,
        "requests": max(requests),
        "requests_per_page": round((max(requests) - 1) / pages, 3),  # less the account's
        "ready_ms": [round(t, 2) for t in times],
        "ready_ms_median": round(statistics.median(times), 2),
        "ready_ms_min": round(min(times), 2),
        "ready_ms_max": round(max(times), 2),
        "reps": reps,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        return serve()
    print(json.dumps(bench_catalogue(args.reps)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
