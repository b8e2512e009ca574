"""The scripted backend must be trustworthy: it is checked here with plain httpx."""

from __future__ import annotations

import io
from collections.abc import Callable

import av
import httpx
import pytest
from httpx_sse import EventSource

from tests.support.fixtures import cdn_server, sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend
from tests.support.servers import CdnServer
from tests.support.sse_script import (
    comment,
    encode_stream,
    error,
    file_result,
    hidden,
    progress,
    raw,
    result,
    task_error,
)
from tests.support.waiting import wait_until

__all__ = ["cdn_server", "sample_video", "scripted_backend"]

GENERATE_BODY = {
    "config": {"prompt": "a fox", "generation_config_name": "scripted/t2v", "duration": 1}
}


def client(backend: ScriptedBackend, token: str | None = None) -> httpx.Client:
    return httpx.Client(
        base_url=backend.api_url,
        timeout=5.0,
        headers={"Authorization": f"Bearer {token or backend.token}"},
    )


def read_events(response: httpx.Response) -> list[tuple[str, str]]:
    return [(e.id, e.data) for e in EventSource(response).iter_sse()]


def test_create_poll_and_download_a_default_job(
    scripted_backend: ScriptedBackend, sample_video: bytes
) -> None:
    with client(scripted_backend) as http:
        created = http.post("file/generate-video", json=GENERATE_BODY)
        assert created.status_code == 200
        body = created.json()
        job = scripted_backend.jobs[0]
        assert body["id"] == job.file_id and body["url"] is None
        assert body["tasks"][0]["project_id"] == job.project_id
        assert job.request_body == GENERATE_BODY
        wait_until(lambda: job.finished)
        done = http.get(f"file/{job.file_id}").json()
        assert done["url"] == job.result_url and done["tasks"][0]["status"] == "completed"
        assert done["progress"] == 0.75
        project = http.get(f"project/{job.project_id}").json()
        assert project["data"][0]["value"]["url"] == job.result_url
        video = httpx.get(done["url"]).content
    assert video == sample_video
    with av.open(io.BytesIO(video)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
    assert job.polls == 1 and job.downloads == 1


def test_token_is_required_on_the_api_only(scripted_backend: ScriptedBackend) -> None:
    with client(scripted_backend, token="wrong") as http:
        assert http.get("generation-config").status_code == 401
    assert httpx.get(f"{scripted_backend.api_url}/style").status_code == 401
    with client(scripted_backend) as http:
        assert [m["name"] for m in http.get("generation-config").json()["items"]] == [
            "scripted/t2v",
            "scripted/i2v",
        ]
        assert http.get("user/me").status_code == 404
    assert [r.authorization for r in scripted_backend.requests_to("generation-config")] == [
        "Bearer wrong",
        f"Bearer {scripted_backend.token}",
    ]


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        (
            "legacy",
            lambda j: {
                "data": [
                    {
                        "id": f"entity-{j.file_id}",
                        "value": {"file_id": j.file_id, "project_id": j.project_id},
                    }
                ],
                "project_id": j.project_id,
            },
        ),
        (
            "legacy_entry_id",
            lambda j: {"data": [{"id": j.file_id, "value": {}}], "project_id": j.project_id},
        ),
    ],
)
def test_legacy_create_shapes(
    scripted_backend: ScriptedBackend, shape: str, expected: Callable[..., object]
) -> None:
    job = scripted_backend.add_job(JobScript(create_shape=shape))  # type: ignore[arg-type]
    with client(scripted_backend) as http:
        assert http.post("file/generate-video", json=GENERATE_BODY).json() == expected(job)


def test_events_have_ids_and_replay_from_last_event_id(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(0.1), progress(0.5), hidden(progress(0.6)), result()],
            event_interval=0.005,
            drop_stream_after=2,
            retry_ms=1500,
        )
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        with http.stream("GET", f"events/file.{job.file_id}") as first:
            assert first.headers["content-type"].startswith("text/event-stream")
            events = list(EventSource(first).iter_sse())
        # `retry:` comes in a block of its own: httpx-sse yields it as an empty event.
        assert [(e.id, e.retry, bool(e.data)) for e in events] == [
            ("", 1500, False),
            ("1", None, True),
            ("2", None, True),
        ]
        assert '"progress": 0.5' in events[2].data
        with http.stream(
            "GET", f"events/project.{job.project_id}", headers={"Last-Event-ID": "2"}
        ) as second:
            source = EventSource(second).iter_sse()
            next(source)  # the retry: field alone makes no event in httpx-sse 0.4
            third = next(source)
    assert third.id == "4" and job.file_id in third.data
    assert job.last_event_ids == [None, "2"]
    assert job.sse_connections == 2


def test_sse_faults_apply_to_the_first_connections_only(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(sse_status=503, sse_fault_connections=1, close_at_end=True, event_interval=0.0)
    )
    wrong = scripted_backend.add_job(JobScript(sse_content_type="application/json"))
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        http.post("file/generate-video", json=GENERATE_BODY)
        assert http.get(f"events/file.{job.file_id}").status_code == 503
        with http.stream("GET", f"events/file.{job.file_id}") as ok:
            assert ok.status_code == 200
            assert len(read_events(ok)) == 5
        bad = http.get(f"events/file.{wrong.file_id}")
        assert (bad.status_code, bad.headers["content-type"]) == (200, "application/json")


def test_silent_stream_stays_open_while_polling_sees_the_end(
    scripted_backend: ScriptedBackend,
) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(0.3), progress(0.6), result()], silent_after=1, event_interval=0.005
        )
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        wait_until(lambda: job.finished)
        with http.stream(
            "GET", f"events/file.{job.file_id}", timeout=httpx.Timeout(5.0, read=0.3)
        ) as stream:
            lines = stream.iter_lines()
            assert next(lines).startswith("id: 1")
            assert next(lines).startswith("data: ")
            assert next(lines) == ""
            with pytest.raises(httpx.ReadTimeout):
                next(lines)
        assert http.get(f"file/{job.file_id}").json()["url"] == job.result_url


def test_failure_by_event_reaches_polling(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(20), task_error("GPU on fire"), error("GPU on fire")],
            event_interval=0.0,
            file_404_first=2,
        )
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        codes = [http.get(f"file/{job.file_id}").status_code for _ in range(3)]
        last = http.get(f"file/{job.file_id}").json()
    assert codes == [404, 404, 200]
    assert last["tasks"][-1]["status"] == "error" and last["tasks"][-1]["error"] == "GPU on fire"
    assert last["url"] is None and last["progress"] == 20


def test_pause_holds_the_job_until_released(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(JobScript(pause_after=1, event_interval=0.0))
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        assert job.happened() == 1 and not job.finished
        job.release()
        wait_until(lambda: job.finished)
        assert http.get(f"file/{job.file_id}").json()["url"] == job.result_url


def test_raw_chunks_are_written_exactly(scripted_backend: ScriptedBackend) -> None:
    payload = encode_stream(
        [progress(0.5), comment(), raw("{not json"), file_result()],
        values={"$FILE_ID": "f"},
        bom=True,
    )
    chunks = [payload[:1], payload[1:7], payload[7:]]
    job = scripted_backend.add_job(
        JobScript(raw_chunks=chunks, close_at_end=True, event_interval=0.0)
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        received = http.get(f"events/file.{job.file_id}").content
    assert received == payload
    assert received.startswith(b"\xef\xbb\xbfid: 1\ndata: ")


def test_injected_answers_and_create_failures(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.fail_next_creates(429, retry_after=7)
    scripted_backend.fail_next_creates(402, detail="no credits")
    when = ScriptedBackend.http_date(30)
    scripted_backend.inject("GET", "file/", 503, retry_after=when)
    scripted_backend.inject("GET", "style", 200, text="{not json", content_type="application/json")
    with client(scripted_backend) as http:
        first = http.post("file/generate-video", json=GENERATE_BODY)
        second = http.post("file/generate-video", json=GENERATE_BODY)
        third = http.post("file/generate-video", json=GENERATE_BODY)
        job = scripted_backend.jobs[0]
        poll = http.get(f"file/{job.file_id}")
        assert http.get(f"file/{job.file_id}").status_code == 200
        assert http.get("style").text == "{not json"
    assert (first.status_code, first.headers["retry-after"]) == (429, "7")
    assert (second.status_code, second.json()) == (402, {"detail": "no credits"})
    assert third.status_code == 200 and len(scripted_backend.jobs) == 1
    assert (poll.status_code, poll.headers["retry-after"]) == (503, when)


def test_outage_refuses_connections_then_returns_on_the_same_port(
    scripted_backend: ScriptedBackend,
) -> None:
    port = scripted_backend.url.rsplit(":", 1)[1]
    job = scripted_backend.add_job(JobScript(pause_after=1, event_interval=0.0))
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        with http.stream("GET", f"events/file.{job.file_id}") as stream:
            lines = stream.iter_lines()
            assert next(lines) == "id: 1"
            scripted_backend.go_down()
            with pytest.raises(httpx.HTTPError):
                list(lines)
        with pytest.raises(httpx.ConnectError):
            http.get("style")
        scripted_backend.outage(0.2)  # already down: restarts after 0.2 s
        wait_until(lambda: scripted_backend.is_up)
        assert scripted_backend.url.endswith(f":{port}")
        assert http.get("style").status_code == 200


def test_results_on_the_cdn_by_url_or_redirect_with_range(
    scripted_backend: ScriptedBackend, sample_video: bytes
) -> None:
    on_cdn = scripted_backend.add_job(JobScript(video_host="cdn", event_interval=0.0))
    redirected = scripted_backend.add_job(JobScript(video_host="redirect", event_interval=0.0))
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        http.post("file/generate-video", json=GENERATE_BODY)
    assert on_cdn.result_url.startswith(scripted_backend.cdn.url + "/media/")
    assert scripted_backend.cdn.url != scripted_backend.url
    part = httpx.get(on_cdn.result_url, headers={"Range": "bytes=100-"})
    assert part.status_code == 206 and part.content == sample_video[100:]
    assert part.headers["content-range"] == f"bytes 100-{len(sample_video) - 1}/{len(sample_video)}"
    followed = httpx.get(
        redirected.result_url, follow_redirects=True, headers={"Authorization": "Bearer x"}
    )
    assert followed.content == sample_video
    assert followed.history[0].status_code == 302
    assert [r.path for r in scripted_backend.cdn.requests] == [
        f"/media/{on_cdn.file_id}.mp4",
        f"/media/{redirected.file_id}.mp4",
    ]
    assert [(r.server, r.path) for r in redirected.download_requests()] == [
        ("backend", f"/redirect/{redirected.file_id}.mp4"),
        ("cdn", f"/media/{redirected.file_id}.mp4"),
    ]


def test_interrupted_download_then_resume_with_range(
    cdn_server: CdnServer, sample_video: bytes
) -> None:
    url = cdn_server.put("/v.mp4", sample_video, chunk_size=500, cut_after=1200)
    received = bytearray()
    with pytest.raises(httpx.RemoteProtocolError), httpx.stream("GET", url) as response:
        assert response.headers["content-length"] == str(len(sample_video))
        for chunk in response.iter_raw():
            received += chunk
    assert bytes(received) == sample_video[:1200]
    rest = httpx.get(url, headers={"Range": f"bytes={len(received)}-"})
    assert rest.status_code == 206
    assert bytes(received) + rest.content == sample_video
    assert cdn_server.downloads("/v.mp4") == 2
    assert httpx.get(cdn_server.url + "/missing.mp4").status_code == 404


def test_keepalive_bom_and_abrupt_drop(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(0.2), progress(0.4), result()],
            bom=True,
            event_interval=0.0,
            drop_stream_after=2,
            drop_abruptly=True,
        )
    )
    idle = scripted_backend.add_job(
        JobScript(events=[progress(0.2)], keepalive_interval=0.02, event_interval=0.0)
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        http.post("file/generate-video", json=GENERATE_BODY)
        received = bytearray()
        with (
            pytest.raises(httpx.RemoteProtocolError),
            http.stream("GET", f"events/file.{job.file_id}") as stream,
        ):
            for chunk in stream.iter_raw():
                received += chunk
        idle_bytes = bytearray()
        with http.stream(
            "GET", f"events/file.{idle.file_id}", timeout=httpx.Timeout(5.0, read=2.0)
        ) as stream:
            for chunk in stream.iter_raw():
                idle_bytes += chunk
                if idle_bytes.count(b": keepalive\n\n") >= 2:
                    break
    assert received.startswith(b"\xef\xbb\xbfid: 1\ndata: ")
    assert received.count(b"data: ") == 2 and b"id: 2\n" in received
    # keepalives are not events: they never count towards drops or silence
    assert idle_bytes.startswith(b"id: 1\ndata: ")


def test_paused_stream_resumes_after_release(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(
            events=[progress(0.5), result()], pause_after=1, event_interval=0.0, close_at_end=True
        )
    )
    with client(scripted_backend) as http:
        http.post("file/generate-video", json=GENERATE_BODY)
        with http.stream("GET", f"events/file.{job.file_id}") as stream:
            source = EventSource(stream).iter_sse()
            assert next(source).id == "1"
            job.release()
            rest = list(source)
    assert [e.id for e in rest] == ["2"] and job.result_url in rest[0].data
