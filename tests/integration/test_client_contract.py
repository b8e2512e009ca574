"""`SuperDuperClient` against the real built-in renderer over loopback: every
endpoint of the contract, as the app uses it (`local_server` is in conftest)."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import av
import pytest
from httpx_sse import EventSource
from PIL import Image

from app.api import (
    AuthenticationError,
    GenerationRequest,
    InvalidRequestError,
    NotFoundError,
    SuperDuperClient,
    parse_message,
)
from app.api.models import RenderProgress, RenderResult, UnknownMessage

if TYPE_CHECKING:
    from tests.conftest import LocalServer

T = TypeVar("T")

QUICK = GenerationRequest(
    prompt="contract test: a blue kite",
    generation_config_name="local/quick-t2v",
    duration=1,
    width=128,
    height=72,
    aspect_ratio="16:9",
    seed=11,
    shot_size="medium_shot",
)


def run(
    server: LocalServer,
    call: Callable[[SuperDuperClient], Awaitable[T]],
    *,
    token: str | None = None,
) -> T:
    async def scenario() -> T:
        async with SuperDuperClient(server.url, server.token if token is None else token) as client:
            return await call(client)

    return asyncio.run(scenario())


async def wait_until_done(client: SuperDuperClient, file_id: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        file = await client.get_file(file_id)
        if file.is_video_result and file.url:
            return file.url
        assert file.failed_task is None, file
        assert time.monotonic() < deadline, "render did not finish in time"
        await asyncio.sleep(0.05)


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("upload") / "picture.png"
    Image.new("RGB", (96, 64), (200, 120, 40)).save(path)
    return path


def test_catalogue_across_pages_and_the_models_framecast_can_start(
    local_server: LocalServer,
) -> None:
    listing = run(local_server, lambda c: c.list_generation_configs())
    assert listing.skipped == []
    names = [c.name for c in listing.items]
    assert len(names) == 9 and names == sorted(names)  # two pages of at most 5
    models = run(local_server, lambda c: c.list_models())
    by_name = {m.name: m for m in models}
    assert set(by_name) == {
        "local/animate-i2v",
        "local/quick-t2v",
        "local/sketch-t2v",
        "local/studio-t2v",
        "local/wave-t2v",
    }
    assert by_name["local/animate-i2v"].needs_image
    assert not by_name["local/sketch-t2v"].needs_image
    for name in ("local/animate-i2v", "local/quick-t2v", "local/sketch-t2v", "local/wave-t2v"):
        model = by_name[name]
        assert model.price_per_second == 0 and not model.vip_required, name  # free, and says so
        assert model.available_durations, name
    studio = by_name["local/studio-t2v"]
    assert studio.vip_required and studio.price_per_second == 0.5
    wave = by_name["local/wave-t2v"]
    assert wave.label is None and wave.display_name == "Wave t2v (local)"
    assert (wave.available_durations, wave.max_duration) == ([3, 5, 6], 6)
    assert wave.aspect_ratios == ["16:9", "9:16", "1:1"]
    left_out = {c.name: c for c in listing.items if not c.usable}
    assert set(left_out) == {
        "local/chime-t2a",
        "local/restyle-v2v",
        "local/retouch-i2i",
        "local/still-t2i",
    }
    assert left_out["local/restyle-v2v"].price_per_second is None  # unknown, not free


def test_list_styles_across_pages_with_nulls(local_server: LocalServer) -> None:
    styles = run(local_server, lambda c: c.list_styles())
    names = [s.name for s in styles]
    assert len(names) == 7 and names == sorted(names, reverse=True)
    assert all(s.name and s.display_name for s in styles)
    ink = next(s for s in styles if s.name == "ink_wash")
    assert (ink.title, ink.tags, ink.display_name) == (None, [], "Ink wash")
    assert next(s for s in styles if s.name == "aurora").thumbnail is None


def test_account_and_the_whole_catalogue(local_server: LocalServer) -> None:
    catalogue = run(local_server, lambda c: c.load_catalogue())
    assert catalogue.account is not None
    assert (catalogue.account.vip, catalogue.account.balance) == (False, None)
    assert len(catalogue.configs) == 9 and len(catalogue.styles) == 7
    assert [m.name for m in catalogue.models] == [c.name for c in catalogue.configs if c.usable]
    assert catalogue.skipped == []


def test_upload_png(local_server: LocalServer, picture: Path) -> None:
    uploaded = run(local_server, lambda c: c.upload_image(picture))
    assert uploaded.id and uploaded.type == "image"


def test_upload_refuses_text_and_oversized_files(local_server: LocalServer, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * (10 * 1024 * 1024))
    for path in (text, big):
        with pytest.raises(InvalidRequestError):
            run(local_server, lambda c, p=path: c.upload_image(p))  # type: ignore[misc]


def test_generate_poll_project_and_download_with_range(
    local_server: LocalServer, tmp_path: Path
) -> None:
    async def scenario(client: SuperDuperClient) -> tuple[bytes, bytes, int]:
        created = await client.generate_video(QUICK)
        assert created.project_id
        file = await client.get_file(created.file_id)
        assert file.id == created.file_id
        url = await wait_until_done(client, created.file_id)
        project = await client.get_project(created.project_id)
        assert project.video_urls() == [url]
        async with client.stream_download(url) as whole:
            assert whole.status == 200
            assert whole.content_type.startswith("video/")
            data = b"".join([chunk async for chunk in whole.chunks])
            assert whole.content_length == len(data)
        async with client.stream_download(url, start=100) as rest:
            return data, b"".join([chunk async for chunk in rest.chunks]), rest.status

    data, tail, status = run(local_server, scenario)
    assert status == 206 and tail == data[100:]
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (128, 72)


def test_generate_image_to_video_with_an_uploaded_source(
    local_server: LocalServer, picture: Path
) -> None:
    async def scenario(client: SuperDuperClient) -> str:
        uploaded = await client.upload_image(picture)
        request = GenerationRequest.model_validate(
            {
                "prompt": "make it move",
                "generation_config_name": "local/animate-i2v",
                "duration": 2,
                "width": 128,
                "height": 72,
                "references": [{"reference_id": uploaded.id}],
            }
        )
        created = await client.generate_video(request)
        return await wait_until_done(client, created.file_id)

    assert run(local_server, scenario).endswith(".mp4")


@pytest.mark.parametrize("seed", [48213950267315, 2**53 - 1, None])
def test_seeds_of_14_digits_and_more_are_sent_and_echoed(
    local_server: LocalServer, seed: int | None
) -> None:
    request = QUICK.model_copy(update={"seed": seed})
    created = run(local_server, lambda c: c.generate_video(request))
    assert created.file is not None and created.file.video_generation is not None
    echoed = created.file.video_generation.seed
    assert echoed == seed if seed is not None else len(str(echoed)) == 14


def test_a_vip_model_is_refused_for_the_renderers_account(local_server: LocalServer) -> None:
    request = QUICK.model_copy(update={"generation_config_name": "local/studio-t2v", "duration": 5})
    with pytest.raises(InvalidRequestError) as info:
        run(local_server, lambda c: c.generate_video(request))
    assert "needs a VIP account" in str(info.value.server_message)


def test_the_library_lists_finished_videos_and_deletes_them(
    fresh_local_server: LocalServer, picture: Path
) -> None:
    async def scenario(client: SuperDuperClient) -> None:
        uploaded = await client.upload_image(picture)
        older = await client.generate_video(QUICK)
        newer = await client.generate_video(QUICK)
        for created in (older, newer):
            await wait_until_done(client, created.file_id)
        library = await client.list_library()
        ids = [v.id for v in library.videos]
        assert ids == [newer.file_id, older.file_id]  # newest first
        assert all(v.is_video_result and v.duration == 1.0 for v in library.videos)
        mixed = await client.list_library_page(types=("video", "image"), limit=2)
        assert [v.id for v in mixed.videos] == [newer.file_id, older.file_id][: len(mixed.videos)]
        assert mixed.next is not None  # three files, two a page
        rest = await client.list_library_page(
            offset=mixed.next.offset, limit=mixed.next.limit, types=("video", "image")
        )
        skipped = [*mixed.skipped, *rest.skipped]
        assert [(s.id, s.reason) for s in skipped] == [(uploaded.id, "not a video (image)")]

        deleted = await client.delete_file(older.file_id)
        assert deleted is not None and deleted.id == older.file_id
        with pytest.raises(NotFoundError):
            await client.get_file(older.file_id)
        with pytest.raises(NotFoundError):
            await client.delete_file(older.file_id)
        assert [v.id for v in (await client.list_library()).videos] == [newer.file_id]

    run(fresh_local_server, scenario)


def test_unknown_model_is_refused_with_the_servers_message(local_server: LocalServer) -> None:
    request = QUICK.model_copy(update={"generation_config_name": "nobody/nothing"})
    with pytest.raises(InvalidRequestError) as info:
        run(local_server, lambda c: c.generate_video(request))
    assert info.value.status == 422
    assert "nobody/nothing" in str(info.value.server_message)
    assert "local/quick-t2v" in str(info.value.server_message)


def test_duration_not_offered_is_refused(local_server: LocalServer) -> None:
    request = QUICK.model_copy(update={"duration": 7})
    with pytest.raises(InvalidRequestError, match="7"):
        run(local_server, lambda c: c.generate_video(request))


def test_event_stream_opens_as_text_event_stream_with_ids(local_server: LocalServer) -> None:
    async def scenario(client: SuperDuperClient) -> list[object]:
        created = await client.generate_video(QUICK)
        seen: list[object] = []
        # Read with httpx and httpx-sse, not Framecast's own parser: the
        # renderer must speak SSE to any client, not only to ours.
        url = client.api_url(f"events/file.{created.file_id}")
        headers = {"Authorization": f"Bearer {local_server.token}"}
        async with client.http.stream("GET", url, headers=headers) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            async for event in EventSource(response).aiter_sse():
                if not event.data:
                    continue
                assert event.id
                message = parse_message(event.data)
                seen.append(message)
                if isinstance(message, RenderResult):
                    break
        return seen

    messages = run(local_server, scenario)
    assert isinstance(messages[-1], RenderResult)
    assert not any(isinstance(m, UnknownMessage) for m in messages)
    values = [m.value for m in messages if isinstance(m, RenderProgress) and m.value is not None]
    assert values == sorted(values)


def test_project_channel_and_missing_items(local_server: LocalServer) -> None:
    async def scenario(client: SuperDuperClient) -> int:
        created = await client.generate_video(QUICK)
        assert created.project_id
        with pytest.raises(NotFoundError):
            await client.get_file("no-such-file")
        with pytest.raises(NotFoundError):
            await client.get_project("no-such-project")
        async with client.open_event_stream(f"project.{created.project_id}") as chunks:
            return await anext(chunks)  # opened: a 200 event stream, its first bytes

    assert run(local_server, scenario)


def test_wrong_token_is_an_authentication_error(local_server: LocalServer) -> None:
    with pytest.raises(AuthenticationError):
        run(local_server, lambda c: c.list_models(), token="wrong-token")
    with pytest.raises(AuthenticationError):
        run(local_server, lambda c: c.generate_video(QUICK), token="")
