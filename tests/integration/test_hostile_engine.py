"""The engine against hostile servers on loopback: nothing hangs, nothing
crashes, nothing is saved as good when it is not.

Each test sends one bad input from a real server (the scripted backend, its
injected answers, or the hostile second origin) to a real `JobManager`, and
checks the job's end (state, kind, the user's sentence), the history row,
what was left on disk, and that the token stayed out of everything."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.engine.downloader import Downloader
from app.engine.manager import MAX_INTERRUPTIONS
from app.engine.tracker import JobTracker
from app.engine.updates import ErrorKind, FailureDetail, JobState
from app.logs import register_secret
from app.store.history import HistoryStore, JobRecord
from tests.integration.engine_helpers import (
    JOB_TIMEOUT,
    EngineRun,
    assert_one_terminal,
    assert_token_absent,
    capture_engine_logs,
    check_job,
    engine_run,
    fast_config,
)
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.hostile import (
    HostileServer,
    deep_json,
    faststart_video,
    hostile_server,
    small_disk,
)
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.sse_script import encode, error, progress, raw, result
from tests.support.waiting import await_until

__all__ = ["hostile_server", "sample_video", "scripted_backend"]

ROOT = Path(__file__).resolve().parents[2]
DEEP = 100_000


@pytest.fixture(autouse=True)
def _engine_logs(caplog: pytest.LogCaptureFixture) -> None:
    capture_engine_logs(caplog)


def _no_crash_logged(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing escaped a job: no 'crashed' record, no traceback of RecursionError."""
    assert "crashed" not in caplog.text, caplog.text[-2000:]
    assert "RecursionError" not in caplog.text


def _leftovers(videos: Path) -> list[Path]:
    return sorted(p for p in videos.rglob("*") if p.is_file()) if videos.exists() else []


async def _history_row(run: EngineRun, job_id: str) -> JobRecord:
    record = await run.history.get(job_id)
    assert record is not None
    return record


# --------------------------------------------------------------------------- silent hangs


def test_event_nested_100000_deep_is_skipped_and_the_job_completes(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(
        JobScript(events=[progress(0.3), raw(deep_json(DEEP)), progress(0.6), result()])
    )

    async def scenario() -> None:
        # A slow safety net: the stream, not a poll, must carry the job past the bad event.
        async with engine_run(
            scripted_backend, tmp_path, config=fast_config(safety_poll_interval=30.0)
        ) as run:
            final = await run.finish(await run.submit())
            check_job(run, job, final, caplog)
            assert run.manager.diagnostics.events_skipped == 1
            assert any(u.progress == pytest.approx(0.6) for u in run.updates)

    asyncio.run(scenario())
    assert "nested 100000 levels deep" in caplog.text
    _no_crash_logged(caplog)


@pytest.mark.parametrize("kind", ["list", "object"])
def test_poll_answer_nested_100000_deep_fails_the_job_plainly(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    # No event stream: polling is all there is, and every answer is unreadable.
    job = scripted_backend.add_job(JobScript(pause_after=1, sse_status=404))
    scripted_backend.inject(
        "GET",
        "file/",
        200,
        count=None,
        text=deep_json(DEEP, kind),
        content_type="application/json",
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.PROTOCOL
            limit = fast_config().protocol_error_limit
            assert final.error_detail == FailureDetail(count=limit)
            record = await _history_row(run, job_id)
            assert (record.state, record.error_kind) == ("failed", "protocol")

    asyncio.run(scenario())
    polls = scripted_backend.requests_to(f"file/{job.file_id}", "GET")
    assert len(polls) == fast_config().protocol_error_limit
    _no_crash_logged(caplog)
    job.release()


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/x.mp4",  # an IPv6 bracket never closed
        "http://127.0.0.1:99999/x.mp4",  # a port outside 0..65535
        "http://127.0.0.1/" + "x" * 100_000 + ".mp4",  # a 100 KB URL
    ],
    ids=["broken-ipv6", "port-99999", "100KB"],
)
def test_malformed_result_url_fails_the_job_and_reads_nothing(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture, url: str
) -> None:
    job = scripted_backend.add_job(JobScript(result_url_override=url))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.DOWNLOAD
            assert _leftovers(run.videos_dir) == []
            assert (await _history_row(run, job_id)).state == "failed"

    asyncio.run(scenario())
    _no_crash_logged(caplog)


def test_create_answer_nested_100000_deep_fails_the_job(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    scripted_backend.inject(
        "POST",
        "file/generate-video",
        200,
        text=deep_json(DEEP, "object"),
        content_type="application/json",
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            assert final.state == JobState.FAILED
            assert final.error_kind == ErrorKind.PROTOCOL
            assert final.server_message is None
            assert (await _history_row(run, job_id)).state == "failed"
            assert_token_absent(scripted_backend.token, run, caplog)

    asyncio.run(scenario())
    _no_crash_logged(caplog)


# --------------------------------------------------------------------------- the supervisor


def test_a_crash_in_a_handler_fails_the_job_with_its_traceback_logged(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stand-in for any bug not found yet: the stream's handler blows up.
    job = scripted_backend.add_job(JobScript(pause_after=2))

    def broken(self: JobTracker, message: object) -> None:
        raise ZeroDivisionError("a bug in a handler")

    monkeypatch.setattr(JobTracker, "_on_message", broken)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            assert final.state == JobState.FAILED
            assert final.error_kind == ErrorKind.INTERNAL
            assert (await _history_row(run, job_id)).state == "failed"
            assert_one_terminal(run.updates_of(job_id))

    asyncio.run(scenario())
    crash = [r for r in caplog.records if "crashed" in r.getMessage()]
    assert crash and crash[0].levelno == logging.ERROR
    assert "ZeroDivisionError: a bug in a handler" in caplog.text  # the traceback
    job.release()


def test_a_crash_in_the_download_fails_the_job_and_its_row(
    scripted_backend: ScriptedBackend,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scripted_backend.add_job()

    async def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Downloader, "download", broken)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            assert (final.state, final.error_kind) == (JobState.FAILED, ErrorKind.INTERNAL)
            record = await _history_row(run, job_id)
            # Not left "downloading" for the next start to crash on again.
            assert (record.state, record.follower_pid) == ("failed", None)

    asyncio.run(scenario())
    assert "RecursionError" in caplog.text


# --------------------------------------------------------------------------- reconnect storms


def test_retry_zero_does_not_cause_a_reconnect_storm(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Every connection says `retry: 0`, sends what is new and closes at once.
    job = scripted_backend.add_job(JobScript(events=[progress(0.2)], retry_ms=0, close_at_end=True))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            await await_until(lambda: job.sse_connections >= 1, 10, what="a first connection")
            start, before = time.monotonic(), job.sse_connections
            await asyncio.sleep(3.0)  # the observation window itself, not a wait for a condition
            rate = (job.sse_connections - before) / (time.monotonic() - start)
            await run.manager.cancel(job_id)
            # At most one a second (retry clamped to 1 s, jitter down to 0.8 s).
            assert rate <= 1.5, f"{rate:.1f} connections per second"

    asyncio.run(scenario())


def test_retry_with_5000_digits_keeps_the_stream_alive(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(events=[progress(0.5), result()]))
    values = job.placeholders
    # The same events, as raw bytes after a `retry:` of 5000 digits.
    job.script = JobScript(
        events=job.script.events,
        raw_chunks=[
            b"retry: " + b"9" * 5000 + b"\n\n",
            encode(progress(0.5), "1", values),
            encode(result(), "2", values),
        ],
    )

    async def scenario() -> None:
        async with engine_run(
            scripted_backend, tmp_path, config=fast_config(safety_poll_interval=30.0)
        ) as run:
            final = await run.finish(await run.submit())
            check_job(run, job, final, caplog)
            assert run.manager.diagnostics.sse_failures == 0
            assert run.manager.diagnostics.events_received == 2

    asyncio.run(scenario())
    _no_crash_logged(caplog)


def test_polls_stop_at_the_budget_and_the_job_says_so(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=1, sse_status=404))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=fast_config(poll_budget=4)) as run:
            final = await run.finish(await run.submit())
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.OFFLINE
            assert final.error_detail == FailureDetail(count=4)
            record = await _history_row(run, final.job_id)
            assert FailureDetail.from_json(record.error_detail) == FailureDetail(count=4)

    asyncio.run(scenario())
    assert job.polls == 4
    job.release()


def test_stream_connections_stop_at_the_budget_and_polling_finishes_the_job(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=1, sse_status=503))
    config = fast_config(sse_connect_budget=3, sse_refused_retry=0.05, sse_backoff_max=0.1)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path, config=config) as run:
            job_id = await run.submit()
            await await_until(lambda: job.sse_connections >= 3, 15, what="three connections")
            await await_until(
                lambda: "stream budget spent" in caplog.text, 15, what="the stream to give up"
            )
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
    assert job.sse_connections == 3


# --------------------------------------------------------------------------- truncated videos


@pytest.mark.parametrize("with_length", [True, False], ids=["content-length", "chunked"])
def test_video_cut_at_40_percent_is_retried_then_failed_never_saved(
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    with_length: bool,
) -> None:
    whole = faststart_video()
    cut = whole[: int(len(whole) * 0.4)]
    url = hostile_server.put("/cut.mp4", cut, with_length=with_length)
    job = scripted_backend.add_job(JobScript(result_url_override=url))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            assert final.state == JobState.FAILED, final
            assert final.error_kind == ErrorKind.DOWNLOAD
            assert final.path is None
            assert [p for p in _leftovers(run.videos_dir) if p.suffix in (".mp4", ".part")] == []
            assert (await _history_row(run, job_id)).state == "failed"

    asyncio.run(scenario())
    assert len(hostile_server.requests_to("/cut.mp4")) == 2  # fetched again once
    assert "cut short" in caplog.text
    assert not job.download_requests()  # nothing fetched from the backend itself


def test_a_whole_faststart_video_passes(
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    whole = faststart_video()
    url = hostile_server.put("/whole.mp4", whole, with_length=False)
    scripted_backend.add_job(JobScript(result_url_override=url))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            final = await run.finish(await run.submit())
            assert final.state == JobState.COMPLETED, final.error_kind
            assert final.path is not None and Path(final.path).read_bytes() == whole
            assert Path(final.path).stat().st_mode & 0o777 == 0o600

    asyncio.run(scenario())
    assert len(hostile_server.requests_to("/whole.mp4")) == 1


# --------------------------------------------------------------------------- the download path


def test_redirect_loop_fails_the_download(
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    job = scripted_backend.add_job(JobScript(result_url_override=hostile_server.redirect_loop()))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            assert final.error_kind == ErrorKind.DOWNLOAD
            assert (await _history_row(run, job_id)).state == "failed"

    asyncio.run(scenario())
    # httpx gives up after its redirect limit: one request plus 20 redirects, once.
    assert len(hostile_server.requests_to("/loop")) == 21
    _no_crash_logged(caplog)


@pytest.mark.parametrize("with_length", [True, False], ids=["checked-first", "mid-write"])
def test_full_disk_fails_with_the_folder_and_the_space_needed(
    scripted_backend: ScriptedBackend,
    hostile_server: HostileServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    with_length: bool,
) -> None:
    blob = os.urandom(3 * 1024 * 1024)  # 3 MB for a 1 MB disk
    url = hostile_server.put("/big.mp4", blob, with_length=with_length)
    scripted_backend.add_job(JobScript(result_url_override=url))
    with small_disk(tmp_path / "disk") as disk:
        videos = disk / "videos"

        async def scenario() -> None:
            async with engine_run(scripted_backend, tmp_path, videos_dir=videos) as run:
                job_id = await run.submit()
                final = await run.finish(job_id)
                assert (final.state, final.error_kind) == (JobState.FAILED, ErrorKind.DISK_FULL)
                assert final.error_detail is not None and final.error_detail.needed_mb
                needed = 4 if with_length else final.error_detail.needed_mb
                assert final.error_detail == FailureDetail(folder=str(videos), needed_mb=needed)
                record = await _history_row(run, job_id)
                assert (record.state, record.error_kind) == ("failed", "disk_full")
                assert FailureDetail.from_json(record.error_detail) == final.error_detail

        asyncio.run(scenario())
        assert [p for p in videos.rglob("*") if p.is_file()] == []  # no .part left
        written = sum(f.stat().st_size for f in disk.rglob("*") if f.is_file())
        assert written == 0
    if with_length:
        # Refused from the Content-Length before a byte was written.
        assert "No space left" not in caplog.text


# --------------------------------------------------------------------------- restarts


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_restart_after_a_death_while_saving_fails_the_job_instead_of_repeating_it(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    saving = scripted_backend.add_job(start_now=True)
    following = scripted_backend.add_job(start_now=True)
    often = scripted_backend.add_job(start_now=True)
    elsewhere = scripted_backend.add_job(start_now=True)
    dead = _dead_pid()
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        for job_id, job, state, pid, interruptions in (
            ("saving", saving, "downloading", dead, 0),
            ("following", following, "processing", dead, 0),
            ("often", often, "processing", dead, MAX_INTERRUPTIONS - 1),
            ("elsewhere", elsewhere, "processing", os.getppid(), 0),
        ):
            store.insert(
                JobRecord(
                    job_id=job_id,
                    backend_url=scripted_backend.url,
                    file_id=job.file_id,
                    state=state,
                    follower_pid=pid,
                    interruptions=interruptions,
                )
            )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            resumed = await run.manager.resume_unfinished()
            assert resumed == ["following"]
            final = await run.finish("following")
            assert final.state == JobState.COMPLETED
            rows = {r.job_id: r for r in await run.history.list()}
            assert (rows["saving"].state, rows["saving"].error_kind) == ("failed", "interrupted")
            assert (rows["often"].state, rows["often"].error_kind) == ("failed", "interrupted")
            detail = FailureDetail.from_json(rows["often"].error_detail)
            assert detail == FailureDetail(count=MAX_INTERRUPTIONS)
            assert rows["often"].interruptions == MAX_INTERRUPTIONS
            assert (rows["following"].interruptions, rows["following"].follower_pid) == (1, None)
            # A job a live process follows is left to it.
            assert (rows["elsewhere"].state, rows["elsewhere"].follower_pid) == (
                "processing",
                os.getppid(),
            )

    asyncio.run(scenario())
    assert not saving.download_requests() and not often.download_requests()


def _track_child(data: Path, backend: ScriptedBackend, file_id: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "FRAMECAST_CHILD_DATA": str(data),
        "FRAMECAST_CHILD_BACKEND": backend.url,
        "FRAMECAST_CHILD_TOKEN": backend.token,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.engine_child", "track", file_id],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_on_one_job_share_one_download(
    scripted_backend: ScriptedBackend, tmp_path: Path, sample_video: bytes
) -> None:
    # A slow download (about 2 s), so the second process arrives while the
    # first one is still writing.
    job = scripted_backend.add_job(
        JobScript(download_chunk_size=1024, download_chunk_delay=2.0 / (len(sample_video) / 1024)),
        start_now=True,
    )
    data = tmp_path / "data"
    data.mkdir()
    children = [_track_child(data, scripted_backend, job.file_id) for _ in range(2)]
    outputs = []
    try:
        for child in children:
            out, err = child.communicate(timeout=JOB_TIMEOUT * 2)
            assert child.returncode == 0, err
            outputs.append(json.loads(out.splitlines()[-1]))
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    assert [o["state"] for o in outputs] == ["completed", "completed"], outputs
    paths = {o["path"] for o in outputs}
    assert len(paths) == 1
    assert Path(paths.pop()).read_bytes() == job.video
    assert len(job.download_requests()) == 1  # the second adopted the first one's file
    assert not list((data / "videos").glob(".*.part"))


# --------------------------------------------------------------------------- text is data


def test_server_text_is_cleaned_and_the_token_redacted_everywhere(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    token = scripted_backend.token
    register_secret(token)  # as Session does for every token it uses
    hostile = f"\x1b]0;pwned\x07\x1b[2J out of memory for {token}\r\nFAKE: done\u202e"
    job = scripted_backend.add_job(JobScript(events=[progress(0.3, hostile), error(hostile)]))

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog, state=JobState.FAILED)
            texts = [final.server_message or ""]
            texts += [u.server_progress or "" for u in run.updates]
            for text in texts:
                assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text), repr(text)
                assert "\u202e" not in text and token not in text
            assert "out of memory for ***" in (final.server_message or "")
            assert any("out of memory for ***" in (u.server_progress or "") for u in run.updates)
            record = await _history_row(run, job_id)
            assert record.server_message == final.server_message

    asyncio.run(scenario())
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        assert not conn.execute(
            "SELECT 1 FROM jobs WHERE server_message LIKE '%' || ? || '%'"
            " OR server_progress LIKE '%' || ? || '%'",
            (token, token),
        ).fetchall()


def test_a_stream_that_fails_oddly_backs_off_and_polling_finishes_the_job(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # An "event stream" whose gzip body does not decode: every connection fails
    # in a way the stream has no special case for.
    job = scripted_backend.add_job(JobScript(pause_after=1))
    scripted_backend.inject(
        "GET",
        "events/",
        200,
        count=None,
        text="this is not gzip",
        content_type="text/event-stream",
        headers={"Content-Encoding": "gzip"},
    )

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            await await_until(lambda: run.manager.diagnostics.sse_failures >= 2, 15, what="retries")
            first = time.monotonic()
            before = len(scripted_backend.requests_to("events/"))
            await asyncio.sleep(3.0)  # the observation window itself
            rate = (len(scripted_backend.requests_to("events/")) - before) / (
                time.monotonic() - first
            )
            assert rate <= 2.5, f"{rate:.1f} stream connections per second"
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
    assert "the stream failed unexpectedly" in caplog.text


def test_a_token_echoed_in_the_result_url_is_redacted_but_the_download_works(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    token = scripted_backend.token
    register_secret(token)
    job = scripted_backend.add_job()
    job.script = JobScript(result_url_override=f"{job.result_url}?signature={token}")

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)  # the token in no update, row or log line
            assert final.url is not None and final.url.endswith("?signature=***")
            assert (await _history_row(run, job_id)).url == final.url

    asyncio.run(scenario())
    (download,) = job.download_requests()
    assert download.query == f"signature={token}"  # the real URL was used to fetch it


def test_unreadable_polls_do_not_fail_a_job_whose_stream_is_live(
    scripted_backend: ScriptedBackend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Keepalives keep the stream live but quiet, so the safety net polls often.
    job = scripted_backend.add_job(JobScript(pause_after=2, keepalive_interval=0.1))
    scripted_backend.inject(
        "GET", "file/", 200, count=None, text=deep_json(DEEP), content_type="application/json"
    )
    limit = fast_config().protocol_error_limit

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as run:
            job_id = await run.submit()
            await await_until(
                lambda: len(scripted_backend.requests_to(f"file/{job.file_id}")) > limit,
                30,
                what="more unreadable polls than the limit",
            )
            assert not run.snapshot(job_id).state.is_terminal
            job.release()
            final = await run.finish(job_id)
            check_job(run, job, final, caplog)

    asyncio.run(scenario())
