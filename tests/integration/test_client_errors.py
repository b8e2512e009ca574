"""Every typed error of `SuperDuperClient`, and the token's secrecy, against the
scripted backend over loopback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from app.api import (
    AuthenticationError,
    BackendUnavailableError,
    GenerationRequest,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    ProtocolError,
    RateLimitedError,
    SuperDuperClient,
    UnsafeUrlError,
    UnusableImageError,
)
from app.api.errors import ApiError, ImageProblem
from tests.support.fixtures import sample_video, scripted_backend
from tests.support.scripted_backend import JobScript, ScriptedBackend

__all__ = ["sample_video", "scripted_backend"]

T = TypeVar("T")
Call = Callable[[SuperDuperClient], Awaitable[object]]

REQUEST = GenerationRequest(
    prompt="a paper boat on a river", generation_config_name="scripted/t2v", duration=1
)


def run(
    backend: ScriptedBackend,
    call: Callable[[SuperDuperClient], Awaitable[T]],
    *,
    token: str | None = None,
) -> T:
    async def scenario() -> T:
        async with SuperDuperClient(
            backend.url, backend.token if token is None else token
        ) as client:
            return await call(client)

    return asyncio.run(scenario())


def failure(backend: ScriptedBackend, call: Call, *, token: str | None = None) -> ApiError:
    with pytest.raises(ApiError) as info:
        run(backend, call, token=token)
    return info.value


def generate(client: SuperDuperClient) -> Awaitable[object]:
    return client.generate_video(REQUEST)


def assert_secret_absent(token: str, *texts: object) -> None:
    for text in texts:
        assert token not in str(text), f"token leaked into {text!r:.200}"


# --------------------------------------------------------------------------- status codes


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, AuthenticationError),
        (403, AuthenticationError),
        (402, InsufficientCreditsError),
        (400, InvalidRequestError),
        (409, InvalidRequestError),
        (422, InvalidRequestError),
        (404, NotFoundError),
        (500, BackendUnavailableError),
        (502, BackendUnavailableError),
        (503, BackendUnavailableError),
        (418, ProtocolError),
    ],
)
def test_status_maps_to_typed_error(
    scripted_backend: ScriptedBackend, status: int, kind: type[ApiError]
) -> None:
    scripted_backend.fail_next_creates(status)
    err = failure(scripted_backend, generate)
    assert type(err) is kind
    assert err.status == status
    assert str(err)  # the engineer's text for the log
    assert err.retryable is (kind is BackendUnavailableError)


@pytest.mark.parametrize("status", [401, 403, 402, 422, 429, 500, 503])
def test_errors_on_reads_too(scripted_backend: ScriptedBackend, status: int) -> None:
    job = scripted_backend.add_job(start_now=True)
    scripted_backend.inject("GET", "file/", status)
    err = failure(scripted_backend, lambda c: c.get_file(job.file_id))
    assert err.status == status


def test_wrong_token_is_an_authentication_error(scripted_backend: ScriptedBackend) -> None:
    err = failure(scripted_backend, lambda c: c.list_models(), token="not-the-token")
    assert isinstance(err, AuthenticationError) and err.status == 401
    assert err.server_message == "Could not validate credentials"  # its own words, kept
    assert not failure(scripted_backend, lambda c: c.list_styles(), token="").retryable


def test_pasted_bearer_prefix_is_stripped(scripted_backend: ScriptedBackend) -> None:
    models = run(
        scripted_backend, lambda c: c.list_models(), token=f"  Bearer {scripted_backend.token}\n"
    )
    assert [m.name for m in models] == ["scripted/t2v", "scripted/i2v"]


def test_invalid_request_keeps_the_servers_message(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.fail_next_creates(422, detail="Duration 7 is not offered by this model")
    err = failure(scripted_backend, generate)
    assert isinstance(err, InvalidRequestError)
    assert err.server_message == "Duration 7 is not offered by this model"


def test_invalid_request_with_a_validation_error_list(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.inject(
        "POST",
        "file/generate-video",
        422,
        json_body={
            "detail": [
                {
                    "loc": ["body", "config", "aspect_ratio"],
                    "msg": "unsupported aspect ratio",
                    "type": "value_error",
                }
            ]
        },
    )
    err = failure(scripted_backend, generate)
    assert isinstance(err, InvalidRequestError)
    assert err.server_message == "config.aspect_ratio: unsupported aspect ratio"


def test_rate_limited_with_retry_after_seconds(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.fail_next_creates(429, retry_after=7)
    err = failure(scripted_backend, generate)
    assert isinstance(err, RateLimitedError)
    assert err.retry_after == 7.0 and err.retryable


def test_rate_limited_with_retry_after_http_date(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.fail_next_creates(429, retry_after=ScriptedBackend.http_date(120))
    err = failure(scripted_backend, generate)
    assert isinstance(err, RateLimitedError)
    assert err.retry_after is not None and 60 < err.retry_after <= 121


@pytest.mark.parametrize("header", [None, "soon"])
def test_rate_limited_without_a_usable_retry_after(
    scripted_backend: ScriptedBackend, header: str | None
) -> None:
    scripted_backend.fail_next_creates(429, retry_after=header)
    err = failure(scripted_backend, generate)
    assert isinstance(err, RateLimitedError) and err.retry_after is None


def test_connection_refused_is_backend_unavailable(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.go_down()
    err = failure(scripted_backend, generate)
    assert isinstance(err, BackendUnavailableError) and err.retryable
    assert err.status is None


def test_invalid_json_is_a_protocol_error(scripted_backend: ScriptedBackend) -> None:
    scripted_backend.inject("GET", "style", 200, text="{not json", content_type="application/json")
    scripted_backend.inject(
        "POST", "file/generate-video", 200, text="<html>hello</html>", content_type="text/html"
    )
    assert isinstance(failure(scripted_backend, lambda c: c.list_styles()), ProtocolError)
    assert isinstance(failure(scripted_backend, generate), ProtocolError)


def test_answer_off_contract_is_a_protocol_error(scripted_backend: ScriptedBackend) -> None:
    job = scripted_backend.add_job(
        JobScript(file_states=[{"url": "https://x/y.mp4"}]), start_now=True
    )
    err = failure(scripted_backend, lambda c: c.get_file(job.file_id))
    assert isinstance(err, ProtocolError) and "id" in str(err)
    scripted_backend.inject("GET", "generation-config", 200, json_body={"total": 1, "next": None})
    err = failure(scripted_backend, lambda c: c.list_models())
    assert isinstance(err, ProtocolError) and "items" in str(err)


def test_one_malformed_config_does_not_reject_the_page(
    scripted_backend: ScriptedBackend, caplog: pytest.LogCaptureFixture
) -> None:
    scripted_backend.catalogue = [{"x": 1}, *scripted_backend.catalogue, {"name": None}]
    with caplog.at_level(logging.WARNING, logger="framecast.api"):
        models = run(scripted_backend, lambda c: c.list_models())
    assert [m.name for m in models] == ["scripted/t2v", "scripted/i2v"]
    assert "skipped 2 malformed item(s)" in caplog.text


IUSER = {"sub": "auth0|1", "nickname": "n", "email": "x@example.com", "id": "u-1"}


def test_account_is_optional(
    scripted_backend: ScriptedBackend, caplog: pytest.LogCaptureFixture
) -> None:
    assert run(scripted_backend, lambda c: c.get_account()) is None  # 404
    scripted_backend.account = {**IUSER, "balance": 3.5, "vip": True}
    account = run(scripted_backend, lambda c: c.get_account())
    assert account is not None and (account.balance, account.vip) == (3.5, True)
    scripted_backend.account = {"balance": 3.5, "vip": True}  # not an IUserRead
    with caplog.at_level(logging.WARNING, logger="framecast.api"):
        assert run(scripted_backend, lambda c: c.get_account()) is None
    assert "user/me" in caplog.text and "x@example.com" not in caplog.text
    scripted_backend.inject("GET", "user/me", 500, count=2)
    with pytest.raises(BackendUnavailableError):
        run(scripted_backend, lambda c: c.get_account())
    # Where the account only decorates (balance, VIP), its failure stops nothing.
    catalogue = run(scripted_backend, lambda c: c.load_catalogue())
    assert catalogue.account is None and [m.name for m in catalogue.models] == [
        "scripted/t2v",
        "scripted/i2v",
    ]


def test_every_create_shape_through_the_client(scripted_backend: ScriptedBackend) -> None:
    legacy = scripted_backend.add_job(JobScript(create_shape="legacy"))
    entry = scripted_backend.add_job(JobScript(create_shape="legacy_entry_id"))
    top = scripted_backend.add_job(JobScript(create_shape="legacy_file_id"))
    current = scripted_backend.add_job()
    for job in (legacy, entry, top, current):
        created = run(scripted_backend, lambda c: c.generate_video(REQUEST))
        assert (created.file_id, created.project_id) == (job.file_id, job.project_id)
    assert current.request_body == REQUEST.to_payload()


# --------------------------------------------------------------------------- uploads


def test_upload_checks_type_and_size_before_any_request(
    scripted_backend: ScriptedBackend, tmp_path: Path
) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture at all")
    big = tmp_path / "huge.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (10 * 1024 * 1024))
    cases = {
        text: ImageProblem.NOT_A_PICTURE,
        big: ImageProblem.TOO_LARGE,
        tmp_path / "missing.png": ImageProblem.MISSING,
        tmp_path: ImageProblem.NOT_A_PICTURE,
    }
    for path, problem in cases.items():
        err = failure(scripted_backend, lambda c, p=path: c.upload_image(p))  # type: ignore[misc]
        assert isinstance(err, UnusableImageError) and isinstance(err, InvalidRequestError)
        assert (err.path, err.problem) == (path, problem)
        assert err.server_message is None  # nothing the server said: nothing was sent
    assert scripted_backend.requests == []


# --------------------------------------------------------------------------- token secrecy


def test_token_absent_from_repr_errors_and_logs(
    scripted_backend: ScriptedBackend, caplog: pytest.LogCaptureFixture
) -> None:
    token = scripted_backend.token
    caplog.set_level(logging.DEBUG)
    # A server that echoes the credentials it was given must not leak them either.
    scripted_backend.inject(
        "POST", "file/generate-video", 401, json_body={"detail": f"token {token} is expired"}
    )
    scripted_backend.inject(
        "POST", "file/generate-video", 422, json_body={"detail": f"bad config for Bearer {token}"}
    )
    scripted_backend.inject("GET", "style", 500, text=f"trace: Authorization: Bearer {token}")
    scripted_backend.fail_next_creates(429, retry_after=1)
    errors: list[ApiError] = []

    async def scenario() -> str:
        async with SuperDuperClient(scripted_backend.url, token) as client:
            for call in (
                generate,
                generate,
                generate,
                lambda c: c.list_styles(),
                lambda c: c.get_file("no-such-file"),
            ):
                try:
                    await call(client)
                except ApiError as exc:
                    errors.append(exc)
            await client.list_models()
            return repr(client)

    text = asyncio.run(scenario())
    assert len(errors) == 5
    assert_secret_absent(
        token,
        text,
        *errors,
        *(repr(e) for e in errors),
        *(e.server_message for e in errors),
        *(e.detail for e in errors),
    )
    assert_secret_absent(
        token,
        *(r.getMessage() for r in caplog.records),
        *(repr(r.args) for r in caplog.records),
        caplog.text,
    )
    # and the token did go where it belongs
    assert all(r.authorization == f"Bearer {token}" for r in scripted_backend.requests)


def test_token_goes_to_the_backend_origin_only(
    scripted_backend: ScriptedBackend, sample_video: bytes
) -> None:
    token = scripted_backend.token
    here = scripted_backend.add_job(JobScript(event_interval=0.0), start_now=True)
    cdn = scripted_backend.add_job(JobScript(video_host="cdn", event_interval=0.0), start_now=True)
    redirected = scripted_backend.add_job(
        JobScript(video_host="redirect", event_interval=0.0), start_now=True
    )
    port = scripted_backend.url.rsplit(":", 1)[1]
    other_host = f"http://localhost:{port}/media/{here.file_id}.mp4"

    async def fetch(client: SuperDuperClient, url: str) -> bytes:
        async with client.stream_download(url) as response:
            assert response.status == 200
            return b"".join([chunk async for chunk in response.chunks])

    async def scenario() -> list[bytes]:
        async with SuperDuperClient(scripted_backend.url, token) as client:
            return [
                await fetch(client, url)
                for url in (here.result_url, cdn.result_url, redirected.result_url, other_host)
            ]

    assert asyncio.run(scenario()) == [sample_video] * 4
    backend_media = scripted_backend.requests_to("/media/")
    assert [r.authorization for r in backend_media] == [f"Bearer {token}", None]
    assert backend_media[1].headers["host"].startswith("localhost")
    assert [r.authorization for r in scripted_backend.requests_to("/redirect/")] == [
        f"Bearer {token}"
    ]
    cdn_requests = scripted_backend.cdn.requests
    assert [r.path for r in cdn_requests] == [
        f"/media/{cdn.file_id}.mp4",
        f"/media/{redirected.file_id}.mp4",
    ]
    assert all("authorization" not in r.headers for r in cdn_requests)
    assert all(token not in str(r.headers) for r in cdn_requests)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:video/mp4;base64,AAAA",
        "ftp://127.0.0.1/x.mp4",
        "javascript:alert(1)",
        "//127.0.0.1/x.mp4",
        "http:///x.mp4",
    ],
)
def test_non_http_result_urls_are_refused_without_a_request(
    scripted_backend: ScriptedBackend, url: str
) -> None:
    async def scenario(client: SuperDuperClient) -> None:
        async with client.stream_download(url):
            pass

    err = failure(scripted_backend, scenario)
    assert isinstance(err, UnsafeUrlError)
    assert scripted_backend.requests == [] and scripted_backend.cdn.requests == []


@pytest.mark.parametrize(
    "channel", ["file.../x", "file.a/b", "project.%2e%2e", "user.x", "file.", "file.abc\n"]
)
def test_hostile_ids_are_refused_without_a_request(
    scripted_backend: ScriptedBackend, channel: str
) -> None:
    async def scenario(client: SuperDuperClient) -> None:
        async with client.open_event_stream(channel):
            pass

    assert isinstance(failure(scripted_backend, scenario), UnsafeUrlError)
    for call in (lambda c: c.get_file("../x"), lambda c: c.get_project("a/b")):
        assert isinstance(failure(scripted_backend, call), UnsafeUrlError)
    assert scripted_backend.requests == []


# --------------------------------------------------------------------------- downloads


def test_interrupted_download_is_retryable_and_resumes_with_range(
    scripted_backend: ScriptedBackend, sample_video: bytes
) -> None:
    job = scripted_backend.add_job(
        JobScript(
            video_host="cdn", download_chunk_size=1000, download_cut_after=2000, event_interval=0.0
        ),
        start_now=True,
    )
    received = bytearray()

    async def scenario() -> int:
        async with SuperDuperClient(scripted_backend.url, scripted_backend.token) as client:
            with pytest.raises(BackendUnavailableError) as cut:
                async with client.stream_download(job.result_url) as response:
                    async for chunk in response.chunks:
                        received.extend(chunk)
            assert cut.value.status is None  # a broken connection, not an answer
            assert len(received) == 2000
            async with client.stream_download(job.result_url, start=len(received)) as rest:
                received.extend(b"".join([chunk async for chunk in rest.chunks]))
                assert rest.content_range.startswith("bytes 2000-")
                return rest.status

    assert asyncio.run(scenario()) == 206
    assert bytes(received) == sample_video
    assert [r.headers.get("range") for r in scripted_backend.cdn.requests] == [None, "bytes=2000-"]


def test_event_stream_refusals_are_typed_errors_with_the_right_headers(
    scripted_backend: ScriptedBackend,
) -> None:
    job = scripted_backend.add_job(JobScript(sse_status=404), start_now=True)

    async def scenario(client: SuperDuperClient) -> list[ApiError]:
        refusals = []
        for channel, last_id in ((f"file.{job.file_id}", None), (f"project.{job.project_id}", "3")):
            try:
                async with client.open_event_stream(channel, last_event_id=last_id):
                    raise AssertionError("a 404 opened a stream")
            except ApiError as exc:
                refusals.append(exc)
        return refusals

    refusals = run(scripted_backend, scenario)
    assert [(type(e), e.status) for e in refusals] == [(NotFoundError, 404)] * 2
    first, second = scripted_backend.requests_to("events/")
    assert first.path.endswith(f"/events/file.{job.file_id}")
    assert second.path.endswith(f"/events/project.{job.project_id}")
    assert (first.headers["accept"], first.headers["cache-control"]) == (
        "text/event-stream",
        "no-cache",
    )
    assert "last-event-id" not in first.headers and second.headers["last-event-id"] == "3"


@pytest.mark.parametrize(
    ("status", "kind"),
    [(401, AuthenticationError), (429, RateLimitedError), (503, BackendUnavailableError)],
)
def test_the_event_stream_and_downloads_use_the_one_status_map(
    scripted_backend: ScriptedBackend, status: int, kind: type[ApiError]
) -> None:
    job = scripted_backend.add_job(JobScript(sse_status=status), start_now=True)
    scripted_backend.inject("GET", "refused/", status, json_body={"detail": "not now"})
    refused_video = f"{scripted_backend.url}/api/v1/refused/video.mp4"

    async def scenario(client: SuperDuperClient) -> list[ApiError]:
        refusals = []
        for opener in (
            lambda: client.open_event_stream(f"file.{job.file_id}"),
            lambda: client.stream_download(refused_video),
        ):
            try:
                async with opener():
                    raise AssertionError(f"HTTP {status} was taken for a success")
            except ApiError as exc:
                refusals.append(exc)
        return refusals

    stream, download = run(scripted_backend, scenario)
    assert (type(stream), stream.status) == (kind, status)
    assert (type(download), download.status) == (kind, status)
    if kind is AuthenticationError:  # the server's own words come along, from both
        assert stream.server_message == f"scripted HTTP {status}"
        assert download.server_message == "not now"
