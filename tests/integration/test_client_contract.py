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


def test_list_models_and_filter_by_type(local_server: LocalServer) -> None:
    models = run(local_server, lambda c: c.list_models())
    by_name = {m.name: m for m in models}
    assert {"local/sketch-t2v", "local/animate-i2v", "local/quick-t2v"} <= set(by_name)
    assert by_name["local/animate-i2v"].needs_image
    assert not by_name["local/sketch-t2v"].needs_image
    assert all(m.price_per_second == 0 and m.available_durations for m in models)
    assert not any(m.vip_required for m in models)
    i2v = run(local_server, lambda c: c.list_models(type="image_to_video"))
    assert i2v and all(m.type == "image_to_video" for m in i2v)


def test_list_styles(local_server: LocalServer) -> None:
    styles = run(local_server, lambda c: c.list_styles())
    assert styles and all(s.name and s.display_name for s in styles)
    assert any(s.name == "cinematic" for s in styles)


def test_account_is_none_or_an_account(local_server: LocalServer) -> None:
    account = run(local_server, lambda c: c.get_account())
    assert account is None or account.balance is None or account.balance >= 0


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
            assert whole.status_code == 200
            assert whole.headers["content-type"].startswith("video/")
            data = await whole.aread()
        async with client.stream_download(url, start=100) as rest:
            return data, await rest.aread(), rest.status_code

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


def test_unknown_model_is_refused_with_the_servers_message(local_server: LocalServer) -> None:
    request = QUICK.model_copy(update={"generation_config_name": "nobody/nothing"})
    with pytest.raises(InvalidRequestError) as info:
        run(local_server, lambda c: c.generate_video(request))
    assert info.value.status == 422
    assert "nobody/nothing" in info.value.user_message
    assert "local/quick-t2v" in info.value.user_message


def test_duration_not_offered_is_refused(local_server: LocalServer) -> None:
    request = QUICK.model_copy(update={"duration": 7})
    with pytest.raises(InvalidRequestError, match="7"):
        run(local_server, lambda c: c.generate_video(request))


def test_event_stream_opens_as_text_event_stream_with_ids(local_server: LocalServer) -> None:
    async def scenario(client: SuperDuperClient) -> list[object]:
        created = await client.generate_video(QUICK)
        seen: list[object] = []
        async with client.open_event_stream(f"file.{created.file_id}") as response:
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
        async with client.open_event_stream(f"project.{created.project_id}") as response:
            return response.status_code

    assert run(local_server, scenario) == 200


def test_wrong_token_is_an_authentication_error(local_server: LocalServer) -> None:
    with pytest.raises(AuthenticationError):
        run(local_server, lambda c: c.list_models(), token="wrong-token")
    with pytest.raises(AuthenticationError):
        run(local_server, lambda c: c.generate_video(QUICK), token="")
