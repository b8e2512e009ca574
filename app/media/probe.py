"""What a video file holds, read from its packets rather than trusted from its header.

`probe(path)` demuxes every packet of the first video stream (no decoding: a
10 s 720p clip takes milliseconds) and returns a `VideoInfo`: the
presentation time of every frame, the keyframes, the order frames are stored
in, and the true end of the last frame. Headers lie or say nothing (a
fragmented MP4 or an MPEG-TS has no duration; B-frames make the stored order
differ from the shown order), packets do not, so every exact answer in
app.media (which frame shows at a time, which is the last, whether a cut can
be copied) is computed from this index.

Times in app.media are seconds from the first frame shown: 0.0 is always the
first frame, whatever the container's start offset.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.container
import av.error
import av.video.stream

from app.media.errors import UnreadableVideoError

log = logging.getLogger("framecast.media")


@dataclass(frozen=True)
class Keyframe:
    """A frame decoding can start from: its presentation and decoding times."""

    pts: int
    dts: int | None


@dataclass(frozen=True)
class VideoInfo:
    """The first video stream of a file, frame by frame (timestamps in `time_base`)."""

    path: Path
    format_name: str
    codec: str
    width: int
    height: int
    time_base: Fraction
    #: Presentation time of every frame, in the order they are shown.
    frame_pts: tuple[int, ...]
    #: Presentation time of every frame, in the order they are stored (decoded).
    decode_order: tuple[int, ...]
    keyframes: tuple[Keyframe, ...]
    #: When the last frame stops showing.
    end_pts: int
    average_rate: Fraction | None
    audio_codec: str | None

    @property
    def origin(self) -> int:
        return self.frame_pts[0]

    @property
    def frame_count(self) -> int:
        return len(self.frame_pts)

    @property
    def duration(self) -> float:
        """Seconds from the first frame shown to the end of the last."""
        return self.time_of(self.end_pts)

    @property
    def fps(self) -> float:
        return self.frame_count / self.duration if self.duration > 0 else 0.0

    @property
    def reordered(self) -> bool:
        """True when frames are stored out of display order (B-frames)."""
        return any(a > b for a, b in itertools.pairwise(self.decode_order))

    @property
    def keyframe_times(self) -> tuple[float, ...]:
        """Where a cut can start without re-encoding (see app.media.export)."""
        return tuple(self.time_of(k.pts) for k in self.keyframes)

    def time_of(self, pts: int) -> float:
        """Seconds from the first frame to `pts`."""
        return float((pts - self.origin) * self.time_base)

    def ticks(self, seconds: float) -> int:
        """The timestamp of `seconds` from the first frame, rounded down (a
        thousandth of a tick of slack absorbs binary rounding: 5/24 s must
        land on frame 5, not just before it)."""
        return self.origin + math.floor(seconds / float(self.time_base) + 1e-3)

    def frame_index_at(self, seconds: float) -> int:
        """Index of the frame showing at `seconds` (the last one at or before it)."""
        return max(0, bisect.bisect_right(self.frame_pts, self.ticks(seconds)) - 1)

    def keyframe_at_or_before(self, pts: int) -> Keyframe:
        starts = [k.pts for k in self.keyframes]
        return self.keyframes[max(0, bisect.bisect_right(starts, pts) - 1)]

    def keyframes_before(self, pts: int) -> list[Keyframe]:
        """Keyframes at or before `pts`, the nearest first."""
        return [k for k in reversed(self.keyframes) if k.pts <= pts]


def unreadable(path: Path, exc: BaseException) -> UnreadableVideoError:
    """The error for a file PyAV could not open or read, in plain words."""
    if isinstance(exc, FileNotFoundError):
        reason = "the file does not exist"
    elif isinstance(exc, IsADirectoryError):
        reason = "it is a folder"
    elif isinstance(exc, PermissionError):
        reason = "permission denied"
    elif isinstance(exc, av.error.FFmpegError):
        reason = "not a video Framecast can read"
    elif isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
    else:
        reason = type(exc).__name__
    return UnreadableVideoError(path, reason)


@contextmanager
def open_video(
    path: Path,
) -> Iterator[tuple[av.container.InputContainer, av.video.stream.VideoStream]]:
    """Open `path` and its first video stream, decoding on every core FFmpeg
    wants (frame and slice threads); any failure to open is UnreadableVideoError."""
    try:
        container = av.open(str(path), mode="r")
    except (OSError, av.error.FFmpegError, ValueError) as exc:
        raise unreadable(path, exc) from exc
    try:
        if not container.streams.video:
            raise UnreadableVideoError(path, "it has no video")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        yield container, stream
    finally:
        container.close()


def probe(path: Path) -> VideoInfo:
    """Index the first video stream of `path` (see the module docstring). Raises
    UnreadableVideoError for a missing, unreadable or frameless file. Blocking."""
    path = Path(path)
    with open_video(path) as (container, stream):
        packets = _read_packets(path, container, stream)
        if not packets:
            raise UnreadableVideoError(path, "it has no frames")
        if not (stream.codec_context.width > 0 and stream.codec_context.height > 0):
            raise UnreadableVideoError(path, "its picture has no size")
        base = stream.time_base or Fraction(1, 90000)
        audio = container.streams.audio[0].codec_context.name if container.streams.audio else None
        shown = sorted(p[0] for p in packets)
        keyframes = sorted(
            (Keyframe(pts, dts) for pts, dts, key, _ in packets if key), key=lambda k: k.pts
        )
        if not keyframes:  # some raw streams flag nothing: decoding still starts at the start
            keyframes = [Keyframe(packets[0][0], packets[0][1])]
        return VideoInfo(
            path=path,
            format_name=container.format.name,
            codec=stream.codec_context.name,
            width=stream.codec_context.width,
            height=stream.codec_context.height,
            time_base=base,
            frame_pts=tuple(shown),
            decode_order=tuple(p[0] for p in packets),
            keyframes=tuple(keyframes),
            end_pts=shown[-1] + _last_duration(packets, shown, stream),
            average_rate=stream.average_rate,
            audio_codec=audio,
        )


Packet = tuple[int, int | None, bool, int]


def _read_packets(
    path: Path, container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> list[Packet]:
    """(pts, dts, keyframe, duration) of every packet of `stream`, in stored order.
    A file cut short keeps the packets before the damage."""
    packets: list[Packet] = []
    try:
        for packet in container.demux(stream):
            if packet.size == 0:  # the demuxer's end-of-stream marker
                continue
            pts = packet.pts if packet.pts is not None else packet.dts
            if pts is None:
                continue
            packets.append((pts, packet.dts, packet.is_keyframe, packet.duration or 0))
    except (av.error.FFmpegError, OSError) as exc:
        if not packets:
            raise unreadable(path, exc) from exc
        log.warning("%s: packets unreadable after %d: %s", path.name, len(packets), exc)
    return packets


def _last_duration(
    packets: list[Packet], shown: list[int], stream: av.video.stream.VideoStream
) -> int:
    """How long the last frame shows: its packet's duration, else the usual
    gap between frames, else one frame at the declared rate."""
    last = max(packets, key=lambda p: p[0])
    if last[3] > 0:
        return last[3]
    gaps = [b - a for a, b in itertools.pairwise(shown) if b > a]
    if gaps:
        return int(statistics.median(gaps))
    rate, base = stream.average_rate, stream.time_base
    if rate and base:
        return max(1, round(1 / (rate * base)))
    return 1
