"""The built-in renderer says queued while a job waits, and loses no job when it stops.

Real `framecast serve` processes on 127.0.0.1, paced so a render lasts long
enough to be caught in the middle (`FRAMECAST_LOCAL_MIN_RENDER_SECONDS`):
- a job waiting behind another has no progress and no events until a worker
  starts it;
- a renderer stopped mid-render (and with a job still queued) leaves both
  unfinished, not failed; the next renderer on the same data folder makes
  them under the same file ids, and the videos are the ones a fresh render of
  the same request gives, byte for byte;
- the app's own path: a `JobManager` following jobs through the launcher's
  renderer is closed mid-render with its renderer (what quitting does), and
  on the next start `resume_unfinished` sees both jobs finish and download.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import av
import httpx
import pytest

from app.api.client import SuperDuperClient
from app.api.models import GenerationRequest
from app.engine.manager import JobManager
from app.engine.updates import JobState, JobUpdate
from app.local.launcher import LocalRendererProcess
from app.store.history import AsyncHistoryStore, HistoryStore
from tests.conftest import LocalServer, start_local_server
from tests.integration.engine_helpers import FAST, assert_monotonic
from tests.support.waiting import await_until, wait_until

PACE_ENV = "FRAMECAST_LOCAL_MIN_RENDER_SECONDS"
CONFIG = {
    "prompt": "a lighthouse in a storm",
    "width": 320,
    "height": 180,
    "duration": 2,
    "frame_rate": 24,
    "generation_config_name": "local/sketch-t2v",
    "seed": 21,
}


@contextlib.contextmanager
def renderer(data_dir: Path, pace: float | None) -> Iterator[LocalServer]:
    """A renderer on `data_dir`; each render lasts at least `pace` seconds."""
    with pytest.MonkeyPatch.context() as patch:
        if pace is None:
            patch.delenv(PACE_ENV, raising=False)
        else:
            patch.setenv(PACE_ENV, str(pace))
        server = start_local_server(data_dir, "--workers", "1")
    try:
        yield server
    finally:
        server.stop()


def api(server: LocalServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.url + "/api/v1",
        headers={"Authorization": f"Bearer {server.token}"},
        timeout=30,
    )


def first_event(server: LocalServer, file_id: str) -> dict[str, object]:
    """The first event of a job's stream, however long it takes to come (60 s at most)."""
    headers = {"Authorization": f"Bearer {server.token}"}
    url = f"{server.url}/api/v1/events/file.{file_id}"
    with httpx.stream("GET", url, headers=headers, timeout=60) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data:"):
                payload = json.loads(line[5:])
                assert isinstance(payload, dict)
                return payload
    raise AssertionError("the stream ended without an event")


def status(http: httpx.Client, file_id: str) -> str:
    return str(http.get(f"/file/{file_id}").json()["tasks"][-1]["status"])


def video_bytes(http: httpx.Client, file_id: str) -> bytes:
    body = http.get(f"/file/{file_id}").json()
    assert body["tasks"][-1]["status"] == "completed", body
    return httpx.get(body["url"]).content


def frames_of(data: bytes) -> tuple[int, int, int]:
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        count = sum(1 for _ in container.decode(stream))
        return count, stream.width, stream.height


def test_a_waiting_job_is_queued_until_a_worker_starts_it(tmp_path: Path) -> None:
    with renderer(tmp_path / "data", pace=2) as server, api(server) as http:
        ahead = http.post("/file/generate-video", json={"config": CONFIG}).json()["id"]
        behind = http.post("/file/generate-video", json={"config": CONFIG}).json()["id"]

        waiting = http.get(f"/file/{behind}").json()
        assert waiting["tasks"][-1]["status"] == "in_progress"
        assert waiting["progress"] == 0
        assert "Waiting" in waiting["message"]

        event = first_event(server, behind)
        # With one worker the job behind starts when the one ahead is done, and
        # not one event came before: its first says it starts rendering.
        assert status(http, ahead) == "completed"
        assert event["type"] == "render_progress"
        started = event["object"]
        assert isinstance(started, dict)
        assert (started["progress"], started["frames_done"]) == (0, 0)


def record_on_disk(data_dir: Path, file_id: str) -> dict[str, object]:
    value = json.loads((data_dir / "files" / f"{file_id}.json").read_text("utf-8"))
    assert isinstance(value, dict)
    return value


@pytest.mark.parametrize("how", ["stopped", "killed"])
def test_a_stopped_renderer_makes_its_jobs_when_it_starts_again(tmp_path: Path, how: str) -> None:
    data = tmp_path / "data"
    with renderer(data, pace=30) as first, api(first) as http:
        rendering = http.post("/file/generate-video", json={"config": CONFIG}).json()["id"]
        queued_config = {**CONFIG, "prompt": "Маяк в шторм", "seed": 22}
        queued = http.post("/file/generate-video", json={"config": queued_config}).json()["id"]
        wait_until(
            lambda: 0 < http.get(f"/file/{rendering}").json()["progress"] < 1,
            60,
            interval=0.05,
            what="the first job to be mid-render",
        )
        if how == "killed":  # no chance to save anything: the records say what they said
            first.process.kill()
            first.process.wait(10)
        first.stop()
    assert "Traceback" not in "".join(first.output)
    expected = {
        rendering: "interrupted" if how == "stopped" else "rendering",
        queued: "interrupted" if how == "stopped" else "queued",
    }
    for file_id, stage in expected.items():
        saved = record_on_disk(data, file_id)
        assert (saved["status"], saved["stage"], saved["error"]) == ("in_progress", stage, None)
    if how == "stopped":
        assert first.process.returncode == 0
        assert not list((data / "media").glob("*.mp4")), "no video, and no half of one, is kept"

    with renderer(data, pace=None) as second, api(second) as http:
        wait_until(
            lambda: status(http, rendering) == status(http, queued) == "completed",
            60,
            interval=0.05,
            what="both jobs to finish after the restart",
        )
        resumed = video_bytes(http, rendering), video_bytes(http, queued)
        # The same requests made afresh: the resumed videos are exactly these.
        fresh = [
            http.post("/file/generate-video", json={"config": c}).json()["id"]
            for c in (CONFIG, queued_config)
        ]
        wait_until(
            lambda: all(status(http, f) == "completed" for f in fresh),
            60,
            interval=0.05,
            what="the fresh renders",
        )
        assert resumed == tuple(video_bytes(http, f) for f in fresh)
    assert frames_of(resumed[0]) == (48, 320, 180)
    assert "Traceback" not in "".join(second.output)


def render_workers(server: LocalServer) -> list[int]:
    """The pids of the server's render worker processes (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
            if parent == server.process.pid and b"spawn_main" in cmdline:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds workers in /proc")
def test_a_worker_that_dies_fails_its_job_and_the_queue_goes_on(tmp_path: Path) -> None:
    with renderer(tmp_path / "data", pace=30) as server, api(server) as http:
        doomed = http.post("/file/generate-video", json={"config": CONFIG}).json()["id"]
        behind = http.post("/file/generate-video", json={"config": CONFIG}).json()["id"]
        wait_until(
            lambda: 0 < http.get(f"/file/{doomed}").json()["progress"] < 1,
            60,
            interval=0.05,
            what="the first job to be mid-render",
        )
        (worker,) = render_workers(server)
        os.kill(worker, signal.SIGKILL)
        wait_until(lambda: status(http, doomed) == "error", 30, what="the job to fail")
        assert "stopped unexpectedly" in http.get(f"/file/{doomed}").json()["error"]
        # The job behind it never started: a new worker makes it (paced, so check it starts).
        wait_until(
            lambda: http.get(f"/file/{behind}").json()["progress"] > 0,
            60,
            interval=0.05,
            what="the queued job to start on a new worker",
        )
        assert status(http, behind) == "in_progress"
    assert "Traceback" not in "".join(server.output)


@contextlib.asynccontextmanager
async def app_engine(
    renderer: LocalRendererProcess, history_path: Path, videos: Path, updates: list[JobUpdate]
) -> AsyncIterator[JobManager]:
    """The engine as `Session.open` builds it on the built-in renderer, closed in its order."""
    async with contextlib.AsyncExitStack() as stack:
        history = AsyncHistoryStore(HistoryStore(history_path))
        stack.push_async_callback(history.aclose)
        client = SuperDuperClient(renderer.url, renderer.token)
        stack.push_async_callback(client.aclose)
        manager = JobManager(client, history, videos_dir=videos, config=FAST, backend_id="builtin")
        stack.push_async_callback(manager.aclose)
        manager.subscribe(updates.append)
        yield manager


def test_the_app_finds_its_interrupted_jobs_finished_on_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer_dir = tmp_path / "local-renderer"  # one folder for every start, as in Session.open
    history, videos = tmp_path / "history.sqlite3", tmp_path / "videos"
    request = GenerationRequest.model_validate({**CONFIG, "seed": 31})
    updates: list[JobUpdate] = []

    async def quit_mid_render() -> list[str]:
        monkeypatch.setenv(PACE_ENV, "30")
        async with (
            LocalRendererProcess.start(renderer_dir, workers=1) as local,
            app_engine(local, history, videos, updates) as manager,
        ):
            jobs = [await manager.submit(request), await manager.submit(request)]

            def snap(i: int) -> JobUpdate:
                found = manager.snapshot(jobs[i])
                assert found is not None
                return found

            await await_until(
                lambda: snap(0).state == JobState.PROCESSING and (snap(0).progress or 0) > 0,
                60,
                what="the first job to render",
            )
            assert snap(1).state == JobState.QUEUED  # waiting behind it, and saying so
        return jobs  # closed like quitting the window: engine first, then the renderer

    async def start_again(jobs: list[str]) -> list[JobUpdate]:
        monkeypatch.delenv(PACE_ENV)
        async with (
            LocalRendererProcess.start(renderer_dir, workers=1) as local,
            app_engine(local, history, videos, updates) as manager,
        ):
            assert sorted(await manager.resume_unfinished()) == sorted(jobs)
            return [await asyncio.wait_for(manager.wait(j), 90) for j in jobs]

    jobs = asyncio.run(quit_mid_render())
    first_run = len(updates)
    finals = asyncio.run(start_again(jobs))
    for final in finals:
        assert final.state == JobState.COMPLETED, final
        assert final.path is not None
        assert frames_of(Path(final.path).read_bytes()) == (48, 320, 180)
        assert_monotonic([u for u in updates[first_run:] if u.job_id == final.job_id])
