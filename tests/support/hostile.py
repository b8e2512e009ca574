"""Hostile inputs for fault-injection tests, and the places to send them from.

- `deep_json(levels)`: JSON nested `levels` deep (`json.loads` of 100,000
  levels raises RecursionError).
- `HostileServer`: a second origin on loopback (a real uvicorn server) that
  serves a redirect loop, bodies without a Content-Length that end with a
  clean close (chunked), and bodies with a Content-Length of the truncated
  size; every request is recorded.
- `faststart_video()`: an MP4 with its index (moov) first, as CDNs serve
  them for streaming; cut short, its first frame still decodes, which is
  what let truncated videos pass before.
- `small_disk()` and `read_only_folder()`: a 1 MB tmpfs, and a folder that
  can't be written, by mounting where the test runs as root (root ignores
  permission bits) and with chmod otherwise; skipped with the reason where
  neither works.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from tests.support.servers import RecordedRequest, ThreadedServer


def deep_json(levels: int, kind: str = "list") -> str:
    """Valid JSON nested `levels` deep: `[[[...]]]` or `{"a":{"a":...}}`."""
    if kind == "list":
        return "[" * levels + "]" * levels
    return '{"a":' * levels + "1" + "}" * levels


_video_lock = threading.Lock()
_videos: dict[tuple[float, int], bytes] = {}


def faststart_video(seconds: float = 1.0, fps: int = 24, size: int = 64) -> bytes:
    """An H.264 MP4 with the index at the front, encoded once per process.
    Noise frames, so the file is big enough to cut at 40 % mid-stream."""
    key = (seconds, fps)
    with _video_lock:
        if key not in _videos:
            rng = np.random.default_rng(7)
            with tempfile.TemporaryDirectory(prefix="framecast-faststart-") as tmp:
                path = Path(tmp) / "v.mp4"
                options = {"movflags": "faststart"}
                with av.open(str(path), mode="w", format="mp4", options=options) as container:
                    stream = container.add_stream("libx264", rate=fps)
                    stream.width = stream.height = size
                    stream.pix_fmt = "yuv420p"
                    stream.time_base = Fraction(1, fps)
                    for i in range(round(seconds * fps)):
                        img = rng.integers(0, 255, (size, size, 3), dtype=np.uint8)
                        frame = av.VideoFrame.from_ndarray(img, format="rgb24")
                        frame.pts = i
                        for packet in stream.encode(frame):
                            container.mux(packet)
                    for packet in stream.encode():
                        container.mux(packet)
                _videos[key] = path.read_bytes()
        return _videos[key]


@dataclass
class _Body:
    data: bytes
    content_type: str
    with_length: bool


class HostileServer:
    """A second origin that misbehaves on purpose (see the module docstring)."""

    def __init__(self) -> None:
        self._bodies: dict[str, _Body] = {}
        self._lock = threading.Lock()
        self._server = ThreadedServer(self._app, "hostile")

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._server.requests

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    def put(
        self,
        path: str,
        data: bytes,
        *,
        content_type: str = "video/mp4",
        with_length: bool = False,
    ) -> str:
        """Serve `data` at `path`: chunked (no Content-Length) unless
        `with_length`; either way the connection ends cleanly. Returns the URL."""
        path = "/" + path.lstrip("/")
        with self._lock:
            self._bodies[path] = _Body(data, content_type, with_length)
        return self.url + path

    def redirect_loop(self) -> str:
        """A URL that redirects to itself forever."""
        return self.url + "/loop"

    async def _app(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        path = request.url.path
        response: Response
        if path == "/loop":
            response = RedirectResponse(self.url + "/loop", status_code=302)
        else:
            with self._lock:
                body = self._bodies.get(path)
            if body is None:
                response = JSONResponse({"detail": "not found"}, status_code=404)
            elif body.with_length:
                response = Response(body.data, media_type=body.content_type)
            else:
                response = StreamingResponse(_chunks(body.data), media_type=body.content_type)
        await response(scope, receive, send)

    def __enter__(self) -> HostileServer:
        self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


async def _chunks(data: bytes, size: int = 16384) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.fixture
def hostile_server() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


# --------------------------------------------------------------------------- file systems


def _can_mount() -> str | None:
    """None if this process may mount a tmpfs, else why not."""
    if os.name != "posix" or os.geteuid() != 0:
        return "mounting a small file system needs root"
    if shutil.which("mount") is None or shutil.which("umount") is None:
        return "no mount command"
    return None


@contextlib.contextmanager
def _tmpfs(path: Path, options: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(path: Path, size: str = "1m") -> Iterator[Path]:
    """A real file system of `size` at `path`, to fill up (ENOSPC). Root only:
    a tmpfs is the one way to get a genuinely full disk without LD_PRELOAD
    (RLIMIT_FSIZE gives EFBIG and SIGXFSZ, not ENOSPC); skipped otherwise."""
    why = _can_mount()
    if why is not None:
        pytest.skip(f"full-disk test skipped: {why}")
    with _tmpfs(path, f"size={size},mode=0755") as mounted:
        yield mounted


@contextlib.contextmanager
def read_only_folder(path: Path) -> Iterator[Path]:
    """A folder nobody can write to: a read-only tmpfs as root (root ignores
    permission bits), a 0555 folder otherwise."""
    if _can_mount() is None:
        with _tmpfs(path, "ro,size=64k,mode=0755") as mounted:
            yield mounted
        return
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o555)
    try:
        yield path
    finally:
        path.chmod(0o755)
