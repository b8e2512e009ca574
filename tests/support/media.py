"""A tiny, valid H.264 MP4 for tests, encoded once per session with PyAV."""

from __future__ import annotations

import tempfile
import threading
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

_lock = threading.Lock()
_cache: dict[tuple[float, int, int, int], bytes] = {}


def make_test_video(
    path: Path, *, seconds: float = 1.0, width: int = 64, height: int = 64, fps: int = 24
) -> Path:
    """Encode a moving gradient as H.264 (yuv420p) into `path` and return it."""
    frames = max(1, round(seconds * fps))
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, fps)
        ramp = np.linspace(0, 255, width, dtype=np.uint8)
        for i in range(frames):
            img = np.zeros((height, width, 3), dtype=np.uint8)
            img[:, :, 0] = np.roll(ramp, i * 3)[None, :]
            img[:, :, 1] = (i * 255) // frames
            img[:, :, 2] = 255 - img[:, :, 0]
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def sample_video_bytes(
    *, seconds: float = 1.0, width: int = 64, height: int = 64, fps: int = 24
) -> bytes:
    """The bytes of a test video, encoded at most once per process per shape."""
    key = (seconds, width, height, fps)
    with _lock:
        if key not in _cache:
            with tempfile.TemporaryDirectory(prefix="framecast-video-") as tmp:
                path = make_test_video(
                    Path(tmp) / "sample.mp4", seconds=seconds, width=width, height=height, fps=fps
                )
                _cache[key] = path.read_bytes()
        return _cache[key]
