"""Fault injection against the built-in renderer's limits (app/local/limits.py).

Every test attacks a real `framecast serve` on 127.0.0.1, with httpx or raw
sockets where a well-behaved client cannot misbehave enough: bodies far past
their cap (declared, or chunked with no length), JSON that breaks parsers,
more jobs and event streams than allowed, hundreds of half-open connections,
heads and bodies that trickle or stop, clients that hang up mid-body and
`Host` names of a DNS rebinding page. Each one checks the clear refusal,
that the server keeps answering, and that its log stays free of tracebacks.
The limits are lowered through `FRAMECAST_LOCAL_LIMITS` so nothing takes
long; every loop is bounded in count and time.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import LocalServer, start_local_server
from tests.support.waiting import wait_until

HEAD_TIMEOUT = 2
BODY_TIMEOUT = 2
MAX_STREAMS = 3
LIMITS = f"head_timeout={HEAD_TIMEOUT},body_timeout={BODY_TIMEOUT},max_streams={MAX_STREAMS}"
SMALL_RENDER = {
    "prompt": "a lantern on a quiet pier",
    "width": 160,
    "height": 90,
    "duration": 1,
    "frame_rate": 24,
    "generation_config_name": "local/quick-t2v",
    "seed": 5,
}
MB = 1024 * 1024


@contextlib.contextmanager
def server_with(tmp_path: Path, **env: str) -> Iterator[LocalServer]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        server = start_local_server(tmp_path / "data")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """One server with short timeouts and few streams, shared by this module's tests."""
    with server_with(tmp_path_factory.mktemp("limits"), FRAMECAST_LOCAL_LIMITS=LIMITS) as server:
        yield server
    log = "".join(server.output)
    assert "Traceback" not in log, log[-3000:]


def api(server: LocalServer) -> httpx.Client:
    return httpx.Client(
        base_url=server.url + "/api/v1",
        headers={"Authorization": f"Bearer {server.token}"},
        timeout=30,
    )


def port_of(server: LocalServer) -> int:
    return httpx.URL(server.url).port or 80


def connect(server: LocalServer, timeout: float = 30.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port_of(server)), timeout=timeout)


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes


def read_response(sock: socket.socket) -> RawResponse:
    """One HTTP/1.1 response with a Content-Length, read off a raw socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a response: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines)}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return RawResponse(int(status_line.split()[1]), headers, body[:length])


def drain(sock: socket.socket) -> tuple[bytes, bool]:
    """What the server has sent and not been read yet, and whether it has closed."""
    sock.setblocking(False)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except BlockingIOError:
        return data, False
    except ConnectionError:
        pass
    return data, True


def closed_by_server(sock: socket.socket) -> bool:
    return drain(sock)[1]


def rss_mb(server: LocalServer) -> float:
    """The server process's resident memory."""
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    line = next(ln for ln in status.splitlines() if ln.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def head(server: LocalServer, method: str, path: str, *lines: str) -> bytes:
    rows = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port_of(server)}",
        f"Authorization: Bearer {server.token}",
        *lines,
    ]
    return ("\r\n".join(rows) + "\r\n\r\n").encode("latin-1")


def still_answers(server: LocalServer) -> None:
    with api(server) as http:
        assert http.get("/user/me").status_code == 200


needs_proc = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


# ------------------------------------------------------------------ bodies


@needs_proc
def test_a_declared_300_mb_body_is_refused_before_it_is_read(limited: LocalServer) -> None:
    before = rss_mb(limited)
    with connect(limited) as sock:
        sock.sendall(
            head(
                limited,
                "POST",
                "/api/v1/file/generate-video",
                "Content-Type: application/json",
                f"Content-Length: {300 * MB}",
            )
        )
        sock.sendall(b'{"config": {"prompt": "' + b"x" * 65536)
        response = read_response(sock)
        assert response.status == 413
        assert response.headers["connection"] == "close"
        assert "256 KB" in json.loads(response.body)["detail"]
        wait_until(lambda: closed_by_server(sock), 10, what="the server to hang up")
    assert rss_mb(limited) - before < 20
    still_answers(limited)


@needs_proc
def test_a_chunked_body_without_a_length_is_counted_as_it_streams(limited: LocalServer) -> None:
    before = rss_mb(limited)
    sent = 0
    chunk = b"%x\r\n%s\r\n" % (MB, b" " * MB)

    def pour(sock: socket.socket) -> None:
        nonlocal sent
        with contextlib.suppress(OSError):
            while sent < 300 * MB:
                sock.sendall(chunk)
                sent += MB

    with connect(limited) as sock:
        sock.sendall(
            head(limited, "POST", "/api/v1/file/generate-video", "Transfer-Encoding: chunked")
        )
        pourer = threading.Thread(target=pour, args=(sock,), daemon=True)
        pourer.start()
        response = read_response(sock)
        pourer.join(60)
    assert response.status == 413
    assert not pourer.is_alive()
    assert sent < 300 * MB, "the server read the whole body"
    assert rss_mb(limited) - before < 40
    still_answers(limited)


def test_a_chunked_body_a_little_past_its_cap_is_answered_in_full(limited: LocalServer) -> None:
    def body() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 10_000

    with api(limited) as http:
        response = http.post("/file/generate-video", content=body())
        assert response.status_code == 413
        assert response.headers.get("connection") != "close"  # read to its end: kept open
        assert http.get("/user/me").status_code == 200


def test_an_upload_past_its_cap_is_refused(limited: LocalServer) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(12 * MB)
    with api(limited) as http:
        response = http.post(
            "/file/upload", params={"type": "image"}, files={"payload": ("big.png", data)}
        )
    assert response.status_code == 413
    assert "10 MB" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "levels deep"),
        (b'{"config": ' * 5000 + b"{}" + b"}" * 5000, "levels deep"),
        (b'{"config": {"seed": 1e999}}', "too large"),
        (b'{"config": {"seed": NaN}}', "NaN"),
        (b'{"config": {"duration": Infinity}}', "Infinity"),
        (b'{"config": {"seed": ' + b"7" * 4500 + b"}}", "too large"),
        (b'{"config": {"seed": 18446744073709551616}}', "too large"),
    ],
)
def test_json_that_breaks_parsers_is_a_422(limited: LocalServer, body: bytes, words: str) -> None:
    with api(limited) as http:
        response = http.post(
            "/file/generate-video", content=body, headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 422
    assert words in response.json()["detail"]


def test_a_body_that_stops_arriving_times_out(limited: LocalServer) -> None:
    with connect(limited) as sock:
        sock.sendall(
            head(limited, "POST", "/api/v1/file/generate-video", "Content-Length: 100")
            + b'{"config":'
        )
        response = read_response(sock)
        assert response.status == 408
        assert "did not arrive" in json.loads(response.body)["detail"]
        wait_until(lambda: closed_by_server(sock), 10, what="the server to hang up")
    still_answers(limited)


def test_clients_hanging_up_mid_body_leave_no_tracebacks(tmp_path: Path) -> None:
    with server_with(tmp_path) as server:
        for _ in range(50):
            with connect(server) as sock:
                sock.sendall(
                    head(server, "POST", "/api/v1/file/generate-video", "Content-Length: 100")
                    + b'{"config":'
                )
        still_answers(server)
    log = "".join(server.output)
    assert server.process.returncode == 0
    assert "Traceback" not in log and "ClientDisconnect" not in log, log[-3000:]
    assert len(log) < 2000, log


# ------------------------------------------------------------------ queue and streams


def test_the_render_queue_is_bounded(tmp_path: Path) -> None:
    with (
        server_with(
            tmp_path,
            FRAMECAST_LOCAL_LIMITS="max_jobs=2",
            FRAMECAST_LOCAL_MIN_RENDER_SECONDS="2",
        ) as server,
        api(server) as http,
    ):
        config = {"config": SMALL_RENDER}
        first, second = (http.post("/file/generate-video", json=config) for _ in range(2))
        assert first.status_code == 200 and second.status_code == 200
        refused = http.post("/file/generate-video", json=config)
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 0
        assert "already has 2 videos" in refused.json()["detail"]

        def first_done() -> bool:
            body = http.get(f"/file/{first.json()['id']}").json()
            return bool(body["tasks"][-1]["status"] == "completed")

        wait_until(first_done, 60, interval=0.1, what="the first video to finish")
        assert http.post("/file/generate-video", json=config).status_code == 200


def finished_video(server: LocalServer) -> str:
    with api(server) as http:
        file_id = str(http.post("/file/generate-video", json={"config": SMALL_RENDER}).json()["id"])

        def done() -> bool:
            body = http.get(f"/file/{file_id}").json()
            return bool(body["tasks"][-1]["status"] == "completed")

        wait_until(done, 60, interval=0.1, what="the video to finish")
    return file_id


def test_open_event_streams_are_capped(limited: LocalServer) -> None:
    url = f"{limited.url}/api/v1/events/file.{finished_video(limited)}"
    headers = {"Authorization": f"Bearer {limited.token}"}
    with httpx.Client(headers=headers, timeout=30) as http, contextlib.ExitStack() as streams:
        opened = [streams.enter_context(http.stream("GET", url)) for _ in range(MAX_STREAMS)]
        assert [r.status_code for r in opened] == [200] * MAX_STREAMS
        with httpx.Client(headers=headers, timeout=30) as other:
            refused = other.get(url)
            assert refused.status_code == 429
            assert int(refused.headers["retry-after"]) > 0
            assert "Too many event streams" in refused.json()["detail"]
            opened[0].close()

            def a_stream_opens() -> bool:
                with other.stream("GET", url) as response:
                    return response.status_code == 200

            wait_until(a_stream_opens, 10, interval=0.05, what="a stream slot to free up")


# ------------------------------------------------------------------ connections


def test_half_open_connections_neither_starve_the_server_nor_flood_its_log(
    limited: LocalServer,
) -> None:
    log_before = len("".join(limited.output))
    partial = b"GET /api/v1/user/me HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    sockets: list[socket.socket] = []
    try:
        for i in range(300):  # past the default cap of 256 open connections
            sock = connect(limited)
            if i % 2:
                sock.sendall(partial)  # half a head; the other half send nothing
            sockets.append(sock)
        still_answers(limited)
        wait_until(
            lambda: all(closed_by_server(s) for s in sockets),
            HEAD_TIMEOUT + 30,
            interval=0.1,
            what="the server to close every half-open connection",
        )
    finally:
        for sock in sockets:
            sock.close()
    still_answers(limited)
    log = "".join(limited.output)[log_before:]
    assert "Traceback" not in log and len(log) < 2000, log[-3000:]


def test_a_head_trickled_byte_by_byte_still_times_out(limited: LocalServer) -> None:
    answer = b""
    with connect(limited) as sock:
        sock.sendall(b"GET /api/v1/user/me HTTP/1.1\r\nX-Slow: ")
        pace = threading.Event()
        for _ in range(HEAD_TIMEOUT * 5 * 3):  # a byte every 0.2 s, for 3 times the deadline
            answer, closed = drain(sock)
            if answer or closed:
                break
            sock.sendall(b"x")
            pace.wait(0.2)
    assert answer.startswith(b"HTTP/1.1 408 "), answer


# ------------------------------------------------------------------ Host


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_host_names_are_answered(limited: LocalServer, name: str) -> None:
    with api(limited) as http:
        response = http.get("/user/me", headers={"Host": f"{name}:{port_of(limited)}"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}", "localhost.evil.example"],
)
@pytest.mark.parametrize("path", ["/api/v1/user/me", "/media/styles/neon.png"])
def test_other_host_names_are_refused(limited: LocalServer, host: str, path: str) -> None:
    response = httpx.get(
        limited.url + path,
        headers={
            "Host": host.format(port=port_of(limited)),
            "Authorization": f"Bearer {limited.token}",
        },
    )
    assert response.status_code == 421
    assert "answers only requests addressed to it" in response.json()["detail"]
    assert limited.token not in response.text


def test_a_request_without_host_is_refused(limited: LocalServer) -> None:
    with connect(limited) as sock:
        request = f"GET /api/v1/user/me HTTP/1.0\r\nAuthorization: Bearer {limited.token}\r\n\r\n"
        sock.sendall(request.encode())
        assert read_response(sock).status == 421
