"""Export: MP4 copied when the cut allows it, GIF, WebM; progress, cancel, safe files."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path

import av
import pytest
from PIL import Image

from app.media import (
    DiskFullError,
    ExportCancelled,
    ExportFailedError,
    ExportKind,
    FolderNotWritableError,
    OutOfRangeError,
    OutputExistsError,
    UnreadableVideoError,
    UnsupportedExportError,
    can_copy,
    export_clip,
    plan_cut,
    probe,
)
from app.media import export as export_module
from tests.support.hostile import read_only_folder, small_disk
from tests.support.media import ClipSpec, read_frame_number
from tests.unit.media.conftest import MakeClip

#: 4 s at 24 fps, keyframes every second, B-frames, AAC sound.
SOURCE = ClipSpec(frames=96, gop=24, bframes=2, width=320, height=192, audio=True)
FRAME = 1 / 24


def _numbers(path: Path) -> list[int]:
    """The number drawn in every frame of a video or GIF, in display order."""
    with av.open(str(path)) as container:
        return [read_frame_number(f.to_image()) for f in container.decode(video=0)]


def _video_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def _sound_span(path: Path) -> tuple[float, float]:
    """Where the first sound packet starts and the last ends, in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        packets = [p for p in container.demux(stream) if p.size and p.pts is not None]
        base = stream.time_base
        assert base is not None
        first, last = packets[0], packets[-1]
        assert first.pts is not None and last.pts is not None
        return float(first.pts * base), float((last.pts + last.duration) * base)


def _source_packets(path: Path, first: int, stop: int) -> list[bytes]:
    """The stored packets of frames first..stop (display order), in stored order."""
    info = probe(path)
    wanted = set(info.frame_pts[first:stop])
    with av.open(str(path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size and p.pts in wanted]


class Progress:
    def __init__(self) -> None:
        self.values: list[float] = []

    def __call__(self, value: float) -> None:
        self.values.append(value)

    def check(self) -> None:
        assert self.values, "no progress was reported"
        assert self.values == sorted(self.values)
        assert all(0.0 <= v <= 1.0 for v in self.values)
        assert self.values[-1] == 1.0


@pytest.fixture
def source(clip: MakeClip) -> Path:
    return clip(SOURCE)


# --------------------------------------------------------------------------- MP4


@pytest.mark.parametrize(
    ("start", "end", "first", "stop"),
    [(0.0, 4.0, 0, 96), (1.0, 3.0, 24, 72), (2.0, 4.0, 48, 96), (1.0, 2.0 - 0.001, 24, 48)],
    ids=["whole", "keyframe-to-keyframe", "keyframe-to-end", "just-before-a-keyframe"],
)
def test_mp4_cut_on_keyframes_is_copied_packet_for_packet(
    source: Path, tmp_path: Path, start: float, end: float, first: int, stop: int
) -> None:
    progress = Progress()
    result = export_clip(source, tmp_path / "cut.mp4", start, end, "mp4", progress)
    assert result.copied
    assert result.kind is ExportKind.MP4
    # No re-encode: the very bytes of the source's packets, in the same order.
    assert _video_packets(result.path) == _source_packets(source, first, stop)
    assert _numbers(result.path) == list(range(first, stop))
    assert result.frames == stop - first
    assert result.duration == pytest.approx(end - start, abs=FRAME)
    assert result.size_bytes == result.path.stat().st_size
    progress.check()


def test_mp4_copy_keeps_the_sound_of_the_range(source: Path, tmp_path: Path) -> None:
    result = export_clip(source, tmp_path / "cut.mp4", 1.0, 3.0, "mp4")
    assert result.copied
    begin, end = _sound_span(result.path)
    assert begin == pytest.approx(0.0, abs=0.025)  # AAC frames are 21 ms
    assert end == pytest.approx(2.0, abs=0.025)


@pytest.mark.parametrize(
    ("start", "end", "first", "stop"),
    [(0.5, 2.5, 12, 60), (0.52, 2.0, 12, 48), (1.0, 2.5, 24, 60)],
    ids=["mid-gop-start", "start-between-frames", "b-frame-end-needs-a-later-frame"],
)
def test_mp4_cut_that_can_not_be_copied_is_re_encoded_exactly(
    source: Path, tmp_path: Path, start: float, end: float, first: int, stop: int
) -> None:
    result = export_clip(source, tmp_path / "cut.mp4", start, end, "mp4")
    assert not result.copied
    assert _numbers(result.path) == list(range(first, stop))
    assert result.duration == pytest.approx(end - start, abs=FRAME)
    info = probe(result.path)
    assert (info.codec, info.width, info.height) == ("h264", 320, 192)
    assert info.audio_codec == "aac"
    begin, finish = _sound_span(result.path)
    assert begin == pytest.approx(0.0, abs=0.05)
    assert finish == pytest.approx(result.duration, abs=0.05)


def test_without_b_frames_any_end_is_copied(clip: MakeClip, tmp_path: Path) -> None:
    spec = ClipSpec(frames=96, gop=24, bframes=0)
    result = export_clip(clip(spec), tmp_path / "cut.mp4", 1.0, 2.3, "mp4")
    assert result.copied
    assert _numbers(result.path) == list(range(24, 56))


def test_with_b_frames_an_end_right_after_a_p_frame_is_copied(
    clip: MakeClip, tmp_path: Path
) -> None:
    # Fixed pattern I B B P B B P ...: frames 24, 27, 30, 33 ... are I/P-frames.
    # Every frame shown up to a P-frame is stored before the next P-frame, so a
    # cut ending on P33 is copied; one ending on B34 would need P36: re-encoded.
    source = clip(ClipSpec(frames=96, gop=24, bframes=2))
    info = probe(source)
    assert can_copy(info, plan_cut(info, 1.0, 34 / 24))
    assert not can_copy(info, plan_cut(info, 1.0, 35 / 24))
    copied = export_clip(source, tmp_path / "copied.mp4", 1.0, 34 / 24, "mp4")
    encoded = export_clip(source, tmp_path / "encoded.mp4", 1.0, 35 / 24, "mp4")
    assert (copied.copied, encoded.copied) == (True, False)
    assert _numbers(copied.path) == list(range(24, 34))
    assert _numbers(encoded.path) == list(range(24, 35))


def test_allow_copy_false_re_encodes_even_a_copyable_cut(source: Path, tmp_path: Path) -> None:
    result = export_clip(source, tmp_path / "cut.mp4", 0.0, 4.0, "mp4", allow_copy=False)
    assert not result.copied
    assert _video_packets(result.path) != _source_packets(source, 0, 96)
    assert _numbers(result.path) == list(range(96))


def test_a_source_in_another_container_is_re_encoded(clip: MakeClip, tmp_path: Path) -> None:
    source = clip(ClipSpec(container="mpegts", frames=48, gop=12))
    result = export_clip(source, tmp_path / "cut.mp4", 0.0, 1.0, "mp4")
    assert not result.copied
    assert _numbers(result.path) == list(range(24))


def test_odd_sizes_are_made_even_for_h264(tmp_path: Path) -> None:
    from tests.support.media import make_numbered_video

    source = make_numbered_video(
        tmp_path / "odd.webm",
        ClipSpec(frames=24, width=161, height=97, codec="libvpx-vp9", container="webm"),
    )
    result = export_clip(source, tmp_path / "even.mp4", 0.0, 1.0, "mp4")
    info = probe(result.path)
    assert (info.width, info.height) == (160, 96)
    assert _numbers(result.path) == list(range(24))


# --------------------------------------------------------------------------- GIF


def test_gif_loops_forever_with_the_range_s_frames_and_duration(
    source: Path, tmp_path: Path
) -> None:
    progress = Progress()
    result = export_clip(source, tmp_path / "loop.gif", 0.5, 2.5, "gif", progress)
    assert result.kind is ExportKind.GIF and not result.copied
    with Image.open(result.path) as gif:
        assert gif.format == "GIF"
        assert gif.info["loop"] == 0  # forever
        assert gif.n_frames == 24  # 2 s at 12 frames a second
        durations, numbers = [], []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
            numbers.append(read_frame_number(gif.convert("RGB")))
    assert sum(durations) / 1000 == pytest.approx(2.0, abs=1 / 12)
    # 24 source frames a second become 12: every other frame, from the in-point.
    assert numbers == list(range(12, 60, 2))
    assert result.frames == 24
    progress.check()


def test_gif_is_capped_at_480_pixels_wide_and_256_colours(clip: MakeClip, tmp_path: Path) -> None:
    source = clip(ClipSpec(frames=24, width=640, height=360, noise=True))
    result = export_clip(source, tmp_path / "wide.gif", 0.0, 1.0, "gif")
    with Image.open(result.path) as gif:
        assert gif.size == (480, 270)
        for index in range(gif.n_frames):
            gif.seek(index)
            colours = gif.convert("RGB").getcolors(maxcolors=1 << 16)
            assert colours is not None and len(colours) <= 256


def test_gif_keeps_a_slow_source_s_own_rate(clip: MakeClip, tmp_path: Path) -> None:
    source = clip(ClipSpec(frames=16, fps=8, gop=8))
    result = export_clip(source, tmp_path / "slow.gif", 0.0, 2.0, "gif")
    with Image.open(result.path) as gif:
        assert gif.n_frames == 16
    assert _numbers(result.path) == list(range(16))


# --------------------------------------------------------------------------- WebM


def test_webm_is_vp9_with_opus_and_plays_back(source: Path, tmp_path: Path) -> None:
    progress = Progress()
    result = export_clip(source, tmp_path / "clip.webm", 0.5, 3.0, "webm", progress)
    info = probe(result.path)
    assert info.format_name.split(",")[0] in ("matroska", "webm")
    assert info.codec == "vp9"
    assert info.audio_codec == "opus"
    assert _numbers(result.path) == list(range(12, 72))
    assert result.duration == pytest.approx(2.5, abs=FRAME)
    progress.check()


def test_webm_falls_back_to_vp8_without_a_vp9_encoder(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export_module.has_encoder
    monkeypatch.setattr(
        export_module, "has_encoder", lambda name: name != "libvpx-vp9" and real(name)
    )
    result = export_clip(source, tmp_path / "clip.webm", 0.0, 1.0, "webm")
    assert probe(result.path).codec == "vp8"
    assert _numbers(result.path) == list(range(24))


def test_no_encoder_the_desktop_package_replaces_is_ever_chosen() -> None:
    # packaging/README.md: libx265 and SVT-AV1 are stand-ins in the package.
    encoding = export_module.webm_encoding()
    chosen = {encoding.video_codec, encoding.audio_codec, export_module._H264.video_codec}
    assert chosen.isdisjoint({"libx265", "libsvtav1", "libaom-av1", "librav1e"})


def test_webm_without_any_vp_encoder_is_unsupported(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "has_encoder", lambda name: False)
    with pytest.raises(UnsupportedExportError) as caught:
        export_clip(source, tmp_path / "clip.webm", 0.0, 1.0, "webm")
    assert caught.value.kind == "webm"
    assert not (tmp_path / "clip.webm").exists()


# --------------------------------------------------------------------------- safety


def _folder_listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize("kind", ["mp4", "gif", "webm"])
def test_a_cancelled_export_leaves_nothing(source: Path, tmp_path: Path, kind: str) -> None:
    cancel = threading.Event()
    seen: list[float] = []

    def progress(value: float) -> None:
        seen.append(value)
        if value >= 0.3:
            cancel.set()

    out = tmp_path / "out" / f"clip.{kind}"
    out.parent.mkdir()
    with pytest.raises(ExportCancelled) as caught:
        export_clip(source, out, 0.5, 4.0, kind, progress, cancel)
    assert caught.value.path == out
    assert seen and max(seen) < 1.0
    assert _folder_listing(out.parent) == []


def test_a_cancel_set_before_the_start_writes_nothing(source: Path, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        export_clip(source, tmp_path / "c.mp4", 0.0, 4.0, "mp4", None, cancel)
    assert not (tmp_path / "c.mp4").exists()


@pytest.mark.parametrize("kind", ["mp4", "gif", "webm"])
def test_an_existing_file_is_never_overwritten_unless_asked(
    source: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"mine.{kind}"
    out.write_bytes(b"the user's own work")
    with pytest.raises(OutputExistsError) as caught:
        export_clip(source, out, 0.0, 1.0, kind)
    assert caught.value.path == out
    assert out.read_bytes() == b"the user's own work"
    assert _folder_listing(tmp_path) == [out.name]
    result = export_clip(source, out, 0.0, 1.0, kind, overwrite=True)
    assert result.frames == (12 if kind == "gif" else 24)


def test_a_file_appearing_during_the_export_is_not_overwritten(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "race.mp4"

    def progress(value: float) -> None:
        if not out.exists():
            out.write_bytes(b"another program's file")

    with pytest.raises(OutputExistsError):
        export_clip(source, out, 0.5, 2.0, "mp4", progress)
    assert out.read_bytes() == b"another program's file"
    assert _folder_listing(tmp_path) == ["race.mp4"]


@pytest.mark.parametrize("kind", ["mov", "avi", "", "GIF89"])
def test_an_unknown_kind_is_refused_before_anything_is_read(tmp_path: Path, kind: str) -> None:
    with pytest.raises(UnsupportedExportError) as caught:
        export_clip(tmp_path / "no-such-source.mp4", tmp_path / "x", 0.0, 1.0, kind)
    assert caught.value.kind == kind


def test_the_kind_may_be_given_in_capitals_or_as_the_enum(source: Path, tmp_path: Path) -> None:
    assert export_clip(source, tmp_path / "a.gif", 0, 1, "GIF").kind is ExportKind.GIF
    assert export_clip(source, tmp_path / "b.mp4", 0, 1, ExportKind.MP4).kind is ExportKind.MP4


@pytest.mark.parametrize(
    ("start", "end"),
    [(-0.1, 1.0), (1.0, 1.0), (2.0, 1.0), (0.0, 4.5), (4.0, 4.5), (float("nan"), 1.0)],
    ids=["negative", "empty", "backwards", "past-the-end", "starts-at-the-end", "nan"],
)
def test_a_range_outside_the_clip_is_a_typed_error(
    source: Path, tmp_path: Path, start: float, end: float
) -> None:
    with pytest.raises(OutOfRangeError) as caught:
        export_clip(source, tmp_path / "x.mp4", start, end, "mp4")
    assert caught.value.duration == pytest.approx(4.0)
    assert _folder_listing(tmp_path) == []


def test_a_range_ending_a_millisecond_past_the_end_is_the_whole_tail(
    source: Path, tmp_path: Path
) -> None:
    result = export_clip(source, tmp_path / "x.mp4", 3.0, 4.001, "mp4")
    assert _numbers(result.path) == list(range(72, 96))


def test_an_unreadable_source_is_a_typed_error_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 500)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UnreadableVideoError):
        export_clip(broken, out / "x.mp4", 0.0, 1.0, "mp4")
    assert _folder_listing(out) == []


@pytest.mark.parametrize("kind", ["mp4", "gif"])
def test_a_full_disk_is_a_typed_error_naming_the_folder(
    source: Path, tmp_path: Path, kind: str
) -> None:
    with small_disk(tmp_path / "disk", "24k") as disk:
        with pytest.raises(DiskFullError) as caught:
            export_clip(source, disk / f"clip.{kind}", 0.0, 4.0, kind)
        assert caught.value.folder == disk
        assert str(disk) in caught.value.user_message
        assert _folder_listing(disk) == []


def test_a_folder_that_refuses_writes_is_a_typed_error(source: Path, tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        with pytest.raises(FolderNotWritableError) as caught:
            export_clip(source, folder / "clip.mp4", 0.0, 1.0, "mp4")
        assert caught.value.folder == folder


def test_a_missing_folder_is_a_typed_error(source: Path, tmp_path: Path) -> None:
    with pytest.raises(FolderNotWritableError) as caught:
        export_clip(source, tmp_path / "nowhere" / "clip.mp4", 0.0, 1.0, "mp4")
    assert caught.value.folder == tmp_path / "nowhere"


def test_an_output_that_reads_back_wrong_is_not_kept(source: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportFailedError) as caught:
        export_module._check_output(source, tmp_path / "x.mp4", frames=95, duration=4.0)
    assert "95 frames" in str(caught.value)
    with pytest.raises(ExportFailedError):
        export_module._check_output(source, tmp_path / "x.mp4", frames=96, duration=3.5)
    assert export_module._check_output(source, tmp_path / "x.mp4", 96, 4.0).frame_count == 96


def test_exports_in_parallel_threads_are_each_right(source: Path, tmp_path: Path) -> None:
    jobs = {
        "a.mp4": (0.0, 2.0, list(range(0, 48))),
        "b.mp4": (0.5, 2.0, list(range(12, 48))),
        "c.webm": (1.0, 2.0, list(range(24, 48))),
        "d.gif": (1.0, 3.0, list(range(24, 72, 2))),
    }
    errors: list[BaseException] = []

    def run(name: str, start: float, end: float) -> None:
        try:
            export_clip(source, tmp_path / name, start, end, name.rsplit(".", 1)[1])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n, s, e)) for n, (s, e, _) in jobs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    for name, (_, _, numbers) in jobs.items():
        assert _numbers(tmp_path / name) == numbers, name


def test_the_source_is_never_changed(source: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copy(source, tmp_path / "src.mp4"))
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    for kind in ("mp4", "gif", "webm"):
        export_clip(copy, tmp_path / f"x.{kind}", 0.5, 1.5, kind)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
