"""The built-in renderer as the app meets it: `framecast serve` over loopback HTTP.

Every test talks to a real server process (the `local_server` fixture, or one
of its own when it needs special settings) with httpx, and follows real
renders to the end through Server-Sent Events and polling.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import httpx
import numpy as np
import pytest
from PIL import Image

from app.local.launcher import LocalRendererError, LocalRendererProcess
from tests.conftest import LocalServer, start_local_server

SMALL_RENDER = {
    "prompt": "a paper boat on a calm blue lake",
    "width": 320,
    "height": 180,
    "duration": 2,
    "frame_rate": 24,
    "generation_config_name": "local/sketch-t2v",
    "seed": 11,
}


# ------------------------------------------------------------------ helpers


@dataclass(frozen=True)
class Event:
    id: int
    type: str
    payload: dict[str, object]

    @property
    def object(self) -> dict[str, object]:
        value = self.payload.get("object")
        assert isinstance(value, dict)
        return value


def client(server: LocalServer, token: str | None = None) -> httpx.Client:
    return httpx.Client(
        base_url=server.url + "/api/v1",
        timeout=30,
        headers={"Authorization": f"Bearer {token or server.token}"},
    )


def is_terminal(event: Event) -> bool:
    return event.type == "error" or (
        event.type == "task" and event.object.get("status") in ("completed", "error")
    )


def read_events(
    server: LocalServer,
    channel: str,
    *,
    last_event_id: int | None = None,
    until: Callable[[Event], bool] = is_terminal,
) -> list[Event]:
    """Read the SSE stream `channel` until an event satisfies `until` (30 s of silence fails)."""
    headers = {"Authorization": f"Bearer {server.token}", "Accept": "text/event-stream"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    events: list[Event] = []
    url = f"{server.url}/api/v1/events/{channel}"
    with (
        httpx.Client(timeout=httpx.Timeout(30.0)) as http,
        http.stream("GET", url, headers=headers) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        event_id: int | None = None
        data: list[str] = []
        for line in response.iter_lines():
            if line.startswith(":"):
                continue
            if line.startswith("id:"):
                event_id = int(line[3:].strip())
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif line.startswith("event:"):
                pytest.fail(f"events must be unnamed, got {line!r}")
            elif line == "" and data:
                assert event_id is not None, "every event carries an id"
                payload = json.loads("\n".join(data))
                event = Event(event_id, payload["type"], payload)
                events.append(event)
                data = []
                event_id = None
                if until(event):
                    return events
    pytest.fail(f"stream ended early after {[e.type for e in events]}")


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.05)


def picture_bytes(fmt: str, size: tuple[int, int] = (64, 48)) -> bytes:
    pixels = np.zeros((size[1], size[0], 3), np.uint8)
    pixels[..., 0] = np.linspace(0, 255, size[0], dtype=np.uint8)[None, :]
    pixels[..., 2] = 180
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, fmt)
    return buffer.getvalue()


def upload(
    http: httpx.Client, data: bytes, name: str = "pic.png", content_type: str = "image/png"
) -> httpx.Response:
    return http.post(
        "/file/upload", params={"type": "image"}, files={"payload": (name, data, content_type)}
    )


def generate(http: httpx.Client, **config: object) -> dict[str, object]:
    response = http.post("/file/generate-video", json={"config": {**SMALL_RENDER, **config}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


@pytest.fixture
def http(local_server: LocalServer) -> Iterator[httpx.Client]:
    with client(local_server) as c:
        yield c


# ------------------------------------------------------------------ auth


API_CALLS = [
    ("GET", "/generation-config"),
    ("GET", "/style"),
    ("GET", "/user/me"),
    ("POST", "/file/upload?type=image"),
    ("POST", "/file/generate-video"),
    ("GET", "/file/0123456789abcdef0123456789abcdef"),
    ("GET", "/project/0123456789abcdef0123456789abcdef"),
    ("GET", "/events/file.0123456789abcdef0123456789abcdef"),
    ("GET", "/no-such-endpoint"),
]


@pytest.mark.parametrize(("method", "path"), API_CALLS)
@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", "Basic abc", "Bearer"])
def test_every_api_endpoint_needs_the_token(
    local_server: LocalServer, method: str, path: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.request(method, f"{local_server.url}/api/v1{path}", headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"]
    assert local_server.token not in response.text


def test_unknown_api_path_is_a_json_404(http: httpx.Client) -> None:
    response = http.get("/no-such-endpoint")
    assert response.status_code == 404
    assert "detail" in response.json()


# ------------------------------------------------------------------ catalogue


IFILE_KEYS = {
    "id",
    "url",
    "thumbnail_url",
    "type",
    "image_generation_id",
    "image_generation",
    "video_generation_id",
    "video_generation",
    "audio_generation_id",
    "audio_generation",
    "duration",
    "tasks",
}
IVIDEO_GENERATION_KEYS = {
    "prompt",
    "negative_prompt",
    "seed",
    "duration",
    "width",
    "height",
    "aspect_ratio",
    "id",
    "generation_config_name",
    "generation_config",
    "references",
}


def all_pages(http: httpx.Client, path: str, **params: object) -> list[dict[str, object]]:
    """Every page of a list, following `next` cursors; asserts the page shape."""
    pages: list[dict[str, object]] = []
    query: dict[str, object] = {"limit": 100, "offset": 0, **params}
    while True:
        body = http.get(path, params=query).json()
        assert set(body) == {"items", "total", "limit", "offset", "next"}
        pages.append(body)
        cursor = body["next"]
        if cursor is None:
            return pages
        assert set(cursor) == {"offset", "limit"}  # INextCursor, never a URL
        assert len(pages) < 20
        query = {**query, **cursor}


def test_catalogue_pages_with_cursors_and_has_the_clouds_variety(http: httpx.Client) -> None:
    pages = all_pages(http, "/generation-config", order_by="name", order="ascendent")
    assert len(pages) == 2  # 9 configurations, at most 5 a page whatever is asked
    first, last = pages
    assert len(first["items"]) == 5 and first["limit"] == 5  # type: ignore[arg-type]
    assert first["next"] == {"offset": 5, "limit": 5} and last["offset"] == 5
    items = [item for page in pages for item in page["items"]]  # type: ignore[attr-defined]
    names = [item["name"] for item in items]
    assert names == sorted(names) and len(names) == first["total"] == 9
    for item in items:
        assert {"name", "label", "type", "source", "params"} <= set(item)
        assert item["source"] == "local"
    by_name = {item["name"]: item for item in items}
    assert by_name["local/sketch-t2v"]["params"]["price_per_second"] == 0
    assert by_name["local/quick-t2v"]["params"]["price"] == 0
    assert by_name["local/wave-t2v"]["label"] is None and by_name["local/wave-t2v"]["price"] == 0
    assert by_name["local/studio-t2v"]["params"]["vip_required"] is True
    assert {i["type"] for i in items} >= {"video_to_video", "text_to_image", "text_to_audio"}


def test_catalogue_filters_by_type(http: httpx.Client) -> None:
    i2v = http.get("/generation-config", params={"type": "image_to_video"}).json()
    assert [m["type"] for m in i2v["items"]] == ["image_to_video"] * len(i2v["items"])
    first = http.get("/generation-config", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["total"] > 1
    assert first["next"] == {"offset": 1, "limit": 1}
    second = http.get("/generation-config", params=first["next"]).json()
    assert second["offset"] == 1 and second["items"] != first["items"]


def test_lists_refuse_bad_paging_clearly(http: httpx.Client) -> None:
    for params, word in (({"limit": "ten"}, "whole numbers"), ({"limit": 0}, "limit must be")):
        response = http.get("/style", params=params)
        assert response.status_code == 422 and word in response.json()["detail"]


def test_styles_page_and_may_lack_titles_tags_and_thumbnails(http: httpx.Client) -> None:
    pages = all_pages(http, "/style", order_by="name", order="descendent")
    styles = [s for page in pages for s in page["items"]]  # type: ignore[attr-defined]
    names = [s["name"] for s in styles]
    assert len(pages) == 2 and len(names) >= 7 and names == sorted(names, reverse=True)
    assert any(s["title"] is None for s in styles)
    assert any(s["tags"] is None for s in styles)
    assert any(s["thumbnail"] is None for s in styles)
    for style in styles:
        assert set(style) == {"name", "title", "thumbnail", "tags"}
        if style["thumbnail"] is not None:
            thumbnail = httpx.get(style["thumbnail"])  # public, like a CDN
            assert thumbnail.status_code == 200
            assert thumbnail.headers["content-type"] == "image/png"


def test_user_me_is_an_account_that_is_not_vip(http: httpx.Client) -> None:
    response = http.get("/user/me")
    assert response.status_code == 200
    body = response.json()
    assert {"sub", "nickname", "email", "id"} <= set(body)  # IUserRead's required fields
    assert body["vip"] is False and "balance" not in body


# ------------------------------------------------------------------ upload


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_upload_accepts_pictures(http: httpx.Client, fmt: str, content_type: str) -> None:
    data = picture_bytes(fmt)
    response = upload(http, data, f"pic.{fmt.lower()}", content_type)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["type"] == "image" and len(body["id"]) == 32
    served = httpx.get(body["url"])  # no token: served like a CDN
    assert served.status_code == 200
    assert served.headers["content-type"] == content_type
    assert served.content == data
    again = http.get(f"/file/{body['id']}").json()
    assert again["url"] == body["url"]


@pytest.mark.parametrize(
    ("data", "name", "content_type", "expected"),
    [
        (b"just some words, not a picture\n" * 4, "notes.txt", "text/plain", "JPEG, PNG or WebP"),
        (b"plain text wearing a .png name", "fake.png", "image/png", "JPEG, PNG or WebP"),
        (b"GIF89a" + bytes(100), "anim.gif", "image/gif", "JPEG, PNG or WebP"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (10 * 1024 * 1024 + 10), "huge.png", "image/png", "10 MB"),
        (
            b"\x89PNG\r\n\x1a\n" + b"garbage after the signature",
            "bad.png",
            "image/png",
            "could not be read",
        ),
        (b"", "empty.png", "image/png", "empty"),
    ],
)
def test_upload_rejects_what_is_not_a_usable_picture(
    http: httpx.Client, data: bytes, name: str, content_type: str, expected: str
) -> None:
    response = upload(http, data, name, content_type)
    assert response.status_code == 422
    assert expected in response.json()["detail"]


def test_upload_needs_the_payload_field(http: httpx.Client) -> None:
    response = http.post(
        "/file/upload",
        params={"type": "image"},
        files={"picture": ("p.png", picture_bytes("PNG"), "image/png")},
    )
    assert response.status_code == 422
    assert "payload" in response.json()["detail"]


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"generation_config_name": "google-cloud/veo9"}, "Unknown model"),
        ({"duration": 7}, "Duration 7 s is not offered"),
        ({"aspect_ratio": "5:4", "width": None, "height": None}, "Aspect ratio '5:4'"),
        ({"aspect_ratio": "16:9", "width": 1024, "height": 1024}, "not the requested aspect"),
        ({"width": 1000, "height": 430}, "matches none of the supported aspect ratios"),
        ({"width": 4000, "height": 2250}, "out of range"),
        ({"frame_rate": 25}, "Frame rate 25"),
        ({"prompt": "   "}, "prompt is empty"),
        ({"style_name": "vaporwave"}, "Unknown style"),
        ({"shot_size": "selfie"}, "Unknown shot size"),
        ({"generation_config_name": "local/animate-i2v"}, "upload an image"),
        (
            {
                "generation_config_name": "local/animate-i2v",
                "references": [
                    {"type": "source", "reference_id": "0123456789abcdef0123456789abcdef"}
                ],
            },
            "was not found",
        ),
    ],
)
def test_generate_rejects_bad_configs_clearly(
    http: httpx.Client, change: dict[str, object], expected: str
) -> None:
    config = {**SMALL_RENDER, **change}
    response = http.post("/file/generate-video", json={"config": config})
    assert response.status_code == 422
    assert expected in response.json()["detail"]


def test_generate_needs_a_config_object(http: httpx.Client) -> None:
    assert http.post("/file/generate-video", content=b"not json").status_code == 422
    response = http.post("/file/generate-video", json={"prompt": "no config wrapper"})
    assert response.status_code == 422
    assert "config" in response.json()["detail"]


def test_unknown_and_malformed_ids_are_404(http: httpx.Client) -> None:
    assert http.get("/file/0123456789abcdef0123456789abcdef").status_code == 404
    assert http.get("/file/not~an~id").status_code == 404
    assert http.get("/project/0123456789abcdef0123456789abcdef").status_code == 404
    assert http.get("/events/file.0123456789abcdef0123456789abcdef").status_code == 404
    assert http.get("/events/nonsense").status_code == 404
    media = httpx.get(http.base_url.copy_with(path="/media/../files/x.json"))
    assert media.status_code == 404


# ------------------------------------------------------------------ a whole render


def test_render_followed_over_sse_then_polled_and_downloaded(
    local_server: LocalServer, http: httpx.Client
) -> None:
    created = generate(http)
    file_id = created["id"]
    assert isinstance(file_id, str)
    assert set(created) >= IFILE_KEYS
    assert created["url"] is None and created["type"] == "video" and created["duration"] is None
    assert created["video_generation_id"]
    task = created["tasks"][0]  # type: ignore[index]
    assert task["type"] == "video-generation-flow" and task["status"] == "in_progress"
    assert task["file_id"] == file_id
    project_id = task["project_id"]
    echo = created["video_generation"]
    assert isinstance(echo, dict) and set(echo) >= IVIDEO_GENERATION_KEYS
    assert echo["prompt"] == SMALL_RENDER["prompt"] and echo["seed"] == 11
    assert echo["generation_config"]["name"] == "local/sketch-t2v"

    events = read_events(local_server, f"file.{file_id}")
    ids = [e.id for e in events]
    assert ids == list(range(ids[0], ids[0] + len(ids))) and ids[0] == 1
    fractions = [e.object["progress"] for e in events if e.type == "render_progress"]
    assert fractions and all(isinstance(f, float | int) and 0 <= f <= 1 for f in fractions)
    assert fractions == sorted(fractions) and fractions[-1] == 1
    types = [e.type for e in events]
    assert types[-3:] == ["render_result", "file", "task"]
    assert set(types[:-3]) == {"render_progress"}
    result, file_event, done = events[-3:]
    assert str(result.object["url"]).endswith(".mp4")
    assert set(result.object) >= IFILE_KEYS and result.object["id"] == file_id  # a whole file
    assert result.object["duration"] == 2.0
    assert file_event.object["url"] == result.object["url"]
    assert file_event.object["id"] == file_id
    assert done.object["status"] == "completed"

    # Reconnecting with Last-Event-ID replays exactly the later events.
    replay = read_events(local_server, f"file.{file_id}", last_event_id=2)
    assert [e.id for e in replay] == ids[2:]
    assert [e.payload for e in replay] == [e.payload for e in events[2:]]
    # The project channel tells the same story.
    by_project = read_events(local_server, f"project.{project_id}")
    assert [e.payload for e in by_project] == [e.payload for e in events]

    polled = http.get(f"/file/{file_id}").json()
    assert polled["url"] == result.object["url"]
    assert polled["tasks"][-1]["status"] == "completed"
    assert polled["thumbnail_url"]
    project = http.get(f"/project/{project_id}").json()
    values = [entry["value"] for entry in project["data"]]
    assert any(v["url"] == polled["url"] and v["contentType"] == "video/mp4" for v in values)

    video = httpx.get(polled["url"])
    assert video.status_code == 200
    assert video.headers["content-type"] == "video/mp4"
    assert video.headers["accept-ranges"] == "bytes"
    with av.open(io.BytesIO(video.content)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        assert (stream.width, stream.height, int(stream.average_rate or 0)) == (320, 180, 24)
    assert frames == 48
    poster = httpx.get(polled["thumbnail_url"])
    assert poster.headers["content-type"] == "image/jpeg"
    assert poster.content[:3] == b"\xff\xd8\xff"

    part = httpx.get(polled["url"], headers={"Range": "bytes=100-1123"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 100-1123/{len(video.content)}"
    assert part.content == video.content[100:1124]
    tail = httpx.get(polled["url"], headers={"Range": "bytes=-50"})
    assert tail.status_code == 206 and tail.content == video.content[-50:]


def test_missing_seed_is_chosen_and_echoed(http: httpx.Client) -> None:
    created = generate(http, seed=None, duration=2, width=160, height=90)
    seed = created["video_generation"]["seed"]  # type: ignore[index]
    assert isinstance(seed, int) and len(str(seed)) == 14  # as the cloud's


@pytest.mark.parametrize("seed", [48213950267315, 2**53 - 1])
def test_large_seeds_are_echoed_exactly(http: httpx.Client, seed: int) -> None:
    created = generate(http, seed=seed, duration=2, width=160, height=90)
    assert created["video_generation"]["seed"] == seed  # type: ignore[index]
    again = http.get(f"/file/{created['id']}").json()
    assert again["video_generation"]["seed"] == seed


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("local/studio-t2v", "needs a VIP account"),
        ("local/restyle-v2v", "takes no source videos"),
        ("local/chime-t2a", "makes sound, not videos"),
    ],
)
def test_listed_configs_it_cannot_render_are_refused(
    http: httpx.Client, name: str, expected: str
) -> None:
    response = http.post(
        "/file/generate-video", json={"config": {**SMALL_RENDER, "generation_config_name": name}}
    )
    assert response.status_code == 422 and expected in response.json()["detail"]


def test_the_library_lists_files_newest_first_and_deletes_them(
    local_server: LocalServer, http: httpx.Client
) -> None:
    picture = upload(http, picture_bytes("PNG")).json()
    older = generate(http, duration=2, width=160, height=90)
    newer = generate(http, duration=2, width=160, height=90)
    read_events(local_server, f"file.{older['id']}")
    read_events(local_server, f"file.{newer['id']}")

    videos = [f for page in all_pages(http, "/file", types="video") for f in page["items"]]  # type: ignore[attr-defined]
    ids = [f["id"] for f in videos]
    assert ids.index(newer["id"]) < ids.index(older["id"])  # newest first
    assert picture["id"] not in ids and all(f["type"] == "video" for f in videos)
    assert all(set(f) >= IFILE_KEYS for f in videos)
    both = http.get("/file", params=[("types", "video"), ("types", "image")]).json()
    assert both["total"] >= len(videos) + 1

    done = http.get(f"/file/{older['id']}").json()
    deleted = http.delete(f"/file/{older['id']}")
    assert deleted.status_code == 200 and deleted.json()["url"] == done["url"]
    assert http.get(f"/file/{older['id']}").status_code == 404
    assert http.delete(f"/file/{older['id']}").status_code == 404
    assert httpx.get(done["url"]).status_code == 404  # the media went with it
    after = [f["id"] for p in all_pages(http, "/file", types="video") for f in p["items"]]  # type: ignore[attr-defined]
    assert older["id"] not in after and newer["id"] in after


def test_a_render_still_running_is_not_deleted(paced_server: LocalServer) -> None:
    with client(paced_server) as http:
        created = generate(http)
        refused = http.delete(f"/file/{created['id']}")
        assert refused.status_code == 409 and "still being made" in refused.json()["detail"]
        assert http.get(f"/file/{created['id']}").status_code == 200


def test_render_of_a_broken_picture_fails_with_a_readable_error(
    local_server: LocalServer, http: httpx.Client
) -> None:
    # Its header is a valid JPEG, so the upload is accepted; its pixels are cut off,
    # so decoding it in the worker fails.
    whole = picture_bytes("JPEG", (400, 300))
    uploaded = upload(http, whole[: len(whole) // 3], "cut.jpg", "image/jpeg")
    assert uploaded.status_code == 200, uploaded.text
    created = generate(
        http,
        generation_config_name="local/animate-i2v",
        references=[{"type": "source", "reference_id": uploaded.json()["id"]}],
    )
    file_id = created["id"]

    events = read_events(local_server, f"file.{file_id}", until=lambda e: e.type == "error")
    task = next(e for e in events if e.type == "task")
    assert task.object["status"] == "error"
    message = events[-1].payload["error"]
    assert isinstance(message, str) and "could not be read" in message
    assert "render_result" not in [e.type for e in events]

    polled = http.get(f"/file/{file_id}").json()
    assert polled["url"] is None
    assert polled["tasks"][-1]["status"] == "error"


def test_image_to_video_renders_the_uploaded_picture(
    local_server: LocalServer, http: httpx.Client
) -> None:
    uploaded = upload(http, picture_bytes("PNG", (320, 180))).json()
    created = generate(
        http,
        generation_config_name="local/animate-i2v",
        prompt="",
        references=[{"type": "source", "reference_id": uploaded["id"]}],
    )
    events = read_events(local_server, f"file.{created['id']}")
    assert events[-1].object["status"] == "completed"
    video = httpx.get(str(events[-3].object["url"]))
    with av.open(io.BytesIO(video.content)) as container:
        first = next(container.decode(video=0)).to_ndarray(format="rgb24")
    # The picture's gradient (dark left, red right) is what the video shows.
    assert first[:, -40:, 0].mean() > first[:, :40, 0].mean() + 60


# ------------------------------------------------------------------ live progress


@pytest.fixture
def paced_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A renderer whose renders last at least 2 s, so progress can be watched."""
    monkeypatch.setenv("FRAMECAST_LOCAL_MIN_RENDER_SECONDS", "2")
    server = start_local_server(tmp_path / "paced")
    yield server
    server.stop()


def test_progress_is_live_and_polls_answer_while_rendering(paced_server: LocalServer) -> None:
    with client(paced_server) as http:
        created = generate(http)
        file_id = created["id"]
        seen: list[float] = []

        def mid_render() -> bool:
            body = http.get(f"/file/{file_id}").json()
            seen.append(body["progress"])
            return 0 < body["progress"] < 1 and body["url"] is None

        wait_for(mid_render)
        events = read_events(paced_server, f"file.{file_id}")
    fractions = [e.object["progress"] for e in events if e.type == "render_progress"]
    assert len(set(fractions)) >= 5
    assert fractions == sorted(fractions)
    assert seen == sorted(seen)
    assert events[-1].object["status"] == "completed"


def test_jobs_survive_a_restart_and_the_server_stops_cleanly(tmp_path: Path) -> None:
    server = start_local_server(tmp_path / "data")
    try:
        with client(server) as http:
            file_id = generate(http, width=160, height=90)["id"]
            read_events(server, f"file.{file_id}")
            url_path = httpx.URL(str(http.get(f"/file/{file_id}").json()["url"])).path
    finally:
        server.stop()
    assert server.process.returncode == 0
    assert "Traceback" not in "".join(server.output)

    again = start_local_server(tmp_path / "data")
    try:
        with client(again) as http:
            body = http.get(f"/file/{file_id}").json()
            assert body["url"] == again.url + url_path
            assert httpx.get(body["url"]).status_code == 200
            events = read_events(again, f"file.{file_id}")
            assert [e.type for e in events] == ["render_result", "file", "task"]
    finally:
        again.stop()


def test_serve_keeps_its_files_in_the_data_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same folder rule as the window's: FRAMECAST_DATA_DIR's local-renderer.
    data = tmp_path / "data"
    monkeypatch.setenv("FRAMECAST_DATA_DIR", str(data))
    server = start_local_server(None)
    try:
        with client(server) as http:
            file_id = generate(http, width=160, height=90)["id"]
            read_events(server, f"file.{file_id}")
    finally:
        server.stop()
    assert (data / "local-renderer" / "files" / f"{file_id}.json").is_file()
    assert list((data / "local-renderer" / "media").glob("*.mp4"))


# ------------------------------------------------------------------ launcher


def test_launcher_starts_and_stops_a_renderer(tmp_path: Path) -> None:
    async def scenario() -> tuple[int | None, int]:
        async with LocalRendererProcess.start(tmp_path / "launched") as renderer:
            assert renderer.url.startswith("http://127.0.0.1:")
            assert renderer.token not in repr(renderer)
            cmdline = Path(f"/proc/{renderer.process.pid}/cmdline").read_bytes()
            assert renderer.token.encode() not in cmdline
            async with httpx.AsyncClient(
                headers={"Authorization": f"Bearer {renderer.token}"}
            ) as http:
                response = await http.get(f"{renderer.url}/api/v1/generation-config")
                assert response.status_code == 200
                refused = await http.get(
                    f"{renderer.url}/api/v1/style", headers={"Authorization": "Bearer nope"}
                )
                assert refused.status_code == 401
            assert renderer.running
            process = renderer.process
        return process.returncode, response.status_code

    returncode, status = asyncio.run(scenario())
    assert status == 200
    assert returncode == 0


def test_launcher_explains_a_renderer_that_cannot_start(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")

    async def scenario() -> None:
        async with LocalRendererProcess.start(blocker):
            pytest.fail("the renderer should not have started")

    with pytest.raises(LocalRendererError) as raised:
        asyncio.run(scenario())
    message = str(raised.value)
    assert "built-in renderer stopped while starting" in message
    # The renderer's own one sentence, not a traceback: it checks its folder first.
    assert "renderer output" in message and "Traceback" not in message
    assert f"can't write to its data folder {blocker}" in message
