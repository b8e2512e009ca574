"""Export a range of a clip as MP4, as a looping GIF, or as WebM.

`export_clip(src, dst, start, end, kind, progress_cb, cancel_event)` blocks
until the file is written (the window runs it on a worker thread) and
returns an `ExportResult`. The range is the frames showing from `start` to
`end` (seconds from the first frame): the frame showing at `start`, up to
the last one that starts before `end`, so the export lasts `end - start`
give or take a frame.

**MP4: copied when the cut allows it, else re-encoded whole.** The packets
are copied as they are (no quality lost, no time spent) when
- the source is an MP4/MOV of H.264, HEVC, AV1 or MPEG-4 video (and AAC, MP3,
  ALAC or (E-)AC-3 sound, if any), and
- the frame showing at `start` is a keyframe, and
- the packets from that keyframe on, in the order they are stored, up to the
  last one the range needs, are exactly the range's frames: then every frame
  the range's frames refer to is in the range. That holds for any end on a
  stream without B-frames, for an end just before a keyframe or at the end of
  the clip, and for an end just after a P-frame; it fails where a kept
  B-frame would need a dropped later frame, or an open GOP leads with frames
  from before the keyframe.
Otherwise the range is re-encoded with libx264 (CRF 18, preset veryfast,
yuv420p: visually lossless; about 0.6 s of CPU per second of 720p, so faster
than realtime on two free cores) and the sound with AAC. Re-encoding only
the head up to the first keyframe and copying the rest ("smart rendering")
was left out: the two parts would carry different H.264 parameter sets in
one MP4 track, which many players refuse.
`keyframe_times` (app.media.probe) lets the window snap an in-point to a
keyframe so that a cut can be copied.

**GIF: two passes through FFmpeg's palettegen and paletteuse.** The first
pass samples up to 32 of the GIF's frames, spread across the range, into one
256-colour palette for the whole clip; the second scales every GIF frame
(lanczos) and maps it onto that palette with an ordered (Bayer) dither,
which flickers less from frame to frame and compresses better than error
diffusion, repainting only the rectangle that changed. Memory stays bounded
whatever the length, and neither pass decodes source frames the GIF does
not show unless other frames are built on them. Caps, for file size: at most
12 frames a second (fewer if the source has fewer) and 480 pixels wide
(never enlarged); it loops forever.

**WebM: VP9 (libvpx-vp9), VP8 (libvpx) if this FFmpeg lacks VP9**, sound as
Opus. VP9 runs in libvpx's realtime mode (cpu-used 6, row threading,
constant quality 32): about 0.4 s of CPU per second of 720p, half the size of
the H.264 export; its "good" mode makes files 30 % smaller at four times the
time. Nothing here uses HEVC or AV1 encoders: the desktop
package swaps libx265 and SVT-AV1 for stand-ins (packaging/README.md).

Every kind: `progress_cb(fraction)` from 0 to 1 (at most every hundredth,
and 1 at the end); `cancel_event` is checked at every frame and a cancelled
export raises ExportCancelled and leaves nothing; the file is written aside
and renamed into place (app.media.files), never over an existing file
unless `overwrite=True`; the written file is read back and must hold the
planned number of frames and duration, or it is not kept (ExportFailedError).
"""

from __future__ import annotations

import bisect
import contextlib
import enum
import logging
import math
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.audio.frame
import av.audio.stream
import av.codec
import av.container
import av.error
import av.filter
import av.video.frame
import av.video.stream

from app.media.decoding import SkipUnwanted, VideoFrame, Wanted
from app.media.errors import (
    ExportCancelled,
    ExportFailedError,
    OutOfRangeError,
    UnsupportedExportError,
)
from app.media.files import atomic_output, check_target
from app.media.probe import VideoInfo, open_video, probe, unreadable

log = logging.getLogger("framecast.media")

ProgressCallback = Callable[[float], None]


class ExportKind(enum.StrEnum):
    MP4 = "mp4"
    GIF = "gif"
    WEBM = "webm"


@dataclass(frozen=True)
class ExportResult:
    """What was written: `copied` is True when the packets were copied as they
    were (no re-encode); frames and duration are read back from the file."""

    path: Path
    kind: ExportKind
    copied: bool
    frames: int
    duration: float
    size_bytes: int


@dataclass(frozen=True)
class Cut:
    """The frames of a range: indexes `first` to `stop` (exclusive) in display
    order, showing from `start_pts` until `end_pts`."""

    first: int
    stop: int
    start_pts: int
    end_pts: int

    @property
    def frame_count(self) -> int:
        return self.stop - self.first


# GIF caps (see the module docstring).
GIF_MAX_FPS = 12
GIF_MAX_WIDTH = 480
_GIF_PALETTE_FRAMES = 32
_GIF_DITHER = "dither=bayer:bayer_scale=4:diff_mode=rectangle"

_COPY_FORMATS = ("mov", "mp4")
_COPY_VIDEO = frozenset({"h264", "hevc", "av1", "mpeg4"})
_COPY_AUDIO = frozenset({"aac", "mp3", "alac", "ac3", "eac3"})
#: The end of a range may overshoot the duration by this much (a player's
#: clock in milliseconds at the very end).
_END_SLACK = 0.002


@dataclass(frozen=True)
class Encoding:
    """How a re-encoded export is written: container, codecs and their options."""

    format: str
    video_codec: str
    video_options: dict[str, str]
    audio_codec: str
    audio_rate: int | None  # None: keep the source's rate
    container_options: dict[str, str]


_H264 = Encoding(
    format="mp4",
    video_codec="libx264",
    video_options={"preset": "veryfast", "crf": "18"},
    audio_codec="aac",
    audio_rate=None,
    container_options={"movflags": "+faststart"},
)
_VP9_OPTIONS = {"deadline": "realtime", "cpu-used": "6", "row-mt": "1", "crf": "32", "b": "0"}
_VP8_OPTIONS = {"deadline": "realtime", "cpu-used": "8", "crf": "10", "b": "4M"}


def export_clip(
    src: Path,
    dst: Path,
    start: float,
    end: float,
    kind: ExportKind | str,
    progress_cb: ProgressCallback | None = None,
    cancel_event: threading.Event | None = None,
    *,
    overwrite: bool = False,
    allow_copy: bool = True,
) -> ExportResult:
    """Export `start`..`end` seconds of `src` to `dst` (see the module docstring).
    `allow_copy=False` re-encodes an MP4 even where its packets could be copied.

    Raises UnsupportedExportError (kind), UnreadableVideoError (source),
    OutOfRangeError (range), OutputExistsError, FolderNotWritableError,
    DiskFullError (target), ExportCancelled, ExportFailedError."""
    export_kind = _kind(kind)
    src, dst = Path(src), Path(dst)
    check_target(dst, overwrite=overwrite)
    info = probe(src)
    cut = plan_cut(info, start, end)
    run = _Run(dst, _Progress(progress_cb), cancel_event or threading.Event())
    copied = allow_copy and export_kind is ExportKind.MP4 and can_copy(info, cut)
    encoding = webm_encoding() if export_kind is ExportKind.WEBM else _H264
    with atomic_output(dst, overwrite=overwrite) as tmp:
        if copied:
            _copy_mp4(info, cut, tmp, run)
        elif export_kind is ExportKind.GIF:
            _gif(info, cut, tmp, run)
        else:
            _encode(info, cut, tmp, encoding, run)
        written = _check_output(
            tmp, dst, _frames(info, cut, export_kind), _duration(info, cut, export_kind)
        )
    run.progress.finish()
    log.info(
        "exported %s %.3f-%.3f s to %s (%s, %d frames)",
        src.name,
        start,
        end,
        dst.name,
        "copied" if copied else "encoded",
        written.frame_count,
    )
    return ExportResult(
        dst, export_kind, copied, written.frame_count, written.duration, dst.stat().st_size
    )


def _kind(kind: ExportKind | str) -> ExportKind:
    try:
        return ExportKind(str(kind).lower())
    except ValueError:
        raise UnsupportedExportError(str(kind)) from None


def plan_cut(info: VideoInfo, start: float, end: float) -> Cut:
    """The frames `start`..`end` covers; OutOfRangeError for a range outside
    the clip or an empty one."""
    duration = info.duration
    if not (math.isfinite(start) and math.isfinite(end)):
        raise OutOfRangeError(start, end, duration)
    if start < 0 or end <= start or start >= duration or end > duration + _END_SLACK:
        raise OutOfRangeError(start, end, duration)
    first = info.frame_index_at(start)
    stop = max(first + 1, bisect.bisect_left(info.frame_pts, info.ticks(min(end, duration))))
    end_pts = info.frame_pts[stop] if stop < info.frame_count else info.end_pts
    return Cut(first, stop, info.frame_pts[first], end_pts)


def can_copy(info: VideoInfo, cut: Cut) -> bool:
    """True when `cut` can be exported to MP4 by copying packets (see the
    module docstring for the rule)."""
    if not any(name in info.format_name.split(",") for name in _COPY_FORMATS):
        return False
    if info.codec not in _COPY_VIDEO or (
        info.audio_codec is not None and info.audio_codec not in _COPY_AUDIO
    ):
        return False
    if cut.start_pts not in {k.pts for k in info.keyframes}:
        return False
    stored = info.decode_order
    if len(set(stored)) != len(stored):  # duplicate timestamps: nothing can be proven
        return False
    position = {pts: i for i, pts in enumerate(stored)}
    wanted = info.frame_pts[cut.first : cut.stop]
    low, high = position[cut.start_pts], max(position[pts] for pts in wanted)
    return sorted(stored[low : high + 1]) == list(wanted)


def webm_encoding() -> Encoding:
    """VP9 when this FFmpeg can encode it, else VP8; Opus sound."""
    if has_encoder("libvpx-vp9"):
        codec, options = "libvpx-vp9", _VP9_OPTIONS
    elif has_encoder("libvpx"):
        codec, options = "libvpx", _VP8_OPTIONS
    else:
        raise UnsupportedExportError("webm", "this build has no VP9 or VP8 encoder")
    audio = "libopus" if has_encoder("libopus") else "opus"
    return Encoding("webm", codec, options, audio, 48000, {})


def has_encoder(name: str) -> bool:
    try:
        av.codec.Codec(name, "w")
    except (av.codec.codec.UnknownCodecError, ValueError):
        return False
    return True


# --------------------------------------------------------------------------- plumbing


class _Progress:
    """Reports a rising fraction, at most every hundredth; 1.0 only once the
    file is in place."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._callback = callback
        self._last = -1.0

    def report(self, fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 0.99)
        if fraction >= self._last + 0.01:
            self._send(fraction)

    def finish(self) -> None:
        self._send(1.0)

    def _send(self, fraction: float) -> None:
        self._last = fraction
        if self._callback is not None:
            self._callback(fraction)


@dataclass(frozen=True)
class _Run:
    dst: Path
    progress: _Progress
    cancel: threading.Event

    def check(self) -> None:
        if self.cancel.is_set():
            raise ExportCancelled(self.dst)


def _frames(info: VideoInfo, cut: Cut, kind: ExportKind) -> int:
    """How many frames the export must hold."""
    return _gif_ticks(info, cut) if kind is ExportKind.GIF else cut.frame_count


def _duration(info: VideoInfo, cut: Cut, kind: ExportKind) -> float:
    """How long the export must last."""
    if kind is ExportKind.GIF:
        return _gif_ticks(info, cut) / _gif_fps(info)
    return float((cut.end_pts - cut.start_pts) * info.time_base)


def _check_output(tmp: Path, dst: Path, frames: int, duration: float) -> VideoInfo:
    """Read the written file back: it must hold `frames` frames lasting
    `duration` give or take a frame, or it is not kept."""
    try:
        written = probe(tmp)
    except Exception as exc:
        raise ExportFailedError(dst, f"the written file does not read back: {exc}") from exc
    frame_time = duration / max(frames, 1)
    if written.frame_count != frames or abs(written.duration - duration) > frame_time * 1.01:
        raise ExportFailedError(
            dst,
            f"{written.frame_count} frames, {written.duration:.3f} s written; "
            f"{frames} frames, {duration:.3f} s planned",
        )
    return written


@contextlib.contextmanager
def _output(tmp: Path, fmt: str, options: dict[str, str]) -> Iterator[av.container.OutputContainer]:
    """An output container, finished (trailer written) on success; on failure
    closed without letting a second error (a full disk again) hide the first."""
    target = av.open(str(tmp), mode="w", format=fmt, options=options)
    try:
        yield target
    except BaseException:
        with contextlib.suppress(Exception):
            target.close()
        raise
    target.close()


def _decoded(packet: av.Packet) -> list[av.video.frame.VideoFrame | av.audio.frame.AudioFrame]:
    try:
        return packet.decode()  # type: ignore[return-value]
    except av.error.InvalidDataError as exc:
        log.debug("skipped a damaged packet: %s", exc)
        return []


def _seek_to_cut(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    info: VideoInfo,
    cut: Cut,
) -> None:
    keyframe = info.keyframe_at_or_before(cut.start_pts)
    try:
        container.seek(keyframe.dts if keyframe.dts is not None else keyframe.pts, stream=stream)
    except av.error.FFmpegError as exc:
        raise unreadable(info.path, exc) from exc


# --------------------------------------------------------------------------- MP4 copy


def _copy_mp4(info: VideoInfo, cut: Cut, tmp: Path, run: _Run) -> None:
    """Copy the cut's packets (and the sound's over the same time) into a new MP4."""
    with open_video(info.path) as (source, video):
        audio = source.streams.audio[0] if source.streams.audio else None
        with _output(tmp, "mp4", {"movflags": "+faststart"}) as target:
            out_video = target.add_stream_from_template(video)
            out_audio = target.add_stream_from_template(audio) if audio is not None else None
            _copy_packets(info, cut, source, video, audio, target, out_video, out_audio, run)


def _copy_packets(
    info: VideoInfo,
    cut: Cut,
    source: av.container.InputContainer,
    video: av.video.stream.VideoStream,
    audio: av.audio.stream.AudioStream | None,
    target: av.container.OutputContainer,
    out_video: av.stream.Stream,
    out_audio: av.stream.Stream | None,
    run: _Run,
) -> None:
    wanted = set(info.frame_pts[cut.first : cut.stop])
    total = len(wanted)
    begin, finish = cut.start_pts * info.time_base, cut.end_pts * info.time_base
    audio_shift = (
        math.floor(begin / audio.time_base) if audio is not None and audio.time_base else 0
    )
    audio_done = audio is None
    _seek_to_cut(source, video, info, cut)
    streams = [s for s in (video, audio) if s is not None]
    for packet in source.demux(*streams):
        run.check()
        if packet.size == 0 or packet.pts is None:
            continue
        if packet.stream is video:
            if packet.pts not in wanted:
                continue
            wanted.discard(packet.pts)
            _shift(packet, cut.start_pts)
            packet.stream = out_video
            run.progress.report((total - len(wanted)) / total)
        else:
            assert audio is not None and out_audio is not None
            when = packet.pts * packet.time_base
            if when >= finish:
                audio_done = True
            # A packet overlapping the start is kept: AAC needs the one before
            # to decode the next one cleanly (the muxer's edit list hides it).
            if when >= finish or when + (packet.duration or 0) * packet.time_base <= begin:
                continue
            _shift(packet, audio_shift)
            packet.stream = out_audio
        target.mux(packet)
        if not wanted and audio_done:
            break


def _shift(packet: av.Packet, ticks: int) -> None:
    assert packet.pts is not None
    packet.pts -= ticks
    if packet.dts is not None:
        packet.dts -= ticks


# --------------------------------------------------------------------------- re-encoding


def _encode(info: VideoInfo, cut: Cut, tmp: Path, encoding: Encoding, run: _Run) -> None:
    """Decode the cut and encode it (and its sound) with `encoding`."""
    with open_video(info.path) as (source, video):
        audio = source.streams.audio[0] if source.streams.audio else None
        with _output(tmp, encoding.format, encoding.container_options) as target:
            out_video = _video_output(target, info, video, encoding)
            out_audio = _audio_output(target, audio, encoding) if audio is not None else None
            _transcode(info, cut, source, video, audio, target, out_video, out_audio, run)


def _even(value: int) -> int:
    return max(2, value - value % 2)


def _video_output(
    target: av.container.OutputContainer,
    info: VideoInfo,
    video: av.video.stream.VideoStream,
    encoding: Encoding,
) -> av.video.stream.VideoStream:
    rate = video.average_rate or Fraction(round(info.fps) or 24)
    stream = target.add_stream(encoding.video_codec, rate=rate)
    assert isinstance(stream, av.video.stream.VideoStream)
    # yuv420p, which every player decodes, needs even sizes.
    stream.width, stream.height = _even(info.width), _even(info.height)
    stream.pix_fmt = "yuv420p"
    stream.time_base = info.time_base
    stream.codec_context.options = dict(encoding.video_options)
    stream.codec_context.thread_count = min(os.cpu_count() or 1, 8)
    return stream


def _audio_output(
    target: av.container.OutputContainer,
    audio: av.audio.stream.AudioStream,
    encoding: Encoding,
) -> av.audio.stream.AudioStream:
    rate = encoding.audio_rate or audio.codec_context.sample_rate or 48000
    stream = target.add_stream(encoding.audio_codec, rate=rate)
    assert isinstance(stream, av.audio.stream.AudioStream)
    channels = audio.codec_context.layout.nb_channels
    stream.layout = "mono" if channels == 1 else "stereo"
    stream.bit_rate = 160_000
    return stream


def _transcode(
    info: VideoInfo,
    cut: Cut,
    source: av.container.InputContainer,
    video: av.video.stream.VideoStream,
    audio: av.audio.stream.AudioStream | None,
    target: av.container.OutputContainer,
    out_video: av.video.stream.VideoStream,
    out_audio: av.audio.stream.AudioStream | None,
    run: _Run,
) -> None:
    begin, finish = cut.start_pts * info.time_base, cut.end_pts * info.time_base
    audio_shift = (
        math.floor(begin / audio.time_base) if audio is not None and audio.time_base else 0
    )
    size = (out_video.width, out_video.height)
    encoded, video_done, audio_done = 0, False, audio is None
    _seek_to_cut(source, video, info, cut)
    skipping = SkipUnwanted(video, lambda pts: pts >= cut.start_pts)
    streams = [s for s in (video, audio) if s is not None]
    for packet in source.demux(*streams):
        if packet.stream is video:
            skipping.see(packet.pts)
        for frame in _decoded(packet):
            run.check()
            if isinstance(frame, av.video.frame.VideoFrame):
                if frame.pts is None or frame.pts < cut.start_pts or video_done:
                    continue
                if frame.pts >= cut.end_pts:
                    video_done = True
                    continue
                target.mux(out_video.encode(_prepared(frame, cut.start_pts, size)))
                encoded += 1
                run.progress.report(encoded / cut.frame_count)
            elif out_audio is not None and frame.pts is not None and not audio_done:
                assert audio is not None
                when = frame.pts * (frame.time_base or audio.time_base or Fraction(1, 48000))
                if when >= finish:
                    audio_done = True
                elif when >= begin:
                    frame.pts -= audio_shift
                    target.mux(out_audio.encode(frame))
        if video_done and audio_done:
            break
    target.mux(out_video.encode(None))
    if out_audio is not None:
        target.mux(out_audio.encode(None))


def _prepared(frame: VideoFrame, shift: int, size: tuple[int, int]) -> VideoFrame:
    """A source frame ready for the encoder: moved to start at 0, in yuv420p at
    the output size, with the source's picture type forgotten (the encoder
    places its own keyframes)."""
    pts = frame.pts
    assert pts is not None
    if (frame.width, frame.height) != size or frame.format.name != "yuv420p":
        frame = frame.reformat(width=size[0], height=size[1], format="yuv420p")
    frame.pts = pts - shift
    frame.pict_type = av.video.frame.PictureType.NONE
    return frame


# --------------------------------------------------------------------------- GIF


def _gif_fps(info: VideoInfo) -> int:
    return max(1, min(GIF_MAX_FPS, round(info.fps) or GIF_MAX_FPS))


def _gif_size(info: VideoInfo) -> tuple[int, int]:
    width = min(info.width, GIF_MAX_WIDTH)
    return width, max(1, round(info.height * width / info.width))


def _gif_ticks(info: VideoInfo, cut: Cut) -> int:
    """How many GIF frames the cut becomes: its length at the GIF's rate."""
    seconds = float((cut.end_pts - cut.start_pts) * info.time_base)
    return max(1, round(seconds * _gif_fps(info)))


def _gif(info: VideoInfo, cut: Cut, tmp: Path, run: _Run) -> None:
    """Write the cut as a looping GIF."""
    fps, shown = _gif_fps(info), _gif_frames(info, cut)
    palette = _gif_palette(info, cut, shown, run)
    with _output(tmp, "gif", {"loop": "0"}) as target:
        width, height = _gif_size(info)
        stream = target.add_stream("gif", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "pal8"
        mapper: _PaletteMapper | None = None
        for tick, frame in _ticks(info, cut, shown, run):
            if mapper is None:
                mapper = _PaletteMapper(frame, palette, (width, height), fps)
            for out in mapper.map(frame, tick):
                target.mux(stream.encode(out))
            run.progress.report(0.3 + 0.7 * (tick + 1) / len(shown))
        if mapper is not None:
            for out in mapper.finish():
                target.mux(stream.encode(out))
        target.mux(stream.encode(None))


def _gif_frames(info: VideoInfo, cut: Cut) -> list[int]:
    """The timestamp of the source frame each GIF frame shows: the one showing
    at tick/fps seconds into the cut."""
    step = Fraction(1, _gif_fps(info)) / info.time_base
    frames = info.frame_pts
    return [
        frames[max(0, bisect.bisect_right(frames, cut.start_pts + math.floor(tick * step)) - 1)]
        for tick in range(_gif_ticks(info, cut))
    ]


def _cut_frames(
    info: VideoInfo, cut: Cut, run: _Run, wanted: Wanted | None = None
) -> Iterator[VideoFrame]:
    """The cut's decoded frames in display order. Frames nothing refers to are
    decoded only when `wanted` (by default: every frame of the cut)."""
    with open_video(info.path) as (source, video):
        _seek_to_cut(source, video, info, cut)
        skipping = SkipUnwanted(video, wanted or (lambda pts: pts >= cut.start_pts))
        for packet in source.demux(video):
            skipping.see(packet.pts)
            for frame in _decoded(packet):
                run.check()
                if not isinstance(frame, av.video.frame.VideoFrame) or frame.pts is None:
                    continue
                if frame.pts >= cut.end_pts:
                    return
                if frame.pts >= cut.start_pts:
                    yield frame


def _ticks(
    info: VideoInfo, cut: Cut, shown: list[int], run: _Run
) -> Iterator[tuple[int, VideoFrame]]:
    """(tick, frame) for every GIF frame: the frame `shown` says, or the
    latest one before it should that one fail to decode."""
    tick, held = 0, None
    for frame in _cut_frames(info, cut, run, wanted=set(shown).__contains__):
        assert frame.pts is not None
        while held is not None and tick < len(shown) and shown[tick] < frame.pts:
            yield tick, held
            tick += 1
        held = frame
    while held is not None and tick < len(shown):
        yield tick, held
        tick += 1


def _gif_palette(info: VideoInfo, cut: Cut, shown: list[int], run: _Run) -> VideoFrame:
    """One 256-colour palette for the whole cut, from up to 32 of its GIF
    frames spread evenly across it."""
    sampled = set(shown[:: max(1, math.ceil(len(shown) / _GIF_PALETTE_FRAMES))])
    graph: av.filter.Graph | None = None
    for frame in _cut_frames(info, cut, run, wanted=sampled.__contains__):
        assert frame.pts is not None
        run.progress.report(0.3 * (frame.pts - cut.start_pts) / (cut.end_pts - cut.start_pts))
        if frame.pts not in sampled:
            continue
        if graph is None:
            graph = _palette_graph(frame, _gif_size(info))
        graph.vpush(frame)
    if graph is None:
        raise unreadable(info.path, ValueError("no frame decodes in this range"))
    graph.vpush(None)
    return graph.vpull()


def _palette_graph(template: VideoFrame, size: tuple[int, int]) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_buffer(
        width=template.width,
        height=template.height,
        format=template.format,
        time_base=template.time_base or Fraction(1, 1000),
    )
    scale = graph.add("scale", f"{size[0]}:{size[1]}:flags=lanczos")
    palettegen = graph.add("palettegen", "stats_mode=full")
    graph.link_nodes(source, scale, palettegen, graph.add("buffersink")).configure()
    return graph


class _PaletteMapper:
    """FFmpeg's paletteuse: frames in, pal8 frames on the clip's palette out."""

    def __init__(
        self, template: VideoFrame, palette: VideoFrame, size: tuple[int, int], fps: int
    ) -> None:
        self.fps = fps
        graph = av.filter.Graph()
        self.source = graph.add_buffer(
            width=template.width,
            height=template.height,
            format=template.format,
            time_base=Fraction(1, fps),
        )
        palette_source = graph.add_buffer(
            width=palette.width,
            height=palette.height,
            format=palette.format,
            time_base=Fraction(1, fps),
        )
        scale = graph.add("scale", f"{size[0]}:{size[1]}:flags=lanczos")
        use = graph.add("paletteuse", _GIF_DITHER)
        sink = graph.add("buffersink")
        self.source.link_to(scale)
        scale.link_to(use, 0, 0)
        palette_source.link_to(use, 0, 1)
        use.link_to(sink)
        graph.configure()
        palette.pts = 0
        palette_source.push(palette)
        palette_source.push(None)
        self.graph = graph

    def map(self, frame: VideoFrame, tick: int) -> list[VideoFrame]:
        frame.pts, frame.time_base = tick, Fraction(1, self.fps)
        self.source.push(frame)
        return self._pull()

    def finish(self) -> list[VideoFrame]:
        self.source.push(None)
        return self._pull()

    def _pull(self) -> list[VideoFrame]:
        out = []
        while True:
            try:
                out.append(self.graph.vpull())
            except (av.error.BlockingIOError, av.error.EOFError):
                return out
