"""Test videos made with PyAV: a tiny H.264 MP4 encoded once per session, and
numbered clips whose every frame says which frame it is (for the media engine)."""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw

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


# --------------------------------------------------------------------------- numbered clips

#: Bits of the frame number drawn into every frame of a numbered clip.
NUMBER_BITS = 10


@dataclass(frozen=True)
class ClipSpec:
    """A numbered test clip: frame i shows i as a row of black and white bars
    (most significant bit first), which survives lossy H.264/VP9 compression,
    so a decoded frame says exactly which source frame it is."""

    frames: int = 48
    fps: int = 24
    width: int = 160
    height: int = 96
    gop: int = 12
    bframes: int = 2
    codec: str = "libx264"
    #: "mp4", "mp4-fragmented" (no duration in the header), "mpegts", "webm".
    container: str = "mp4"
    audio: bool = False
    #: A band of per-frame noise below the bars: frames that compress badly.
    noise: bool = False

    @property
    def seconds(self) -> float:
        return self.frames / self.fps


def numbered_frame(index: int, width: int, height: int, *, noise: bool = False) -> Image.Image:
    """Frame `index` of a numbered clip: NUMBER_BITS bars above a colour band
    (or a band of noise)."""
    image = Image.new("RGB", (width, height), _band_colour(index))
    if noise:
        band = height - height * 2 // 3 - 1
        rng = np.random.default_rng(index)
        pixels = rng.integers(0, 256, (band, width, 3), dtype=np.uint8)
        image.paste(Image.fromarray(pixels, "RGB"), (0, height - band))
    draw = ImageDraw.Draw(image)
    bar = width // NUMBER_BITS
    for bit in range(NUMBER_BITS):
        on = (index >> (NUMBER_BITS - 1 - bit)) & 1
        draw.rectangle(
            (bit * bar, 0, (bit + 1) * bar - 1, height * 2 // 3),
            fill=(255,) * 3 if on else (0,) * 3,
        )
    return image


def _band_colour(index: int) -> tuple[int, int, int]:
    return ((index * 53) % 200 + 40, (index * 97) % 200 + 40, (index * 29) % 200 + 40)


def read_frame_number(image: Image.Image) -> int:
    """The number drawn into a frame of a numbered clip (at any scale)."""
    rgb = image.convert("L")
    bar = rgb.width / NUMBER_BITS
    y = rgb.height // 3
    number = 0
    for bit in range(NUMBER_BITS):
        value = rgb.getpixel((int(bit * bar + bar / 2), y))
        assert isinstance(value, int)
        number = number * 2 + (1 if value >= 128 else 0)
    return number


_FORMATS = {
    "mp4": ("mp4", {"movflags": "+faststart"}),
    "mp4-fragmented": ("mp4", {"movflags": "frag_keyframe+empty_moov+default_base_moof"}),
    "mpegts": ("mpegts", {}),
    "webm": ("webm", {}),
}


def make_numbered_video(path: Path, spec: ClipSpec | None = None) -> Path:
    """Encode a numbered clip (see ClipSpec) into `path` and return it."""
    spec = spec or ClipSpec()
    fmt, options = _FORMATS[spec.container]
    with av.open(str(path), mode="w", format=fmt, options=options) as container:
        stream = container.add_stream(spec.codec, rate=spec.fps)
        stream.width, stream.height = spec.width, spec.height
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, spec.fps)
        codec_options = {"g": str(spec.gop), "keyint_min": str(spec.gop)}
        if spec.codec == "libx264":
            codec_options.update(
                {"preset": "ultrafast" if spec.bframes == 0 else "veryfast", "crf": "18"}
            )
            codec_options["x264-params"] = f"bframes={spec.bframes}:b-adapt=0:scenecut=0"
        stream.codec_context.options = codec_options
        audio = _add_tone(container, spec.container) if spec.audio else None
        for i in range(spec.frames):
            frame = av.VideoFrame.from_image(
                numbered_frame(i, spec.width, spec.height, noise=spec.noise)
            )
            frame.pts = i
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
        if audio is not None:
            _encode_tone(container, audio, spec.seconds)
    return path


def _add_tone(container: av.container.OutputContainer, kind: str) -> av.audio.stream.AudioStream:
    audio = container.add_stream("libopus" if kind == "webm" else "aac", rate=48000)
    audio.layout = "stereo"
    return audio


def _encode_tone(
    container: av.container.OutputContainer, stream: av.audio.stream.AudioStream, seconds: float
) -> None:
    """A 440 Hz tone as long as the video, in frames of the encoder's size."""
    rate, size = 48000, stream.codec_context.frame_size or 1024
    total = round(seconds * rate)
    wave = np.sin(2 * np.pi * 440 * np.arange(total) / rate).astype(np.float32) * 0.2
    for start in range(0, total, size):
        chunk = wave[start : start + size]
        frame = av.AudioFrame.from_ndarray(np.stack([chunk, chunk]), format="fltp", layout="stereo")
        frame.sample_rate = rate
        frame.pts = start
        container.mux(stream.encode(frame))
    container.mux(stream.encode(None))
