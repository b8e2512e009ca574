"""`JobTracker` under any sequence of inputs: progress never decreases and
there is at most one terminal state, at most one download.

The tracker runs its real `follow()`; its client is a stub whose stream and
polls never answer, so the only inputs are the ones the test feeds through
the tracker's input methods (`_on_message` for SSE, `_on_file` and
`_on_project` for polls, `_on_stream_state`, `_on_poll_error`), in any order,
from both sources, duplicates included. The downloader is a stub too."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.client import SuperDuperClient
from app.api.errors import BackendUnavailableError, NotFoundError, RateLimitedError
from app.api.models import FileObject, ProjectObject, parse_message
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import (
    Downloader,
    DownloadResult,
    ProgressCallback,
    VerifyingCallback,
)
from app.engine.sse import StreamState
from app.engine.tracker import JobTracker
from app.engine.updates import (
    TERMINAL_STATES,
    ErrorKind,
    JobState,
    JobUpdate,
    Stage,
    stage_of_state,
)

FILE_ID = "file-1"
URL = "https://cdn.example/file-1.mp4"


class SilentClient:
    """A backend that never answers: inputs come only from the test."""

    @asynccontextmanager
    async def open_event_stream(
        self, channel: str, *, last_event_id: str | None = None
    ) -> AsyncIterator[AsyncIterator[bytes]]:
        await asyncio.Event().wait()
        yield _no_chunks()  # pragma: no cover - never reached

    async def get_file(self, file_id: str) -> FileObject:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def get_project(self, project_id: str) -> ProjectObject:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def _no_chunks() -> AsyncIterator[bytes]:  # pragma: no cover - never read
    yield b""


class CountingDownloader:
    def __init__(self) -> None:
        self.calls: list[str] = []

    async def download(
        self,
        url: str,
        file_id: str,
        on_progress: ProgressCallback | None = None,
        on_verifying: VerifyingCallback | None = None,
    ) -> DownloadResult:
        self.calls.append(url)
        if on_progress is not None:
            on_progress(0.5)
            on_progress(1.0)
        if on_verifying is not None:
            on_verifying()
        return DownloadResult(Path(f"/videos/{file_id}.mp4"), None, 1234)


# --------------------------------------------------------------------------- inputs

PROGRESS = st.one_of(
    st.floats(0, 1),
    st.floats(0, 100),
    st.integers(0, 100),
    st.none(),
    st.just(float("nan")),
    st.floats(-5, -0.01),
    st.floats(100.01, 1e6),
)


def _progress_message(value: float | None, top_level: bool) -> object:
    if top_level:
        return {"type": "render_progress", "progress": value, "object": {}}
    return {"type": "render_progress", "object": {"progress": value, "message": "rendering"}}


def _file(progress: float | None, done: bool, failed: bool) -> dict[str, object]:
    status = "error" if failed else "completed" if done else "in_progress"
    body: dict[str, object] = {
        "id": FILE_ID,
        "url": URL if done else None,
        "type": "video",
        "tasks": [{"id": "t", "status": status, "file_id": FILE_ID, "error": "no GPU"}],
    }
    if done:
        body["contentType"] = "video/mp4"
    if progress is not None:
        body["progress"] = progress
    return body


SSE_INPUTS = st.one_of(
    st.builds(_progress_message, PROGRESS, st.booleans()),
    st.just({"type": "render_result", "object": {"url": URL}}),
    st.just({"type": "render_result", "object": {"file_url": URL}}),
    st.builds(lambda p, d: {"type": "file", "object": _file(p, d, False)}, PROGRESS, st.booleans()),
    st.just({"type": "task", "object": {"id": "t", "status": "completed"}}),
    st.just({"type": "task", "object": {"id": "t", "status": "error", "error": "no GPU"}}),
    st.just({"type": "task_status", "object": {"status": "COMPLETED"}}),
    st.just({"type": "error", "error": "content policy", "object": {}}),
    st.just({"type": "scene", "object": {}}),
).map(lambda body: ("sse", body))

POLL_INPUTS = st.one_of(
    st.builds(_file, PROGRESS, st.booleans(), st.booleans()).map(lambda b: ("poll", b)),
    st.just(
        (
            "project",
            {"id": "p", "data": [{"id": "e", "value": {"url": URL, "contentType": "video/mp4"}}]},
        )
    ),
    st.sampled_from(["live", "reconnecting", "refused", "offline"]).map(lambda s: ("stream", s)),
    st.sampled_from(["unavailable", "not_found", "rate_limited"]).map(lambda e: ("poll_error", e)),
)

INPUTS = st.lists(st.one_of(SSE_INPUTS, POLL_INPUTS), max_size=25)

_ERRORS = {
    "unavailable": BackendUnavailableError("down"),
    "not_found": NotFoundError("404", status=404),
    "rate_limited": RateLimitedError("429", retry_after=1.0),
}


def _apply(tracker: JobTracker, kind: str, body: object) -> None:
    if kind == "sse":
        tracker._on_message(parse_message(cast(dict[str, Any], body)))
    elif kind == "poll":
        tracker._on_file(FileObject.model_validate(body))
    elif kind == "project":
        tracker._on_project(ProjectObject.model_validate(body))
    elif kind == "stream":
        tracker._on_stream_state(StreamState(cast(str, body)), "test")
    else:
        tracker._on_poll_error(_ERRORS[cast(str, body)])


async def _run(
    inputs: list[tuple[str, object]], cancel_late: bool = False
) -> tuple[list[JobUpdate], CountingDownloader]:
    updates: list[JobUpdate] = []
    downloader = CountingDownloader()

    async def persist(update: JobUpdate) -> None:
        await asyncio.sleep(0)

    tracker = JobTracker(
        "job-1",
        cast(SuperDuperClient, SilentClient()),
        cast(Downloader, downloader),
        config=EngineConfig(),
        diagnostics=Diagnostics(),
        emit=updates.append,
        persist=persist,
        initial=JobUpdate(job_id="job-1", state=JobState.QUEUED, file_id=FILE_ID),
    )
    task = asyncio.create_task(tracker.follow())
    await asyncio.sleep(0)
    for kind, body in inputs:
        # Once the job is downloading or over, its stream and poller are stopped:
        # nothing can reach the tracker any more.
        if tracker.snapshot.state in (JobState.DOWNLOADING, *TERMINAL_STATES):
            break
        _apply(tracker, kind, body)
        await asyncio.sleep(0)
    decided = tracker._outcome is not None and tracker._outcome.done()
    if not decided or cancel_late:
        # Undecided jobs are stopped by the user; decided ones may be stopped
        # while downloading (a no-op once they are over).
        tracker.cancel()
    final = await asyncio.wait_for(task, 5)
    assert final.state.is_terminal
    assert tracker.snapshot == final
    return updates, downloader


@settings(max_examples=200, deadline=None)
@given(INPUTS, st.booleans())
def test_any_sequence_gives_monotonic_progress_and_one_ending(
    inputs: list[tuple[str, object]], cancel_late: bool
) -> None:
    updates, downloader = asyncio.run(_run(inputs, cancel_late))
    values = [u.progress for u in updates if u.progress is not None]
    assert all(0.0 <= v <= 1.0 for v in values), values
    assert values == sorted(values), values
    states = [u.state for u in updates]
    terminal = [s for s in states if s.is_terminal]
    assert len(set(terminal)) == 1
    first = states.index(terminal[0])
    assert all(s == terminal[0] for s in states[first:])
    assert len(downloader.calls) <= 1
    if terminal[0] == JobState.COMPLETED:
        assert downloader.calls == [URL]
        assert values[-1] == 1.0
    # States only move forward along submitting → downloading before the end.
    order = [JobState.SUBMITTING, JobState.QUEUED, JobState.PROCESSING, JobState.DOWNLOADING]
    ranks = [order.index(s) for s in states[:first]]
    assert ranks == sorted(ranks)
    # Every update is facts: a job in flight has the stage of its state (the
    # download's own two stages while downloading), an ended one has none,
    # and only a failed one has a kind.
    for update in updates:
        if update.state.is_terminal:
            assert update.stage is None
        elif update.state is JobState.DOWNLOADING:
            assert update.stage in (Stage.DOWNLOADING, Stage.VERIFYING)
        else:
            assert update.stage is stage_of_state(update.state)
        assert (update.error_kind is not None) is (update.state is JobState.FAILED)
    if terminal[0] == JobState.COMPLETED:
        assert Stage.VERIFYING in [u.stage for u in updates]


def test_a_result_after_a_failure_is_ignored() -> None:
    updates, downloader = asyncio.run(
        _run(
            [
                ("sse", {"type": "error", "error": "content policy", "object": {}}),
                ("sse", {"type": "render_result", "object": {"url": URL}}),
                ("poll", _file(1.0, True, False)),
            ]
        )
    )
    assert updates[-1].state == JobState.FAILED
    assert updates[-1].error_kind is ErrorKind.RENDER
    assert updates[-1].server_message == "content policy"
    assert downloader.calls == []


def test_duplicate_results_from_both_sources_download_once() -> None:
    updates, downloader = asyncio.run(
        _run(
            [
                ("sse", {"type": "render_result", "object": {"url": URL}}),
                ("poll", _file(1.0, True, False)),
                ("sse", {"type": "file", "object": _file(None, True, False)}),
            ]
        )
    )
    assert [u.state for u in updates].count(JobState.COMPLETED) >= 1
    assert updates[-1].state == JobState.COMPLETED
    assert downloader.calls == [URL]
