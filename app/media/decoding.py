"""Decoding from a keyframe, and finding one exact frame, for the rest of app.media.

FFmpeg can only start decoding at a keyframe, and a seek lands "near" the
time asked for, in a way each container does differently. So the exact
frame is found by seeking to a keyframe the index (app.media.probe) knows is
at or before it, decoding forward, and checking the timestamps: when a seek
lands too late (a container that seeks by stored order, an odd index), the
next earlier keyframe is tried, and in the end the whole stream from the
start. A damaged packet is skipped rather than ending the decode, as players
do.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import av.container
import av.error
import av.video.frame
import av.video.stream

from app.media.errors import UnreadableVideoError
from app.media.probe import Keyframe, VideoInfo

log = logging.getLogger("framecast.media")

#: How many keyframes back to try before decoding from the start.
_KEYFRAME_TRIES = 3

VideoFrame = av.video.frame.VideoFrame


def decode_from(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    keyframe: Keyframe,
) -> Iterator[VideoFrame]:
    """Every frame from `keyframe` on, in display order (frames before it that
    the decoder still puts out are left to the caller to skip)."""
    try:
        container.seek(keyframe.dts if keyframe.dts is not None else keyframe.pts, stream=stream)
    except av.error.FFmpegError as exc:
        raise UnreadableVideoError(Path(container.name), "it can't be searched") from exc
    return decode_here(container, stream)


def decode_here(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> Iterator[VideoFrame]:
    """Frames from wherever the container is, to the end or the first damage
    that stops demuxing."""
    packets = container.demux(stream)
    while True:
        try:
            packet = next(packets)
        except StopIteration:
            return
        except (av.error.FFmpegError, OSError) as exc:
            log.warning("stopped reading %s: %s", container.name, exc)
            yield from _drain(stream)
            return
        try:
            yield from packet.decode()
        except av.error.InvalidDataError as exc:
            log.debug("skipped a damaged packet of %s: %s", container.name, exc)


def _drain(stream: av.video.stream.VideoStream) -> Iterator[VideoFrame]:
    try:
        yield from stream.codec_context.decode(None)
    except av.error.FFmpegError:
        return


def exact_frame(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    info: VideoInfo,
    index: int,
) -> VideoFrame:
    """Decode frame number `index` (in display order) of `info`'s stream."""
    target = info.frame_pts[index]
    for keyframe in info.keyframes_before(target)[:_KEYFRAME_TRIES]:
        frame = _find(decode_from(container, stream, keyframe), target)
        if frame is not None:
            return frame
        log.debug("%s: seek to %s missed frame %d", info.path.name, keyframe, index)
    return _by_count(container, stream, info, index)


def _find(frames: Iterator[VideoFrame], target: int) -> VideoFrame | None:
    for frame in frames:
        if frame.pts is None or frame.pts < target:
            continue
        return frame if frame.pts == target else None
    return None


def _by_count(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    info: VideoInfo,
    index: int,
) -> VideoFrame:
    """The last resort: decode from the very start and count frames (for
    streams whose frames carry no usable timestamps)."""
    last = None
    for number, frame in enumerate(decode_from(container, stream, info.keyframes[0])):
        last = frame
        if number == index:
            return frame
    if last is None:
        raise UnreadableVideoError(info.path, "its frames do not decode")
    return last
