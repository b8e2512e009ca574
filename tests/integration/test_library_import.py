"""The account's library imported into the history, over loopback: against the
scripted backend (the SDK's shapes, page caps, faults) and the built-in renderer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.api.client import SuperDuperClient
from app.api.errors import BackendUnavailableError, PagingError, ProtocolError
from app.api.models import GenerationRequest
from app.engine.config import EngineConfig
from app.engine.diagnostics import Diagnostics
from app.engine.downloader import Downloader
from app.engine.library import (
    ImportReport,
    LibraryImporter,
    LibraryVideoGoneError,
    fetch_library_poster,
    fetch_library_video,
)
from app.engine.manager import JobManager
from app.logs import register_secret
from app.session import BUILTIN_BACKEND_ID
from app.store.history import ACCOUNT, LOCAL, AsyncHistoryStore, HistoryStore
from tests.conftest import LocalServer
from tests.integration.engine_helpers import FAST, engine_run
from tests.support.scripted_backend import LIBRARY_EPOCH, ScriptedBackend


@dataclass
class Library:
    backend: ScriptedBackend
    client: SuperDuperClient
    history: AsyncHistoryStore
    db_path: Path

    def importer(self, **options: int) -> LibraryImporter:
        return LibraryImporter(self.client, self.history, self.backend.url, **options)

    async def run(self, **options: int) -> ImportReport:
        return await self.importer(**options).run()

    def list_requests(self) -> int:
        return len([r for r in self.backend.requests_to("file", "GET") if r.path.endswith("/file")])


@asynccontextmanager
async def library_of(backend: ScriptedBackend, tmp_path: Path) -> AsyncIterator[Library]:
    db_path = tmp_path / "history.sqlite3"
    history = AsyncHistoryStore(HistoryStore(db_path))
    async with SuperDuperClient(backend.url, backend.token) as client:
        try:
            yield Library(backend, client, history, db_path)
        finally:
            await history.aclose()


def run(coro_fn: Callable[[], object]) -> None:
    asyncio.run(coro_fn())  # type: ignore[arg-type]


def test_the_first_import_adds_every_finished_video_newest_first(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    backend = scripted_backend
    backend.page_cap = 20
    backend.fill_library(45)
    corpus = Path(__file__).parents[1] / "contract" / "library" / "page.json"
    # A page of the real shapes: a finished video, an unfinished one, a failed one, a picture.
    backend.library[10:10] = json.loads(corpus.read_text())["body"]["items"]

    async def scenario() -> None:
        async with library_of(backend, tmp_path) as lib:
            pages: list[ImportReport] = []
            report = await lib.importer().run(pages.append)
            rows = await lib.history.list()
        finished = [f for f in backend.library if f["type"] == "video" and f["url"]]
        assert report.added == report.listed == len(finished) == 47 and report.complete
        # The picture and the voice-over are filtered out by the server (types=video);
        # the unfinished and the failed video are left out here.
        assert report.skipped == 2 and report.pages == 3
        assert [p.pages for p in pages] == [1, 2, 3]
        assert [p.added for p in pages] == sorted(p.added for p in pages)
        assert all(r.origin == ACCOUNT and r.state == "completed" for r in rows)
        listed = [f["id"] for f in backend.library if f["id"] in {r.file_id for r in rows}]
        assert [r.file_id for r in rows] == listed  # the library's own order
        fox = next(r for r in rows if r.file_id == "vid-done")
        assert fox.prompt == "a red fox running through snow"
        assert fox.model == "google-cloud/veo2-text2video"
        assert fox.url == "https://cdn.superduperai.example/v/done.mp4"
        request = GenerationRequest.model_validate_json(fox.request_json)
        assert (request.seed, request.duration, request.aspect_ratio) == (48213950267315, 5, "16:9")
        # No date from the service: placed in its order, marked as estimated.
        assert all(r.created_estimated and r.imported_at for r in rows)
        times = [r.created_at for r in rows]
        assert times == sorted(times, reverse=True) and len(set(times)) == len(times)

    run(scenario)


def test_dates_the_service_sends_are_used(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    scripted_backend.fill_library(3, dated=True)

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            rows = await lib.history.list()
        assert [r.created_at for r in rows] == [
            "2025-06-01T12:00:00.000000+00:00",
            "2025-06-01T11:59:00.000000+00:00",
            "2025-06-01T11:58:00.000000+00:00",
        ]
        assert LIBRARY_EPOCH.isoformat().startswith(rows[0].created_at[:19])
        assert not any(r.created_estimated for r in rows)

    run(scenario)


def test_a_later_import_reads_only_what_is_new(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    backend = scripted_backend
    backend.page_cap = 10
    backend.fill_library(60)

    async def scenario() -> None:
        async with library_of(backend, tmp_path) as lib:
            first = await lib.run(page_limit=10)
            assert first.added == 60 and lib.list_requests() == 6
            before = lib.list_requests()
            backend.add_library_video("web-new", "Made in the web app a minute ago")
            second = await lib.run(page_limit=10)
            assert (second.added, second.pages) == (1, 1)
            assert lib.list_requests() - before == 1  # stopped at the first page it had seen
            third = await lib.run(page_limit=10)
            assert third.added == 0
            rows = await lib.history.list()
        assert rows[0].file_id == "web-new" and rows[0].prompt == "Made in the web app a minute ago"
        assert len(rows) == 61 == len({r.file_id for r in rows})

    run(scenario)


def test_a_failed_import_loses_nothing_and_the_next_one_goes_on(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    backend = scripted_backend
    backend.page_cap = 10
    backend.fill_library(55)

    def fail_after_two(report: ImportReport) -> None:
        if report.pages == 2:
            backend.inject("GET", "file", 503)

    async def scenario() -> None:
        async with library_of(backend, tmp_path) as lib:
            with pytest.raises(BackendUnavailableError):
                await lib.importer(page_limit=10).run(fail_after_two)
            kept = await lib.history.list()
            assert len(kept) == 20  # the two pages written stay
            assert await lib.history.library_resume(backend.url) == 20
            # A new video arrived meanwhile; the next run takes it and goes on
            # from where the failed one stopped, to the end.
            backend.add_library_video("web-new", "New since the failure")
            report = await lib.run(page_limit=10)
            rows = await lib.history.list()
            assert await lib.history.library_resume(backend.url) is None
        assert report.added == 36 and report.complete
        assert len(rows) == 56 == len({r.file_id for r in rows})
        assert [r.file_id for r in rows] == ["web-new", *(f"lib-{i:05d}" for i in range(55))]

    run(scenario)


def test_an_import_is_bounded_and_carries_on_next_time(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    scripted_backend.page_cap = 10
    scripted_backend.fill_library(35)

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            first = await lib.run(page_limit=10, max_pages=2)
            assert (first.added, first.complete) == (20, False)
            second = await lib.run(page_limit=10, max_pages=2)
            assert (second.added, second.complete) == (10, False)
            third = await lib.run(page_limit=10, max_pages=2)
            assert (third.added, third.complete) == (5, True)
            assert await lib.history.count() == 35

    run(scenario)


def test_a_library_whose_paging_loops_is_refused_keeping_what_was_read(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    scripted_backend.fill_library(5)
    first = dict(
        items=scripted_backend.library[:2],
        total=5,
        limit=2,
        offset=0,
        next={"offset": 0, "limit": 2},
    )
    scripted_backend.inject("GET", "file", 200, json_body=first, count=None)

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            with pytest.raises(PagingError):
                await lib.run()
            assert await lib.history.count() == 2

    run(scenario)


def test_a_job_of_this_app_is_never_imported_twice(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    scripted_backend.fill_library(3)

    async def scenario() -> None:
        async with engine_run(scripted_backend, tmp_path) as engine:
            job_id = await engine.submit()
            done = await engine.finish(job_id)
            assert done.file_id is not None
            importer = LibraryImporter(
                engine.manager.client, engine.history, engine.manager.backend_id
            )
            report = await importer.run()
            rows = await engine.history.list()
        assert (report.listed, report.added) == (4, 3)
        assert [r.origin for r in rows if r.file_id == done.file_id] == [LOCAL]
        assert len(rows) == 4

    run(scenario)


def test_a_deleted_video_stays_deleted(scripted_backend: ScriptedBackend, tmp_path: Path) -> None:
    scripted_backend.fill_library(3)

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            assert await lib.history.dismiss("account-lib-00001")
            await lib.history.set_library_resume(scripted_backend.url, 0)  # read it all again
            report = await lib.run()
            rows = await lib.history.list()
        assert report.added == 0
        assert [r.file_id for r in rows] == ["lib-00000", "lib-00002"]

    run(scenario)


def test_the_token_is_never_stored(scripted_backend: ScriptedBackend, tmp_path: Path) -> None:
    token = scripted_backend.token
    register_secret(token)  # as Session does for every token it uses
    scripted_backend.add_library_video(
        "echo",
        "A link that carries the token",
        thumbnail_url=f"https://cdn.example/p.jpg?t={token}",
    )

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            row = (await lib.history.list())[0]
            assert row.thumbnail_url is not None and token not in row.thumbnail_url
        for path in tmp_path.glob("history.sqlite3*"):
            assert token.encode() not in path.read_bytes()

    run(scenario)


def fetch_parts(lib: Library, videos: Path) -> Downloader:
    return Downloader(lib.client, videos, config=FAST, diagnostics=Diagnostics())


def test_playing_an_imported_video_downloads_it_verified(
    scripted_backend: ScriptedBackend, tmp_path: Path, sample_video: bytes
) -> None:
    scripted_backend.add_library_video("web-1", "A lighthouse in fog")

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            record = (await lib.history.list())[0]
            seen: list[float | None] = []
            fetched = await fetch_library_video(
                lib.client, fetch_parts(lib, tmp_path / "videos"), lib.history, record, seen.append
            )
            stored = await lib.history.get(record.job_id)
        assert fetched.local_path and Path(fetched.local_path).read_bytes() == sample_video
        assert stored == fetched
        assert (
            stored is not None and stored.thumbnail_path and Path(stored.thumbnail_path).is_file()
        )
        assert seen and seen[-1] == 1.0
        assert [r.path for r in scripted_backend.requests_to("file/web-1")]  # a fresh address

    run(scenario)


def test_a_video_gone_from_the_account_says_so(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    scripted_backend.add_library_video("web-1", "Deleted in the web app")

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            record = (await lib.history.list())[0]
            await lib.client.delete_file("web-1")
            with pytest.raises(LibraryVideoGoneError):
                await fetch_library_video(
                    lib.client, fetch_parts(lib, tmp_path / "videos"), lib.history, record
                )
            assert (await lib.history.get(record.job_id)) == record  # nothing changed

    run(scenario)


def test_a_poster_the_service_offers_is_saved_and_a_non_picture_refused(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    jpeg = b"\xff\xd8\xff\xe0" + b"\0" * 200
    scripted_backend.cdn.put("/posters/p.jpg", jpeg, content_type="image/jpeg")
    scripted_backend.cdn.put("/posters/page.html", b"<html>nope</html>", content_type="text/html")
    cdn = scripted_backend.cdn.url
    scripted_backend.add_library_video(
        "web-1", "With a poster", thumbnail_url=f"{cdn}/posters/p.jpg"
    )
    scripted_backend.add_library_video(
        "web-2", "Odd poster", thumbnail_url=f"{cdn}/posters/page.html"
    )

    async def scenario() -> None:
        async with library_of(scripted_backend, tmp_path) as lib:
            await lib.run()
            odd, good = await lib.history.list()
            folder = tmp_path / "videos" / "thumbnails"
            poster = await fetch_library_poster(lib.client, folder, lib.history, good)
            assert poster == folder / "web-1.jpg" and poster.read_bytes() == jpeg
            assert poster.stat().st_mode & 0o777 == 0o600
            assert (await lib.history.get(good.job_id)).thumbnail_path == str(poster)  # type: ignore[union-attr]
            with pytest.raises(ProtocolError):
                await fetch_library_poster(lib.client, folder, lib.history, odd)
            assert (await lib.history.get(odd.job_id)).thumbnail_path is None  # type: ignore[union-attr]

    run(scenario)


# --------------------------------------------------------------------------- the built-in renderer


def test_the_built_in_renderers_library_matches_its_jobs_by_file_id(
    local_server: LocalServer, tmp_path: Path
) -> None:
    """The built-in renderer lists its own renders (other tests' too, on this
    shared server): the job this history made is one row, as a job."""
    request = GenerationRequest(
        prompt="A library check",
        generation_config_name="local/quick-t2v",
        duration=1,
        width=256,
        height=144,
        aspect_ratio="16:9",
    )

    async def scenario() -> None:
        history = AsyncHistoryStore(HistoryStore(tmp_path / "history.sqlite3"))
        async with SuperDuperClient(local_server.url, local_server.token) as client:
            manager = JobManager(
                client,
                history,
                videos_dir=tmp_path / "videos",
                config=EngineConfig(poll_interval=0.2),
                backend_id=BUILTIN_BACKEND_ID,
            )
            try:
                job_id = await manager.submit(request)
                done = await asyncio.wait_for(manager.wait(job_id), 90)
            finally:
                await manager.aclose()
            importer = LibraryImporter(client, history, BUILTIN_BACKEND_ID, page_limit=5)
            first = await importer.run()
            second = await importer.run()
            rows = await history.list()
        await history.aclose()
        assert done.file_id is not None
        mine = [r for r in rows if r.file_id == done.file_id]
        assert [(r.job_id, r.origin) for r in mine] == [(job_id, LOCAL)]
        assert first.listed >= 1 and first.added == first.listed - 1
        assert second.added == 0 and second.pages == 1
        assert len(rows) == len({r.file_id for r in rows}) == first.listed
        # The renderer sends when each video was made: no estimates.
        assert not any(r.created_estimated for r in rows)

    asyncio.run(scenario())
