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
from collections.abc import Callable, Iterator
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


#: Which frames a caller wants, by presentation timestamp.
Wanted = Callable[[int], bool]


def decode_from(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    keyframe: Keyframe,
    *,
    wanted: Wanted | None = None,
) -> Iterator[VideoFrame]:
    """Every frame from `keyframe` on, in display order (frames before it that
    the decoder still puts out are left to the caller to skip). With
    `wanted`, frames nothing refers to are decoded only when wanted (see
    SkipUnwanted)."""
    try:
        container.seek(keyframe.dts if keyframe.dts is not None else keyframe.pts, stream=stream)
    except av.error.FFmpegError as exc:
        raise UnreadableVideoError(Path(container.name), "it can't be searched") from exc
    return decode_here(container, stream, wanted=wanted)


def decode_here(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    *,
    wanted: Wanted | None = None,
) -> Iterator[VideoFrame]:
    """Frames from wherever the container is, to the end or the first damage
    that stops demuxing (`wanted` as in decode_from)."""
    skipping = SkipUnwanted(stream, wanted)
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
        skipping.see(packet.pts)
        try:
            yield from packet.decode()
        except av.error.InvalidDataError as exc:
            log.debug("skipped a damaged packet of %s: %s", container.name, exc)


class SkipUnwanted:
    """Tells the decoder, packet by packet, to leave out a frame that nothing
    refers to unless it is wanted. Reference frames are always decoded (later
    frames are built on them), so what is wanted still decodes exactly; on
    H.264 with B-frames the frames left out are about half the work. FFmpeg
    reads the setting for each packet as it is sent, threads or not."""

    def __init__(self, stream: av.video.stream.VideoStream, wanted: Wanted | None) -> None:
        self._context = stream.codec_context
        self._wanted = wanted

    def see(self, pts: int | None) -> None:
        """Call with each video packet's timestamp, before decoding it."""
        if self._wanted is not None:
            keep = pts is None or self._wanted(pts)
            self._context.skip_frame = "DEFAULT" if keep else "NONREF"


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
    nearest = info.keyframe_at_or_before(target)
    frame = _find(decode_from(container, stream, nearest, wanted=lambda pts: pts == target), target)
    if frame is not None:
        return frame
    # Missed (an odd index, or a decoder that dropped the frame): decode every
    # frame, from this keyframe and then from earlier ones.
    log.debug("%s: skipping decode missed frame %d", info.path.name, index)
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
