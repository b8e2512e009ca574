"""`JobTracker` on a project channel and with file lookups: a project entry or
an event that names a file is resolved through `GET file/{id}`, and only a
video with a url is a result; a project task in error (any case) fails the
job; a file id-only event about the job's own file makes the poller look now.

The client is a stand-in whose `get_file` answers from a table (and counts),
whose stream never says anything and whose project polls never return, so
the test's inputs are the only ones."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import pytest

from app.api.client import SuperDuperClient
from app.api.errors import NotFoundError
from app.api.models import FileObject, ProjectObject, parse_message
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import (
    Downloader,
    DownloadResult,
    ProgressCallback,
    VerifyingCallback,
)
from app.engine.tracker import JobTracker
from app.engine.updates import ErrorKind, JobState, JobUpdate

PROJECT = "proj-1"
VIDEO = "file-video"
URL = "https://cdn.example/file-video.mp4"


def video(ident: str = VIDEO, *, done: bool = True, failed: bool = False) -> FileObject:
    status = "error" if failed else "completed" if done else "in_progress"
    return FileObject.model_validate(
        {
            "id": ident,
            "url": URL if done and not failed else None,
            "type": "video",
            "tasks": [{"id": "t", "status": status, "error": "out of memory"}],
        }
    )


PICTURE = FileObject.model_validate(
    {"id": "file-picture", "url": "https://cdn.example/p.png", "type": "image", "tasks": []}
)


async def _no_chunks() -> AsyncIterator[bytes]:  # pragma: no cover - never read
    yield b""


class TableClient:
    """`get_file` answers from `files` (404 otherwise); nothing else ever answers."""

    def __init__(self, files: dict[str, FileObject]) -> None:
        self.files = files
        self.lookups: list[str] = []

    @asynccontextmanager
    async def open_event_stream(
        self, channel: str, *, last_event_id: str | None = None
    ) -> AsyncIterator[AsyncIterator[bytes]]:
        await asyncio.Event().wait()
        yield _no_chunks()  # pragma: no cover - never reached

    async def get_file(self, file_id: str) -> FileObject:
        self.lookups.append(file_id)
        await asyncio.sleep(0)
        if file_id not in self.files:
            raise NotFoundError("404", status=404)
        return self.files[file_id]

    async def get_project(self, project_id: str) -> ProjectObject:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


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
        return DownloadResult(Path(f"/videos/{file_id}.mp4"), None, 1234)


def tracker_for(client: TableClient, *, file_id: str | None = None) -> JobTracker:
    async def persist(update: JobUpdate) -> None:
        await asyncio.sleep(0)

    return JobTracker(
        "job-1",
        cast(SuperDuperClient, client),
        cast(Downloader, CountingDownloader()),
        # A long poll interval: no poll happens unless the tracker asks for one.
        config=EngineConfig(poll_interval=60.0, safety_poll_interval=60.0),
        diagnostics=Diagnostics(),
        emit=lambda update: None,
        persist=persist,
        initial=JobUpdate(
            job_id="job-1",
            state=JobState.QUEUED,
            file_id=file_id,
            project_id=None if file_id else PROJECT,
        ),
    )


def project(data: list[dict[str, Any]], tasks: list[dict[str, Any]] | None = None) -> ProjectObject:
    return ProjectObject.model_validate(
        {"id": PROJECT, "data": data, "tasks": tasks or [{"id": "t", "status": "in_progress"}]}
    )


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def follow(tracker: JobTracker, *inputs: Any) -> JobUpdate:
    """Start following, feed each input (a project, or an SSE payload), then
    stop following if nothing decided the job."""
    task = asyncio.create_task(tracker.follow())
    await settle()
    for item in inputs:
        if isinstance(item, ProjectObject):
            tracker._on_project(item)
        elif callable(item):
            item()
        else:
            tracker._on_message(parse_message(item))
        await settle()
    if tracker._outcome is not None and not tracker._outcome.done():
        tracker.cancel()
    return await asyncio.wait_for(task, 5)


def test_a_project_entry_naming_the_video_is_looked_up_and_is_the_result() -> None:
    client = TableClient({VIDEO: video()})
    tracker = tracker_for(client)
    final = asyncio.run(follow(tracker, project([{"id": "d", "value": {"file_id": VIDEO}}])))
    assert final.state == JobState.COMPLETED and final.url == URL
    assert client.lookups == [VIDEO]


def test_a_looked_up_file_still_rendering_is_not_an_outcome() -> None:
    client = TableClient({VIDEO: video(done=False)})
    tracker = tracker_for(client)
    entry = project([{"id": "d", "value": {"file_id": VIDEO}}])
    final = asyncio.run(follow(tracker, entry, entry))
    assert final.state == JobState.CANCELLED  # stopped by the test, not decided
    assert client.lookups == [VIDEO, VIDEO]  # looked at again on the next poll


def test_a_file_that_is_not_a_video_is_never_the_result_and_is_not_asked_again() -> None:
    client = TableClient({PICTURE.id: PICTURE})
    tracker = tracker_for(client)
    entry = project([{"id": "d", "value": {"file_id": PICTURE.id}}])
    final = asyncio.run(follow(tracker, entry, entry))
    assert final.state == JobState.CANCELLED
    assert client.lookups == [PICTURE.id]


def test_a_looked_up_video_that_failed_fails_the_job() -> None:
    client = TableClient({VIDEO: video(failed=True)})
    tracker = tracker_for(client)
    final = asyncio.run(follow(tracker, project([{"id": "d", "value": {"file_id": VIDEO}}])))
    assert final.state == JobState.FAILED and final.error_kind is ErrorKind.RENDER
    assert final.server_message == "out of memory"


@pytest.mark.parametrize("status", ["error", "ERROR", "Error"])
def test_a_project_task_in_error_in_any_case_fails_the_job(status: str) -> None:
    tracker = tracker_for(TableClient({}))
    failed = project([], [{"id": "t1", "status": "completed"}, {"id": "t2", "status": status}])
    final = asyncio.run(follow(tracker, failed))
    assert final.state == JobState.FAILED


def test_project_channel_events_data_and_task_error() -> None:
    client = TableClient({VIDEO: video()})
    data = {
        "type": "data",
        "object": {"id": "d", "project_id": PROJECT, "value": {"file_id": VIDEO}},
    }
    final = asyncio.run(follow(tracker_for(client), data))
    assert final.state == JobState.COMPLETED and client.lookups == [VIDEO]

    error = {"type": "task", "object": {"id": "t", "status": "ERROR", "error": "quota"}}
    failed = asyncio.run(follow(tracker_for(TableClient({})), error))
    assert failed.state == JobState.FAILED and "quota" in str(failed.server_message)


def test_a_file_reference_to_the_jobs_own_file_makes_the_poller_look_now() -> None:
    client = TableClient({})  # the poll at the start finds nothing yet (404)
    tracker = tracker_for(client, file_id=VIDEO)
    reference = {"type": "file", "object": {"file_id": VIDEO}}

    def finished() -> None:
        client.files[VIDEO] = video()

    final = asyncio.run(follow(tracker, finished, reference))
    assert final.state == JobState.COMPLETED
    # The second GET is the poll the reference asked for: the next one was a minute away.
    assert client.lookups == [VIDEO, VIDEO]


def test_references_to_other_files_on_the_jobs_channel_are_ignored() -> None:
    client = TableClient({PICTURE.id: PICTURE})
    tracker = tracker_for(client, file_id=VIDEO)
    final = asyncio.run(
        follow(
            tracker,
            {"type": "file", "object": {"file_id": PICTURE.id}},
            {"type": "task", "object": {"status": "error", "file_id": PICTURE.id}},
        )
    )
    assert final.state == JobState.CANCELLED
    assert client.lookups == [VIDEO]  # the poll at the start; the picture is never asked for


def test_a_hostile_file_id_is_never_looked_up() -> None:
    client = TableClient({})
    tracker = tracker_for(client)
    final = asyncio.run(follow(tracker, project([{"id": "d", "value": {"file_id": "../x"}}])))
    assert final.state == JobState.CANCELLED and client.lookups == []
